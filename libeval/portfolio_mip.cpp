#include "libeval/portfolio_mip.h"

#include <coin/Cbc_C_Interface.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <memory>
#include <stdexcept>

namespace gevinst {

namespace {

double known(double v) { return std::isfinite(v) ? v : 0.0; }

// Within a limit: total <= limit + 1e-9 x max(1, |limit|) (see the header).
bool within(double total, double limit) { return total <= limit + 1e-9 * std::max(1.0, std::fabs(limit)); }

// Sums of the selection, in input order.
void fill_totals(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k,
                 PortfolioSelection& s) {
  s.objective_value = 0;
  s.budget_used = 0;
  s.year_used.assign(k.years.size(), 0.0);
  for (size_t i = 0; i < items.size(); ++i) {
    if (!s.selected[i]) continue;
    s.objective_value += known(items[i].objective);
    s.budget_used += items[i].cost;
    for (size_t y = 0; y < k.years.size(); ++y) s.year_used[y] += k.year_costs[i][y];
  }
  s.budget_left = k.budget ? *k.budget - s.budget_used : 0;
}

// Drops selected cases that add nothing (objective <= 0 or unknown, not
// included) while the selection stays feasible: they only spend money.
void drop_idle(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k,
               std::vector<bool>& sel) {
  for (size_t i = items.size(); i-- > 0;) {
    if (!sel[i] || items[i].include || known(items[i].objective) > 0) continue;
    sel[i] = false;
    if (!violated_constraint(items, k, sel).empty()) sel[i] = true;
  }
}

// The program of the header comment: columns x(i), then rows of terms.
struct Row {
  std::string name;
  char sense = 'L';  // L: <=, G: >=
  double rhs = 0;
  std::vector<int> cols;  // distinct, ascending
  std::vector<double> coefs;
};
struct MipProgram {
  std::vector<double> obj, lb, ub;
  std::vector<Row> rows;
};

MipProgram build_program(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k) {
  MipProgram p;
  const size_t n = items.size();
  for (const auto& it : items) {
    p.obj.push_back(known(it.objective));
    p.lb.push_back(it.include ? 1 : 0);
    p.ub.push_back(it.exclude ? 0 : 1);
  }
  std::vector<double> a(n);
  // A row from the coefficients in `a` (then cleared); a case listed twice in
  // a group counts once, as in violated_constraint.
  auto add_row = [&](std::string name, char sense, double rhs) {
    Row r{std::move(name), sense, rhs, {}, {}};
    for (size_t i = 0; i < n; ++i)
      if (a[i] != 0) {
        r.cols.push_back(static_cast<int>(i));
        r.coefs.push_back(a[i]);
      }
    p.rows.push_back(std::move(r));
    std::fill(a.begin(), a.end(), 0.0);
  };
  // A budget row, then its cardinality cut: no selection within the limit
  // has more cases of positive cost than the smallest costs that fit
  // (Martello and Toth, "Upper bounds and algorithms for hard 0-1 knapsack
  // problems", Operations Research 45, 1997). Valid for every selection, it
  // makes the linear bound of strongly correlated costs and objectives tight.
  auto add_budget_row = [&](const std::string& name, double limit) {
    std::vector<double> costs;
    for (size_t i = 0; i < n; ++i)
      if (a[i] > 0 && !items[i].exclude) costs.push_back(a[i]);
    std::sort(costs.begin(), costs.end());
    size_t fit = 0;
    double sum = 0;
    while (fit < costs.size() && within(sum + costs[fit], limit)) sum += costs[fit++];
    std::vector<double> positive(n, 0.0);
    for (size_t i = 0; i < n; ++i)
      if (a[i] > 0 && !items[i].exclude) positive[i] = 1;
    add_row(name, 'L', limit);
    if (fit < costs.size()) {
      a = positive;
      add_row(name + "_count", 'L', static_cast<double>(fit));
    }
  };
  if (k.budget) {
    for (size_t i = 0; i < n; ++i) a[i] = items[i].cost;
    add_budget_row("budget", *k.budget);
  }
  for (size_t y = 0; y < k.years.size(); ++y) {
    for (size_t i = 0; i < n; ++i) a[i] = k.year_costs[i][y];
    add_budget_row(fmt::format("year{}", k.years[y].year), k.years[y].amount);
  }
  for (size_t d = 0; d < k.dependencies.size(); ++d) {
    auto [b, c] = k.dependencies[d];
    if (b == c) continue;
    a[b] = 1;
    a[c] = -1;
    add_row(fmt::format("requires{}", d), 'L', 0);
  }
  for (size_t g = 0; g < k.exclusive.size(); ++g) {
    for (size_t i : k.exclusive[g]) a[i] = 1;
    add_row(fmt::format("exclusive{}", g), 'L', 1);
  }
  for (size_t c = 0; c < k.counts.size(); ++c) {
    const CountLimit& l = k.counts[c];
    if (l.min) {
      for (size_t i : l.members) a[i] = 1;
      add_row(fmt::format("min{}", c), 'G', *l.min);
    }
    if (l.max) {
      for (size_t i : l.members) a[i] = 1;
      add_row(fmt::format("max{}", c), 'L', *l.max);
    }
  }
  return p;
}

using CbcPtr = std::unique_ptr<Cbc_Model, void (*)(Cbc_Model*)>;

CbcPtr cbc_model(const MipProgram& p) {
  CbcPtr m(Cbc_newModel(), Cbc_deleteModel);
  for (size_t i = 0; i < p.obj.size(); ++i) {
    std::string name = fmt::format("x{}", i);
    Cbc_addCol(m.get(), name.c_str(), p.lb[i], p.ub[i], p.obj[i], 1, 0, nullptr, nullptr);
  }
  Cbc_setObjSense(m.get(), -1);  // maximise
  for (const Row& r : p.rows)
    Cbc_addRow(m.get(), r.name.c_str(), static_cast<int>(r.cols.size()), r.cols.data(), r.coefs.data(),
               r.sense, r.rhs);
  return m;
}

// How many of `members` are selected, each case once.
int count_selected(std::vector<size_t> members, const std::vector<bool>& sel) {
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  int count = 0;
  for (size_t i : members) count += sel[i] ? 1 : 0;
  return count;
}

// The first budget (total or yearly) `sel` exceeds; empty when none.
std::string budget_exceeded(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k,
                            const std::vector<bool>& sel) {
  if (k.budget) {
    double used = 0;
    for (size_t i = 0; i < items.size(); ++i)
      if (sel[i]) used += items[i].cost;
    if (!within(used, *k.budget))
      return fmt::format("the cost {:.0f} exceeds the budget {:.0f}", used, *k.budget);
  }
  for (size_t y = 0; y < k.years.size(); ++y) {
    double used = 0;
    for (size_t i = 0; i < items.size(); ++i)
      if (sel[i]) used += k.year_costs[i][y];
    if (!within(used, k.years[y].amount))
      return fmt::format("the cost {:.0f} in {} exceeds its budget {:.0f}", used, k.years[y].year,
                         k.years[y].amount);
  }
  return {};
}

}  // namespace

std::string violated_constraint(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k,
                                const std::vector<bool>& sel) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].include && !sel[i]) return fmt::format("'{}' is committed but not selected", items[i].key);
    if (items[i].exclude && sel[i]) return fmt::format("'{}' is excluded but selected", items[i].key);
  }
  if (std::string b = budget_exceeded(items, k, sel); !b.empty()) return b;
  for (auto [b, a] : k.dependencies)
    if (sel[b] && !sel[a]) return fmt::format("'{}' requires '{}'", items[b].key, items[a].key);
  for (const auto& g : k.exclusive) {
    int count = count_selected(g, sel);
    if (count > 1) return fmt::format("{} cases of an exclusive group are selected", count);
  }
  for (const auto& l : k.counts) {
    int count = count_selected(l.members, sel);
    if (l.min && count < *l.min)
      return fmt::format("'{}' has {} cases, fewer than {}", l.name, count, *l.min);
    if (l.max && count > *l.max) return fmt::format("'{}' has {} cases, more than {}", l.name, count, *l.max);
  }
  return {};
}

PortfolioSelection solve_portfolio_mip(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k,
                                       const MipOptions& opt) {
  PortfolioSelection s;
  s.solver = "cbc";
  s.selected.assign(items.size(), false);
  // The forced cases alone: when they break a limit no selection can meet
  // it, and this says which.
  for (size_t i = 0; i < items.size(); ++i) s.selected[i] = items[i].include;
  if (std::string forced = budget_exceeded(items, k, s.selected); !forced.empty()) {
    s.feasible = false;
    s.problem = fmt::format("the committed and included cases alone break a limit: {}", forced);
    fill_totals(items, k, s);
    return s;
  }
  CbcPtr m = cbc_model(build_program(items, k));
  Cbc_setLogLevel(m.get(), 0);
  Cbc_setMaximumSeconds(m.get(), opt.time_limit);
  Cbc_setParameter(m.get(), "sec", fmt::format("{}", opt.time_limit).c_str());
  Cbc_setParameter(m.get(), "timeMode", "elapsed");
  // Proven optimal means no better selection exists at all: no relative gap.
  Cbc_setAllowableFractionGap(m.get(), 0);
  Cbc_setAllowableGap(m.get(), 0);
  Cbc_solve(m.get());
  s.nodes = Cbc_getNodeCount(m.get());
  if (Cbc_isProvenInfeasible(m.get())) {
    s.feasible = false;
    s.problem =
        "no selection meets every constraint (the committed cases, the budgets, requires, exclusive "
        "groups and count limits contradict each other)";
    std::fill(s.selected.begin(), s.selected.end(), false);
    fill_totals(items, k, s);
    return s;
  }
  const double* x = Cbc_numberSavedSolutions(m.get()) > 0 ? Cbc_bestSolution(m.get()) : nullptr;
  bool found = x != nullptr;
  if (!found) {
    s.feasible = false;
    s.problem = fmt::format("no selection found within the time limit of {} s", opt.time_limit);
    std::fill(s.selected.begin(), s.selected.end(), false);
    fill_totals(items, k, s);
    return s;
  }
  for (size_t i = 0; i < items.size(); ++i) s.selected[i] = x[i] > 0.5;
  if (std::string v = violated_constraint(items, k, s.selected); !v.empty())
    throw std::logic_error("CBC returned a selection that breaks a constraint: " + v);
  drop_idle(items, k, s.selected);
  s.optimal = Cbc_isProvenOptimal(m.get()) != 0;
  fill_totals(items, k, s);
  if (!s.optimal) s.gap = std::max(0.0, std::fabs(Cbc_getBestPossibleObjValue(m.get())) - s.objective_value);
  return s;
}

PortfolioSelection enumerate_portfolio(const std::vector<PortfolioItem>& items,
                                       const PortfolioConstraints& k) {
  const size_t n = items.size();
  if (n > 24) throw std::invalid_argument("enumerate_portfolio: more than 24 items");
  PortfolioSelection s;
  s.solver = "enumeration";
  s.feasible = false;
  std::vector<bool> sel(n);
  double best = 0;
  for (unsigned long mask = 0; mask < (1UL << n); ++mask) {
    double value = 0;
    for (size_t i = 0; i < n; ++i) {
      sel[i] = (mask >> i) & 1U;
      if (sel[i]) value += known(items[i].objective);
    }
    if ((s.feasible && value <= best) || !violated_constraint(items, k, sel).empty()) continue;
    s.feasible = true;
    best = value;
    s.selected = sel;
  }
  if (!s.feasible) {
    s.problem = "no selection meets every constraint";
    s.selected.assign(n, false);
  }
  fill_totals(items, k, s);
  return s;
}

bool write_portfolio_mps(const std::vector<PortfolioItem>& items, const PortfolioConstraints& k,
                         const std::string& path) {
  // Free MPS, minimising minus the objective (readers differ on OBJSENSE).
  MipProgram p = build_program(items, k);
  std::vector<std::vector<std::pair<size_t, double>>> by_col(p.obj.size());
  for (size_t r = 0; r < p.rows.size(); ++r)
    for (size_t j = 0; j < p.rows[r].cols.size(); ++j)
      by_col[static_cast<size_t>(p.rows[r].cols[j])].push_back({r, p.rows[r].coefs[j]});
  std::string out = "NAME gevinst-portfolio\nROWS\n N objective\n";
  for (const Row& r : p.rows) out += fmt::format(" {} {}\n", r.sense, r.name);
  out += "COLUMNS\n M1 'MARKER' 'INTORG'\n";
  for (size_t i = 0; i < p.obj.size(); ++i) {
    out += fmt::format(" x{} objective {:.17g}\n", i, -p.obj[i]);
    for (auto [r, a] : by_col[i]) out += fmt::format(" x{} {} {:.17g}\n", i, p.rows[r].name, a);
  }
  out += " M2 'MARKER' 'INTEND'\nRHS\n";
  for (const Row& r : p.rows) out += fmt::format(" rhs {} {:.17g}\n", r.name, r.rhs);
  out += "BOUNDS\n";
  for (size_t i = 0; i < p.obj.size(); ++i)
    out +=
        p.lb[i] == p.ub[i] ? fmt::format(" FX bnd x{} {:g}\n", i, p.lb[i]) : fmt::format(" BV bnd x{}\n", i);
  out += "ENDATA\n";
  std::ofstream f(path, std::ios::binary);
  f << out;
  return static_cast<bool>(f.flush());
}

}  // namespace gevinst
