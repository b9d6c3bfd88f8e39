// Rendering repayment schedules (gevinst repay CASE) and the fund view
// (gevinst repay --fund ID PATH...): JSON (contract keys of cli.md), tables
// a finance officer can read, CSV and Markdown.
#pragma once

#include <string>

#include "cli/json_util.h"
#include "cli/output.h"
#include "libeval/discounting.h"
#include "libeval/financing.h"
#include "libeval/fund.h"

namespace gevinst::cli {

/// One case's financing with what the report says about the case.
struct RepayReport {
  std::string case_id, title, file, scenario;
  DiscountSchedule discounting;
  Timing timing = Timing::end;
  FinancingResult financing;  ///< possibly narrowed to one item by --loan
};

/// Table and Markdown: `periods` shows every period; otherwise one row per
/// calendar year (the same when periods_per_year is 1).
Json repay_json(const RepayReport& r);
std::string repay_table(const RepayReport& r, NumberLocale loc, bool periods);
std::string repay_markdown(const RepayReport& r, NumberLocale loc, bool periods);
/// Every period of every loan, then every grant year: id, method, period,
/// year, opening, interest, payment, principal, closing (a grant's amount is
/// its payment).
std::string repay_csv(const RepayReport& r);

/// The plain-words risk line of a loan: who carried how much of the
/// principal, and why ("National fund carried 312,000 DKK of the 1,000,000
/// DKK lent because gains fell short: ...").
std::string risk_line(const LoanResult& L, const std::string& currency, NumberLocale loc);

Json fund_json(const FundResult& f, const std::string& scenario);
std::string fund_table(const FundResult& f, const std::string& scenario, NumberLocale loc);
std::string fund_markdown(const FundResult& f, const std::string& scenario, NumberLocale loc);
/// The year table.
std::string fund_csv(const FundResult& f);

}  // namespace gevinst::cli
