// Tests for libeval/business_case (docs/case-format.md, "Discounting", "Costs
// and benefits" and "Business case results"): whole cases loaded from YAML
// text and evaluated, against LibreOffice Calc (the same exported values as
// irr_test: tests/data/calc/finance.fods, sheets npv, dk_years and dk_npv)
// and against properties the conventions imply.
#include "libeval/business_case.h"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "calc_csv.h"
#include "libeval/loader.h"
#include "libeval/parameters.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

// A case whose net series is `cf` (negative flows as costs, positive as
// budget benefits), starting in 2000, discounted with `discounting`.
std::string series_case(const std::vector<double>& cf, const std::string& discounting) {
  std::string costs, benefits;
  for (size_t t = 0; t < cf.size(); ++t) {
    if (cf[t] < 0) costs += fmt::format("{}: {:.17g}, ", 2000 + t, -cf[t]);
    if (cf[t] > 0) benefits += fmt::format("{}: {:.17g}, ", 2000 + t, cf[t]);
  }
  std::string y = fmt::format(
      "format: gevinst/1\ncase: {{id: calc}}\nassumptions: {{start_year: 2000, horizon: {}, discounting: "
      "{}}}\n"
      "parties: [{{id: p, sector: other}}]\n",
      cf.size(), discounting);
  if (!costs.empty())
    y += fmt::format("costs: [{{id: out, kind: other, party: p, amounts: {{{}}}}}]\n", costs);
  if (!benefits.empty())
    y += fmt::format("benefits: [{{id: in, kind: budget, party: p, amounts: {{{}}}}}]\n", benefits);
  return y;
}

bool near_rel(double a, double b, double tol) {
  return std::fabs(a - b) <= tol * std::max(1.0, std::fabs(b));
}

}  // namespace

TEST_CASE("evaluate: NPV and IRR of whole cases agree with Calc's CF0 + NPV(r; CF1..CFn) and IRR") {
  // tests/data/calc/npv.csv: columns id, rate, irr_kind, guess, npv, irr, cf0, cf1..cfn.
  auto rows = calc::read_csv("npv.csv");
  int checked = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    std::vector<double> cf;
    for (size_t k = 6; k < r.size(); ++k)
      if (auto v = calc::number(r[k])) cf.push_back(*v);
    double rate = calc::num(r[1]);
    CAPTURE(r[0]);
    BusinessCase bc = evaluate_case(load(series_case(cf, fmt::format("{{rate: {:.17g}}}", rate))));
    CHECK(near_rel(bc.selected().npv, calc::num(r[4]), 1e-9));
    if (r[2] == "unique") {
      REQUIRE(bc.selected().irr.has_value());
      CHECK(std::fabs(*bc.selected().irr - calc::num(r[5])) < 1e-9);
    }
    ++checked;
  }
  CHECK(checked >= 20);
}

TEST_CASE("evaluate: 76-year series under the Danish step schedules agree with Calc") {
  // dk_years.csv: t, r_2021, df_2021, dfmid_2021, r_2013, df_2013, cf_a, cf_b;
  // dk_npv.csv: id, schedule, npv (SUMPRODUCT of flows and DF), npv_mid.
  auto years = calc::read_csv("dk_years.csv");
  auto npvs = calc::read_csv("dk_npv.csv");
  for (size_t i = 1; i < npvs.size(); ++i) {
    const auto& r = npvs[i];
    size_t col = r[0] == "dk-a" ? 6 : 7;
    std::vector<double> cf;
    for (size_t k = 1; k < years.size(); ++k) cf.push_back(calc::num(years[k][col]));
    REQUIRE(cf.size() == 76);
    CAPTURE(r[0]);
    CAPTURE(r[1]);
    BusinessCase bc = evaluate_case(load(series_case(cf, r[1])));
    CHECK(near_rel(bc.selected().npv, calc::num(r[2]), 1e-9));
    if (auto mid = calc::number(r[3])) {
      std::string y = series_case(cf, r[1]);
      y.replace(y.find("discounting:"), 0, "timing: mid, ");
      BusinessCase m = evaluate_case(load(y));
      CHECK(near_rel(m.selected().npv, *mid, 1e-9));
    }
  }
}

namespace {
const char* kTwoParty = R"(
format: gevinst/1
case: {id: two-party}
assumptions: {start_year: 2026, horizon: 8, discounting: {rate: 0.04}}
parameters:
  patients: 1000
  k: 1
parties:
  - {id: region, sector: region}
  - {id: kommune, sector: municipality}
  - {id: fund, sector: state}
  - {id: citizens, sector: citizen}
costs:
  - {id: devices, kind: investment, party: region, amount: "2e6 * $k", year: 2026}
  - {id: training, kind: implementation, party: region, amount: "3e5 * $k", year: 2026}
  - {id: operation, kind: operating, party: region, per_year: "$patients * 300 * $k", from: 2027, growth: 0.02}
benefits:
  - {id: admissions, kind: budget, party: kommune, per_year: "$patients * 900 * $k", from: 2027,
     profile: {2027: 0.5, 2028: 1}}
  - {id: travel, kind: societal, party: citizens, per_year: "$patients * 100 * $k", from: 2027}
  - {id: wellbeing, kind: qualitative, party: citizens, description: Less anxiety}
capacity:
  staff: {nurse: {hour_cost: 450}}
  activities:
    - {id: visits, staff: nurse, party: region, minutes_saved: 30, events_per_year: "$patients * 4 * $k",
       from: 2027, adoption: {linear: {from: 2027, years: 2}}, realisable: 0.8}
financing:
  - {id: grant, method: grant, payer: fund, recipient: region, share: 0.7, of: [devices, training]}
  - {id: loan, method: gain-share, lender: fund, borrower: kommune, principal: 5e5, disbursed: 2026, rate: 0.02,
     term: 5, gain_share: {share: 0.5, of: [admissions]}}
scenarios:
  double: {k: 2}
)";
}  // namespace

TEST_CASE("evaluate: properties") {
  Case c = load(kTwoParty);

  SUBCASE("zero rate: NPV equals the sum of the nets") {
    Case z = c;
    z.assumptions.discounting = constant_schedule(0.0);
    BusinessCase bc = evaluate_case(z);
    double sum = 0;
    for (const auto& y : bc.selected().years) sum += y.net;
    CHECK(bc.selected().npv == doctest::Approx(sum).epsilon(1e-12));
  }
  SUBCASE("NPV is linear in the flows: doubling every amount doubles every NPV") {
    BusinessCase one = evaluate_case(c);
    BusinessCase two =
        evaluate_case(c, {Perspective::organisation, find_scenario(c, "double").overrides, "double"});
    for (int p = 0; p < 3; ++p)
      CHECK(two.perspectives[p].npv == doctest::Approx(2 * one.perspectives[p].npv));
  }
  SUBCASE("perspectives are nested: budget <= organisation <= society benefits, same costs") {
    BusinessCase bc = evaluate_case(c);
    const auto& [b, o, s] = bc.perspectives;
    CHECK(b.pv_costs == o.pv_costs);
    CHECK(o.pv_costs == s.pv_costs);
    CHECK(b.pv_benefits < o.pv_benefits);
    CHECK(o.pv_benefits < s.pv_benefits);
  }
  SUBCASE("transfers net to zero and party NPVs add up to the case NPV") {
    for (Perspective p : {Perspective::budget, Perspective::organisation, Perspective::society}) {
      BusinessCase bc = evaluate_case(c, {p, {}, ""});
      double sum_npv = 0;
      for (size_t t = 0; t < bc.discount_factors.size(); ++t) {
        double in = 0, out = 0;
        for (const auto& party : bc.parties) {
          in += party.years[t].transfers_in;
          out += party.years[t].transfers_out;
        }
        CHECK(in == doctest::Approx(out));
      }
      for (const auto& party : bc.parties) sum_npv += party.npv;
      CHECK(sum_npv == doctest::Approx(bc.selected().npv).epsilon(1e-12));
    }
  }
  SUBCASE("growth, profiles and capacity benefits per the spec's formulas") {
    BusinessCase bc = evaluate_case(c);
    auto item = [&](const std::string& id) -> const ItemSeries& { return by_id(bc.items, id); };
    // operation: 1000 x 300 x 1.02^(y - 2027) from 2027 (docs/case-format.md, "Costs and benefits").
    CHECK(item("operation").values[0] == 0);
    CHECK(item("operation").values[1] == doctest::Approx(300000));
    CHECK(item("operation").values[3] == doctest::Approx(300000 * std::pow(1.02, 2)));
    // admissions: share 0.5 in 2027, 1 from 2028.
    CHECK(item("admissions").values[1] == doctest::Approx(450000));
    CHECK(item("admissions").values[2] == doctest::Approx(900000));
    // visits: 30/60 h x 4000 events x adoption (linear over 2 years: 0.5, 1) x 0.8 x 450 kr.
    CHECK(item("visits").derived_from_capacity);
    CHECK(item("visits").values[1] == doctest::Approx(0.5 * 4000 * 0.5 * 0.8 * 450));
    CHECK(item("visits").values[2] == doctest::Approx(0.5 * 4000 * 1.0 * 0.8 * 450));
    // qualitative benefits never carry money.
    for (double v : item("wellbeing").values) CHECK(v == 0);
  }
  SUBCASE("payback: first crossing, interpolated, with its calendar year") {
    BusinessCase bc = evaluate_case(c);
    const Metrics& m = bc.selected();
    REQUIRE(m.payback_years.has_value());
    int t = static_cast<int>(std::ceil(*m.payback_years));
    CHECK(m.years[t - 1].cumulative < 0);
    CHECK(m.years[t].cumulative >= 0);
    CHECK(*m.payback_years == doctest::Approx(t - 1 + -m.years[t - 1].cumulative / m.years[t].net));
    CHECK(*m.payback_year == 2026 + t);
  }
}

TEST_CASE("evaluate: optimism bias uplifts costs by kind and reduces benefits") {
  std::string y = kTwoParty;
  y.replace(y.find("discounting:"), 0, "optimism_bias: {investment: 0.24, operating: 0.41, benefits: 0.1}, ");
  Case c = load(y);
  BusinessCase bc = evaluate_case(c);
  REQUIRE(bc.adjusted.has_value());
  const Metrics& raw = bc.perspectives[1];
  const Metrics& adj = (*bc.adjusted)[1];
  CHECK(adj.years[0].costs_by_kind[0] == doctest::Approx(raw.years[0].costs_by_kind[0] * 1.24));
  CHECK(adj.years[0].costs_by_kind[1] ==
        doctest::Approx(raw.years[0].costs_by_kind[1]));  // implementation: no uplift given
  CHECK(adj.years[3].costs_by_kind[2] == doctest::Approx(raw.years[3].costs_by_kind[2] * 1.41));
  CHECK(adj.years[3].benefits == doctest::Approx(raw.years[3].benefits * 0.9));
  CHECK(adj.npv < raw.npv);
}

TEST_CASE("evaluate: profile shorthands") {
  Profile lin;
  lin.kind = Profile::Kind::linear;
  lin.linear_from = 2027;
  lin.linear_years = 4;
  CHECK(profile_share(lin, 2026, {}, "") == 0);
  CHECK(profile_share(lin, 2027, {}, "") == doctest::Approx(0.25));
  CHECK(profile_share(lin, 2030, {}, "") == doctest::Approx(1.0));
  CHECK(profile_share(lin, 2035, {}, "") == doctest::Approx(1.0));
  Profile lg;
  lg.kind = Profile::Kind::logistic;
  lg.logistic_midpoint = 2029;
  lg.logistic_steepness = 1.0;
  CHECK(profile_share(lg, 2029, {}, "") == doctest::Approx(0.5));
  CHECK(profile_share(lg, 2030, {}, "") == doctest::Approx(1 / (1 + std::exp(-1.0))));
  Profile none;
  CHECK(profile_share(none, 1900, {}, "") == 1.0);
}

TEST_CASE("evaluate: amounts that overflow are input errors, never infinite results") {
  const std::string head =
      "format: gevinst/1\ncase: {id: huge}\nassumptions: {start_year: 2026, horizon: 40}\n"
      "parties: [{id: p, sector: region}]\n";
  SUBCASE("growth compounds past the limit at the base values: a load error") {
    LoadResult r =
        load_text(head + "costs: [{id: c, kind: operating, party: p, per_year: 1e200, growth: 1e10}]\n");
    REQUIRE_FALSE(r.ok());
    const Diagnostic& d = r.diags.all().front();
    CHECK(d.yaml_path == "costs[0].per_year");
    CHECK(d.loc.line == 5);
    CHECK(d.message.find("'c' is ") == 0);
    CHECK(d.hint.find("growth") != std::string::npos);
  }
  SUBCASE("an override that makes it overflow: an error of evaluate") {
    Case c = load(head +
                  "parameters: {g: {value: 0.01, source: test}}\n"
                  "costs: [{id: c, kind: operating, party: p, per_year: 1e200, growth: \"$g\"}]\n");
    EvaluateOptions eo;
    eo.overrides = {{c.parameter_index("g"), "g", Number::literal(1e10)}};
    try {
      evaluate_case(c, eo);
      FAIL("expected an InputError");
    } catch (const InputError& e) {
      REQUIRE(e.diagnostics.size() == 1);
      CHECK(e.diagnostics[0].yaml_path == "costs[0].per_year");
      CHECK(e.diagnostics[0].message.find("'c' is ") == 0);
    }
  }
  SUBCASE("an amount beyond 1e250") {
    CHECK_FALSE(load_text(head + "costs: [{id: c, kind: investment, party: p, amount: 1e300}]\n").ok());
  }
  SUBCASE("large but representable amounts still evaluate") {
    Case c = load(head + "costs: [{id: c, kind: investment, party: p, amount: 1e200}]\n");
    CHECK(evaluate_case(c, {}).selected().npv == doctest::Approx(-1e200));
  }
}

TEST_CASE("evaluate: discount factors that overflow are a load error at assumptions.discounting") {
  LoadResult r = load_text(
      "format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2000, horizon: 200, discounting: {rate: "
      "-0.99}}\n");
  REQUIRE_FALSE(r.ok());
  bool found = false;
  for (const auto& d : r.diags.all())
    found |= d.yaml_path == "assumptions.discounting" &&
             d.message.find("the discount factor of year index 126 is out of range") == 0;
  CHECK(found);
}

TEST_CASE("evaluate: with_irr = false skips only the IRR") {
  // -100, 60, 60: IRR 13.066 % (the example of libeval/irr.h).
  const Case c = load(series_case({-100, 60, 60}, "{rate: 0.05}"));
  const BusinessCase with = evaluate_case(c);
  EvaluateOptions o;
  o.with_irr = false;
  const BusinessCase without = evaluate_case(c, o);
  REQUIRE(with.selected().irr);
  CHECK(*with.selected().irr == doctest::Approx(0.1306623863));
  CHECK_FALSE(without.selected().irr);
  CHECK(without.selected().irr_note.pattern.empty());
  // Everything else is the same: NPV, BCR and payback.
  CHECK(without.selected().npv == with.selected().npv);
  CHECK(without.selected().bcr == with.selected().bcr);
  CHECK(without.selected().payback_years == with.selected().payback_years);
}
