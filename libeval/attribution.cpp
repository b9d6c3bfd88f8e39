#include "libeval/attribution.h"

#include <bit>
#include <stdexcept>

namespace gevinst {

std::vector<double> shapley_values(std::span<const double> v, int n) {
  if (n < 0 || n > kMaxShapleyPlayers || v.size() != (std::size_t{1} << n))
    throw std::invalid_argument("shapley_values: v must have 2^n entries");
  // weight[s] = s! (n - s - 1)! / n!, computed as a product to stay exact
  // enough for n <= 20: 1 / (n x C(n - 1, s)).
  std::vector<double> weight(static_cast<std::size_t>(n));
  for (int s = 0; s < n; ++s) {
    double c = 1;  // C(n - 1, s)
    for (int k = 1; k <= s; ++k) c = c * (n - 1 - s + k) / k;
    weight[static_cast<std::size_t>(s)] = 1.0 / (n * c);
  }
  std::vector<double> phi(static_cast<std::size_t>(n), 0.0);
  const std::uint32_t all = (std::uint32_t{1} << n) - 1;
  for (int i = 0; i < n; ++i) {
    const std::uint32_t bit = std::uint32_t{1} << i;
    double sum = 0;
    for (std::uint32_t s = 0; s <= all; ++s) {
      if (s & bit) continue;
      double step = v[s | bit] - v[s];
      // A player that changes nothing adds exact zeros, so its value is 0.
      if (step != 0) sum += weight[static_cast<std::size_t>(std::popcount(s))] * step;
    }
    phi[static_cast<std::size_t>(i)] = sum;
  }
  return phi;
}

std::vector<double> sequential_attribution(std::span<const double> chain) {
  std::vector<double> out;
  for (std::size_t i = 1; i < chain.size(); ++i) out.push_back(chain[i] - chain[i - 1]);
  return out;
}

}  // namespace gevinst
