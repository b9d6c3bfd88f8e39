// The notes of the business case, capacity and financing results in Danish
// (issue 12): Style::phrase renders each note's pattern from da.po with
// Danish numbers, while the note's text() (what JSON shows) stays English.
#include <string>

#include "../support.h"
#include "cli/render/catalogue.h"
#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/financing.h"

using namespace gevinst;
using namespace gevinst::test;
using gevinst::cli::Style;

namespace {

// A bullet loan of 1,000 at 5 % with inflation 2.5 %: the loan's notes say
// the schedule is nominal and deflated.
const char* kDanishNotesLoan = R"(format: gevinst/1
case: {id: nominal-loan}
assumptions: {start_year: 2026, horizon: 3, inflation: 0.025, discounting: {rate: 0.03}}
parties: [{id: region, sector: region}, {id: fund, sector: state}]
costs: [{id: kit, kind: investment, party: region, amount: 1000}]
financing:
  - {id: loan, method: bullet, lender: fund, borrower: region, principal: 1000, disbursed: 2026, rate: 0.05, term: 2}
)";

Style danish_notes_style() { return Style{cli::NumberLocale::da, &cli::catalogue(cli::Language::da)}; }

bool notes_contain(const std::vector<std::string>& notes, const std::string& part) {
  for (const auto& n : notes)
    if (n.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("Danish notes: the business case of the KOL example") {
  const std::string file = std::string(GEVINST_SOURCE_DIR) + "/examples/kol-telemonitoring.yaml";
  BusinessCase bc = evaluate_case(load(read_file(file), file));
  const auto english = texts(bc.notes);
  const auto danish = danish_notes_style().phrases(bc.notes);
  REQUIRE(danish.size() == english.size());
  CHECK(notes_contain(
      english,
      "The 11 North Jutland municipalities loses 5.2 mio. kr. in present value although the case "
      "as a whole gains"));
  CHECK(
      notes_contain(danish,
                    "The 11 North Jutland municipalities taber 5,2 mio. kr. i nutidsværdi, selv om sagen som "
                    "helhed giver gevinst; en overførsel eller en aftale om gevinstdeling kan udligne det"));
  CHECK(notes_contain(danish,
                      "omkostninger og gevinster falder hos forskellige parter: "
                      "The 11 North Jutland municipalities betaler 63 % af omkostningerne"));
  CHECK(notes_contain(danish, "Region Nordjylland har en nettoudgift i det første år"));
  // English is the library's own text.
  CHECK(Style{}.phrases(bc.notes) == english);
  for (const auto& n : danish) {
    CAPTURE(n);
    CHECK(n.find(" the ") == std::string::npos);
    CHECK(n.find("present value") == std::string::npos);
  }
}

TEST_CASE("Danish notes: the years a party is out of pocket, and capacity") {
  Style st = danish_notes_style();
  CHECK(
      st.phrase(phrase("{} is out of pocket in the first {} years (one-year budgets see only this) but gains "
                       "over the horizon",
                       {arg::text("Region H"), arg::fixed(3)})) ==
      "Region H har en nettoudgift i de første 3 år (etårige budgetter ser kun dette), men vinder over "
      "tidshorisonten");
  CHECK(
      st.phrase(phrase("{} % of the freed hours are realisable (can be redeployed); the FTE and value count "
                       "only those",
                       {arg::fixed(70)})) ==
      "70 % af de frigjorte timer er realiserbare (kan omplaceres); årsværk og værdi medregner kun dem");
}

TEST_CASE("Danish notes: a loan's inflation note keeps its English decimals") {
  FinancingResult f = evaluate_case_financing(load(kDanishNotesLoan));
  const LoanResult& L = f.loans.at(0);
  const auto english = texts(L.notes);
  const auto danish = danish_notes_style().phrases(L.notes);
  CHECK(notes_contain(english, "the party view deflated by 2.5 % a year from 2026 (assumptions.inflation)"));
  CHECK(notes_contain(danish,
                      "afdragsplanen er nominel; dens strømme indgår i nutidsværdierne og opgørelsen pr. "
                      "part deflateret med 2,5 % om året fra 2026 (assumptions.inflation)"));
  std::string two = kDanishNotesLoan;
  two.replace(two.find("0.025"), 5, "0.02");
  CHECK(notes_contain(texts(evaluate_case_financing(load(two)).loans.at(0).notes), "deflated by 2 % a year"));
}
