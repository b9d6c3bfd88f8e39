#include "libeval/distributions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>

namespace gevinst {

namespace {

// Derived parameters of the moment and PERT parameterisations (header comment).
struct Shapes {
  double alpha, beta;
};

// beta by moments: k = m (1 - m) / s^2 - 1; Beta(m k, (1 - m) k)
Shapes beta_shapes(double m, double s) {
  const double k = m * (1 - m) / (s * s) - 1;
  return {m * k, (1 - m) * k};
}

// pert [a, c, b]: Beta(1 + 4 (c - a) / (b - a), 1 + 4 (b - c) / (b - a))
Shapes pert_shapes(double a, double c, double b) {
  return {1 + 4 * (c - a) / (b - a), 1 + 4 * (b - c) / (b - a)};
}

struct GammaShapeScale {
  double shape, scale;
};

// gamma by moments: shape = m^2 / s^2, scale = s^2 / m
GammaShapeScale gamma_params(double m, double s) { return {m * m / (s * s), s * s / m}; }

struct LogParams {
  double meanlog, sdlog;
};

// lognormal by moments of the variable: s2 = ln(1 + s^2 / m^2);
// meanlog = ln m - s2 / 2, sdlog = sqrt(s2)
LogParams lognormal_params(double m, double s) {
  const double s2 = std::log1p(s * s / (m * m));
  return {std::log(m) - s2 / 2, std::sqrt(s2)};
}

// Marsaglia and Tsang (2000), "A simple method for generating gamma
// variables", ACM TOMS 26(3): for shape a >= 1, d = a - 1/3, c = 1 / sqrt(9d);
// repeat x ~ N(0, 1), v = (1 + c x)^3 until v > 0 and
//   u < 1 - 0.0331 x^4 (squeeze)  or  ln u < x^2 / 2 + d (1 - v + ln v);
// the draw is d v. For a < 1: G(a) = G(a + 1) U^(1/a) (their section 6).
struct GammaSampler {
  double d, c, inv_shape;
  bool boost;

  explicit GammaSampler(double shape) : boost(shape < 1) {
    const double a = boost ? shape + 1 : shape;
    d = a - 1.0 / 3;
    c = 1 / std::sqrt(9 * d);
    inv_shape = 1 / shape;
  }

  double core(Rng& rng) const {
    for (;;) {
      double x, v;
      do {
        x = rng.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const double u = rng.uniform();
      const double x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (std::log(u) < 0.5 * x2 + d * (1 - v + std::log(v))) return d * v;
    }
  }

  double draw(Rng& rng) const {
    const double g = core(rng);
    return boost ? g * std::pow(rng.uniform(), inv_shape) : g;
  }

  // ln of a draw; finite even where the draw itself would underflow (a << 1).
  double draw_log(Rng& rng) const {
    const double lg = std::log(core(rng));
    return boost ? lg + std::log(rng.uniform()) * inv_shape : lg;
  }
};

// Beta(a, b) = G1 / (G1 + G2) with G1 ~ Gamma(a), G2 ~ Gamma(b), drawn in that
// order per row. With a shape below 1 the gammas can underflow to 0, so the
// ratio is formed from their logs: 1 / (1 + exp(ln G2 - ln G1)).
void sample_beta(double a, double b, Rng& rng, double* out, std::size_t n) {
  const GammaSampler ga(a), gb(b);
  if (a >= 1 && b >= 1) {
    for (std::size_t i = 0; i < n; ++i) {
      const double x = ga.draw(rng);
      const double y = gb.draw(rng);
      out[i] = x / (x + y);
    }
    return;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double lx = ga.draw_log(rng);
    const double ly = gb.draw_log(rng);
    out[i] = lx >= ly ? 1 / (1 + std::exp(ly - lx)) : std::exp(lx - ly) / (1 + std::exp(lx - ly));
  }
}

// Triangular [a, c, b] inverse CDF (as psa.R): with f = (c - a) / (b - a),
//   u < f:  a + sqrt(u (b - a)(c - a))     else  b - sqrt((1 - u)(b - a)(b - c)).
// The second form cancels when the result is near a (mode at or near the min),
// so it is computed as the equal
//   a + (b - a)((c - a) + u (b - c)) / ((b - a) + sqrt((1 - u)(b - a)(b - c))).
struct Triangular {
  double a, f, width, left, right, mode_gap, top_gap;
  Triangular(double min, double mode, double max)
      : a(min),
        f((mode - min) / (max - min)),
        width(max - min),
        left((max - min) * (mode - min)),
        right((max - min) * (max - mode)),
        mode_gap(mode - min),
        top_gap(max - mode) {}
  double at(double u) const {
    if (u < f) return a + std::sqrt(u * left);
    return a + width * (mode_gap + u * top_gap) / (width + std::sqrt((1 - u) * right));
  }
};

std::string num(double v) { return fmt::format("{}", v); }

// v rounded down to three significant digits, so "needs sd < 0.458" is true
// as printed (sqrt(0.3 * 0.7) = 0.45826).
double floor3(double v) {
  const double scale = std::pow(10.0, 2 - std::floor(std::log10(v)));
  return std::floor(v * scale) / scale;
}

}  // namespace

std::string_view dist_name(DistKind kind) {
  switch (kind) {
    case DistKind::normal: return "normal";
    case DistKind::lognormal: return "lognormal";
    case DistKind::beta: return "beta";
    case DistKind::gamma: return "gamma";
    case DistKind::uniform: return "uniform";
    case DistKind::triangular: return "triangular";
    case DistKind::pert: return "pert";
  }
  return "?";
}

std::optional<DistKind> dist_kind_from_name(std::string_view name) {
  for (DistKind k : {DistKind::normal, DistKind::lognormal, DistKind::beta, DistKind::gamma,
                     DistKind::uniform, DistKind::triangular, DistKind::pert}) {
    if (dist_name(k) == name) return k;
  }
  return std::nullopt;
}

int dist_arity(DistKind kind) { return kind == DistKind::triangular || kind == DistKind::pert ? 3 : 2; }

std::optional<std::string> check(const DistSpec& spec) {
  const auto name = dist_name(spec.kind);
  const auto& x = spec.args;
  for (int i = 0; i < dist_arity(spec.kind); ++i) {
    if (!std::isfinite(x[i]))
      return fmt::format("{} arguments must be finite numbers (argument {} is {})", name, i + 1, num(x[i]));
  }
  const double m = x[0], s = x[1];
  switch (spec.kind) {
    case DistKind::normal:
      if (s < 0) return fmt::format("a normal needs sd >= 0 (got {})", num(s));
      return std::nullopt;
    case DistKind::lognormal:
    case DistKind::gamma:
      if (m <= 0) {
        return fmt::format(
            "a {} needs mean > 0 (got {}): it describes a positive quantity; a normal allows values <= 0",
            name, num(m));
      }
      if (s <= 0)
        return fmt::format("a {} needs sd > 0 (got {}); for a fixed value leave out `dist`", name, num(s));
      return std::nullopt;
    case DistKind::beta:
      if (m <= 0 || m >= 1) {
        return fmt::format(
            "a beta needs a mean strictly between 0 and 1 (got {}): it describes a share or probability; "
            "for other positive quantities use a gamma or lognormal",
            num(m));
      }
      if (s <= 0)
        return fmt::format("a beta needs sd > 0 (got {}); for a fixed value leave out `dist`", num(s));
      // k = m (1 - m) / s^2 - 1 must be > 0 for both shapes to be positive.
      if (s * s >= m * (1 - m)) {
        return fmt::format("impossible moments: a beta with mean {} needs sd < {} (got {})", num(m),
                           num(floor3(std::sqrt(m * (1 - m)))), num(s));
      }
      return std::nullopt;
    case DistKind::uniform:
      if (!(x[0] < x[1]))
        return fmt::format("a uniform needs min < max (got min {}, max {})", num(x[0]), num(x[1]));
      return std::nullopt;
    case DistKind::triangular:
    case DistKind::pert:
      if (!(x[0] < x[2]))
        return fmt::format("a {} needs min < max (got min {}, max {})", name, num(x[0]), num(x[2]));
      if (x[1] < x[0] || x[1] > x[2]) {
        return fmt::format("a {} needs min <= mode <= max (got min {}, mode {}, max {})", name, num(x[0]),
                           num(x[1]), num(x[2]));
      }
      return std::nullopt;
  }
  return std::nullopt;
}

double mean(const DistSpec& spec) {
  const auto& x = spec.args;
  switch (spec.kind) {
    case DistKind::uniform: return (x[0] + x[1]) / 2;
    case DistKind::triangular: return (x[0] + x[1] + x[2]) / 3;
    case DistKind::pert: return (x[0] + 4 * x[1] + x[2]) / 6;
    default: return x[0];
  }
}

double sd(const DistSpec& spec) {
  const auto& x = spec.args;
  switch (spec.kind) {
    case DistKind::uniform: return (x[1] - x[0]) / std::sqrt(12.0);
    case DistKind::triangular: {
      const double a = x[0], c = x[1], b = x[2];
      return std::sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    }
    case DistKind::pert: {
      // Beta(alpha, beta) variance alpha beta / ((alpha + beta)^2 (alpha + beta + 1)), alpha + beta = 6
      const auto [al, be] = pert_shapes(x[0], x[1], x[2]);
      return (x[2] - x[0]) * std::sqrt(al * be / 252);
    }
    default: return x[1];
  }
}

void sample(const DistSpec& spec, Rng& rng, double* out, std::size_t n) {
  if (check(spec)) {  // broken precondition: NaN rather than a rejection loop that never ends
    std::fill(out, out + n, std::numeric_limits<double>::quiet_NaN());
    return;
  }
  const auto& x = spec.args;
  switch (spec.kind) {
    case DistKind::normal:
      fill_normal(rng, out, n);
      for (std::size_t i = 0; i < n; ++i) out[i] = x[0] + x[1] * out[i];
      return;
    case DistKind::lognormal: {
      const auto [mu, sigma] = lognormal_params(x[0], x[1]);
      fill_normal(rng, out, n);
      for (std::size_t i = 0; i < n; ++i) out[i] = std::exp(mu + sigma * out[i]);
      return;
    }
    case DistKind::gamma: {
      const auto [shape, scale] = gamma_params(x[0], x[1]);
      const GammaSampler g(shape);
      for (std::size_t i = 0; i < n; ++i) out[i] = scale * g.draw(rng);
      return;
    }
    case DistKind::beta: {
      const auto [a, b] = beta_shapes(x[0], x[1]);
      sample_beta(a, b, rng, out, n);
      return;
    }
    case DistKind::uniform:
      fill_uniform(rng, out, n);
      for (std::size_t i = 0; i < n; ++i) out[i] = x[0] + (x[1] - x[0]) * out[i];
      return;
    case DistKind::triangular: {
      const Triangular t(x[0], x[1], x[2]);
      fill_uniform(rng, out, n);
      for (std::size_t i = 0; i < n; ++i) out[i] = t.at(out[i]);
      return;
    }
    case DistKind::pert: {
      const auto [a, b] = pert_shapes(x[0], x[1], x[2]);
      sample_beta(a, b, rng, out, n);
      for (std::size_t i = 0; i < n; ++i) out[i] = x[0] + (x[2] - x[0]) * out[i];
      return;
    }
  }
}

double cdf(const DistSpec& spec, double v) {
  const auto& x = spec.args;
  switch (spec.kind) {
    case DistKind::normal:
      if (x[1] == 0) return v >= x[0] ? 1 : 0;
      return normal_cdf((v - x[0]) / x[1]);
    case DistKind::lognormal: {
      if (v <= 0) return 0;
      const auto [mu, sigma] = lognormal_params(x[0], x[1]);
      return normal_cdf((std::log(v) - mu) / sigma);
    }
    case DistKind::gamma: {
      const auto [shape, scale] = gamma_params(x[0], x[1]);
      return v <= 0 ? 0 : incomplete_gamma_p(shape, v / scale);
    }
    case DistKind::beta: {
      const auto [a, b] = beta_shapes(x[0], x[1]);
      return v <= 0 ? 0 : v >= 1 ? 1 : incomplete_beta(v, a, b);
    }
    case DistKind::uniform: return v <= x[0] ? 0 : v >= x[1] ? 1 : (v - x[0]) / (x[1] - x[0]);
    case DistKind::triangular: {
      // F(v) = (v - a)^2 / ((b - a)(c - a)) on [a, c];  1 - (b - v)^2 / ((b - a)(b - c)) on [c, b],
      // the latter as the equal ((v - a)(2(b - a) - (v - a)) - (b - a)(c - a)) / ((b - a)(b - c)),
      // which does not cancel near v = a when the mode is at the min.
      const double a = x[0], c = x[1], b = x[2];
      if (v <= a) return 0;
      if (v >= b) return 1;
      const double t = v - a;
      if (v < c) return t * t / ((b - a) * (c - a));
      return (t * (2 * (b - a) - t) - (b - a) * (c - a)) / ((b - a) * (b - c));
    }
    case DistKind::pert: {
      const double a = x[0], b = x[2];
      if (v <= a) return 0;
      if (v >= b) return 1;
      const auto [al, be] = pert_shapes(x[0], x[1], x[2]);
      return incomplete_beta((v - a) / (b - a), al, be);
    }
  }
  return 0;
}

double quantile(const DistSpec& spec, double u) {
  double out = 0;
  quantile_block(spec, &u, &out, 1);
  return out;
}

void quantile_block(const DistSpec& spec, const double* u, double* out, std::size_t n) {
  const auto& x = spec.args;
  switch (spec.kind) {
    case DistKind::normal:
      // sd 0 is a point mass (and 0 * inf at u = 0 or 1 would be NaN)
      for (std::size_t i = 0; i < n; ++i) out[i] = x[1] == 0 ? x[0] : x[0] + x[1] * normal_quantile(u[i]);
      return;
    case DistKind::lognormal: {
      const auto [mu, sigma] = lognormal_params(x[0], x[1]);
      for (std::size_t i = 0; i < n; ++i) out[i] = std::exp(mu + sigma * normal_quantile(u[i]));
      return;
    }
    case DistKind::gamma: {
      const auto [shape, scale] = gamma_params(x[0], x[1]);
      incomplete_gamma_p_inverse_block(shape, u, out, n);
      for (std::size_t i = 0; i < n; ++i) out[i] *= scale;
      return;
    }
    case DistKind::beta: {
      const auto [a, b] = beta_shapes(x[0], x[1]);
      incomplete_beta_inverse_block(u, a, b, out, n);
      return;
    }
    case DistKind::uniform:
      for (std::size_t i = 0; i < n; ++i) out[i] = x[0] + (x[1] - x[0]) * u[i];
      return;
    case DistKind::triangular: {
      const Triangular t(x[0], x[1], x[2]);
      for (std::size_t i = 0; i < n; ++i) out[i] = t.at(u[i]);
      return;
    }
    case DistKind::pert: {
      const auto [a, b] = pert_shapes(x[0], x[1], x[2]);
      incomplete_beta_inverse_block(u, a, b, out, n);
      for (std::size_t i = 0; i < n; ++i) out[i] = x[0] + (x[2] - x[0]) * out[i];
      return;
    }
  }
}

}  // namespace gevinst
