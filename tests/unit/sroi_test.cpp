// Tests for libeval/sroi (docs/case-format.md, "SROI"). Expected values are
// worked by hand, cell by cell, from the formula lines of that section,
// quoted where they are used:
//   (S1) impact(k) = quantity x proxy x (1-deadweight) x (1-attribution) x (1-displacement) x (1-drop_off)^k,
//        k = 0 .. duration-1 after `start`, inside the horizon
//   (S2) discounted with the case's DF of that calendar year ("Discounting":
//        DF(0) = 1, DF(t) = DF(t-1) / (1 + r))
//   (S3) pv_value = sum over outcomes and years
//   (S4) ratio = pv_value / investment; net_ratio = (pv_value - investment) / investment
//   (S5) an explicit investment is a present value; auto = PV of all costs
// and the payback and sensitivity conventions documented in libeval/sroi.h.
//
// A published worked example with every number (the Cabinet Office / SROI
// Network guide's "Wheels to Meals" impact map) could not be retrieved in full
// here, so "sroi: an impact map worked cell by cell" below builds one in the
// guide's layout (stakeholders, outcomes, proxies, deadweight, attribution,
// drop-off, 3.5 % discounting as in the guide) and works every cell by hand.
#include "libeval/sroi.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "libeval/business_case.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

// One outcome: 100 units x 50 = gross 5,000 a year; deadweight 0.2,
// attribution 0.25, displacement 0.1, drop-off 0.5; three years from 2027;
// 10 % discounting; a cost of 10,000 in 2026 (DF 1, so investment: auto = 10,000).
const char* kOne = R"(format: gevinst/1
case: {id: one-outcome}
assumptions: {start_year: 2026, horizon: 5, discounting: {rate: 0.10}}
parties: [{id: p, sector: region}]
costs: [{id: kit, kind: investment, party: p, amount: 10000, year: 2026}]
sroi:
  investment: auto
  outcomes:
    - id: fewer-falls
      stakeholder: patients
      indicator: Falls avoided
      quantity: 100
      proxy: 50
      start: 2027
      duration: 3
      deadweight: 0.2
      attribution: 0.25
      displacement: 0.1
      drop_off: 0.5
)";

// impact(0) = 5,000 x 0.8 x 0.75 x 0.9 = 2,700 (S1); 1,350 and 675 after
// drop-off; discounted at 10 % in years t = 1, 2, 3 (S2).
const double kPv = 2700 / 1.1 + 1350 / 1.21 + 675 / 1.331;  // = 4,077.3854...

}  // namespace

TEST_CASE("sroi: one outcome worked by hand") {
  SroiResult r = evaluate_sroi(load(kOne));
  REQUIRE(r.outcomes.size() == 1);
  const OutcomeResult& o = r.outcomes[0];
  const double gross[] = {0, 5000, 5000, 5000, 0};
  const double impact[] = {0, 2700, 1350, 675, 0};
  const double df[] = {1, 1 / 1.1, 1 / 1.21, 1 / 1.331, 1 / 1.4641};
  for (int t = 0; t < 5; ++t) {
    CAPTURE(t);
    CHECK(o.gross[t] == doctest::Approx(gross[t]).epsilon(1e-12));
    CHECK(o.impact[t] == doctest::Approx(impact[t]).epsilon(1e-12));
    CHECK(o.pv[t] == doctest::Approx(impact[t] * df[t]).epsilon(1e-12));
    CHECK(r.discount_factors[t] == doctest::Approx(df[t]).epsilon(1e-12));
  }
  CHECK(kPv == doctest::Approx(4077.3854).epsilon(1e-8));
  CHECK(o.pv_value == doctest::Approx(kPv).epsilon(1e-12));
  CHECK(o.years_counted == 3);
  CHECK(o.first_year_impact == doctest::Approx(2700));
  CHECK(r.pv_value == doctest::Approx(kPv).epsilon(1e-12));
  // (S5) auto: the PV of the one cost, 10,000 in year index 0.
  CHECK(r.investment_auto);
  CHECK(r.investment == doctest::Approx(10000));
  // (S4) 4,077.39 / 10,000 and (4,077.39 - 10,000) / 10,000.
  CHECK(r.ratio == doctest::Approx(kPv / 10000).epsilon(1e-12));
  CHECK(r.net_ratio == doctest::Approx((kPv - 10000) / 10000).epsilon(1e-12));
  // Payback (sroi.h): 10,000 / (2,700 / 12) = 44.44 months.
  REQUIRE(r.payback_months);
  CHECK(*r.payback_months == doctest::Approx(10000 / (2700 / 12.0)).epsilon(1e-12));
  REQUIRE(r.stakeholders.size() == 1);
  CHECK(r.stakeholders[0].stakeholder == "patients");
  CHECK(r.stakeholders[0].pv_value == doctest::Approx(kPv));
  CHECK(r.warnings.empty());
}

TEST_CASE("sroi: sensitivity rows worked by hand") {
  SroiResult r = evaluate_sroi(load(kOne));
  REQUIRE(r.sensitivity.size() == 9);
  // The three adjustments multiply every year's impact (S1), so each row is the
  // base PV times (1 - new share) / (1 - own share).
  struct Row {
    const char* factor;
    const char* change;
    double pv;
  };
  const double drop0 = 2700 / 1.1 + 2700 / 1.21 + 2700 / 1.331;    // drop_off 0
  const double drop75 = 2700 / 1.1 + 675 / 1.21 + 168.75 / 1.331;  // drop_off 0.5 + 0.25 = 0.75
  const Row expected[] = {
      {"deadweight", "0", kPv / 0.8},             // 1 - 0 over 1 - 0.2
      {"deadweight", "+0.25", kPv * 0.55 / 0.8},  // 0.2 + 0.25 = 0.45
      {"attribution", "0", kPv / 0.75},
      {"attribution", "+0.25", kPv * 0.5 / 0.75},  // 0.25 + 0.25 = 0.5
      {"displacement", "0", kPv / 0.9},
      {"displacement", "+0.25", kPv * 0.65 / 0.9},  // 0.1 + 0.25 = 0.35
      {"drop_off", "0", drop0},
      {"drop_off", "+0.25", drop75},
      {"duration", "-1 year", 2700 / 1.1 + 1350 / 1.21},  // two years instead of three
  };
  for (size_t i = 0; i < 9; ++i) {
    CAPTURE(i);
    CHECK(r.sensitivity[i].factor == expected[i].factor);
    CHECK(r.sensitivity[i].change == expected[i].change);
    CHECK(r.sensitivity[i].pv_value == doctest::Approx(expected[i].pv).epsilon(1e-12));
    // The investment is held fixed (sroi.h).
    CHECK(r.sensitivity[i].ratio == doctest::Approx(expected[i].pv / 10000).epsilon(1e-12));
  }
  SroiOptions opt;
  opt.sensitivity = false;
  CHECK(evaluate_sroi(load(kOne), opt).sensitivity.empty());
}

TEST_CASE("sroi: +0.25 is capped at 1 and a one-year outcome drops out at -1 year") {
  std::string y = kOne;
  y.replace(y.find("deadweight: 0.2"), 15, "deadweight: 0.9");
  y.replace(y.find("duration: 3"), 11, "duration: 1");
  SroiResult r = evaluate_sroi(load(y));
  // impact(0) = 5,000 x 0.1 x 0.75 x 0.9 = 337.5 in 2027 only.
  CHECK(r.pv_value == doctest::Approx(337.5 / 1.1));
  for (const auto& row : r.sensitivity) {
    CAPTURE(row.factor);
    CAPTURE(row.change);
    if (row.factor == "deadweight" && row.change == "+0.25") CHECK(row.pv_value == 0);  // min(1, 1.15) = 1
    if (row.factor == "duration") CHECK(row.pv_value == 0);
    if (row.factor == "drop_off")
      CHECK(row.pv_value == doctest::Approx(r.pv_value));  // k = 0 only: (1-d)^0 = 1
  }
}

TEST_CASE("sroi: an impact map worked cell by cell") {
  // Three stakeholders, four outcomes in the guide's layout, discounted at
  // 3.5 % (the guide's example rate, also dk-fm-2021 for years 1-35);
  // explicit investment 50,000 (S5: a present value, not discounted again).
  // Horizon 2026-2030 (t = 0..4).
  //
  // outcome       qty  proxy   gross   dw    attr  displ  drop  start dur
  // independence   40  1,000  40,000  0.25  0.10  0      0.20  2026  3
  // confidence     40    250  10,000  0.50  0     0      0.50  2026  2
  // carer-respite  25    800  20,000  0.10  0.20  0      0     2027  5 (4 in the horizon)
  // gp-visits     120     30   3,600  0     0.50  0.25   0     2026  1
  //
  // impact(k) by (S1):
  // independence:  40,000 x 0.75 x 0.9 = 27,000; then 21,600; 17,280   (t = 0, 1, 2)
  // confidence:    10,000 x 0.5 = 5,000; then 2,500                      (t = 0, 1)
  // carer-respite: 20,000 x 0.9 x 0.8 = 14,400 a year                   (t = 1, 2, 3, 4)
  // gp-visits:     3,600 x 0.5 x 0.75 = 1,350                           (t = 0)
  const char* yaml = R"(format: gevinst/1
case: {id: impact-map}
assumptions: {start_year: 2026, horizon: 5, discounting: dk-fm-2021}
parties: [{id: council, sector: municipality}]
costs: [{id: service, kind: operating, party: council, per_year: 12000}]
sroi:
  investment: 50000
  outcomes:
    - {id: independence, stakeholder: older people, indicator: Living independently, quantity: 40, proxy: 1000,
       deadweight: 0.25, attribution: 0.10, drop_off: 0.20, duration: 3}
    - {id: confidence, stakeholder: older people, indicator: Feeling confident, quantity: 40, proxy: 250,
       deadweight: 0.5, drop_off: 0.5, duration: 2}
    - {id: carer-respite, stakeholder: carers, indicator: Respite hours, quantity: 25, proxy: 800,
       deadweight: 0.1, attribution: 0.2, start: 2027, duration: 5}
    - {id: gp-visits, stakeholder: nhs, indicator: GP visits avoided, quantity: 120, proxy: 30,
       attribution: 0.5, displacement: 0.25}
)";
  SroiResult r = evaluate_sroi(load(yaml));
  const double d1 = 1 / 1.035, d2 = d1 / 1.035, d3 = d2 / 1.035, d4 = d3 / 1.035;
  const double independence = 27000 + 21600 * d1 + 17280 * d2;  // 27,000 + 20,869.57 + 16,131.07
  const double confidence = 5000 + 2500 * d1;                   // 5,000 + 2,415.46
  const double respite = 14400 * (d1 + d2 + d3 + d4);           // 14,400 x 3.673079 (annuity factor)
  const double gp = 1350;
  CHECK(independence == doctest::Approx(64000.63).epsilon(1e-6));
  CHECK(respite == doctest::Approx(52892.34).epsilon(1e-6));
  REQUIRE(r.outcomes.size() == 4);
  CHECK(r.outcomes[0].pv_value == doctest::Approx(independence).epsilon(1e-12));
  CHECK(r.outcomes[1].pv_value == doctest::Approx(confidence).epsilon(1e-12));
  CHECK(r.outcomes[2].pv_value == doctest::Approx(respite).epsilon(1e-12));
  CHECK(r.outcomes[3].pv_value == doctest::Approx(gp).epsilon(1e-12));
  // Impact per year, summed over outcomes.
  const double year[] = {27000 + 5000 + 1350, 21600 + 2500 + 14400, 17280 + 14400, 14400, 14400};
  for (int t = 0; t < 5; ++t) CHECK(r.impact_by_year[t] == doctest::Approx(year[t]));
  const double total = independence + confidence + respite + gp;  // 125,658.43
  CHECK(total == doctest::Approx(125658.43).epsilon(1e-6));
  CHECK(r.pv_value == doctest::Approx(total).epsilon(1e-12));
  // (S5) explicit: 50,000 as given, not the PV of the costs.
  CHECK(!r.investment_auto);
  CHECK(r.investment == 50000);
  CHECK(r.ratio == doctest::Approx(total / 50000).epsilon(1e-12));  // 2.51 : 1
  CHECK(r.net_ratio == doctest::Approx(total / 50000 - 1).epsilon(1e-12));
  // Stakeholders in order of first appearance.
  REQUIRE(r.stakeholders.size() == 3);
  CHECK(r.stakeholders[0].stakeholder == "older people");
  CHECK(r.stakeholders[0].pv_value == doctest::Approx(independence + confidence));
  CHECK(r.stakeholders[1].stakeholder == "carers");
  CHECK(r.stakeholders[2].stakeholder == "nhs");
  // Payback: Y1 = 27,000 + 5,000 + 14,400 + 1,350 = 47,750 (each outcome's
  // first year, also carer-respite's which starts in 2027); 50,000 / (47,750 / 12).
  CHECK(r.first_year_impact == doctest::Approx(47750));
  CHECK(*r.payback_months == doctest::Approx(50000 / (47750 / 12.0)).epsilon(1e-12));  // 12.57 months
  // carer-respite's fifth year (2031) is past the horizon: counted 4 years, and a warning says so.
  CHECK(r.outcomes[2].years_counted == 4);
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].text() ==
        "outcome 'carer-respite' lasts 5 years from 2027 but the horizon ends in 2030: only 4 years are "
        "counted");
}

TEST_CASE("sroi: investment auto is the PV of all costs, as evaluate computes it") {
  // Costs of every form, a profile and growth, under the Danish step schedule.
  const char* yaml = R"(format: gevinst/1
case: {id: auto-investment}
assumptions: {start_year: 2026, horizon: 6, discounting: dk-fm-2021}
parties: [{id: a, sector: region}, {id: b, sector: municipality}]
costs:
  - {id: kit, kind: investment, party: a, amount: 120000, year: 2027}
  - {id: run, kind: operating, party: b, per_year: 30000, growth: 0.02, from: 2027, profile: {2027: 0.5, 2028: 1}}
  - {id: train, kind: implementation, party: a, amounts: {2026: 8000, 2028: 4000}}
benefits:
  - {id: saving, kind: budget, party: a, per_year: 1000000}
sroi:
  outcomes:
    - {id: o, stakeholder: patients, quantity: 10, proxy: 1000}
)";
  Case c = load(yaml);
  SroiResult r = evaluate_sroi(c);
  CHECK(r.investment_auto);
  CHECK(r.investment == doctest::Approx(evaluate_case(c).selected().pv_costs).epsilon(1e-12));
  // By hand: 8,000 + (120,000 + 15,000)/1.035 + (30,600 + 4,000)/1.035^2 + 31,212/1.035^3 + ...
  double d = 1, pv = 0;
  const double costs[] = {8000,
                          120000 + 0.5 * 30000,
                          30000 * 1.02 + 4000,
                          30000 * std::pow(1.02, 2),
                          30000 * std::pow(1.02, 3),
                          30000 * std::pow(1.02, 4)};
  for (double x : costs) {
    pv += x * d;
    d /= 1.035;
  }
  CHECK(r.investment == doctest::Approx(pv).epsilon(1e-12));
  // Default duration 1 and no adjustments ("SROI"): 10 x 1,000 in 2026 only.
  CHECK(r.pv_value == doctest::Approx(10000));
}

TEST_CASE("sroi: the same stakeholder and indicator twice is flagged") {
  std::string y = kOne;
  y +=
      R"(    - {id: fewer-falls-again, stakeholder: patients, indicator: Falls avoided, quantity: 10, proxy: 50}
    - {id: other-stakeholder, stakeholder: relatives, indicator: Falls avoided, quantity: 10, proxy: 50}
)";
  SroiResult r = evaluate_sroi(load(y));
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].text().find("'fewer-falls' and 'fewer-falls-again'") != std::string::npos);
  CHECK(r.warnings[0].text().find("counted twice") != std::string::npos);
  // Flagged, not dropped: both rows count (the analyst decides).
  CHECK(r.pv_value == doctest::Approx(kPv + 500 + 500).epsilon(1e-12));
}

TEST_CASE("sroi: same_outcome_key ignores case and runs of white space") {
  CHECK(same_outcome_key("Patients", " Falls  avoided") == same_outcome_key("patients", "falls avoided"));
  CHECK(same_outcome_key("patients", "falls avoided") != same_outcome_key("relatives", "falls avoided"));
  // The separator keeps ("a b", "c") apart from ("a", "b c").
  CHECK(same_outcome_key("a b", "c") != same_outcome_key("a", "b c"));
  std::string y = kOne;
  y +=
      R"(    - {id: fewer-falls-again, stakeholder: Patients, indicator: "falls  AVOIDED", quantity: 10, proxy: 50}
)";
  SroiResult r = evaluate_sroi(load(y));
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].text().find("'fewer-falls' and 'fewer-falls-again'") != std::string::npos);
}

TEST_CASE("sroi: errors name the file and the field") {
  auto expect_error = [](const Case& c, const SroiOptions& opt, const std::string& path,
                         const std::string& message) {
    try {
      evaluate_sroi(c, opt);
      FAIL("expected InputError");
    } catch (const InputError& e) {
      REQUIRE(e.diagnostics.size() == 1);
      CHECK(e.diagnostics[0].file == "test.yaml");
      CHECK(e.diagnostics[0].loc.line > 0);
      CHECK(e.diagnostics[0].yaml_path == path);
      CHECK(e.diagnostics[0].message == message);
    }
  };
  Case none = load("format: gevinst/1\ncase: {id: plain}\nassumptions: {start_year: 2026, horizon: 2}\n");
  expect_error(none, {}, "sroi", "case 'plain' has no sroi section");

  Case no_costs = load(R"(format: gevinst/1
case: {id: no-costs}
assumptions: {start_year: 2026, horizon: 2}
sroi: {outcomes: [{id: o, stakeholder: s, quantity: 1, proxy: 1}]}
)");
  expect_error(
      no_costs, {}, "sroi.investment",
      "investment: auto is the PV of the case's costs, which is 0: the SROI ratio has no denominator");

  std::string y = kOne;
  y.insert(y.find("parties:"), "parameters: {dw: {value: 0.2, source: test}}\n");
  y.replace(y.find("deadweight: 0.2"), 15, "deadweight: \"$dw\"");
  Case c = load(y);
  SroiOptions opt;
  opt.overrides = {Override{c.parameter_index("dw"), "dw", Number::literal(1.2)}};
  expect_error(c, opt, "sroi.outcomes[0].deadweight", "share 1.2 is outside [0, 1] evaluating \"$dw\"");
}

// docs/case-format.md, "SROI", "First year": with `first_year: discounted` an
// outcome value in year index t takes DF(t + 1), the investment still DF(t).
// A case of its own: one outcome of 1,000 a year (no adjustments) starting in
// start_year (t = 0) for 3 years, 10 % discounting, a cost of 2,000 in t = 0
// and 1,100 in t = 1 (investment: auto).
TEST_CASE("sroi: first_year undiscounted and discounted, worked by hand") {
  const std::string base = R"(format: gevinst/1
case: {id: first-year}
assumptions: {start_year: 2026, horizon: 4, discounting: {rate: 0.10}}
parties: [{id: p, sector: region}]
costs: [{id: kit, kind: investment, party: p, amounts: {2026: 2000, 2027: 1100}}]
sroi:
  investment: auto
  outcomes: [{id: o, stakeholder: s, quantity: 10, proxy: 100, start: 2026, duration: 3}]
)";
  // investment = 2,000 x 1 + 1,100 / 1.1 = 3,000 under both conventions.
  SUBCASE("undiscounted (the default): DF(t)") {
    // pv = 1,000 x (1 + 1/1.1 + 1/1.21) = 1,000 + 909.0909... + 826.4463... = 2,735.5371...
    SroiResult r = evaluate_sroi(load(base));
    CHECK_FALSE(r.first_year_discounted);
    CHECK(r.investment == doctest::Approx(3000).epsilon(1e-12));
    CHECK(r.pv_value == doctest::Approx(2735.5371900826).epsilon(1e-12));
    CHECK(r.outcomes[0].pv[0] == doctest::Approx(1000).epsilon(1e-12));
    CHECK(r.discount_factors[0] == 1.0);
    CHECK(r.ratio == doctest::Approx(2735.5371900826 / 3000).epsilon(1e-12));
  }
  SUBCASE("undiscounted written out is the same") {
    std::string y = base;
    y.replace(y.find("investment: auto"), 16, "investment: auto\n  first_year: undiscounted");
    CHECK(evaluate_sroi(load(y)).pv_value == doctest::Approx(2735.5371900826).epsilon(1e-12));
  }
  SUBCASE("discounted (SROI guide): DF(t + 1)") {
    std::string y = base;
    y.replace(y.find("investment: auto"), 16, "investment: auto\n  first_year: discounted");
    // pv = 1,000 x (1/1.1 + 1/1.21 + 1/1.331) = 909.0909... + 826.4463... + 751.3148... = 2,486.8519...
    // (= the undiscounted PV / 1.1 with a constant rate)
    SroiResult r = evaluate_sroi(load(y));
    CHECK(r.first_year_discounted);
    CHECK(r.investment == doctest::Approx(3000).epsilon(1e-12));
    CHECK(r.pv_value == doctest::Approx(2486.8519909842).epsilon(1e-12));
    CHECK(r.pv_value == doctest::Approx(2735.5371900826 / 1.1).epsilon(1e-12));
    CHECK(r.outcomes[0].pv[0] == doctest::Approx(1000 / 1.1).epsilon(1e-12));
    CHECK(r.discount_factors[0] == doctest::Approx(1 / 1.1).epsilon(1e-12));
    CHECK(r.discount_factors[3] == doctest::Approx(1 / 1.4641).epsilon(1e-12));
    // payback uses the undiscounted first-year impact: 3,000 / (1,000 / 12) = 36 months.
    REQUIRE(r.payback_months);
    CHECK(*r.payback_months == doctest::Approx(36).epsilon(1e-12));
    // Sensitivity: duration one year shorter: (1/1.1 + 1/1.21) x 1,000 = 1,735.5371...
    bool seen = false;
    for (const auto& s : r.sensitivity)
      if (s.factor == "duration") {
        seen = true;
        CHECK(s.pv_value == doctest::Approx(1735.5371900826).epsilon(1e-12));
      }
    CHECK(seen);
  }
  SUBCASE("an unknown value is a located error") {
    std::string y = base;
    y.replace(y.find("investment: auto"), 16, "investment: auto\n  first_year: discount");
    LoadResult r = load_text(y);
    REQUIRE_FALSE(r.ok());
    const Diagnostic& d = r.diags.all().front();
    CHECK(d.yaml_path == "sroi.first_year");
    CHECK(d.loc.line == 8);
    CHECK(d.message == "'discount' is not one of undiscounted, discounted");
    CHECK(d.hint == "did you mean 'discounted'?");
  }
}
