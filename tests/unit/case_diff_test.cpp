// Tests for libeval/case_diff (docs/cli.md, "gevinst diff"): the changes
// found between two versions, the results compared, and the NPV change
// attributed by the Shapley value (Shapley 1953; the games are worked by
// hand in attribution_test.cpp) over hybrid cases; the sum property over
// every pair of example cases.
#include "libeval/case_diff.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "libeval/business_case.h"
#include "libeval/detail/case_changes.h"
#include "libeval/detail/yaml_edit.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

// NPV = patients x saving - cost exactly: one year, no discounting.
std::string small_case(double patients, double saving, double cost, const std::string& extra = "") {
  return fmt::format(
      "format: gevinst/1\n"
      "case: {{id: t, title: Test}}\n"
      "assumptions: {{start_year: 2026, horizon: 1, discounting: none}}\n"
      "parameters:\n"
      "  patients: {{value: {}, source: trial}}\n"
      "  saving: {{value: {}, source: trial}}\n"
      "  cost: {{value: {}, source: tender}}\n"
      "parties: [{{id: r, sector: region}}]\n"
      "costs:\n"
      "  - {{id: run, kind: operating, party: r, amount: \"$cost\", year: 2026}}\n"
      "benefits:\n"
      "  - {{id: gain, kind: budget, party: r, amount: \"$patients * $saving\", year: 2026}}\n"
      "{}",
      patients, saving, cost, extra);
}

const Attribution& attributed(const CaseDiff& d, const std::string& path) {
  for (const auto& a : d.attribution)
    if (a.input == path) return a;
  FAIL("no attribution for " << path);
  return d.attribution.front();
}

}  // namespace

TEST_CASE("diff_cases: two inputs, Shapley value as worked by hand") {
  // attribution_test "two players": 2000 -> 6000, patients 2750, saving 1250.
  CaseDiff d = diff_cases(small_case(100, 50, 3000), "old.yaml", small_case(150, 60, 3000), "new.yaml");
  CHECK(d.npv_old == 2000);
  CHECK(d.npv_new == 6000);
  REQUIRE(d.inputs.size() == 2);
  CHECK(d.inputs[0].path == "parameters.patients.value");
  CHECK(d.inputs[0].old_value == "100");
  CHECK(d.inputs[0].new_value == "150");
  CHECK(d.method == CaseDiff::Method::shapley);
  CHECK(attributed(d, "parameters.patients.value").npv_change == doctest::Approx(2750));
  CHECK(attributed(d, "parameters.saving.value").npv_change == doctest::Approx(1250));
}

TEST_CASE("diff_cases: three inputs, Shapley value as worked by hand") {
  // attribution_test "three players": 2000 -> 3600; patients 1100, saving 1100, cost -600.
  CaseDiff d = diff_cases(small_case(100, 50, 3000), "old.yaml", small_case(120, 60, 3600), "new.yaml");
  REQUIRE(d.attribution.size() == 3);
  CHECK(attributed(d, "parameters.patients.value").npv_change == doctest::Approx(1100));
  CHECK(attributed(d, "parameters.saving.value").npv_change == doctest::Approx(1100));
  CHECK(attributed(d, "parameters.cost.value").npv_change == doctest::Approx(-600));
  const ResultChange* npv = d.result("npv.organisation");
  REQUIRE(npv);
  CHECK(npv->change() == doctest::Approx(1600));
}

TEST_CASE("diff_cases: text changes are listed, not attributed; an input that changes nothing gets 0") {
  std::string old_text = small_case(100, 50, 3000);
  std::string new_text = small_case(100, 50, 3000);
  new_text.replace(new_text.find("source: trial"), 13, "source: registry");
  // A range that the NPV does not read: attributed exactly 0.
  new_text.replace(new_text.find("{value: 3000,"), 13, "{value: 3000, high: 4000,");
  CaseDiff d = diff_cases(old_text, "old.yaml", new_text, "new.yaml");
  REQUIRE(d.inputs.size() == 2);
  CHECK(d.inputs[0].descriptive);
  CHECK(d.inputs[1].kind == InputChange::Kind::added);
  REQUIRE(d.attribution.size() == 1);
  CHECK(d.attribution[0].input == "parameters.cost.high");
  CHECK(d.attribution[0].npv_change == 0.0);
}

TEST_CASE("diff_cases: an item added with its parameter is one structural input") {
  std::string new_text = small_case(110, 50, 3000);
  new_text.insert(new_text.find("  cost:"), "  bonus: {value: 700, source: trial}\n");
  new_text += "  - {id: extra, kind: budget, party: r, amount: \"$bonus\", year: 2026}\n";
  CaseDiff d = diff_cases(small_case(100, 50, 3000), "old.yaml", new_text, "new.yaml");
  // patients +10 x 50 = 500; the bonus item with its parameter +700.
  REQUIRE(d.attribution.size() == 2);
  CHECK(attributed(d, "parameters.patients.value").npv_change == doctest::Approx(500));
  const Attribution& added = attributed(d, "parameters.bonus + benefits[1]");
  CHECK(added.npv_change == doctest::Approx(700));
  for (size_t i : added.changes) CHECK(d.inputs[i].structural);
}

TEST_CASE("diff_cases: a horizon change is structural and attributed as one input") {
  std::string old_text = small_case(100, 50, 3000);
  std::string new_text = old_text;
  new_text.replace(new_text.find("horizon: 1"), 10, "horizon: 2");
  CaseDiff d = diff_cases(old_text, "old.yaml", new_text, "new.yaml");
  REQUIRE(d.inputs.size() == 1);
  CHECK(d.inputs[0].structural);
  REQUIRE(d.attribution.size() == 1);
  CHECK(d.attribution[0].npv_change == d.npv_change());
}

TEST_CASE("diff_cases: above the exact limit the attribution is sequential in file order") {
  DiffOptions opt;
  opt.max_exact = 2;
  CaseDiff d = diff_cases(small_case(100, 50, 3000), "old.yaml", small_case(120, 60, 3600), "new.yaml", opt);
  CHECK(d.method == CaseDiff::Method::sequential);
  // In file order p, s, c: 3000 - 2000, 4200 - 3000, 3600 - 4200.
  CHECK(attributed(d, "parameters.patients.value").npv_change == doctest::Approx(1000));
  CHECK(attributed(d, "parameters.saving.value").npv_change == doctest::Approx(1200));
  CHECK(attributed(d, "parameters.cost.value").npv_change == doctest::Approx(-600));
}

TEST_CASE("diff_cases: a version with errors throws its diagnostics") {
  CHECK_THROWS_AS(diff_cases("format: gevinst/1\n", "old.yaml", small_case(1, 1, 1), "new.yaml"), InputError);
}

TEST_CASE("yaml_edit: every example emitted and loaded again gives the same NPV") {
  for (const auto& e : std::filesystem::directory_iterator(GEVINST_SOURCE_DIR "/examples")) {
    if (e.path().extension() != ".yaml") continue;
    std::string text = read_file(e.path());
    if (sniff_document_kind(text) != DocumentKind::case_v1) continue;
    CAPTURE(e.path().string());
    Diagnostics diags;
    auto doc = parse_yaml(text, diags);
    REQUIRE(doc);
    Case a = load(text), b = load(emit_yaml(copy_tree(doc->root)));
    CHECK(evaluate_case(a).selected().npv == evaluate_case(b).selected().npv);
  }
}

TEST_CASE("diff_cases: attributions sum to the NPV change for every pair of examples") {
  std::vector<std::pair<std::string, std::string>> cases;
  for (const auto& e : std::filesystem::directory_iterator(GEVINST_SOURCE_DIR "/examples")) {
    if (e.path().extension() != ".yaml") continue;
    std::string text = read_file(e.path());
    if (sniff_document_kind(text) == DocumentKind::case_v1)
      cases.emplace_back(e.path().filename().string(), text);
  }
  REQUIRE(cases.size() >= 4);
  // Named members, not structured bindings: CAPTURE's lambda cannot capture
  // a binding before C++20 compilers allowed it (clang 14).
  for (const auto& a_case : cases)
    for (const auto& b_case : cases) {
      const std::string& an = a_case.first;
      const std::string& bn = b_case.first;
      CAPTURE(an);
      CAPTURE(bn);
      CaseDiff d = diff_cases(a_case.second, an, b_case.second, bn);
      double sum = 0;
      for (const auto& a : d.attribution) sum += a.npv_change;
      CHECK(sum == doctest::Approx(d.npv_change()).epsilon(1e-9).scale(std::fabs(d.npv_old) + 1));
      if (an == bn) CHECK(d.inputs.empty());
    }
}
