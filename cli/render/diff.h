// A case diff as a Document (docs/cli.md, "gevinst diff"): the contract
// JSON (inputs[] with path, old, new; results.npv with old, new, change;
// attribution[] with input, npv_change), a headline, the NPV change by
// input, the results and inputs that changed; CSV is the attribution.
#pragma once

#include "cli/render/document.h"
#include "libeval/case_diff.h"

namespace gevinst::cli {

/// The label people read for a result name: "npv.society" -> "NPV, society".
std::string diff_result_label(const std::string& name);

Document diff_document(const CaseDiff& d, NumberLocale loc);

}  // namespace gevinst::cli
