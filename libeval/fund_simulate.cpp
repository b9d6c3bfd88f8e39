#include "libeval/fund_simulate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>

#include "libeval/detail/fund_engine.h"
#include "libeval/detail/fund_plan.h"
#include "libeval/financing.h"
#include "libeval/fund.h"
#include "libeval/parallel.h"

namespace gevinst {

namespace {

using fundsim::CasePlan;
using fundsim::Engine;
using fundsim::Pass;

// Mean, sd (n - 1), standard error and R's type 7 quantiles of `v`:
// h = (n - 1) p, x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h])
// on the sorted values. Sums run in iteration order, so the result does not
// depend on threads.
DrawSummary summarise(const std::vector<double>& v) {
  DrawSummary s;
  const size_t n = v.size();
  if (n == 0) return s;
  const double shift = v[0];  // shifted sums keep the variance accurate
  double sum = 0, sumsq = 0;
  for (double x : v) {
    sum += x - shift;
    sumsq += (x - shift) * (x - shift);
  }
  const double m = static_cast<double>(n);
  s.mean = shift + sum / m;
  s.sd = n > 1 ? std::sqrt(std::max(0.0, (sumsq - sum * sum / m) / (m - 1))) : 0.0;
  s.se = s.sd / std::sqrt(m);
  std::vector<double> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  auto q = [&](double p) {
    const double h = (m - 1) * p;
    const size_t i = static_cast<size_t>(std::floor(h));
    if (i + 1 >= n) return sorted[n - 1];
    return sorted[i] + (h - std::floor(h)) * (sorted[i + 1] - sorted[i]);
  };
  s.p05 = q(0.05);
  s.p50 = q(0.5);
  s.p95 = q(0.95);
  return s;
}

double type7(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const double h = (static_cast<double>(v.size()) - 1) * p;
  const size_t i = static_cast<size_t>(std::floor(h));
  if (i + 1 >= v.size()) return v.back();
  return v[i] + (h - std::floor(h)) * (v[i + 1] - v[i]);
}

[[noreturn]] void option_error(const std::string& message, const std::string& hint) {
  throw InputError{{Diagnostic{"", {}, Severity::error, "", message, hint}}};
}

// Runs job(i) for i in [0, n) on the pool; the first InputError in index
// order is rethrown here (jobs of the pool must not throw).
void each_case(size_t n, int threads, const std::function<void(size_t)>& job) {
  std::vector<std::exception_ptr> failed(n);
  parallel_for(n, {threads, {}}, [&](size_t, size_t i) {
    try {
      job(i);
    } catch (...) {
      failed[i] = std::current_exception();
    }
  });
  for (const auto& e : failed)
    if (e) std::rethrow_exception(e);
}

// The deterministic fund view at the base values: it names a missing fund,
// mixed currencies and terms that cannot be scheduled, with their location.
FundResult base_view(const std::vector<FundSimInput>& cases, const std::string& fund, int threads) {
  std::vector<FundCase> base(cases.size());
  each_case(cases.size(), threads, [&](size_t i) {
    const Case& c = *cases[i].c;
    base[i] = {c.file, c.info.id, c.assumptions.currency, evaluate_case_financing(c, cases[i].overrides)};
  });
  return evaluate_fund(base, fund);
}

// Gearing: the largest k with P(capital preserved | principal x k) >= p.
// P(0) = 1 (nothing lent is nothing lost). Doubling from k = 1 brackets the
// crossing, then bisection to 1e-4 relative on the same draws.
void find_gearing(Engine& engine, FundSimulation& r, double p) {
  auto prob = [&](double k) { return engine.run(k, Pass::probability).preserved_share; };
  double lo = 0, hi = 1;
  double p_lo = 1, p_hi = r.prob_capital_preserved;
  if (p_hi >= p) {
    lo = 1;
    p_lo = p_hi;
    for (hi = 2; hi <= 1024; hi *= 2) {
      p_hi = prob(hi);
      if (p_hi < p) break;
      lo = hi;
      p_lo = p_hi;
    }
    if (hi > 1024) return;  // unbounded: the loans keep their capital at any size
  }
  while (hi - lo > 1e-4 * hi) {
    const double mid = (lo + hi) / 2;
    const double pm = prob(mid);
    if (pm >= p) {
      lo = mid;
      p_lo = pm;
    } else {
      hi = mid;
    }
  }
  r.gearing = lo;
  r.gearing_probability = p_lo;
}

}  // namespace

bool capital_kept(double repaid, double lent) { return repaid >= lent - 1e-9 * std::max(1.0, lent); }

FundSimulation simulate_fund(const std::vector<FundSimInput>& cases, const std::string& fund,
                             const FundSimOptions& opt) {
  if (opt.iterations < 2) option_error("at least 2 iterations are needed", "");
  if (!(opt.common_factor >= 0 && opt.common_factor <= 1))
    option_error(
        fmt::format("the common factor's correlation must lie in [0, 1] (got {:g})", opt.common_factor),
        "0 makes the cases independent, 1 moves them all together");
  if (opt.target_probability && !(*opt.target_probability > 0 && *opt.target_probability < 1))
    option_error(fmt::format("the target probability must lie strictly between 0 and 1 (got {:g})",
                             *opt.target_probability),
                 "e.g. 0.9 for a 90 % chance of keeping the capital");

  const FundResult base = base_view(cases, fund, opt.threads);
  FundSimulation r;
  r.fund = fund;
  r.label = base.label;
  r.currency = base.currency;
  r.iterations = opt.iterations;
  r.seed = opt.seed;
  r.common_factor = opt.common_factor;
  r.files = static_cast<int>(cases.size());
  r.target_probability = opt.target_probability;

  std::vector<CasePlan> compiled(cases.size());
  each_case(cases.size(), opt.threads,
            [&](size_t i) { compiled[i] = fundsim::build_case_plan(*cases[i].c, cases[i].overrides, fund); });
  std::vector<CasePlan> plans;
  for (size_t i = 0; i < cases.size(); ++i) {
    const FundSimInput& in = cases[i];
    CasePlan& cp = compiled[i];
    if (cp.loans.empty() && cp.grants.empty()) continue;
    std::vector<int> drawn = cp.plan.random;
    drawn.insert(drawn.end(), cp.plan.correlated.begin(), cp.plan.correlated.end());
    std::sort(drawn.begin(), drawn.end());
    for (int i : drawn) r.random_parameters.push_back(in.c->info.id + "/" + in.c->parameters[i].name);
    plans.push_back(std::move(cp));
  }

  Engine engine(plans, opt);
  r.threads = engine.threads();
  const fundsim::Totals all = engine.run(1.0, Pass::full);

  r.lent = all.lent_mean;
  r.repaid = summarise(engine.repaid);
  r.forgiven = summarise(engine.forgiven);
  r.granted = summarise(engine.granted);
  r.prob_capital_preserved = all.preserved_share;
  if (all.lent_mean > 0) {
    std::vector<double> ratio(opt.iterations);
    for (size_t i = 0; i < ratio.size(); ++i)
      ratio[i] = engine.lent[i] > 0 ? engine.repaid[i] / engine.lent[i] : 1.0;
    DrawSummary s = summarise(ratio);
    r.repaid_ratio = s;
  }
  r.capital_at_risk = type7(engine.lowest, 0.05);
  for (int y = all.first; y <= all.last; ++y) {
    const size_t k = static_cast<size_t>(y - engine.first_year());
    r.years.push_back({y, summarise(engine.cash[k]), all.preserved_by_year[k]});
  }
  for (size_t k = 0; k < plans.size(); ++k) {
    const CasePlan& cp = plans[k];
    r.cases.push_back({cp.c->file, cp.c->info.id, static_cast<int>(cp.loans.size()),
                       static_cast<int>(cp.grants.size()), all.case_lent[k], all.case_repaid[k],
                       all.case_granted[k], all.case_forgiven[k]});
  }
  if (opt.keep_draws) {
    r.draw_lent = engine.lent;
    r.draw_repaid = engine.repaid;
    r.draw_forgiven = engine.forgiven;
    r.draw_granted = engine.granted;
    r.draw_lowest = engine.lowest;
    for (int y = all.first; y <= all.last; ++y)
      r.draw_cash.push_back(engine.cash[static_cast<size_t>(y - engine.first_year())]);
  }
  if (opt.target_probability) find_gearing(engine, r, *opt.target_probability);
  return r;
}

}  // namespace gevinst
