// Tests for libeval/portfolio_mip: the constrained portfolio solved by CBC,
// checked on hand-worked portfolios (one per constraint type, the optimum
// found by listing the subsets in the comment), against enumeration of every
// subset on random portfolios with every constraint type, and against the
// branch and bound of libeval/portfolio on single-budget portfolios.
#include "libeval/portfolio_mip.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

#include "support.h"

using namespace gevinst;

namespace {

// (objective, cost): a (5, 2), b (4, 2), c (3, 1), d (1.5, 1).
std::vector<PortfolioItem> abcd() { return {{"a", 5, 2}, {"b", 4, 2}, {"c", 3, 1}, {"d", 1.5, 1}}; }

std::vector<bool> pick(const std::string& on) {
  std::vector<bool> v(4, false);
  for (char ch : on) v[static_cast<size_t>(ch - 'a')] = true;
  return v;
}

void check_optimum(const PortfolioSelection& s, const std::string& on, double value) {
  CHECK(s.feasible);
  CHECK(s.optimal);
  CHECK(s.gap == 0);
  CHECK(s.solver == "cbc");
  CHECK(s.selected == pick(on));
  CHECK(s.objective_value == doctest::Approx(value));
}

}  // namespace

TEST_CASE("solve_portfolio_mip, one constraint type at a time") {
  auto items = abcd();
  PortfolioConstraints k;

  SUBCASE("total budget") {
    // Budget 3: a+c 8, a+d 6.5, b+c 7, b+d 5.5, c+d 4.5; a+b and larger cost > 3.
    k.budget = 3;
    check_optimum(solve_portfolio_mip(items, k), "ac", 8);
  }
  SUBCASE("yearly budgets") {
    // Costs in (2026, 2027): a (2, 0), b (0, 2), c (1, 1), d (1, 0); budgets 2 and 2.
    // a+b (2, 2) 9; a+b+c (3, 3), a+b+d (3, 2), a+c (3, 1) break 2026;
    // b+c (1, 3) breaks 2027; b+d (1, 2) 5.5; c+d (2, 1) 4.5. Best a+b.
    k.years = {{2026, 2}, {2027, 2}};
    k.year_costs = {{2, 0}, {0, 2}, {1, 1}, {1, 0}};
    auto s = solve_portfolio_mip(items, k);
    check_optimum(s, "ab", 9);
    CHECK(s.year_used == std::vector<double>{2, 2});
  }
  SUBCASE("requires") {
    // Budget 3, c requires b: a+c is out; b+c 7, a+d 6.5, b+d 5.5. Best b+c.
    k.budget = 3;
    k.dependencies = {{2, 1}};
    check_optimum(solve_portfolio_mip(items, k), "bc", 7);
  }
  SUBCASE("requires makes a case worth funding for another's sake") {
    // d has NPV -1 and c requires it; budget 4. Without d: a+b 9. With:
    // a+c+d 7, b+c+d 6. a+b 9 stays best; with c at 9, a+c+d = 13 wins.
    items[3].objective = -1;
    items[2].objective = 9;
    k.budget = 4;
    k.dependencies = {{2, 3}};
    check_optimum(solve_portfolio_mip(items, k), "acd", 13);
  }
  SUBCASE("mutually exclusive") {
    // Budget 4: unconstrained best a+c+d 9.5. With {a, c} exclusive: a+b 9,
    // b+c+d 8.5, a+d 6.5. Best a+b.
    k.budget = 4;
    CHECK(solve_portfolio_mip(items, k).objective_value == doctest::Approx(9.5));
    k.exclusive = {{0, 2}};
    check_optimum(solve_portfolio_mip(items, k), "ab", 9);
  }
  SUBCASE("maximum count") {
    // Budget 4, at most one of {c, d}: a+c+d breaks it; a+b 9, a+c 8. Best a+b.
    k.budget = 4;
    k.counts = {{"south", {2, 3}, std::nullopt, 1}};
    check_optimum(solve_portfolio_mip(items, k), "ab", 9);
  }
  SUBCASE("minimum count") {
    // Budget 3, at least one of {d}: a+d 6.5, b+d 5.5, c+d 4.5. Best a+d.
    k.budget = 3;
    k.counts = {{"north", {3}, 1, std::nullopt}};
    check_optimum(solve_portfolio_mip(items, k), "ad", 6.5);
  }
  SUBCASE("committed") {
    // Budget 3, b committed: b+c 7, b+d 5.5. Best b+c.
    k.budget = 3;
    items[1].include = true;
    check_optimum(solve_portfolio_mip(items, k), "bc", 7);
  }
  SUBCASE("infeasible") {
    k.budget = 3;
    items[0].include = items[1].include = true;
    auto s = solve_portfolio_mip(items, k);
    CHECK_FALSE(s.feasible);
    CHECK(s.problem ==
          "the committed and included cases alone break a limit: the cost 4 exceeds the budget 3");
    k.budget = 10;
    k.exclusive = {{0, 1}};
    s = solve_portfolio_mip(items, k);
    CHECK_FALSE(s.feasible);
    CHECK(s.problem.starts_with("no selection meets every constraint"));
  }
  SUBCASE("cases that add nothing are left out") {
    // e is free but adds 0: the selection does not carry it along.
    items.push_back({"e", 0, 0});
    k.budget = 3;
    auto s = solve_portfolio_mip(items, k);
    CHECK(s.selected == std::vector<bool>{true, false, true, false, false});
  }
}

TEST_CASE("solve_portfolio_mip equals enumeration with every constraint type") {
  // Random portfolios of 1..16 cases: objectives in [-2, 10] (some unknown),
  // costs in [0, 5], 3 yearly budgets, a total budget, dependencies,
  // exclusive groups, count limits, committed and excluded cases.
  std::mt19937 rng(20261205);
  auto uni = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  auto pick_index = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
  int feasible = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const size_t n = 1 + trial % 16;
    std::vector<PortfolioItem> items;
    PortfolioConstraints k;
    k.years = {{2026, uni(2, 10)}, {2027, uni(2, 10)}, {2028, uni(2, 10)}};
    for (size_t i = 0; i < n; ++i) {
      double obj = trial % 7 == 0 && i == 0 ? std::nan("") : std::round(uni(-2, 10) * 4) / 4;
      PortfolioItem it{fmt::format("c{:02d}", i), obj, std::round(uni(0, 5))};
      if (uni(0, 1) < 0.05) it.include = true;
      if (!it.include && uni(0, 1) < 0.05) it.exclude = true;
      items.push_back(it);
      k.year_costs.push_back({std::round(uni(0, 4)), std::round(uni(0, 4)), std::round(uni(0, 4))});
    }
    if (trial % 2 == 0) k.budget = uni(3, 15);
    for (int d = 0; d < static_cast<int>(n) / 3; ++d) {
      size_t b = pick_index(n), a = pick_index(n);
      if (a != b) k.dependencies.push_back({b, a});
    }
    for (int g = 0; g < 2 && n >= 3; ++g)
      k.exclusive.push_back({pick_index(n), pick_index(n), pick_index(n)});
    if (n >= 4) {
      CountLimit l{"tag", {}, std::nullopt, std::nullopt};
      for (size_t i = 0; i < n; ++i)
        if (uni(0, 1) < 0.5) l.members.push_back(i);
      if (uni(0, 1) < 0.5) l.min = 1;
      if (uni(0, 1) < 0.5) l.max = 2;
      k.counts.push_back(l);
    }
    CAPTURE(trial);
    auto want = enumerate_portfolio(items, k);
    auto got = solve_portfolio_mip(items, k);
    REQUIRE(got.feasible == want.feasible);
    if (!want.feasible) continue;
    ++feasible;
    CHECK(got.optimal);
    CHECK(violated_constraint(items, k, got.selected).empty());
    CHECK(got.objective_value == doctest::Approx(want.objective_value).epsilon(1e-12));
  }
  CHECK(feasible > 150);  // the comparison is not vacuous
}

TEST_CASE("select_portfolio (branch and bound) equals CBC on single-budget portfolios") {
  std::mt19937 rng(15);
  auto uni = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  for (int trial = 0; trial < 100; ++trial) {
    const size_t n = 5 + static_cast<size_t>(trial) % 60;
    std::vector<PortfolioItem> items;
    double total = 0;
    for (size_t i = 0; i < n; ++i) {
      // Every fourth portfolio strongly correlated (objective = cost + 10),
      // the kind that is hard for the bound.
      double w = std::round(uni(1, 1000));
      double p = trial % 4 == 0 ? w + 10 : std::round(uni(-100, 1000));
      items.push_back({fmt::format("c{:03d}", i), p, w});
      total += w;
    }
    if (trial % 5 == 0) items[0].include = true;
    if (trial % 6 == 0) items[1].exclude = true;
    double budget = std::round(total * uni(0.1, 0.9));
    CAPTURE(trial);
    auto bb = select_portfolio(items, budget, 0);
    PortfolioConstraints k;
    k.budget = budget;
    auto mip = solve_portfolio_mip(items, k);
    REQUIRE(bb.feasible == mip.feasible);
    CHECK(bb.optimal);
    CHECK(mip.optimal);
    CHECK(mip.objective_value == doctest::Approx(bb.objective_value).epsilon(1e-12));
  }
}

TEST_CASE("write_portfolio_mps writes the program") {
  auto items = abcd();
  PortfolioConstraints k;
  k.budget = 3;
  auto path = std::filesystem::temp_directory_path() / fmt::format("gevinst-mip-test-{}.mps", ::getpid());
  REQUIRE(write_portfolio_mps(items, k, path.string()));
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("budget") != std::string::npos);
  std::filesystem::remove(path);
}
