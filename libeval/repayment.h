// Loan repayment schedules (docs/case-format.md, "Loans", "Loan schedules"
// and "Gain-share").
//
//   LoanTerms t{.method = LoanMethod::annuity, .principal = 1000, .disbursed = 2026,
//               .rate = 0.05, .term = 3};
//   auto s = build_schedule(t, no_gains);
//   s.rows[0]   // {period 1, year 2027, opening 1000, interest 50, payment 367.21, principal 317.21, closing
//   682.79}
//
// Amounts are money in the case's currency; rates are nominal fractions per
// year (0.02 = 2 %); periods are numbered from 1 and period p falls in
// calendar year disbursed + ceil(p / periods_per_year), so repayment starts
// the year after disbursement. There is no row for the disbursement itself.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace gevinst {

/// annuity: constant payment; serial: constant principal part; bullet:
/// interest only, principal in the last period; gain_share: a share of the
/// realised gains, up to a cap.
enum class LoanMethod { annuity, serial, bullet, gain_share };

/// During grace: pay the interest (interest_only) or pay nothing and add the
/// interest to the balance (capitalise).
enum class GraceMode { interest_only, capitalise };

/// Gain-share only, what happens to the balance left after the term: the
/// lender forgives it, or it is due in the last period (up to the cap).
enum class Residual { forgive, due };

struct LoanTerms {
  LoanMethod method = LoanMethod::annuity;
  double principal = 0;      ///< money lent, disbursed in year `disbursed`
  int disbursed = 0;         ///< calendar year of the disbursement
  double rate = 0;           ///< nominal per year; period rate i = rate / periods_per_year
  int periods_per_year = 1;  ///< 1, 2, 4 or 12
  int grace = 0;             ///< periods before repayment starts
  GraceMode grace_mode = GraceMode::interest_only;
  int term = 1;                              ///< repayment periods after grace
  double gain_share = 0;                     ///< gain_share: share of the realised gains paid, in [0, 1]
  std::optional<double> cap = std::nullopt;  ///< gain_share: total paid <= cap × principal; none = no cap
  Residual residual = Residual::forgive;
};

/// One period. principal = payment - interest (negative when unpaid interest
/// is added to the balance); closing = opening + interest - payment >= 0.
struct ScheduleRow {
  int period = 0;  ///< from 1
  int year = 0;    ///< calendar year the period falls in
  double opening = 0, interest = 0, payment = 0, principal = 0, closing = 0;
};

/// total_paid = sum of payments; total_interest = interest charged (paid or
/// added to the balance); forgiven = balance left after the term and not paid
/// (gain_share only). Sum of principal parts = principal - forgiven.
struct LoanSchedule {
  std::vector<ScheduleRow> rows;
  double total_paid = 0, total_interest = 0, forgiven = 0;
};

/// Why `t` cannot be scheduled, or nullopt: principal >= 0 and finite,
/// rate finite and > -1, periods_per_year one of 1, 2, 4, 12, grace >= 0,
/// term >= 1, gain_share in [0, 1], cap >= 0.
std::optional<std::string> check_loan_terms(const LoanTerms& t);

/// The schedule of `t`. `gains(year)` is the realised gains of the listed
/// items in that calendar year (read only by gain_share; may be empty
/// otherwise). Rules, with B the balance and i the period rate:
///   grace periods first: interest = B × i; interest_only pays it, capitalise
///     pays 0 and the interest is added to B. A gain-share loan in
///     interest-only grace pays the interest up to the remaining cap.
///   then `term` repayment periods, n = term, Bg = B at the end of grace:
///   annuity: payment Bg × i / (1 - (1+i)^-n) (Bg / n if i = 0)
///   serial:  principal part Bg / n, payment = that + interest
///   bullet:  payment = interest, the last period also repays B
///   gain_share: payment = min(share × gains(year) / periods_per_year,
///     B + interest, cap × principal - everything paid so far); with
///     residual due the last period pays min(B + interest, remaining cap).
///   After the term the balance left is `forgiven`.
/// The schedule stops when the balance reaches zero; closing balances are
/// never negative (residues below 1e-9 × principal are paid off).
/// The last period of annuity, serial and bullet pays B + interest exactly.
/// Precondition: check_loan_terms(t) passes.
LoanSchedule build_schedule(const LoanTerms& t, const std::function<double(int year)>& gains);

/// Payments summed by calendar year: result[k] = payments falling in year
/// first_year + k, for k in [0, years). Rows outside are left out.
std::vector<double> payments_by_year(const LoanSchedule& s, int first_year, int years);

/// Present values at year index 0 (start_year) of the loan's flows, with
/// df[k] the discount factor of calendar year start_year + k:
///   lender   = -principal × DF(disbursed) + sum over rows payment × DF(year)
///   borrower = -lender
/// Throws std::out_of_range when the disbursement or a row falls outside df
/// (pass factors for every year up to the schedule's last row).
struct LoanPv {
  double lender = 0;
  double borrower = 0;
};
LoanPv loan_pv(const LoanTerms& t, const LoanSchedule& s, int start_year, std::span<const double> df);

}  // namespace gevinst
