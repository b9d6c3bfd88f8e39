// Attributing a change in a result to the inputs that changed
// (docs/cli.md, "diff"): the Shapley value for a few inputs, a sequential
// attribution in file order for many. Pure arithmetic on the results of
// coalitions; what a coalition is (a hybrid case) is the caller's.
//
//   // two inputs: v(∅) = 0, v({a}) = 10, v({b}) = 20, v({a, b}) = 40
//   shapley_values({0, 10, 20, 40}, 2)   // == {15, 25}
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace gevinst {

/// Most players shapley_values() accepts: 2^20 coalitions.
inline constexpr int kMaxShapleyPlayers = 20;

/// The exact Shapley value (Shapley, "A Value for n-Person Games", 1953) of
/// each of `n` players, given the result of every coalition: `v[mask]` is the
/// result with the players whose bits are set in `mask` (bit i = player i),
/// so v has 2^n entries, v[0] the result without any and v[2^n - 1] with all.
///   phi_i = sum over S not containing i of |S|! (n - |S| - 1)! / n! x (v(S + i) - v(S))
/// The values sum to v[2^n - 1] - v[0] up to rounding; a player whose
/// joining never changes v gets exactly 0. n must be in [0, kMaxShapleyPlayers].
std::vector<double> shapley_values(std::span<const double> v, int n);

/// The sequential attribution: player i gets chain[i + 1] - chain[i], where
/// chain[k] is the result with the first k players (in file order). The
/// values sum to chain.back() - chain.front() up to rounding. Used above
/// kMaxExactInputs inputs, where 2^n evaluations are too many.
std::vector<double> sequential_attribution(std::span<const double> chain);

/// Most changed inputs attributed by the exact Shapley value (docs/cli.md).
inline constexpr int kMaxExactInputs = 12;

}  // namespace gevinst
