// Choosing cases under the constraints a fund has (docs/cli.md, "gevinst
// portfolio", "Constraints file"): a 0/1 integer program solved exactly by
// COIN-OR CBC (branch and cut), and the same problem by enumeration for tests.
//
//   std::vector<PortfolioItem> items = {{"a", 5, 2}, {"b", 4, 2}, {"c", 3, 1}};
//   PortfolioConstraints k;
//   k.budget = 3;
//   k.exclusive = {{0, 1}};
//   PortfolioSelection s = solve_portfolio_mip(items, k);
//   s.selected == {true, false, true}; s.objective_value == 8; s.optimal
//
// The program, with x(i) = 1 when case i is selected:
//   maximise    sum objective(i) x(i)            (an unknown objective counts 0)
//   subject to  sum cost(i) x(i) <= budget                       (total budget)
//               sum year_cost(i, y) x(i) <= appropriation(y)     (each year y)
//               x(b) <= x(a)                     (b requires a)
//               sum over a group of x(i) <= 1    (mutually exclusive)
//               min <= sum over a tag's cases of x(i) <= max     (count limits)
//               x(i) = 1 when included (committed), 0 when excluded.
// Limits hold within 1e-9 x max(1, limit), as in select_portfolio. Among
// selections of equal objective the solver's is kept, minus every case of
// objective <= 0 that can leave without breaking a constraint.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "libeval/portfolio.h"

namespace gevinst {

/// An appropriation: what the selected cases may cost in one calendar year.
struct YearBudget {
  int year = 0;
  double amount = 0;  ///< money, undiscounted
};

/// At least `min` and at most `max` of the cases `members` (item indices).
struct CountLimit {
  std::string name;  ///< the tag (a region, a sector), for messages
  std::vector<size_t> members;
  std::optional<int> min, max;
};

/// The constraints beyond the items' own include/exclude. Indices refer to
/// the items' vector.
struct PortfolioConstraints {
  std::optional<double> budget;  ///< on PortfolioItem::cost (money)
  std::vector<YearBudget> years;
  /// year_costs[i][k]: item i's undiscounted cost in calendar year years[k].year.
  std::vector<std::vector<double>> year_costs;
  std::vector<std::pair<size_t, size_t>> dependencies;  ///< (b, a): b requires a (b only with a)
  std::vector<std::vector<size_t>> exclusive;           ///< at most one of each group
  std::vector<CountLimit> counts;
};

struct MipOptions {
  double time_limit = 60;  ///< seconds; on reaching it the best selection found and its gap
};

/// The exact best selection under every constraint, by CBC. Infeasible
/// (feasible false, `problem` says why) when no selection meets them all.
PortfolioSelection solve_portfolio_mip(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k,
                                       const MipOptions& opt = {});

/// The first constraint `selected` breaks, in words; empty when it meets all.
std::string violated_constraint(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k,
                                const std::vector<bool>& selected);

/// The best selection by trying all 2^n (n <= 24): the reference in tests.
PortfolioSelection enumerate_portfolio(const std::vector<PortfolioItem>& items,
                                       const PortfolioConstraints& k);

/// Writes the program in MPS format (for checking with another solver, e.g.
/// GLPK's glp_read_mps). Returns false when the file cannot be written.
bool write_portfolio_mps(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k,
                         const std::string& path);

}  // namespace gevinst
