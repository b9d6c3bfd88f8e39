#include "libeval/distributions.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "support.h"

using namespace gevinst;

namespace {

DistSpec spec(DistKind kind, double a, double b, double c = 0) { return {kind, {a, b, c}}; }

std::string label(const DistSpec& d) {
  std::string s(dist_name(d.kind));
  s += " [" + std::to_string(d.args[0]) + ", " + std::to_string(d.args[1]);
  if (dist_arity(d.kind) == 3) s += ", " + std::to_string(d.args[2]);
  return s + "]";
}

// Expected moments: the requested mean and sd for the moment kinds; closed
// forms for the others (computed by hand in the comments).
struct MomentRow {
  DistSpec dist;
  double mean, sd;
};

const MomentRow moment_rows[] = {
    // The six parameters of the peer benchmark (tests/data/bench/psa_case.yaml)
    {spec(DistKind::normal, 1200, 100), 1200, 100},
    {spec(DistKind::beta, 0.30, 0.05), 0.30, 0.05},     // shapes 24.9, 58.1
    {spec(DistKind::gamma, 12000, 3000), 12000, 3000},  // shape 16, scale 750
    // triangular: (2000 + 2500 + 3500) / 3; sqrt((2000^2 + 3500^2 + 2500^2 - 2000*3500 - 2000*2500 -
    // 3500*2500) / 18) = sqrt(1.75e6 / 18)
    {spec(DistKind::triangular, 2000, 2500, 3500), 8000.0 / 3, std::sqrt(1.75e6 / 18)},
    {spec(DistKind::lognormal, 5500, 800), 5500, 800},
    // pert: (20 + 4*40 + 60) / 6 = 40; shapes 3, 3: 40 sqrt(9 / 252)
    {spec(DistKind::pert, 20, 40, 60), 40, 40 * std::sqrt(9.0 / 252)},
    // Edge shapes
    {spec(DistKind::uniform, 10, 30), 20, 20 / std::sqrt(12.0)},
    {spec(DistKind::gamma, 1, 2), 1, 2},             // shape 0.25 < 1: the U^(1/a) boost
    {spec(DistKind::beta, 0.5, 0.4), 0.5, 0.4},      // shapes 0.28, 0.28: the log-space path
    {spec(DistKind::beta, 0.02, 0.01), 0.02, 0.01},  // shapes 3.9, 191.1
    {spec(DistKind::beta, 0.1, 0.25), 0.1, 0.25},    // shapes 0.044, 0.396
    // triangular with the mode at the min: (0 + 0 + 1) / 3; sqrt(1 / 18)
    {spec(DistKind::triangular, 0, 0, 1), 1.0 / 3, std::sqrt(1.0 / 18)},
    // pert [0, 10, 100]: (0 + 40 + 100) / 6; shapes 1.4, 4.6: 100 sqrt(1.4 * 4.6 / 252)
    {spec(DistKind::pert, 0, 10, 100), 140.0 / 6, 100 * std::sqrt(1.4 * 4.6 / 252)},
    {spec(DistKind::lognormal, 100, 50), 100, 50},
};

}  // namespace

TEST_CASE("distributions: analytic mean and sd") {
  for (const MomentRow& r : moment_rows) {
    CAPTURE(label(r.dist));
    CHECK(mean(r.dist) == doctest::Approx(r.mean).epsilon(1e-14));
    CHECK(sd(r.dist) == doctest::Approx(r.sd).epsilon(1e-14));
  }
}

TEST_CASE("distributions: sample moments over 10^6 draws match the analytic values") {
  // Tolerance 5 standard errors: se(mean) = sd / sqrt(n); se(sd) =
  // sd sqrt((kurtosis - 1) / (4n)) with the kurtosis estimated from the draws.
  const std::size_t n = 1'000'000;
  std::vector<double> x(n);
  std::uint64_t param = 0;
  for (const MomentRow& r : moment_rows) {
    CAPTURE(label(r.dist));
    Rng rng = stream(11, 0, param++);
    sample(r.dist, rng, x.data(), n);
    double m = 0;
    for (double v : x) m += v;
    m /= n;
    double m2 = 0, m4 = 0;
    for (double v : x) {
      const double d = (v - m) * (v - m);
      m2 += d;
      m4 += d * d;
    }
    m2 /= n;
    m4 /= n;
    const double s = std::sqrt(m2), kurtosis = m4 / (m2 * m2);
    CHECK(std::fabs(m - r.mean) < 5 * r.sd / std::sqrt(double(n)));
    CHECK(std::fabs(s - r.sd) < 5 * r.sd * std::sqrt((kurtosis - 1) / (4.0 * n)));
  }
}

TEST_CASE("distributions: samples follow the CDF (Kolmogorov-Smirnov)") {
  // 10^5 draws; reject when sqrt(n) D > 1.9495, the 0.999 quantile of the
  // Kolmogorov distribution (Smirnov 1948 table). This checks shape, not just
  // moments, and that sample() and cdf() describe the same distribution.
  const std::size_t n = 100'000;
  std::vector<double> x(n);
  std::uint64_t param = 0;
  for (const MomentRow& r : moment_rows) {
    CAPTURE(label(r.dist));
    Rng rng = stream(12, 0, param++);
    sample(r.dist, rng, x.data(), n);
    std::sort(x.begin(), x.end());
    double d = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double f = cdf(r.dist, x[i]);
      d = std::max({d, f - double(i) / n, double(i + 1) / n - f});
    }
    CHECK(std::sqrt(double(n)) * d < 1.9495);
  }
}

TEST_CASE("distributions: samples stay in the support and repeat for the same stream") {
  const std::size_t n = 100'000;
  std::vector<double> x(n), again(n);
  for (const MomentRow& r : moment_rows) {
    CAPTURE(label(r.dist));
    Rng a = stream(13, 4, 2), b = stream(13, 4, 2);
    sample(r.dist, a, x.data(), n);
    sample(r.dist, b, again.data(), n);
    CHECK(x == again);
    const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
    switch (r.dist.kind) {
      case DistKind::beta: CHECK((*lo >= 0 && *hi <= 1)); break;
      case DistKind::gamma:
      case DistKind::lognormal: CHECK(*lo >= 0); break;
      case DistKind::uniform: CHECK((*lo > r.dist.args[0] && *hi < r.dist.args[1])); break;
      case DistKind::triangular:
      case DistKind::pert: CHECK((*lo >= r.dist.args[0] && *hi <= r.dist.args[2])); break;
      case DistKind::normal: CHECK(std::isfinite(*lo + *hi)); break;
    }
  }
  // Arguments that fail check() give NaN, not a sampler that never returns.
  Rng bad = stream(1, 0, 0);
  sample(spec(DistKind::pert, 5, 5, 5), bad, x.data(), 10);
  CHECK(std::all_of(x.begin(), x.begin() + 10, [](double v) { return std::isnan(v); }));
  // A normal with sd 0 is a point mass.
  Rng r = stream(1, 0, 0);
  sample(spec(DistKind::normal, 7, 0), r, x.data(), 10);
  CHECK(std::all_of(x.begin(), x.begin() + 10, [](double v) { return v == 7; }));
}

TEST_CASE("distributions: quantiles against R and closed forms") {
  // lognormal [5500, 800]: meanlog = ln 5500 - s2 / 2, sdlog = sqrt(s2), s2 = ln(1 + 800^2 / 5500^2)
  const double s2 = std::log1p(800.0 * 800 / (5500.0 * 5500));
  struct Row {
    DistSpec dist;
    double u, x;
    const char* source;
  };
  const Row rows[] = {
      {spec(DistKind::normal, 1200, 100), 0.95, 1200 + 100 * 1.6448536269514722, "1200 + 100 z(0.95), table"},
      {spec(DistKind::gamma, 12000, 3000), 0.95, 17322.847320104425,
       "R: qgamma(0.95, shape = 16, scale = 750)"},
      {spec(DistKind::gamma, 12000, 3000), 0.05, 7526.9675492056067, "R: qgamma(0.05, 16) * 750"},
      {spec(DistKind::gamma, 1, 2), 0.1, 0.00027000249542535865, "R: qgamma(0.1, shape = 0.25, scale = 4)"},
      {spec(DistKind::beta, 0.30, 0.05), 0.05, 0.22053591270917111, "R: qbeta(0.05, 24.9, 58.1)"},
      {spec(DistKind::beta, 0.30, 0.05), 0.95, 0.38497615220304493, "R: qbeta(0.95, 24.9, 58.1)"},
      {spec(DistKind::beta, 0.5, 0.4), 0.2, 0.027223954716193551, "R: qbeta(0.2, 0.28125, 0.28125)"},
      {spec(DistKind::lognormal, 5500, 800), 0.5, 5500 / std::sqrt(1 + 800.0 * 800 / (5500.0 * 5500)),
       "median exp(meanlog) = m / sqrt(1 + s^2 / m^2)"},
      {spec(DistKind::lognormal, 5500, 800), 0.95,
       std::exp(std::log(5500.0) - s2 / 2 + std::sqrt(s2) * 1.6448536269514722),
       "exp(meanlog + sdlog z(0.95)) (R: qlnorm gives 6905.2376576927481)"},
      {spec(DistKind::pert, 20, 40, 60), 0.5, 40, "symmetric pert: median = mode"},
      {spec(DistKind::pert, 20, 40, 60), 0.9, 50.134541868461341, "R: 20 + 40 * qbeta(0.9, 3, 3)"},
      {spec(DistKind::pert, 0, 10, 100), 0.5, 20.266485036146614, "R: 100 * qbeta(0.5, 1.4, 4.6)"},
      // triangular [2000, 2500, 3500], f = 500 / 1500 = 1/3:
      //   u = 0.25 < f: 2000 + sqrt(0.25 * 1500 * 500);  u = 0.75: 3500 - sqrt(0.25 * 1500 * 1000)
      {spec(DistKind::triangular, 2000, 2500, 3500), 0.25, 2000 + std::sqrt(0.25 * 1500 * 500),
       "inverse CDF, left"},
      {spec(DistKind::triangular, 2000, 2500, 3500), 0.75, 3500 - std::sqrt(0.25 * 1500 * 1000),
       "inverse CDF, right"},
      {spec(DistKind::uniform, 10, 30), 0.3, 16, "10 + 0.3 * 20"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.source);
    CHECK(quantile(r.dist, r.u) == doctest::Approx(r.x).epsilon(1e-12));
  }
  CHECK(quantile(spec(DistKind::lognormal, 5500, 800), 0.95) ==
        doctest::Approx(6905.2376576927481).epsilon(1e-13));
}

TEST_CASE("distributions: quantile and cdf round trip") {
  const double us[] = {1e-9, 0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999};
  for (const MomentRow& r : moment_rows) {
    for (double u : us) {
      CAPTURE(label(r.dist));
      CAPTURE(u);
      const double x = quantile(r.dist, u);
      // The exact quantile lies within 1e-12 relative of x: F(x - d) <= u <= F(x + d)
      // with d = 1e-12 |x|, allowing 1e-14 relative for the rounding of F.
      const double d = 1e-12 * std::fabs(x);
      CHECK(cdf(r.dist, x - d) <= u * (1 + 1e-14));
      CHECK(cdf(r.dist, x + d) >= u * (1 - 1e-14));
      // quantile(cdf(x)) == x, to 1e-9 of the distribution's spread
      CHECK(std::fabs(quantile(r.dist, cdf(r.dist, x)) - x) <= 1e-9 * r.sd);
    }
  }
  std::vector<double> u(std::begin(us), std::end(us)), block(u.size());
  const DistSpec g = spec(DistKind::gamma, 12000, 3000);
  quantile_block(g, u.data(), block.data(), u.size());
  for (std::size_t i = 0; i < u.size(); ++i) CHECK(block[i] == quantile(g, u[i]));
}

TEST_CASE("distributions: quantile ends of the support") {
  CHECK(quantile(spec(DistKind::gamma, 1, 2), 0) == 0);
  CHECK(quantile(spec(DistKind::gamma, 1, 2), 1) == INFINITY);
  CHECK(quantile(spec(DistKind::beta, 0.3, 0.05), 0) == 0);
  CHECK(quantile(spec(DistKind::beta, 0.3, 0.05), 1) == 1);
  CHECK(quantile(spec(DistKind::pert, 20, 40, 60), 1) == 60);
  CHECK(quantile(spec(DistKind::triangular, 2000, 2500, 3500), 0) == 2000);
  CHECK(quantile(spec(DistKind::normal, 5, 0), 0.3) == 5);
  CHECK(quantile(spec(DistKind::normal, 5, 1), 0) == -INFINITY);
}

TEST_CASE("distributions: check explains impossible arguments") {
  struct Row {
    DistSpec dist;
    const char* message;  // empty: valid
  };
  const Row rows[] = {
      {spec(DistKind::beta, 0.3, 0.5), "impossible moments: a beta with mean 0.3 needs sd < 0.458 (got 0.5)"},
      {spec(DistKind::beta, 0.5, 0.5), "impossible moments: a beta with mean 0.5 needs sd < 0.5 (got 0.5)"},
      {spec(DistKind::beta, 1.2, 0.1),
       "a beta needs a mean strictly between 0 and 1 (got 1.2): it describes a share or probability; for "
       "other "
       "positive quantities use a gamma or lognormal"},
      {spec(DistKind::beta, 0.3, 0), "a beta needs sd > 0 (got 0); for a fixed value leave out `dist`"},
      {spec(DistKind::gamma, -5, 1),
       "a gamma needs mean > 0 (got -5): it describes a positive quantity; a normal allows values <= 0"},
      {spec(DistKind::lognormal, 5500, 0),
       "a lognormal needs sd > 0 (got 0); for a fixed value leave out `dist`"},
      {spec(DistKind::normal, 10, -1), "a normal needs sd >= 0 (got -1)"},
      {spec(DistKind::uniform, 5, 5), "a uniform needs min < max (got min 5, max 5)"},
      {spec(DistKind::triangular, 1, 5, 3),
       "a triangular needs min <= mode <= max (got min 1, mode 5, max 3)"},
      {spec(DistKind::pert, 3, 3, 3), "a pert needs min < max (got min 3, max 3)"},
      {spec(DistKind::normal, NAN, 1), "normal arguments must be finite numbers (argument 1 is nan)"},
      {spec(DistKind::beta, 0.3, 0.458), ""},  // 0.458^2 = 0.2098 < 0.21
      {spec(DistKind::normal, 10, 0), ""},
      {spec(DistKind::triangular, 0, 0, 1), ""},
      {spec(DistKind::pert, 0, 1, 1), ""},
  };
  for (const Row& r : rows) {
    CAPTURE(label(r.dist));
    const auto error = check(r.dist);
    CHECK(error.value_or("") == r.message);
  }
}

TEST_CASE("distributions: names round trip") {
  for (DistKind k : {DistKind::normal, DistKind::lognormal, DistKind::beta, DistKind::gamma,
                     DistKind::uniform, DistKind::triangular, DistKind::pert}) {
    CHECK(dist_kind_from_name(dist_name(k)) == k);
  }
  CHECK_FALSE(dist_kind_from_name("weibull").has_value());
  CHECK(dist_arity(DistKind::pert) == 3);
  CHECK(dist_arity(DistKind::gamma) == 2);
}
