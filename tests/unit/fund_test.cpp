// Tests for libeval/fund: one lender across several cases (the fund view of
// `gevinst repay --fund`). The cases use rate 0 or simple bullet loans so
// every expected figure is worked by hand in the comments; the schedules
// themselves are checked against LibreOffice Calc in repayment_test.cpp.
#include "libeval/fund.h"

#include <fmt/format.h>

#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

FundCase fund_case(const std::string& file, const std::string& yaml) {
  const Case c = load(yaml, file);
  return {file, c.info.id, c.assumptions.currency, evaluate_case_financing(c)};
}

// A case from `start` over 6 years with one cost, one benefit and the given
// financing items.
std::string case_text(const std::string& id, int start, const std::string& financing,
                      const std::string& currency = "DKK") {
  return fmt::format(R"(format: gevinst/1
case: {{id: {}}}
assumptions: {{start_year: {}, horizon: 6, currency: {}, discounting: {{rate: 0.04}}}}
parties: [{{id: region, sector: region}}, {{id: fund, sector: state}}, {{id: bank, sector: private}}]
costs: [{{id: devices, kind: investment, party: region, amount: 1e5, year: {}}}]
benefits: [{{id: gains, kind: budget, party: region, per_year: 0, from: {}}}]
financing:
{}
)",
                     id, start, currency, start, start, financing);
}

// Case A (2026): annuity 1e6 at 0 % over 4 years: 250k a year 2027-2030; a
// grant of 70 % of devices (1e5) in 2026 = 70k; a bank loan (ignored).
// Case B (2027): bullet 500k at 10 % over 3 years: 50k in 2028 and 2029,
// 550k in 2030.
std::vector<FundCase> two_cases() {
  return {
      fund_case(
          "a.yaml",
          case_text(
              "case-a", 2026,
              R"(  - {id: a-loan, method: annuity, lender: fund, borrower: region, principal: 1e6, rate: 0, term: 4}
  - {id: a-grant, method: grant, payer: fund, recipient: region, share: 0.7, of: [devices]}
  - {id: a-bank, method: annuity, lender: bank, borrower: region, principal: 9e9, rate: 0.05, term: 2})")),
      fund_case(
          "b.yaml",
          case_text(
              "case-b", 2027,
              R"(  - {id: b-loan, method: bullet, lender: fund, borrower: region, principal: 5e5, rate: 0.1, term: 3})"))};
}

}  // namespace

TEST_CASE("fund: two cases' known schedules add up by calendar year") {
  FundResult f = evaluate_fund(two_cases(), "fund");
  CHECK(f.fund == "fund");
  CHECK(f.currency == "DKK");
  CHECK(f.files == 2);
  REQUIRE(f.years.size() == 5);  // 2026-2030
  struct Row {
    int year;
    double disbursed, granted, repaid, interest, balance, cumulative;
  };
  // balance: A owes 1e6 - 250k per year paid; B owes 500k until 2030.
  // cumulative cash: -1.07e6, -1.32e6 (-250k: 250k in, 500k out), -1.02e6, -0.72e6, +0.08e6.
  const Row expected[] = {
      {2026, 1e6, 70000, 0, 0, 1e6, -1.07e6},    {2027, 5e5, 0, 250000, 0, 1.25e6, -1.32e6},
      {2028, 0, 0, 300000, 50000, 1e6, -1.02e6}, {2029, 0, 0, 300000, 50000, 750000, -0.72e6},
      {2030, 0, 0, 800000, 50000, 0, 0.08e6},
  };
  for (size_t k = 0; k < 5; ++k) {
    const FundYear& y = f.years[k];
    const Row& e = expected[k];
    CAPTURE(e.year);
    CHECK(y.year == e.year);
    CHECK(y.disbursed == doctest::Approx(e.disbursed));
    CHECK(y.granted == doctest::Approx(e.granted));
    CHECK(y.repaid == doctest::Approx(e.repaid));
    CHECK(y.interest == doctest::Approx(e.interest));
    CHECK(y.forgiven == 0);
    CHECK(y.balance == doctest::Approx(e.balance));
    CHECK(y.cumulative_cash == doctest::Approx(e.cumulative));
  }
  CHECK(f.capital_needed == doctest::Approx(1.32e6));
  CHECK(f.capital_needed_year == 2027);
  CHECK(f.refilled_year == 2030);
  CHECK(f.disbursed == doctest::Approx(1.5e6));
  CHECK(f.repaid == doctest::Approx(1.65e6));  // 1e6 + 500k + 3 × 50k interest
  // The bank's loan is left out, and said so.
  REQUIRE(f.loans.size() == 2);
  CHECK(f.loans[0].id == "a-loan");
  CHECK(f.loans[1].id == "b-loan");
  CHECK(f.loans[1].file == "b.yaml");
  CHECK(f.loans[1].total_interest == doctest::Approx(150000));
  REQUIRE(f.grants.size() == 1);
  CHECK(f.grants[0].first_year == 2026);
  CHECK(f.grants[0].total == doctest::Approx(70000));
  REQUIRE(f.cases.size() == 2);
  CHECK(f.cases[0].granted == doctest::Approx(70000));
  CHECK(f.cases[1].repaid == doctest::Approx(650000));
  bool bank_note = false;
  for (const auto& n : f.notes)
    bank_note |= n.text().find("other lenders are left out (bank)") != std::string::npos;
  CHECK(bank_note);
}

TEST_CASE("fund: balance identity, and a gain-share loan with no gains written off") {
  // Case C: gain-share 2e5 at 5 % over 3 years on a benefit of 0: nothing
  // repaid; the balance grows to 2e5 × 1.05^3 and is forgiven in 2029.
  auto cases = two_cases();
  cases.push_back(fund_case(
      "c.yaml",
      case_text(
          "case-c", 2026,
          R"(  - {id: c-loan, method: gain-share, lender: fund, borrower: region, principal: 2e5, rate: 0.05, term: 3,
     gain_share: {share: 0.5, of: [gains]}})")));
  FundResult f = evaluate_fund(cases, "fund");
  double previous = 0;
  for (const FundYear& y : f.years) {
    CAPTURE(y.year);
    // B(y) = B(y-1) + disbursed + interest - repaid - forgiven.
    CHECK(y.balance == doctest::Approx(previous + y.disbursed + y.interest - y.repaid - y.forgiven));
    CHECK(y.balance >= 0);
    CHECK(y.net_cash == doctest::Approx(y.repaid - y.disbursed - y.granted));
    previous = y.balance;
  }
  CHECK(f.years[3].year == 2029);
  CHECK(f.years[3].forgiven == doctest::Approx(2e5 * 1.05 * 1.05 * 1.05));
  CHECK(f.forgiven == doctest::Approx(2e5 * 1.05 * 1.05 * 1.05));
  // Capital: 1.32e6 + 2e5 (case C's disbursement in 2026, never repaid).
  CHECK(f.capital_needed == doctest::Approx(1.52e6));
  CHECK(!f.refilled_year.has_value());  // cumulative ends at 0.08e6 - 0.2e6 < 0
  CHECK(f.loans[2].forgiven_because == Forgiveness::gains_short);
}

TEST_CASE("fund: errors") {
  SUBCASE("a fund id no loan or grant names lists the lenders and payers") {
    try {
      evaluate_fund(two_cases(), "fnd");
      FAIL("expected an InputError");
    } catch (const InputError& e) {
      REQUIRE(e.diagnostics.size() == 1);
      CHECK(e.diagnostics[0].file.empty());  // not a file's fault; the CLI names its option
      CHECK(e.diagnostics[0].message ==
            "no loan or grant in the 2 case file(s) has 'fnd' as lender or payer");
      CHECK(e.diagnostics[0].hint == "lenders: bank, fund; grant payers: fund; did you mean 'fund'?");
    }
  }
  SUBCASE("different currencies cannot be added") {
    auto cases = two_cases();
    cases.push_back(fund_case(
        "e.yaml",
        case_text(
            "case-e", 2026,
            R"(  - {id: e-loan, method: serial, lender: fund, borrower: region, principal: 1e5, rate: 0, term: 2})",
            "EUR")));
    CHECK_THROWS_AS(evaluate_fund(cases, "fund"), InputError);
  }
  SUBCASE("a case without the fund's loans counts as a file but adds nothing") {
    auto cases = two_cases();
    cases.push_back(fund_case(
        "d.yaml",
        case_text(
            "case-d", 2026,
            R"(  - {id: d-loan, method: serial, lender: bank, borrower: region, principal: 1e5, rate: 0, term: 2})")));
    FundResult f = evaluate_fund(cases, "fund");
    CHECK(f.files == 3);
    CHECK(f.cases.size() == 2);
    CHECK(f.capital_needed == doctest::Approx(1.32e6));
  }
}
