// Tests for libeval/portfolio: exact 0/1 selection under a budget, checked
// on hand-worked portfolios and against brute force (every subset) on random
// portfolios of up to 20 cases.
#include "libeval/portfolio.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <random>

#include "support.h"

using namespace gevinst;

namespace {

std::vector<PortfolioItem> items_of(const std::vector<std::pair<double, double>>& value_cost) {
  std::vector<PortfolioItem> v;
  for (size_t i = 0; i < value_cost.size(); ++i)
    v.push_back({fmt::format("case-{:02d}.yaml", i), value_cost[i].first, value_cost[i].second});
  return v;
}

std::vector<bool> chosen(std::initializer_list<int> on, size_t n) {
  std::vector<bool> v(n, false);
  for (int i : on) v[static_cast<size_t>(i)] = true;
  return v;
}

// Best objective over all 2^n subsets honouring include/exclude and the
// budget (with the same rounding allowance as the solver). Unknown
// objectives count 0. Subsets in Gray-code order (one item changes per
// step); a subset that may be the best is summed again exactly.
double brute_force(const std::vector<PortfolioItem>& items, double budget) {
  const size_t n = items.size();
  const double slack = 1e-9 * std::max(1.0, std::fabs(budget));
  auto obj = [&](size_t i) { return std::isfinite(items[i].objective) ? items[i].objective : 0.0; };
  uint32_t incl = 0, excl = 0;
  double scale = 1;
  for (size_t i = 0; i < n; ++i) {
    if (items[i].include) incl |= 1u << i;
    if (items[i].exclude) excl |= 1u << i;
    scale += std::fabs(obj(i)) + items[i].cost;
  }
  double best = -std::numeric_limits<double>::infinity();
  double cost = 0, value = 0;
  uint32_t mask = 0;
  for (uint32_t step = 0; step < (1u << n); ++step) {
    if (step > 0) {
      uint32_t bit = static_cast<uint32_t>(__builtin_ctz(step));
      mask ^= 1u << bit;
      double sign = (mask >> bit) & 1u ? 1.0 : -1.0;
      cost += sign * items[bit].cost;
      value += sign * obj(bit);
    }
    if ((mask & incl) != incl || (mask & excl) != 0) continue;
    if (cost > budget + slack + 1e-9 * scale || value < best - 1e-9 * scale) continue;
    double c = 0, v = 0;  // exact sums of this subset
    for (size_t i = 0; i < n; ++i)
      if (mask & (1u << i)) {
        c += items[i].cost;
        v += obj(i);
      }
    if (c <= budget + slack) best = std::max(best, v);
  }
  return best;
}

}  // namespace

TEST_CASE("portfolio: the exact choice beats the greedy one") {
  // Budget 10. By objective per krone A (11/6 = 1.83) comes first, but then
  // neither B nor C fits: greedy gets 11. B + C cost 10 and give 18.
  auto items = items_of({{11, 6}, {9, 5}, {9, 5}});
  PortfolioSelection s = select_portfolio(items, 10);
  CHECK(s.feasible);
  CHECK(s.selected == chosen({1, 2}, 3));
  CHECK(s.objective_value == 18);
  CHECK(s.budget_used == 10);
  CHECK(s.budget_left == 0);
}

TEST_CASE("portfolio: include and exclude") {
  auto items = items_of({{11, 6}, {9, 5}, {9, 5}});
  SUBCASE("include A: then only A fits (6 + 5 > 10)") {
    items[0].include = true;
    PortfolioSelection s = select_portfolio(items, 10);
    CHECK(s.selected == chosen({0}, 3));
    CHECK(s.objective_value == 11);
  }
  SUBCASE("exclude B: A (11) beats C (9)") {
    items[1].exclude = true;
    PortfolioSelection s = select_portfolio(items, 10);
    CHECK(s.selected == chosen({0}, 3));
  }
  SUBCASE("included cases over the budget are infeasible") {
    items[0].include = items[1].include = true;
    PortfolioSelection s = select_portfolio(items, 10);
    CHECK_FALSE(s.feasible);
    CHECK(s.problem == "the included cases cost 11, more than the budget 10");
  }
  SUBCASE("an included case with a negative objective still counts") {
    items.push_back({"case-03.yaml", -4, 0, true, false});
    PortfolioSelection s = select_portfolio(items, 10);
    CHECK(s.selected == chosen({1, 2, 3}, 4));
    CHECK(s.objective_value == 14);  // 9 + 9 - 4
  }
}

TEST_CASE("portfolio: non-positive, unknown and free objectives") {
  const double nan = std::nan("");
  auto items = items_of({{-5, 1}, {0, 1}, {nan, 1}, {3, 0}, {2, 1}});
  PortfolioSelection s = select_portfolio(items, 100);
  // Only the positive ones: the free one (3, cost 0) and 2 at cost 1.
  CHECK(s.selected == chosen({3, 4}, 5));
  CHECK(s.objective_value == 5);
  CHECK(s.budget_used == 1);
  items[2].include = true;  // an unknown objective counts 0 but its cost is used
  s = select_portfolio(items, 100);
  CHECK(s.selected == chosen({2, 3, 4}, 5));
  CHECK(s.objective_value == 5);
  CHECK(s.budget_used == 2);
}

TEST_CASE("portfolio: ties are broken by path, whatever the input order") {
  std::vector<PortfolioItem> items = {{"b.yaml", 1, 1}, {"a.yaml", 1, 1}, {"c.yaml", 1, 1}};
  PortfolioSelection s = select_portfolio(items, 2);
  CHECK(s.selected == std::vector<bool>{true, true, false});  // a and b
  std::swap(items[0], items[2]);                              // c, a, b
  s = select_portfolio(items, 2);
  CHECK(s.selected == std::vector<bool>{false, true, true});
}

TEST_CASE("portfolio: budget rounding allowance accepts an exact fit of present values") {
  // 0.1 + 0.2 = 0.30000000000000004 > 0.3 in doubles.
  std::vector<PortfolioItem> items = {{"a", 1, 0.1}, {"b", 1, 0.2}};
  CHECK(select_portfolio(items, 0.3).selected == std::vector<bool>{true, true});
}

TEST_CASE("portfolio: agrees with brute force on random portfolios of up to 20 cases") {
  std::mt19937_64 rng(20260101);
  std::uniform_real_distribution<double> u(0, 1);
  int checked = 0;
  for (int trial = 0; trial < 400; ++trial) {
    size_t n = 1 + trial % 20;
    std::vector<PortfolioItem> items;
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
      PortfolioItem it;
      it.key = fmt::format("c{:02d}", i);
      it.cost = trial % 4 == 0 ? std::floor(1 + u(rng) * 10) : 1e5 + u(rng) * 5e7;  // integers: many ties
      // Mostly correlated with cost (harder), some negative, a few unknown.
      double r = u(rng);
      it.objective = r < 0.1    ? -u(rng) * it.cost
                     : r < 0.15 ? std::nan("")
                                : it.cost * (0.5 + u(rng)) + u(rng) * 1e6;
      if (trial % 4 == 0 && r >= 0.15) it.objective = std::floor(it.objective);
      it.include = u(rng) < 0.05;
      it.exclude = !it.include && u(rng) < 0.05;
      total += it.cost;
      items.push_back(it);
    }
    double budget = total * u(rng);
    PortfolioSelection s = select_portfolio(items, budget);
    double bf = brute_force(items, budget);
    CAPTURE(trial);
    if (!std::isfinite(bf)) {  // the included items alone exceed the budget
      CHECK_FALSE(s.feasible);
      continue;
    }
    REQUIRE(s.feasible);
    double scale = 0, cost = 0, value = 0;
    for (size_t i = 0; i < n; ++i) {
      if (std::isfinite(items[i].objective) && items[i].objective > 0) scale += items[i].objective;
      if (s.selected[i]) {
        cost += items[i].cost;
        value += std::isfinite(items[i].objective) ? items[i].objective : 0;
        CHECK_FALSE(items[i].exclude);
      } else {
        CHECK_FALSE(items[i].include);
      }
    }
    CHECK(cost <= budget + 1e-9 * std::max(1.0, budget));
    CHECK(value == doctest::Approx(s.objective_value).epsilon(1e-12));
    CHECK(cost == doctest::Approx(s.budget_used).epsilon(1e-12));
    // Optimal to the documented tolerance: 1e-9 of the sum of positive objectives.
    CHECK(std::fabs(s.objective_value - bf) <= 1e-9 * std::max(1.0, scale) * 2);
    ++checked;
  }
  CHECK(checked > 300);
}

namespace {

// The fractional (LP) bound over all items: an upper bound of any selection.
double lp_bound(const std::vector<PortfolioItem>& items, double budget) {
  double cap = budget, lp = 0;
  for (size_t i : rank_by_objective_per_krone(items)) {
    if (cap <= 0 || items[i].objective <= 0) break;
    double take = std::min(1.0, cap / items[i].cost);
    lp += take * items[i].objective;
    cap -= take * items[i].cost;
  }
  return lp;
}

}  // namespace

TEST_CASE("portfolio: 1,000 cases with objectives loosely tied to cost are solved exactly") {
  // Like real portfolios: NPV grows with the size of a case, with a spread.
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<PortfolioItem> items;
  double total = 0;
  for (int i = 0; i < 1000; ++i) {
    double c = 1e6 + u(rng) * 1e8;
    items.push_back({fmt::format("c{:04d}", i), c * (u(rng) - 0.2) + u(rng) * 2e6, c});
    total += c;
  }
  PortfolioSelection s = select_portfolio(items, total / 4);
  CHECK(s.optimal);
  CHECK(s.gap == 0);
  CHECK(s.budget_used <= total / 4 * (1 + 1e-9));
  double lp = lp_bound(items, total / 4);
  CHECK(s.objective_value <= lp + 1e-6 * lp);
  // Optimal within the one fractional item of the LP solution (objective < 0.8e8 + 2e6).
  CHECK(s.objective_value >= lp - 0.82e8);
}

TEST_CASE("portfolio: a search stopped at the node limit reports a proven gap") {
  // Strongly correlated instances (objective = cost + constant) are the hard
  // class for branch and bound (Martello and Toth 1990, section 2.10).
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(1e6, 1e8);
  std::vector<PortfolioItem> items;
  double total = 0;
  for (int i = 0; i < 1000; ++i) {
    double c = std::round(u(rng));
    items.push_back({fmt::format("c{:04d}", i), c + 1e7, c});
    total += c;
  }
  PortfolioSelection s = select_portfolio(items, total / 2, 200000);
  REQUIRE(s.feasible);
  CHECK(s.nodes <= 200000);
  CHECK(s.budget_used <= total / 2 * (1 + 1e-9));
  CHECK_FALSE(s.optimal);
  CHECK(s.gap > 0);
  // The proven bound can never exceed the LP bound of the whole problem.
  CHECK(s.objective_value + s.gap <= lp_bound(items, total / 2) * (1 + 1e-12));
}

TEST_CASE("portfolio: ranking by objective per krone") {
  const double nan = std::nan("");
  std::vector<PortfolioItem> items = {{"a", 10, 5}, {"b", 4, 1}, {"c", nan, 1}, {"d", 3, 0},
                                      {"e", -1, 0}, {"f", 8, 4}, {"g", 10, 5}};
  // d (free), b (4), a = g = f (2; by key), e (free, useless), c (unknown).
  std::vector<size_t> r = rank_by_objective_per_krone(items);
  CHECK(r == std::vector<size_t>{3, 1, 0, 5, 6, 4, 2});
  CHECK(*objective_per_krone(items[0]) == 2);              // 10 / 5
  CHECK_FALSE(objective_per_krone(items[2]).has_value());  // unknown objective
  CHECK_FALSE(objective_per_krone(items[3]).has_value());  // free
}
