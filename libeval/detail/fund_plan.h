// Internal to fund_simulate.cpp: one case's loans and grants of a fund
// compiled for block evaluation, on the same terms as `simulate`
// (simulate_plan.h): every loan term, every year's realised gains of a
// gain-share loan and every year's grant is a target, a sum of terms over
// the case's varying fields.
#pragma once

#include <string>
#include <vector>

#include "libeval/detail/simulate_plan.h"
#include "libeval/financing.h"
#include "libeval/repayment.h"

namespace gevinst::fundsim {

/// A loan of the fund. The targets hold its principal, rate, gain share and
/// cap per iteration; `gains` is the first of `horizon` targets with the
/// realised gains of its listed items (gain-share only, else -1).
struct LoanPlan {
  const Financing* item = nullptr;
  LoanTerms terms;  ///< the fixed terms (method, disbursed, periods, grace, term, residual)
  int principal = -1, rate = -1, share = -1, cap = -1, gains = -1;
  bool varying = false;  ///< a term depends on a drawn parameter: checked per iteration
};

/// A grant of the fund: `years` is the first of `horizon` targets, the
/// amount paid in each horizon year (share x the listed costs).
struct GrantPlan {
  const Financing* item = nullptr;
  int years = -1;
};

struct CasePlan {
  const Case* c = nullptr;
  sim::Plan plan;  ///< draws, fields and terms; plan.constant has `targets` slots
  int targets = 0;
  int start_year = 0, horizon = 0;
  std::vector<LoanPlan> loans;
  std::vector<GrantPlan> grants;
};

/// Compiles the loans (lender `fund`) and grants (payer `fund`) of `c`
/// under `overrides`. Throws InputError on a bad distribution or
/// inconsistent correlations.
CasePlan build_case_plan(const Case& c, const Overrides& overrides, const std::string& fund);

}  // namespace gevinst::fundsim
