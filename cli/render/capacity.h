// Capacity release as a Document: the contract JSON (docs/cli.md, "capacity":
// hours, realisable_hours, value, fte, fte_years, years[], staff[],
// activities[]), a manager-readable summary and tables; CSV is the year table.
#pragma once

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "libeval/capacity.h"

namespace gevinst::cli {

Json capacity_json(const CapacityResult& r);
Document capacity_document(const CapacityResult& r, const Style& st);

}  // namespace gevinst::cli
