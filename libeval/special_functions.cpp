#include "libeval/special_functions.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

namespace gevinst {

namespace {

constexpr double eps = std::numeric_limits<double>::epsilon();
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double ln_sqrt_2pi = 0.91893853320467274178032973640562;  // ln sqrt(2 pi)
constexpr int max_terms = 1'000'000;  // series / fraction terms; ~sqrt(a) are needed

// Stirling's correction st(a) = ln Gamma(a) - [(a - 1/2) ln a - a + ln sqrt(2 pi)].
// For a >= 10 the asymptotic series (A&S 6.1.41)
//   st(a) = 1/(12a) - 1/(360a^3) + 1/(1260a^5) - 1/(1680a^7) + 1/(1188a^9)
//           - 691/(360360a^11) + 1/(156a^13)
// has its first omitted term below 3e-17. Below 10, shift up with
// ln Gamma(a) = ln Gamma(a + n) - ln(a (a + 1) ... (a + n - 1)).
double stirling_tail(double a) {
  const double r = 1.0 / a, r2 = r * r;
  return r *
         (1.0 / 12 -
          r2 * (1.0 / 360 - r2 * (1.0 / 1260 -
                                  r2 * (1.0 / 1680 - r2 * (1.0 / 1188 - r2 * (691.0 / 360360 - r2 / 156))))));
}

double stirling_correction(double a) {
  if (a >= 10) return stirling_tail(a);
  return log_gamma(a) - ((a - 0.5) * std::log(a) - a + ln_sqrt_2pi);
}

// log_rel(r) = ln r - (r - 1), the part of ln r beyond its tangent at r = 1,
// accurate for all r > 0. Near 1, where the two terms cancel, with d = r - 1
// (exact there) and t = d / (2 + d): ln(1 + d) = 2 atanh(t) = 2 (t + t^3/3 + ...)
// and d - 2t = t d, so ln r - d = -t d + 2 t^3 (1/3 + t^2/5 + t^4/7 + ...).
// For |d| <= 1/4, t^2 <= 0.0205 and eleven terms reach 1e-19 relative. Beyond
// that the direct form loses at most about 4u / |d| <= 1.8e-15 relative (u = 2^-53).
double log_rel(double r) {
  const double d = r - 1;
  if (std::fabs(d) > 0.25) return std::log(r) - d;
  const double t = d / (2 + d), t2 = t * t;
  double sum = 1.0 / 23;
  for (int k = 9; k >= 0; --k) sum = sum * t2 + 1.0 / (2 * k + 3);  // constants fold at -O2
  return -t * d + 2 * t * t2 * sum;
}

// h = b0 + a1 / (b1 + a2 / (b2 + ...)),  terms(n) -> {a_n, b_n} for n >= 1,
// by the fundamental recurrences (Wallis; A&S 3.10.1):
//   A_n = b_n A_(n-1) + a_n A_(n-2),  B_n = b_n B_(n-1) + a_n B_(n-2),  h_n = A_n / B_n,
// with A_-1 = 1, B_-1 = 0, A_0 = b0, B_0 = 1, rescaled when B_n grows or shrinks
// far. Unlike Lentz's algorithm its dependency chain has no division, which
// makes it about twice as fast here. Stops when h_n (n even) changes by <= eps
// relative from h_(n-2).
template <class Terms>
double continued_fraction(double b0, Terms terms) {
  double a_prev = 1, a_cur = b0, b_prev = 0, b_cur = 1, h = b0;
  for (int n = 1; n < max_terms; ++n) {
    const auto [an, bn] = terms(n);
    const double a_next = bn * a_cur + an * a_prev;
    const double b_next = bn * b_cur + an * b_prev;
    a_prev = a_cur;
    a_cur = a_next;
    b_prev = b_cur;
    b_cur = b_next;
    // Check every second convergent only: the division is the costly part.
    if (n % 2 == 1 || b_cur == 0) continue;
    const double scale = std::fabs(b_cur);
    if (scale > 1e150 || scale < 1e-150) {
      a_prev /= scale;
      a_cur /= scale;
      b_prev /= scale;
      b_cur /= scale;
    }
    const double next = a_cur / b_cur;
    if (std::fabs(next - h) <= eps * std::fabs(next)) return next;
    h = next;
  }
  return h;
}

struct GammaPQ {
  double p, q;  // P(a, x) and Q(a, x) = 1 - P(a, x)
  double ln_d;  // ln(x^a e^-x / Gamma(a)); the density at x is exp(ln_d) / x
};

// ln(x^a e^-x / Gamma(a)) = a log_rel(x / a) + [ln sqrt(a / (2 pi)) - st(a)],
// which keeps its accuracy for large a where a ln x, x and ln Gamma(a) are
// large. The bracket depends on a only: gamma_constant(a).
double gamma_constant(double a) { return 0.5 * std::log(a) - ln_sqrt_2pi - stirling_correction(a); }

GammaPQ gamma_pq(double a, double x, double constant) {
  if (x <= 0) return {0, 1, -inf};
  if (std::isinf(x)) return {1, 0, -inf};
  const double ln_d = a * log_rel(x / a) + constant;
  if (x < a + 1) {
    // A&S 6.5.29: P(a, x) = x^a e^-x / Gamma(a) * sum_{n>=0} x^n / (a (a+1) ... (a+n))
    double term = 1 / a, sum = term;
    for (int n = 1; n < max_terms; ++n) {
      term *= x / (a + n);
      sum += term;
      if (term <= eps * sum) break;
    }
    const double p = std::fmin(1.0, std::exp(ln_d) * sum);
    return {p, 1 - p, ln_d};
  }
  // A&S 6.5.31 (Legendre), even form:
  //   Gamma(a, x) = x^a e^-x / ((x+1-a) - 1(1-a)/((x+3-a) - 2(2-a)/((x+5-a) - ...)))
  const double h = continued_fraction(x + 1 - a, [&](int n) {
    return std::pair{-n * (n - a), x + 2 * n + 1 - a};
  });
  const double q = std::fmin(1.0, std::exp(ln_d) / h);
  return {1 - q, q, ln_d};
}

struct BetaPQ {
  double p, q;  // I_x(a, b) and 1 - I_x(a, b)
  double ln_f;  // ln(x^a y^b / B(a, b)); the density at x is exp(ln_f) / (x y)
};

// ln(x^a y^b / B(a, b)) with y = 1 - x given separately so that neither loses
// digits near 0 or 1. With x0 = a / (a + b) and y0 = b / (a + b), Stirling for
// the three Gammas in B gives
//   a ln(x / x0) + b ln(y / y0) + [ln sqrt(a b / (2 pi (a + b))) - st(a) - st(b) + st(a + b)],
// and because a (x / x0 - 1) + b (y / y0 - 1) = 0, the first two terms equal
//   a log_rel(x / x0) + b log_rel(y / y0)  without the cancelling linear parts.
// The bracket depends on a and b only (symmetrically): beta_constant(a, b).
double beta_constant(double a, double b) {
  return 0.5 * std::log(a * b / (a + b)) - ln_sqrt_2pi -
         (stirling_correction(a) + stirling_correction(b) - stirling_correction(a + b));
}

BetaPQ beta_pq(double a, double b, double x, double y, double constant) {
  if (x <= 0) return {0, 1, -inf};
  if (y <= 0) return {1, 0, -inf};
  const double s = a + b;
  const double ln_f = a * log_rel(x * s / a) + b * log_rel(y * s / b) + constant;
  // The fraction converges fast below the mean-like point (a + 1) / (a + b + 2);
  // above it use I_x(a, b) = 1 - I_y(b, a) (A&S 26.5.2).
  const bool mirror = x > (a + 1) / (a + b + 2);
  if (mirror) {
    std::swap(a, b);
    std::swap(x, y);
  }
  // A&S 26.5.8: I_x(a, b) = x^a y^b / (a B(a, b)) * 1 / (1 + d1 / (1 + d2 / (1 + ...))),
  //   d_(2m+1) = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1))
  //   d_(2m)   =  m (b - m) x / ((a + 2m - 1)(a + 2m)),
  // i.e. d_n = N_n / ((a + n - 1)(a + n)). Multiplying the n-th partial fraction
  // through by (a + n) (an equivalence transformation, which keeps every
  // convergent) gives the division-free
  //   1 + (N_1 / a) / ((a + 1) + N_2 / ((a + 2) + N_3 / ((a + 3) + ...))).
  const double h = continued_fraction(1.0, [&](int n) {
    const int m = n / 2;
    const double numerator = (n % 2 == 1) ? -(a + m) * (a + b + m) * x : m * (b - m) * x;
    return std::pair{n == 1 ? numerator / a : numerator, a + n};
  });
  const double p = std::fmin(1.0, std::exp(ln_f) / (a * h));
  return mirror ? BetaPQ{1 - p, p, ln_f} : BetaPQ{p, 1 - p, ln_f};
}

// One evaluation for the root finder: f(x), the Newton step f / f' and the
// curvature ratio f'' / f' used by Halley's correction.
struct Eval {
  double f, newton_step, curvature;
};

// Finds the root of an increasing function on [lo, hi] (hi may be +inf) from
// the start x by Halley's method, falling back to bisection (geometric when the
// bracket spans orders of magnitude) whenever a step leaves the bracket.
// Requires lo = 0.
template <class F>
double solve_increasing(F eval, double x, double lo, double hi) {
  const double upper_end = hi;  // steps are measured relative to the distance to the nearer end
  for (int iter = 0; iter < 300; ++iter) {
    const Eval e = eval(x);
    if (e.f == 0) return x;
    (e.f < 0 ? lo : hi) = x;
    double step = e.newton_step;
    const double halley = 1 - 0.5 * step * e.curvature;
    const bool cubic = halley > 0.5 && halley < 2;
    if (cubic) step /= halley;
    double next = x - step;
    // Near the root the error after a Halley step is about the cube of the one
    // before it (the square after a Newton step), so a step this small leaves
    // an error far below rounding.
    if (std::fabs(step) <= (cubic ? 1e-7 : 1e-11) * std::fmin(x, upper_end - x)) {
      return next > lo && next < hi ? next : x;
    }
    if (!(next > lo && next < hi)) {  // also catches NaN
      if (std::isinf(hi))
        next = 4 * x;
      else if (lo == 0)
        next = hi / 16;
      else if (hi > 4 * lo)
        next = std::sqrt(lo * hi);
      else
        next = 0.5 * (lo + hi);
    }
    if (std::isfinite(hi) && hi - lo <= 4 * eps * hi) return next;
    x = next;
  }
  return x;
}

}  // namespace

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

double normal_quantile(double p) {
  if (!(p >= 0 && p <= 1)) return nan;
  if (p == 0) return -inf;
  if (p == 1) return inf;
  // Wichura (1988), AS 241 PPND16: rational approximations in three regions.
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q *
           (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) *
                    r +
                4.5921953931549871457e+4) *
                   r +
               1.3731693765509461125e+4) *
                  r +
              1.9715909503065514427e+3) *
                 r +
             1.3314166789178437745e+2) *
                r +
            3.3871328727963666080e0) /
           (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) *
                    r +
                2.1213794301586595867e+4) *
                   r +
               5.3941960214247511077e+3) *
                  r +
              6.8718700749205790830e+2) *
                 r +
             4.2313330701600911252e+1) *
                r +
            1.0);
  }
  double r = std::sqrt(-std::log(q < 0 ? p : 1 - p));
  double value;
  if (r <= 5) {
    r -= 1.6;
    value =
        (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) *
                 r +
             1.27045825245236838258e0) *
                r +
            3.64784832476320460504e0) *
               r +
           5.76949722146069140550e0) *
              r +
          4.63033784615654529590e0) *
             r +
         1.42343711074968357734e0) /
        (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) *
                 r +
             1.48103976427480074590e-1) *
                r +
            6.89767334985100004550e-1) *
               r +
           1.67638483018380384940e0) *
              r +
          2.05319162663775882187e0) *
             r +
         1.0);
  } else {
    r -= 5;
    value =
        (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) *
                 r +
             2.65321895265761230930e-2) *
                r +
            2.96560571828504891230e-1) *
               r +
           1.78482653991729133580e0) *
              r +
          5.46378491116411436990e0) *
             r +
         6.65790464350110377720e0) /
        (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) *
                 r +
             7.86869131145613259100e-4) *
                r +
            1.48753612908506148525e-2) *
               r +
           1.36929880922735805310e-1) *
              r +
          5.99832206555887937690e-1) *
             r +
         1.0);
  }
  return q < 0 ? -value : value;
}

double log_gamma(double a) {
  if (!(a > 0)) return nan;
  double shift = 0;  // ln(a (a + 1) ... (a + n - 1))
  if (a < 10) {
    double product = 1;
    while (a < 10) {
      product *= a;
      a += 1;
    }
    shift = std::log(product);
  }
  return (a - 0.5) * std::log(a) - a + ln_sqrt_2pi + stirling_tail(a) - shift;
}

double incomplete_gamma_p(double a, double x) {
  if (!(a > 0) || std::isnan(x)) return nan;
  return gamma_pq(a, x, gamma_constant(a)).p;
}

double incomplete_gamma_q(double a, double x) {
  if (!(a > 0) || std::isnan(x)) return nan;
  return gamma_pq(a, x, gamma_constant(a)).q;
}

double incomplete_beta(double x, double a, double b) {
  if (!(a > 0) || !(b > 0) || std::isnan(x)) return nan;
  return beta_pq(a, b, x, 1 - x, beta_constant(a, b)).p;
}

namespace {

// Inverse of P(a, .) with the constants of a worked out once.
struct GammaInverse {
  double a, constant, ln_gamma_a1, third_root_a;
  explicit GammaInverse(double shape)
      : a(shape),
        constant(gamma_constant(a)),
        ln_gamma_a1(log_gamma(a + 1)),
        third_root_a(3 * std::sqrt(a)) {}

  double operator()(double p) const {
    if (!(a > 0) || !(p >= 0 && p <= 1)) return nan;
    if (p == 0) return 0;
    if (p == 1) return inf;
    const bool lower = p <= 0.5;
    const double q = 1 - p;  // exact when p > 0.5, where it is used
    // Start: Wilson-Hilferty (A&S 26.4.17) x = a (1 - 1/(9a) + z / (3 sqrt a))^3 with
    // z = Phi^-1(p); in the far lower tail or for small a, P(a, x) ~ x^a / Gamma(a + 1)
    // gives x = (p Gamma(a + 1))^(1/a).
    const double t = 1 - 1 / (9 * a) + normal_quantile(p) / third_root_a;
    double x = t > 0 ? a * t * t * t : 0;
    if (lower) {
      const double x_small = std::exp((std::log(p) + ln_gamma_a1) / a);
      if (x <= 0 || (a < 1 && x_small < 1) || x_small < 0.1 * x) x = x_small;
    }
    if (!(x > 0) || std::isinf(x)) x = a;
    return solve_increasing(
        [&](double xi) {
          const GammaPQ g = gamma_pq(a, xi, constant);
          const double f = lower ? g.p - p : q - g.q;
          // f' = x^(a-1) e^-x / Gamma(a) = exp(ln_d) / x;  f'' / f' = (a - 1) / x - 1
          return Eval{f, f * xi / std::exp(g.ln_d), (a - 1) / xi - 1};
        },
        x, 0, inf);
  }
};

// Inverse of I_.(a, b) with the constants of a and b worked out once.
struct BetaInverse {
  double a, b, constant, ln_beta;
  BetaInverse(double shape1, double shape2)
      : a(shape1),
        b(shape2),
        constant(beta_constant(a, b)),
        ln_beta(log_gamma(a) + log_gamma(b) - log_gamma(a + b)) {}

  double operator()(double p) const {
    if (!(a > 0) || !(b > 0) || !(p >= 0 && p <= 1)) return nan;
    if (p == 0) return 0;
    if (p == 1) return 1;
    double q = 1 - p;
    // Start. For a, b > 1, A&S 26.5.22 with y = -Phi^-1(p):
    //   lambda = (y^2 - 3) / 6,  h = 2 / (1 / (2a - 1) + 1 / (2b - 1)),
    //   w = y sqrt(h + lambda) / h - (1 / (2b - 1) - 1 / (2a - 1)) (lambda + 5/6 - 2 / (3h)),
    //   x = a / (a + b e^(2w)).
    // Otherwise the tails I_x ~ x^a / (a B(a, b)) and 1 - I_x ~ y^b / (b B(a, b)).
    double x, y;  // the start and 1 - start, each computed directly
    if (a > 1 && b > 1) {
      const double z = -normal_quantile(p);
      const double lambda = (z * z - 3) / 6;
      const double h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
      const double w = z * std::sqrt(h + lambda) / h -
                       (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h));
      const double e = b * std::exp(2 * w);
      x = a / (a + e);
      y = e / (a + e);
    } else if (p <= 0.5) {
      x = std::exp((std::log(p * a) + ln_beta) / a);
      y = 1 - x;
    } else {
      y = std::exp((std::log(q * b) + ln_beta) / b);
      x = 1 - y;
    }
    if (!(x > 0 && y > 0)) {  // x or y may round to 1 when the other is tiny
      x = a / (a + b);
      y = b / (a + b);
    }
    // Iterate on whichever of x and 1 - x is smaller, so that it keeps full
    // relative precision: beyond 1/2 solve the mirrored problem I_y(b, a) = 1 - p.
    const bool mirror = x > 0.5;
    const double sa = mirror ? b : a, sb = mirror ? a : b;
    if (mirror) {
      std::swap(p, q);
      x = y;
    }
    const bool lower = p <= 0.5;
    const double root = solve_increasing(
        [&](double xi) {
          const double yi = 1 - xi;
          const BetaPQ g = beta_pq(sa, sb, xi, yi, constant);
          const double f = lower ? g.p - p : q - g.q;
          // f' = x^(a-1) y^(b-1) / B(a, b) = exp(ln_f) / (x y);  f'' / f' = (a - 1) / x - (b - 1) / y
          return Eval{f, f * xi * yi / std::exp(g.ln_f), (sa - 1) / xi - (sb - 1) / yi};
        },
        x, 0, 1);
    return mirror ? 1 - root : root;
  }
};

}  // namespace

double incomplete_gamma_p_inverse(double a, double p) {
  if (!(a > 0)) return nan;
  return GammaInverse(a)(p);
}

void incomplete_gamma_p_inverse_block(double a, const double* p, double* x, std::size_t n) {
  if (!(a > 0)) {
    for (std::size_t i = 0; i < n; ++i) x[i] = nan;
    return;
  }
  const GammaInverse inverse(a);
  for (std::size_t i = 0; i < n; ++i) x[i] = inverse(p[i]);
}

double incomplete_beta_inverse(double p, double a, double b) {
  if (!(a > 0) || !(b > 0)) return nan;
  return BetaInverse(a, b)(p);
}

void incomplete_beta_inverse_block(const double* p, double a, double b, double* x, std::size_t n) {
  if (!(a > 0) || !(b > 0)) {
    for (std::size_t i = 0; i < n; ++i) x[i] = nan;
    return;
  }
  const BetaInverse inverse(a, b);
  for (std::size_t i = 0; i < n; ++i) x[i] = inverse(p[i]);
}

}  // namespace gevinst
