#include "libeval/repayment.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "libeval/detail/schedule_core.h"

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

LoanSchedule build_schedule(const LoanTerms& t, const std::function<double(int year)>& gains) {
  LoanSchedule s;
  const detail::ScheduleTotals totals = detail::run_schedule(
      t, [&](int year) { return gains ? gains(year) : 0.0; },
      [&](const ScheduleRow& r) { s.rows.push_back(r); });
  s.total_paid = totals.total_paid;
  s.total_interest = totals.total_interest;
  s.forgiven = totals.forgiven;
  return s;
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
