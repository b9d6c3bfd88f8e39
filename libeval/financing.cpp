#include "libeval/financing.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "libeval/capacity.h"
#include "libeval/discounting.h"
#include "libeval/parameters.h"
#include "libeval/text.h"

namespace gevinst {

double deflator(const Assumptions& a, int year) {
  if (a.inflation == 0) return 1.0;
  return std::pow(1 + a.inflation, -(year - a.start_year));
}

const char* to_string(Forgiveness f) {
  switch (f) {
    case Forgiveness::none: return "none";
    case Forgiveness::gains_short: return "gains-short";
    case Forgiveness::cap_reached: return "cap-reached";
  }
  return "none";
}

std::vector<LoanYear> schedule_by_year(const LoanSchedule& s, int grace) {
  std::vector<LoanYear> out;
  for (const ScheduleRow& r : s.rows) {
    if (out.empty() || out.back().year != r.year) {
      LoanYear y;
      y.year = r.year;
      y.first_period = r.period;
      y.opening = r.opening;
      out.push_back(y);
    }
    LoanYear& y = out.back();
    y.last_period = r.period;
    if (r.period <= grace) ++y.grace_periods;
    y.interest += r.interest;
    y.payment += r.payment;
    y.principal += r.principal;
    y.closing = r.closing;
  }
  return out;
}

namespace {

[[noreturn]] void fail(const Case& c, const Financing& f, const Number* field, const std::string& message,
                       const std::string& hint = {}) {
  SourceLoc loc = field && field->loc.line > 0 ? field->loc : f.loc;
  std::string path = field && !field->yaml_path.empty() ? field->yaml_path : f.yaml_path;
  throw InputError{{Diagnostic{c.file, loc, Severity::error, path, message, hint}}};
}

std::string party_label(const Case& c, const std::string& id) {
  const Party* p = c.party(id);
  return p && !p->label.empty() ? p->label : id;
}

const ItemSeries* find_item(const std::vector<ItemSeries>& items, const std::string& id, bool cost) {
  for (const auto& s : items)
    if (s.id == id && s.is_cost == cost && !s.derived_from_capacity) return &s;
  return nullptr;
}

std::vector<double> sum_listed_costs(const std::vector<ItemSeries>& items,
                                     const std::vector<std::string>& ids, size_t n) {
  std::vector<double> out(n, 0.0);
  for (const auto& id : ids)
    if (const ItemSeries* s = find_item(items, id, true))
      for (size_t t = 0; t < n && t < s->values.size(); ++t) out[t] += s->values[t];
  return out;
}

// Realised gains of benefits (after profiles) or capacity activities (their
// value, monetised or not), per horizon year.
std::vector<double> listed_gains(const Case& c, const std::vector<ItemSeries>& items,
                                 const std::vector<std::string>& ids, std::span<const double> params) {
  size_t n = static_cast<size_t>(c.assumptions.horizon);
  std::vector<double> out(n, 0.0);
  for (const auto& id : ids) {
    if (const ItemSeries* s = find_item(items, id, false)) {
      for (size_t t = 0; t < n && t < s->values.size(); ++t) out[t] += s->values[t];
      continue;
    }
    for (const auto& a : c.capacity.activities)
      if (a.id == id) {
        ActivitySeries as = activity_series(c, a, params);
        for (size_t t = 0; t < n && t < as.value.size(); ++t) out[t] += as.value[t];
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

GrantResult evaluate_grant(const Case& c, const Financing& f, const std::vector<ItemSeries>& items,
                           std::span<const double> params, std::span<const double> df,
                           std::vector<Transfer>& transfers) {
  const Assumptions& a = c.assumptions;
  const size_t n = static_cast<size_t>(a.horizon);
  GrantResult g;
  g.id = f.id;
  g.label = f.label;
  g.payer = f.payer;
  g.recipient = f.recipient;
  g.payer_label = party_label(c, f.payer);
  g.recipient_label = party_label(c, f.recipient);
  g.of = f.of;
  g.share = value_of(f.share, params, c.file);
  g.base = sum_listed_costs(items, f.of, n);
  g.years.assign(n, 0.0);
  for (size_t t = 0; t < n; ++t) {
    // grant(y) = share × listed costs(y), paid in the same year.
    g.years[t] = g.share * g.base[t];
    g.total += g.years[t];
    g.pv += g.years[t] * df[t];
    const int year = a.start_year + static_cast<int>(t);
    // A negative listed cost (a refund) moves the grant back to the payer.
    if (g.years[t] > 0)
      transfers.push_back({f.payer, f.recipient, f.id, "grant", year, g.years[t]});
    else if (g.years[t] < 0)
      transfers.push_back({f.recipient, f.payer, f.id, "grant", year, -g.years[t]});
  }
  return g;
}

LoanTerms loan_terms(const Case& c, const Financing& f, const std::vector<ItemSeries>& items,
                     std::span<const double> params) {
  const size_t n = static_cast<size_t>(c.assumptions.horizon);
  LoanTerms t;
  t.method = loan_method(f.method);
  if (f.principal_share) {
    // principal = share × undiscounted total of the listed costs over the horizon.
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
  }
  if (auto err = check_loan_terms(t)) {
    const Number* field = nullptr;
    if (err->starts_with("rate"))
      field = &f.rate;
    else if (err->starts_with("principal"))
      field = f.principal_share ? &*f.principal_share : &f.principal;
    else if (err->starts_with("cap") && f.cap)
      field = &*f.cap;
    fail(c, f, field, fmt::format("loan '{}': {}", f.id, *err), "check the scenario or override values");
  }
  return t;
}

LoanResult evaluate_loan(const Case& c, const Financing& f, const std::vector<ItemSeries>& items,
                         std::span<const double> params, std::vector<Transfer>& transfers) {
  const Assumptions& a = c.assumptions;
  const size_t n = static_cast<size_t>(a.horizon);
  LoanResult L;
  L.id = f.id;
  L.label = f.label;
  L.lender = f.lender;
  L.borrower = f.borrower;
  L.lender_label = party_label(c, f.lender);
  L.borrower_label = party_label(c, f.borrower);
  L.method = f.method;
  L.terms = loan_terms(c, f, items, params);
  const LoanTerms& t = L.terms;
  const bool gain_share = f.method == Financing::Method::gain_share;
  if (gain_share) {
    L.gain_of = f.gain_of;
    L.gains = listed_gains(c, items, f.gain_of, params);
  }
  auto gains_in = [&](int year) {
    const long k = static_cast<long>(year) - a.start_year;
    return k >= 0 && static_cast<size_t>(k) < L.gains.size() ? L.gains[static_cast<size_t>(k)] : 0.0;
  };
  L.schedule = build_schedule(t, gains_in);
  L.years = schedule_by_year(L.schedule, t.grace);
  if (gain_share)
    for (LoanYear& y : L.years) {
      y.gains = gains_in(y.year);
      // Offered per period is share × gains / periods_per_year; a year the
      // schedule covers only in part (the term or the balance ends within it)
      // offered only its periods' part (docs/case-format.md, "Gain-share").
      const int periods = y.last_period - y.first_period + 1;
      y.offered = std::max(0.0, t.gain_share * y.gains * periods / t.periods_per_year);
    }
  L.last_year = L.schedule.rows.empty() ? t.disbursed : L.schedule.rows.back().year;

  // Discount factors beyond the horizon continue the case's schedule. Loan
  // flows are nominal: they enter present values deflated, DF(t) / (1 +
  // inflation)^t with t = year - start_year (docs/case-format.md, "Inflation").
  const int years = std::max<int>(static_cast<int>(n), L.last_year - a.start_year + 1);
  std::vector<double> df_ext = discount_factors(a.discounting, years, a.timing);
  for (size_t k = 0; k < df_ext.size(); ++k) df_ext[k] *= deflator(a, a.start_year + static_cast<int>(k));
  L.pv = loan_pv(t, L.schedule, a.start_year, df_ext);
  L.payments = payments_by_year(L.schedule, a.start_year, static_cast<int>(n));
  for (const auto& row : L.schedule.rows)
    if (row.year > a.end_year()) L.paid_after_horizon += row.payment;

  if (L.schedule.forgiven > 0) {
    const double cap_total = t.cap ? *t.cap * t.principal : -1;
    const bool capped = t.cap && L.schedule.total_paid >= cap_total * (1 - 1e-12);
    L.forgiven_because = capped ? Forgiveness::cap_reached : Forgiveness::gains_short;
  }
  if (gain_share && L.last_year > a.end_year())
    L.notes.push_back(
        phrase("the term runs to {}, past the horizon ({}); gains after the horizon count as zero, "
               "so they repay nothing",
               {arg::year(L.last_year), arg::year(a.end_year())}));
  if (L.paid_after_horizon > 0)
    L.notes.push_back(
        phrase("{} is paid after the horizon ({}); those payments are in the schedule and the "
               "PV but not in the business case's party view",
               {arg::grouped(L.paid_after_horizon), arg::year(a.end_year())}));

  if (a.inflation != 0)
    L.notes.push_back(phrase(
        "the schedule is nominal; its flows enter the present values and the party view deflated by {} % "
        "a year from {} (assumptions.inflation)",
        {arg::general(a.inflation * 100), arg::year(a.start_year)}));

  // Transfers are in the case's prices: nominal loan flows deflated.
  if (t.principal > 0)
    transfers.push_back(
        {f.lender, f.borrower, f.id, "disbursement", t.disbursed, t.principal * deflator(a, t.disbursed)});
  for (size_t i = 0; i < n; ++i) {
    const int year = a.start_year + static_cast<int>(i);
    if (L.payments[i] > 0)
      transfers.push_back({f.borrower, f.lender, f.id, "repayment", year, L.payments[i] * deflator(a, year)});
  }
  return L;
}

}  // namespace

FinancingResult evaluate_financing(const Case& c, const std::vector<ItemSeries>& items,
                                   std::span<const double> params, std::span<const double> df) {
  FinancingResult r;
  r.start_year = c.assumptions.start_year;
  r.horizon = c.assumptions.horizon;
  r.currency = c.assumptions.currency;
  for (const auto& f : c.financing) {
    if (f.method == Financing::Method::grant)
      r.grants.push_back(evaluate_grant(c, f, items, params, df, r.transfers));
    else
      r.loans.push_back(evaluate_loan(c, f, items, params, r.transfers));
  }
  return r;
}

FinancingResult evaluate_case_financing(const Case& c, const Overrides& overrides) {
  const std::vector<double> params = parameter_values(c, overrides);
  const std::vector<ItemSeries> items = case_series(c, params);
  const std::vector<double> df =
      discount_factors(c.assumptions.discounting, c.assumptions.horizon, c.assumptions.timing);
  return evaluate_financing(c, items, params, df);
}

}  // namespace gevinst
