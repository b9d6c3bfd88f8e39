// Reports: the HTML page is self-contained and charts carry their text
// alternative; criteria thresholds for rollout charts.
#include <doctest/doctest.h>

#include "cli/render/html.h"
#include "cli/render/render.h"
#include "cli/render/report_charts.h"
#include "cli/render/svg.h"

using namespace gevinst::cli;

namespace {

Document sample() {
  Document d;
  d.title = "A & B <case>";
  d.heading("Costs");
  d.paragraph("Net 1 < 2");
  Table t;
  t.column("Year").column("Net", Align::right);
  t.row({Cell::of("2026"), Cell::number(-1234567.4, 0)});
  d.table(t);
  Chart c;
  c.kind = Chart::Kind::line;
  c.title = "Cumulative net";
  c.description = "Line chart over 2 years";
  c.x_label = "Year";
  c.y_label = "DKK";
  c.labels = {"2026", "2027"};
  c.series = {{"Net", {-2.5e6, 3e6}}};
  c.rules = {{"0", 0}};
  d.chart(c);
  return d;
}

}  // namespace

TEST_CASE("render_html: one page, escaped text, numbers in the locale, no requests") {
  std::string html = render_html(sample(), Style{NumberLocale::da}, Language::da);
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"da\">"));
  CHECK(html.find("<h1>A &amp; B &lt;case&gt;</h1>") != std::string::npos);
  CHECK(html.find("<p>Net 1 &lt; 2</p>") != std::string::npos);
  CHECK(html.find("<td class=\"num\">-1.234.567</td>") != std::string::npos);
  CHECK(html.find("@page { size: A4") != std::string::npos);
  for (const char* remote : {"http://", "https://", "src=", "href=", "url(", "@import", "<script"}) {
    CAPTURE(remote);
    CHECK(html.find(remote) == std::string::npos);
  }
}

TEST_CASE("render_svg: title, description, axis labels and a scaled unit") {
  Chart c = sample().blocks.back().chart;
  std::string svg = render_svg(c, Style{}, 3);
  CHECK(svg.find("role=\"img\" aria-labelledby=\"chart3-title chart3-desc\"") != std::string::npos);
  CHECK(svg.find("<title id=\"chart3-title\">Cumulative net</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"chart3-desc\">Line chart over 2 years</desc>") != std::string::npos);
  CHECK(svg.find(">Year</text>") != std::string::npos);
  // Values in millions: the axis says so. Ticks by hand: the span -2.5e6 .. 3e6
  // over five ticks is 1.1e6 a step, rounded up to 2e6 (steps 1, 2, 5 x 10^k),
  // so the axis runs -4 .. 4 million: -4, -2, 0, 2, 4.
  CHECK(svg.find(">million DKK</text>") != std::string::npos);
  for (const char* tick : {">-4</text>", ">-2</text>", ">0</text>", ">2</text>", ">4</text>"}) {
    CAPTURE(tick);
    CHECK(svg.find(tick) != std::string::npos);
  }
  CHECK(svg.find(">6</text>") == std::string::npos);
  CHECK(svg.ends_with("</svg>\n"));
}

TEST_CASE("Markdown leaves charts out and nests headings by level") {
  Document d = sample();
  d.heading("Part", "");
  d.blocks.back().level = 3;
  std::string md = render(d, Format::md);
  CHECK(md.find("<svg") == std::string::npos);
  CHECK(md.find("\n### Costs\n") != std::string::npos);
  CHECK(md.find("\n#### Part\n") != std::string::npos);
}

TEST_CASE("criterion_threshold: NAME OP NUMBER") {
  CHECK(criterion_threshold("npv >= 0", "npv") == 0.0);
  CHECK(criterion_threshold("fte>=2.5", "fte") == 2.5);
  CHECK(criterion_threshold("npv > -1000", "npv") == -1000.0);
  CHECK_FALSE(criterion_threshold("npv >= 0", "fte"));
  CHECK_FALSE(criterion_threshold("npv >= 0 and fte > 1", "npv"));
  CHECK_FALSE(criterion_threshold("payback_years <= 4", "npv"));
}
