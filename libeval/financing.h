// Financing and risk sharing (spec section 9): grants and loans as
// schedules and as transfers between parties.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "libeval/flows.h"
#include "libeval/model.h"
#include "libeval/repayment.h"

namespace gevinst {

/// Money moving between parties; never changes the case's total NPV.
struct Transfer {
  std::string from, to;  ///< party ids
  std::string source;    ///< financing id
  std::string kind;      ///< "grant", "disbursement", "repayment"
  int year = 0;
  double amount = 0;     ///< money, > 0
};

struct LoanResult {
  std::string id, label, lender, borrower;
  Financing::Method method = Financing::Method::annuity;
  LoanTerms terms;
  LoanSchedule schedule;
  LoanPv pv;                        ///< lender's and borrower's PV at the case's discounting
  std::vector<double> gains;        ///< gain-share: realised gains of the listed items per horizon year
  std::vector<double> payments;     ///< payments per horizon year
  double paid_after_horizon = 0;    ///< payments in rows after the horizon (not in the party view)
};

struct GrantResult {
  std::string id, label, payer, recipient;
  double share = 0;
  std::vector<double> years;  ///< amount per horizon year
  double total = 0, pv = 0;
};

struct FinancingResult {
  std::vector<LoanResult> loans;
  std::vector<GrantResult> grants;
  std::vector<Transfer> transfers;  ///< within the horizon
};

/// Evaluates every financing item of `c`. `items` are the case's series
/// (case_series), `df` the discount factors of the horizon. Loan schedules
/// may run past the horizon; their PV uses the schedule's rate steps
/// extended beyond it. Throws InputError on impossible terms.
FinancingResult evaluate_financing(const Case& c, const std::vector<ItemSeries>& items,
                                   std::span<const double> params, std::span<const double> df);

}  // namespace gevinst
