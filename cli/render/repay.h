// Repayment schedules (one case) and the fund view (one lender across cases)
// as Documents: JSON (docs/cli.md, "repay"), tables a finance officer can
// read; CSV is every period of every loan and grant, or the fund's years.
#pragma once

#include <string>

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
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

Json repay_json(const RepayReport& r);
/// Tables: `periods` shows every period; otherwise one row per calendar year
/// (the same when periods_per_year is 1). CSV: every period of every loan,
/// then every grant year: id, method, period, year, opening, interest,
/// payment, principal, closing (a grant's amount is its payment).
Document repay_document(const RepayReport& r, const Style& st, bool periods);

/// The plain-words risk line of a loan: who carried how much of the
/// principal, and why ("National fund carried 312,000 DKK of the 1,000,000
/// DKK lent because gains fell short: ..."); in English for the JSON.
std::string risk_line(const LoanResult& L, const std::string& currency, const Style& st = {});

Json fund_json(const FundResult& f, const std::string& scenario);
/// CSV: the year table.
Document fund_document(const FundResult& f, const std::string& scenario, const Style& st);

}  // namespace gevinst::cli
