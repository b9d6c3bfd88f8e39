// Choosing which cases to fund (docs/cli.md, "gevinst portfolio"): the subset of
// cases that maximises the sum of an objective (NPV, FTE, social value) with
// total cost within a budget; exact 0/1 selection by branch and bound.
//
//   std::vector<PortfolioItem> items = {{"a.yaml", 5e6, 2e6}, {"b.yaml", 3e6, 1e6}};
//   PortfolioSelection s = select_portfolio(items, 2.5e6);
//   s.selected == {true, false}; s.objective_value == 5e6; s.budget_used == 2e6
//
// Conventions:
// - An item is selected whole or not at all. Included items are always
//   selected, excluded ones never; an item with an objective <= 0 or not a
//   number (no SROI section) is selected only when included, and then adds 0.
// - Costs are money >= 0. Within the budget means total cost <= budget +
//   1e-9 x max(1, budget), so rounding in sums of present values cannot
//   reject an exact fit.
// - Exactness: branch and bound over the items in order of objective per
//   krone with the fractional (linear relaxation) bound of Dantzig (1957),
//   the standard bound for the 0/1 knapsack (Martello and Toth, "Knapsack
//   Problems", 1990, sections 2.2 and 2.5). A branch is cut when its bound
//   cannot beat the best selection by more than 1e-9 of the objective's
//   scale (the sum of positive objectives); the result is optimal to that
//   tolerance.
// - Ties: items with equal objective per krone are ordered by key (path);
//   among selections of equal objective the first found in that order wins
//   (it prefers the earlier items), so the result never depends on the
//   order of the input or the thread count.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "libeval/model.h"

namespace gevinst {

/// What a portfolio maximises.
///   npv:  the business case's NPV under the perspective (money);
///   fte:  FTE freed at full effect (capacity total.fte; 0 without a capacity section);
///   sroi: the social value created, the SROI pv_value (money; unknown without an
///         sroi section). Per krone of cost it is the SROI ratio when the cost is
///         the PV of the case's costs and the SROI investment is `auto`.
enum class Objective { npv, fte, sroi };
const char* to_string(Objective o);

struct CaseFiguresOptions {
  Objective objective = Objective::npv;
  Perspective perspective = Perspective::organisation;
  /// 0: cost = PV of the case's costs (pv_costs). N > 0: cost = the sum of the
  /// undiscounted costs of the first N years (t = 0 .. N-1, capped at the horizon).
  int first_years = 0;
};

/// A case's objective and cost for portfolio selection.
struct CaseFigures {
  std::string id;
  double objective = 0;  ///< NaN when unknown (objective sroi without an sroi section)
  double cost = 0;       ///< money
  double npv = 0;        ///< under the perspective, for the report
  std::string note;      ///< why the objective is unknown; empty otherwise
  int start_year = 0;    ///< the calendar year of year_costs[0]
  /// Undiscounted costs per calendar year (money), from start_year over the
  /// horizon: what the case draws on each year's appropriation.
  std::vector<double> year_costs;
};

/// Throws InputError when the case cannot be evaluated.
CaseFigures case_figures(const Case& c, const CaseFiguresOptions& opt = {});

struct PortfolioItem {
  std::string key;       ///< stable tie-break key (the case's path)
  double objective = 0;  ///< what funding it yields (NPV money, FTE, social value); NaN = unknown
  double cost = 0;       ///< money >= 0 (PV of costs, or the first years' costs)
  bool include = false;  ///< must be selected
  bool exclude = false;  ///< must not be selected
};

struct PortfolioSelection {
  bool feasible = true;
  std::string problem;         ///< why it is infeasible (the included items exceed the budget)
  std::vector<bool> selected;  ///< aligned with the items
  double objective_value = 0;  ///< sum of the selected items' objectives (unknown counts 0)
  double budget_used = 0;      ///< sum of the selected items' costs
  double budget_left = 0;      ///< budget - budget_used
  long long nodes = 0;         ///< branch-and-bound nodes visited
  /// False when the search stopped at max_nodes before proving optimality;
  /// then no selection is better than this one by more than `gap`.
  bool optimal = true;
  double gap = 0;  ///< proven bound on the shortfall (objective units); 0 when optimal
  /// Who found it: "branch-and-bound" (select_portfolio) or "cbc"
  /// (solve_portfolio_mip, portfolio_mip.h).
  std::string solver = "branch-and-bound";
  /// Spend per constrained calendar year (PortfolioConstraints::years), money.
  std::vector<double> year_used;
};

/// Default node limit: realistic portfolios of thousands of cases need a few
/// thousand nodes; adversarial ones (objective = cost + constant) can need
/// exponentially many, so the search stops here (about 0.1 s) and says so;
/// `gevinst portfolio` then hands the portfolio to CBC (portfolio_mip.h).
inline constexpr long long kDefaultMaxNodes = 2'000'000;

/// The exact best selection within `budget` (money). See the file comment.
/// `max_nodes` <= 0 means no limit.
PortfolioSelection select_portfolio(const std::vector<PortfolioItem>& items, double budget,
                                    long long max_nodes = kDefaultMaxNodes);

/// objective / cost; null when the cost is 0 or the objective unknown.
std::optional<double> objective_per_krone(const PortfolioItem& item);

/// Item indices ranked by objective per krone (objective / cost), best
/// first: items of zero cost and positive objective first, then by the
/// ratio, then items of zero cost and no positive objective, then those with
/// an unknown objective; ties by key.
std::vector<size_t> rank_by_objective_per_krone(const std::vector<PortfolioItem>& items);

}  // namespace gevinst
