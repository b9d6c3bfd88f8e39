#include "libeval/fund.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <set>

#include "libeval/text.h"

namespace gevinst {

namespace {

// Flows of the fund by calendar year, before the range is known.
struct Ledger {
  std::map<int, FundYear> years;
  FundYear& at(int y) {
    FundYear& r = years[y];
    r.year = y;
    return r;
  }
};

// Balance a loan owes at the end of `year`: 0 before the disbursement, the
// principal until the first period, then the closing balance of the year's
// last period; 0 from the year of the last period on (repaid or forgiven).
double balance_at(const LoanResult& L, int year) {
  const LoanSchedule& s = L.schedule;
  if (year < L.terms.disbursed || s.rows.empty() || year >= s.rows.back().year) return 0.0;
  double b = L.terms.principal;
  for (const ScheduleRow& r : s.rows) {
    if (r.year > year) break;
    b = r.closing;
  }
  return b;
}

[[noreturn]] void no_such_fund(const std::vector<FundCase>& cases, const std::string& fund) {
  std::set<std::string> lenders, payers;
  for (const FundCase& fc : cases) {
    for (const LoanResult& L : fc.financing.loans) lenders.insert(L.lender);
    for (const GrantResult& g : fc.financing.grants) payers.insert(g.payer);
  }
  std::string hint;
  if (lenders.empty() && payers.empty())
    hint = fmt::format("none of the {} case file(s) has a financing section", cases.size());
  else {
    std::vector<std::string> known(lenders.begin(), lenders.end());
    known.insert(known.end(), payers.begin(), payers.end());
    std::string guess = did_you_mean(fund, known);
    hint = fmt::format("lenders: {}; grant payers: {}{}",
                       lenders.empty() ? "none" : fmt::format("{}", fmt::join(lenders, ", ")),
                       payers.empty() ? "none" : fmt::format("{}", fmt::join(payers, ", ")),
                       guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess));
  }
  throw InputError{{Diagnostic{
      "",
      {},
      Severity::error,
      "",
      fmt::format("no loan or grant in the {} case file(s) has '{}' as lender or payer", cases.size(), fund),
      hint}}};
}

FundLoan loan_row(const FundCase& fc, const LoanResult& L) {
  FundLoan r;
  r.file = fc.file;
  r.case_id = fc.case_id;
  r.id = L.id;
  r.label = L.label;
  r.borrower = L.borrower;
  r.borrower_label = L.borrower_label;
  r.method = L.method;
  r.principal = L.terms.principal;
  r.rate = L.terms.rate;
  r.disbursed = L.terms.disbursed;
  r.last_year = L.last_year;
  r.total_paid = L.schedule.total_paid;
  r.total_interest = L.schedule.total_interest;
  r.forgiven = L.schedule.forgiven;
  r.forgiven_because = L.forgiven_because;
  r.lender_pv = L.pv.lender;
  return r;
}

}  // namespace

FundResult evaluate_fund(const std::vector<FundCase>& cases, const std::string& fund) {
  FundResult out;
  out.fund = fund;
  out.files = static_cast<int>(cases.size());
  Ledger ledger;
  std::vector<const LoanResult*> loans;
  std::set<std::string> currencies, other_lenders;
  for (const FundCase& fc : cases) {
    FundCaseRow row{fc.file, fc.case_id, 0, 0, 0, 0, 0, 0};
    for (const LoanResult& L : fc.financing.loans) {
      if (L.lender != fund) {
        other_lenders.insert(L.lender);
        continue;
      }
      ++row.loans;
      if (out.label.empty()) out.label = L.lender_label;
      loans.push_back(&L);
      out.loans.push_back(loan_row(fc, L));
      if (L.terms.principal > 0) ledger.at(L.terms.disbursed).disbursed += L.terms.principal;
      for (const ScheduleRow& r : L.schedule.rows) {
        FundYear& y = ledger.at(r.year);
        y.repaid += r.payment;
        y.interest += r.interest;
      }
      if (L.schedule.forgiven > 0) ledger.at(L.last_year).forgiven += L.schedule.forgiven;
      row.disbursed += L.terms.principal;
      row.repaid += L.schedule.total_paid;
      row.forgiven += L.schedule.forgiven;
    }
    for (const GrantResult& g : fc.financing.grants) {
      if (g.payer != fund) continue;
      ++row.grants;
      if (out.label.empty()) out.label = g.payer_label;
      FundGrant gr{fc.file, fc.case_id, g.id, g.label, g.recipient, g.recipient_label, g.total, 0, 0};
      for (size_t t = 0; t < g.years.size(); ++t) {
        if (g.years[t] == 0) continue;
        const int year = fc.financing.start_year + static_cast<int>(t);
        ledger.at(year).granted += g.years[t];
        if (gr.first_year == 0) gr.first_year = year;
        gr.last_year = year;
      }
      row.granted += g.total;
      out.grants.push_back(std::move(gr));
    }
    if (row.loans + row.grants > 0) {
      currencies.insert(fc.currency);
      out.cases.push_back(std::move(row));
    }
  }
  if (out.cases.empty()) no_such_fund(cases, fund);
  if (currencies.size() > 1)
    throw InputError{
        {Diagnostic{"",
                    {},
                    Severity::error,
                    "",
                    fmt::format("the cases borrowing from '{}' use different currencies ({}); the fund's "
                                "sums would mix them",
                                fund, fmt::join(currencies, ", ")),
                    "convert the cases to one currency"}}};
  out.currency = *currencies.begin();

  // Consecutive years from the first flow to the last.
  const int first = ledger.years.empty() ? 0 : ledger.years.begin()->first;
  const int last = ledger.years.empty() ? -1 : ledger.years.rbegin()->first;
  double cumulative = 0, lowest = 0;
  for (int year = first; year <= last; ++year) {
    FundYear y = ledger.years.count(year) ? ledger.years[year] : FundYear{};
    y.year = year;
    for (const LoanResult* L : loans) y.balance += balance_at(*L, year);
    y.net_cash = y.repaid - y.disbursed - y.granted;
    cumulative += y.net_cash;
    y.cumulative_cash = cumulative;
    out.disbursed += y.disbursed;
    out.granted += y.granted;
    out.repaid += y.repaid;
    out.interest += y.interest;
    out.forgiven += y.forgiven;
    if (cumulative < lowest) {
      lowest = cumulative;
      out.capital_needed_year = year;
    }
    out.years.push_back(y);
  }
  out.capital_needed = -lowest;
  if (out.capital_needed_year) {
    // Rounding must not hide a refill that is exact in arithmetic (rate 0).
    const double tolerance = 1e-9 * std::max(1.0, out.capital_needed);
    for (const FundYear& y : out.years)
      if (y.year > *out.capital_needed_year && y.cumulative_cash >= -tolerance) {
        out.refilled_year = y.year;
        break;
      }
  }

  if (!other_lenders.empty())
    out.notes.push_back(phrase("loans from other lenders are left out ({})",
                               {arg::text(fmt::format("{}", fmt::join(other_lenders, ", ")))}));
  if (out.forgiven > 0) {
    std::vector<std::string> who;
    for (const FundLoan& L : out.loans)
      if (L.forgiven > 0) who.push_back(fmt::format("{}/{}", L.case_id, L.id));
    out.notes.push_back(
        phrase("the fund forgives {} in all ({}): the balances left when gain-share terms "
               "ended, the risk the fund carries",
               {arg::grouped(out.forgiven), arg::text(fmt::format("{}", fmt::join(who, ", ")))}));
  }
  if (out.granted > 0)
    out.notes.push_back(
        phrase("grants of {} are never repaid: a revolving pool must be topped up by that much",
               {arg::grouped(out.granted)}));
  if (out.capital_needed_year && !out.refilled_year)
    out.notes.push_back(
        phrase("repayments do not refill the pool: by {} it has received {} less than it paid out",
               {arg::year(last), arg::grouped(-cumulative)}));
  return out;
}

}  // namespace gevinst
