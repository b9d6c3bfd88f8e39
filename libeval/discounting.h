// Discount factors for a year-indexed series (docs/case-format.md,
// "Discounting" and "Timing").
//
//   DiscountSchedule dk{"dk-fm-2021", "Finansministeriet 2021",
//                       {{1, 0.035}, {36, 0.025}, {71, 0.015}}};
//   discount_factors(dk, 3)   // {1, 1/1.035, 1/1.035^2}
//
// Year index t = year - start_year; the first year has t = 0 and is not
// discounted. This is the spreadsheet convention CF0 + NPV(r; CF1..CFn).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gevinst {

/// A rate (a fraction per year, 0.035 = 3.5 %) that discounts year indices
/// t >= from_index, until the next step.
struct RateStep {
  int from_index = 1;
  double rate = 0.0;
};

/// A step schedule of discount rates. steps[0].from_index == 1 and the
/// from_index values are strictly increasing (see check_schedule).
/// `name` is the preset name (e.g. "dk-fm-2021") or empty; `source` cites
/// where the rates come from.
struct DiscountSchedule {
  std::string name;
  std::string source;
  std::vector<RateStep> steps;
};

/// A schedule with one rate for every year index >= 1.
DiscountSchedule constant_schedule(double rate);

/// When in the year a flow falls: at the end of the year (the default and the
/// spreadsheet convention) or in the middle of it.
enum class Timing { end, mid };

/// The rate r(t) that discounts year index t (t >= 1): the rate of the last
/// step with from_index <= t. For t < 1 the first step's rate.
double rate_for_index(const DiscountSchedule& s, int t);

/// Discount factors for year indices 0 .. years-1 (result has `years`
/// entries, unitless):
///   end: DF(0) = 1, DF(t) = DF(t-1) / (1 + r(t)).
///   mid: every flow half a year later, DFmid(t) = DF(t) / sqrt(1 + r(t+1)).
/// Precondition: check_schedule(s) passes.
std::vector<double> discount_factors(const DiscountSchedule& s, int years, Timing timing = Timing::end);

/// Why `s` is not a valid schedule, in words for the case author, or nullopt
/// when it is valid: at least one step, the first from_index is 1, from_index
/// strictly increasing, every rate finite and > -1.
std::optional<std::string> check_schedule(const DiscountSchedule& s);

}  // namespace gevinst
