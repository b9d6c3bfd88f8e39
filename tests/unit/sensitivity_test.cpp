// Tests for libeval/sensitivity (docs/case-format.md, "Scenarios" and
// "Sensitivity"): scenarios, one-way sensitivity in tornado order, and
// break-even values that make NPV zero.
#include "libeval/sensitivity.h"

#include <cmath>

#include "libeval/business_case.h"
#include "libeval/parameters.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

// NPV = -1,000,000 + sum_{t=1..4} DF(t) x patients x (saving - 300), at 4 %:
// linear in patients and saving, nonlinear (a product) in both together.
const char* kSensitivityCase = R"YAML(
format: gevinst/1
case: {id: sens}
assumptions: {start_year: 2026, horizon: 5, discounting: {rate: 0.04}}
parameters:
  patients: {value: 1000, low: 500, high: 1500}
  saving: {value: 600, low: 400, high: 700}
  unused: {value: 3, low: 1, high: 5}
  derived: "$patients * 2"
parties: [{id: p, sector: region}]
costs:
  - {id: invest, kind: investment, party: p, amount: 1000000}
  - {id: run, kind: operating, party: p, per_year: "$patients * 300", from: 2027}
benefits:
  - {id: save, kind: budget, party: p, per_year: "$patients * $saving", from: 2027}
scenarios:
  worst: {patients: 500}
  best: {patients: 1500, saving: 700}
)YAML";

double annuity4() {
  double s = 0;
  for (int t = 1; t <= 4; ++t) s += std::pow(1.04, -t);
  return s;  // 3.629895 (present value of 1 a year for 4 years at 4 %)
}

}  // namespace

TEST_CASE("sensitivity: scenarios and one-way values follow the closed form") {
  Case c = load(kSensitivityCase);
  SensitivityResult r = run_sensitivity(c);
  const double a = annuity4();
  CHECK(r.base_npv == doctest::Approx(-1e6 + a * 1000 * 300));
  REQUIRE(r.scenarios.size() == 2);
  CHECK(r.scenarios[0].name == "worst");
  CHECK(r.scenarios[0].npv == doctest::Approx(-1e6 + a * 500 * 300));
  CHECK(r.scenarios[1].npv == doctest::Approx(-1e6 + a * 1500 * 400));
  // Tornado order: patients swings 1000 x 300 x a, saving 1000 x 300 x a, unused 0.
  REQUIRE(r.parameters.size() == 3);
  CHECK(r.parameters[2].name == "unused");
  CHECK(r.parameters[2].swing == 0);
  for (const auto& p : r.parameters) {
    if (p.name == "patients") CHECK(p.swing == doctest::Approx(1000 * 300 * a));
    if (p.name == "saving") CHECK(p.swing == doctest::Approx(300 * 1000 * a));
  }
  CHECK(r.parameters[0].swing >= r.parameters[1].swing);
}

TEST_CASE("sensitivity: break-even makes NPV zero to within 1e-6 of its scale") {
  Case c = load(kSensitivityCase);
  SensitivityResult r = run_sensitivity(c);
  const double a = annuity4();
  for (const auto& p : r.parameters) {
    CAPTURE(p.name);
    if (p.name == "unused") {
      CHECK(!p.break_even.value);
      CHECK(!p.break_even.note.text().empty());
      continue;
    }
    REQUIRE(p.break_even.value.has_value());
    // Closed forms: patients x 300 x a = 1e6 -> patients = 1e6 / (300 a);
    // 1000 x (saving - 300) x a = 1e6 -> saving = 300 + 1e6 / (1000 a).
    if (p.name == "patients") CHECK(*p.break_even.value == doctest::Approx(1e6 / (300 * a)));
    if (p.name == "saving") CHECK(*p.break_even.value == doctest::Approx(300 + 1e6 / (1000 * a)));
    Overrides o{{c.parameter_index(p.name), p.name, Number::literal(*p.break_even.value)}};
    EvaluateOptions eo;
    eo.overrides = o;
    BusinessCase bc = evaluate_case(c, eo);
    double scale = bc.selected().pv_costs + bc.selected().pv_benefits;
    CHECK(std::fabs(bc.selected().npv) < 1e-6 * scale);
  }
}

TEST_CASE("sensitivity: break-even crosses zero when the parameter's low or distribution does") {
  // Undiscounted, a benefit of 1000 (1 + g)^t in t = 0, 1 against a cost of
  // 1500: NPV = 1000 (2 + g) - 1500 = 0 at g = -0.5, on the other side of zero
  // from the base value 0.05.
  const std::string head =
      "format: gevinst/1\ncase: {id: g}\nassumptions: {start_year: 2026, horizon: 2, discounting: none}\n"
      "parties: [{id: p, sector: region}]\ncosts: [{id: c, kind: investment, party: p, amount: 1500}]\n"
      "benefits: [{id: b, kind: budget, party: p, per_year: 1000, growth: \"$g\"}]\n";
  SUBCASE("low below zero") {
    Case c = load(head + "parameters: {g: {value: 0.05, low: -0.1, high: 0.1, source: test}}\n");
    BreakEven be = break_even(c, 0, Metric::npv, {}, 0.0, Perspective::organisation);
    REQUIRE(be.value.has_value());
    CHECK(*be.value == doctest::Approx(-0.5));
  }
  SUBCASE("a normal distribution") {
    Case c = load(head + "parameters: {g: {value: 0.05, dist: {normal: [0.05, 0.1]}, source: test}}\n");
    CHECK(break_even(c, 0, Metric::npv, {}, 0.0, Perspective::organisation).value.has_value());
  }
  SUBCASE("a positive parameter keeps its sign") {
    Case c = load(head + "parameters: {g: {value: 0.05, low: 0.01, high: 0.1, source: test}}\n");
    BreakEven be = break_even(c, 0, Metric::npv, {}, 0.0, Perspective::organisation);
    CHECK_FALSE(be.value.has_value());
    CHECK(be.search_low == doctest::Approx(0.0));
  }
}

TEST_CASE("sensitivity: a value outside a field's range gives a note, not a failed run") {
  const std::string y = R"YAML(
format: gevinst/1
case: {id: dw}
assumptions: {start_year: 2026, horizon: 2, discounting: none}
parameters:
  dw: {value: 0.5, low: 0.2, high: 1.2, source: test}
  n: {value: 10, low: 5, high: 20, source: test}
parties: [{id: p, sector: region}]
benefits: [{id: b, kind: budget, party: p, per_year: "$n * 100"}]
sroi:
)YAML";
  SUBCASE("an SROI ratio that does not exist (no costs for investment: auto) is null beside NPV") {
    Case c =
        load(y + "  outcomes: [{id: o, stakeholder: s, quantity: 1, proxy: 100, deadweight: \"$dw\"}]\n");
    SensitivityResult r = run_sensitivity(c);
    CHECK_FALSE(r.base_sroi_ratio.has_value());
    CHECK(r.parameters.size() == 2);
  }
  SUBCASE("the SROI ratio at a deadweight of 1.2 cannot be evaluated") {
    Case c = load(y +
                  "  investment: 1000\n"
                  "  outcomes: [{id: o, stakeholder: s, quantity: 1, proxy: 100, deadweight: \"$dw\"}]\n");
    SensitivityOptions o;
    o.metric = Metric::sroi;
    SensitivityResult r = run_sensitivity(c, o);
    REQUIRE(r.parameters.size() == 2);
    CHECK(r.parameters[0].name == "n");  // rows without a swing go last
    const OneWayRow& dw = r.parameters[1];
    CHECK(dw.name == "dw");
    CHECK(std::isnan(dw.swing));
    CHECK(dw.note.text() == "at high 1.2: share 1.2 is outside [0, 1] evaluating \"$dw\"");
  }
}

TEST_CASE("sensitivity: a normal distribution far from zero does not let a count cross it") {
  Case c = load(R"YAML(
format: gevinst/1
case: {id: cnt}
assumptions: {start_year: 2026, horizon: 2, discounting: none}
parameters:
  patients: {value: 100, dist: {normal: [100, 10]}, source: test}
parties: [{id: p, sector: region}]
costs: [{id: c, kind: operating, party: p, per_year: 1000}]
benefits: [{id: b, kind: budget, party: p, per_year: "50000 + $patients * 500"}]
)YAML");
  BreakEven be = break_even(c, 0, Metric::npv, {}, 0.0, Perspective::organisation);
  CHECK_FALSE(be.value.has_value());
  CHECK(be.search_low == doctest::Approx(0.0));
}

TEST_CASE("sensitivity: --range varies parameters without low/high; overrides apply first") {
  Case c = load(kSensitivityCase);
  SensitivityOptions o;
  o.range = 0.2;
  SensitivityResult r = run_sensitivity(c, o);
  // derived is an expression, so it is not varied on its own.
  for (const auto& p : r.parameters) CHECK(p.name != "derived");
  SensitivityOptions w;
  w.overrides = {{c.parameter_index("patients"), "patients", Number::literal(2000)}};
  SensitivityResult rw = run_sensitivity(c, w);
  CHECK(rw.base_npv == doctest::Approx(-1e6 + annuity4() * 2000 * 300));
}

TEST_CASE("sensitivity: a parameter set to 0 is searched on the scale of its own evidence, never below 0") {
  // Issue 13 item 1: `--set patients=0`. NPV = -1,000,000 + 300 a patients
  // (saving 600 - cost 300), 0 at patients = 1e6 / (300 a) = 918.3, inside
  // the parameter's low/high (500, 1,500); the old search tried -100 to 100.
  Case c = load(kSensitivityCase);
  const int i = c.parameter_index("patients");
  const Overrides zero{{i, "patients", Number::literal(0)}};
  double lowest = 0;
  ResultFn npv = [&](const Overrides& o) -> std::optional<double> {
    lowest = std::min(lowest, parameter_values(c, o)[static_cast<size_t>(i)]);
    return metric_value(c, Metric::npv, o);
  };
  BreakEven be = break_even(c, i, npv, "NPV", zero, 0.0);
  REQUIRE(be.value.has_value());
  CHECK(*be.value == doctest::Approx(1e6 / (300 * annuity4())));
  CHECK(lowest == 0);  // no negative count was tried
  CHECK(be.search_low == 0);
  // The step unit is the largest distance to the case value 1,000, low 500
  // and high 1,500: 1,500; the search reaches 100 times that.
  CHECK(be.search_high == doctest::Approx(150000));
  SUBCASE("a parameter the NPV does not depend on: the note states the bracket searched") {
    const int u = c.parameter_index("unused");
    BreakEven none = break_even(c, u, Metric::npv, {{u, "unused", Number::literal(0)}});
    CHECK_FALSE(none.value.has_value());
    // Case value 3, low 1, high 5: unit 5, searched from 0 (all >= 0) to 500.
    CHECK(none.note.text() == "NPV does not reach zero for unused between 0 and 500");
  }
}

TEST_CASE("sensitivity: the search domain comes from the fields and the distribution") {
  Case c = load(R"YAML(
format: gevinst/1
case: {id: dom}
assumptions: {start_year: 2026, horizon: 2, discounting: none}
parameters:
  r: {value: 0.5, source: test}
  b: {value: 2, dist: {beta: [0.5, 0.1]}, source: test}
  g: {value: 0.02, low: -0.05, high: 0.05, source: test}
  n: {value: 10, source: test}
parties: [{id: p, sector: region}]
costs: [{id: c, kind: operating, party: p, per_year: "$n * 100", growth: "$g"}]
capacity:
  staff: {nurse: {hour_cost: 400}}
  activities: [{id: a, staff: nurse, party: p, hours_saved: 1, events_per_year: "$n", realisable: "$r"}]
)YAML");
  std::vector<double> v = parameter_values(c);
  // realisable is a share: [0, 1].
  SearchDomain r = search_domain(c, c.parameter_index("r"), v);
  CHECK(r.low == 0);
  CHECK(r.high == 1);
  // A beta distribution's support is [0, 1].
  SearchDomain b = search_domain(c, c.parameter_index("b"), v);
  CHECK(b.high == 1);
  // growth is a rate (> -1), and low reaches below 0: the sign may change.
  SearchDomain g = search_domain(c, c.parameter_index("g"), v);
  CHECK(g.low == -1);
  CHECK(std::isinf(g.high));
  // events_per_year is 0 or more; n is only in it and in an amount.
  SearchDomain n = search_domain(c, c.parameter_index("n"), v);
  CHECK(n.low == 0);
  CHECK(std::isinf(n.high));
}
