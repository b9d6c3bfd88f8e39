// Tests for libeval/diagnostics: the one place that renders a diagnostic
// (FILE:LINE:COLUMN, source line, caret, hint), source_line, did_you_mean and
// the Diagnostics collector. Expected texts are written out in full.
#include "libeval/diagnostics.h"

#include <string>

#include "support.h"

using namespace gevinst;

namespace {
Diagnostic diag(int line, int column, std::string message, std::string path = {}, std::string hint = {},
                Severity s = Severity::error) {
  return Diagnostic{"case.yaml", {line, column}, s, std::move(path), std::move(message), std::move(hint)};
}
}  // namespace

TEST_CASE("format_diagnostic: position, path, source line, caret and hint") {
  const std::string src = "format: gevinst/1\nassumptions:\n  discountng: dk-fm-2021\n";
  CHECK(format_diagnostic(
            diag(3, 3, "unknown key 'discountng'", "assumptions.discountng", "did you mean 'discounting'?"),
            src) ==
        "case.yaml:3:3: error: unknown key 'discountng' (at assumptions.discountng)\n"
        "    discountng: dk-fm-2021\n"
        "    ^\n"
        "  hint: did you mean 'discounting'?\n");
  // The caret sits under the column: column 15 is the 'd' of the value.
  CHECK(format_diagnostic(diag(3, 15, "unknown discounting preset", "assumptions.discounting"), src) ==
        "case.yaml:3:15: error: unknown discounting preset (at assumptions.discounting)\n"
        "    discountng: dk-fm-2021\n"
        "                ^\n");
  // Warnings, no path, no hint.
  CHECK(format_diagnostic(diag(1, 1, "a warning", "", "", Severity::warning), src) ==
        "case.yaml:1:1: warning: a warning\n"
        "  format: gevinst/1\n"
        "  ^\n");
}

TEST_CASE("format_diagnostic: without a position or without source") {
  // Line 0 means "the whole file": no LINE:COLUMN, no source line.
  CHECK(format_diagnostic(diag(0, 0, "file is binary", "", "check the path"), "a: 1\n") ==
        "case.yaml: error: file is binary\n"
        "  hint: check the path\n");
  // No source text (e.g. undecodable bytes): the header and hint only.
  CHECK(format_diagnostic(diag(2, 5, "invalid UTF-8 byte 0xE6", "", "save as UTF-8"), "") ==
        "case.yaml:2:5: error: invalid UTF-8 byte 0xE6\n"
        "  hint: save as UTF-8\n");
  // A line past the end of the source: no source line either.
  CHECK(format_diagnostic(diag(9, 1, "late"), "a: 1\n") == "case.yaml:9:1: error: late\n");
  // No file: the problem is in a value the caller passed (the library names no option).
  CHECK(format_diagnostic(Diagnostic{"", {}, Severity::error, "", "at least 2 iterations are needed", ""},
                          "") == "error: at least 2 iterations are needed\n");
}

TEST_CASE("format_diagnostic: tabs are kept so the caret lines up") {
  const std::string src = "a:\n\tb: 1\n";
  CHECK(format_diagnostic(diag(2, 2, "tab"), src) ==
        "case.yaml:2:2: error: tab\n"
        "  \tb: 1\n"
        "  \t^\n");
  CHECK(format_diagnostic(diag(2, 1, "tab"), src) ==
        "case.yaml:2:1: error: tab\n"
        "  \tb: 1\n"
        "  ^\n");
}

TEST_CASE("format_diagnostic: columns count characters, so the caret stays under multi-byte text") {
  // "owner: Ærø – x" : 'x' is character 14 (byte 18).
  const std::string src = "owner: Ærø – x\n";
  CHECK(format_diagnostic(diag(1, 14, "here"), src) ==
        "case.yaml:1:14: error: here\n"
        "  owner: Ærø – x\n"
        "               ^\n");
}

TEST_CASE("format_diagnostic: a long line is shown as a window around the column") {
  std::string line(300, 'x');
  line[199] = 'Y';  // column 200
  std::string out = format_diagnostic(diag(1, 200, "long"), line + "\n");
  // 120 characters from column 200 - 60 = 140, with "..." on both sides.
  std::string shown = "..." + line.substr(139, 120) + "...";
  CHECK(out == "case.yaml:1:200: error: long\n  " + shown + "\n  " + std::string(3 + 60, ' ') + "^\n");
  // Near the start only the end is cut.
  out = format_diagnostic(diag(1, 5, "start"), line + "\n");
  CHECK(out == "case.yaml:1:5: error: start\n  " + line.substr(0, 120) + "...\n      ^\n");
  // Near the end the window ends at the line's end.
  out = format_diagnostic(diag(1, 300, "end"), line + "\n");
  CHECK(out ==
        "case.yaml:1:300: error: end\n  ..." + line.substr(180) + "\n  " + std::string(3 + 119, ' ') + "^\n");
}

TEST_CASE("format_diagnostic: colour codes only when asked") {
  const std::string src = "a: 1\n";
  std::string plain = format_diagnostic(diag(1, 1, "x"), src, false);
  std::string colour = format_diagnostic(diag(1, 1, "x"), src, true);
  CHECK(plain.find('\033') == std::string::npos);
  CHECK(colour.find("\033[1;31merror:") != std::string::npos);
  CHECK(colour.find("\033[1;32m^\033[0m") != std::string::npos);
}

TEST_CASE("source_line") {
  const std::string src = "one\r\ntwo\nthree";
  CHECK(source_line(src, 1) == "one");  // CR of a CRLF ending removed
  CHECK(source_line(src, 2) == "two");
  CHECK(source_line(src, 3) == "three");  // last line without a newline
  CHECK(source_line(src, 4).empty());
  CHECK(source_line(src, 0).empty());
  CHECK(source_line(src, -1).empty());
  CHECK(source_line("", 1).empty());
}

TEST_CASE("did_you_mean: plausible typos only") {
  const std::vector<std::string> keys = {"start_year",  "horizon", "price_year", "currency",
                                         "discounting", "timing",  "fte_hours",  "optimism_bias"};
  struct Row {
    const char* word;
    const char* expected;
    const char* why;
  };
  const Row rows[] = {
      {"discountng", "discounting", "one deletion"},
      {"horizn", "horizon", "one deletion"},
      {"horzion", "horizon", "one transposition counts as one edit"},
      {"curency", "currency", "one deletion"},
      {"fte-hours", "fte_hours", "one substitution"},
      {"HORIZON", "horizon", "case only"},
      {"start", "start_year", "a prefix"},
      {"start_years", "start_year", "one insertion"},
      {"x", "", "nothing close"},
      {"volume", "", "nothing close"},
      {"", "", "empty word"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.word);
    CAPTURE(row.why);
    CHECK(did_you_mean(row.word, keys) == row.expected);
  }
  CHECK(did_you_mean("valeu", {"value", "low", "high"}) == "value");
  CHECK(did_you_mean("anything", {}) == "");
  // The closest candidate wins.
  CHECK(did_you_mean("regiom", {"regions", "region", "municipality"}) == "region");  // 1 edit beats 2
}

TEST_CASE("Diagnostics: collect, count, sort") {
  Diagnostics d("f.yaml");
  d.error({5, 1}, "b", "second");
  d.warning({2, 7}, "a", "first");
  d.error({5, 1}, "c", "third, same position as second");
  d.add(Diagnostic{"", {1, 1}, Severity::note, "", "a note", ""});
  CHECK(d.error_count() == 2);
  CHECK(d.warning_count() == 1);
  CHECK(d.has_errors());
  CHECK(d.all()[3].file == "f.yaml");  // add() fills in the file
  d.sort();
  REQUIRE(d.all().size() == 4);
  CHECK(d.all()[0].message == "a note");
  CHECK(d.all()[1].message == "first");
  CHECK(d.all()[2].message == "second");  // stable for equal positions
  CHECK(d.all()[3].message == "third, same position as second");
  Diagnostics none;
  CHECK_FALSE(none.has_errors());
  CHECK(severity_name(Severity::error) == "error");
  CHECK(severity_name(Severity::warning) == "warning");
  CHECK(severity_name(Severity::note) == "note");
}

TEST_CASE("Diagnostics: past kMaxKept diagnostics are counted, not kept") {
  Diagnostics d("f.yaml");
  const size_t n = Diagnostics::kMaxKept + 5;
  for (size_t i = 0; i < n; ++i) d.error({static_cast<int>(i) + 1, 1}, "", "e");
  d.warning({1, 1}, "", "w");  // dropped too
  CHECK(d.all().size() == Diagnostics::kMaxKept);
  CHECK(d.dropped() == 6);
  CHECK(d.error_count() == static_cast<int>(n));  // counts include the dropped ones
  CHECK(d.warning_count() == 1);
  d.note_dropped();
  REQUIRE(d.all().size() == Diagnostics::kMaxKept + 1);
  CHECK(d.all().back().severity == Severity::note);
  CHECK(d.all().back().message == "6 more problems not shown (5 errors, 1 warning)");
  CHECK(d.error_count() == static_cast<int>(n));
  Diagnostics few;
  few.error({1, 1}, "", "e");
  few.note_dropped();  // nothing dropped: no note
  CHECK(few.all().size() == 1);
}

TEST_CASE("printable: control characters become visible escapes") {
  CHECK(gevinst::printable("a\nb") == "a\\nb");
  CHECK(gevinst::printable("tab\there") == "tab\\there");
  CHECK(gevinst::printable("\x1b[31m") == "\\x1B[31m");
  CHECK(gevinst::printable("æøå ok") == "æøå ok");
}
