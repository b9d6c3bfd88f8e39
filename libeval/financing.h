// Financing and risk sharing (docs/case-format.md, "Financing", "Grants",
// "Loans", "Loan schedules" and "Gain-share"): grants and loans as schedules
// and as transfers between parties.
//
//   FinancingResult f = evaluate_case_financing(c);
//   f.loans[0].schedule.rows   // period by period: opening, interest, payment, principal, closing
//   f.loans[0].years           // the same summed by calendar year
//   f.loans[0].schedule.forgiven, f.loans[0].pv.lender
//   f.transfers                // what evaluate's party view adds (within the horizon)
//
// Conventions (money in the case currency, undiscounted unless named pv):
// - A grant pays `share` × the listed costs of each horizon year, payer to
//   recipient, in the same year. It is never repaid.
// - A loan is disbursed (lender to borrower) in year `disbursed`; period p
//   falls in year disbursed + ceil(p / periods_per_year). `principal:
//   {share, of}` is share × the undiscounted total of the listed costs over
//   the horizon.
// - Gain-share repays from the realised gains of the listed benefits (after
//   their profiles) or capacity activities (their value, monetised or not)
//   under the parameters in force (scenario, --set): a case that realises
//   less repays less, and what is left after the term is forgiven (the
//   lender carries the shortfall). Gains after the case's horizon count as
//   zero; a term that runs past the horizon gets a note.
// - Grace: interest-only is the default; for every method the borrower pays
//   the interest during grace (a gain-share borrower pays it whatever the
//   gains, up to the cap, and it counts towards the cap). `grace_mode:
//   capitalise`, when written, wins for every method, gain-share included:
//   nothing is paid during grace and the interest is added to the balance.
//   (docs/case-format.md, "Gain-share": "during grace the borrower pays the
//   interest" describes the default mode.)
// - Loan flows are nominal (the rate is nominal); with assumptions.inflation
//   they enter the present values (pv) and the transfers deflated, x
//   deflator(year), so real and nominal are not mixed. The schedule, years
//   and payments stay nominal. Grants are shares of the (real) costs and are
//   not deflated.
// - Transfers enter evaluate's party view: the borrower receives the
//   disbursement and pays the instalments; payments after the horizon are
//   reported but not transferred. Transfers net to zero over the parties and
//   never change the case's NPV.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "libeval/flows.h"
#include "libeval/model.h"
#include "libeval/phrase.h"
#include "libeval/repayment.h"

namespace gevinst {

/// Money moving between parties; never changes the case's total NPV.
struct Transfer {
  std::string from, to;  ///< party ids
  std::string source;    ///< financing id
  std::string kind;      ///< "grant", "disbursement", "repayment"
  int year = 0;
  double amount = 0;  ///< money, > 0
};

/// The factor that turns a nominal loan flow of calendar year `year` into the
/// case's prices (docs/case-format.md, "Inflation"):
///   deflator = 1 / (1 + inflation)^t,  t = year - start_year (t = 0 in start_year)
/// e.g. inflation 0.02, start_year 2026: deflator(a, 2028) = 1 / 1.0404.
/// 1 when inflation is 0.
double deflator(const Assumptions& a, int year);

/// Why a loan ended with a balance the lender forgave.
enum class Forgiveness {
  none,         ///< repaid in full (or nothing lent)
  gains_short,  ///< gain-share: the gains did not repay the balance within the term
  cap_reached,  ///< gain-share: payments reached cap × principal with a balance left
};
const char* to_string(Forgiveness);

/// One calendar year of a schedule: its periods summed. opening is the
/// balance before the year's first period, closing after its last;
/// closing = opening + interest - payment.
struct LoanYear {
  int year = 0;
  int first_period = 0, last_period = 0;  ///< periods of the year, from 1
  int grace_periods = 0;                  ///< how many of them are grace periods
  double opening = 0, interest = 0, payment = 0, principal = 0, closing = 0;
  double gains = 0;  ///< gain-share: realised gains of the listed items that year (0 outside the horizon)
  /// gain-share: share × gains × (periods in the year / periods_per_year),
  /// what the borrower pays at most (before interest and cap)
  double offered = 0;
};

/// Sums the rows of `s` by calendar year; periods 1..grace are grace periods.
std::vector<LoanYear> schedule_by_year(const LoanSchedule& s, int grace);

struct LoanResult {
  std::string id, label, lender, borrower;
  std::string lender_label, borrower_label;  ///< party labels (ids when a party has none)
  Financing::Method method = Financing::Method::annuity;
  LoanTerms terms;
  std::vector<std::string> gain_of;  ///< gain-share: the benefit or activity ids repaying the loan
  LoanSchedule schedule;
  std::vector<LoanYear> years;  ///< the schedule by calendar year (gains filled for gain-share)
  LoanPv pv;  ///< lender's and borrower's PV at the case's discounting, to start_year, flows deflated
  std::vector<double> gains;      ///< gain-share: realised gains of the listed items per horizon year
  std::vector<double> payments;   ///< payments per horizon year
  double paid_after_horizon = 0;  ///< payments in rows after the horizon (not in the party view)
  int last_year = 0;              ///< year of the last schedule row (disbursed when there are none)
  Forgiveness forgiven_because = Forgiveness::none;
  std::vector<Phrase> notes;  ///< plain-language observations (term past the horizon, ...)
};

struct GrantResult {
  std::string id, label, payer, recipient;
  std::string payer_label, recipient_label;
  std::vector<std::string> of;  ///< the cost ids co-financed
  double share = 0;
  std::vector<double> base;   ///< the listed costs per horizon year
  std::vector<double> years;  ///< amount per horizon year: share × base
  double total = 0, pv = 0;
};

struct FinancingResult {
  int start_year = 0, horizon = 0;
  std::string currency = "DKK";
  std::vector<LoanResult> loans;
  std::vector<GrantResult> grants;
  std::vector<Transfer> transfers;  ///< within the horizon
};

/// Evaluates every financing item of `c`. `items` are the case's series
/// (case_series), `params` the parameter values, `df` the discount factors
/// of the horizon. Loan schedules may run past the horizon; their PV uses the
/// case's discounting extended beyond it. Throws InputError on terms that
/// cannot be scheduled (a share outside [0, 1] or a rate <= -1 after a
/// scenario or --set, a negative principal).
FinancingResult evaluate_financing(const Case& c, const std::vector<ItemSeries>& items,
                                   std::span<const double> params, std::span<const double> df);

/// The same from the case alone: parameter values with `overrides` (a
/// scenario, --set), the case's series and discount factors, then
/// evaluate_financing.
FinancingResult evaluate_case_financing(const Case& c, const Overrides& overrides = {});

}  // namespace gevinst
