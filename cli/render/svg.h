// Charts as SVG (cli/render/document.h, Chart): inline, self-contained,
// with axis labels, units, a legend and a text alternative (<title> and
// <desc>, role="img"), scaled to the width of the page.
#pragma once

#include <string>
#include <string_view>

#include "cli/render/catalogue.h"
#include "cli/render/document.h"

namespace gevinst::cli {

/// `id` makes the chart's element ids unique within a page.
std::string render_svg(const Chart& c, const Style& st, int id);

/// Text for HTML and SVG: & < > " escaped.
std::string html_escape(std::string_view s);

}  // namespace gevinst::cli
