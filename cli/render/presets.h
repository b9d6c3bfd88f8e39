// The shipped presets as a Document: kind, name, label and source of each.
#pragma once

#include <vector>

#include "cli/render/document.h"
#include "libeval/presets.h"

namespace gevinst::cli {

Document presets_document(const std::vector<PresetInfo>& presets);

}  // namespace gevinst::cli
