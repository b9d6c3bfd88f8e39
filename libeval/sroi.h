// Social return on investment (docs/case-format.md, "SROI"): outcomes
// valued with financial proxies, net of deadweight, attribution,
// displacement and drop-off, discounted with the case's discount factors.
//
//   SroiResult r = evaluate_sroi(c);
//   r.ratio            // pv_value / investment: value created per unit invested
//   r.payback_months   // investment / (first-year impact / 12)
//
// Conventions (following "A guide to Social Return on Investment", Cabinet
// Office / SROI Network, 2012, stages 4 and 5):
// - Outcome years: k = 0 .. duration-1, calendar year start + k; years after
//   the horizon are not counted (a warning says so).
// - First year (`sroi.first_year`): `undiscounted` (default) gives an outcome
//   in year index t the case's DF(t), so an outcome starting in start_year is
//   not discounted in its first year; `discounted` (the guide's habit, stage
//   5) gives it DF(t + 1), one year more. The investment takes DF(t) either
//   way.
// - investment: `auto` = PV of all costs of the case (the same discounting,
//   no optimism bias); an explicit amount is already a present value.
// - payback_months = investment / (Y1 / 12), where Y1 = the sum over outcomes
//   of each outcome's first-year impact impact(k = 0) = quantity x proxy x
//   (1 - deadweight) x (1 - attribution) x (1 - displacement), undiscounted:
//   the impact of one full year with every outcome in place and before any
//   drop-off (the guide's "annual impact"). Null when Y1 = 0. Outcomes that
//   start in different calendar years still count with their first year.
// - Sensitivity: the ratio recomputed with one adjustment changed for every
//   outcome at once (deadweight, attribution, displacement, drop_off set to 0,
//   or to the outcome's own value + 0.25 capped at 1), and with every
//   outcome's duration one year shorter (outcomes lasting 1 year drop out).
//   The investment is held fixed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "libeval/discounting.h"
#include "libeval/model.h"
#include "libeval/phrase.h"

namespace gevinst {

/// One outcome over the horizon (index t = year - start_year), money.
///   gross(k)  = quantity x proxy
///   impact(k) = gross x (1 - deadweight) x (1 - attribution) x (1 - displacement) x (1 - drop_off)^k
///   pv(k)     = impact(k) x DF(start + k - start_year)     (first_year undiscounted)
///   pv(k)     = impact(k) x DF(start + k - start_year + 1) (first_year discounted)
/// for k = 0 .. duration-1 after `start`, inside the horizon.
struct OutcomeResult {
  std::string id, stakeholder, indicator;
  std::vector<double> gross, impact, pv;  ///< per horizon year
  double pv_value = 0;                    ///< sum of pv
  // The inputs as evaluated (for the impact map).
  std::string proxy_source;
  double quantity = 0;                                                     ///< units per year
  double proxy = 0;                                                        ///< money per unit
  double deadweight = 0, attribution = 0, displacement = 0, drop_off = 0;  ///< shares
  int start = 0;                                                           ///< calendar year of k = 0
  int duration = 1;                                                        ///< years
  int years_counted = 0;         ///< years of the duration inside the horizon
  double first_year_impact = 0;  ///< impact(0), undiscounted
};

struct StakeholderTotal {
  std::string stakeholder;
  double pv_value = 0;
  std::optional<double> share;  ///< pv_value / the total pv_value; null when the total is 0
};

/// The ratio with one adjustment changed, for the sensitivity table.
struct SroiSensitivityRow {
  std::string factor;  ///< "deadweight", "attribution", "displacement", "drop_off", "duration"
  std::string change;  ///< "0", "+0.25", "-1 year"
  double ratio = 0;
  double pv_value = 0;  ///< the PV of outcomes under the change
};

struct SroiResult {
  std::string case_id;
  std::string title, file, currency = "DKK";
  std::string scenario;  ///< the scenario in force (from the options), for the report
  int start_year = 0, horizon = 0;
  DiscountSchedule discounting;
  Timing timing = Timing::end;
  bool first_year_discounted = false;  ///< sroi.first_year: discounted
  /// Per horizon year, the factor its outcome values take: DF(t), or DF(t + 1)
  /// when first_year_discounted. pv_by_year = impact_by_year x this.
  std::vector<double> discount_factors;
  std::vector<double> impact_by_year, pv_by_year;  ///< sums over outcomes, per horizon year
  double pv_value = 0;
  double investment = 0;
  bool investment_auto = true;           ///< investment = PV of all costs
  double ratio = 0;                      ///< pv_value / investment
  double net_ratio = 0;                  ///< (pv_value - investment) / investment
  double first_year_impact = 0;          ///< Y1: sum of each outcome's impact(0), undiscounted
  std::optional<double> payback_months;  ///< investment / (Y1 / 12); see the file comment
  std::vector<OutcomeResult> outcomes;
  std::vector<StakeholderTotal> stakeholders;  ///< in order of first appearance
  std::vector<SroiSensitivityRow> sensitivity;
  std::vector<Phrase> warnings;  ///< e.g. the same stakeholder and indicator twice
};

struct SroiOptions {
  Overrides overrides;
  std::string scenario;  ///< its name, copied to the result for the report
  bool sensitivity = true;
};

/// Throws InputError when the case has no sroi section, when a value fails
/// (or a share leaves [0, 1] under a scenario), or when the investment is
/// not positive (investment: auto in a case without costs).
SroiResult evaluate_sroi(const Case& c, const SroiOptions& opt = {});

/// The key under which two outcomes count as the same (double counting):
/// stakeholder and indicator, lower-cased (ASCII) with runs of white space
/// collapsed, so "Falls avoided" and "falls  avoided" match.
///   same_outcome_key("Patients", " Falls  avoided") == "patients\x1ffalls avoided"
std::string same_outcome_key(const std::string& stakeholder, const std::string& indicator);

}  // namespace gevinst
