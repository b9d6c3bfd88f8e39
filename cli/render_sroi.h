// Rendering SROI: JSON (contract keys of cli.md: ratio, net_ratio, pv_value,
// investment, outcomes[]: id, pv_value; sensitivity), a manager-readable table
// with the impact map, CSV (the year table) and Markdown.
#pragma once

#include <string>

#include "cli/json_util.h"
#include "cli/output.h"
#include "libeval/sroi.h"

namespace gevinst::cli {

Json sroi_json(const SroiResult& r);
std::string sroi_table(const SroiResult& r, NumberLocale loc);
std::string sroi_markdown(const SroiResult& r, NumberLocale loc);
std::string sroi_csv(const SroiResult& r);

}  // namespace gevinst::cli
