#include "libeval/portfolio.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/sroi.h"

namespace gevinst {

const char* to_string(Objective o) {
  switch (o) {
    case Objective::npv: return "npv";
    case Objective::fte: return "fte";
    case Objective::sroi: return "sroi";
  }
  return "";
}

CaseFigures case_figures(const Case& c, const CaseFiguresOptions& opt) {
  CaseFigures f;
  f.id = c.info.id;
  EvaluateOptions eo;
  eo.perspective = opt.perspective;
  BusinessCase bc = evaluate_case(c, eo);
  const Metrics& m = bc.selected();
  f.npv = m.npv;
  f.start_year = c.assumptions.start_year;
  for (const auto& y : m.years) f.year_costs.push_back(y.costs);
  if (opt.first_years > 0) {
    // cost = sum of costs(t) for t = 0 .. N-1, undiscounted
    f.cost = 0;
    for (size_t t = 0; t < m.years.size() && t < static_cast<size_t>(opt.first_years); ++t)
      f.cost += m.years[t].costs;
  } else {
    f.cost = m.pv_costs;
  }
  switch (opt.objective) {
    case Objective::npv: f.objective = m.npv; break;
    case Objective::fte: f.objective = c.capacity.present ? evaluate_capacity(c).total.fte : 0.0; break;
    case Objective::sroi:
      if (c.sroi.present) {
        SroiOptions so;
        so.sensitivity = false;
        f.objective = evaluate_sroi(c, so).pv_value;
      } else {
        f.objective = std::nan("");
        f.note = "no sroi section";
      }
      break;
  }
  return f;
}

namespace {

// Ranking groups: free and useful, priced, free and useless, unknown.
int rank_group(const PortfolioItem& it) {
  if (!std::isfinite(it.objective)) return 3;
  if (it.cost <= 0) return it.objective > 0 ? 0 : 2;
  return 1;
}

// Branch and bound over candidates sorted by objective per krone (best
// first). prefix_cost[i] and prefix_value[i] are sums over candidates 0..i-1.
struct Knapsack {
  std::vector<double> value, cost, prefix_value, prefix_cost;
  double tol = 0, slack = 0;
  double best = 0;
  std::vector<char> current, best_set;
  long long nodes = 0, max_nodes = 0;
  bool complete = true;
  double upper_bound = 0;  ///< proven bound on the optimum (= best when complete)

  // Dantzig's bound over candidates k..n-1 with capacity `cap`: whole items
  // in order while they fit, then the fraction of the next one.
  double bound(size_t k, double cap) const {
    const size_t n = value.size();
    if (cap <= 0) return 0;  // candidates all cost > 0
    double target = prefix_cost[k] + cap;
    // Largest j >= k with prefix_cost[j] <= target: candidates k..j-1 fit whole.
    size_t j = static_cast<size_t>(
                   std::upper_bound(prefix_cost.begin() + static_cast<long>(k), prefix_cost.end(), target) -
                   prefix_cost.begin()) -
               1;
    double b = prefix_value[j] - prefix_value[k];
    if (j < n) b += (target - prefix_cost[j]) * value[j] / cost[j];
    return b;
  }

  // Depth-first, "take" before "skip", with an explicit stack (depth n + 1).
  void solve(double capacity) {
    const size_t n = value.size();
    current.assign(n, 0);
    best_set.assign(n, 0);
    best = 0;
    struct Frame {
      size_t k;
      double cap, val;
      int stage;  // 0 = enter, 1 = take explored, 2 = skip explored
    };
    std::vector<Frame> stack;
    stack.reserve(n + 2);
    stack.push_back({0, capacity, 0, 0});
    while (!stack.empty()) {
      Frame f = stack.back();
      if (f.stage == 0 && max_nodes > 0 && nodes >= max_nodes) {
        // Stop: what is left open is the top frame and the skip branch of
        // every frame whose take branch is still being explored.
        complete = false;
        upper_bound = best;
        for (const Frame& g : stack) {
          if (g.stage == 0 && g.k < n) upper_bound = std::max(upper_bound, g.val + bound(g.k, g.cap));
          if (g.stage == 1 && g.k < n) upper_bound = std::max(upper_bound, g.val + bound(g.k + 1, g.cap));
        }
        return;
      }
      if (f.stage == 0) {
        ++nodes;
        if (f.val > best + tol) {
          best = f.val;
          best_set = current;
        }
        if (f.k == n || f.val + bound(f.k, f.cap) <= best + tol) {
          stack.pop_back();
          continue;
        }
        stack.back().stage = 1;
        if (cost[f.k] <= f.cap + slack) {
          current[f.k] = 1;
          stack.push_back({f.k + 1, f.cap - cost[f.k], f.val + value[f.k], 0});
          continue;
        }
        f.stage = 1;
      }
      if (f.stage == 1) {
        current[f.k] = 0;
        stack.back().stage = 2;
        stack.push_back({f.k + 1, f.cap, f.val, 0});
        continue;
      }
      stack.pop_back();
    }
    upper_bound = best;
  }
};

}  // namespace

std::optional<double> objective_per_krone(const PortfolioItem& it) {
  if (it.cost <= 0 || !std::isfinite(it.objective)) return std::nullopt;
  return it.objective / it.cost;
}

std::vector<size_t> rank_by_objective_per_krone(const std::vector<PortfolioItem>& items) {
  std::vector<size_t> idx(items.size());
  for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
  auto ratio = [&](size_t i) { return items[i].cost > 0 ? items[i].objective / items[i].cost : 0.0; };
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    int ga = rank_group(items[a]), gb = rank_group(items[b]);
    if (ga != gb) return ga < gb;
    if (ga == 0 || ga == 2) {  // free: larger objective first
      if (items[a].objective != items[b].objective) return items[a].objective > items[b].objective;
    } else if (ga == 1) {
      double ra = ratio(a), rb = ratio(b);
      if (ra != rb) return ra > rb;
    }
    return items[a].key < items[b].key;
  });
  return idx;
}

PortfolioSelection select_portfolio(const std::vector<PortfolioItem>& items, double budget,
                                    long long max_nodes) {
  PortfolioSelection s;
  s.selected.assign(items.size(), false);
  const double slack = 1e-9 * std::max(1.0, std::fabs(budget));
  auto known = [](double v) { return std::isfinite(v) ? v : 0.0; };

  // Included items first; free items with a positive objective cost nothing
  // and are always worth taking.
  double used = 0, value = 0, scale = 0;
  std::vector<size_t> candidates;
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    if (std::isfinite(it.objective) && it.objective > 0) scale += it.objective;
    if (it.include) {
      s.selected[i] = true;
      used += it.cost;
      value += known(it.objective);
    } else if (!it.exclude && std::isfinite(it.objective) && it.objective > 0) {
      if (it.cost <= 0) {
        s.selected[i] = true;
        value += it.objective;
      } else {
        candidates.push_back(i);
      }
    }
  }
  if (used > budget + slack) {
    s.feasible = false;
    s.problem = fmt::format("the included cases cost {:.0f}, more than the budget {:.0f}", used, budget);
    s.budget_used = used;
    s.budget_left = budget - used;
    s.objective_value = value;
    return s;
  }
  const double capacity = budget - used;
  // Candidates that cannot fit alone never fit.
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                  [&](size_t i) { return items[i].cost > capacity + slack; }),
                   candidates.end());
  std::sort(candidates.begin(), candidates.end(), [&](size_t a, size_t b) {
    double ra = items[a].objective / items[a].cost, rb = items[b].objective / items[b].cost;
    if (ra != rb) return ra > rb;
    return items[a].key < items[b].key;
  });

  Knapsack ks;
  const size_t n = candidates.size();
  ks.value.resize(n);
  ks.cost.resize(n);
  ks.prefix_value.assign(n + 1, 0);
  ks.prefix_cost.assign(n + 1, 0);
  for (size_t k = 0; k < n; ++k) {
    ks.value[k] = items[candidates[k]].objective;
    ks.cost[k] = items[candidates[k]].cost;
    ks.prefix_value[k + 1] = ks.prefix_value[k] + ks.value[k];
    ks.prefix_cost[k + 1] = ks.prefix_cost[k] + ks.cost[k];
  }
  ks.tol = 1e-9 * std::max(1.0, scale);
  ks.slack = slack;
  ks.max_nodes = max_nodes;
  ks.solve(capacity);
  s.nodes = ks.nodes;
  s.optimal = ks.complete;
  for (size_t k = 0; k < n; ++k)
    if (ks.best_set[k]) s.selected[candidates[k]] = true;
  // Sums in input order, so the reported figures do not depend on the search.
  s.objective_value = 0;
  s.budget_used = 0;
  for (size_t i = 0; i < items.size(); ++i)
    if (s.selected[i]) {
      s.objective_value += known(items[i].objective);
      s.budget_used += items[i].cost;
    }
  s.budget_left = budget - s.budget_used;
  s.gap = ks.complete ? 0 : std::max(0.0, ks.upper_bound - ks.best);
  return s;
}

}  // namespace gevinst
