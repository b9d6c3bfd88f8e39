// The document model and its renderers: one Document, every format.
#include "cli/render/render.h"

#include <doctest/doctest.h>

using namespace gevinst::cli;

namespace {

Table small_table() {
  Table t;
  t.column("Year", Align::right).column("Party").column("NPV", Align::right);
  t.row({Cell::of("2026"), Cell::of("Region Nordjylland"), Cell::number(-1234567.891)});
  t.row({Cell::of("2027"), Cell::of("Kommune"), Cell::number(std::nullopt)});
  return t;
}

}  // namespace

TEST_CASE("format names: every Format round-trips through its name") {
  for (Format f :
       {Format::table, Format::json, Format::csv, Format::md, Format::jsonl, Format::text, Format::github})
    CHECK(parse_format(to_string(f)) == f);
  CHECK_FALSE(parse_format("xml"));
  CHECK_FALSE(parse_format(""));
}

TEST_CASE("format_number: grouping and decimals per locale, no negative zero") {
  CHECK(format_number(1234567.891) == "1,234,568");
  CHECK(format_number(1234567.891, 2, NumberLocale::da) == "1.234.567,89");
  CHECK(format_number(-0.004, 2) == "0.00");
  CHECK(format_number(-1500) == "-1,500");
  CHECK(format_number(std::nan("")) == "-");
  CHECK(format_percent(0.1234) == "12.3 %");
  CHECK(format_percent(0.1234, 1, NumberLocale::da) == "12,3 %");
}

TEST_CASE("display_width: code points, not bytes") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("årsværk") == 7);
  CHECK(display_width("2026–2035") == 9);
}

TEST_CASE("render_text: columns aligned by display width, numbers in the locale") {
  Table t = small_table();
  t.row({Cell::of("2028"), Cell::of("Ærø"), Cell::percent(0.5)});
  CHECK(render_text(t) ==
        "Year  Party                      NPV\n"
        "----  ------------------  ----------\n"
        "2026  Region Nordjylland  -1,234,568\n"
        "2027  Kommune                      -\n"
        "2028  Ærø                     50.0 %\n");
  CHECK(render_text(small_table(), NumberLocale::da).find("-1.234.568") != std::string::npos);
}

TEST_CASE("render_markdown: escaped pipes, alignment row, strong cells in bold") {
  Table t;
  t.column("Unit").column("Compliance");
  t.row({Cell::of("A|B"), Cell::emphasised("non-compliant")});
  CHECK(render_markdown(t) ==
        "| Unit | Compliance |\n"
        "| --- | --- |\n"
        "| A\\|B | **non-compliant** |\n");
  // The same cell in text stands out in capitals.
  CHECK(render_text(t).find("NON-COMPLIANT") != std::string::npos);
}

TEST_CASE("render_csv: exact numbers, RFC 4180 quoting, empty for a missing value") {
  Table t = small_table();
  CHECK(render_csv(t) ==
        "Year,Party,NPV\n"
        "2026,Region Nordjylland,-1234567.891\n"
        "2027,Kommune,\n");
  t.csv_numbers = CsvNumbers::g15;
  t.rows = {{Cell::of("x,\"y\""), Cell::of("a\nb"), Cell::number(0.1 + 0.2)}};
  CHECK(render_csv(t, false) == "\"x,\"\"y\"\"\",\"a\nb\",0.3\n");
  t.csv_numbers = CsvNumbers::shortest;
  CHECK(render_csv(t, false) == "\"x,\"\"y\"\"\",\"a\nb\",0.30000000000000004\n");
}

TEST_CASE("render: text spacing between title, lines, tables, headings and bullets") {
  Document d;
  d.title = "Case (id)";
  d.paragraph("DKK 2026");
  d.table(small_table());
  d.heading("Notes");
  d.bullets({"first", "second"});
  d.bullets({});  // an empty list adds nothing
  CHECK(render(d, Format::table) ==
        "Case (id)\n"
        "DKK 2026\n"
        "\n" +
            render_text(small_table()) +
            "\n"
            "Notes\n"
            "- first\n"
            "- second\n");
}

TEST_CASE("render: Markdown headings, paragraphs and hard line breaks") {
  Document d;
  d.title = "Case (id)";
  d.line("first line");
  d.line("second line");
  d.table(small_table());
  d.heading("Who pays and who gains (present values)", "Who pays and who gains");
  d.paragraph("plain");
  CHECK(render(d, Format::md) ==
        "## Case (id)\n"
        "\n"
        "first line  \n"
        "second line  \n"
        "\n" +
            render_markdown(small_table()) +
            "\n"
            "### Who pays and who gains\n"
            "\n"
            "plain\n");
}

TEST_CASE("render: a gap is one blank line, never two") {
  Document d;
  d.title = "Title";
  d.gap();
  d.paragraph("text");
  CHECK(render(d, Format::table) == "Title\n\ntext\n");
  CHECK(render(d, Format::md) == "## Title\n\ntext\n");
}

TEST_CASE("render: facts, outlines and bar charts") {
  Document d;
  Facts f;
  f.rows = {{"FTE", "12.3"}, {"Hours freed", "20,000"}};
  d.facts(f);
  Outline o;
  o.items.push_back({"Unit B", true, "fails npv >= 0", {"breaks even at 1,000 patients"}});
  d.heading("Explain:", "Explain");
  d.outline(o);
  d.bars({"Distribution", {"-1", "1"}, {1, 2}});
  std::string text = render(d, Format::table);
  CHECK(text.starts_with("FTE          12.3\nHours freed  20,000\n"));
  CHECK(text.find("\nExplain:\n  Unit B: fails npv >= 0\n    - breaks even at 1,000 patients\n") !=
        std::string::npos);
  CHECK(text.find("\nDistribution\n              -1 | " + std::string(20, '#') + "\n") != std::string::npos);
  std::string md = render(d, Format::md);
  CHECK(md.starts_with("|  | Result |\n| --- | ---: |\n| FTE | 12.3 |\n"));
  CHECK(md.find("- **Unit B**: fails npv >= 0\n  - breaks even at 1,000 patients\n") != std::string::npos);
  CHECK(md.find("Distribution") == std::string::npos);  // charts are for tables and reports
}

TEST_CASE("render: json is the document's own JSON, csv its csv tables") {
  Document d;
  d.json = {{"npv", num(1.5)}, {"irr", num(std::nan(""))}};
  d.csv.push_back(small_table());
  CHECK(render(d, Format::json) == "{\n  \"npv\": 1.5,\n  \"irr\": null\n}\n");
  CHECK(render(d, Format::csv) == render_csv(small_table()));
  CHECK(exact_number(std::nullopt).empty());
  CHECK(exact_number(0.1) == "0.1");
}

// Provenance (docs/cli.md, "Provenance"): JSON gets the block; text and
// Markdown name --set values under the subtitle; CSV is untouched.
TEST_CASE("provenance: JSON block, --set line under the subtitle, CSV plain") {
  Document d;
  d.title = "Case (c)";
  d.paragraph("DKK 2026; scenario worst");
  d.table(small_table());
  d.json = Json{{"npv", 1.5}};
  d.csv.push_back(small_table());
  const std::string plain_csv = render(d, Format::csv);

  Provenance p;
  // The SHA-256 of "abc" (FIPS 180-2, appendix B.1).
  p.files.push_back({"c.yaml", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"});
  p.perspective = "society";
  p.scenario = "worst";
  p.overrides = {"patients=0", "price=2 * 3", "share=.25"};
  p.seed = 7;
  d.provenance = p;

  const Json j = Json::parse(render(d, Format::json));
  CHECK(j["npv"] == 1.5);
  const Json& pj = j["provenance"];
  CHECK(pj["tool_version"] == std::string(tool_version()));
  CHECK(pj["files"][0]["path"] == "c.yaml");
  CHECK(pj["perspective"] == "society");
  CHECK(pj["scenario"] == "worst");
  CHECK(pj["overrides"]["patients"] == 0);
  CHECK(pj["overrides"]["price"] == "2 * 3");  // an expression stays text
  CHECK(pj["overrides"]["share"] == 0.25);
  CHECK(pj["seed"] == 7);

  const std::string text = render(d, Format::table);
  CHECK(text.find("DKK 2026; scenario worst\nChanged with --set: patients=0, price=2 * 3, share=.25\n") !=
        std::string::npos);
  CHECK(render(d, Format::md).find("Changed with --set: patients=0") != std::string::npos);
  CHECK(render(d, Format::csv) == plain_csv);

  d.provenance->overrides.clear();
  CHECK(render(d, Format::table).find("Changed with --set") == std::string::npos);
}
