// Lint warnings carry their message and hint as phrases (Diagnostic::
// message_phrase, libeval/phrase.h): the English text is the message
// `validate` prints, unchanged, and a report in Danish shows the phrase
// through the catalogue, with Danish numbers. Errors carry none: they stay
// English for CI.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../support.h"
#include "cli/render/catalogue.h"

using namespace gevinst;
using namespace gevinst::cli;
using namespace gevinst::test;

namespace {

// No source for `rate`, an investment without operating cost, and a normal
// distribution whose draws (4 sd below 0.5 is -3.5) make a cost negative.
const char* const kLintedCase =
    "format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 2}\n"
    "parties: [{id: p, sector: region}]\n"
    "parameters:\n  n: {value: 0.5, dist: {normal: [0.5, 1]}, source: s}\n  rate: 0.25\n"
    "costs:\n  - {id: kit, kind: investment, party: p, amount: 1000, year: 2026}\n"
    "  - {id: op, kind: other, party: p, per_year: \"$n * 10 * $rate\"}\n";

const Diagnostic* lint_with(const LoadResult& r, std::string_view words) {
  for (const Diagnostic& d : r.diags.all())
    if (d.message.find(words) != std::string::npos) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("lint warnings: the phrases' English is the message and hint as before") {
  LoadResult r = load_text(kLintedCase, true);
  INFO(dump(r));
  REQUIRE(r.ok());
  REQUIRE(r.diags.all().size() == 3);
  const Style en;
  for (const Diagnostic& d : r.diags.all()) {
    CAPTURE(d.message);
    CHECK(d.severity == Severity::warning);
    CHECK(!d.message_phrase.pattern.empty());
    CHECK(en.phrase(d.message_phrase) == d.message);
    CHECK(en.phrase(d.hint_phrase) == d.hint);
  }
  const Diagnostic* draws = lint_with(r, "simulate would stop there");
  REQUIRE(draws);
  CHECK(draws->message ==
        "draws of 'n' (normal near -3.5) make costs[1].per_year = -8.75, which must be 0 or more; simulate "
        "would stop there");
  // An error has no phrase: it is printed in English only.
  LoadResult bad = load_text("format: gevinst/1\ncase: {id: x}\n", true);
  REQUIRE(!bad.diags.all().empty());
  CHECK(bad.diags.all().front().severity == Severity::error);
  CHECK(bad.diags.all().front().message_phrase.pattern.empty());
}

TEST_CASE("lint warnings in Danish: the catalogue's words, Danish numbers, YAML as written") {
  LoadResult r = load_text(kLintedCase, true);
  REQUIRE(r.ok());
  const Style da{NumberLocale::da, &catalogue(Language::da)};
  const Diagnostic* source = lint_with(r, "has no source");
  REQUIRE(source);
  CHECK(da.phrase(source->message_phrase) == "parameteren 'rate' har ingen kilde");
  CHECK(da.phrase(source->hint_phrase) ==
        "angiv, hvor tallet kommer fra: {value: ..., source: \"Pilotevaluering 2025, tabel 4\"}");
  const Diagnostic* operating = lint_with(r, "no operating cost");
  REQUIRE(operating);
  CHECK(da.phrase(operating->message_phrase) ==
        "sagen har en investering (2026), men ingen driftsomkostning fra da af");
  CHECK(da.phrase(operating->hint_phrase).ends_with("tilføj en omkostning med kind: operating"));
  const Diagnostic* draws = lint_with(r, "simulate would stop there");
  REQUIRE(draws);
  CHECK(da.phrase(draws->message_phrase) ==
        "træk af 'n' (normal nær -3,5) giver costs[1].per_year = -8,75, som skal være 0 eller mere; "
        "simuleringen ville stoppe der");
}

TEST_CASE("lint warnings of a rollout: a unit missing from the preset, in Danish") {
  const std::string text =
      "format: gevinst-rollout/1\nsolution: solution.yaml\nunits_preset: dk-regions-2024\n"
      "criteria: [\"npv >= 0\"]\nlead_unit: region-fyn\nunits:\n"
      "  - {id: region-nordjyland, parameters: {patients: 1500}}\n";
  RolloutLoadResult r =
      load_rollout_text(text, std::string(GEVINST_SOURCE_DIR) + "/tests/data/rollout/inline.yaml");
  std::vector<std::string> da_texts;
  const Style da{NumberLocale::da, &catalogue(Language::da)};
  for (const Diagnostic& d : r.diags.all()) {
    CAPTURE(d.message);
    CHECK(d.severity == Severity::warning);
    CHECK(Style{}.phrase(d.message_phrase) == d.message);
    CHECK(Style{}.phrase(d.hint_phrase) == d.hint);
    da_texts.push_back(da.phrase(d.message_phrase) + " / " + da.phrase(d.hint_phrase));
  }
  REQUIRE(da_texts.size() == 2);
  CHECK(da_texts[0] == "den ledende enhed 'region-fyn' er ikke blandt enhederne / ");
  CHECK(da_texts[1] ==
        "enheden 'region-nordjyland' findes ikke i forudindstillingen 'dk-regions-2024' / mente du "
        "'region-nordjylland'?");
}
