#include "libeval/copula.h"

// GCC 12 reports a false -Wmaybe-uninitialized inside Eigen's triangular and
// self-adjoint matrix-vector kernels (GCC bug 105562 family); silence it for
// this file only.
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <fmt/format.h>

#include <Eigen/Dense>
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <tuple>

#include "libeval/special_functions.h"

namespace gevinst {

namespace {

// An eigenvalue this far below 0 is rounding, not inconsistency; pivots up to
// this size are treated as 0 in the semi-definite Cholesky factorisation.
constexpr double psd_tolerance = 1e-10;

std::string var_name(const std::vector<std::string>& names, int i) {
  return i >= 0 && i < static_cast<int>(names.size()) ? names[i] : fmt::format("#{}", i + 1);
}

std::string plain_number(double v) { return fmt::format("{}", v); }

// A 2-decimal bound rounded inwards, so the printed range is admissible.
std::string bound(double v, bool lower) {
  const double r = lower ? std::ceil(v * 100 - 1e-9) / 100 : std::floor(v * 100 + 1e-9) / 100;
  return plain_number(r == 0 ? 0.0 : r);  // no "-0"
}

struct Pair {
  int i, j;
};

// Explains a matrix that is not positive semi-definite. First looks for three
// variables whose correlations already clash: a 3 x 3 correlation matrix with
// off-diagonals r1, r2, r3 is valid iff 1 + 2 r1 r2 r3 - r1^2 - r2^2 - r3^2 >= 0,
// and given (x, y) = r and (y, z) = s, (x, z) must lie in
//   [r s - sqrt((1 - r^2)(1 - s^2)), r s + sqrt((1 - r^2)(1 - s^2))].
// Otherwise names the variables that carry the eigenvector of the most
// negative eigenvalue.
std::string explain_not_psd(const Eigen::MatrixXd& c, const std::vector<std::vector<int>>& given,
                            const std::vector<std::string>& names, const Eigen::VectorXd& v_min,
                            double lambda_min) {
  const int k = static_cast<int>(c.rows());
  auto pair_text = [&](Pair p) {
    const bool listed = given[p.i][p.j] >= 0;
    return fmt::format("({}, {}) {}{}", var_name(names, p.i), var_name(names, p.j), plain_number(c(p.i, p.j)),
                       listed ? "" : " (not listed, so 0)");
  };
  double worst = -psd_tolerance;
  std::optional<std::array<int, 3>> triple;
  for (int a = 0; a < k; ++a) {
    for (int b = a + 1; b < k; ++b) {
      for (int d = b + 1; d < k; ++d) {
        const int listed = (given[a][b] >= 0) + (given[b][d] >= 0) + (given[a][d] >= 0);
        if (listed < 2) continue;
        const double r1 = c(a, b), r2 = c(b, d), r3 = c(a, d);
        const double det = 1 + 2 * r1 * r2 * r3 - r1 * r1 - r2 * r2 - r3 * r3;
        if (det < worst) {
          worst = det;
          triple = std::array{a, b, d};
        }
      }
    }
  }
  if (triple) {
    const auto [a, b, d] = *triple;
    const Pair pairs[3] = {{a, b}, {b, d}, {a, d}};
    // Suggest a pair that is not listed (likely forgotten: it counts as 0),
    // else the one that needs the smallest change, on a tie the one listed last.
    int best = -1;
    double best_lo = 0, best_hi = 0;
    std::tuple<bool, double, int> best_key;
    for (int m = 0; m < 3; ++m) {
      const Pair p = pairs[m], q = pairs[(m + 1) % 3], r = pairs[(m + 2) % 3];
      const double s = c(q.i, q.j), t = c(r.i, r.j);
      const double half = std::sqrt(std::max(0.0, (1 - s * s) * (1 - t * t)));
      const double lo = s * t - half, hi = s * t + half, value = c(p.i, p.j);
      const double distance = std::max({0.0, lo - value, value - hi});
      const int listed_at = given[p.i][p.j];
      // Rounded so that symmetric cases tie exactly.
      const std::tuple<bool, double, int> key{listed_at >= 0, std::round(distance * 1e9), -listed_at};
      if (best < 0 || key < best_key) {
        best = m;
        best_key = key;
        best_lo = lo;
        best_hi = hi;
      }
    }
    const Pair p = pairs[best], q = pairs[(best + 1) % 3], r = pairs[(best + 2) % 3];
    const auto order = [](Pair x, Pair y) { return x.i != y.i ? x.i < y.i : x.j < y.j; };
    const Pair& first = std::min(q, r, order);
    const Pair& second = std::max(q, r, order);
    return fmt::format(
        "correlations between {}, {} and {} are inconsistent: {}, {} and {} cannot all hold (the correlation "
        "matrix is "
        "not positive semi-definite); given {} and {}, ({}, {}) must lie between {} and {}",
        var_name(names, a), var_name(names, b), var_name(names, d), pair_text(pairs[0]), pair_text(pairs[1]),
        pair_text(pairs[2]), pair_text(first), pair_text(second), var_name(names, p.i), var_name(names, p.j),
        bound(best_lo, true), bound(best_hi, false));
  }
  std::vector<int> involved;
  for (int i = 0; i < k; ++i) {
    if (std::fabs(v_min(i)) >= 0.1) involved.push_back(i);
  }
  std::string vars, pairs;
  for (size_t m = 0; m < involved.size(); ++m) {
    vars += (m == 0 ? "" : m + 1 == involved.size() ? " and " : ", ") + var_name(names, involved[m]);
    for (size_t n = m + 1; n < involved.size(); ++n) {
      if (given[involved[m]][involved[n]] >= 0) {
        pairs += (pairs.empty() ? "" : ", ") + pair_text({involved[m], involved[n]});
      }
    }
  }
  return fmt::format(
      "correlations between {} are inconsistent: {} cannot all hold (the correlation matrix is not positive "
      "semi-definite, smallest eigenvalue {:.3g}); move some of these correlations towards 0",
      vars, pairs, lambda_min);
}

}  // namespace

std::variant<Copula, std::string> make_copula(int k, const std::vector<Correlation>& correlations,
                                              const std::vector<std::string>& names) {
  if (k < 0) return fmt::format("a copula needs k >= 0 variables (got {})", k);
  Eigen::MatrixXd c = Eigen::MatrixXd::Identity(k, k);
  // given[i][j]: index in `correlations` of the entry for the pair, or -1.
  std::vector<std::vector<int>> given(k, std::vector<int>(k, -1));
  for (size_t n = 0; n < correlations.size(); ++n) {
    const auto [i, j, rho] = correlations[n];
    if (i < 0 || i >= k || j < 0 || j >= k) {
      return fmt::format("correlation {} refers to variable index {}, but there are {} correlated variables",
                         n + 1, i < 0 || i >= k ? i : j, k);
    }
    const std::string a = var_name(names, i), b = var_name(names, j);
    if (i == j)
      return fmt::format(
          "{} is correlated with itself; a variable's correlation with itself is always 1, so remove [{}, "
          "{}, {}]",
          a, a, a, plain_number(rho));
    if (!(rho >= -1 && rho <= 1)) {
      return fmt::format("the correlation between {} and {} is {}; a correlation must lie between -1 and 1",
                         a, b, plain_number(rho));
    }
    if (given[i][j] >= 0) {
      return fmt::format("the correlation between {} and {} is given twice ({} and {}); keep one",
                         var_name(names, std::min(i, j)), var_name(names, std::max(i, j)),
                         plain_number(c(i, j)), plain_number(rho));
    }
    given[i][j] = given[j][i] = static_cast<int>(n);
    c(i, j) = c(j, i) = rho;
  }
  if (k > 0) {
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(c);
    const double lambda_min = eig.eigenvalues()(0);  // ascending order
    if (lambda_min < -psd_tolerance)
      return explain_not_psd(c, given, names, eig.eigenvectors().col(0), lambda_min);
  }
  // Cholesky-Banachiewicz, tolerant of a semi-definite C:
  //   L[j][j] = sqrt(C[j][j] - sum_{m<j} L[j][m]^2)
  //   L[i][j] = (C[i][j] - sum_{m<j} L[i][m] L[j][m]) / L[j][j]   for i > j
  // A pivot <= psd_tolerance means variable j is (almost) a combination of the
  // earlier ones; its column is then 0, which for a PSD matrix is exact.
  Eigen::MatrixXd l = Eigen::MatrixXd::Zero(k, k);
  for (int j = 0; j < k; ++j) {
    const double pivot = c(j, j) - l.row(j).head(j).squaredNorm();
    if (pivot <= psd_tolerance) continue;
    l(j, j) = std::sqrt(pivot);
    for (int i = j + 1; i < k; ++i) l(i, j) = (c(i, j) - l.row(i).head(j).dot(l.row(j).head(j))) / l(j, j);
  }
  Copula copula{k, std::vector<double>(static_cast<size_t>(k) * k)};
  for (int i = 0; i < k; ++i) {
    for (int j = 0; j < k; ++j) copula.lower[static_cast<size_t>(i) * k + j] = l(i, j);
  }
  return copula;
}

void correlate_block(const Copula& copula, const double* const* z, double* const* u, std::size_t n) {
  constexpr double u_min = 0x1.0p-1022, u_max = 1 - 0x1.0p-53;
  const int k = copula.k;
  // Columns from last to first: column i reads z[0..i] only, so writing u[i]
  // over z[i] (in place) never clobbers an input still needed.
  for (int i = k - 1; i >= 0; --i) {
    const double* row = copula.lower.data() + static_cast<size_t>(i) * k;
    double* out = u[i];
    const double* zi = z[i];
    for (std::size_t r = 0; r < n; ++r) out[r] = row[i] * zi[r];
    for (int j = 0; j < i; ++j) {
      if (row[j] == 0) continue;
      const double* zj = z[j];
      for (std::size_t r = 0; r < n; ++r) out[r] += row[j] * zj[r];
    }
    for (std::size_t r = 0; r < n; ++r) out[r] = std::clamp(normal_cdf(out[r]), u_min, u_max);
  }
}

}  // namespace gevinst
