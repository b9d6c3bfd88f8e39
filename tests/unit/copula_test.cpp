#include "libeval/copula.h"

#include <cmath>
#include <numbers>
#include <string>
#include <variant>
#include <vector>

#include "libeval/distributions.h"
#include "libeval/rng.h"
#include "support.h"

using namespace gevinst;

namespace {

const std::vector<std::string> abc = {"a", "b", "c"};

std::string error_of(const std::variant<Copula, std::string>& r) {
  return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : "";
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

// Draws n rows of k independent normals (column j from stream(seed, 0, j)),
// correlates them and returns the uniforms, column-major.
std::vector<std::vector<double>> correlated_uniforms(const Copula& c, size_t n, std::uint64_t seed) {
  std::vector<std::vector<double>> z(c.k, std::vector<double>(n)), u = z;
  std::vector<const double*> zp;
  std::vector<double*> up;
  for (int j = 0; j < c.k; ++j) {
    Rng r = stream(seed, 0, j);
    fill_normal(r, z[j].data(), n);
    zp.push_back(z[j].data());
    up.push_back(u[j].data());
  }
  correlate_block(c, zp.data(), up.data(), n);
  return u;
}

}  // namespace

TEST_CASE("copula: Cholesky factor of a 2 x 2 and a 3 x 3 correlation matrix") {
  // [[1, 0.6], [0.6, 1]] = L L^T with L = [[1, 0], [0.6, 0.8]] (0.8 = sqrt(1 - 0.36)).
  const auto two = make_copula(2, {{0, 1, 0.6}}, {"cost", "effect"});
  REQUIRE(std::holds_alternative<Copula>(two));
  const std::vector<double> expected = {1, 0, 0.6, 0.8};
  const auto& l2 = std::get<Copula>(two).lower;
  for (size_t i = 0; i < 4; ++i) CHECK(l2[i] == doctest::Approx(expected[i]).epsilon(1e-15));

  // L L^T reproduces C; pairs may be given in either order; (a, c) unlisted is 0.
  const auto three = make_copula(3, {{1, 0, 0.5}, {2, 1, -0.3}}, abc);
  REQUIRE(std::holds_alternative<Copula>(three));
  const auto& l = std::get<Copula>(three).lower;
  const double c[3][3] = {{1, 0.5, 0}, {0.5, 1, -0.3}, {0, -0.3, 1}};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      double s = 0;
      for (int m = 0; m < 3; ++m) s += l[i * 3 + m] * l[j * 3 + m];
      CHECK(s == doctest::Approx(c[i][j]).epsilon(1e-14));
      if (j > i) CHECK(l[i * 3 + j] == 0);  // lower triangular
    }
  }
}

TEST_CASE("copula: sample correlations of the output match rho") {
  // Normal marginals via quantile() turn u = Phi(L z) back into L z, whose
  // correlations are exactly C; with 10^5 rows the sampling sd of a correlation
  // is (1 - rho^2) / sqrt(n) <= 0.0032, so 0.01 is about 3 sd.
  // Uniforms themselves have the Pearson (= Spearman) correlation
  // (6 / pi) asin(rho / 2) (Kruskal 1958), also checked for (a, b).
  const size_t n = 100'000;
  const auto made = make_copula(3, {{0, 1, 0.5}, {1, 2, -0.3}, {0, 2, 0.2}}, abc);
  REQUIRE(std::holds_alternative<Copula>(made));
  const auto u = correlated_uniforms(std::get<Copula>(made), n, 77);
  std::vector<std::vector<double>> x(3, std::vector<double>(n));
  const DistSpec marginal{DistKind::normal, {0, 1, 0}};
  for (int j = 0; j < 3; ++j) quantile_block(marginal, u[j].data(), x[j].data(), n);
  CHECK(std::fabs(pearson(x[0], x[1]) - 0.5) < 0.01);
  CHECK(std::fabs(pearson(x[1], x[2]) + 0.3) < 0.01);
  CHECK(std::fabs(pearson(x[0], x[2]) - 0.2) < 0.01);
  CHECK(std::fabs(pearson(u[0], u[1]) - 6 / std::numbers::pi * std::asin(0.25)) < 0.01);
  // Gamma and beta marginals: the correlation carries through (within 0.03 of
  // rho for these near-symmetric marginals, not exact: Pearson is not invariant
  // under the non-linear quantile maps).
  const DistSpec cost{DistKind::gamma, {12000, 3000, 0}}, share{DistKind::beta, {0.3, 0.05, 0}};
  quantile_block(cost, u[0].data(), x[0].data(), n);
  quantile_block(share, u[1].data(), x[1].data(), n);
  CHECK(std::fabs(pearson(x[0], x[1]) - 0.5) < 0.03);
}

TEST_CASE("copula: in place gives the same uniforms") {
  const auto made = make_copula(2, {{0, 1, -0.7}}, {"a", "b"});
  REQUIRE(std::holds_alternative<Copula>(made));
  const Copula& c = std::get<Copula>(made);
  const auto expected = correlated_uniforms(c, 1000, 5);
  std::vector<std::vector<double>> z(2, std::vector<double>(1000));
  for (int j = 0; j < 2; ++j) {
    Rng r = stream(5, 0, j);
    fill_normal(r, z[j].data(), 1000);
  }
  double* cols[] = {z[0].data(), z[1].data()};
  correlate_block(c, cols, cols, 1000);
  CHECK(z == expected);
}

TEST_CASE("copula: rho = 1 is accepted and gives identical uniforms") {
  const auto made = make_copula(2, {{0, 1, 1.0}}, {"a", "b"});
  REQUIRE(std::holds_alternative<Copula>(made));
  const auto u = correlated_uniforms(std::get<Copula>(made), 1000, 9);
  CHECK(u[0] == u[1]);
}

TEST_CASE("copula: inconsistent correlations name the variables and what would work") {
  // a-b 0.9 and b-c 0.9 force a-c into [0.81 - 0.19, 0.81 + 0.19] = [0.62, 1]
  // (3 x 3 determinant 1 + 2 r1 r2 r3 - r1^2 - r2^2 - r3^2 >= 0).
  CHECK(error_of(make_copula(3, {{0, 1, 0.9}, {1, 2, 0.9}, {0, 2, -0.9}}, abc)) ==
        "correlations between a, b and c are inconsistent: (a, b) 0.9, (b, c) 0.9 and (a, c) -0.9 cannot all "
        "hold "
        "(the correlation matrix is not positive semi-definite); given (a, b) 0.9 and (b, c) 0.9, (a, c) "
        "must lie "
        "between 0.62 and 1");
  // A pair left out counts as 0, which can be inconsistent too.
  CHECK(error_of(make_copula(3, {{0, 1, 0.9}, {1, 2, 0.9}}, abc)) ==
        "correlations between a, b and c are inconsistent: (a, b) 0.9, (b, c) 0.9 and (a, c) 0 (not listed, "
        "so 0) "
        "cannot all hold (the correlation matrix is not positive semi-definite); given (a, b) 0.9 and (b, c) "
        "0.9, "
        "(a, c) must lie between 0.62 and 1");
  // No three variables clash, but all four do: every pair -0.4 (eigenvalue 1 - 3 * 0.4 = -0.2).
  std::vector<Correlation> all;
  for (int i = 0; i < 4; ++i) {
    for (int j = i + 1; j < 4; ++j) all.push_back({i, j, -0.4});
  }
  CHECK(error_of(make_copula(4, all, {"p", "q", "r", "s"})) ==
        "correlations between p, q, r and s are inconsistent: (p, q) -0.4, (p, r) -0.4, (p, s) -0.4, (q, r) "
        "-0.4, "
        "(q, s) -0.4, (r, s) -0.4 cannot all hold (the correlation matrix is not positive semi-definite, "
        "smallest "
        "eigenvalue -0.2); move some of these correlations towards 0");
}

TEST_CASE("copula: malformed correlations") {
  CHECK(error_of(make_copula(3, {{0, 1, 1.2}}, abc)) ==
        "the correlation between a and b is 1.2; a correlation must lie between -1 and 1");
  CHECK(
      error_of(make_copula(3, {{2, 2, 0.5}}, abc)) ==
      "c is correlated with itself; a variable's correlation with itself is always 1, so remove [c, c, 0.5]");
  CHECK(error_of(make_copula(3, {{0, 1, 0.5}, {1, 0, 0.4}}, abc)) ==
        "the correlation between a and b is given twice (0.5 and 0.4); keep one");
  CHECK(error_of(make_copula(2, {{0, 3, 0.5}}, abc)) ==
        "correlation 1 refers to variable index 3, but there are 2 correlated variables");
  CHECK(error_of(make_copula(0, {}, {})).empty());
}
