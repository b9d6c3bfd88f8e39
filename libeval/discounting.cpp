#include "libeval/discounting.h"

#include <cmath>
#include <string>

namespace gevinst {

DiscountSchedule constant_schedule(double rate) { return DiscountSchedule{"", "", {RateStep{1, rate}}}; }

double rate_for_index(const DiscountSchedule& s, int t) {
  if (s.steps.empty()) return 0.0;
  double r = s.steps.front().rate;
  for (const RateStep& step : s.steps) {
    if (step.from_index > t) break;
    r = step.rate;
  }
  return r;
}

std::vector<double> discount_factors(const DiscountSchedule& s, int years, Timing timing) {
  std::vector<double> df;
  if (years <= 0) return df;
  df.reserve(static_cast<size_t>(years));
  // DF(0) = 1, DF(t) = DF(t-1) / (1 + r(t))
  double f = 1.0;
  for (int t = 0; t < years; ++t) {
    if (t > 0) f /= 1.0 + rate_for_index(s, t);
    df.push_back(f);
  }
  if (timing == Timing::mid) {
    // Half a year into year t is discounted by the rate of year index t+1:
    // DFmid(t) = DF(t) / sqrt(1 + r(t+1)).
    for (int t = 0; t < years; ++t) df[static_cast<size_t>(t)] /= std::sqrt(1.0 + rate_for_index(s, t + 1));
  }
  return df;
}

std::optional<std::string> check_schedule(const DiscountSchedule& s) {
  if (s.steps.empty()) return std::string("the discount schedule has no steps");
  if (s.steps.front().from_index != 1)
    return "the first step must have from_index 1 (it has " + std::to_string(s.steps.front().from_index) +
           ")";
  for (size_t k = 0; k < s.steps.size(); ++k) {
    const RateStep& step = s.steps[k];
    if (k > 0 && step.from_index <= s.steps[k - 1].from_index)
      return "from_index must increase strictly: step " + std::to_string(k + 1) + " has from_index " +
             std::to_string(step.from_index) + " after " + std::to_string(s.steps[k - 1].from_index);
    if (!std::isfinite(step.rate) || step.rate <= -1.0)
      return "the rate of step " + std::to_string(k + 1) +
             " must be a finite number greater than -1 (100 % negative)";
  }
  return std::nullopt;
}

}  // namespace gevinst
