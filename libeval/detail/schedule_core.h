// Internal: the one loan-schedule algorithm (docs/case-format.md, "Loan
// schedules" and "Gain-share"), shared by build_schedule (which keeps every
// row) and the fund simulation (which only sums them per draw, without
// allocating). Both therefore give bit-identical payments.
//
//   ScheduleTotals t = run_schedule(terms, [&](int year) { return gains[year]; },
//                                   [&](const ScheduleRow& r) { cash[r.year] += r.payment; });
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

#include "libeval/repayment.h"

namespace gevinst::detail {

/// What a schedule sums to: total_paid, total_interest and the balance
/// forgiven after the term (gain-share only); last_year is the calendar
/// year of the last row (0 when there are none).
struct ScheduleTotals {
  double total_paid = 0, total_interest = 0, forgiven = 0;
  int last_year = 0;
};

/// Runs the schedule of `t` (rules in repayment.h, build_schedule), calling
/// `gains(year)` for a gain-share loan's realised gains and `row(r)` for
/// every row in order. Precondition: check_loan_terms(t) passes.
template <class Gains, class Row>
ScheduleTotals run_schedule(const LoanTerms& t, Gains&& gains, Row&& row) {
  ScheduleTotals out;
  if (!(t.principal > 0)) return out;
  double balance = t.principal;
  const double tiny = 1e-9 * std::max(1.0, t.principal);  // residues below this are paid off
  const int ppy = std::max(1, t.periods_per_year);
  const double i = t.rate / ppy;
  const bool gain_share = t.method == LoanMethod::gain_share;
  const double cap_total = t.cap ? *t.cap * t.principal : std::numeric_limits<double>::infinity();
  auto remaining_cap = [&] { return std::max(0.0, cap_total - out.total_paid); };
  auto year_of = [&](int p) { return t.disbursed + (p + ppy - 1) / ppy; };  // disbursed + ceil(p / ppy)
  // One period: interest charged, `payment` paid; the rest of balance +
  // interest carries over, never negative and without dust.
  auto add = [&](int p, double interest, double payment) {
    const double due = balance + interest;
    double closing = due - payment;
    if (closing < tiny) {
      payment = due;
      closing = 0.0;
    }
    const int year = year_of(p);
    row(ScheduleRow{p, year, balance, interest, payment, payment - interest, closing});
    out.total_paid += payment;
    out.total_interest += interest;
    out.last_year = year;
    balance = closing;
  };

  // Grace.
  int p = 1;
  for (; p <= t.grace && balance > 0; ++p) {
    const double interest = balance * i;
    double payment = t.grace_mode == GraceMode::capitalise ? 0.0 : interest;
    if (gain_share) payment = std::min(payment, remaining_cap());
    add(p, interest, payment);
  }

  // Repayment: n periods on the balance at the end of grace.
  const int n = t.term;
  const double bg = balance;
  // Annuity A = Bg × i / (1 - (1+i)^-n), or Bg / n at i = 0.
  const double annuity = t.method != LoanMethod::annuity ? 0.0
                         : i == 0.0                      ? bg / n
                                                         : bg * i / (1.0 - std::pow(1.0 + i, -n));
  for (int k = 1; k <= n && balance > 0; ++k, ++p) {
    const bool last = k == n;
    const double interest = balance * i;
    const double due = balance + interest;
    double payment = 0.0;
    switch (t.method) {
      case LoanMethod::annuity: payment = last ? due : std::min(annuity, due); break;
      case LoanMethod::serial: payment = last ? due : std::min(bg / n + interest, due); break;
      case LoanMethod::bullet: payment = last ? due : interest; break;
      case LoanMethod::gain_share: {
        // A year's gains spread evenly over its periods.
        const double offered = std::max(0.0, t.gain_share * gains(year_of(p)) / ppy);
        payment = (last && t.residual == Residual::due) ? std::min(due, remaining_cap())
                                                        : std::min({offered, due, remaining_cap()});
        break;
      }
    }
    add(p, interest, payment);
  }
  out.forgiven = balance;  // non-zero only for gain_share
  return out;
}

}  // namespace gevinst::detail
