// Monte Carlo simulation (probabilistic sensitivity analysis,
// docs/case-format.md, "Monte Carlo"): every parameter with a `dist` is
// drawn; NPV (and FTE and the SROI ratio where the case has them) is
// computed per iteration.
//
// Speed comes from compiling the case once: every numeric field becomes a
// compiled expression evaluated over blocks of 1,024 iterations at a time
// (rng_block_rows), and each flow item's yearly pattern (discount factors,
// growth, realisation profile) is folded into one coefficient whenever it
// does not depend on a random parameter. Nothing touches YAML in the loop.
//
// Determinism: block b of parameter j always draws from stream(seed, b, j)
// (libeval/rng.h), and results are stored by iteration, so the same seed gives
// bit-identical numbers for any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "libeval/model.h"

namespace gevinst {

/// The default seed (printed with every result so a run can be repeated).
inline constexpr std::uint64_t default_seed = 20261123;

struct SimulateOptions {
  std::size_t iterations = 10000;
  std::uint64_t seed = default_seed;
  int threads = 0;  ///< 0 = all cores
  Perspective perspective = Perspective::organisation;
  /// Scenario / --set overrides. An overridden parameter is fixed at its
  /// override and not drawn.
  Overrides overrides;
  bool keep_draws = false;  ///< keep each iteration's drawn inputs (for --draws)
  /// Called about every 50 ms from the calling thread with (done, total).
  std::function<void(std::size_t, std::size_t)> progress;
};

struct HistogramBin {
  double low = 0, high = 0;
  std::size_t count = 0;
};

/// Running mean and its standard error after the first `iterations`.
struct ConvergencePoint {
  std::size_t iterations = 0;
  double mean = 0, se = 0;
};

struct MetricSummary {
  std::string name;
  double mean = 0, sd = 0;  ///< sd with n - 1
  double se = 0;            ///< standard error of the mean, sd / sqrt(n)
  double min = 0, max = 0;
  double p05 = 0, p50 = 0, p95 = 0;  ///< R's type 7 quantiles
  std::vector<HistogramBin> histogram;
  std::vector<ConvergencePoint> convergence;
};

struct SimulationResult {
  std::string case_id;
  std::size_t iterations = 0;
  std::uint64_t seed = 0;
  int threads = 1;
  Perspective perspective = Perspective::organisation;
  std::vector<std::string> random_parameters;  ///< drawn, in case order
  double base_npv = 0;                         ///< deterministic NPV at the base values
  MetricSummary npv;
  std::optional<MetricSummary> fte, sroi_ratio;
  double prob_positive = 0;  ///< share of iterations with NPV > 0
  /// Expected value of perfect information for adopt-or-not:
  /// EVPI = E[max(NPV, 0)] - max(E[NPV], 0), money.
  double evpi = 0;
  // Per iteration (index = iteration), for --draws and further analysis.
  std::vector<double> npv_values, fte_values, sroi_values;
  std::vector<std::vector<double>> draws;  ///< [random parameter][iteration], when keep_draws
};

/// Runs the simulation. Throws InputError when the case cannot be simulated
/// (no parameter has a dist, a correlation matrix is not positive
/// semi-definite, a draw makes an expression divide by zero).
SimulationResult simulate(const Case& c, const SimulateOptions& opt);

}  // namespace gevinst
