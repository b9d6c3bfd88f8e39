#include "cli/render/render.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/render/junit.h"

namespace gevinst::cli {

Cell Cell::number(std::optional<double> v, int decimals, std::string none) {
  if (v && !std::isfinite(*v)) v.reset();
  return Cell{Kind::number, std::move(none), v, decimals};
}

Cell Cell::percent(std::optional<double> v, int decimals, std::string none) {
  if (v && !std::isfinite(*v)) v.reset();
  return Cell{Kind::percent, std::move(none), v, decimals};
}

namespace {

// ASCII and the Latin-1 letters in UTF-8 (æ, ø, å, é ... : C3 A0-BE but
// not the division sign C3 B7, whose capitals are 0x20 below): "BESTÅET".
std::string upper(std::string s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto ch = static_cast<unsigned char>(s[i]);
    if (ch >= 'a' && ch <= 'z') {
      s[i] = static_cast<char>(ch - 'a' + 'A');
    } else if (ch == 0xC3 && i + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0xA0 && next <= 0xBE && next != 0xB7) s[i + 1] = static_cast<char>(next - 0x20);
      ++i;
    }
  }
  return s;
}

std::string shown(const Cell& c, NumberLocale loc) {
  if (c.kind == Cell::Kind::text || !c.value) return c.strong ? upper(c.text) : c.text;
  if (c.kind == Cell::Kind::percent) return format_percent(*c.value, c.decimals, loc);
  return format_number(*c.value, c.decimals, loc);
}

// A number in CSV: exact (shortest round-trip, or 15 significant digits),
// with a decimal comma for Danish spreadsheets.
std::string csv_number(double v, CsvNumbers style, NumberLocale loc) {
  std::string s = style == CsvNumbers::g15 ? fmt::format("{:.15g}", v) : fmt::format("{}", v);
  if (loc == NumberLocale::da) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string exact(const Cell& c, CsvNumbers style, NumberLocale loc) {
  if (c.kind == Cell::Kind::text) return c.text;
  if (!c.value) return {};
  return csv_number(*c.value, style, loc);
}

// The cells as shown; `md` marks strong cells with ** instead of capitals.
std::vector<std::vector<std::string>> shown_rows(const Table& t, NumberLocale loc, bool md = false) {
  std::vector<std::vector<std::string>> out;
  out.reserve(t.rows.size());
  for (const auto& r : t.rows) {
    std::vector<std::string> row;
    row.reserve(r.size());
    for (const auto& c : r) row.push_back(md && c.strong ? "**" + c.text + "**" : shown(c, loc));
    out.push_back(std::move(row));
  }
  return out;
}

bool right(const Table& t, size_t i) { return i < t.columns.size() && t.columns[i].align == Align::right; }

std::string md_escape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '|') o.push_back('\\');
    o.push_back(c);
  }
  return o;
}

std::string facts_text(const Facts& f) {
  size_t w = 0;
  for (const auto& [label, value] : f.rows) w = std::max(w, display_width(label));
  std::string out;
  for (const auto& [label, value] : f.rows) {
    out += label;
    out.append(w - display_width(label) + 2, ' ');
    out += value;
    out += '\n';
  }
  return out;
}

Table facts_table(const Facts& f) {
  Table t;
  t.column("").column(f.value_header, f.value_align);
  for (const auto& [label, value] : f.rows) t.row({Cell::of(label), Cell::of(value)});
  return t;
}

std::string bars_text(const BarChart& c, NumberLocale loc) {
  std::string out = "\n" + c.title + "\n";
  double peak = 1;
  for (double v : c.values) peak = std::max(peak, v);
  for (size_t i = 0; i < c.labels.size() && i < c.values.size(); ++i) {
    auto bar = static_cast<size_t>(std::lround(40.0 * c.values[i] / peak));
    out += fmt::format("{:>16} | {}\n", c.labels[i], std::string(bar, '#'));
  }
  (void)loc;
  return out;
}

// A gap is one blank line, never two: none is added where one ends the output.
void ensure_blank_line(std::string& out) {
  if (!(out.size() >= 2 && out.compare(out.size() - 2, 2, "\n\n") == 0)) out += '\n';
}

// Aligned text. Blank lines separate a table from the lines around it.
std::string document_text(const Document& d, NumberLocale loc) {
  using K = Block::Kind;
  std::string out;
  if (!d.title.empty()) out += d.title + "\n";
  K prev = K::heading;
  bool first = !d.title.empty();  // a table right under the title gets a blank line
  for (const Block& b : d.blocks) {
    const bool after_text = prev == K::line || prev == K::paragraph || first;
    const bool after_table = prev == K::table || prev == K::facts || prev == K::outline;
    first = false;
    switch (b.kind) {
      case K::heading: out += "\n" + b.text + "\n"; break;
      case K::line:
      case K::paragraph:
        if (after_table) out += '\n';
        out += b.text;
        out += '\n';
        break;
      case K::table:
      case K::facts:
        if (after_text || after_table) out += '\n';
        out += b.kind == K::table ? render_text(b.table, loc) : facts_text(b.facts);
        break;
      case K::bullets:
        for (const auto& s : b.items) out += "- " + s + "\n";
        break;
      case K::outline:
        for (const auto& it : b.outline.items) {
          out += fmt::format("  {}: {}\n", it.lead, it.text);
          for (const auto& x : it.details) out += "    - " + x + "\n";
        }
        break;
      case K::bars: out += bars_text(b.bars, loc); break;
      case K::chart: break;  // the numbers are in the tables beside it
      case K::gap: ensure_blank_line(out); break;
    }
    prev = b.kind;
  }
  return out;
}

std::string document_markdown(const Document& d, NumberLocale loc) {
  using K = Block::Kind;
  std::string out;
  if (!d.title.empty()) out += "## " + d.title + "\n\n";
  K prev = K::heading;
  for (const Block& b : d.blocks) {
    const bool after_text = prev == K::line || prev == K::paragraph;
    const bool after_list = prev == K::table || prev == K::facts || prev == K::bullets || prev == K::outline;
    switch (b.kind) {
      case K::heading:
        out += '\n';
        out.append(static_cast<size_t>(std::max(b.level, 1)) + 1, '#');
        out += ' ';
        out += b.short_text.empty() ? b.text : b.short_text;
        out += "\n\n";
        break;
      case K::line:
        if (after_list) out += '\n';
        out += b.text;
        out += "  \n";
        break;
      case K::paragraph:
        if (after_list) out += '\n';
        out += b.text;
        out += '\n';
        break;
      case K::table:
      case K::facts:
        if (after_text || prev == K::table || prev == K::facts) out += '\n';
        out += render_markdown(b.kind == K::table ? b.table : facts_table(b.facts), loc);
        break;
      case K::bullets:
        if (prev != K::heading && prev != K::gap) out += '\n';
        for (const auto& s : b.items) out += "- " + s + "\n";
        break;
      case K::outline:
        if (prev != K::heading && prev != K::gap) out += '\n';
        for (const auto& it : b.outline.items) {
          out += fmt::format("- {}: {}\n", it.strong ? "**" + it.lead + "**" : it.lead, it.text);
          for (const auto& x : it.details) out += "  - " + x + "\n";
        }
        break;
      case K::bars:
      case K::chart: break;  // charts are for tables and reports
      case K::gap: ensure_blank_line(out); break;
    }
    prev = b.kind;
  }
  return out;
}

}  // namespace

std::string render_text(const Table& t, NumberLocale loc) {
  const size_t cols = t.columns.size();
  auto rows = shown_rows(t, loc);
  std::vector<size_t> width(cols, 0);
  for (size_t i = 0; i < cols; ++i) width[i] = display_width(t.columns[i].header);
  for (const auto& r : rows)
    for (size_t i = 0; i < cols && i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  auto line = [&](const auto& cell_at) {
    std::string out;
    for (size_t i = 0; i < cols; ++i) {
      const std::string& cell = cell_at(i);
      size_t pad = width[i] - display_width(cell);
      if (i) out += "  ";
      if (right(t, i))
        out += std::string(pad, ' ') + cell;
      else
        out += cell + (i + 1 < cols ? std::string(pad, ' ') : "");
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  static const std::string empty;
  std::string out = line([&](size_t i) -> const std::string& { return t.columns[i].header; });
  std::string rule;
  for (size_t i = 0; i < cols; ++i) rule += (i ? "  " : "") + std::string(width[i], '-');
  out += rule + "\n";
  for (const auto& r : rows)
    out += line([&](size_t i) -> const std::string& { return i < r.size() ? r[i] : empty; });
  return out;
}

std::string render_markdown(const Table& t, NumberLocale loc) {
  std::string out = "|";
  for (const auto& c : t.columns) out += fmt::format(" {} |", md_escape(c.header));
  out += "\n|";
  for (size_t i = 0; i < t.columns.size(); ++i) out += right(t, i) ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& r : shown_rows(t, loc, true)) {
    out += "|";
    for (size_t i = 0; i < t.columns.size(); ++i)
      out += fmt::format(" {} |", md_escape(i < r.size() ? r[i] : ""));
    out += "\n";
  }
  return out;
}

std::string render_csv(const Table& t, bool header, NumberLocale loc) {
  std::string out;
  const char sep = csv_separator(loc);
  if (header) {
    std::vector<std::string> h;
    for (const auto& c : t.columns) h.push_back(c.header);
    out += csv_row(h, sep);
  }
  for (const auto& r : t.rows) {
    std::vector<std::string> row;
    row.reserve(r.size());
    for (const auto& c : r) row.push_back(exact(c, t.csv_numbers, loc));
    out += csv_row(row, sep);
  }
  return out;
}

char csv_separator(NumberLocale loc) { return loc == NumberLocale::da ? ';' : ','; }

std::string csv_field(std::string_view s, char sep) {
  const char special[] = {sep, '"', '\n', '\r', '\0'};
  if (s.find_first_of(special) == std::string_view::npos) return std::string(s);
  std::string o = "\"";
  for (char c : s) {
    if (c == '"') o.push_back('"');
    o.push_back(c);
  }
  o.push_back('"');
  return o;
}

std::string csv_row(const std::vector<std::string>& fields, char sep) {
  std::string o;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) o.push_back(sep);
    o.append(csv_field(fields[i], sep));
  }
  o.push_back('\n');
  return o;
}

std::string exact_number(const std::optional<double>& v, NumberLocale loc) {
  return v && std::isfinite(*v) ? csv_number(*v, CsvNumbers::shortest, loc) : std::string();
}

const std::vector<Format>& document_formats() {
  static const std::vector<Format> formats = {Format::table, Format::json, Format::csv, Format::md};
  return formats;
}

namespace {

// The document with the --set overrides named under its title: after the
// first paragraph (the line that names the scenario), else first.
Document with_overrides(const Document& d) {
  Document out = d;
  Block line;
  line.kind = Block::Kind::paragraph;
  line.text = overrides_line(*d.provenance);
  auto at = std::find_if(out.blocks.begin(), out.blocks.end(),
                         [](const Block& b) { return b.kind == Block::Kind::paragraph; });
  out.blocks.insert(at == out.blocks.end() ? out.blocks.begin() : at + 1, std::move(line));
  out.provenance.reset();  // named now; text and Markdown show nothing else of it
  return out;
}

}  // namespace

std::string render(const Document& d, Format f, NumberLocale loc) {
  const bool overridden = d.provenance && !d.provenance->overrides.empty();
  if (overridden && (f == Format::md || f == Format::table || f == Format::text))
    return render(with_overrides(d), f, loc);
  switch (f) {
    case Format::json:
      if (d.provenance && d.json.is_object()) {
        Json j = d.json;
        j["provenance"] = provenance_json(*d.provenance);
        return dump(j, 2) + "\n";
      }
      return dump(d.json, 2) + "\n";
    case Format::csv: {
      std::string out;
      for (const auto& t : d.csv) out += render_csv(t, true, loc);
      return out;
    }
    case Format::md: return document_markdown(d, loc);
    case Format::junit:
      if (d.junit) return render_junit(*d.junit);
      return document_text(d, loc);
    default: return document_text(d, loc);
  }
}

std::string render_records_end(const Table& records, const std::vector<std::string>& errors,
                               const std::string& totals, Format f, NumberLocale loc) {
  Document d;
  d.table(records);
  if (!errors.empty()) {
    d.gap();
    if (f == Format::md)
      d.bullets(errors);
    else
      for (const auto& e : errors) d.line(e);
    d.gap();
  }
  d.paragraph(totals);
  return render(d, f, loc);
}

}  // namespace gevinst::cli
