#include "libeval/financing.h"

#include <fmt/format.h>

#include <algorithm>

#include "libeval/capacity.h"
#include "libeval/discounting.h"
#include "libeval/parameters.h"

namespace gevinst {

namespace {

const ItemSeries* find_item(const std::vector<ItemSeries>& items, const std::string& id, bool cost) {
  for (const auto& s : items)
    if (s.id == id && s.is_cost == cost && !s.derived_from_capacity) return &s;
  return nullptr;
}

std::vector<double> sum_listed_costs(const std::vector<ItemSeries>& items, const std::vector<std::string>& ids, size_t n) {
  std::vector<double> out(n, 0.0);
  for (const auto& id : ids)
    if (const ItemSeries* s = find_item(items, id, true))
      for (size_t t = 0; t < n; ++t) out[t] += s->values[t];
  return out;
}

// Realised gains of benefits (after profiles) or capacity activities (their
// value, monetised or not), per horizon year.
std::vector<double> listed_gains(const Case& c, const std::vector<ItemSeries>& items, const std::vector<std::string>& ids,
                                 std::span<const double> params) {
  size_t n = static_cast<size_t>(c.assumptions.horizon);
  std::vector<double> out(n, 0.0);
  for (const auto& id : ids) {
    if (const ItemSeries* s = find_item(items, id, false)) {
      for (size_t t = 0; t < n; ++t) out[t] += s->values[t];
      continue;
    }
    for (const auto& a : c.capacity.activities)
      if (a.id == id) {
        ActivitySeries as = activity_series(c, a, params);
        for (size_t t = 0; t < n; ++t) out[t] += as.value[t];
      }
  }
  return out;
}

LoanMethod loan_method(Financing::Method m) {
  switch (m) {
    case Financing::Method::annuity: return LoanMethod::annuity;
    case Financing::Method::serial: return LoanMethod::serial;
    case Financing::Method::bullet: return LoanMethod::bullet;
    default: return LoanMethod::gain_share;
  }
}

}  // namespace

FinancingResult evaluate_financing(const Case& c, const std::vector<ItemSeries>& items, std::span<const double> params,
                                   std::span<const double> df) {
  FinancingResult r;
  const Assumptions& a = c.assumptions;
  const size_t n = static_cast<size_t>(a.horizon);
  for (const auto& f : c.financing) {
    if (f.method == Financing::Method::grant) {
      GrantResult g{f.id, f.label, f.payer, f.recipient, value_of(f.share, params, c.file), {}, 0, 0};
      g.years = sum_listed_costs(items, f.of, n);
      for (size_t t = 0; t < n; ++t) {
        g.years[t] *= g.share;
        g.total += g.years[t];
        g.pv += g.years[t] * df[t];
        if (g.years[t] > 0)
          r.transfers.push_back({f.payer, f.recipient, f.id, "grant", a.start_year + static_cast<int>(t), g.years[t]});
      }
      r.grants.push_back(std::move(g));
      continue;
    }
    LoanResult L;
    L.id = f.id;
    L.label = f.label;
    L.lender = f.lender;
    L.borrower = f.borrower;
    L.method = f.method;
    LoanTerms& t = L.terms;
    t.method = loan_method(f.method);
    if (f.principal_share) {
      double base = 0;
      for (double v : sum_listed_costs(items, f.principal_of, n)) base += v;
      t.principal = value_of(*f.principal_share, params, c.file) * base;
    } else {
      t.principal = value_of(f.principal, params, c.file);
    }
    t.disbursed = f.disbursed;
    t.rate = f.rate.present ? value_of(f.rate, params, c.file) : 0.0;
    t.periods_per_year = f.periods_per_year;
    t.grace = f.grace;
    t.grace_mode = f.grace_capitalise ? GraceMode::capitalise : GraceMode::interest_only;
    t.term = f.term;
    t.residual = f.residual_due ? Residual::due : Residual::forgive;
    if (f.method == Financing::Method::gain_share) {
      t.gain_share = value_of(f.gain_share, params, c.file);
      if (f.cap) t.cap = value_of(*f.cap, params, c.file);
      L.gains = listed_gains(c, items, f.gain_of, params);
    }
    if (auto err = check_loan_terms(t))
      throw InputError{{Diagnostic{c.file, f.loc, Severity::error, f.yaml_path,
                                   fmt::format("loan '{}': {}", f.id, *err), ""}}};
    const std::vector<double>& gains = L.gains;
    int first = a.start_year;
    L.schedule = build_schedule(t, [&](int year) {
      int i = year - first;
      return i >= 0 && static_cast<size_t>(i) < gains.size() ? gains[i] : 0.0;
    });
    // Discount factors beyond the horizon continue the case's schedule.
    int last_year = t.disbursed;
    for (const auto& row : L.schedule.rows) last_year = std::max(last_year, row.year);
    int years = std::max<int>(static_cast<int>(n), last_year - a.start_year + 1);
    std::vector<double> df_ext = discount_factors(a.discounting, years, a.timing);
    L.pv = loan_pv(t, L.schedule, a.start_year, df_ext);
    L.payments = payments_by_year(L.schedule, a.start_year, static_cast<int>(n));
    for (const auto& row : L.schedule.rows)
      if (row.year > a.end_year()) L.paid_after_horizon += row.payment;
    if (t.principal > 0)
      r.transfers.push_back({f.lender, f.borrower, f.id, "disbursement", t.disbursed, t.principal});
    for (size_t i = 0; i < n; ++i)
      if (L.payments[i] > 0)
        r.transfers.push_back({f.borrower, f.lender, f.id, "repayment", a.start_year + static_cast<int>(i), L.payments[i]});
    r.loans.push_back(std::move(L));
  }
  return r;
}

}  // namespace gevinst
