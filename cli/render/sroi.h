// SROI as a Document: the contract JSON (docs/cli.md, "sroi": ratio,
// net_ratio, pv_value, investment, outcomes[], sensitivity), the headline,
// impact map, stakeholders, years and the ratio's sensitivity; CSV is the
// year table.
#pragma once

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "libeval/sroi.h"

namespace gevinst::cli {

Json sroi_json(const SroiResult& r);
Document sroi_document(const SroiResult& r, const Style& st);

}  // namespace gevinst::cli
