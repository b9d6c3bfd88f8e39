// Tests for libeval/rollout (docs/case-format.md, "Rollouts"): unit parameters, criteria,
// verdicts, compliance and drafted explanations. The solution
// tests/data/rollout/solution.yaml has closed-form results (its comment):
//   NPV(P) = 1,000 x P - 1,000,000, break-even P = 1,000; FTE(P) = P / 1,000.
#include "libeval/rollout.h"

#include <string>

#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

const std::string kDir = std::string(GEVINST_SOURCE_DIR) + "/tests/data/rollout/";

RolloutLoadResult load_inline(const std::string& text) { return load_rollout(text, kDir + "inline.yaml"); }

// A rollout of the test solution with the given criteria and units (YAML lines).
std::string rollout_text(const std::string& criteria, const std::string& units) {
  return "format: gevinst-rollout/1\nsolution: solution.yaml\nreview_due: 2027-06-30\ncriteria: " + criteria +
         "\nunits:\n" + units;
}

RolloutOptions on(const std::string& today) {
  RolloutOptions o;
  o.today = today;
  return o;
}

RolloutOptions with_total(const std::string& today, double total) {
  RolloutOptions o = on(today);
  o.total_population = total;
  return o;
}

const UnitAssessment& unit(const RolloutResult& r, const std::string& id) { return by_id(r.units, id); }

}  // namespace

TEST_CASE("rollout: the test rollout's verdicts, failed criteria and results") {
  RolloutLoadResult lr = load_rollout_file(kDir + "rollout.yaml");
  REQUIRE(lr.ok());
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-07-01"));
  REQUIRE(r.units.size() == 3);
  // Total population = 500,000 + 380,000 + 120,000 (no preset named).
  CHECK(*r.total_population == 1000000);

  const auto& a = unit(r, "unit-a");  // P = 1,500
  CHECK(a.verdict == Verdict::scale);
  CHECK(a.failed_criteria.empty());
  CHECK(a.npv == doctest::Approx(500000));  // 1,000 x 1,500 - 1,000,000
  CHECK(*a.fte == doctest::Approx(1.5));    // 1,500 / 1,000
  // Cumulative net: -700,000 then +300,000 a year: crosses in year 3 at 2 + 100,000 / 300,000.
  CHECK(*a.results.get("payback_years") == doctest::Approx(2 + 1.0 / 3));
  CHECK(*a.results.get("evidence") == 1);  // pilot
  CHECK(*a.results.get("population") == 500000);
  CHECK(*a.population_share == doctest::Approx(0.5));
  CHECK(a.explanation.empty());

  const auto& b = unit(r, "unit-b");  // P = 800
  CHECK(b.verdict == Verdict::explain);
  CHECK(b.failed_criteria == std::vector<std::string>{"npv >= 0", "fte >= 1", "payback_years <= 4"});
  CHECK(b.npv == doctest::Approx(-200000));
  // Cumulative net -840,000 + 160,000 x 4 = -200,000 after five years: never pays back.
  CHECK_FALSE(b.results.get("payback_years").has_value());
  CHECK(b.criteria[2].reason.text() ==
        "payback_years is null: the case does not pay back within the horizon");

  const auto& c = unit(r, "unit-c");  // per capita: 10,000 x 120,000 / 1,000,000 = 1,200
  REQUIRE(c.params.size() == 2);
  CHECK(c.params[0] == doctest::Approx(1200));
  CHECK(c.npv == doctest::Approx(200000));
  CHECK(c.verdict == Verdict::scale);
}

TEST_CASE("rollout: compliance (scale declined without explanation; pending after review_due)") {
  struct Row {
    Verdict v;
    Decision::Status s;
    std::string explanation, review_due, today;
    bool compliant;
  };
  using S = Decision::Status;
  const std::vector<Row> rows = {
      {Verdict::scale, S::declined, "", "2027-06-30", "2027-01-01", false},
      {Verdict::scale, S::declined, "  \n", "2027-06-30", "2027-01-01", false},  // blank is no explanation
      {Verdict::scale, S::declined, "Budget moved to X", "2027-06-30", "2027-01-01", true},
      {Verdict::explain, S::declined, "", "2027-06-30", "2027-01-01", true},
      {Verdict::scale, S::adopted, "", "2027-06-30", "2028-01-01", true},
      {Verdict::scale, S::pending, "", "2027-06-30", "2027-06-30", true},  // on the day is not after
      {Verdict::scale, S::pending, "", "2027-06-30", "2027-07-01", false},
      {Verdict::explain, S::pending, "", "2027-06-30", "2027-07-01", false},
      {Verdict::explain, S::pending, "", "", "2030-01-01", true},  // no review date
  };
  for (const auto& row : rows) {
    Decision d;
    d.status = row.s;
    d.explanation = row.explanation;
    CAPTURE(row.today);
    CAPTURE(to_string(row.s));
    CHECK(compliance_finding(row.v, d, row.review_due, row.today).pattern.empty() == row.compliant);
  }
}

TEST_CASE("rollout: non-compliant count follows today's date") {
  RolloutLoadResult lr = load_rollout_file(kDir + "rollout.yaml");
  REQUIRE(lr.ok());
  // unit-a is non-compliant on any day; unit-c (pending) only after 2027-06-30.
  CHECK(evaluate_rollout(*lr.rollout, *lr.solution, on("2027-06-30")).non_compliant == 1);
  CHECK(evaluate_rollout(*lr.rollout, *lr.solution, on("2027-07-01")).non_compliant == 2);
}

TEST_CASE("rollout: per-capita parameters use the preset total when given") {
  RolloutLoadResult lr = load_rollout_file(kDir + "rollout.yaml");
  REQUIRE(lr.ok());
  const RolloutUnit& u = lr.rollout->units[2];
  // 10,000 x 120,000 / 2,000,000 = 600.
  Overrides o = unit_overrides(*lr.solution, u, 2000000.0);
  REQUIRE(o.size() == 1);
  CHECK(o[0].name == "patients");
  CHECK(o[0].value.program.constant_value() == doctest::Approx(600));
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, with_total("2027-01-01", 2000000.0));
  CHECK(unit(r, "unit-c").npv == doctest::Approx(-400000));  // 1,000 x 600 - 1,000,000
  CHECK_THROWS_AS(unit_overrides(*lr.solution, u, std::nullopt), InputError);
}

TEST_CASE("rollout: drafted explanations use break-even values") {
  RolloutLoadResult lr = load_rollout_file(kDir + "rollout.yaml");
  REQUIRE(lr.ok());
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
  const auto& b = unit(r, "unit-b");
  REQUIRE(b.explanation.size() == 3);
  // NPV(800) = -200,000; NPV = 0 at P = 1,000. FTE(800) = 0.8; FTE = 1 at P = 1,000.
  CHECK(b.explanation[0].text() == "NPV \u2212200,000 kr. at 800 patients; breaks even at 1,000 patients");
  CHECK(b.explanation[1].text() == "0.8 FTE at 800 patients; reaches 1 FTE at 1,000 patients");
  CHECK(b.explanation[2].text() ==
        "\"payback_years <= 4\" fails: payback_years is null: the case does not pay back within the horizon");
}

TEST_CASE("rollout: a switching value is rounded to where the criterion holds") {
  auto lr = load_inline(
      rollout_text(R"(["npv >= 250", "npv >= 1.0006e6"])", "  - {id: few, parameters: {patients: 800}}\n"));
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
  const auto& u = unit(r, "few");
  REQUIRE(u.explanation.size() == 2);
  // NPV(P) = 1,000 P - 1,000,000 reaches 250 at P = 1,000.25; to nearest that
  // is 1,000, where NPV = 0 < 250, so the text rounds up to 1,001.
  CHECK(u.explanation[0].text() ==
        "NPV \u2212200,000 kr. at 800 patients; reaches 250 kr. at 1,001 patients");
  // 1,000,600 at P = 2,000.6: up to 2,001.
  CHECK(u.explanation[1].text() ==
        "NPV \u2212200,000 kr. at 800 patients; reaches 1.0 mio. kr. at 2,001 patients");
}

TEST_CASE("rollout: explanations for other targets, simple comparisons and complex criteria") {
  auto lr = load_inline(
      rollout_text(R"(["npv >= 2e6", "evidence >= documented", "bcr > 2", "$patients * 2 > 1e9"])",
                   "  - {id: big, parameters: {patients: 2500}}\n"));
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
  const auto& u = unit(r, "big");
  REQUIRE(u.explanation.size() == 4);
  // NPV(2,500) = 1,500,000; NPV = 2,000,000 at P = 3,000.
  CHECK(u.explanation[0].text() ==
        "NPV 1.5 mio. kr. at 2,500 patients; reaches 2.0 mio. kr. at 3,000 patients");
  CHECK(u.explanation[1].text() == "evidence level pilot (needs evidence >= documented)");
  // BCR = 5 x 500 x P / (1,000,000 + 5 x 300 x P) = 6,250,000 / 4,750,000 = 1.3158
  // at P = 2,500; it stays below 500 / 300 = 1.67 for any P, so it never
  // reaches 2 and the note states the bracket searched: 0 (a count keeps its
  // sign) to 2,500 + 100 x 2,500.
  CHECK(u.explanation[2].text() ==
        "BCR 1.32 at 2,500 patients; BCR does not reach 2 for patients between 0 and 252500");
  CHECK(u.explanation[3].text() == "\"$patients * 2 > 1e9\" does not hold (patients 2,500)");
}

TEST_CASE("rollout: a criterion over a null result fails and says why") {
  // P = 0: one cost of 1,000,000 and nothing else: no sign change, no IRR.
  auto lr = load_inline(rollout_text(R"(["irr >= 0.04", "sroi_ratio >= 1", "population > 0"])",
                                     "  - {id: none, parameters: {patients: 0}}\n"));
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
  const auto& u = unit(r, "none");
  CHECK(u.verdict == Verdict::explain);
  REQUIRE(u.criteria.size() == 3);
  for (const auto& c : u.criteria) CHECK_FALSE(c.holds);
  CHECK(u.criteria[0].reason.text().rfind("irr is null: ", 0) == 0);
  CHECK(u.criteria[1].reason.text() == "sroi_ratio is null: the solution case has no sroi section");
  CHECK(u.criteria[2].reason.text().rfind("population is null: the unit has no population", 0) == 0);
}

TEST_CASE("rollout: a unit whose parameters break the case is recorded, the others go on") {
  // Negative patients make the capacity events negative, which evaluate_capacity rejects.
  auto lr = load_inline(rollout_text(R"(["npv >= 0"])",
                                     "  - {id: broken, parameters: {patients: -5}}\n"
                                     "  - {id: fine, parameters: {patients: 2500}}\n"));
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
  REQUIRE(r.units.size() == 2);
  const auto& b = unit(r, "broken");
  REQUIRE(!b.errors.empty());
  CHECK(b.errors.back().message.find("unit 'broken'") != std::string::npos);
  CHECK(b.verdict == Verdict::explain);
  CHECK_FALSE(b.compliant);
  CHECK(b.compliance_note.text().rfind("the solution cannot be evaluated with this unit's parameters: ", 0) ==
        0);
  CHECK(unit(r, "fine").errors.empty());
  CHECK(unit(r, "fine").verdict == Verdict::scale);
  CHECK(r.errors == 1);
  CHECK(r.non_compliant == 0);  // not judged
}

TEST_CASE("rollout: is_iso_date") {
  CHECK(is_iso_date("2027-06-30"));
  CHECK(is_iso_date("2028-02-29"));  // leap year
  CHECK_FALSE(is_iso_date("2027-02-29"));
  CHECK_FALSE(is_iso_date("1900-02-29"));  // divisible by 100, not by 400
  CHECK(is_iso_date("2000-02-29"));
  CHECK_FALSE(is_iso_date("2027-6-30"));
  CHECK_FALSE(is_iso_date("2027-13-01"));
}

TEST_CASE("rollout: a unit at 0 of its lever gets a break-even from the parameter's own size") {
  // Issue 13 item 1. solution.yaml: NPV = 1,000 P - 1,000,000; at P = 0 the
  // NPV is -1,000,000 and it is 0 at P = 1,000 (the solution's own value),
  // which a search of +-100 around 0 never reached.
  auto lr = load_inline(rollout_text(R"(["npv >= 0"])", "  - {id: zero, parameters: {patients: 0}}\n"));
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
  const auto& u = unit(r, "zero");
  REQUIRE(u.explanation.size() == 1);
  CHECK(u.explanation[0].text() == "NPV \u22121.0 mio. kr. at 0 patients; breaks even at 1,000 patients");
}

namespace {

// A rollout of levers.yaml: unit "small" has P = 10,000 x 80,000 / 1,000,000
// = 800 patients per capita (population 80,000 of 1,000,000), s = 0.5,
// k = 300; unit "own" sets s = 0.8 itself (P = 800 the same way).
std::string levers_rollout(const std::string& criteria) {
  return "format: gevinst-rollout/1\nsolution: levers.yaml\ncriteria: " + criteria +
         "\nunits:\n"
         "  - {id: small, population: 80000, parameters: {patients: {per_capita_of: patients_national}}}\n"
         "  - {id: own, population: 80000, parameters: {patients: {per_capita_of: patients_national}, "
         "saving_share: 0.8}}\n"
         "  - {id: rest, population: 840000, parameters: {patients: {per_capita_of: patients_national}}}\n";
}

}  // namespace

TEST_CASE("rollout: the lever is the actionable parameter the criterion depends on most") {
  // Issue 13 item 10; figures worked in tests/data/rollout/levers.yaml.
  auto lr = load_inline(levers_rollout(R"(["npv >= 0", "bcr >= 1.2", "$saving_share >= 0.6"])"));
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
  const auto& u = unit(r, "small");
  REQUIRE(u.explanation.size() == 3);
  // Not patients (per capita: a fact of the unit's population) nor
  // patients_national (a national figure), but saving_share, whose
  // elasticity (2,000,000) beats cost's (1,200,000).
  // NPV = 5 x 800 x (1,000 s - 300) - 1,000,000 = 0 at s = 0.55.
  CHECK(u.explanation[0].text() ==
        "NPV \u2212200,000 kr. at 0.5 saving share; breaks even at 0.55 saving share");
  // BCR = 4e6 s / 2.2e6 = 1.2 at s = 0.66 (elasticity of BCR in s: 0.909; in
  // cost: 0.909 x 1.2e6 / 2.2e6 = 0.496).
  CHECK(u.explanation[1].text() == "BCR 0.91 at 0.5 saving share; reaches 1.2 at 0.66 saving share");
  // A failed parameter criterion states the value against the threshold.
  CHECK(u.explanation[2].text() == "saving share 0.5 (needs $saving_share >= 0.6)");
}

TEST_CASE("rollout: break-even values for payback and IRR criteria") {
  // Unit "own": s = 0.8, so net = 800 x (800 - 300) = 400,000 a year after
  // the 1,000,000 investment in 2026: C(0) = -600,000, C(1) = -200,000,
  // C(2) = 200,000, payback 1 + 200,000 / 400,000 = 1.5 years. With n the
  // yearly net (333,333 < n < 500,000) payback = 1,000,000 / n - 1 = 1.2 at
  // n = 454,545.45, i.e. s = (454,545.45 / 800 + 300) / 1,000 = 0.86818,
  // printed rounded up to 0.869. IRR: -600,000 + 400,000 AF4(r) = 0 at
  // r = 55.17 %; r = 0.6 needs n (1 + AF4(0.6)) = 1,000,000 with
  // AF4(0.6) = 1.412353515625, n = 414,533.6, s = 0.818167 -> 0.819.
  auto lr = load_inline(levers_rollout(R"(["payback_years <= 1.2", "irr >= 0.6"])"));
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
  const auto& u = unit(r, "own");
  REQUIRE(u.explanation.size() == 2);
  CHECK(u.explanation[0].text() ==
        "payback 1.5 years at 0.8 saving share; reaches 1.2 years at 0.869 saving share");
  CHECK(u.explanation[1].text() == "IRR 55.2 % at 0.8 saving share; reaches 60.0 % at 0.819 saving share");
}

TEST_CASE("rollout: units of an ended units preset get a note pointing to its replacement") {
  // Issue 13 item 11: dk-regions-2024 ends on 2026-12-31; from 1 January 2027
  // Region Hovedstaden and Region Sjælland are merged into Region Østdanmark.
  const std::string text =
      "format: gevinst-rollout/1\nsolution: solution.yaml\nunits_preset: dk-regions-2024\n"
      "criteria: [\"npv >= 0\"]\nunits:\n"
      "  - {id: region-hovedstaden, parameters: {patients: 1500}}\n"
      "  - {id: region-nordjylland, parameters: {patients: 1500}}\n";
  auto lr = load_inline(text);
  SUBCASE("on the last day of the five regions: no note") {
    RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2026-12-31"));
    CHECK(r.notes.empty());
    CHECK(unit(r, "region-hovedstaden").note.pattern.empty());
  }
  SUBCASE("from 1 January 2027") {
    RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].text().rfind(
              "Judged on 2027-01-01, after units preset dk-regions-2024 ended on 2026-12-31.", 0) == 0);
    CHECK(r.notes[0].text().find("Region \u00d8stdanmark") != std::string::npos);
    CHECK(r.notes[0].text().find("Aftale om sundhedsreform 2024") != std::string::npos);
    CHECK(r.notes[0].text().find("units_preset: dk-regions-2027") != std::string::npos);
    CHECK(unit(r, "region-hovedstaden").note.text() ==
          "no longer a unit after 2026-12-31: not in units preset dk-regions-2027");
    CHECK(unit(r, "region-nordjylland").note.pattern.empty());
  }
  CHECK(units_preset_note("dk-regions-2027", "2030-01-01").pattern.empty());
}

TEST_CASE("rollout: a negative IRR is drafted with a typographic minus") {
  // Issue 13 item 12. The test solution at P = 800 has the net flows
  // -1,000,000 + 200 x 800 = -840,000 in 2026 and 160,000 in each of the
  // four years after, so -840,000 + 160,000 x AF4(r) = 0 at r = -10.05 %
  // (AF4(r) = 5.25). IRR = -5 % needs 200 P (1 + AF4(-0.05)) = 1,000,000
  // with AF4(-0.05) = 4.5548, P = 900.13 -> 901. Both figures carry U+2212,
  // as the money figures do (docs/cli.md, "gevinst rollout": the drafted
  // explanations).
  auto lr = load_inline(rollout_text(R"(["irr >= -0.05"])", "  - {id: few, parameters: {patients: 800}}\n"));
  REQUIRE(lr.ok());
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, on("2027-01-01"));
  const auto& u = unit(r, "few");
  REQUIRE(u.explanation.size() == 1);
  CHECK(u.explanation[0].text() == "IRR \u221210.1 % at 800 patients; reaches \u22125.0 % at 901 patients");
}

TEST_CASE("rollout: a unit outside the named units preset is not told to name a preset") {
  // Issue 13 item 12: a unit that scales per capita but is not in the
  // units_preset the rollout already names has no population; the hint
  // says so and asks for population: N instead of suggesting the preset
  // (docs/case-format.md, "Rollouts").
  RolloutLoadResult lr = load_rollout_text(
      "format: gevinst-rollout/1\nsolution: solution.yaml\nunits_preset: dk-regions-2024\ncriteria: "
      "[\"npv >= 0\"]\nunits:\n  - {id: region-atlantis, parameters: {patients: {per_capita_of: "
      "patients_national}}}\n",
      kDir + "inline.yaml");
  REQUIRE_FALSE(lr.ok());
  bool found = false;
  for (const Diagnostic& d : lr.diags.all())
    if (d.message.find("scales parameters per capita but has no population") != std::string::npos) {
      found = true;
      CHECK(d.hint.find("units_preset:") == std::string::npos);
      CHECK(d.hint.find("dk-regions-2024") != std::string::npos);
      CHECK(d.hint.find("population: N") != std::string::npos);
    }
  CHECK(found);
}

TEST_CASE("rollout: on standard input a missing solution is looked for in the working directory") {
  // Issue 13 item 12: `gevinst rollout -` resolves `solution:` against the
  // working directory, and the hint says so (docs/cli.md, "gevinst rollout").
  const std::string text =
      "format: gevinst-rollout/1\nsolution: no-such-solution.yaml\ncriteria: [\"npv >= 0\"]\n"
      "units:\n  - {id: a, population: 1}\n";
  RolloutLoadResult in = load_rollout_text(text, "<stdin>");
  RolloutLoadResult file = load_rollout_text(text, kDir + "inline.yaml");
  auto hint = [](const RolloutLoadResult& r) {
    for (const Diagnostic& d : r.diags.all())
      if (d.message.find("cannot read the solution case") != std::string::npos) return d.hint;
    return std::string("(no such error)");
  };
  CHECK(hint(in) ==
        "the path is relative to the working directory (the rollout is read from standard input)");
  CHECK(hint(file) == "the path is relative to the rollout file");
}
