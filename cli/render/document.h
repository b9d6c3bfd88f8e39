// The document model: what every result is turned into once, and what every
// output format renders. A document is a title, blocks (headings, lines,
// facts, tables with typed cells, bullets, charts as data), the result's own
// JSON (the contract keys of docs/cli.md) and the rows a spreadsheet gets.
//
//   Document d = business_case_document(bc, style);
//   std::string out = render(d, Format::md, style);
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cli/render/format.h"
#include "cli/render/json.h"
#include "cli/render/junit.h"
#include "cli/render/provenance.h"

namespace gevinst::cli {

/// A table cell: text as given, or a number the renderer formats (with the
/// locale in tables, exactly in CSV and JSON). A missing number shows `none`.
struct Cell {
  enum class Kind { text, number, percent };
  Kind kind = Kind::text;
  std::string text;  ///< the text of a text cell; shown for a missing number
  std::optional<double> value;
  int decimals = 0;     ///< places shown in tables (a percent: of the percent)
  bool strong = false;  ///< stands out: capitals in text, bold in Markdown

  static Cell of(std::string s) { return Cell{Kind::text, std::move(s), std::nullopt, 0, false}; }
  /// Text that must stand out (a failed check, say).
  static Cell emphasised(std::string s) { return Cell{Kind::text, std::move(s), std::nullopt, 0, true}; }
  /// A number with `decimals` places; "-" (or `none`) when absent or not finite.
  static Cell number(std::optional<double> v, int decimals = 0, std::string none = "-");
  /// A share shown as percent: 0.123 -> "12.3 %".
  static Cell percent(std::optional<double> v, int decimals = 1, std::string none = "-");
};

enum class Align { left, right };

struct Column {
  std::string header;
  Align align = Align::left;
};

/// How CSV writes a number: the shortest text that reads back as the same
/// double, or 15 significant digits.
enum class CsvNumbers { shortest, g15 };

struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  CsvNumbers csv_numbers = CsvNumbers::shortest;

  /// Adds a column; returns *this for chaining.
  Table& column(std::string header, Align a = Align::left) {
    columns.push_back({std::move(header), a});
    return *this;
  }
  void row(std::vector<Cell> cells) { rows.push_back(std::move(cells)); }
};

/// A bar chart as data: one bar per label (a histogram's bins, say). Tables
/// draw it with '#', Markdown leaves it out.
struct BarChart {
  std::string title;
  std::vector<std::string> labels;
  std::vector<double> values;
};

/// A chart as data, drawn as SVG in HTML reports (tables and Markdown leave
/// it out: the numbers are in the tables beside it). `labels` are the
/// categories along the x axis (years, units, parties); each series has one
/// value per label; `rules` are reference lines (a target, zero).
struct Chart {
  enum class Kind {
    line,    ///< one line per series over the labels (years)
    bars,    ///< vertical bars, series side by side
    hbars,   ///< horizontal bars, one row per label (parties, stakeholders)
    ranges,  ///< horizontal bars from series[0] to series[1] (a tornado)
  };
  struct Series {
    std::string name;
    std::vector<double> values;
  };
  struct Rule {
    std::string label;
    double value = 0;
  };
  Kind kind = Kind::line;
  std::string title;        ///< the caption and the SVG <title>
  std::string x_label;      ///< the category axis, e.g. "Year"
  std::string y_label;      ///< the value axis with its unit, e.g. "DKK" or "FTE"
  std::string description;  ///< the text alternative (<desc>): what the chart shows, in words
  std::vector<std::string> labels;
  std::vector<Series> series;
  std::vector<Rule> rules;
};

/// Label-value lines ("FTE freed at full effect   12.3 FTE from 2029"); in
/// Markdown a two-column table headed by `value_header`.
struct Facts {
  std::vector<std::pair<std::string, std::string>> rows;
  std::string value_header = "Result";
  Align value_align = Align::right;
};

/// Items with a lead and details, each detail a line of its own:
///   "  Unit B: fails npv >= 0" / "    - NPV ..." in text,
///   "- **Unit B**: fails npv >= 0" / "  - NPV ..." in Markdown.
struct Outline {
  struct Item {
    std::string lead;
    bool strong = false;  ///< the lead stands out (bold in Markdown)
    std::string text;
    std::vector<std::string> details;
  };
  std::vector<Item> items;
};

/// One block of a document. Spacing between blocks is the renderer's.
struct Block {
  enum class Kind {
    heading,    ///< a section heading
    line,       ///< a line of a paragraph (Markdown: a hard line break)
    paragraph,  ///< a line standing alone (Markdown: no line break mark)
    table,
    facts,
    bullets,  ///< "- item" lines
    outline,
    bars,
    chart,  ///< an SVG chart in HTML; left out of text and Markdown
    gap,    ///< a blank line (one, even after a block that ends in one)
  };
  Kind kind = Kind::paragraph;
  int level = 2;  ///< a heading's level: 2 a section, 3 a part of one
  std::string text;
  std::string short_text;  ///< a heading's shorter form for Markdown (empty: the same)
  Table table;
  Facts facts;
  std::vector<std::string> items;
  BarChart bars;
  Outline outline;
  Chart chart;
};

struct Document {
  std::string title;
  std::vector<Block> blocks;
  Json json;  ///< the result's own JSON (Format::json)
  /// Format::junit: the checks the result holds (one test case per file or
  /// unit); only documents of commands that offer junit set it.
  std::optional<JUnitReport> junit;
  std::vector<Table> csv;  ///< Format::csv: these tables, one after the other
  /// Format::csv with --table summary (evaluate, capacity): the headline
  /// metrics instead of the year table; empty when the result has none.
  std::vector<Table> csv_summary;
  /// Set by the command (it knows the files and options): `provenance` in
  /// JSON, the --set overrides under the title in text and Markdown.
  std::optional<Provenance> provenance;

  void heading(std::string s, std::string short_form = {}) {
    Block& b = add(Block::Kind::heading);
    b.text = std::move(s);
    b.short_text = std::move(short_form);
  }
  void line(std::string s) { add(Block::Kind::line).text = std::move(s); }
  void paragraph(std::string s) { add(Block::Kind::paragraph).text = std::move(s); }
  void gap() { add(Block::Kind::gap); }
  void table(Table t) { add(Block::Kind::table).table = std::move(t); }
  void facts(Facts f) { add(Block::Kind::facts).facts = std::move(f); }
  /// Nothing is added for an empty list.
  void bullets(std::vector<std::string> items) {
    if (!items.empty()) add(Block::Kind::bullets).items = std::move(items);
  }
  void bars(BarChart c) { add(Block::Kind::bars).bars = std::move(c); }
  void chart(Chart c) { add(Block::Kind::chart).chart = std::move(c); }
  /// A heading and its table; nothing at all when the table has no rows.
  void section(std::string title, Table t, std::string short_form = {}) {
    if (t.rows.empty()) return;
    heading(std::move(title), std::move(short_form));
    table(std::move(t));
  }
  /// A heading and its list; nothing at all when the list is empty.
  void section(std::string title, std::vector<std::string> items, std::string short_form = {}) {
    if (items.empty()) return;
    heading(std::move(title), std::move(short_form));
    bullets(std::move(items));
  }
  /// Nothing is added for an empty outline.
  void outline(Outline o) {
    if (!o.items.empty()) add(Block::Kind::outline).outline = std::move(o);
  }

 private:
  Block& add(Block::Kind k) {
    Block b;
    b.kind = k;
    blocks.push_back(std::move(b));
    return blocks.back();
  }
};

}  // namespace gevinst::cli
