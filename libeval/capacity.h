// Capacity release (kapacitetsfrigørelse, spec section 7): staff hours freed
// per activity and year, realisable hours, FTE (årsværk) and their value.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "libeval/model.h"

namespace gevinst {

/// One activity over the horizon; index t = year - start_year.
///   hours = hours_saved_per_event x events x adoption
///   realisable_hours = hours x realisable
///   fte = realisable_hours / fte_hours
///   value = realisable_hours x hour_cost (money)
struct ActivitySeries {
  std::string id, label, staff, party;
  bool monetise = true;
  double hour_cost = 0;  ///< money per hour
  std::vector<double> hours, realisable_hours, fte, value;
};

/// Activity `a` of case `c` with parameter values `params`.
ActivitySeries activity_series(const Case& c, const Activity& a, std::span<const double> params);

/// Totals of one group (a staff group, party, activity or the whole case).
struct CapacityTotals {
  std::string id;
  double hours = 0, realisable_hours = 0, value = 0;  ///< sums over the horizon
  double fte = 0;        ///< largest annual FTE ("FTE freed at full effect")
  double fte_years = 0;  ///< sum of annual FTE over the horizon
  std::optional<int> fte_year;  ///< the first year the largest FTE is reached (steady state)
  std::vector<double> hours_by_year, realisable_by_year, fte_by_year, value_by_year;
};

struct CapacityResult {
  std::string case_id;
  double fte_hours = 1924;
  int start_year = 0;
  CapacityTotals total;
  std::vector<CapacityTotals> by_staff, by_party, by_activity;
  std::vector<ActivitySeries> activities;
  std::optional<double> target_fte;
  std::optional<double> target_share;  ///< fte / target_fte
  std::optional<double> monetised_value;  ///< value that enters evaluate as capacity benefits
};

struct CapacityOptions {
  Overrides overrides;
};

/// Capacity release of a case; throws InputError on evaluation failures.
CapacityResult evaluate_capacity(const Case& c, const CapacityOptions& opt = {});

}  // namespace gevinst
