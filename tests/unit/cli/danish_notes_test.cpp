// The library's IRR and break-even notes in Danish (Style::phrase with the
// Danish catalogue): the sentence translated, its numbers in the Danish
// locale; in English the library's own text.
#include <doctest/doctest.h>

#include "../support.h"
#include "cli/render/catalogue.h"
#include "libeval/irr.h"
#include "libeval/sensitivity.h"

using namespace gevinst;
using namespace gevinst::cli;

TEST_CASE("Danish notes: why there is no IRR, the rates in the Danish locale") {
  const Style da{NumberLocale::da, &catalogue(Language::da)};
  const Style en;
  const double two[] = {-100, 230, -132};  // roots at 10 % and 20 %
  const IrrResult r = irr(two);
  CHECK(
      da.phrase(r.note) ==
      "ingen entydig intern rente: nettopengestrømmen skifter fortegn 2 gange, og nutidsværdien er nul ved 2 "
      "renter (10,0 %, 20,0 %) i (-99 %, 1.000 %)");
  CHECK(en.phrase(r.note) == r.note.text());
  CHECK(
      r.note.text() ==
      "no unique IRR: the net cash flow changes sign 2 times and NPV is zero at 2 rates (10.0 %, 20.0 %) in "
      "(-99 %, 1000 %)");
  const double costs[] = {-100, -50};
  CHECK(
      da.phrase(irr(costs).note) ==
      "ingen intern rente: nettopengestrømmen bliver aldrig positiv (omkostningerne overstiger gevinsterne i "
      "alle år)");
  const double small[] = {-1, 100};
  CHECK(da.phrase(irr(small).note) ==
        "ingen intern rente i (-99 %, 1.000 %): den interne rente ligger over 1.000 %, fordi de første års "
        "udlæg er små i forhold til de gevinster, der følger");
}

TEST_CASE("Danish notes: why a parameter has no break-even value") {
  const Style da{NumberLocale::da, &catalogue(Language::da)};
  const Case c = test::load(R"YAML(
format: gevinst/1
case: {id: be}
assumptions: {start_year: 2026, horizon: 2, discounting: none}
parameters:
  unused: {value: 3, low: 1, high: 5}
  fraction: {value: 0.25, low: 0.1, high: 0.4}
parties: [{id: p, sector: region}]
costs:
  - {id: invest, kind: investment, party: p, amount: 1000}
benefits:
  - {id: save, kind: budget, party: p, amount: 100}
)YAML");
  const int u = c.parameter_index("unused");
  const BreakEven none = break_even(c, u, Metric::npv, {});
  CHECK(none.note.text() == "NPV does not reach zero for unused between 0 and 303");
  CHECK(da.phrase(none.note) == "nutidsværdien når ikke nul for unused mellem 0 og 303");
  // Decimals in the Danish locale: searched from 0 to 0.25 + 100 x 0.25.
  const BreakEven fraction = break_even(c, c.parameter_index("fraction"), Metric::npv, {});
  CHECK(fraction.note.text() == "NPV does not reach zero for fraction between 0 and 25.25");
  CHECK(da.phrase(fraction.note) == "nutidsværdien når ikke nul for fraction mellem 0 og 25,25");
  // A result that is not NPV is named by its own phrase.
  const BreakEven sroi = break_even(
      c, u, [](const Overrides&) -> std::optional<double> { return 0.5; }, phrase("the SROI ratio"), {}, 1.0);
  CHECK(sroi.note.text() == "the SROI ratio does not reach 1 for unused between 0 and 303");
  CHECK(da.phrase(sroi.note) == "SROI-forholdet når ikke 1 for unused mellem 0 og 303");
}
