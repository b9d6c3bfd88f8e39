#include "libeval/simulate.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>

#include "libeval/business_case.h"
#include "libeval/detail/simulate_plan.h"
#include "libeval/parallel.h"
#include "libeval/rng.h"

namespace gevinst {

namespace {

using sim::Plan;

constexpr size_t B = rng_block_rows;

// Per-thread scratch for one block.
struct Work {
  std::vector<double> slots;  // params x B
  std::vector<const double*> slot_ptr;
  std::vector<double> fields;  // fields x B
  std::vector<double> acc;     // targets x B
  std::vector<double> tmp, z, u;
  std::vector<const double*> zp;
  std::vector<double*> up;

  explicit Work(const Plan& p) {
    slots.assign(static_cast<size_t>(p.params) * B, 0.0);
    slot_ptr.resize(p.params);
    for (int i = 0; i < p.params; ++i) {
      slot_ptr[i] = &slots[i * B];
      if (!p.varying[i]) std::fill_n(&slots[i * B], B, p.base[i]);
    }
    fields.assign(p.fields.size() * B, 0.0);
    acc.assign(static_cast<size_t>(p.targets()) * B, 0.0);
    tmp.assign(B, 0.0);
    size_t k = p.correlated.size();
    z.assign(k * B, 0.0);
    u.assign(k * B, 0.0);
    for (size_t i = 0; i < k; ++i) {
      zp.push_back(&z[i * B]);
      up.push_back(&u[i * B]);
    }
  }
  double* slot(int i) { return &slots[static_cast<size_t>(i) * B]; }
};

struct BlockError {
  size_t iteration = 0;
  const Number* field = nullptr;
  double value = 0;
};

struct Outputs {
  std::vector<double>* npv;
  std::vector<double>* fte;
  std::vector<double>* sroi;
  std::vector<std::vector<double>>* draws;
  std::vector<int> draw_params;
};

// Evaluates block `b` (rows [b*B, b*B + rows)). Returns false with `err` set
// when a varying field is not finite in some row.
bool run_block(const Plan& p, uint64_t seed, size_t b, size_t rows, Work& w, Outputs& out, BlockError& err) {
  for (size_t j = 0; j < p.random.size(); ++j) {
    Rng rng = stream(seed, b, static_cast<uint64_t>(p.random[j]));
    sample(p.random_spec[j], rng, w.slot(p.random[j]), rows);
  }
  if (!p.correlated.empty()) {
    for (size_t j = 0; j < p.correlated.size(); ++j) {
      Rng rng = stream(seed, b, static_cast<uint64_t>(p.correlated[j]));
      fill_normal(rng, w.z.data() + j * B, rows);
    }
    correlate_block(p.copula, w.zp.data(), w.up.data(), rows);
    for (size_t j = 0; j < p.correlated.size(); ++j)
      quantile_block(p.correlated_spec[j], w.up[j], w.slot(p.correlated[j]), rows);
  }
  for (size_t d = 0; d < p.derived.size(); ++d)
    p.derived_program[d]->evaluate_block(w.slot_ptr.data(), rows, w.slot(p.derived[d]));
  for (size_t f = 0; f < p.fields.size(); ++f) {
    double* col = &w.fields[f * B];
    p.fields[f]->program.evaluate_block(w.slot_ptr.data(), rows, col);
    // The same range checks as the deterministic engine: a drawn share above
    // 1 or a negative count is an error, not a silently impossible iteration.
    const Constraint want = p.fields[f]->constraint;
    for (size_t k = 0; k < rows; ++k)
      if (!std::isfinite(col[k]) || !satisfies(col[k], want)) {
        err = {b * B + k, p.fields[f], col[k]};
        return false;
      }
  }
  const int targets = p.targets();
  for (int t = 0; t < targets; ++t) std::fill_n(&w.acc[t * B], rows, p.constant[t]);
  double* tmp = w.tmp.data();
  for (const auto& term : p.terms) {
    std::fill_n(tmp, rows, term.coef);
    for (const auto& f : term.factors) {
      const double* col = &w.fields[static_cast<size_t>(f.field) * B];
      if (f.mode == 0) {
        for (size_t k = 0; k < rows; ++k) tmp[k] *= col[k];
      } else if (f.power == 1) {
        for (size_t k = 0; k < rows; ++k) tmp[k] *= 1.0 + f.mode * col[k];
      } else if (f.power != 0) {
        for (size_t k = 0; k < rows; ++k) tmp[k] *= std::pow(1.0 + f.mode * col[k], f.power);
      }
    }
    double* acc = &w.acc[static_cast<size_t>(term.target) * B];
    for (size_t k = 0; k < rows; ++k) acc[k] += tmp[k];
  }
  const size_t base = b * B;
  const double* costs = &w.acc[0];
  const double* benefits = &w.acc[B];
  double* npv = out.npv->data() + base;
  for (size_t k = 0; k < rows; ++k) npv[k] = benefits[k] - costs[k];
  if (p.has_fte) {
    double* fte = out.fte->data() + base;
    std::copy_n(&w.acc[3 * B], rows, fte);
    for (int t = 1; t < p.years; ++t) {
      const double* f = &w.acc[(3 + t) * B];
      for (size_t k = 0; k < rows; ++k) fte[k] = std::max(fte[k], f[k]);
    }
  }
  if (p.has_sroi) {
    double* r = out.sroi->data() + base;
    const double* pv = &w.acc[2 * B];
    const double* inv = p.investment_auto        ? costs
                        : p.investment.varying() ? &w.fields[static_cast<size_t>(p.investment.field) * B]
                                                 : nullptr;
    for (size_t k = 0; k < rows; ++k) {
      double i = inv ? inv[k] : p.investment.c;
      r[k] = i > 0 ? pv[k] / i : std::nan("");
    }
  }
  for (size_t d = 0; d < out.draw_params.size(); ++d)
    std::copy_n(w.slot(out.draw_params[d]), rows, (*out.draws)[d].data() + base);
  return true;
}

// R's default (type 7) quantile of v, reordering v: h = (n - 1) p,
// x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
double quantile7(std::vector<double>& v, size_t lo, size_t hi, double p) {
  const size_t n = v.size();
  double h = (static_cast<double>(n) - 1) * p;
  size_t i = static_cast<size_t>(std::floor(h));
  i = std::clamp(i, lo, hi - 1);
  std::nth_element(v.begin() + static_cast<long>(lo), v.begin() + static_cast<long>(i),
                   v.begin() + static_cast<long>(hi));
  double xi = v[i];
  double frac = h - std::floor(h);
  if (frac == 0 || i + 1 >= n) return xi;
  double next = *std::min_element(v.begin() + static_cast<long>(i) + 1, v.begin() + static_cast<long>(hi));
  return xi + frac * (next - xi);
}

MetricSummary summarise(const std::string& name, const std::vector<double>& values, bool threads) {
  MetricSummary s;
  s.name = name;
  const size_t n = values.size();
  // Sequential sums in iteration order: the same numbers for any thread count.
  double sum = 0, sumsq = 0;
  s.min = values[0];
  s.max = values[0];
  size_t next_checkpoint = 100;
  double shift = values[0];  // shifted sums keep the variance accurate
  for (size_t i = 0; i < n; ++i) {
    double d = values[i] - shift;
    sum += d;
    sumsq += d * d;
    s.min = std::min(s.min, values[i]);
    s.max = std::max(s.max, values[i]);
    if (i + 1 == next_checkpoint || i + 1 == n) {
      double m = i + 1;
      double var = m > 1 ? (sumsq - sum * sum / m) / (m - 1) : 0;
      s.convergence.push_back({i + 1, shift + sum / m, std::sqrt(std::max(var, 0.0) / m)});
      if (i + 1 == next_checkpoint) next_checkpoint *= 10;
    }
  }
  double var = n > 1 ? (sumsq - sum * sum / n) / (n - 1) : 0;
  s.mean = shift + sum / n;
  s.sd = std::sqrt(std::max(var, 0.0));
  s.se = s.sd / std::sqrt(static_cast<double>(n));
  const int bins = 30;
  double width = (s.max - s.min) / bins;
  s.histogram.resize(bins);
  for (int i = 0; i < bins; ++i) s.histogram[i] = {s.min + i * width, s.min + (i + 1) * width, 0};
  if (width > 0) {
    for (double v : values) {
      int i = std::min(bins - 1, static_cast<int>((v - s.min) / width));
      ++s.histogram[i].count;
    }
  } else {
    s.histogram.resize(1);
    s.histogram[0].count = n;
  }
  // Quantiles: the median splits the data; p05 and p95 are then found in the
  // two halves (in parallel when threads are allowed).
  std::vector<double> v = values;
  s.p50 = quantile7(v, 0, n, 0.5);
  size_t mid = static_cast<size_t>(std::floor((static_cast<double>(n) - 1) * 0.5));
  auto low = [&] { s.p05 = quantile7(v, 0, std::max<size_t>(mid + 1, 1), 0.05); };
  auto high = [&] { s.p95 = quantile7(v, std::min(mid, n - 1), n, 0.95); };
  if (threads && n > 100000) {
    std::thread t(low);
    high();
    t.join();
  } else {
    low();
    high();
  }
  return s;
}

}  // namespace

SimulationResult simulate(const Case& c, const SimulateOptions& opt) {
  if (opt.iterations < 2)
    throw InputError{{Diagnostic{"", {}, Severity::error, "", "at least 2 iterations are needed", ""}}};
  Plan plan = sim::build_plan(c, opt.perspective, opt.overrides);
  SimulationResult r;
  r.case_id = c.info.id;
  r.iterations = opt.iterations;
  r.seed = opt.seed;
  r.perspective = opt.perspective;
  {
    EvaluateOptions eo;
    eo.perspective = opt.perspective;
    eo.overrides = opt.overrides;
    r.base_npv = evaluate_case(c, eo).selected().npv;
  }
  std::vector<int> drawn = plan.random;
  drawn.insert(drawn.end(), plan.correlated.begin(), plan.correlated.end());
  std::sort(drawn.begin(), drawn.end());
  for (int i : drawn) r.random_parameters.push_back(c.parameters[i].name);

  const size_t n = opt.iterations;
  r.npv_values.resize(n);
  if (plan.has_fte) r.fte_values.resize(n);
  if (plan.has_sroi) r.sroi_values.resize(n);
  Outputs out{&r.npv_values, &r.fte_values, &r.sroi_values, &r.draws, {}};
  if (opt.keep_draws) {
    out.draw_params = drawn;
    r.draws.assign(drawn.size(), std::vector<double>(n));
  }

  const size_t blocks = (n + B - 1) / B;
  const int threads =
      static_cast<int>(std::min<size_t>(static_cast<size_t>(thread_count(opt.threads)), blocks));
  r.threads = threads;
  std::vector<BlockError> errors(blocks);
  std::vector<char> failed(blocks, 0);
  std::vector<std::optional<Work>> scratch(static_cast<size_t>(threads));  // per worker
  PoolOptions po;
  po.threads = threads;
  if (opt.progress) po.progress = [&](size_t done) { opt.progress(std::min(n, done * B), n); };
  parallel_for(blocks, po, [&](size_t worker, size_t b) {
    if (!scratch[worker]) scratch[worker].emplace(plan);
    size_t rows = std::min(B, n - b * B);
    if (!run_block(plan, opt.seed, b, rows, *scratch[worker], out, errors[b])) failed[b] = 1;
  });
  for (size_t b = 0; b < blocks; ++b)
    if (failed[b]) {
      const BlockError& e = errors[b];
      const Number* f = e.field;
      if (!std::isfinite(e.value))
        throw InputError{
            {Diagnostic{c.file, f->loc, Severity::error, f->yaml_path,
                        fmt::format("iteration {} (seed {}): \"{}\" is not a finite number for the drawn "
                                    "values (a division by zero?)",
                                    e.iteration + 1, opt.seed, f->text),
                        "check that the distributions cannot produce impossible values (e.g. a normal "
                        "that can go negative where zero divides)"}}};
      throw InputError{{Diagnostic{
          c.file, f->loc, Severity::error, f->yaml_path,
          fmt::format("iteration {} (seed {}): \"{}\" is {:g} for the drawn values; it must be {}",
                      e.iteration + 1, opt.seed, f->text, e.value, constraint_text(f->constraint)),
          sim::range_hint(f->constraint)}}};
    }

  // Summaries: with several metrics and threads, FTE and SROI are summarised
  // on a second thread while NPV is summarised here; each summary is the same
  // sequential computation whatever the threads, so results do not change.
  const bool par = threads > 1;
  const bool others = plan.has_fte || plan.has_sroi;
  auto summarise_others = [&](bool inner_par) {
    if (plan.has_fte) r.fte = summarise("fte", r.fte_values, inner_par);
    if (plan.has_sroi) r.sroi_ratio = summarise("sroi_ratio", r.sroi_values, inner_par);
  };
  std::thread second;
  if (par && others) second = std::thread(summarise_others, false);
  r.npv = summarise("npv", r.npv_values, par && !others);
  // EVPI = E[max(NPV, 0)] - max(E[NPV], 0). When E[NPV] > 0 the decision is
  // to adopt and EVPI = E[max(NPV, 0) - NPV] = E[max(-NPV, 0)], the expected
  // loss of the iterations where adopting was wrong; otherwise E[max(NPV, 0)].
  // Summed that way it is >= 0 and exactly 0 when no iteration disagrees.
  const bool adopt = r.npv.mean > 0;
  size_t positive = 0;
  double regret = 0;
  for (double v : r.npv_values) {
    positive += v > 0;
    regret += adopt ? std::max(-v, 0.0) : std::max(v, 0.0);
  }
  r.prob_positive = static_cast<double>(positive) / static_cast<double>(n);
  r.evpi = regret / static_cast<double>(n);
  if (second.joinable())
    second.join();
  else if (others)
    summarise_others(par);
  return r;
}

}  // namespace gevinst
