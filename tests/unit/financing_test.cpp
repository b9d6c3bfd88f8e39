// Tests for libeval/financing (docs/case-format.md, "Financing" and its
// subsections, and "Parties and transfers"): grants and loans on whole cases
// loaded from YAML text. Expected values are worked by hand from the
// formulas there (each one says how); the schedules themselves are checked
// against LibreOffice Calc in repayment_test.cpp.
#include "libeval/financing.h"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "libeval/business_case.h"
#include "libeval/loader.h"
#include "libeval/parameters.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

// What `--set name=text` does.
Overrides set(const Case& c, const std::string& name, const std::string& text) {
  Diagnostics d("--set");
  auto n = compile_number(c, text, "--set " + name, d);
  REQUIRE(n);
  REQUIRE(c.parameter_index(name) >= 0);
  return {Override{c.parameter_index(name), name, std::move(*n)}};
}

// Copies, so that a call on a temporary result leaves nothing dangling.
LoanResult loan(const FinancingResult& f, const std::string& id) { return by_id(f.loans, id); }
GrantResult grant(const FinancingResult& f, const std::string& id) { return by_id(f.grants, id); }

const ItemSeries& item(const BusinessCase& bc, const std::string& id) { return by_id(bc.items, id); }

void check_near(const std::vector<double>& got, const std::vector<double>& expected) {
  REQUIRE(got.size() == expected.size());
  for (size_t i = 0; i < got.size(); ++i) CHECK(got[i] == doctest::Approx(expected[i]));
}

// Rules every schedule keeps (docs/case-format.md, "Loan schedules"):
// principal parts sum to principal - forgiven, closing balances are never
// negative, each row closes at opening + interest - payment.
void check_schedule_invariants(const LoanResult& L) {
  double parts = 0;
  for (const auto& r : L.schedule.rows) {
    CHECK(r.closing >= 0);
    CHECK(r.closing == doctest::Approx(r.opening + r.interest - r.payment));
    parts += r.principal;
  }
  CHECK(parts == doctest::Approx(L.terms.principal - L.schedule.forgiven));
  double by_year = 0;
  for (const auto& y : L.years) by_year += y.payment;
  CHECK(by_year == doctest::Approx(L.schedule.total_paid));
}

// A small case: 5 years from 2026 at a flat 4 %, a region that buys devices
// and training and gains fewer admissions; a fund that grants and lends.
// `financing` is the financing section (may be empty).
std::string small_case(const std::string& financing, const std::string& parameters = "") {
  return fmt::format(R"(format: gevinst/1
case: {{id: small}}
assumptions: {{start_year: 2026, horizon: 5, discounting: {{rate: 0.04}}}}
parameters:
  effect: 1
  vendor_share: 0.7
{}
parties:
  - {{id: region, sector: region}}
  - {{id: kommune, sector: municipality}}
  - {{id: fund, sector: state, label: National fund}}
costs:
  - {{id: devices, kind: investment, party: region, amount: 1e6, year: 2026}}
  - {{id: training, kind: implementation, party: region, amounts: {{2026: 2e5, 2027: 1e5}}}}
  - {{id: operation, kind: operating, party: region, per_year: 1e5, from: 2027}}
benefits:
  - {{id: admissions, kind: budget, party: region, per_year: "4e5 * $effect", from: 2027, profile: {{2027: 0.5, 2028: 1}}}}
  - {{id: travel, kind: societal, party: kommune, per_year: 5e4, from: 2027}}
{}
)",
                     parameters, financing);
}

}  // namespace

TEST_CASE("financing: a grant of 70 % of the listed costs, year by year") {
  Case c = load(small_case(R"(financing:
  - {id: grant, method: grant, payer: fund, recipient: region, share: 0.7, of: [devices, training]})"));
  FinancingResult f = evaluate_case_financing(c);
  const GrantResult g = grant(f, "grant");
  // grant(y) = 0.7 × (devices + training)(y): 2026: 0.7 × 1.2e6; 2027: 0.7 × 1e5.
  const std::vector<double> expected = {840000, 70000, 0, 0, 0};
  REQUIRE(g.years.size() == expected.size());
  for (size_t t = 0; t < expected.size(); ++t) CHECK(g.years[t] == doctest::Approx(expected[t]));
  CHECK(g.base[0] == doctest::Approx(1.2e6));
  CHECK(g.total == doctest::Approx(910000));
  CHECK(g.pv == doctest::Approx(840000 + 70000 / 1.04));  // DF(1) = 1/1.04
  CHECK(g.payer_label == "National fund");
  CHECK(g.recipient_label == "region");
  // One transfer per year with money, payer to recipient.
  REQUIRE(f.transfers.size() == 2);
  CHECK(f.transfers[0].from == "fund");
  CHECK(f.transfers[0].to == "region");
  CHECK(f.transfers[0].kind == "grant");
  CHECK(f.transfers[1].year == 2027);
  CHECK(f.transfers[1].amount == doctest::Approx(70000));
  // The party view: the region's NPV rises by the grant's PV, the fund's falls by it.
  BusinessCase with = evaluate_case(c);
  Case without_c = c;
  without_c.financing.clear();
  BusinessCase without = evaluate_case(without_c);
  CHECK(with.parties[0].npv - without.parties[0].npv == doctest::Approx(g.pv));
  CHECK(with.parties[2].npv - without.parties[2].npv == doctest::Approx(-g.pv));
}

TEST_CASE("financing: principal as a share of the listed costs") {
  // 0.5 × undiscounted total over the horizon of devices (1e6) and operation
  // (1e5 a year 2027-2030 = 4e5) = 700,000 (docs/case-format.md, "Loans").
  Case c = load(small_case(R"(financing:
  - {id: loan, method: annuity, lender: fund, borrower: region, principal: {share: 0.5, of: [devices, operation]},
     disbursed: 2026, rate: 0.05, term: 3})"));
  FinancingResult f = evaluate_case_financing(c);
  const LoanResult L = loan(f, "loan");
  CHECK(L.terms.principal == doctest::Approx(700000));
  // Annuity 700000 × 0.05 / (1 - 1.05^-3) = 257,045.67 ("Loan schedules"; Calc PMT(5%;3;-700000)).
  REQUIRE(L.schedule.rows.size() == 3);
  for (const auto& r : L.schedule.rows)
    CHECK(r.payment == doctest::Approx(700000 * 0.05 / (1 - std::pow(1.05, -3))));
  CHECK(L.schedule.forgiven == 0);
  CHECK(L.forgiven_because == Forgiveness::none);
  check_schedule_invariants(L);
  // A share written as an expression follows the parameters: 0.7 × 1e6 at
  // the base, 0.3 × 1e6 with --set vendor_share=0.3.
  Case c2 = load(small_case(R"(financing:
  - {id: loan, method: annuity, lender: fund, borrower: region, principal: {share: "$vendor_share", of: [devices]},
     disbursed: 2026, rate: 0.05, term: 3})"));
  CHECK(loan(evaluate_case_financing(c2), "loan").terms.principal == doctest::Approx(700000));
  CHECK(loan(evaluate_case_financing(c2, set(c2, "vendor_share", "0.3")), "loan").terms.principal ==
        doctest::Approx(300000));
}

TEST_CASE("financing: gain-share repays from realised gains; less realised, less repaid") {
  // Rate 0 keeps the arithmetic by hand: gains of admissions are
  // 4e5 × effect × profile (0.5 in 2027, 1 from 2028); the loan takes half.
  const std::string fin = R"(financing:
  - {id: loan, method: gain-share, lender: fund, borrower: region, principal: 1e6, disbursed: 2026, rate: 0,
     term: 4, gain_share: {share: 0.5, of: [admissions]}})";
  Case c = load(small_case(fin));

  SUBCASE("base: 100k, 200k, 200k, 200k repaid; 300k forgiven") {
    const LoanResult L = loan(evaluate_case_financing(c), "loan");
    std::vector<double> paid;
    for (const auto& r : L.schedule.rows) paid.push_back(r.payment);
    check_near(paid, {100000, 200000, 200000, 200000});
    CHECK(L.schedule.forgiven == doctest::Approx(300000));
    CHECK(L.forgiven_because == Forgiveness::gains_short);
    REQUIRE(L.years.size() == 4);
    CHECK(L.years[0].gains == doctest::Approx(200000));
    CHECK(L.years[0].offered == doctest::Approx(100000));
    check_near(L.gains, {0, 200000, 400000, 400000, 400000});
    check_schedule_invariants(L);
  }
  SUBCASE("a part year offers only its periods' share of the gains") {
    // Quarterly, term 6: 2027 has periods 1-4, 2028 periods 5-6. Per period
    // 0.5 × gains / 4: 25k in 2027 (gains 200k), 50k in 2028 (gains 400k).
    // 2028 offered 0.5 × 400k × 2/4 = 100k, not 200k (docs/case-format.md, "Gain-share").
    Case cq = load(small_case(R"(financing:
  - {id: loan, method: gain-share, lender: fund, borrower: region, principal: 1e6, disbursed: 2026, rate: 0,
     term: 6, periods_per_year: 4, gain_share: {share: 0.5, of: [admissions]}})"));
    const LoanResult L = loan(evaluate_case_financing(cq), "loan");
    REQUIRE(L.years.size() == 2);
    CHECK(L.years[0].offered == doctest::Approx(100000));
    CHECK(L.years[0].payment == doctest::Approx(100000));
    CHECK(L.years[1].gains == doctest::Approx(400000));
    CHECK(L.years[1].offered == doctest::Approx(100000));
    CHECK(L.years[1].payment == doctest::Approx(100000));
    CHECK(L.schedule.forgiven == doctest::Approx(800000));
    check_schedule_invariants(L);
  }
  SUBCASE("a scenario that halves the effect halves the repayments (--set effect=0.5)") {
    const LoanResult L = loan(evaluate_case_financing(c, set(c, "effect", "0.5")), "loan");
    CHECK(L.schedule.total_paid == doctest::Approx(350000));
    CHECK(L.schedule.forgiven == doctest::Approx(650000));
    check_schedule_invariants(L);
  }
  SUBCASE("zero gains: fully forgiven, with the interest added every year") {
    Case c4 = load(small_case(R"(financing:
  - {id: loan, method: gain-share, lender: fund, borrower: region, principal: 1e6, disbursed: 2026, rate: 0.02,
     term: 5, gain_share: {share: 0.5, of: [admissions]}})"));
    FinancingResult f = evaluate_case_financing(c4, set(c4, "effect", "0"));
    const LoanResult L = loan(f, "loan");
    CHECK(L.schedule.total_paid == 0);
    // Nothing paid: B grows to 1e6 × 1.02^5 by the end of the term, all of it forgiven.
    CHECK(L.schedule.forgiven == doctest::Approx(1e6 * std::pow(1.02, 5)));
    CHECK(L.forgiven_because == Forgiveness::gains_short);
    CHECK(L.pv.lender == doctest::Approx(-1e6));  // the disbursement in the start year, DF(0) = 1
    check_schedule_invariants(L);
    // Only the disbursement moves money.
    REQUIRE(f.transfers.size() == 1);
    CHECK(f.transfers[0].kind == "disbursement");
  }
  SUBCASE("the cap stops repayment: cap 0.5 of 1e6 with gains enough") {
    Case c5 = load(small_case(R"(financing:
  - {id: loan, method: gain-share, lender: fund, borrower: region, principal: 1e6, disbursed: 2026, rate: 0,
     term: 4, gain_share: {share: 1, of: [admissions], cap: 0.5}})"));
    const LoanResult L = loan(evaluate_case_financing(c5), "loan");
    // Gains 200k, 400k: paid 200k then 300k (cap 500k reached), 500k forgiven.
    CHECK(L.schedule.total_paid == doctest::Approx(500000));
    CHECK(L.schedule.forgiven == doctest::Approx(500000));
    CHECK(L.forgiven_because == Forgiveness::cap_reached);
  }
}

TEST_CASE("financing: gains of a capacity activity are its value, monetised or not") {
  // 30 minutes × 2000 events × 400 per hour = 400,000 a year ("Capacity release"), not
  // monetised; the loan takes 0.25 of it = 100,000 a year.
  Case c = load(R"(format: gevinst/1
case: {id: cap}
assumptions: {start_year: 2026, horizon: 4, discounting: {rate: 0.04}}
parties: [{id: kommune, sector: municipality}, {id: fund, sector: state}]
costs: [{id: hoists, kind: investment, party: kommune, amount: 5e5, year: 2026}]
capacity:
  staff: {carer: {hour_cost: 400}}
  activities:
    - {id: transfers, staff: carer, party: kommune, minutes_saved: 30, events_per_year: 2000, from: 2027,
       monetise: false}
financing:
  - {id: loan, method: gain-share, lender: fund, borrower: kommune, principal: 3e5, disbursed: 2026, rate: 0,
     term: 3, gain_share: {share: 0.25, of: [transfers]}}
)");
  const LoanResult L = loan(evaluate_case_financing(c), "loan");
  check_near(L.gains, {0, 400000, 400000, 400000});
  std::vector<double> paid;
  for (const auto& r : L.schedule.rows) paid.push_back(r.payment);
  check_near(paid, {100000, 100000, 100000});
  CHECK(L.schedule.forgiven == 0);
}

TEST_CASE("financing: grace for gain-share: interest-only by default, capitalise when written") {
  const std::string base = R"(financing:
  - {id: loan, method: gain-share, lender: fund, borrower: region, principal: 1e6, disbursed: 2026, rate: 0.1,
     grace: 1, term: 3, gain_share: {share: 0.5, of: [admissions]}MODE})";
  auto with_mode = [&](const std::string& mode) {
    std::string s = base;
    s.replace(s.find("MODE"), 4, mode);
    return load(small_case(s));
  };
  SUBCASE("default: the grace year's interest is paid whatever the gains") {
    Case c = with_mode("");
    const LoanResult L = loan(evaluate_case_financing(c, set(c, "effect", "0")), "loan");
    REQUIRE(!L.schedule.rows.empty());
    CHECK(L.schedule.rows[0].payment == doctest::Approx(100000));  // 1e6 × 10 %
    CHECK(L.schedule.rows[0].closing == doctest::Approx(1e6));
    CHECK(L.years[0].grace_periods == 1);
  }
  SUBCASE("grace_mode: capitalise: nothing paid in grace although the year has gains") {
    Case c = with_mode(", grace_mode: capitalise");
    const LoanResult L = loan(evaluate_case_financing(c), "loan");
    REQUIRE(!L.schedule.rows.empty());
    CHECK(L.years[0].gains == doctest::Approx(200000));
    CHECK(L.schedule.rows[0].payment == 0);
    CHECK(L.schedule.rows[0].closing == doctest::Approx(1.1e6));
  }
}

TEST_CASE("financing: a schedule past the horizon") {
  // Monthly serial loan over 48 periods from 2029: rows run to 2033, the
  // horizon ends 2030. Payments after 2030 are reported, not transferred.
  Case c = load(small_case(R"(financing:
  - {id: loan, method: serial, lender: fund, borrower: region, principal: 480000, disbursed: 2029, rate: 0.12,
     periods_per_year: 12, term: 48})"));
  FinancingResult f = evaluate_case_financing(c);
  const LoanResult L = loan(f, "loan");
  REQUIRE(L.schedule.rows.size() == 48);
  CHECK(L.last_year == 2033);
  REQUIRE(L.years.size() == 4);
  CHECK(L.years[0].year == 2030);
  CHECK(L.years[0].first_period == 1);
  CHECK(L.years[0].last_period == 12);
  CHECK(L.years[0].opening == 480000);
  // Serial: 10,000 principal a month, so 120,000 a year; closing 2030 = 360,000.
  CHECK(L.years[0].principal == doctest::Approx(120000));
  CHECK(L.years[0].closing == doctest::Approx(360000));
  // Interest in 2030: 1 % a month on 480,000, 470,000, ... 370,000 = 1 % × 12 × 425,000.
  CHECK(L.years[0].interest == doctest::Approx(51000));
  double in_horizon = 0;
  for (const auto& t : f.transfers)
    if (t.kind == "repayment") in_horizon += t.amount;
  CHECK(in_horizon == doctest::Approx(L.years[0].payment));
  CHECK(L.paid_after_horizon == doctest::Approx(L.schedule.total_paid - L.years[0].payment));
  CHECK(L.notes.size() == 1);  // paid after the horizon (not a gain-share loan)
  check_schedule_invariants(L);
}

TEST_CASE("financing: transfers net to zero and never change the case's NPV") {
  Case c = load(small_case(R"(financing:
  - {id: grant, method: grant, payer: fund, recipient: region, share: 0.7, of: [devices, training]}
  - {id: gs, method: gain-share, lender: fund, borrower: region, principal: 3e5, disbursed: 2026, rate: 0.02,
     grace: 1, term: 3, gain_share: {share: 0.5, of: [admissions], cap: 1.2}}
  - {id: ann, method: annuity, lender: fund, borrower: kommune, principal: 2e5, disbursed: 2027, rate: 0.03,
     periods_per_year: 4, term: 12})"));
  Case bare = c;
  bare.financing.clear();
  for (Perspective p : {Perspective::budget, Perspective::organisation, Perspective::society}) {
    CAPTURE(to_string(p));
    BusinessCase with = evaluate_case(c, {p, {}, ""});
    BusinessCase without = evaluate_case(bare, {p, {}, ""});
    // The case's NPV with and without the financing section.
    CHECK(with.selected().npv == without.selected().npv);
    for (int k = 0; k < 3; ++k) CHECK(with.perspectives[k].npv == without.perspectives[k].npv);
    // Transfers in = transfers out, every year.
    for (size_t t = 0; t < with.discount_factors.size(); ++t) {
      double in = 0, out = 0;
      for (const auto& party : with.parties) {
        in += party.years[t].transfers_in;
        out += party.years[t].transfers_out;
      }
      CHECK(in == doctest::Approx(out));
    }
    // Party NPVs add up to the case's NPV with financing as without.
    double sum = 0, sum_without = 0;
    for (const auto& party : with.parties) sum += party.npv;
    for (const auto& party : without.parties) sum_without += party.npv;
    CHECK(sum == doctest::Approx(with.selected().npv));
    CHECK(sum == doctest::Approx(sum_without));
  }
  // Every loan is scheduled within the horizon here, so each lender's party
  // NPV moves by its lender PV and the borrowers' by the opposite.
  FinancingResult f = evaluate_case_financing(c);
  for (const auto& L : f.loans) {
    CAPTURE(L.id);
    CHECK(L.paid_after_horizon == 0);
    CHECK(L.pv.borrower == -L.pv.lender);
    check_schedule_invariants(L);
  }
  BusinessCase with = evaluate_case(c), without = evaluate_case(bare);
  double fund_change = with.parties[2].npv - without.parties[2].npv;
  CHECK(fund_change ==
        doctest::Approx(loan(f, "gs").pv.lender + loan(f, "ann").pv.lender - grant(f, "grant").pv));
  double kommune_change = with.parties[1].npv - without.parties[1].npv;
  CHECK(kommune_change == doctest::Approx(loan(f, "ann").pv.borrower));
  // evaluate_case carries the same financing result.
  CHECK(with.financing.transfers.size() == f.transfers.size());
}

TEST_CASE("financing: pay-for-performance contract switches at the threshold") {
  // A vendor paid 1.2e6 a year when readmissions fall by 20 % or more, else
  // 0.8e6 (the expression is the contract).
  Case c = load(R"y(format: gevinst/1
case: {id: p4p}
assumptions: {start_year: 2026, horizon: 3, discounting: {rate: 0.04}}
parameters:
  readmission_reduction: {value: 0.25, source: test}
parties: [{id: region, sector: region}]
costs:
  - {id: vendor, kind: operating, party: region, per_year: "if($readmission_reduction >= 0.2, 1.2e6, 0.8e6)"}
)y");
  auto vendor_paid = [&](const std::string& value) {
    BusinessCase bc =
        evaluate_case(c, {Perspective::organisation, set(c, "readmission_reduction", value), ""});
    return item(bc, "vendor").values[1];
  };
  CHECK(evaluate_case(c).items[0].values[0] == 1.2e6);
  CHECK(vendor_paid("0.2") == 1.2e6);
  CHECK(vendor_paid("0.1999") == 0.8e6);
  CHECK(vendor_paid("0") == 0.8e6);
}

TEST_CASE("financing: shares moved outside [0, 1] by an override are errors naming the field") {
  Case c = load(small_case(R"(financing:
  - {id: grant, method: grant, payer: fund, recipient: region, share: "$vendor_share", of: [devices]})"));
  try {
    evaluate_case_financing(c, set(c, "vendor_share", "1.5"));
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].yaml_path == "financing[0].share");
    CHECK(e.diagnostics[0].message.find("outside [0, 1]") != std::string::npos);
    CHECK(e.diagnostics[0].loc.line > 0);
  }
}

TEST_CASE("financing: schedule_by_year") {
  LoanTerms t{.method = LoanMethod::annuity,
              .principal = 1200,
              .disbursed = 2026,
              .rate = 0,
              .periods_per_year = 4,
              .grace = 2,
              .term = 4};
  LoanSchedule s = build_schedule(t, {});
  std::vector<LoanYear> y = schedule_by_year(s, t.grace);
  // Periods 1-4 in 2027 (two of grace, then 300 twice at rate 0), 5-6 in 2028.
  REQUIRE(y.size() == 2);
  CHECK(y[0].year == 2027);
  CHECK(y[0].grace_periods == 2);
  CHECK(y[0].payment == doctest::Approx(600));
  CHECK(y[0].closing == doctest::Approx(600));
  CHECK(y[1].first_period == 5);
  CHECK(y[1].last_period == 6);
  CHECK(y[1].opening == doctest::Approx(600));
  CHECK(y[1].closing == 0);
}
