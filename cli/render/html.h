// A Document as one self-contained HTML page (docs/cli.md, "report"): inline
// CSS and SVG, no scripts, fonts or other requests, an A4 print stylesheet
// and a layout that reads on a phone.
#pragma once

#include <string>

#include "cli/render/catalogue.h"
#include "cli/render/document.h"

namespace gevinst::cli {

/// The page, in `lang` (the html lang attribute), numbers and words in `st`.
std::string render_html(const Document& d, const Style& st, Language lang);

}  // namespace gevinst::cli
