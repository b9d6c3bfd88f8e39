// Rendering a business case: JSON (contract keys of cli.md), a one-screen
// table, CSV (the year table) and Markdown.
#pragma once

#include <string>

#include "cli/json_util.h"
#include "cli/output.h"
#include "libeval/business_case.h"

namespace gevinst::cli {

Json business_case_json(const BusinessCase& bc);
std::string business_case_table(const BusinessCase& bc, NumberLocale loc);
std::string business_case_markdown(const BusinessCase& bc, NumberLocale loc);
std::string business_case_csv(const BusinessCase& bc);

/// "dk-fm-2021 (3.5 % from year 1, 2.5 % from year 36, 1.5 % from year 71)"
std::string describe_discounting(const DiscountSchedule& s, Timing timing,
                                 NumberLocale loc = NumberLocale::en);

}  // namespace gevinst::cli
