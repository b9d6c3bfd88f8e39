// Rendering a Document in any output format. Commands call render(); adding
// a format means adding it to Format and a renderer here, nothing else.
#pragma once

#include <string>

#include "cli/render/document.h"

namespace gevinst::cli {

/// The formats every Document renders in (table first, the default).
const std::vector<Format>& document_formats();

/// The document in `f`: table (aligned text), md, csv (its `csv` tables,
/// numbers unformatted), json (its `json`, pretty-printed). Formats a
/// document cannot give (jsonl, text, github) render as table.
std::string render(const Document& d, Format f, NumberLocale loc = NumberLocale::en);

/// One table as aligned text, as a Markdown table, or as CSV rows.
std::string render_text(const Table& t, NumberLocale loc = NumberLocale::en);
std::string render_markdown(const Table& t, NumberLocale loc = NumberLocale::en);
/// CSV with `--locale da` is what a Danish spreadsheet reads: fields
/// separated by ';' and numbers with a decimal comma (docs/cli.md, "CSV").
std::string render_csv(const Table& t, bool header = true, NumberLocale loc = NumberLocale::en);

/// The field separator of CSV in a locale: ',' (en) or ';' (da).
char csv_separator(NumberLocale loc);

/// CSV field quoting per RFC 4180, and a whole row ending in "\n".
std::string csv_field(std::string_view s, char sep = ',');
std::string csv_row(const std::vector<std::string>& fields, char sep = ',');

/// A number for CSV and JSON-lines: the shortest text that reads back as the
/// same double (with a decimal comma for da); empty when missing or not finite.
std::string exact_number(const std::optional<double>& v, NumberLocale loc = NumberLocale::en);

/// The end of a streamed record run in table or md (batch, track): the
/// records' table, each record's error (a bullet list in md), then the
/// totals line.
std::string render_records_end(const Table& records, const std::vector<std::string>& errors,
                               const std::string& totals, Format f, NumberLocale loc);

}  // namespace gevinst::cli
