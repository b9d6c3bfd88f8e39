#include "libeval/repayment.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace gevinst {

std::optional<std::string> check_loan_terms(const LoanTerms& t) {
  if (!std::isfinite(t.principal) || t.principal < 0)
    return std::string("principal must be a finite amount >= 0");
  if (!std::isfinite(t.rate) || t.rate <= -1.0)
    return std::string("rate must be a finite number greater than -1");
  if (t.periods_per_year != 1 && t.periods_per_year != 2 && t.periods_per_year != 4 &&
      t.periods_per_year != 12)
    return "periods_per_year must be 1, 2, 4 or 12 (it is " + std::to_string(t.periods_per_year) + ")";
  if (t.grace < 0) return std::string("grace must be 0 or more periods");
  if (t.term < 1) return std::string("term must be at least 1 period");
  if (!(t.gain_share >= 0 && t.gain_share <= 1)) return std::string("gain_share share must lie in [0, 1]");
  if (t.cap && !(std::isfinite(*t.cap) && *t.cap >= 0))
    return std::string("cap must be a finite number >= 0");
  return std::nullopt;
}

namespace {

// Accumulates rows and totals; keeps the balance.
struct Builder {
  const LoanTerms& terms;
  LoanSchedule out;
  double balance;
  double tiny;  // residues below this are paid off

  explicit Builder(const LoanTerms& t)
      : terms(t), balance(t.principal), tiny(1e-9 * std::max(1.0, t.principal)) {}

  int year_of(int p) const {
    const int ppy = terms.periods_per_year;
    return terms.disbursed + (p + ppy - 1) / ppy;  // disbursed + ceil(p / ppy)
  }

  // One period: interest charged, `payment` paid; the rest of balance +
  // interest carries over.
  void add(int p, double interest, double payment) {
    const double due = balance + interest;
    double closing = due - payment;
    if (closing < tiny) {  // never negative, no dust
      payment = due;
      closing = 0.0;
    }
    out.rows.push_back(ScheduleRow{p, year_of(p), balance, interest, payment, payment - interest, closing});
    out.total_paid += payment;
    out.total_interest += interest;
    balance = closing;
  }
};

}  // namespace

LoanSchedule build_schedule(const LoanTerms& t, const std::function<double(int year)>& gains) {
  Builder b(t);
  if (!(t.principal > 0)) return b.out;
  const int ppy = std::max(1, t.periods_per_year);
  const double i = t.rate / ppy;
  const bool gain_share = t.method == LoanMethod::gain_share;
  const double cap_total = t.cap ? *t.cap * t.principal : std::numeric_limits<double>::infinity();
  auto remaining_cap = [&] { return std::max(0.0, cap_total - b.out.total_paid); };

  // Grace.
  int p = 1;
  for (; p <= t.grace && b.balance > 0; ++p) {
    const double interest = b.balance * i;
    double payment = t.grace_mode == GraceMode::capitalise ? 0.0 : interest;
    if (gain_share) payment = std::min(payment, remaining_cap());
    b.add(p, interest, payment);
  }

  // Repayment: n periods on the balance at the end of grace.
  const int n = t.term;
  const double bg = b.balance;
  // Annuity A = Bg × i / (1 - (1+i)^-n), or Bg / n at i = 0.
  const double annuity = i == 0.0 ? bg / n : bg * i / (1.0 - std::pow(1.0 + i, -n));
  for (int k = 1; k <= n && b.balance > 0; ++k, ++p) {
    const bool last = k == n;
    const double interest = b.balance * i;
    const double due = b.balance + interest;
    double payment = 0.0;
    switch (t.method) {
      case LoanMethod::annuity: payment = last ? due : std::min(annuity, due); break;
      case LoanMethod::serial: payment = last ? due : std::min(bg / n + interest, due); break;
      case LoanMethod::bullet: payment = last ? due : interest; break;
      case LoanMethod::gain_share: {
        // A year's gains spread evenly over its periods.
        const double year_gains = gains ? gains(b.year_of(p)) : 0.0;
        const double offered = std::max(0.0, t.gain_share * year_gains / ppy);
        payment = (last && t.residual == Residual::due) ? std::min(due, remaining_cap())
                                                        : std::min({offered, due, remaining_cap()});
        break;
      }
    }
    b.add(p, interest, payment);
  }
  b.out.forgiven = b.balance;  // non-zero only for gain_share
  return b.out;
}

std::vector<double> payments_by_year(const LoanSchedule& s, int first_year, int years) {
  std::vector<double> out(static_cast<size_t>(std::max(0, years)), 0.0);
  for (const ScheduleRow& r : s.rows) {
    const int k = r.year - first_year;
    if (k >= 0 && k < years) out[static_cast<size_t>(k)] += r.payment;
  }
  return out;
}

LoanPv loan_pv(const LoanTerms& t, const LoanSchedule& s, int start_year, std::span<const double> df) {
  auto factor = [&](int year) {
    const long k = static_cast<long>(year) - start_year;
    if (k < 0 || k >= static_cast<long>(df.size()))
      throw std::out_of_range("loan_pv: no discount factor for year " + std::to_string(year));
    return df[static_cast<size_t>(k)];
  };
  LoanPv pv;
  pv.lender = -t.principal * factor(t.disbursed);
  for (const ScheduleRow& r : s.rows) pv.lender += r.payment * factor(r.year);
  pv.borrower = -pv.lender;
  return pv;
}

}  // namespace gevinst
