// A rollout ("scale or explain") as a Document: the contract JSON
// (docs/cli.md, "rollout": units[] with verdict, failed_criteria, decision,
// compliant, npv, fte; non_compliant), one row per unit, the drafted
// explanations and the non-compliant units; CSV is one row per unit.
#pragma once

#include "cli/render/document.h"
#include "libeval/rollout.h"

namespace gevinst::cli {

Document rollout_document(const RolloutResult& r);

}  // namespace gevinst::cli
