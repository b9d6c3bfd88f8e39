// Rendering capacity release: JSON (contract keys of cli.md: hours,
// realisable_hours, value, fte, fte_years, years[], staff[], activities[]),
// a manager-readable table, CSV (the year table) and Markdown.
#pragma once

#include <string>

#include "cli/json_util.h"
#include "cli/output.h"
#include "libeval/capacity.h"

namespace gevinst::cli {

Json capacity_json(const CapacityResult& r);
std::string capacity_table(const CapacityResult& r, NumberLocale loc);
std::string capacity_markdown(const CapacityResult& r, NumberLocale loc);
std::string capacity_csv(const CapacityResult& r);

}  // namespace gevinst::cli
