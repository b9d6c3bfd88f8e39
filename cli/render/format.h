// Output formats and number style: the one list of formats, and the one
// place numbers become text for people (tables, Markdown, sentences).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gevinst::cli {

/// Every output format. A command offers the subset it can produce; the
/// renderers in cli/render/ produce them all from one Document.
enum class Format {
  table,   ///< aligned text for a terminal (validate calls it text)
  json,    ///< the result's own JSON document
  csv,     ///< rows for a spreadsheet, numbers unformatted
  md,      ///< Markdown: headings and tables, for a pull request or wiki
  jsonl,   ///< one JSON record per line (streaming commands)
  text,    ///< validate's FILE:LINE:COLUMN lines
  github,  ///< GitHub Actions workflow commands (annotations)
  junit,   ///< JUnit XML: one test case per file or unit (validate, batch, rollout)
};

/// The name on the command line ("table", "json", ...).
const char* to_string(Format f);
/// Parses a name; nullopt when it names no format.
std::optional<Format> parse_format(std::string_view name);

enum class NumberLocale { en, da };

/// The language of labels, headings and sentences (--lang; see catalogue.h).
enum class Language { en, da };

/// 1234567.891 -> "1,234,568" (en) or "1.234.568" (da), with `decimals` places;
/// "-" when not finite; never "-0".
std::string format_number(double v, int decimals = 0, NumberLocale loc = NumberLocale::en);
/// A share as percent: 0.1234 -> "12.3 %" (en) / "12,3 %" (da).
std::string format_percent(double v, int decimals = 1, NumberLocale loc = NumberLocale::en);

/// Columns a string takes on a terminal: one per UTF-8 code point.
size_t display_width(std::string_view s);

}  // namespace gevinst::cli
