// The XLSX workbook: case expressions as spreadsheet formulas
// (cli/render/xlsx_formula.h) and writing a workbook file. That the
// formulas recalculate to gevinst's numbers is checked with LibreOffice in
// tests/e2e/xlsx.test.sh.
#include "cli/render/workbook.h"

#include <filesystem>
#include <fstream>

#include "../support.h"
#include "cli/render/workbook_book.h"
#include "cli/render/xlsx_formula.h"
#include "libeval/business_case.h"
#include "libeval/loader.h"

using namespace gevinst;
using namespace gevinst::cli;

namespace {

// The formula of `text` over parameters a, b, c named p_a, p_b, p_c.
std::string formula_of(const std::string& text) {
  const char* names[] = {"a", "b", "c"};
  auto r = compile_expression(text, [&](std::string_view n, bool dollar) -> std::optional<int> {
    for (int i = 0; i < 3; ++i)
      if (dollar && n == names[i]) return i;
    return std::nullopt;
  });
  REQUIRE(r.program);
  auto f = spreadsheet_formula(*r.program, [&](int slot) { return std::string("p_") + names[slot]; });
  REQUIRE(f);
  return *f;
}

}  // namespace

TEST_CASE("spreadsheet_formula: arithmetic keeps the case's order of evaluation") {
  CHECK(formula_of("$a * 12") == "p_a*12");
  CHECK(formula_of("$a - $b - $c") == "p_a-p_b-p_c");
  CHECK(formula_of("$a - ($b - $c)") == "p_a-(p_b-p_c)");
  // a*(b*c) rounds differently from (a*b)*c: the parentheses stay.
  CHECK(formula_of("$a * ($b * $c)") == "p_a*(p_b*p_c)");
  CHECK(formula_of("($a + $b) * $c") == "(p_a+p_b)*p_c");
  CHECK(formula_of("$a / ($b / $c)") == "p_a/(p_b/p_c)");
  CHECK(formula_of("$a / -$b") == "p_a/(-p_b)");
}

TEST_CASE("spreadsheet_formula: ^ is POWER, so unary minus keeps the case's meaning") {
  // In the case -2^2 = -4 (docs/case-format.md, "Expressions"); in a
  // spreadsheet -2^2 = 4, hence POWER.
  CHECK(formula_of("-$a^2") == "-POWER(p_a,2)");
  CHECK(formula_of("$a^$b^$c") == "POWER(p_a,POWER(p_b,p_c))");
  CHECK(formula_of("$a^-1") == "POWER(p_a,(-1))");
}

TEST_CASE("spreadsheet_formula: comparisons are 1 or 0, if/min/max are IF/MIN/MAX") {
  CHECK(formula_of("if($a >= $b, $c, 2)") == "IF(p_a>=p_b,p_c,2)");
  CHECK(formula_of("($a < $b) * 3") == "IF(p_a<p_b,1,0)*3");
  CHECK(formula_of("$a == $b") == "IF(p_a=p_b,1,0)");
  CHECK(formula_of("$a != $b") == "IF(p_a<>p_b,1,0)");
  CHECK(formula_of("if($a, 1, 0)") == "IF(p_a,1,0)");
  CHECK(formula_of("min($a, $b, 3)") == "MIN(MIN(p_a,p_b),3)");
  CHECK(formula_of("max($a, 0)") == "MAX(p_a,0)");
}

TEST_CASE("formula_number: shortest round trip, negatives in parentheses") {
  CHECK(formula_number(0.035) == "0.035");
  CHECK(formula_number(1e6) == "1000000");
  CHECK(formula_number(-0.5) == "(-0.5)");
  CHECK(formula_number(0) == "0");
  CHECK(formula_number(1e250) == "1E+250");
  CHECK(formula_number(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("spreadsheet_formula: longer than a spreadsheet accepts gives no formula") {
  std::string text = "$a";
  while (text.size() < kMaxFormulaLength) text += " + $b";
  auto r = compile_expression(text, [](std::string_view, bool) -> std::optional<int> { return 0; });
  REQUIRE(r.program);
  CHECK_FALSE(spreadsheet_formula(*r.program, [](int) { return std::string("p_long_parameter_name"); }));
}

TEST_CASE("write_workbook: an example case becomes one XLSX file, written atomically") {
  LoadResult r = load_case_file(std::string(GEVINST_SOURCE_DIR) + "/examples/kol-telemonitoring.yaml");
  REQUIRE(r.ok());
  const Case& c = *r.model;
  WorkbookData d;
  d.c = &c;
  const BusinessCase bc = evaluate_case(c);
  const CapacityResult cap = evaluate_capacity(c);
  const SroiResult sroi = evaluate_sroi(c);
  d.bc = &bc;
  d.capacity = &cap;
  d.sroi = &sroi;
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("gevinst-wb-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path out = dir / "kol.xlsx";
  CHECK_FALSE(write_workbook(out.string(), d, Style{}));
  std::ifstream in(out, std::ios::binary);
  char magic[2] = {};
  in.read(magic, 2);
  CHECK(std::string(magic, 2) == "PK");              // a zip container
  for (const auto& e : fs::directory_iterator(dir))  // no temporary file left behind
    CHECK(e.path().extension() != ".tmp");
  SUBCASE("without capacity results the derived benefits are written as values") {
    d.capacity = nullptr;
    CHECK_FALSE(write_workbook((dir / "no-capacity.xlsx").string(), d, Style{}));
  }
  SUBCASE("a directory that does not exist is an error, not a crash") {
    auto err = write_workbook((dir / "missing" / "x.xlsx").string(), d, Style{});
    REQUIRE(err);
    CHECK(err->find("x.xlsx") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("sheet_names: the sheets in the style's words, valid sheet names or the English ones") {
  const wb::SheetNames en = wb::sheet_names(Style{});
  CHECK(en.summary == "Summary");
  CHECK(en.parameters == "Parameters");
  CHECK(en.flows == "Business case");
  CHECK(en.capacity == "Capacity");
  CHECK(en.sroi == "SROI");
  CHECK(en.financing == "Financing");
  const wb::SheetNames da = wb::sheet_names(Style{NumberLocale::da, &Catalogue::danish()});
  CHECK(da.summary == "Oversigt");
  CHECK(da.parameters == "Parametre");
  CHECK(da.flows == "Pengestrømme");
  CHECK(da.capacity == "Kapacitet");
  CHECK(da.financing == "Finansiering");
  SUBCASE("a translation that is no sheet name keeps the English name") {
    const Catalogue bad = Catalogue::from_po(
        "msgid \"Summary\"\nmsgstr \"Overblik [alle tal]\"\n"                     // [ ] not allowed
        "msgid \"Parameters\"\nmsgstr \"Parametre, forudsætninger og kilder\"\n"  // 36 characters
        "msgid \"Business case\"\nmsgstr \"'Sagen'\"\n"                           // apostrophes at the ends
        "msgid \"Capacity\"\nmsgstr \"kapacitetsfrigørelse i årsværk\"\n"         // 30 characters, 33 bytes
        "msgid \"Financing\"\nmsgstr \"KAPACITETSFRIGØRELSE I ÅRSVÆRK\"\n");      // one sheet's name
    const wb::SheetNames n = wb::sheet_names(Style{NumberLocale::da, &bad});
    CHECK(n.summary == "Summary");
    CHECK(n.parameters == "Parameters");
    CHECK(n.flows == "Business case");
    CHECK(n.capacity == "kapacitetsfrigørelse i årsværk");
    CHECK(n.financing == "Financing");
  }
}

TEST_CASE("ref: the sheet name quoted, an apostrophe in it doubled") {
  CHECK(wb::ref("Business case", 4, 6) == "'Business case'!G5");
  CHECK(wb::ref("Pengestrømme", 4, 6, true) == "'Pengestrømme'!$G$5");
  CHECK(wb::ref("Sagens tal", 0, 0) == "'Sagens tal'!A1");
  CHECK(wb::ref("Kommunens' tal", 0, 0) == "'Kommunens'' tal'!A1");
}
