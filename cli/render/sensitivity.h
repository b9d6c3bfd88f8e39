// Sensitivity as a Document: the contract JSON (docs/cli.md, "sensitivity":
// base_npv, scenarios[], parameters[] with low_npv, high_npv, swing,
// break_even), the scenario table, the tornado and break-even values; CSV
// is one row per scenario and per parameter.
#pragma once

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "libeval/sensitivity.h"

namespace gevinst::cli {

Document sensitivity_document(const SensitivityResult& r, Perspective perspective, const Style& st);

}  // namespace gevinst::cli
