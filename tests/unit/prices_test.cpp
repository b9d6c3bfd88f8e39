// Tests for prices and nominal rates (docs/case-format.md, "Prices" and
// "Inflation"): an item's own price_year converted with a price index preset
// (libeval/flows, loaded by libeval/load_flows), and nominal loan flows
// deflated before they enter present values (libeval/financing). Every
// expected number is worked by hand below from:
//   (P1) value = amount x index(case price_year) / index(item price_year)
//   (P2) deflator(year) = 1 / (1 + inflation)^t, t = year - start_year
// The index values are the yearly increases of models/prices/dk-fm-pl-2025.yaml
// (Økonomistyrelsen, "Fastprisberegninger", column "Generel pris- og
// lønstigning"): 2022 4.3 %, 2023 2.5 %, 2024 4.0 %, 2025 2.8 %.
#include <string>

#include "libeval/business_case.h"
#include "libeval/financing.h"
#include "libeval/flows.h"
#include "libeval/parameters.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

const char* kPrices = R"(format: gevinst/1
case: {id: prices}
assumptions: {start_year: 2026, horizon: 3, price_year: 2025, price_index: dk-fm-pl-2025, discounting: none}
parties: [{id: p, sector: region}]
costs:
  - {id: kit, kind: investment, party: p, amount: 1000, year: 2026, price_year: 2023}
  - {id: run, kind: operating, party: p, per_year: 500, price_year: 2025}
  - {id: old, kind: other, party: p, amounts: {2027: 100}, price_year: 2021}
  - {id: plain, kind: other, party: p, amount: 10}
)";

// The first diagnostic of a case that must not load.
Diagnostic first_error(const std::string& text) {
  LoadResult r = load_text(text);
  REQUIRE_FALSE(r.ok());
  return r.diags.all().front();
}

}  // namespace

TEST_CASE("prices: an item's own price_year is converted with the price index") {
  Case c = load(kPrices);
  const auto params = parameter_values(c, {});
  const auto series = case_series(c, params);
  // kit: 2023 prices to 2025 (P1): x 1.040 x 1.028 = x 1.06912 -> 1,069.12 in 2026.
  CHECK(c.costs[0].price_factor == doctest::Approx(1.06912).epsilon(1e-12));
  CHECK(by_id(series, "kit").values[0] == doctest::Approx(1069.12).epsilon(1e-12));
  // run: already in the case's price year: factor 1, 500 a year.
  CHECK(c.costs[1].price_factor == 1.0);
  CHECK(by_id(series, "run").values == std::vector<double>{500, 500, 500});
  // old: 2021 prices: x 1.043 x 1.025 x 1.040 x 1.028 = x 1.142969464 -> 114.2969464 in 2027.
  CHECK(by_id(series, "old").values[1] == doctest::Approx(114.2969464).epsilon(1e-12));
  // plain: no price_year, no conversion.
  CHECK(by_id(series, "plain").values[0] == 10.0);
  // NPV without discounting: -(1,069.12 + 1,500 + 114.2969464 + 10).
  BusinessCase bc = evaluate_case(c);
  CHECK(bc.selected().npv == doctest::Approx(-2693.4169464).epsilon(1e-12));
}

TEST_CASE("prices: a price_year equal to the case's needs no index") {
  std::string y = kPrices;
  y.replace(y.find(", price_index: dk-fm-pl-2025"), 28, "");
  y.replace(y.find(", price_year: 2023"), 18, "");
  y.replace(y.find(", price_year: 2021"), 18, "");
  Case c = load(y);
  CHECK(c.costs[1].price_year == 2025);
  CHECK(c.costs[1].price_factor == 1.0);
}

TEST_CASE("prices: errors at the key, with a hint") {
  SUBCASE("an item price_year without an index") {
    std::string y = kPrices;
    y.replace(y.find(", price_index: dk-fm-pl-2025"), 28, "");
    Diagnostic d = first_error(y);
    CHECK(d.yaml_path == "costs[0].price_year");
    CHECK(d.loc.line == 6);
    CHECK(d.message ==
          "price_year 2023 differs from the case's price_year 2025, and there is no price index "
          "to convert it");
    CHECK(d.hint == "add assumptions.price_index (dk-fm-pl-2025), or state the amounts in 2025 prices");
  }
  SUBCASE("an item price_year outside the index") {
    std::string y = kPrices;
    y.replace(y.find("price_year: 2023"), 16, "price_year: 1985");
    Diagnostic d = first_error(y);
    CHECK(d.yaml_path == "costs[0].price_year");
    CHECK(d.message == "price year 1985 is outside the price index dk-fm-pl-2025 (1991-2025)");
  }
  SUBCASE("the case's price year outside the index") {
    std::string y = kPrices;
    y.replace(y.find("price_year: 2025, "), 18, "");  // the default, start_year 2026
    Diagnostic d = first_error(y);
    CHECK(d.yaml_path == "assumptions.price_index");
    CHECK(d.message == "price year 2026 is outside the price index dk-fm-pl-2025 (1991-2025)");
    CHECK(d.hint == "choose a price_year in 1991-2025");
  }
  SUBCASE("an unknown index") {
    std::string y = kPrices;
    y.replace(y.find("dk-fm-pl-2025"), 13, "dk-fm-pl-2024");
    Diagnostic d = first_error(y);
    CHECK(d.yaml_path == "assumptions.price_index");
    CHECK(d.message == "unknown price index 'dk-fm-pl-2024'");
    CHECK(d.hint == "did you mean 'dk-fm-pl-2025'?");
  }
}

namespace {

// A bullet loan of 1,000 at 5 % nominal, disbursed 2026, two periods: 50 of
// interest in 2027, 1,050 in 2028. Inflation 2 %, a real discount rate of 3 %.
const char* kLoan = R"(format: gevinst/1
case: {id: nominal-loan}
assumptions: {start_year: 2026, horizon: 3, inflation: 0.02, discounting: {rate: 0.03}}
parties: [{id: region, sector: region}, {id: fund, sector: state}]
costs: [{id: kit, kind: investment, party: region, amount: 1000}]
financing:
  - {id: loan, method: bullet, lender: fund, borrower: region, principal: 1000, disbursed: 2026, rate: 0.05, term: 2}
)";

}  // namespace

TEST_CASE("inflation: nominal loan flows enter present values deflated") {
  Case c = load(kLoan);
  CHECK(deflator(c.assumptions, 2026) == 1.0);
  CHECK(deflator(c.assumptions, 2028) == doctest::Approx(1 / 1.0404).epsilon(1e-15));
  FinancingResult f = evaluate_case_financing(c);
  const LoanResult& L = f.loans.at(0);
  // The schedule stays nominal.
  REQUIRE(L.schedule.rows.size() == 2);
  CHECK(L.schedule.rows[0].payment == doctest::Approx(50).epsilon(1e-12));
  CHECK(L.schedule.rows[1].payment == doctest::Approx(1050).epsilon(1e-12));
  REQUIRE(L.payments.size() == 3);
  CHECK(L.payments[2] == doctest::Approx(1050).epsilon(1e-12));
  // Lender PV (P2 with DF(t) = 1.03^-t):
  //   -1,000 + 50 / (1.02 x 1.03) + 1,050 / (1.02 x 1.03)^2 = -1.1146984840...
  // LibreOffice Calc: =-1000+NPV((1+0.03)*(1+0.02)-1;50;1050) (real discounting
  // of deflated flows is discounting at the nominal rate (1 + r)(1 + inflation) - 1).
  CHECK(L.pv.lender == doctest::Approx(-1.1146984840077).epsilon(1e-12));
  CHECK(L.pv.borrower == doctest::Approx(1.1146984840077).epsilon(1e-12));
  // Transfers are deflated: 1,000 in 2026; 50 / 1.02 = 49.0196...; 1,050 / 1.0404 = 1,009.2272...
  REQUIRE(f.transfers.size() == 3);
  CHECK(f.transfers[0].amount == doctest::Approx(1000).epsilon(1e-12));
  CHECK(f.transfers[1].amount == doctest::Approx(49.0196078431).epsilon(1e-12));
  CHECK(f.transfers[2].amount == doctest::Approx(1009.2272202999).epsilon(1e-12));
  // The fund's party NPV is the lender PV (it has no items): the party view
  // discounts the deflated transfers with DF(t).
  BusinessCase bc = evaluate_case(c);
  const PartyResult* fund = nullptr;
  for (const auto& p : bc.parties)
    if (p.party == "fund") fund = &p;
  REQUIRE(fund);
  CHECK(fund->npv == doctest::Approx(-1.1146984840077).epsilon(1e-9));
  CHECK(!L.notes.empty());
}

TEST_CASE("inflation: 0 (the default) leaves loan flows as they are") {
  std::string y = kLoan;
  y.replace(y.find("inflation: 0.02, "), 17, "");
  FinancingResult f = evaluate_case_financing(load(y));
  // -1,000 + 50 / 1.03 + 1,050 / 1.03^2 = 38.2693...
  CHECK(f.loans.at(0).pv.lender == doctest::Approx(-1000 + 50 / 1.03 + 1050 / (1.03 * 1.03)).epsilon(1e-12));
  CHECK(f.transfers[2].amount == doctest::Approx(1050).epsilon(1e-12));
  CHECK(f.loans.at(0).notes.empty());
}

TEST_CASE("inflation: outside -0.05..0.5 is an error at the key") {
  std::string y = kLoan;
  y.replace(y.find("inflation: 0.02"), 15, "inflation: 2");
  Diagnostic d = first_error(y);
  CHECK(d.yaml_path == "assumptions.inflation");
  CHECK(d.loc.line == 3);
  CHECK(d.message == "inflation 2 is outside -0.05..0.5");
  CHECK(d.hint == "a yearly rate as a fraction: 2 % is 0.02");
}
