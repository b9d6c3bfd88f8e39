// A rollout ("scale or explain") as a Document: the contract JSON
// (docs/cli.md, "rollout": units[] with verdict, failed_criteria, decision,
// compliant, npv, fte; non_compliant), one row per unit, the drafted
// explanations and the non-compliant units; CSV is one row per unit.
#pragma once

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "libeval/rollout.h"

namespace gevinst::cli {

/// The document in the words and number style of `st` (English by default);
/// the JSON, CSV and JUnit XML stay English.
Document rollout_document(const RolloutResult& r, const Style& st = Style{});

}  // namespace gevinst::cli
