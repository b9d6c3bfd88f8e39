// Probability distributions of uncertain parameters (docs/case-format.md,
// "Distributions"): checking, analytic moments, sampling, CDF and quantile.
//
// Arguments, as written in a case file:
//   normal, lognormal, beta, gamma   [mean, sd] of the variable itself
//   uniform                          [min, max]
//   triangular, pert                 [min, mode, max]
// The moment parameterisations are those of the peer benchmark
// (tests/data/bench/psa.R), so both draw from the same distributions:
//   beta:      k = m (1 - m) / s^2 - 1;  Beta(m k, (1 - m) k)
//   gamma:     shape = m^2 / s^2, scale = s^2 / m
//   lognormal: s2 = ln(1 + s^2 / m^2); meanlog = ln m - s2 / 2, sdlog = sqrt(s2)
//   pert:      a + (b - a) Beta(1 + 4 (c - a) / (b - a), 1 + 4 (b - c) / (b - a))
//              for [min a, mode c, max b]
//
//   DistSpec d{DistKind::gamma, {12000, 3000, 0}};   // shape 16, scale 750
//   check(d)           -> std::nullopt
//   mean(d), sd(d)     -> 12000, 3000
//   quantile(d, 0.95)  -> 17322.847320104425   (R: qgamma(0.95, shape = 16, scale = 750))
//   Rng r = stream(seed, block, param);  sample(d, r, out, rng_block_rows);
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "libeval/rng.h"
#include "libeval/special_functions.h"

namespace gevinst {

enum class DistKind { normal, lognormal, beta, gamma, uniform, triangular, pert };

/// A parameter's distribution. `args` as in the case file (see above); the
/// third element is unused for the two-argument kinds.
struct DistSpec {
  DistKind kind = DistKind::normal;
  std::array<double, 3> args{};
};

/// The case-file key of a kind: "normal", "lognormal", "beta", "gamma",
/// "uniform", "triangular", "pert".
std::string_view dist_name(DistKind kind);

/// The kind for a case-file key, or nullopt for an unknown key.
std::optional<DistKind> dist_kind_from_name(std::string_view name);

/// Number of arguments the kind takes in the case file: 2 or 3.
int dist_arity(DistKind kind);

/// Why the arguments cannot describe a distribution of this kind, in domain
/// words with what would work, or nullopt when they are fine. Examples:
///   beta [0.3, 0.5]  -> "impossible moments: a beta with mean 0.3 needs sd < 0.458 (got 0.5)"
///   uniform [5, 5]   -> "a uniform needs min < max (got min 5, max 5)"
/// Rules: all arguments finite; normal sd >= 0; lognormal and gamma mean > 0,
/// sd > 0; beta 0 < mean < 1, sd > 0, sd^2 < mean (1 - mean); uniform
/// min < max; triangular and pert min <= mode <= max, min < max.
std::optional<std::string> check(const DistSpec& spec);

/// Analytic mean, in the parameter's own unit. Moment kinds: args[0];
/// uniform (a + b) / 2; triangular (a + c + b) / 3; pert (a + 4c + b) / 6.
double mean(const DistSpec& spec);

/// Analytic standard deviation, in the parameter's own unit. Moment kinds:
/// args[1]; uniform (b - a) / sqrt 12; triangular
/// sqrt((a^2 + b^2 + c^2 - ab - ac - bc) / 18); pert with shapes alpha, beta
/// (alpha + beta = 6): (b - a) sqrt(alpha beta / 252).
double sd(const DistSpec& spec);

/// Fills out[0..n) with independent draws, consuming `rng` in order (so the
/// result depends only on the stream and n). Precondition: check(spec) is
/// nullopt (otherwise out is filled with NaN). Methods: normal by ziggurat; lognormal exp(meanlog + sdlog z);
/// gamma by Marsaglia and Tsang (2000), with G(a) = G(a + 1) U^(1/a) for
/// shape a < 1; beta and pert as G1 / (G1 + G2) of two gammas (in logs when
/// a shape is below 1); uniform a + (b - a) U; triangular by its inverse CDF.
void sample(const DistSpec& spec, Rng& rng, double* out, std::size_t n);

/// P(X <= x). Precondition: check(spec) is nullopt.
double cdf(const DistSpec& spec, double x);

/// Inverse CDF at u in (0, 1): the x with P(X <= x) = u, to about 1e-13
/// relative (1e-12 promised). Returns the lower end of the support at u = 0
/// and the upper end at u = 1 (infinite for unbounded kinds). Gamma inverts
/// the regularised incomplete gamma, beta and pert the incomplete beta, normal
/// and lognormal use AS 241. Precondition: check(spec) is nullopt.
double quantile(const DistSpec& spec, double u);

/// out[i] = quantile(spec, u[i]) for i in [0, n); the same values, with the
/// per-distribution constants worked out once.
void quantile_block(const DistSpec& spec, const double* u, double* out, std::size_t n);

}  // namespace gevinst
