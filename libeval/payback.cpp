#include "libeval/payback.h"

#include <cstddef>

namespace gevinst {

std::optional<double> payback_years(std::span<const double> net) {
  if (net.empty()) return std::nullopt;
  double cumulative = net[0];
  if (cumulative >= 0) return 0.0;
  for (size_t t = 1; t < net.size(); ++t) {
    const double before = cumulative;  // C(t-1) < 0 here
    cumulative += net[t];
    // C(t) >= 0 > C(t-1) implies net(t) > 0, so the division is safe.
    if (cumulative >= 0) return static_cast<double>(t) - 1.0 + (-before) / net[t];
  }
  return std::nullopt;
}

}  // namespace gevinst
