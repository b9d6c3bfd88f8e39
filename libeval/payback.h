// Payback time of a yearly net series (docs/case-format.md, "Payback").
//
//   double net[] = {-100, 30, 50, 40};
//   payback_years(net)   // C = -100, -70, -20, 20: 2 + 20/40 = 2.5
#pragma once

#include <optional>
#include <span>

namespace gevinst {

/// Payback in years from the start of the series (index t = year index),
/// with the cumulative net C(t) = net[0] + ... + net[t]:
///   0 when C(0) >= 0 (even if the cumulative dips later: the first crossing);
///   otherwise the first t with C(t) >= 0 after C(t-1) < 0, interpolated as
///   t - 1 + (-C(t-1)) / net(t);
///   nullopt when the cumulative never reaches 0 (or the series is empty).
/// For discounted payback pass the discounted series DF(t) * net(t).
std::optional<double> payback_years(std::span<const double> net);

}  // namespace gevinst
