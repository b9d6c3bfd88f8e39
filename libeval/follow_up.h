// Follow-up on realised benefits (docs/case-format.md, "Follow-up"): the
// plan against what was realised, item by item and year by year; the
// realisation and cost ratios; the re-forecast of the remaining years; plan,
// realised and forecast NPV, BCR and FTE; the brake signal with its reasons;
// each stage gate's status; and gain-share loans repaid on the actuals.
//
//   TrackResult r = evaluate_follow_up(plan, actuals, {});
//   r.realisation       // realised ÷ planned benefits over the reported item-years
//   r.forecast.npv      // realised years + re-forecast years, the plan's discounting
//   r.brake, r.brake_reasons
//
// Definitions, for the elapsed years E (the years the actuals list):
// - p(i, y): item i in year y of the plan at base values; a(i, y): the value
//   reported. An item-year not reported stays out of every ratio and counts
//   at its planned value in the money series.
// - R_i (benefit) and C_i (cost) = Σ_E a(i, y) ÷ Σ_E p(i, y) over the years
//   it is reported; null when that planned sum is 0 or nothing is reported.
//   A capacity activity's ratio is realised ÷ planned hours, its realised
//   hours = events × minutes_saved / 60 from the measured drivers (a driver
//   not measured is the plan's: planned events that year, or the planned time
//   saved per event); its money value and FTE scale with the hours.
// - realisation = Σ realised ÷ Σ planned over the reported item-years of the
//   benefits the perspective counts (monetised activities included);
//   cost_ratio the same over the costs. Per year the same over that year.
// - Re-forecast of the years after E: plan keeps the plan; trend multiplies
//   each item's planned values by its ratio (an item without one keeps the
//   plan); parameters re-evaluates the plan with the realised parameters.
// - forecast NPV = Σ DF(y) × net over the realised years and the forecast
//   years; realised NPV = the same over E alone.
// - Brake: plan NPV >= 0 and forecast NPV < 0; or each of the last
//   brake_years elapsed years has a realisation (not null) below brake_below.
// - A gate is "not due" when the last elapsed year is before `after`, else
//   "passed" when every criterion holds and "failed" otherwise.
// - Gain-share loans: the plan's terms; gains in E are the realised gains of
//   the loan's items, later years the forecast.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "libeval/model.h"
#include "libeval/phrase.h"

namespace gevinst {

/// One item: a cost, a benefit, a capacity activity (hours) or an SROI
/// outcome (quantity; reported, not in the case-level ratios).
struct TrackItem {
  std::string id, label;
  std::string kind;  ///< "cost", "benefit", "activity", "outcome"
  std::string unit;  ///< "money", "hours", "quantity"
  /// Per elapsed year: planned, and realised (null when not reported).
  std::vector<double> planned_by_year;
  std::vector<std::optional<double>> realised_by_year;
  double planned = 0, realised = 0;  ///< sums over the reported years
  std::optional<double> ratio;       ///< realised ÷ planned; null when planned is 0 or nothing reported
  std::vector<int> not_reported;     ///< elapsed years without a value where the plan has one
};

/// One year of the horizon: the plan, and realised (elapsed) or forecast.
struct TrackYear {
  int year = 0;
  bool elapsed = false;
  double discount_factor = 1;
  double planned_costs = 0, planned_benefits = 0;
  double costs = 0, benefits = 0;     ///< realised in elapsed years, forecast after
  std::optional<double> realisation;  ///< elapsed years: this year's case-level realisation
  std::optional<double> cost_ratio;
  double planned_fte = 0, fte = 0;
};

struct TrackMetrics {
  double npv = 0;
  std::optional<double> bcr;
  std::optional<double> fte;  ///< largest annual FTE; null without a capacity section
};

struct GateOutcome {
  std::string id;
  int after = 0;
  std::string status;  ///< "passed", "failed", "not due"
  std::vector<std::string> failed_criteria;
  /// Per failed criterion, why (a null value, ...); an empty pattern when it
  /// simply does not hold.
  std::vector<Phrase> reasons;
  std::string from, to;
  double amount = 0;     ///< the gate's release
  double released = 0;   ///< amount when passed, else 0
  int release_year = 0;  ///< after + 1
};

struct LoanTrackYear {
  int year = 0;
  bool elapsed = false;
  double planned_gains = 0, gains = 0;  ///< gains of the loan's items: plan, and realised or forecast
  double planned_payment = 0, due = 0;
};

struct LoanTrack {
  std::string id, label, lender, borrower;
  std::vector<LoanTrackYear> years;
  double planned_paid = 0, paid_projected = 0;
  double planned_forgiven = 0, forgiven_projected = 0;
};

struct TrackResult {
  std::string file, case_file, case_id, title, as_of, source, currency = "DKK";
  Perspective perspective = Perspective::organisation;
  ForecastMethod forecast_method = ForecastMethod::trend;
  int start_year = 0, horizon = 0;
  std::vector<int> elapsed_years;
  std::optional<double> realisation, cost_ratio;
  std::vector<TrackItem> items;
  std::vector<TrackYear> years;
  TrackMetrics plan, forecast;
  double realised_npv = 0;
  double brake_below = 0.7;
  int brake_years = 2;
  bool brake = false;
  std::vector<Phrase> brake_reasons;
  std::vector<GateOutcome> gates;
  double released = 0;  ///< sum over passed gates
  std::vector<LoanTrack> loans;
  std::vector<Phrase> notes;  ///< items not reported, and the like
};

struct TrackOptions {
  Perspective perspective = Perspective::organisation;
  std::optional<ForecastMethod> forecast;  ///< overrides follow_up.forecast
};

/// Follows `actuals` up against `plan` (the case its `case:` names).
/// Throws InputError when the plan cannot be evaluated.
TrackResult evaluate_follow_up(const Case& plan, const Actuals& actuals, const TrackOptions& opt = {});

}  // namespace gevinst
