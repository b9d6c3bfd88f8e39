// The fund view (gevinst repay --fund ID PATH...): one lender across many
// case files. Per calendar year what the fund disburses, grants, is repaid
// and forgives, the balance outstanding and its cumulative cash, so a
// revolving pool can be planned: how much capital it needs and when
// repayments have refilled it.
//
//   std::vector<FundCase> cases = {{"a.yaml", "case-a", "DKK", financing_a},
//                                  {"b.yaml", "case-b", "DKK", financing_b}};
//   FundResult f = evaluate_fund(cases, "fund");
//   f.capital_needed        // money the pool must hold: -min(cumulative cash, 0)
//   f.years[k].balance      // principal and capitalised interest outstanding at the end of the year
//
// Money is undiscounted, in the cases' currency, by calendar year (cases may
// start in different years). Loans whose lender is another party and grants
// paid by another party are left out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "libeval/financing.h"
#include "libeval/phrase.h"

namespace gevinst {

/// One case's financing, evaluated (evaluate_case_financing).
struct FundCase {
  std::string file, case_id, currency;
  FinancingResult financing;
};

/// One calendar year of the fund. With B the balance outstanding:
///   B(y) = B(y-1) + disbursed + interest - repaid - forgiven
///   net_cash = repaid - disbursed - granted
///   cumulative_cash(y) = cumulative_cash(y-1) + net_cash(y)
struct FundYear {
  int year = 0;
  double disbursed = 0;  ///< loans paid out this year
  double granted = 0;    ///< grants paid this year (never repaid)
  double repaid = 0;     ///< instalments received (interest and principal)
  double interest = 0;   ///< interest charged (paid or added to balances)
  double forgiven = 0;   ///< balances written off after their term ended this year
  double balance = 0;    ///< owed to the fund at the end of the year
  double net_cash = 0;
  double cumulative_cash = 0;
};

/// A loan of the fund in one case.
struct FundLoan {
  std::string file, case_id, id, label, borrower, borrower_label;
  Financing::Method method = Financing::Method::annuity;
  double principal = 0, rate = 0;
  int disbursed = 0, last_year = 0;
  double total_paid = 0, total_interest = 0, forgiven = 0;
  Forgiveness forgiven_because = Forgiveness::none;
  double lender_pv = 0;  ///< under the case's discounting, to the case's start_year
};

/// A grant the fund pays in one case.
struct FundGrant {
  std::string file, case_id, id, label, recipient, recipient_label;
  double total = 0;
  int first_year = 0, last_year = 0;  ///< years with a non-zero amount (0 when none)
};

/// Per case file: its loans and grants from the fund, summed.
struct FundCaseRow {
  std::string file, case_id;
  int loans = 0, grants = 0;
  double disbursed = 0, granted = 0, repaid = 0, forgiven = 0;
};

struct FundResult {
  std::string fund, currency;
  std::string label;            ///< the fund's party label in the first case that names it (may equal the id)
  int files = 0;                ///< case files read
  std::vector<FundYear> years;  ///< first to last year with a flow, consecutive
  std::vector<FundLoan> loans;
  std::vector<FundGrant> grants;
  std::vector<FundCaseRow> cases;  ///< cases with at least one loan or grant of the fund
  double disbursed = 0, granted = 0, repaid = 0, interest = 0, forgiven = 0;  ///< totals over the years
  double capital_needed = 0;               ///< -min(0, lowest cumulative cash)
  std::optional<int> capital_needed_year;  ///< year of the lowest cumulative cash (first, when tied)
  std::optional<int> refilled_year;  ///< first year after the lowest in which cumulative cash is >= 0 again
  std::vector<Phrase> notes;         ///< plain-language observations
};

/// The fund view of `fund` (a party id) over `cases`. Throws InputError when
/// no loan or grant of any case has `fund` as lender or payer (the message
/// lists the lenders and grant payers that exist), or when the cases with
/// such items use different currencies.
FundResult evaluate_fund(const std::vector<FundCase>& cases, const std::string& fund);

}  // namespace gevinst
