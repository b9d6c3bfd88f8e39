#include "libeval/detail/fund_engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

#include "libeval/detail/schedule_core.h"
#include "libeval/distributions.h"
#include "libeval/parallel.h"
#include "libeval/rng.h"
#include "libeval/special_functions.h"

namespace gevinst::fundsim {

namespace {

constexpr size_t B = rng_block_rows;

// The common factor's stream number in every block: above any parameter's
// (offsets count parameters from 0; a run has far fewer than 2^32 - 1).
constexpr std::uint64_t common_stream = 0xffffffffULL;

}  // namespace

struct Engine::Scratch {
  std::vector<double> slots, fields, acc, tmp, z, u, common;
  std::vector<const double*> slot_ptr, zp;
  std::vector<double*> up;
  std::vector<double> cash, lent_y, repaid_y;  // years x B
  std::vector<double> lent, repaid, forgiven, granted;

  Scratch(size_t params, size_t fields_n, size_t targets, size_t years)
      : slots(params * B),
        fields(fields_n * B),
        acc(targets * B),
        tmp(B),
        common(B),
        slot_ptr(params),
        cash(years * B),
        lent_y(years * B),
        repaid_y(years * B),
        lent(B),
        repaid(B),
        forgiven(B),
        granted(B) {
    for (size_t i = 0; i < params; ++i) slot_ptr[i] = &slots[i * B];
  }
  double* slot(int i) { return &slots[static_cast<size_t>(i) * B]; }
};

// What a block adds up to, and the first failure in it.
struct Engine::Block {
  size_t preserved = 0;
  std::vector<size_t> preserved_y;
  std::vector<char> touched;
  std::vector<double> case_lent, case_repaid, case_granted, case_forgiven;
  bool failed = false;
  size_t iteration = 0, plan = 0;
  const Number* field = nullptr;    // a field out of range, or
  const Financing* item = nullptr;  // a loan whose drawn terms cannot be scheduled
  double value = 0;
  std::string message;
};

Engine::Engine(const std::vector<CasePlan>& plans, const FundSimOptions& opt) : plans_(plans), opt_(opt) {
  int first = 0, last = 0;
  bool any = false;
  std::uint64_t offset = 0;
  auto span = [&](int a, int b) {
    first = any ? std::min(first, a) : a;
    last = any ? std::max(last, b) : b;
    any = true;
  };
  for (const CasePlan& cp : plans) {
    offset_.push_back(offset);
    offset += static_cast<std::uint64_t>(cp.plan.params);
    max_params_ = std::max(max_params_, static_cast<size_t>(cp.plan.params));
    max_fields_ = std::max(max_fields_, cp.plan.fields.size());
    max_targets_ = std::max(max_targets_, static_cast<size_t>(cp.targets));
    for (const LoanPlan& L : cp.loans) {
      const int ppy = std::max(1, L.terms.periods_per_year);
      span(L.terms.disbursed, L.terms.disbursed + (L.terms.grace + L.terms.term + ppy - 1) / ppy);
    }
    if (!cp.grants.empty()) span(cp.start_year, cp.start_year + cp.horizon - 1);
  }
  first_year_ = first;
  years_ = any ? last - first + 1 : 0;
  blocks_ = (opt.iterations + B - 1) / B;
  threads_ = static_cast<int>(std::min<size_t>(static_cast<size_t>(thread_count(opt.threads)), blocks_));
}

// Draws case k's parameters for rows [b B, b B + rows) and fills its targets
// (w.acc). Independent parameters as in `simulate` (stream(seed, b, offset +
// parameter)); with a common factor every drawn parameter through its normal
// score sqrt(rho) Z + sqrt(1 - rho) e.
void Engine::draw_case(size_t k, size_t b, size_t rows, Scratch& w, Block& out) const {
  const CasePlan& cp = plans_[k];
  const sim::Plan& p = cp.plan;
  const std::uint64_t seed = opt_.seed, off = offset_[k];
  const double rho = opt_.common_factor;
  for (int i = 0; i < p.params; ++i)
    if (!p.varying[i]) std::fill_n(w.slot(i), rows, p.base[i]);
  const size_t kc = p.correlated.size();
  if (w.z.size() < std::max<size_t>(kc, 1) * B) {
    w.z.assign(std::max<size_t>(kc, 1) * B, 0.0);
    w.u.assign(std::max<size_t>(kc, 1) * B, 0.0);
  }
  w.zp.resize(kc);
  w.up.resize(kc);
  for (size_t j = 0; j < kc; ++j) {
    w.zp[j] = &w.z[j * B];
    w.up[j] = &w.u[j * B];
  }
  // u = Phi(sqrt(rho) Z + sqrt(1 - rho) e), clamped as correlate_block does.
  const double a = std::sqrt(rho), c = std::sqrt(1 - rho);
  auto mix = [&](const double* e, double* u) {
    for (size_t r = 0; r < rows; ++r)
      u[r] = std::clamp(normal_cdf(a * w.common[r] + c * e[r]), 0x1.0p-1022, 1 - 0x1.0p-53);
  };
  for (size_t j = 0; j < p.random.size(); ++j) {
    Rng rng = stream(seed, b, off + static_cast<std::uint64_t>(p.random[j]));
    double* slot = w.slot(p.random[j]);
    if (rho == 0) {
      sample(p.random_spec[j], rng, slot, rows);
      continue;
    }
    fill_normal(rng, w.z.data(), rows);
    mix(w.z.data(), w.u.data());
    quantile_block(p.random_spec[j], w.u.data(), slot, rows);
  }
  if (kc > 0) {
    for (size_t j = 0; j < kc; ++j) {
      Rng rng = stream(seed, b, off + static_cast<std::uint64_t>(p.correlated[j]));
      fill_normal(rng, w.z.data() + j * B, rows);
    }
    if (rho == 0) {
      correlate_block(p.copula, w.zp.data(), w.up.data(), rows);
    } else {
      // e = L z (the case's own correlations), then the common factor.
      std::vector<double> e(B);
      for (size_t i = 0; i < kc; ++i) {
        std::fill_n(e.data(), rows, 0.0);
        for (size_t j = 0; j <= i; ++j) {
          const double l = p.copula.lower[i * kc + j];
          if (l == 0) continue;
          for (size_t r = 0; r < rows; ++r) e[r] += l * w.z[j * B + r];
        }
        mix(e.data(), w.up[i]);
      }
    }
    for (size_t j = 0; j < kc; ++j)
      quantile_block(p.correlated_spec[j], w.up[j], w.slot(p.correlated[j]), rows);
  }
  for (size_t d = 0; d < p.derived.size(); ++d)
    p.derived_program[d]->evaluate_block(w.slot_ptr.data(), rows, w.slot(p.derived[d]));
  for (size_t f = 0; f < p.fields.size(); ++f) {
    double* col = &w.fields[f * B];
    p.fields[f]->program.evaluate_block(w.slot_ptr.data(), rows, col);
    const Constraint want = p.fields[f]->constraint;
    for (size_t r = 0; r < rows; ++r)
      if (!std::isfinite(col[r]) || !satisfies(col[r], want)) {
        if (!out.failed) {
          out.failed = true;
          out.iteration = b * B + r;
          out.plan = k;
          out.field = p.fields[f];
          out.value = col[r];
        }
        return;
      }
  }
  // Targets: the fixed part, then every term (as simulate's run_block).
  for (int t = 0; t < cp.targets; ++t) std::fill_n(&w.acc[static_cast<size_t>(t) * B], rows, p.constant[t]);
  double* tmp = w.tmp.data();
  for (const auto& term : p.terms) {
    std::fill_n(tmp, rows, term.coef);
    for (const auto& f : term.factors) {
      const double* col = &w.fields[static_cast<size_t>(f.field) * B];
      if (f.mode == 0) {
        for (size_t r = 0; r < rows; ++r) tmp[r] *= col[r];
      } else if (f.power == 1) {
        for (size_t r = 0; r < rows; ++r) tmp[r] *= 1.0 + f.mode * col[r];
      } else if (f.power != 0) {
        for (size_t r = 0; r < rows; ++r) tmp[r] *= std::pow(1.0 + f.mode * col[r], f.power);
      }
    }
    double* acc = &w.acc[static_cast<size_t>(term.target) * B];
    for (size_t r = 0; r < rows; ++r) acc[r] += tmp[r];
  }
}

void Engine::run_block(size_t b, double scale, Pass pass, Scratch& w, Block& out) {
  const size_t rows = std::min(B, opt_.iterations - b * B);
  const size_t Y = static_cast<size_t>(years_);
  const size_t cases = plans_.size();
  out.preserved_y.assign(Y, 0);
  out.touched.assign(Y, 0);
  out.case_lent.assign(cases, 0.0);
  out.case_repaid.assign(cases, 0.0);
  out.case_granted.assign(cases, 0.0);
  out.case_forgiven.assign(cases, 0.0);
  std::fill(w.cash.begin(), w.cash.end(), 0.0);
  std::fill(w.lent_y.begin(), w.lent_y.end(), 0.0);
  std::fill(w.repaid_y.begin(), w.repaid_y.end(), 0.0);
  for (auto* v : {&w.lent, &w.repaid, &w.forgiven, &w.granted}) std::fill(v->begin(), v->end(), 0.0);
  if (opt_.common_factor > 0) {
    Rng rng = stream(opt_.seed, b, common_stream);
    fill_normal(rng, w.common.data(), rows);
  }

  for (size_t k = 0; k < cases; ++k) {
    const CasePlan& cp = plans_[k];
    draw_case(k, b, rows, w, out);
    if (out.failed) return;
    const double* acc = w.acc.data();
    auto col = [&](int t) { return acc + static_cast<size_t>(t) * B; };
    for (const LoanPlan& L : cp.loans) {
      LoanTerms t = L.terms;
      const double *principal = col(L.principal), *rate = col(L.rate), *share = col(L.share);
      const double* cap = L.cap >= 0 ? col(L.cap) : nullptr;
      const double* gains = L.gains >= 0 ? col(L.gains) : nullptr;
      const int disbursed = static_cast<int>(L.terms.disbursed - first_year_);
      for (size_t r = 0; r < rows; ++r) {
        t.principal = principal[r] * scale;
        t.rate = rate[r];
        t.gain_share = share[r];
        if (cap) t.cap = cap[r];
        if (L.varying)
          if (auto err = check_loan_terms(t)) {
            out.failed = true;
            out.iteration = b * B + r;
            out.plan = k;
            out.item = L.item;
            out.message = *err;
            return;
          }
        // Gains after the horizon count as zero (as evaluate_financing).
        auto gains_in = [&](int year) {
          const int i = year - cp.start_year;
          return gains && i >= 0 && i < cp.horizon ? gains[static_cast<size_t>(i) * B + r] : 0.0;
        };
        auto row = [&](const ScheduleRow& s) {
          const size_t y = static_cast<size_t>(s.year - first_year_);
          w.cash[y * B + r] += s.payment;
          w.repaid_y[y * B + r] += s.payment;
          out.touched[y] = 1;
        };
        const detail::ScheduleTotals tot = detail::run_schedule(t, gains_in, row);
        if (t.principal > 0) {
          w.cash[static_cast<size_t>(disbursed) * B + r] -= t.principal;
          w.lent_y[static_cast<size_t>(disbursed) * B + r] += t.principal;
          out.touched[static_cast<size_t>(disbursed)] = 1;
          w.lent[r] += t.principal;
        }
        w.repaid[r] += tot.total_paid;
        w.forgiven[r] += tot.forgiven;
        out.case_lent[k] += t.principal;
        out.case_repaid[k] += tot.total_paid;
        out.case_forgiven[k] += tot.forgiven;
      }
    }
    for (const GrantPlan& g : cp.grants)
      for (int i = 0; i < cp.horizon; ++i) {
        const double* amount = col(g.years + i);
        const size_t y = static_cast<size_t>(cp.start_year + i - first_year_);
        for (size_t r = 0; r < rows; ++r) {
          if (amount[r] == 0) continue;
          w.cash[y * B + r] -= amount[r];
          w.granted[r] += amount[r];
          out.case_granted[k] += amount[r];
          out.touched[y] = 1;
        }
      }
  }

  // Per iteration: cumulative cash, its lowest point, capital kept by year.
  const size_t base = b * B;
  for (size_t r = 0; r < rows; ++r) {
    double cumulative = 0, low = 0, lent_c = 0, repaid_c = 0;
    for (size_t y = 0; y < Y; ++y) {
      cumulative += w.cash[y * B + r];
      low = std::min(low, cumulative);
      lent_c += w.lent_y[y * B + r];
      repaid_c += w.repaid_y[y * B + r];
      out.preserved_y[y] += capital_kept(repaid_c, lent_c);
      if (pass == Pass::full) cash[y][base + r] = cumulative;
    }
    out.preserved += capital_kept(w.repaid[r], w.lent[r]);
    if (pass == Pass::full) {
      lent[base + r] = w.lent[r];
      repaid[base + r] = w.repaid[r];
      forgiven[base + r] = w.forgiven[r];
      granted[base + r] = w.granted[r];
      lowest[base + r] = low;
    }
  }
}

Totals Engine::run(double scale, Pass pass) {
  const size_t n = opt_.iterations, Y = static_cast<size_t>(years_);
  if (pass == Pass::full) {
    for (auto* v : {&lent, &repaid, &forgiven, &granted, &lowest}) v->assign(n, 0.0);
    cash.assign(Y, std::vector<double>(n, 0.0));
  }
  std::vector<Block> blocks(blocks_);
  std::vector<std::optional<Scratch>> scratch(static_cast<size_t>(threads_));
  PoolOptions po;
  po.threads = threads_;
  if (opt_.progress && pass == Pass::full)
    po.progress = [&](size_t done) { opt_.progress(std::min(n, done * B), n); };
  parallel_for(blocks_, po, [&](size_t worker, size_t b) {
    if (!scratch[worker]) scratch[worker].emplace(max_params_, max_fields_, max_targets_, Y);
    run_block(b, scale, pass, *scratch[worker], blocks[b]);
  });

  Totals t;
  t.preserved_by_year.assign(Y, 0.0);
  t.case_lent.assign(plans_.size(), 0.0);
  t.case_repaid = t.case_granted = t.case_forgiven = t.case_lent;
  std::vector<size_t> kept_y(Y, 0);
  std::vector<char> touched(Y, 0);
  size_t kept_all = 0;
  for (const Block& blk : blocks) {
    if (blk.failed) {
      const CasePlan& cp = plans_[blk.plan];
      const std::string where = fmt::format("iteration {} (seed {})", blk.iteration + 1, opt_.seed);
      if (blk.item)
        throw InputError{{Diagnostic{
            cp.c->file, blk.item->loc, Severity::error, blk.item->yaml_path,
            fmt::format("{}: loan '{}': {} for the drawn values", where, blk.item->id, blk.message),
            "draw the loan's terms from distributions that stay in range"}}};
      const Number* f = blk.field;
      const std::string what =
          std::isfinite(blk.value)
              ? fmt::format("is {:g} for the drawn values; it must be {}", blk.value,
                            constraint_text(f->constraint))
              : std::string("is not a finite number for the drawn values (a division by zero?)");
      throw InputError{
          {Diagnostic{cp.c->file, f->loc, Severity::error, f->yaml_path,
                      fmt::format("{}: \"{}\" {}", where, f->text, what), sim::range_hint(f->constraint)}}};
    }
    kept_all += blk.preserved;
    for (size_t y = 0; y < Y; ++y) {
      kept_y[y] += blk.preserved_y[y];
      touched[y] = static_cast<char>(touched[y] | blk.touched[y]);
    }
    for (size_t k = 0; k < plans_.size(); ++k) {
      t.case_lent[k] += blk.case_lent[k];
      t.case_repaid[k] += blk.case_repaid[k];
      t.case_granted[k] += blk.case_granted[k];
      t.case_forgiven[k] += blk.case_forgiven[k];
    }
  }
  const double m = static_cast<double>(n);
  t.preserved_share = static_cast<double>(kept_all) / m;
  for (size_t y = 0; y < Y; ++y) t.preserved_by_year[y] = static_cast<double>(kept_y[y]) / m;
  for (size_t k = 0; k < plans_.size(); ++k) {
    t.lent_mean += t.case_lent[k] / m;
    t.case_lent[k] /= m;
    t.case_repaid[k] /= m;
    t.case_granted[k] /= m;
    t.case_forgiven[k] /= m;
  }
  for (size_t y = 0; y < Y; ++y)
    if (touched[y]) {
      if (t.last < t.first) t.first = first_year_ + static_cast<int>(y);
      t.last = first_year_ + static_cast<int>(y);
    }
  return t;
}

}  // namespace gevinst::fundsim
