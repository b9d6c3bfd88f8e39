#include "cli/render/html.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/render/svg.h"

namespace gevinst::cli {

namespace {

// Print: A4 with margins, tables and charts kept whole, no page break right
// after a heading. Screen: one readable column; wide tables scroll sideways.
constexpr const char* kStyle = R"(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
p { margin: 0.4rem 0; }
.scroll { overflow-x: auto; margin: 0.6rem 0; }
table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; }
th, td { padding: 0.2rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; text-align: left; }
th { background: #f2f5f8; }
td.num, th.num { text-align: right; white-space: nowrap; }
.strong { font-weight: 700; color: #a00; }
figure { margin: 0.8rem 0; }
figcaption { font-size: 0.9rem; font-weight: 600; margin-bottom: 0.2rem; }
svg { max-width: 100%; height: auto; font-size: 11px; }
svg .grid { stroke: #e4e4e4; stroke-width: 1; }
svg .axis { stroke: #444; stroke-width: 1; }
svg .rule { stroke: #c00; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg .rule-label { fill: #c00; }
svg .tick { fill: #333; }
svg .axis-label { fill: #000; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; font-size: 0.85rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.summary { background: #f2f5f8; padding: 0.6rem 0.8rem; border-left: 4px solid #0072B2; }
@media (max-width: 40rem) { body { padding: 0.5rem; } h1 { font-size: 1.3rem; } table { font-size: 0.78rem; } }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4, figcaption { break-after: avoid; }
  figure, tr, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
  table { font-size: 8pt; }
}
)";

std::string cell_html(const Cell& c, const Style& st) {
  std::string text;
  if (c.kind == Cell::Kind::text || !c.value)
    text = c.text;
  else if (c.kind == Cell::Kind::percent)
    text = st.percent(*c.value, c.decimals);
  else
    text = st.number(*c.value, c.decimals);
  text = html_escape(text);
  return c.strong ? "<span class=\"strong\">" + text + "</span>" : text;
}

std::string table_html(const Table& t, const Style& st) {
  std::string out = "<div class=\"scroll\"><table>\n<thead><tr>";
  for (const auto& col : t.columns)
    out += fmt::format("<th{}>{}</th>", col.align == Align::right ? " class=\"num\"" : "",
                       html_escape(col.header));
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& r : t.rows) {
    out += "<tr>";
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const bool num = t.columns[i].align == Align::right;
      out +=
          fmt::format("<td{}>{}</td>", num ? " class=\"num\"" : "", i < r.size() ? cell_html(r[i], st) : "");
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::string facts_html(const Facts& f) {
  std::string out = "<dl class=\"facts\">\n";
  for (const auto& [label, value] : f.rows)
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", html_escape(label), html_escape(value));
  return out + "</dl>\n";
}

// A text histogram (simulate's) drawn as a bar chart.
Chart as_chart(const BarChart& b) {
  Chart c;
  c.kind = Chart::Kind::bars;
  c.title = b.title;
  c.description = b.title;
  c.labels = b.labels;
  c.series.push_back({b.title, b.values});
  return c;
}

}  // namespace

std::string render_html(const Document& d, const Style& st, Language lang) {
  using K = Block::Kind;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" "
      "content=\"gevinst\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
      lang == Language::da ? "da" : "en", html_escape(d.title), kStyle);
  if (!d.title.empty()) out += "<h1>" + html_escape(d.title) + "</h1>\n";
  int charts = 0;
  for (const Block& b : d.blocks) {
    switch (b.kind) {
      case K::heading: {
        const int level = std::clamp(b.level, 2, 6);
        out += fmt::format("<h{0}>{1}</h{0}>\n", level, html_escape(b.text));
        break;
      }
      case K::line:
      case K::paragraph: out += "<p>" + html_escape(b.text) + "</p>\n"; break;
      case K::table: out += table_html(b.table, st); break;
      case K::facts: out += facts_html(b.facts); break;
      case K::bullets:
        out += "<ul>\n";
        for (const auto& s : b.items) out += "<li>" + html_escape(s) + "</li>\n";
        out += "</ul>\n";
        break;
      case K::outline:
        out += "<ul>\n";
        for (const auto& it : b.outline.items) {
          out +=
              fmt::format("<li>{}: {}",
                          it.strong ? "<strong>" + html_escape(it.lead) + "</strong>" : html_escape(it.lead),
                          html_escape(it.text));
          if (!it.details.empty()) {
            out += "<ul>";
            for (const auto& x : it.details) out += "<li>" + html_escape(x) + "</li>";
            out += "</ul>";
          }
          out += "</li>\n";
        }
        out += "</ul>\n";
        break;
      case K::bars:
      case K::chart: {
        const Chart c = b.kind == K::chart ? b.chart : as_chart(b.bars);
        out += "<figure>\n<figcaption>" + html_escape(c.title) + "</figcaption>\n" +
               render_svg(c, st, ++charts) + "</figure>\n";
        break;
      }
      case K::gap: break;
    }
  }
  return out + "</body>\n</html>\n";
}

}  // namespace gevinst::cli
