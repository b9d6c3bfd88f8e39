// Tests for libeval/follow_up (docs/case-format.md, "Follow-up", section 13
// of the case-format contract). Every figure is hand-worked from the plan
// tests/data/follow_up/plan.yaml, whose comment gives its closed form: no
// discounting; per year costs 300,000 (+ 1,000,000 in 2026), benefits
// admissions 500,000 and visits 1,000 hours = 400,000; plan NPV 1,400,000.
#include "libeval/follow_up.h"

#include <string>

#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

const std::string kDir = std::string(GEVINST_SOURCE_DIR) + "/tests/data/follow_up/";

ActualsLoadResult load_actuals(const std::string& body) {
  const std::string text = "format: gevinst-actuals/1\ncase: plan.yaml\nas_of: 2028-03-31\n" + body;
  ActualsLoadResult r = load_actuals_text(text, kDir + "inline.yaml");
  INFO(dump(r.diags, r.source));
  REQUIRE(r.ok());
  return r;
}

TrackResult track(const std::string& body, std::optional<ForecastMethod> m = std::nullopt) {
  ActualsLoadResult r = load_actuals(body);
  TrackOptions o;
  o.forecast = m;
  return evaluate_follow_up(*r.plan, *r.actuals, o);
}

// The plan itself as actuals for 2026 and 2027.
const std::string kAsPlanned = R"(years:
  2026:
    costs: {platform: 1000000, operation: 300000}
    benefits: {admissions: 500000, travel: 100000}
    capacity: {visits: {events: 1000, minutes_saved: 60}}
  2027:
    costs: {platform: 0, operation: 300000}
    benefits: {admissions: 500000, travel: 100000}
    capacity: {visits: {events: 1000}}
parameters:
  patients: {value: 1000, source: register}
)";

// Admissions at 60 % of plan, visits at 50 % in 2026 and not reported in
// 2027, platform not reported in 2027, travel never reported.
const std::string kBehind = R"(years:
  2026:
    costs: {platform: 1000000, operation: 330000}
    benefits: {admissions: 300000}
    capacity: {visits: {events: 500}}
  2027:
    costs: {operation: 270000}
    benefits: {admissions: 300000}
)";

const TrackItem& item(const TrackResult& r, const std::string& id) { return by_id(r.items, id); }
const GateOutcome& gate(const TrackResult& r, const std::string& id) { return by_id(r.gates, id); }
const LoanTrack& loan(const TrackResult& r, const std::string& id) { return by_id(r.loans, id); }

const LoanTrackYear& loan_year(const LoanTrack& l, int year) {
  for (const auto& y : l.years)
    if (y.year == year) return y;
  FAIL("no year " << year);
  return l.years.front();
}

}  // namespace

TEST_CASE("follow-up: actuals equal to the plan (case-format section 13, properties)") {
  for (ForecastMethod m : {ForecastMethod::plan, ForecastMethod::trend, ForecastMethod::parameters}) {
    CAPTURE(to_string(m));
    TrackResult r = track(kAsPlanned, m);
    CHECK(r.elapsed_years == std::vector<int>{2026, 2027});
    CHECK(*r.realisation == doctest::Approx(1.0));
    CHECK(*r.cost_ratio == doctest::Approx(1.0));
    CHECK(r.plan.npv == doctest::Approx(1400000));
    CHECK(r.forecast.npv == doctest::Approx(r.plan.npv));
    CHECK(*r.forecast.fte == doctest::Approx(*r.plan.fte));
    CHECK_FALSE(r.brake);
    CHECK(r.brake_reasons.empty());
    for (const auto& l : r.loans) {
      CAPTURE(l.id);
      for (const auto& y : l.years) CHECK(y.due == doctest::Approx(y.planned_payment));
      CHECK(l.forgiven_projected == doctest::Approx(l.planned_forgiven));
    }
    // gate-2: actual.patients 1,000 >= 800 and forecast NPV 1,400,000 >= 0.
    CHECK(gate(r, "gate-2").status == "passed");
  }
}

TEST_CASE("follow-up: ratios with unreported item-years (case-format section 13)") {
  TrackResult r = track(kBehind);
  // R_admissions = (300,000 + 300,000) / (500,000 + 500,000).
  CHECK(*item(r, "admissions").ratio == doctest::Approx(0.6));
  // visits: 500 events x 60 minutes = 500 hours of 1,000 in 2026; 2027 not reported.
  CHECK(*item(r, "visits").ratio == doctest::Approx(0.5));
  CHECK(item(r, "visits").unit == "hours");
  CHECK(item(r, "visits").not_reported == std::vector<int>{2027});
  // platform: 2027 not reported (planned 0 there: not listed as missing), so C = 1,000,000 / 1,000,000.
  CHECK(*item(r, "platform").ratio == doctest::Approx(1.0));
  CHECK(item(r, "platform").not_reported.empty());
  CHECK(item(r, "travel").not_reported == std::vector<int>{2026, 2027});
  // operation: (330,000 + 270,000) / 600,000.
  CHECK(*item(r, "operation").ratio == doctest::Approx(1.0));
  CHECK_FALSE(item(r, "travel").ratio.has_value());
  // realisation = (300,000 + 300,000 + visits 200,000) / (500,000 + 500,000 + 400,000) = 8 / 14.
  CHECK(*r.realisation == doctest::Approx(8.0 / 14.0));
  // cost_ratio = (1,000,000 + 330,000 + 270,000) / (1,000,000 + 300,000 + 300,000).
  CHECK(*r.cost_ratio == doctest::Approx(1.0));
  // per year: 2026 (300,000 + 200,000) / 900,000; 2027 300,000 / 500,000.
  CHECK(*r.years[0].realisation == doctest::Approx(5.0 / 9.0));
  CHECK(*r.years[1].realisation == doctest::Approx(0.6));
  // realised NPV: 2026 500,000 - 1,330,000; 2027 (300,000 + visits at plan 400,000) - 270,000.
  CHECK(r.realised_npv == doctest::Approx(-830000 + 430000));
}

TEST_CASE("follow-up: each forecast method (case-format section 13)") {
  // trend 2028-2029: admissions 500,000 x 0.6 + visits 400,000 x 0.5 - operation 300,000 x 1.0 = 200,000.
  TrackResult trend = track(kBehind);
  CHECK(trend.forecast_method == ForecastMethod::trend);
  CHECK(trend.forecast.npv == doctest::Approx(-400000 + 2 * 200000));
  // FTE: 0.5 realised in 2026, 1.0 planned for unreported 2027, 0.5 after: largest 1.0.
  CHECK(*trend.forecast.fte == doctest::Approx(1.0));
  CHECK(trend.years[2].fte == doctest::Approx(0.5));
  // plan keeps 600,000 a year.
  TrackResult plan = track(kBehind, ForecastMethod::plan);
  CHECK(plan.forecast.npv == doctest::Approx(-400000 + 2 * 600000));
  // parameters with patients 600: 600 x (500 - 300) + 600 hours x 400 = 360,000 a year.
  TrackResult params = track(kBehind + "parameters: {patients: 600}\n", ForecastMethod::parameters);
  CHECK(params.forecast.npv == doctest::Approx(-400000 + 2 * 360000));
  // realised NPV + PV of the forecast years = forecast NPV (no discounting: DF = 1).
  for (const TrackResult* r : {&trend, &plan, &params}) {
    double pv = r->realised_npv;
    for (const auto& y : r->years)
      if (!y.elapsed) pv += y.discount_factor * (y.benefits - y.costs);
    CHECK(pv == doctest::Approx(r->forecast.npv));
  }
}

TEST_CASE("follow-up: scaling one benefit's actuals by k scales its ratio by k") {
  TrackResult a = track(kBehind);
  std::string doubled = kBehind;
  for (size_t p = doubled.find("admissions: 300000"); p != std::string::npos;
       p = doubled.find("admissions: 300000", p + 1))
    doubled.replace(p, 18, "admissions: 600000");
  TrackResult b = track(doubled);
  CHECK(*item(b, "admissions").ratio == doctest::Approx(2 * *item(a, "admissions").ratio));
}

TEST_CASE("follow-up: the brake by consecutive years and by NPV (case-format section 13)") {
  // kBehind: 2026 at 0.556 and 2027 at 0.6, both below 0.7; forecast NPV 0 is not below 0.
  TrackResult r = track(kBehind);
  CHECK(r.brake);
  REQUIRE(r.brake_reasons.size() == 1);
  CHECK(r.brake_reasons[0].text().find("realisation below 0.7 in each of the last 2") != std::string::npos);
  // Admissions at 20 %: forecast NPV = realised (-1,030,000 + 230,000) + 2 x (100,000 + 200,000 - 300,000) <
  // 0.
  std::string low = kBehind;
  for (size_t p = low.find("admissions: 300000"); p != std::string::npos;
       p = low.find("admissions: 300000", p + 1))
    low.replace(p, 18, "admissions: 100000");
  TrackResult n = track(low);
  CHECK(n.forecast.npv == doctest::Approx(-800000));
  REQUIRE(n.brake_reasons.size() == 2);
  CHECK(n.brake_reasons[0].text().find("forecast NPV") != std::string::npos);
  // One elapsed year is fewer than brake_years 2: no consecutive-years brake.
  TrackResult one = track("years:\n  2026:\n    benefits: {admissions: 300000}\n");
  CHECK_FALSE(one.brake);
}

TEST_CASE("follow-up: stage gate statuses (case-format section 13)") {
  TrackResult r = track(kBehind);
  // gate-1 (after 2026): realisation 0.571 < 0.8.
  CHECK(gate(r, "gate-1").status == "failed");
  CHECK(gate(r, "gate-1").failed_criteria == std::vector<std::string>{"realisation >= 0.8"});
  // gate-2 (after 2027): no realised patients, so actual.patients is null and fails.
  CHECK(gate(r, "gate-2").status == "failed");
  CHECK(gate(r, "gate-2").reasons[0].text().find("actual.patients is null") != std::string::npos);
  // gate-3 (after 2028): the last elapsed year is 2027.
  CHECK(gate(r, "gate-3").status == "not due");
  CHECK(r.released == 0);
  TrackResult ok = track(kAsPlanned);
  CHECK(gate(ok, "gate-1").status == "passed");
  CHECK(gate(ok, "gate-2").status == "passed");
  CHECK(ok.released == doctest::Approx(200000 + 300000));
}

TEST_CASE("follow-up: gain-share due on actuals, with the cap (case-format section 13)") {
  TrackResult r = track(kBehind);
  const LoanTrack& l = loan(r, "share-loan");
  // Plan: 0.5 x 500,000 = 250,000 in 2027 and 2028, then the cap 550,000 leaves 50,000; forgiven 450,000.
  CHECK(loan_year(l, 2027).planned_payment == doctest::Approx(250000));
  CHECK(loan_year(l, 2029).planned_payment == doctest::Approx(50000));
  CHECK(l.planned_forgiven == doctest::Approx(450000));
  // Actuals: 0.5 x 300,000 realised in 2027, the trend forecast 300,000 after: 150,000 a year,
  // 450,000 in all, under the cap; forgiven 550,000.
  CHECK(loan_year(l, 2027).due == doctest::Approx(150000));
  CHECK(loan_year(l, 2027).elapsed);
  CHECK(loan_year(l, 2029).due == doctest::Approx(150000));
  CHECK(l.forgiven_projected == doctest::Approx(550000));
}

TEST_CASE("follow-up: gain-share due on actuals with a capitalised-interest year (case-format section 13)") {
  TrackResult r = track(kBehind);
  const LoanTrack& l = loan(r, "grace-loan");
  // 2027 is grace: 10 % of 1,000,000 added, nothing paid, on plan and on actuals.
  CHECK(loan_year(l, 2027).planned_payment == doctest::Approx(0));
  CHECK(loan_year(l, 2027).due == doctest::Approx(0));
  // Plan: B 1,100,000; 2028 interest 110,000, pays 500,000 -> 710,000; 2029 interest 71,000,
  // pays 500,000 -> 281,000 forgiven.
  CHECK(loan_year(l, 2028).planned_payment == doctest::Approx(500000));
  CHECK(l.planned_forgiven == doctest::Approx(281000));
  // Actuals (trend 300,000): 2028 pays 300,000 -> 910,000; 2029 interest 91,000, pays 300,000 -> 701,000.
  CHECK(loan_year(l, 2028).due == doctest::Approx(300000));
  CHECK(l.forgiven_projected == doctest::Approx(701000));
}
