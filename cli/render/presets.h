// The shipped presets as a Document: kind, name, label and source of each.
#pragma once

#include <vector>

#include "cli/render/document.h"
#include "libeval/presets.h"

namespace gevinst::cli {

Document presets_document(const std::vector<PresetInfo>& presets);

/// One preset with its contents: a discounting schedule's steps, the hours
/// per FTE, a staff group's hour cost, or a unit set's units and populations.
Document preset_document(const PresetInfo& preset);

}  // namespace gevinst::cli
