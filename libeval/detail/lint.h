// Internal to the loader: the checks of a loaded case that need compute code
// (yearly flow series, SROI outcome identity, distribution arguments), run by
// the loader's entry point after load_case_document. A stage above compute,
// so that the loading layer (load_*.cpp) includes no compute header.
#pragma once

#include "libeval/detail/load_internal.h"

namespace gevinst {

/// Every check across sections, in order: references and ids, values of
/// every numeric field (and distribution arguments, and the yearly series
/// at base values), low <= high; with opt.lints, the warnings of lint_case.
void check_loaded_case(Reader& r, const YNode* root, Case& c, const LoadOptions& opt);

}  // namespace gevinst
