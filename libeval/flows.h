// Flow items as yearly series (docs/case-format.md, "Costs and benefits"):
// base amount x growth x realisation share, per calendar year of the
// horizon.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "libeval/model.h"

namespace gevinst {

/// Share realised in `year` (docs/case-format.md, "Realisation profiles"):
/// with steps, the value of the latest listed year <= year, 0 before the
/// first; linear: 0 before `from`, then (year - from + 1) / years, capped
/// at 1; logistic: 1 / (1 + exp(-steepness (year - midpoint))); no
/// profile: 1.
double profile_share(const Profile& p, int year, std::span<const double> params, const std::string& file);

/// One flow item as a series over the horizon (undiscounted, after growth
/// and profile), in the case currency.
struct ItemSeries {
  std::string id, label, party;
  bool is_cost = true;
  CostKind cost_kind = CostKind::other;
  BenefitKind benefit_kind = BenefitKind::budget;
  bool derived_from_capacity = false;  ///< a monetised capacity activity
  std::vector<double> values;          ///< index t = year - start_year
};

/// The largest yearly amount of one item (in the case currency): far above any
/// real budget, and low enough that sums and PVs over 200 years of thousands
/// of items stay finite.
inline constexpr double kMaxAmount = 1e250;

/// value(y) = base x (1 + growth)^(y - from) x share(y) for per_year items
/// within from..to; amount in `year` x share(year); amounts[y] x share(y);
/// each x f.price_factor (an item's own price_year converted to the case's).
/// Throws InputError at the item when a yearly value is not finite or
/// exceeds kMaxAmount in magnitude.
ItemSeries flow_series(const FlowItem& f, const Assumptions& a, std::span<const double> params,
                       const std::string& file);

/// Every cost and benefit of the case as series, followed by one capacity
/// benefit per monetised capacity activity (derived_from_capacity = true).
std::vector<ItemSeries> case_series(const Case& c, std::span<const double> params);

}  // namespace gevinst
