// Gaussian copula for correlated parameters (docs/case-format.md,
// "Correlations": `correlations: [[a, b, rho], ...]`).
//
// The k correlated parameters get a k x k correlation matrix C with 1 on the
// diagonal, rho at (i, j) and (j, i) for each listed pair, and 0 for pairs not
// listed. Per row, independent standard normals z are turned into correlated
// normals L z (L the lower Cholesky factor, L L^T = C) and then into uniforms
// u = Phi(L z); each parameter takes quantile(its dist, u). rho is therefore
// the correlation of the underlying normals (for normal marginals exactly the
// Pearson correlation; for others close to it, and the rank correlation is
// (6 / pi) asin(rho / 2)).
//
//   auto c = make_copula(2, {{0, 1, 0.6}}, {"cost", "effect"});
//   // std::get<Copula>(c).lower == {1, 0, 0.6, 0.8}
//   correlate_block(std::get<Copula>(c), z, u, rng_block_rows);
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace gevinst {

/// Correlation rho between correlated variables i and j (0-based indices
/// into the copula's variables), as in the case file's [a, b, rho].
struct Correlation {
  int i = 0;
  int j = 0;
  double rho = 0.0;
};

/// The Cholesky factor of the correlation matrix.
struct Copula {
  int k = 0;                  ///< number of correlated variables
  std::vector<double> lower;  ///< row-major k x k lower-triangular L with L L^T = C
};

/// Builds the correlation matrix over k variables (names[i] names variable i
/// in messages) and its Cholesky factor. Positive semi-definite matrices are
/// accepted, so rho = 1 or -1 works (a zero pivot gives a zero column).
/// Returns an error message instead when an index is out of range, i == j,
/// rho is outside [-1, 1], a pair is listed twice, or the correlations cannot
/// hold together (the matrix is not positive semi-definite). The last names
/// the variables involved, with what would work, e.g.
///   "correlations between a, b and c are inconsistent: (a, b) 0.9, (b, c) 0.9
///    and (a, c) -0.9 cannot all hold (the correlation matrix is not positive
///    semi-definite); given (a, b) 0.9 and (b, c) 0.9, (a, c) must lie between
///    0.62 and 1"
std::variant<Copula, std::string> make_copula(int k, const std::vector<Correlation>& correlations,
                                              const std::vector<std::string>& names);

/// For each of n rows: u[i][row] = Phi(sum_{j <= i} L[i][j] z[j][row]), for
/// i in [0, k). z and u are k columns of n values each. u may be z itself,
/// column for column (in place). Values are clamped into [2^-1022, 1 - 2^-53]
/// so that quantile() of any marginal stays finite when Phi rounds to 0 or 1.
void correlate_block(const Copula& copula, const double* const* z, double* const* u, std::size_t n);

}  // namespace gevinst
