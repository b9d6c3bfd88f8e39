// Capacity release (kapacitetsfrigørelse, docs/case-format.md, "Capacity
// release"): staff hours freed per activity and year, realisable hours, FTE
// (årsværk) and their value.
//
//   CapacityResult r = evaluate_capacity(c);
//   r.total.fte        // FTE freed at full effect (largest annual FTE)
//   r.total.fte_year   // the first year it is reached ("steady state")
//   r.total.value      // realisable hours x hour cost, summed over the horizon (money)
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "libeval/model.h"
#include "libeval/phrase.h"

namespace gevinst {

/// One activity over the horizon; index t = year - start_year. Per year y
/// within from..to (docs/case-format.md, "Capacity release"):
///   hours            = hours_saved_per_event x events_per_year x adoption(y)   [hours]
///   realisable_hours = hours x realisable                                      [hours]
///   fte              = realisable_hours / fte_hours                            [FTE]
///   value            = realisable_hours x hour_cost                            [money]
/// Years outside from..to are 0.
struct ActivitySeries {
  std::string id, label, staff, party;
  bool monetise = true;
  double hour_cost = 0;  ///< money per hour
  std::vector<double> hours, realisable_hours, fte, value;
};

/// Activity `a` of case `c` with parameter values `params`. Throws InputError
/// when a value cannot be computed, is negative (time saved, events, hour
/// cost) or, for shares (adoption, realisable), lies outside [0, 1], as a
/// scenario or --set can make it.
ActivitySeries activity_series(const Case& c, const Activity& a, std::span<const double> params);

/// Totals of one group (a staff group, party, activity or the whole case).
struct CapacityTotals {
  std::string id, label;
  double hours = 0, realisable_hours = 0, value = 0;  ///< sums over the horizon (hours, hours, money)
  double fte = 0;                                     ///< largest annual FTE ("FTE freed at full effect")
  double fte_years = 0;                               ///< sum of annual FTE over the horizon
  /// Steady state: the first year in which the largest annual FTE is reached
  /// (to a relative 1e-9, so rounding cannot push it later); null when fte = 0.
  std::optional<int> fte_year;
  std::vector<double> hours_by_year, realisable_by_year, fte_by_year, value_by_year;
};

/// A staff group as used: its hour cost and where the cost comes from.
struct StaffRate {
  std::string id, label;
  std::string preset;    ///< preset name when given as {preset: NAME}; empty otherwise
  double hour_cost = 0;  ///< money per hour
};

/// Headline figures of one scenario, for the side-by-side comparison.
struct CapacityScenarioResult {
  std::string name;  ///< "base" for the case's own parameter values
  double hours = 0, realisable_hours = 0, value = 0, fte = 0, fte_years = 0;
  std::optional<int> fte_year;
  std::optional<double> target_share;  ///< fte / target_fte
};

struct CapacityResult {
  std::string case_id, title, file, currency = "DKK";
  std::string scenario;          ///< the scenario in force (from the options), for the report
  double fte_hours = 1924;       ///< hours per FTE used
  std::string fte_hours_preset;  ///< e.g. "dk-gross"; empty when given as a number
  int start_year = 0, horizon = 0;
  CapacityTotals total;
  std::vector<CapacityTotals> by_staff;     ///< in the order of capacity.staff
  std::vector<StaffRate> staff_rates;       ///< aligned with by_staff
  std::vector<CapacityTotals> by_party;     ///< parties with activities, in the order of parties
  std::vector<CapacityTotals> by_activity;  ///< in the order of capacity.activities
  std::vector<ActivitySeries> activities;   ///< aligned with by_activity
  std::vector<double> discount_factors;     ///< the case's DF per year
  double value_pv = 0;                      ///< sum of DF(t) x value(t) over all activities
  std::optional<double> target_fte;
  std::optional<double> target_share;        ///< total.fte / target_fte
  std::vector<double> target_share_by_year;  ///< fte(t) / target_fte; empty without a target
  /// Value of the monetised activities: what `evaluate` counts as capacity
  /// benefits (derived from this section). Sum over the horizon and its PV;
  /// null when the case has no activities.
  std::optional<double> monetised_value, monetised_pv;
  std::vector<CapacityScenarioResult> scenarios;  ///< base then each scenario, when asked for
  std::vector<Phrase> notes;                      ///< plain-language observations
};

struct CapacityOptions {
  Overrides overrides;   ///< scenario values and --set, applied in order
  std::string scenario;  ///< its name, copied to the result for the report
  /// Throw InputError (naming the file) when the case has no capacity
  /// section, instead of returning an empty result.
  bool require_section = false;
  /// Also compute the headline of the base case and of every scenario of the
  /// case, each with `scenario_extra` (e.g. --set values) applied after it.
  bool scenarios = false;
  Overrides scenario_extra;
};

/// Capacity release of a case; throws InputError on evaluation failures.
/// A case without a capacity section gives an all-zero result unless
/// `require_section` is set.
CapacityResult evaluate_capacity(const Case& c, const CapacityOptions& opt = {});

}  // namespace gevinst
