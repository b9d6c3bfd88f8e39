// Tests for libeval/simulate (docs/case-format.md, "Monte Carlo"): the compiled block model
// against the scalar business case engine, analytic moments of a linear
// case, determinism across thread counts, and input errors.
#include "libeval/simulate.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

// The peer benchmark case (shared/bench/psa_case.yaml) plus a derived
// parameter, a random growth rate, a random profile step and an SROI section,
// so every kind of term in the compiled plan is exercised.
const char* kSimulateCase = R"YAML(
format: gevinst/1
case: {id: psa}
assumptions: {start_year: 2026, horizon: 10, discounting: dk-fm-2021, fte_hours: 1924}
parameters:
  patients: {value: 1200, dist: {normal: [1200, 100]}}
  admissions_avoided: {value: 0.30, dist: {beta: [0.30, 0.05]}}
  cost_per_admission: {value: 12000, dist: {gamma: [12000, 3000]}}
  device_cost: {value: 2500, dist: {triangular: [2000, 2500, 3500]}}
  op_cost: {value: 5500, dist: {lognormal: [5500, 800]}}
  nurse_minutes: {value: 40, dist: {pert: [20, 40, 60]}}
  growth: {value: 0.01, dist: {uniform: [0, 0.02]}}
  ramp: {value: 0.6, dist: {uniform: [0.4, 0.8]}}
  visits: "$patients * 12"
  hour_cost: 450
parties: [{id: region, sector: region}, {id: patients, sector: citizen}]
costs:
  - {id: devices, kind: investment, party: region, amount: "$patients * $device_cost", year: 2026}
  - {id: training, kind: implementation, party: region, amount: 500000, year: 2026}
  - {id: operation, kind: operating, party: region, per_year: "$patients * $op_cost", from: 2027, growth: "$growth"}
benefits:
  - id: fewer-admissions
    kind: budget
    party: region
    per_year: "$patients * $admissions_avoided * $cost_per_admission"
    from: 2027
    profile: {2027: 0.4, 2028: "$ramp", 2029: 1.0}
  - {id: travel, kind: societal, party: patients, per_year: "$patients * 300", from: 2027}
capacity:
  staff: {nurse: {hour_cost: "$hour_cost"}}
  activities:
    - {id: visits-replaced, staff: nurse, party: region, minutes_saved: "$nurse_minutes", events_per_year: "$visits",
       from: 2027, adoption: {2027: 0.5, 2028: 0.9}, realisable: 0.8, monetise: true}
sroi:
  outcomes:
    - {id: less-travel, stakeholder: patients, indicator: hours, quantity: "$patients * 10", proxy: 150,
       duration: 5, deadweight: 0.1, attribution: 0.2, drop_off: 0.1, start: 2027}
)YAML";

}  // namespace

TEST_CASE("simulate: each iteration equals the scalar engine evaluated at its draws") {
  Case c = load(kSimulateCase);
  for (Perspective p : {Perspective::budget, Perspective::organisation, Perspective::society}) {
    SimulateOptions o;
    o.iterations = 3000;
    o.seed = 99;
    o.threads = 2;
    o.perspective = p;
    o.keep_draws = true;
    SimulationResult r = simulate(c, o);
    REQUIRE(r.draws.size() == r.random_parameters.size());
    for (size_t i : {size_t{0}, size_t{1}, size_t{1023}, size_t{1024}, size_t{2999}}) {
      Overrides ov;
      for (size_t k = 0; k < r.random_parameters.size(); ++k) {
        int idx = c.parameter_index(r.random_parameters[k]);
        ov.push_back({idx, r.random_parameters[k], Number::literal(r.draws[k][i])});
      }
      EvaluateOptions eo;
      eo.perspective = p;
      eo.overrides = ov;
      BusinessCase bc = evaluate_case(c, eo);
      CAPTURE(i);
      CHECK(r.npv_values[i] == doctest::Approx(bc.selected().npv).epsilon(1e-12));
      CapacityOptions co;
      co.overrides = ov;
      CHECK(r.fte_values[i] == doctest::Approx(evaluate_capacity(c, co).total.fte).epsilon(1e-12));
      // SROI ratio by the spec's formula (section 8), investment = PV of all costs.
      double pv = 0;
      size_t pat = std::find(r.random_parameters.begin(), r.random_parameters.end(), "patients") -
                   r.random_parameters.begin();
      for (int k = 0; k < 5; ++k)
        pv += r.draws[pat][i] * 10 * 150 * 0.9 * 0.8 * std::pow(0.9, k) * bc.discount_factors[1 + k];
      CHECK(r.sroi_values[i] == doctest::Approx(pv / bc.selected().pv_costs).epsilon(1e-12));
    }
  }
}

TEST_CASE("simulate: the same seed gives bit-identical results for any thread count") {
  Case c = load(kSimulateCase);
  SimulateOptions o;
  o.iterations = 20000;
  o.seed = 7;
  o.threads = 1;
  SimulationResult a = simulate(c, o);
  o.threads = 2;
  SimulationResult b = simulate(c, o);
  o.threads = 5;
  SimulationResult d = simulate(c, o);
  CHECK(a.npv_values == b.npv_values);
  CHECK(a.npv_values == d.npv_values);
  CHECK(a.npv.mean == b.npv.mean);
  CHECK(a.npv.p05 == d.npv.p05);
  CHECK(a.evpi == d.evpi);
  o.seed = 8;
  SimulationResult e = simulate(c, o);
  CHECK(e.npv.mean != a.npv.mean);
}

TEST_CASE("simulate: a case linear in normal parameters matches the analytic mean and sd") {
  // NPV = -x + y + 2 z with x ~ N(1000, 100), y ~ N(3000, 300), z ~ N(500, 50),
  // all in the first year (DF = 1): mean 3000, sd sqrt(100^2 + 300^2 + (2*50)^2)
  // = sqrt(110000) = 331.66 (variance of a sum of independent normals).
  Case c = load(R"YAML(
format: gevinst/1
case: {id: linear}
assumptions: {start_year: 2026, horizon: 1}
parameters:
  x: {value: 1000, dist: {normal: [1000, 100]}}
  y: {value: 3000, dist: {normal: [3000, 300]}}
  z: {value: 500, dist: {normal: [500, 50]}}
parties: [{id: p, sector: other}]
costs: [{id: c1, kind: other, party: p, amount: "$x"}]
benefits: [{id: b1, kind: budget, party: p, amount: "$y + 2 * $z"}]
)YAML");
  SimulateOptions o;
  o.iterations = 200000;
  SimulationResult r = simulate(c, o);
  double sd = std::sqrt(110000.0);
  double se = sd / std::sqrt(200000.0);
  CHECK(std::fabs(r.npv.mean - 3000) < 3 * se);
  // The sample sd has standard error about sd / sqrt(2 (n - 1)).
  CHECK(std::fabs(r.npv.sd - sd) < 3 * sd / std::sqrt(2.0 * 199999));
  // Normal quantiles: mean +- 1.6448536 sd (p05/p95), within a few sd/sqrt(n).
  CHECK(std::fabs(r.npv.p95 - (3000 + 1.6448536269514722 * sd)) < 5 * se * 2);
  CHECK(std::fabs(r.npv.p50 - 3000) < 5 * se);
  CHECK(r.prob_positive == 1.0);
  CHECK(r.evpi == doctest::Approx(0.0).epsilon(1e-9));
}

TEST_CASE("simulate: EVPI and probability for a coin-flip decision") {
  // NPV ~ N(0, 1000) in one year: P(NPV > 0) = 0.5 and EVPI = E[max(X, 0)]
  // = sd / sqrt(2 pi) = 398.94 (mean of a half-normal times 1/2).
  Case c = load(R"YAML(
format: gevinst/1
case: {id: coin}
assumptions: {start_year: 2026, horizon: 1}
parameters:
  x: {value: 0, dist: {normal: [0, 1000]}}
  k: 10000
parties: [{id: p, sector: other}]
costs: [{id: c1, kind: other, party: p, amount: "$k"}]
benefits: [{id: b1, kind: budget, party: p, amount: "$k + $x"}]
)YAML");
  SimulateOptions o;
  o.iterations = 400000;
  SimulationResult r = simulate(c, o);
  CHECK(std::fabs(r.prob_positive - 0.5) < 0.005);
  CHECK(std::fabs(r.evpi - 1000 / std::sqrt(2 * M_PI)) < 5);
}

TEST_CASE("simulate: EVPI is exactly 0 when every iteration agrees with the decision") {
  // NPV = 10,000 + x with x uniform in [0, 100]: always positive, nothing to learn.
  Case c = load(R"YAML(
format: gevinst/1
case: {id: sure}
assumptions: {start_year: 2026, horizon: 3}
parameters:
  x: {value: 50, dist: {uniform: [0, 100]}}
parties: [{id: p, sector: other}]
benefits: [{id: b1, kind: budget, party: p, per_year: "3333.3 + $x"}]
)YAML");
  SimulateOptions o;
  o.iterations = 100000;
  SimulationResult r = simulate(c, o);
  CHECK(r.prob_positive == 1.0);
  CHECK(r.evpi == 0.0);
}

TEST_CASE("simulate: input errors") {
  SUBCASE("nothing random") {
    Case c = load("format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 2}\n");
    SimulateOptions o;
    CHECK_THROWS_AS(simulate(c, o), InputError);
  }
  SUBCASE("a draw that divides by zero names the field") {
    Case c = load(R"YAML(
format: gevinst/1
case: {id: div}
assumptions: {start_year: 2026, horizon: 1}
parameters:
  x: {value: 0, dist: {uniform: [-1, 1]}}
  r: "1 / if($x > 0.99, 0, 1)"
parties: [{id: p, sector: other}]
costs: [{id: c1, kind: other, party: p, amount: "$r"}]
)YAML");
    SimulateOptions o;
    o.iterations = 100000;
    try {
      simulate(c, o);
      FAIL("expected an error");
    } catch (const InputError& e) {
      REQUIRE(!e.diagnostics.empty());
      CHECK(e.diagnostics[0].message.find("not a finite number") != std::string::npos);
    }
  }
  SUBCASE("a draw outside a field's range is an error, as in evaluate") {
    // realisable is a share (docs/case-format.md, "Value ranges"); uniform [0.5, 1.5] exceeds 1
    // in half the draws, and a normal of minutes can go negative.
    for (const char* bad : {"realisable: \"$real\"", "minutes_saved: \"$minutes\""}) {
      CAPTURE(bad);
      const bool share = std::string(bad).rfind("realisable", 0) == 0;
      std::string y = std::string(R"YAML(
format: gevinst/1
case: {id: range}
assumptions: {start_year: 2026, horizon: 2}
parameters:
  minutes: {value: 5, dist: {normal: [5, 10]}}
  real: {value: 0.9, dist: {uniform: [0.5, 1.5]}}
parties: [{id: p, sector: region}]
costs: [{id: c1, kind: investment, party: p, amount: 1000}]
capacity:
  staff: {nurse: {hour_cost: 400}}
  activities:
    - {id: a1, staff: nurse, party: p, events_per_year: 100, )YAML") +
                      (share ? "minutes_saved: 5, " : "") + bad + "}\n";
      Case c = load(y);
      SimulateOptions o;
      o.iterations = 10000;
      try {
        simulate(c, o);
        FAIL("expected an error");
      } catch (const InputError& e) {
        REQUIRE(!e.diagnostics.empty());
        const Diagnostic& d = e.diagnostics[0];
        CHECK(d.yaml_path ==
              (share ? "capacity.activities[0].realisable" : "capacity.activities[0].minutes_saved"));
        CHECK(d.message.find(share ? "it must be a share between 0 and 1" : "it must be 0 or more") !=
              std::string::npos);
      }
    }
  }
}
