// Tests for libeval/capacity (case format, section 7, "Capacity release", and
// section 12, "Capacity"). Expected values are worked by hand from the
// formula lines of section 7, quoted where they are used:
//   (F1) hours = minutes_saved / 60 x events x adoption
//   (F2) realisable_hours = hours x realisable
//   (F3) fte = realisable_hours / fte_hours
//   (F4) value = realisable_hours x hour_cost
//   (F5) section 12: `fte` is the largest annual FTE, `fte_years` the sum;
//        hours, realisable_hours and value totals are sums over the horizon.
#include "libeval/capacity.h"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "libeval/business_case.h"
#include "libeval/parameters.h"
#include "libeval/presets.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

// The example of section 7 with patients = 100: 40 minutes saved on 1,200
// events a year from 2027, adoption 0.5 in 2027 and 0.9 from 2028,
// realisable 0.8, nurse hour cost 450; horizon 2026-2029.
const char* kSpecExample = R"(format: gevinst/1
case: {id: spec-example}
assumptions: {start_year: 2026, horizon: 4, discounting: {rate: 0.04}}
parameters: {patients: 100}
parties: [{id: region, sector: region}, {id: municipality, sector: municipality}]
capacity:
  staff:
    nurse: {hour_cost: 450}
  activities:
    - id: home-visits-replaced
      staff: nurse
      party: region
      minutes_saved: 40
      events_per_year: "$patients * 12"
      from: 2027
      adoption: {2027: 0.5, 2028: 0.9}
      realisable: 0.8
)";

}  // namespace

TEST_CASE("capacity: the example of section 7 worked by hand") {
  CapacityResult r = evaluate_capacity(load(kSpecExample));
  REQUIRE(r.activities.size() == 1);
  const ActivitySeries& s = r.activities[0];
  // 2026 is before `from`: nothing. 2027: (F1) 40/60 x 1200 x 0.5 = 400 hours;
  // (F2) 400 x 0.8 = 320; (F3) 320 / 1924; (F4) 320 x 450 = 144,000.
  // 2028 and 2029 (adoption 0.9, the latest listed year <= y): (F1) 40/60 x
  // 1200 x 0.9 = 720; (F2) 576; (F3) 576 / 1924; (F4) 576 x 450 = 259,200.
  const double hours[] = {0, 400, 720, 720}, real[] = {0, 320, 576, 576},
               value[] = {0, 144000, 259200, 259200};
  for (int t = 0; t < 4; ++t) {
    CAPTURE(t);
    CHECK(s.hours[t] == doctest::Approx(hours[t]).epsilon(1e-12));
    CHECK(s.realisable_hours[t] == doctest::Approx(real[t]).epsilon(1e-12));
    CHECK(s.fte[t] == doctest::Approx(real[t] / 1924).epsilon(1e-12));
    CHECK(s.value[t] == doctest::Approx(value[t]).epsilon(1e-12));
  }
  // (F5) sums: hours 400 + 720 + 720 = 1,840; realisable 1,472; value 662,400;
  // fte = max = 576 / 1924 = 0.29938, reached first in 2028; fte_years = 1472 / 1924.
  CHECK(r.total.hours == doctest::Approx(1840));
  CHECK(r.total.realisable_hours == doctest::Approx(1472));
  CHECK(r.total.value == doctest::Approx(662400));
  CHECK(r.total.fte == doctest::Approx(576.0 / 1924));
  CHECK(r.total.fte_years == doctest::Approx(1472.0 / 1924));
  REQUIRE(r.total.fte_year);
  CHECK(*r.total.fte_year == 2028);
  // Discounted at 4 % (section 2: DF(t) = 1 / 1.04^t): 144,000 / 1.04 + 259,200 / 1.04^2 + 259,200 / 1.04^3.
  double pv = 144000 / 1.04 + 259200 / (1.04 * 1.04) + 259200 / (1.04 * 1.04 * 1.04);
  CHECK(r.value_pv == doctest::Approx(pv).epsilon(1e-12));
  REQUIRE(r.monetised_value);
  CHECK(*r.monetised_value == doctest::Approx(662400));
  CHECK(*r.monetised_pv == doctest::Approx(pv).epsilon(1e-12));
  // Only parties with activities are listed; the staff group carries its rate.
  REQUIRE(r.by_party.size() == 1);
  CHECK(r.by_party[0].id == "region");
  REQUIRE(r.staff_rates.size() == 1);
  CHECK(r.staff_rates[0].hour_cost == 450);
  CHECK(!r.target_fte);
}

TEST_CASE("capacity: totals by staff group, party and activity") {
  // Two staff groups, three activities, two parties; 2 years, no adoption curve.
  // a1: 30 min x 2,000 events = 1,000 h, realisable 0.5 -> 500 h x 400 = 200,000 a year
  // a2: 1.5 h (hours_saved) x 400 events = 600 h, realisable 1 -> 600 h x 900 = 540,000 a year, only 2027
  // a3: 6 min x 10,000 = 1,000 h, realisable 0.9 -> 900 h x 400 = 360,000 a year, monetise: false
  std::string y = R"(format: gevinst/1
case: {id: groups}
assumptions: {start_year: 2026, horizon: 2, fte_hours: 1500}
parties: [{id: region, sector: region}, {id: municipality, sector: municipality}, {id: gp, sector: general-practice}]
capacity:
  staff:
    nurse: {hour_cost: 400}
    doctor: {hour_cost: 900}
    secretary: {hour_cost: 300}
  activities:
    - {id: a1, staff: nurse, party: municipality, minutes_saved: 30, events_per_year: 2000, realisable: 0.5}
    - {id: a2, staff: doctor, party: region, hours_saved: 1.5, events_per_year: 400, from: 2027}
    - {id: a3, staff: nurse, party: region, minutes_saved: 6, events_per_year: 10000, realisable: 0.9, monetise: false}
)";
  CapacityResult r = evaluate_capacity(load(y));
  REQUIRE(r.by_staff.size() == 3);
  CHECK(r.by_staff[0].id == "nurse");
  // nurse: a1 + a3 = (500 + 900) realisable hours a year, 2 years.
  CHECK(r.by_staff[0].realisable_hours == doctest::Approx(2 * 1400));
  CHECK(r.by_staff[0].hours == doctest::Approx(2 * 2000));
  CHECK(r.by_staff[0].value == doctest::Approx(2 * (200000 + 360000)));
  CHECK(r.by_staff[0].fte == doctest::Approx(1400.0 / 1500));
  CHECK(*r.by_staff[0].fte_year == 2026);
  // doctor: 600 h in 2027 only.
  CHECK(r.by_staff[1].realisable_hours == doctest::Approx(600));
  CHECK(r.by_staff[1].fte == doctest::Approx(600.0 / 1500));
  CHECK(*r.by_staff[1].fte_year == 2027);
  // secretary: declared, unused: zeros and no steady-state year.
  CHECK(r.by_staff[2].hours == 0);
  CHECK(!r.by_staff[2].fte_year);
  // Parties in the order of `parties`; gp has no activity and is not listed.
  REQUIRE(r.by_party.size() == 2);
  CHECK(r.by_party[0].id == "region");
  CHECK(r.by_party[0].realisable_hours == doctest::Approx(600 + 2 * 900));
  CHECK(r.by_party[1].id == "municipality");
  CHECK(r.by_party[1].value == doctest::Approx(2 * 200000));
  // Total: fte is the largest annual FTE (2027: 500 + 600 + 900 = 2,000 h).
  CHECK(r.total.fte == doctest::Approx(2000.0 / 1500));
  CHECK(*r.total.fte_year == 2027);
  CHECK(r.total.fte_years == doctest::Approx((1400.0 + 2000.0) / 1500));
  // value includes the non-monetised a3 (section 12); monetised_value does not.
  CHECK(r.total.value == doctest::Approx(2 * 200000 + 540000 + 2 * 360000));
  CHECK(*r.monetised_value == doctest::Approx(2 * 200000 + 540000));
  REQUIRE(r.by_activity.size() == 3);
  CHECK(r.by_activity[1].id == "a2");
  CHECK(r.by_activity[1].hours_by_year[0] == 0);
  CHECK(r.by_activity[1].hours_by_year[1] == doctest::Approx(600));
}

TEST_CASE("capacity: monetised activities enter evaluate as capacity benefits, once") {
  Case c = load(kSpecExample);
  BusinessCase bc = evaluate_case(c);
  CapacityResult r = evaluate_capacity(c);
  int derived = 0;
  for (const auto& s : bc.items) {
    if (!s.derived_from_capacity) continue;
    ++derived;
    CHECK(s.benefit_kind == BenefitKind::capacity);
    CHECK(s.party == "region");
    for (size_t t = 0; t < s.values.size(); ++t)
      CHECK(s.values[t] == doctest::Approx(r.activities[0].value[t]));
  }
  CHECK(derived == 1);
  // The organisation perspective counts capacity benefits, the budget one does not (section 6).
  CHECK(bc.perspectives[static_cast<int>(Perspective::organisation)].pv_benefits ==
        doctest::Approx(*r.monetised_pv));
  CHECK(bc.perspectives[static_cast<int>(Perspective::budget)].pv_benefits == 0);
  // monetise: false keeps the value out of evaluate.
  std::string y = kSpecExample;
  y += "      monetise: false\n";
  Case c2 = load(y);
  BusinessCase bc2 = evaluate_case(c2);
  for (const auto& s : bc2.items) CHECK(!s.derived_from_capacity);
  CHECK(evaluate_capacity(c2).total.value == doctest::Approx(662400));
  CHECK(*evaluate_capacity(c2).monetised_value == 0);
}

TEST_CASE("capacity: progress against target_fte") {
  std::string y = kSpecExample;
  y.insert(y.find("  staff:"), "  target_fte: 0.5\n");
  CapacityResult r = evaluate_capacity(load(y));
  REQUIRE(r.target_fte);
  CHECK(*r.target_fte == 0.5);
  // share = fte / target_fte = (576 / 1924) / 0.5
  CHECK(*r.target_share == doctest::Approx(576.0 / 1924 / 0.5));
  REQUIRE(r.target_share_by_year.size() == 4);
  CHECK(r.target_share_by_year[0] == 0);
  CHECK(r.target_share_by_year[1] == doctest::Approx(320.0 / 1924 / 0.5));
}

TEST_CASE("capacity: fte_hours presets and staff hour costs from presets") {
  // dk-net: 1,628 hours (models/staff/dk-fte-net.yaml); F3 with it.
  std::string y = kSpecExample;
  y.replace(y.find("discounting: {rate: 0.04}"), 25, "discounting: {rate: 0.04}, fte_hours: dk-net");
  CapacityResult r = evaluate_capacity(load(y));
  CHECK(r.fte_hours == 1628);
  CHECK(r.fte_hours_preset == "dk-net");
  CHECK(r.total.fte == doctest::Approx(576.0 / 1628));
  // Every staff preset can be used as {preset: NAME} and gives its hour cost (F4).
  for (const auto& name : staff_preset_names()) {
    CAPTURE(name);
    auto p = staff_preset(name);
    REQUIRE(p);
    CHECK(p->hour_cost > 0);
    std::string z = kSpecExample;
    z.replace(z.find("{hour_cost: 450}"), 16, fmt::format("{{preset: {}}}", name));
    CapacityResult rp = evaluate_capacity(load(z));
    CHECK(rp.staff_rates[0].preset == name);
    CHECK(rp.total.value == doctest::Approx(1472 * p->hour_cost));
  }
}

TEST_CASE("capacity: properties over a grid of inputs") {
  // Hours scale linearly with events and minutes (F1); realisable <= hours
  // (F2 with realisable in [0, 1]); FTE x fte_hours = realisable hours (F3).
  auto run = [](double minutes, double events, double realisable, double fte_hours) {
    std::string y = fmt::format(R"(format: gevinst/1
case: {{id: grid}}
assumptions: {{start_year: 2030, horizon: 5, fte_hours: {}}}
parties: [{{id: p, sector: region}}]
capacity:
  staff: {{s: {{hour_cost: 321}}}}
  activities:
    - {{id: a, staff: s, party: p, minutes_saved: {}, events_per_year: {}, realisable: {},
       adoption: {{linear: {{from: 2031, years: 3}}}}}}
)",
                                fte_hours, minutes, events, realisable);
    return evaluate_capacity(load(y));
  };
  int checked = 0;
  for (double minutes : {0.5, 7.0, 45.0})
    for (double events : {1.0, 250.0, 1.2e6})
      for (double realisable : {0.0, 0.35, 1.0}) {
        CAPTURE(minutes);
        CAPTURE(events);
        CAPTURE(realisable);
        CapacityResult base = run(minutes, events, realisable, 1924);
        CapacityResult twice_events = run(minutes, 2 * events, realisable, 1924);
        CapacityResult triple_minutes = run(3 * minutes, events, realisable, 1924);
        CapacityResult net = run(minutes, events, realisable, 1628);
        const ActivitySeries& s = base.activities[0];
        for (size_t t = 0; t < s.hours.size(); ++t) {
          CHECK(twice_events.activities[0].hours[t] == doctest::Approx(2 * s.hours[t]).epsilon(1e-12));
          CHECK(triple_minutes.activities[0].hours[t] == doctest::Approx(3 * s.hours[t]).epsilon(1e-12));
          CHECK(s.realisable_hours[t] <= s.hours[t]);
          CHECK(s.fte[t] * 1924 == doctest::Approx(s.realisable_hours[t]).epsilon(1e-12));
          CHECK(net.activities[0].fte[t] * 1628 == doctest::Approx(s.realisable_hours[t]).epsilon(1e-12));
          CHECK(s.value[t] == doctest::Approx(321 * s.realisable_hours[t]).epsilon(1e-12));
          ++checked;
        }
        // The linear ramp (1/3, 2/3, 1, 1 from 2031) puts full effect in 2033.
        if (base.total.fte > 0) CHECK(*base.total.fte_year == 2033);
        CHECK(base.total.fte_years * 1924 == doctest::Approx(base.total.realisable_hours).epsilon(1e-12));
      }
  CHECK(checked == 27 * 5);
}

TEST_CASE("capacity: scenarios side by side, each with the extra overrides") {
  std::string y = kSpecExample;
  y += "scenarios:\n  worst: {patients: 50}\n  best: {patients: 200}\n";
  Case c = load(y);
  CapacityOptions opt;
  opt.scenarios = true;
  CapacityResult r = evaluate_capacity(c, opt);
  REQUIRE(r.scenarios.size() == 3);
  CHECK(r.scenarios[0].name == "base");
  CHECK(r.scenarios[0].fte == doctest::Approx(r.total.fte));
  // F1 is linear in events = patients x 12: half and double the base.
  CHECK(r.scenarios[1].name == "worst");
  CHECK(r.scenarios[1].hours == doctest::Approx(920));
  CHECK(r.scenarios[2].name == "best");
  CHECK(r.scenarios[2].value == doctest::Approx(2 * 662400));
  // --set-style extra overrides apply after the scenario's own values.
  Override set{c.parameter_index("patients"), "patients", Number::literal(10)};
  opt.scenario_extra = {set};
  r = evaluate_capacity(c, opt);
  for (const auto& s : r.scenarios) CHECK(s.hours == doctest::Approx(184));
}

TEST_CASE("capacity: errors name the file and the field") {
  Case c = load(R"(format: gevinst/1
case: {id: no-capacity}
assumptions: {start_year: 2026, horizon: 2}
)");
  // Without the section: an empty result, or an error when the section is required.
  CHECK(evaluate_capacity(c).total.hours == 0);
  CapacityOptions opt;
  opt.require_section = true;
  try {
    evaluate_capacity(c, opt);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].file == "test.yaml");
    CHECK(e.diagnostics[0].loc.line > 0);
    CHECK(e.diagnostics[0].message == "case 'no-capacity' has no capacity section");
  }
  // A scenario that pushes a share outside [0, 1] is reported at the field.
  std::string y = kSpecExample;
  y.replace(y.find("realisable: 0.8"), 15, "realisable: \"$patients / 100\"");
  Case c2 = load(y);
  Override set{c2.parameter_index("patients"), "patients", Number::literal(150)};
  CapacityOptions with_set;
  with_set.overrides = {set};
  try {
    evaluate_capacity(c2, with_set);
    FAIL("expected InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics.size() == 1);
    CHECK(e.diagnostics[0].yaml_path == "capacity.activities[0].realisable");
    CHECK(e.diagnostics[0].message == "share 1.5 is outside [0, 1] evaluating \"$patients / 100\"");
  }
  // So is a negative number of events.
  Override neg{c2.parameter_index("patients"), "patients", Number::literal(-1)};
  with_set.overrides = {neg};
  CHECK_THROWS_AS(evaluate_capacity(c2, with_set), InputError);
}
