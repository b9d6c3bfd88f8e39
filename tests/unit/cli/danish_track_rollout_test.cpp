// The sentences track and rollout write (libeval/follow_up.cpp,
// libeval/rollout.cpp, libeval/rollout_explain.cpp) rendered in Danish
// through the catalogue (cli/render/po/da.po): words translated, numbers in
// the Danish locale, ids and criteria as written. The English text() of the
// same phrases is tested in tests/unit/rollout_test.cpp and
// tests/unit/follow_up_test.cpp.
#include <doctest/doctest.h>

#include <string>

#include "../support.h"
#include "cli/render/catalogue.h"
#include "libeval/follow_up.h"
#include "libeval/loader.h"
#include "libeval/presets.h"
#include "libeval/rollout.h"

using namespace gevinst;
using namespace gevinst::cli;

namespace {

Style danish_style() { return Style{NumberLocale::da, &catalogue(Language::da)}; }

RolloutOptions judged_on(const std::string& today) {
  RolloutOptions o;
  o.today = today;
  return o;
}

const UnitAssessment& unit_named(const RolloutResult& r, const std::string& id) {
  return gevinst::test::by_id(r.units, id);
}

}  // namespace

TEST_CASE("Danish: a rollout unit's drafted explanation, with break-even values") {
  const std::string dir = std::string(GEVINST_SOURCE_DIR) + "/tests/data/rollout/";
  RolloutLoadResult lr = load_rollout_file(dir + "rollout.yaml");
  REQUIRE(lr.ok());
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, judged_on("2027-07-01"));
  const Style st = danish_style();
  const auto& b = unit_named(r, "unit-b");
  REQUIRE(b.explanation.size() == 3);
  CHECK(st.phrase(b.explanation[0]) ==
        "nutidsværdi -200.000 kr. ved 800 patients; går i nul ved 1.000 patients");
  CHECK(st.phrase(b.explanation[1]) == "0,8 årsværk ved 800 patients; når 1 årsværk ved 1.000 patients");
  CHECK(st.phrase(b.explanation[2]) ==
        "\"payback_years <= 4\" er ikke opfyldt: payback_years har ingen værdi: sagen er ikke tilbagebetalt "
        "inden for tidshorisonten");
  // The English text is unchanged.
  CHECK(b.explanation[0].text() == "NPV \u2212200,000 kr. at 800 patients; breaks even at 1,000 patients");
  CHECK(st.phrase(unit_named(r, "unit-c").compliance_note) ==
        "beslutningen afventer stadig efter revurderingsdatoen 2027-06-30");
  CHECK(st.phrase(unit_named(r, "unit-a").compliance_note) ==
        "vurderingen er udbred, men enheden har afvist uden en forklaring");
  // English is the library's own text.
  CHECK(Style{}.phrase(b.explanation[1]) == b.explanation[1].text());
}

TEST_CASE("Danish: the note of an ended units preset, its change sentence translated") {
  const Style st = danish_style();
  const Phrase note = units_preset_note("dk-regions-2024", "2027-09-01");
  REQUIRE_FALSE(note.pattern.empty());
  const std::string da = st.phrase(note);
  CHECK(
      da.rfind(
          "Vurderet den 2027-09-01, efter at enhedsforudindstillingen dk-regions-2024 udløb den 2026-12-31. "
          "Den 1. januar 2027 blev de fem regioner erstattet af fire",
          0) == 0);
  CHECK(da.find("Vurdér de nuværende enheder med units_preset: dk-regions-2027.") != std::string::npos);
  CHECK(
      note.text().rfind("Judged on 2027-09-01, after units preset dk-regions-2024 ended on 2026-12-31. On 1 "
                        "January 2027",
                        0) == 0);
  // Every units preset's change sentence is in the catalogue.
  for (const std::string& name : unit_preset_names()) {
    const auto p = unit_preset(name);
    REQUIRE(p);
    CAPTURE(name);
    if (!p->change.empty()) CHECK(catalogue(Language::da).lookup(p->change) != p->change);
  }
}

TEST_CASE("Danish: follow-up brake reasons, gate reasons and notes") {
  const std::string dir = std::string(GEVINST_SOURCE_DIR) + "/tests/data/follow_up/";
  // Admissions at 60 % of plan in both years: the brake by consecutive years.
  const std::string text =
      "format: gevinst-actuals/1\ncase: plan.yaml\nas_of: 2028-03-31\nyears:\n"
      "  2026:\n    costs: {platform: 1000000, operation: 330000}\n    benefits: {admissions: 300000}\n"
      "    capacity: {visits: {events: 500}}\n"
      "  2027:\n    costs: {operation: 270000}\n    benefits: {admissions: 300000}\n";
  ActualsLoadResult lr = load_actuals_text(text, dir + "inline.yaml");
  REQUIRE(lr.ok());
  const TrackResult r = evaluate_follow_up(*lr.plan, *lr.actuals, {});
  const Style st = danish_style();
  REQUIRE(r.brake_reasons.size() == 1);
  CHECK(st.phrase(r.brake_reasons[0])
            .rfind("realiseringsgrad under 0,7 i hvert af de seneste 2 forløbne år (2026 0,", 0) == 0);
  CHECK(r.brake_reasons[0].text().rfind("realisation below 0.7 in each of the last 2 elapsed years (2026 0.",
                                        0) == 0);
  bool actual_null = false;
  for (const auto& g : r.gates)
    for (const auto& why : g.reasons)
      actual_null |=
          st.phrase(why) ==
          "actual.patients har ingen værdi: de realiserede tal angiver ingen realiseret værdi af patients";
  CHECK(actual_null);
  REQUIRE_FALSE(r.notes.empty());
  for (const auto& n : r.notes) {
    const std::string da = st.phrase(n);
    CAPTURE(da);
    CHECK(da.find("er ikke indberettet for") != std::string::npos);
    CHECK(da.find("not reported") == std::string::npos);
  }
}
