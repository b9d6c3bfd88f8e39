// A business case as a Document: the contract JSON (docs/cli.md, "evaluate"),
// the headline table per perspective, the year table, who pays and who
// gains, notes; CSV is the year table.
#pragma once

#include <string>
#include <vector>

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "libeval/business_case.h"

namespace gevinst::cli {

Json business_case_json(const BusinessCase& bc);
/// {"name", "source", "timing"} of a case's discounting.
Json discounting_json(const DiscountSchedule& s, Timing timing);
/// The financing transfers between parties: year, from, to, source, kind, amount.
Json transfers_json(const std::vector<Transfer>& transfers);
Document business_case_document(const BusinessCase& bc, const Style& st);

/// The document's tables, for reports that arrange them with charts: the
/// headline per perspective, the year table of the selected perspective,
/// who pays and who gains (present values) and each party's net per year.
struct BusinessCaseTables {
  Table headline, years, parties, party_years;
};
BusinessCaseTables business_case_tables(const BusinessCase& bc, const Style& st);

/// "budget", "organisation", "society" in the style's language.
std::string perspective_label(Perspective p, const Style& st);

/// "dk-fm-2021 (3.5 % from year 1, 2.5 % from year 36, 1.5 % from year 71)"
std::string describe_discounting(const DiscountSchedule& s, Timing timing,
                                 NumberLocale loc = NumberLocale::en);

}  // namespace gevinst::cli
