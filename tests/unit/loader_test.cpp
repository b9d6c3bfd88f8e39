// Tests for the case loader (libeval/loader, load_*.cpp, parameters): a valid
// case's model, each section's forms, and every kind of error with its
// message, position and YAML path. Cases are strings, never files. Expected
// positions are where a quoted token occurs in the text (`at(text, token)`);
// expected values are the numbers written in the case text.
#include "libeval/loader.h"

#include <string>

#include "libeval/detail/load_reader.h"
#include "libeval/parameters.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

const std::string kCase = R"(format: gevinst/1
case:
  id: kol-telemonitoring
  title: Telemonitoring of COPD patients at home
  owner: Region Nordjylland
  stage: scaling
  evidence: documented
assumptions:
  start_year: 2026
  horizon: 10
  discounting: dk-fm-2021
  fte_hours: 1924
parameters:
  patients: {value: 1200, low: 900, high: 1500, dist: {normal: [1200, 100]}, source: "Region register 2025"}
  admissions_avoided: {value: 0.30, low: 0.15, high: 0.40, dist: {beta: [0.30, 0.05]}, source: "Pilot, table 4"}
  cost_per_admission: {value: 32000, source: "DRG 2025"}
  device_cost: {value: 2000, source: "Tender 2025"}
  op_cost: {value: 1500, source: "Supplier offer 2025"}
parties:
  - {id: region, label: Region Nordjylland, sector: region}
  - {id: municipalities, sector: municipality}
  - {id: fund, label: National implementation fund, sector: state}
costs:
  - id: devices
    kind: investment
    party: region
    amount: "$patients * $device_cost"
    year: 2026
  - id: training
    kind: implementation
    party: region
    amount: 500000
    year: 2026
  - id: operation
    kind: operating
    party: region
    per_year: "$patients * $op_cost"
    from: 2027
    growth: 0.01
benefits:
  - id: fewer-admissions
    kind: budget
    party: region
    per_year: "$patients * $admissions_avoided * $cost_per_admission"
    from: 2027
    profile: {2027: 0.4, 2028: 0.8, 2029: 1.0}
capacity:
  staff:
    nurse: {hour_cost: 450}
  activities:
    - id: home-visits-replaced
      staff: nurse
      party: municipalities
      minutes_saved: 40
      events_per_year: "$patients * 12"
      from: 2027
      adoption: {2027: 0.5, 2028: 0.9}
      realisable: 0.8
      monetise: true
sroi:
  investment: auto
  outcomes:
    - id: less-travel
      stakeholder: patients
      indicator: Hours of travel avoided
      quantity: "$patients * 10"
      proxy: 150
      proxy_source: "Transport Ministry's unit price of travel time 2024"
      start: 2027
      duration: 5
      deadweight: 0.10
      attribution: 0.20
      drop_off: 0.10
financing:
  - id: fund-grant
    method: grant
    payer: fund
    recipient: region
    share: 0.7
    of: [devices, training]
  - id: fund-loan
    method: gain-share
    lender: fund
    borrower: region
    principal: 1.0e6
    disbursed: 2026
    rate: 0.02
    periods_per_year: 1
    grace: 1
    term: 8
    gain_share:
      share: 0.5
      of: [fewer-admissions]
      cap: 1.2
scenarios:
  worst: {patients: 900, admissions_avoided: 0.15}
  best: {admissions_avoided: 0.40}
correlations:
  - [patients, admissions_avoided, 0.3]
)";

// kCase with each `from` replaced by `to` (each must occur exactly once).
std::string edit(std::initializer_list<std::pair<std::string_view, std::string_view>> edits,
                 std::string text = kCase) {
  for (const auto& e : edits) {
    const std::string_view from = e.first, to = e.second;
    size_t pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, "not in the case: " << from);
    REQUIRE_MESSAGE(text.find(from, pos + 1) == std::string::npos, "twice in the case: " << from);
    text.replace(pos, from.size(), to);
  }
  return text;
}

// 1-based line and character column of the first occurrence of `token` (plus
// `skip` characters) in `text`.
SourceLoc at(const std::string& text, std::string_view token, int skip = 0) {
  size_t pos = text.find(token);
  REQUIRE_MESSAGE(pos != std::string::npos, "token not in text: " << token);
  SourceLoc l{1, 1};
  for (size_t i = 0; i < pos; ++i) {
    if (text[i] == '\n')
      l = {l.line + 1, 1};
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      ++l.column;
  }
  l.column += skip;
  return l;
}

std::vector<Diagnostic> errors_of(const LoadResult& r) {
  std::vector<Diagnostic> out;
  for (const auto& d : r.diags.all())
    if (d.severity == Severity::error) out.push_back(d);
  return out;
}

double value(const Case& c, const Number& n) { return value_of(n, parameter_values(c), c.file); }

}  // namespace

TEST_CASE("loader: a valid case's model") {
  LoadResult r = load_text(kCase, true);
  INFO(dump(r));
  REQUIRE(r.ok());
  CHECK(r.diags.all().empty());  // no lints either
  const Case& c = *r.model;
  CHECK(c.format == "gevinst/1");
  CHECK(c.file == "test.yaml");
  CHECK(c.info.id == "kol-telemonitoring");
  CHECK(c.info.title == "Telemonitoring of COPD patients at home");
  CHECK(c.info.owner == "Region Nordjylland");
  CHECK(c.info.stage == Stage::scaling);
  CHECK(c.info.evidence == Evidence::documented);
  CHECK(c.assumptions.start_year == 2026);
  CHECK(c.assumptions.horizon == 10);
  CHECK(c.assumptions.end_year() == 2035);
  CHECK(c.assumptions.price_year == 2026);  // default start_year
  CHECK(c.assumptions.currency == "DKK");   // default
  CHECK(c.assumptions.fte_hours == 1924);
  CHECK(c.assumptions.discounting.name == "dk-fm-2021");
  REQUIRE(c.assumptions.discounting.steps.size() == 3);  // 3.5 % from t = 1, 2.5 % from 36, 1.5 % from 71
  CHECK(c.assumptions.discounting.steps[1].from_index == 36);
  CHECK(c.assumptions.discounting.steps[1].rate == doctest::Approx(0.025));

  REQUIRE(c.parameters.size() == 5);
  std::vector<double> base = parameter_values(c);
  CHECK(base[c.parameter_index("patients")] == 1200);
  CHECK(base[c.parameter_index("admissions_avoided")] == doctest::Approx(0.30));
  const Parameter& p = c.parameters[c.parameter_index("patients")];
  CHECK(p.source == "Region register 2025");
  REQUIRE(p.low);
  CHECK(value(c, *p.low) == 900);
  REQUIRE(p.dist);
  CHECK(p.dist->kind == "normal");
  CHECK(p.dist->args.size() == 2);
  CHECK(c.parameter_index("nope") == -1);

  REQUIRE(c.parties.size() == 3);
  CHECK(c.parties[1].sector == Sector::municipality);
  REQUIRE(c.costs.size() == 3);
  CHECK(c.costs[0].form == FlowItem::Form::amount);
  CHECK(c.costs[0].cost_kind == CostKind::investment);
  CHECK(value(c, c.costs[0].amount) == 1200.0 * 2000);  // $patients * $device_cost
  CHECK(c.costs[0].year == 2026);
  CHECK(c.costs[0].yaml_path == "costs[0]");
  CHECK(c.costs[2].form == FlowItem::Form::per_year);
  CHECK(c.costs[2].from == 2027);
  CHECK(c.costs[2].to == 2035);  // default: last year of the horizon
  CHECK(value(c, c.costs[2].growth) == doctest::Approx(0.01));
  REQUIRE(c.benefits.size() == 1);
  CHECK(c.benefits[0].benefit_kind == BenefitKind::budget);
  CHECK(value(c, c.benefits[0].amount) == doctest::Approx(1200 * 0.30 * 32000));
  CHECK(c.benefits[0].profile.kind == Profile::Kind::steps);
  REQUIRE(c.benefits[0].profile.steps.size() == 3);
  CHECK(c.benefits[0].profile.steps[1].first == 2028);
  CHECK(value(c, c.benefits[0].profile.steps[1].second) == doctest::Approx(0.8));

  REQUIRE(c.capacity.present);
  REQUIRE(c.capacity.staff.size() == 1);
  CHECK(value(c, c.capacity.staff[0].hour_cost) == 450);
  REQUIRE(c.capacity.activities.size() == 1);
  const Activity& a = c.capacity.activities[0];
  CHECK(a.in_minutes);
  CHECK(value(c, a.time_saved) == 40);
  CHECK(value(c, a.events_per_year) == 1200 * 12);
  CHECK(a.to == 2035);
  CHECK(value(c, a.realisable) == doctest::Approx(0.8));
  CHECK(a.monetise);
  CHECK(a.adoption.steps.size() == 2);

  REQUIRE(c.sroi.present);
  CHECK_FALSE(c.sroi.investment);  // auto
  REQUIRE(c.sroi.outcomes.size() == 1);
  CHECK(c.sroi.outcomes[0].duration == 5);
  CHECK(c.sroi.outcomes[0].start == 2027);
  CHECK(value(c, c.sroi.outcomes[0].displacement) == 0);  // absent = 0

  REQUIRE(c.financing.size() == 2);
  CHECK(c.financing[0].method == Financing::Method::grant);
  CHECK(c.financing[0].of == std::vector<std::string>{"devices", "training"});
  const Financing& loan = c.financing[1];
  CHECK(loan.method == Financing::Method::gain_share);
  CHECK(value(c, loan.principal) == 1.0e6);
  CHECK(loan.grace == 1);
  CHECK(loan.term == 8);
  CHECK_FALSE(loan.residual_due);  // default forgive
  CHECK(loan.gain_of == std::vector<std::string>{"fewer-admissions"});
  REQUIRE(loan.cap);
  CHECK(value(c, *loan.cap) == doctest::Approx(1.2));

  REQUIRE(c.scenarios.size() == 2);
  CHECK(c.scenarios[0].name == "worst");
  std::vector<double> worst = parameter_values(c, c.scenarios[0].overrides);
  CHECK(worst[c.parameter_index("patients")] == 900);
  CHECK(worst[c.parameter_index("cost_per_admission")] == 32000);  // not overridden
  REQUIRE(c.correlations.size() == 1);
  CHECK(c.correlations[0].b == "admissions_avoided");
}

TEST_CASE("loader: flow forms, profiles and discounting forms") {
  SUBCASE("amounts series and a linear profile on a cost") {
    LoadResult r = load_text(edit(
        {{"    amount: 500000\n    year: 2026\n",
          "    amounts: {2027: 300000, 2026: 320000}\n    profile: {linear: {from: 2026, years: 4}}\n"}}));
    INFO(dump(r));
    REQUIRE(r.ok());
    const FlowItem& f = r.model->costs[1];
    CHECK(f.form == FlowItem::Form::amounts);
    REQUIRE(f.amounts.size() == 2);
    CHECK(f.amounts[0].first == 2026);  // sorted by year
    CHECK(f.profile.kind == Profile::Kind::linear);
    CHECK(f.profile.linear_years == 4);
  }
  SUBCASE("logistic profile, hours_saved, principal as a share, annuity defaults") {
    LoadResult r = load_text(
        edit({{"    profile: {2027: 0.4, 2028: 0.8, 2029: 1.0}\n",
               "    profile: {logistic: {midpoint: 2029, steepness: 1.5}}\n"},
              {"      minutes_saved: 40\n", "      hours_saved: 0.5\n"},
              {"    principal: 1.0e6\n", "    principal: {share: 0.3, of: [devices]}\n"},
              {"    method: gain-share\n", "    method: annuity\n"},
              {"    gain_share:\n      share: 0.5\n      of: [fewer-admissions]\n      cap: 1.2\n", ""},
              {"    periods_per_year: 1\n    grace: 1\n", ""}}));
    INFO(dump(r));
    REQUIRE(r.ok());
    const Case& c = *r.model;
    CHECK(c.benefits[0].profile.kind == Profile::Kind::logistic);
    CHECK(c.benefits[0].profile.logistic_midpoint == 2029);
    CHECK(c.benefits[0].profile.logistic_steepness == 1.5);
    CHECK_FALSE(c.capacity.activities[0].in_minutes);
    REQUIRE(c.financing[1].principal_share);
    CHECK(c.financing[1].principal_of == std::vector<std::string>{"devices"});
    CHECK(c.financing[1].periods_per_year == 1);
    CHECK(c.financing[1].grace == 0);
  }
  SUBCASE("discounting: a constant rate and a schedule") {
    LoadResult r = load_text(edit({{"  discounting: dk-fm-2021\n", "  discounting: {rate: 0.04}\n"}}));
    REQUIRE(r.ok());
    REQUIRE(r.model->assumptions.discounting.steps.size() == 1);
    CHECK(r.model->assumptions.discounting.steps[0].rate == 0.04);
    r = load_text(
        edit({{"  discounting: dk-fm-2021\n",
               "  discounting: {schedule: [{from_index: 1, rate: 0.04}, {from_index: 11, rate: 0.03}]}\n"}}));
    REQUIRE(r.ok());
    REQUIRE(r.model->assumptions.discounting.steps.size() == 2);
    CHECK(r.model->assumptions.discounting.steps[1].from_index == 11);
  }
  SUBCASE("a qualitative benefit with a description and no amount") {
    LoadResult r =
        load_text(edit({{"benefits:\n",
                         "benefits:\n  - {id: safer, kind: qualitative, party: region, description: "
                         "Patients feel safer}\n"}}));
    INFO(dump(r));
    REQUIRE(r.ok());
    CHECK(r.model->benefits[0].benefit_kind == BenefitKind::qualitative);
  }
}

TEST_CASE("loader: one error per kind, with message, position and path") {
  struct Row {
    std::vector<std::pair<std::string_view, std::string_view>> edits;
    std::string message;
    std::string token;  // the error is at this token's first character (+ skip)
    int skip;
    std::string path;
    std::string hint;  // the hint starts with this
  };
  const Row rows[] = {
      {{{"format: gevinst/1\n", ""}},
       "missing required key 'format'",
       "case:",
       0,
       "format",
       "the first line of a case file is"},
      {{{"format: gevinst/1\n", "format: gevinst/2\n"}},
       "unsupported format 'gevinst/2'",
       "gevinst/2",
       0,
       "format",
       "this version of gevinst reads"},
      {{{"  id: kol-telemonitoring\n", ""}},
       "missing required key 'id'",
       "title:",
       0,
       "case",
       "add e.g. 'id: kol-telemonitoring'"},
      {{{"  id: kol-telemonitoring\n", "  id: KOL Tele\n"}},
       "invalid id 'KOL Tele'",
       "KOL Tele",
       0,
       "case.id",
       "ids use lower-case letters, digits, '-' and '_' and start with a letter or digit, e.g. 'kol-tele'"},
      {{{"  discounting: dk", "  discountng: dk"}},
       "unknown key 'discountng'",
       "discountng",
       0,
       "assumptions.discountng",
       "did you mean 'discounting'?"},
      {{{"  start_year: 2026\n", ""}},
       "missing required key 'start_year'",
       "horizon",
       0,
       "assumptions",
       "add e.g. 'start_year: 2026'"},
      {{{"  horizon: 10\n", "  horizon: 0\n"}},
       "horizon 0 is outside 1..200 years",
       "0\n",
       0,
       "assumptions.horizon",
       "\"Bedre digital sundhed\" (Health Tech Hub Copenhagen, 2024) recommends 3-5 years"},
      {{{"  horizon: 10\n", "  horizon: 201\n"}},
       "horizon 201 is outside 1..200 years",
       "201",
       0,
       "assumptions.horizon",
       ""},
      {{{"  horizon: 10\n", "  horizon: \"$h\"\n"}},
       "expected a whole number, got '$h'",
       "\"$h\"",
       0,
       "assumptions.horizon",
       "structural integers"},
      {{{"  discounting: dk-fm-2021\n", "  discounting: dk-fm-2012\n"}},
       "unknown discounting preset 'dk-fm-2012'",
       "dk-fm-2012",
       0,
       "assumptions.discounting",
       "did you mean 'dk-fm-2013'?"},
      {{{"  discounting: dk-fm-2021\n", "  discounting: {schedule: [{from_index: 0, rate: 0.03}]}\n"}},
       "the first step must have from_index: 1",
       "0, rate",
       0,
       "assumptions.discounting.schedule[0].from_index",
       "from_index is the year index t"},
      {{{"  discounting: dk-fm-2021\n",
         "  discounting: {schedule: [{from_index: 1, rate: 0.03}, {from_index: 1, rate: 0.02}]}\n"}},
       "from_index 1 does not increase (previous step: 1)",
       "1, rate: 0.02",
       0,
       "assumptions.discounting.schedule[1].from_index",
       ""},
      {{{"  discounting: dk-fm-2021\n", "  discounting: {rate: 3.5}\n"}},
       "discount rate 3.5 is outside (-1, 1]",
       "3.5",
       0,
       "assumptions.discounting.rate",
       "write 3.5 % as 0.035"},
      {{{"    rate: 0.02\n", "    rate: -1\n"}},
       "-1 must be a rate greater than -1",
       "-1",
       0,
       "financing[1].rate",
       "write 3.5 % as 0.035"},
      {{{"  device_cost: {value: 2000,", "  device_cost: {value: \"$cost_per_admission / 16\","},
        {"  cost_per_admission: {value: 32000,", "  cost_per_admission: {value: \"$device_cost * 16\","}},
       "parameters depend on each other in a cycle: cost_per_admission -> device_cost -> cost_per_admission",
       "cost_per_admission:",
       0,
       "parameters.cost_per_admission",
       "give one of them a number"},
      {{{"\"$patients * $op_cost\"", "\"$patiens * $op_cost\""}},
       "unknown parameter '$patiens' in expression \"$patiens * $op_cost\"",
       "$patiens",
       0,
       "costs[2].per_year",
       "did you mean '$patients'?"},
      {{{"\"$patients * $op_cost\"", "\"$patients * * $op_cost\""}},
       "missing operand after '*' in expression \"$patients * * $op_cost\"",
       "* * $op_cost",
       0,
       "costs[2].per_year",
       ""},
      {{{"\"$patients * $op_cost\"", "\"$patients * $op_cost / ($device_cost - 2000)\""}},
       "division by zero evaluating \"$patients * $op_cost / ($device_cost - 2000)\"",
       "\"$patients * $op_cost /",
       0,
       "costs[2].per_year",
       "check the parameter values"},
      {{{"    amount: 500000\n", "    amount: .nan\n"}},
       "'.nan' is not a finite number",
       ".nan",
       0,
       "costs[1].amount",
       ""},
      {{{"    proxy: 150\n", "    proxy: -.inf\n"}},
       "'-.inf' is not a finite number",
       "-.inf",
       0,
       "sroi.outcomes[0].proxy",
       ""},
      {{{"    amount: 500000\n", "    amount: 1e999\n"}},
       "number '1e999' is too large",
       "1e999",
       0,
       "costs[1].amount",
       "numbers must be finite"},
      {{{"2029: 1.0}", "2029: 1.2}"}},
       "1.2 must be a share between 0 and 1",
       "1.2}",
       0,
       "benefits[0].profile.2029",
       "shares are fractions"},
      {{{"    amount: 500000\n    year: 2026\n", "    amount: 500000\n    per_year: 2\n"}},
       "give only one of 'amount', 'per_year' and 'amounts' (found 'amount' and 'per_year')",
       "per_year: 2",
       0,
       "costs[1].per_year",
       "amount = one-off"},
      {{{"    amount: 500000\n    year: 2026\n", ""}},
       "missing amount: give one of 'amount', 'per_year' or 'amounts'",
       "id: training",
       0,
       "costs[1]",
       ""},
      {{{"benefits:\n",
         "benefits:\n  - {id: safer, kind: qualitative, party: region, description: x, amount: 5}\n"}},
       "a qualitative benefit has no amount",
       "amount: 5}",
       0,
       "benefits[0].amount",
       "describe it in 'description'"},
      {{{"    amount: 500000\n    year: 2026\n", "    amount: 500000\n    year: 2040\n"}},
       "year 2040 is outside the horizon 2026..2035",
       "2040",
       0,
       "costs[1].year",
       ""},
      {{{"    from: 2027\n    growth", "    from: 2030\n    to: 2028\n    growth"}},
       "'to' (2028) is before 'from' (2030)",
       "2028\n    growth",
       0,
       "costs[2].to",
       ""},
      {{{"    kind: budget\n    party: region\n", "    kind: budget\n    party: regoin\n"}},
       "unknown party 'regoin'",
       "regoin",
       0,
       "benefits[0].party",
       "did you mean 'region'?"},
      {{{"      staff: nurse\n", "      staff: nurses\n"}},
       "unknown staff group 'nurses'",
       "nurses",
       0,
       "capacity.activities[0].staff",
       "did you mean 'nurse'?"},
      {{{"  - id: fewer-admissions\n", "  - id: training\n"},
        {"      of: [fewer-admissions]\n", "      of: [training]\n"}},
       "duplicate id 'training'",
       "training\n    kind: budget",
       0,
       "benefits[0].id",
       "'training' is already used by costs[1]"},
      {{{"    of: [devices, training]\n", "    of: [devices, trainng]\n"}},
       "'trainng' is not a cost id",
       "trainng",
       0,
       "financing[0].of[1]",
       "did you mean 'training'?"},
      {{{"      of: [fewer-admissions]\n", "      of: [fewer-readmissions]\n"}},
       "'fewer-readmissions' is not a benefit or capacity activity id",
       "fewer-readmissions",
       0,
       "financing[1].gain_share.of[0]",
       "did you mean 'fewer-admissions'?"},
      {{{"    periods_per_year: 1\n", "    periods_per_year: 3\n"}},
       "periods_per_year 3 is not 1, 2, 4 or 12",
       "3\n",
       0,
       "financing[1].periods_per_year",
       ""},
      {{{"  stage: scaling\n", "  stage: scailing\n"}},
       "'scailing' is not one of needs, development, evaluation, implementation, scaling",
       "scailing",
       0,
       "case.stage",
       "did you mean 'scaling'?"},
      {{{"  evidence: documented\n", "  evidence: documentet\n"}},
       "'documentet' is not one of none, pilot, documented, hta",
       "documentet",
       0,
       "case.evidence",
       "did you mean 'documented'?"},
      {{{"  best: {admissions_avoided: 0.40}\n", "  best: {patient: 1500}\n"}},
       "scenario sets unknown parameter 'patient'",
       "patient:",
       0,
       "scenarios.best.patient",
       "did you mean 'patients'?"},
      {{{"  best: {admissions_avoided: 0.40}\n", "  best: {patients: \"$patients * 2\"}\n"}},
       "overrides make parameters depend on each other in a cycle: patients -> patients under scenario "
       "'best'",
       "\"$patients * 2\"",
       0,
       "scenarios.best.patients",
       "an override cannot use the parameter it replaces"},
      {{{"  - [patients, admissions_avoided, 0.3]\n", "  - [patients, op_cost, 0.3]\n"}},
       "parameter 'op_cost' has no dist, so it cannot be correlated",
       "op_cost, 0.3",
       0,
       "correlations[0][1]",
       "add a distribution"},
      {{{"  - [patients, admissions_avoided, 0.3]\n", "  - [patients, admissions_avoided, 1.3]\n"}},
       "1.3 must be a correlation between -1 and 1",
       "1.3",
       0,
       "correlations[0][2]",
       ""},
      {{{"beta: [0.30, 0.05]", "beta: [0.3, 0.6]"}},
       "parameter 'admissions_avoided': impossible moments: a beta with mean 0.3 needs sd < 0.458 (got 0.6)",
       "{beta",
       0,
       "parameters.admissions_avoided.dist.beta",
       "the arguments are [mean, sd]"},
      {{{"normal: [1200, 100]", "normall: [1200, 100]"}},
       "unknown distribution 'normall'",
       "normall",
       0,
       "parameters.patients.dist.normall",
       "did you mean 'normal'?"},
      {{{"low: 0.15, high: 0.40,", "low: 0.40, high: 0.15,"}},
       "low (0.4) is greater than high (0.15)",
       "0.40, high",
       0,
       "parameters.admissions_avoided.low",
       "swap them"},
      {{{"  cost_per_admission: {value: 32000,", "  cost_per_admission: {valeu: 32000,"}},
       "unknown key 'valeu'",
       "valeu",
       0,
       "parameters.cost_per_admission.valeu",
       "did you mean 'value'?"},
      {{{"  op_cost: {value", "  op-cost: {value"}, {"\"$patients * $op_cost\"", "\"$patients * 1500\""}},
       "invalid parameter name 'op-cost'",
       "op-cost",
       0,
       "parameters.op-cost",
       "names use letters, digits and '_'"},
      {{{"    principal: 1.0e6\n", ""}},
       "missing required key 'principal'",
       "id: fund-loan",
       0,
       "financing[1]",
       "the loan amount"},
      {{{"      realisable: 0.8\n", "      realisable: 80 %\n"}},
       "'80 %' is not a number",
       "80 %",
       0,
       "capacity.activities[0].realisable",
       "shares and rates are fractions"},
      {{{"      monetise: true\n", "      monetise: maybe\n"}},
       "expected true or false, got 'maybe'",
       "maybe",
       0,
       "capacity.activities[0].monetise",
       ""},
      {{{"    amount: 500000\n", "    amount:\n"}},
       "expected a number or an expression, got empty",
       "amount:\n",
       0,
       "costs[1].amount",
       "write a number"},
      {{{"    proxy: 150\n", "    proxy: yes\n"}},
       "expected a number, got the boolean 'yes'",
       "yes",
       0,
       "sroi.outcomes[0].proxy",
       ""},
      {{{"    proxy: 150\n", "    proxy: [150]\n"}},
       "expected a number or an expression, got a list",
       "[150]",
       0,
       "sroi.outcomes[0].proxy",
       ""},
      {{{"  - {id: fund, label: National implementation fund, sector: state}\n",
         "  - {id: fund, sector: state}\n  - {id: region, sector: region}\n"}},
       "duplicate party id 'region'",
       "region, sector: region}\ncosts",
       0,
       "parties[3].id",
       ""},
      {{{"  fte_hours: 1924\n", "  fte_hours: dk-gros\n"}},
       "'dk-gros' is neither a number of hours nor an FTE preset",
       "dk-gros",
       0,
       "assumptions.fte_hours",
       "did you mean 'dk-gross'?"},
      {{{"  fte_hours: 1924\n", "  currency: kr\n"}},
       "'kr' is not an ISO 4217 currency code",
       "kr\n",
       0,
       "assumptions.currency",
       "e.g. DKK"},
      {{{"      duration: 5\n", "      duration: 0\n"}},
       "duration 0 is outside 1..200 years",
       "0\n      deadweight",
       0,
       "sroi.outcomes[0].duration",
       ""},
      {{{"    term: 8\n", "    term: 8.5\n"}},
       "expected a number of periods, got '8.5'",
       "8.5",
       0,
       "financing[1].term",
       "structural integers"},
      {{{"    payer: fund\n", "    payer: region\n"}},
       "a grant's payer and recipient are the same party",
       "region\n    share",
       0,
       "financing[0].recipient",
       ""},
      {{{"    share: 0.7\n", "    share: 1.7\n"}},
       "1.7 must be a share between 0 and 1",
       "1.7",
       0,
       "financing[0].share",
       ""},
      {{{"\"$patients * $op_cost\"", "\"($patients * $op_cost\""}},
       "expected ')' to close '(' at column 16 in expression \"($patients * $op_cost\"",
       "\"\n    from: 2027\n    growth",
       0,
       "costs[2].per_year",
       "add the missing ')'"},
      // 2027.0 and 02027 (octal to YAML 1.1) are not written as digits.
      {{{"2028: 0.8, 2029", "2027.0: 0.8, 2029"}},
       "expected a calendar year written as digits, got '2027.0'",
       "2027.0",
       0,
       "benefits[0].profile.2027.0",
       "write 2027 without quotes, decimals or leading zeros"},
      {{{"2028: 0.8, 2029", "02028: 0.8, 2029"}},
       "expected a calendar year written as digits, got '02028'",
       "02028",
       0,
       "benefits[0].profile.02028",
       "write 2028 without quotes, decimals or leading zeros"},
      {{{"horizon: 10", "horizon: \"10\""}},
       "expected a whole number written as digits, got the quoted text \"10\"",
       "\"10\"",
       0,
       "assumptions.horizon",
       "write 10 without quotes, decimals or leading zeros"},
      {{{"  worst: {", "  worst: [1]\n  x: {"}},
       "expected a mapping (key: value lines), got a list",
       "[1]",
       0,
       "scenarios.worst",
       "a scenario maps parameter names"},
  };
  for (const auto& row : rows) {
    std::string text = kCase;
    for (const auto& [from, to] : row.edits) text = edit({{from, to}}, text);
    CAPTURE(row.message);
    LoadResult r = load_text(text);
    INFO(dump(r));
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.model.has_value());
    std::vector<Diagnostic> errs = errors_of(r);
    REQUIRE(!errs.empty());
    CHECK(errs.size() == 1);  // one problem, one error: no follow-on noise
    const Diagnostic& d = errs[0];
    CHECK(d.message == row.message);
    SourceLoc want = at(text, row.token, row.skip);
    CHECK(d.loc.line == want.line);
    CHECK(d.loc.column == want.column);
    CHECK(d.yaml_path == row.path);
    CHECK(d.hint.starts_with(row.hint));
    CHECK(d.file == "test.yaml");
    // Messages follow the house style: lower-case start, no trailing period.
    CHECK_FALSE((d.message.front() >= 'A' && d.message.front() <= 'Z'));
    CHECK(d.message.back() != '.');
  }
}

TEST_CASE("loader: every problem is reported in one run, in file order") {
  std::string text =
      edit({{"  title: Tele", "  titel: Tele"},
            {"  stage: scaling\n", "  stage: scailing\n"},
            {"    kind: operating\n    party: region\n", "    kind: operating\n    party: regoin\n"},
            {"    amount: 500000\n    year: 2026\n", "    amount: 500000\n    year: 2040\n"},
            {"2029: 1.0}", "2029: 1.5}"}});
  LoadResult r = load_text(text);
  std::vector<Diagnostic> errs = errors_of(r);
  REQUIRE(errs.size() == 5);
  CHECK(errs[0].message == "unknown key 'titel'");
  CHECK(errs[1].message.starts_with("'scailing' is not one of"));
  CHECK(errs[2].message == "year 2040 is outside the horizon 2026..2035");
  CHECK(errs[3].message == "unknown party 'regoin'");
  CHECK(errs[4].message == "1.5 must be a share between 0 and 1");
  for (size_t i = 1; i < errs.size(); ++i) CHECK(errs[i - 1].loc.line < errs[i].loc.line);
}

TEST_CASE("loader: a broken horizon does not cause follow-on year errors") {
  for (auto bad : {"  horizon: 0\n", "  horizon: \"$h\"\n", ""}) {
    CAPTURE(bad);
    LoadResult r = load_text(edit({{"  horizon: 10\n", bad}}));
    CHECK(errors_of(r).size() == 1);
  }
  LoadResult r = load_text(edit({{"  start_year: 2026\n", ""}}));
  CHECK(errors_of(r).size() == 1);
  // Missing sections: one error each, at the document, never without a position.
  r = load_text(edit(
      {{"assumptions:\n  start_year: 2026\n  horizon: 10\n  discounting: dk-fm-2021\n  fte_hours: 1924\n",
        ""}}));
  REQUIRE(errors_of(r).size() == 1);
  CHECK(errors_of(r)[0].message == "missing required key 'assumptions'");
  CHECK(errors_of(r)[0].loc.line == 1);
}

TEST_CASE("loader: expression errors point at the token, in characters") {
  // Inside a double-quoted value the column is that of the unknown name;
  // "Træning – ø" before it on the line counts one column per character.
  std::string text = edit(
      {{"  - id: training\n    kind: implementation\n    party: region\n    amount: 500000\n    year: 2026\n",
        "  - {id: training, label: \"Træning – ø\", kind: implementation, party: region, amount: \"1 + "
        "$nope\"}\n"}});
  LoadResult r = load_text(text);
  REQUIRE(errors_of(r).size() == 1);
  CHECK(errors_of(r)[0].loc.column == at(text, "$nope").column);
  // With an escape in the text the offset cannot be mapped: the value's start is used.
  text = edit({{"    amount: 500000\n", "    amount: \"\\u0031 + $nope\"\n"}});
  r = load_text(text);
  REQUIRE(errors_of(r).size() == 1);
  CHECK(errors_of(r)[0].loc.column == at(text, "\"\\u0031").column);
  // A very long expression is shortened in the message.
  text = edit({{"    amount: 500000\n",
                "    amount: \"" + std::string(200, '(') + "$nope" + std::string(200, ')') + "\"\n"}});
  r = load_text(text);
  REQUIRE(errors_of(r).size() == 1);
  CHECK(errors_of(r)[0].message.size() < 160);
  CHECK(errors_of(r)[0].message.find("...") != std::string::npos);
}

TEST_CASE("loader: lints are warnings, and only with lints on") {
  std::string text =
      edit({{"  - id: operation\n    kind: operating\n", "  - id: operation\n    kind: other\n"},
            {"    profile: {2027: 0.4, 2028: 0.8, 2029: 1.0}\n", ""},
            {"  op_cost: {value: 1500, source: \"Supplier offer 2025\"}", "  op_cost: 1500"}});
  LoadResult r = load_text(text, true);
  INFO(dump(r));
  CHECK(r.ok());  // warnings do not make a case invalid
  std::vector<std::string> msgs;
  for (const auto& d : r.diags.all()) {
    CHECK(d.severity == Severity::warning);
    msgs.push_back(d.message);
  }
  REQUIRE(msgs.size() == 3);
  CHECK(msgs[0] == "parameter 'op_cost' has no source");
  CHECK(msgs[1] == "the case has an investment (2026) but no operating cost from then on");
  CHECK(msgs[2] == "benefit 'fewer-admissions' has no realisation profile in a case at stage scaling");
  CHECK(load_text(text, false).diags.all().empty());
}

// The lints of docs/cli.md, "gevinst validate": a literal SROI proxy
// without proxy_source, a staff group no activity uses, and a gain-share
// loan repaid from freed time that is not monetised.
TEST_CASE("loader: proxy, staff group and non-monetised gain-share lints") {
  auto messages = [](const std::string& text) {
    std::vector<std::string> out;
    LoadResult r = load_text(text, true);
    for (const auto& d : r.diags.all()) out.push_back(d.message);
    return out;
  };
  auto has = [](const std::vector<std::string>& msgs, const std::string& m) {
    return std::find(msgs.begin(), msgs.end(), m) != msgs.end();
  };
  const std::string base = edit({});
  CHECK(messages(base).empty());
  auto no_source =
      messages(edit({{"      proxy_source: \"Transport Ministry's unit price of travel time 2024\"\n", ""}}));
  CHECK(has(no_source, "outcome 'less-travel' has a financial proxy but no proxy_source"));
  // A proxy written with a parameter takes the parameter's source.
  CHECK(messages(edit({{"      proxy_source: \"Transport Ministry's unit price of travel time 2024\"\n", ""},
                       {"      proxy: 150\n", "      proxy: \"$patients * 0 + 150\"\n"}}))
            .empty());
  CHECK(has(messages(edit({{"    nurse: {hour_cost: 450}\n",
                            "    nurse: {hour_cost: 450}\n    porter: {hour_cost: 300}\n"}})),
            "staff group 'porter' is not used by any capacity activity"));
  auto loan = messages(
      edit({{"      monetise: true\n", "      monetise: false\n"},
            {"      of: [fewer-admissions]\n", "      of: [fewer-admissions, home-visits-replaced]\n"}}));
  CHECK(has(loan,
            "loan 'fund-loan' is repaid from capacity activity 'home-visits-replaced', which is not "
            "monetised (monetise: false)"));
}

TEST_CASE("loader: the operating-cost lint looks at the years after the investment") {
  const std::string head =
      "format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 10}\n"
      "parties: [{id: p, sector: region}]\n";
  auto lint = [&](const std::string& costs) {
    LoadResult r = load_text(head + "costs:\n" + costs, true);
    for (const auto& d : r.diags.all())
      if (d.message.find("no operating cost") != std::string::npos) return d.message;
    return std::string();
  };
  const std::string invest = "  - {id: kit, kind: investment, party: p, amount: 1000, year: 2032}\n";
  // Operation that ends before the investment, or a literal 0, does not count.
  CHECK(lint(invest + "  - {id: op, kind: operating, party: p, per_year: 10, from: 2027, to: 2028}\n") ==
        "the case has an investment (2032) but no operating cost from then on");
  CHECK(lint(invest + "  - {id: op, kind: operating, party: p, per_year: 0}\n") ==
        "the case has an investment (2032) but no operating cost from then on");
  CHECK(lint(invest + "  - {id: op, kind: operating, party: p, amounts: {2033: 0}}\n") != "");
  // Operation running on after it does, and so does an expression.
  CHECK(lint(invest + "  - {id: op, kind: operating, party: p, per_year: 10, from: 2030}\n").empty());
  CHECK(lint(invest + "  - {id: op, kind: operating, party: p, amounts: {2034: 5}}\n").empty());
  {
    LoadResult r = load_text(head + "parameters: {op: {value: 10, source: s}}\ncosts:\n" + invest +
                                 "  - {id: op, kind: operating, party: p, per_year: \"$op\"}\n",
                             true);
    for (const auto& d : r.diags.all()) CHECK(d.message.find("no operating cost") == std::string::npos);
  }
  // A source of blanks is no source.
  LoadResult r = load_text(head + "parameters: {a: {value: 1, source: \"  \"}}\n", true);
  bool flagged = false;
  for (const auto& d : r.diags.all()) flagged |= d.message == "parameter 'a' has no source";
  CHECK(flagged);
}

TEST_CASE("loader: a distribution whose draws leave a field's range is a lint") {
  const std::string head =
      "format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 2}\n"
      "parties: [{id: p, sector: region}]\n";
  auto warnings = [&](const std::string& rest) {
    LoadResult r = load_text(head + rest, true);
    std::vector<std::string> out;
    for (const auto& d : r.diags.all())
      if (d.message.find("simulate would stop there") != std::string::npos) out.push_back(d.message);
    return out;
  };
  const std::string costs = "costs:\n  - {id: op, kind: operating, party: p, per_year: \"$n * 10\"}\n";
  // normal [5, 10]: 4 sd below the mean is -35 patients, a negative cost.
  auto w = warnings("parameters: {n: {value: 5, dist: {normal: [5, 10]}, source: s}}\n" + costs);
  REQUIRE(w.size() == 1);
  CHECK(w[0] ==
        "draws of 'n' (normal near -35) make costs[0].per_year = -350, which must be 0 or more; simulate "
        "would stop there");
  // normal [100, 10] stays above 60; gamma and lognormal are positive.
  CHECK(warnings("parameters: {n: {value: 100, dist: {normal: [100, 10]}, source: s}}\n" + costs).empty());
  CHECK(warnings("parameters: {n: {value: 100, dist: {gamma: [100, 50]}, source: s}}\n" + costs).empty());
  // A uniform share reaching past 1.
  CHECK(warnings("parameters: {s: {value: 0.5, dist: {uniform: [0.5, 1.5]}, source: s}}\n"
                 "costs:\n  - {id: op, kind: operating, party: p, per_year: 10, profile: {2026: \"$s\"}}\n")
            .size() == 1);
}

TEST_CASE("loader: id suggestions are valid ids, and unnamed items are not offered") {
  LoadResult r = load_text(
      "format: gevinst/1\ncase: {id: \"-Kol Tele\"}\nassumptions: {start_year: 2026, horizon: 2}\n");
  REQUIRE(!errors_of(r).empty());
  CHECK(errors_of(r)[0].hint.find("e.g. 'kol-tele'") != std::string::npos);
  // A cost without an id (reported itself) is not listed among the choices.
  r = load_text(
      "format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 2}\n"
      "parties: [{id: p, sector: region}, {id: f, sector: state}]\n"
      "costs:\n  - {id: kit, kind: investment, party: p, amount: 1}\n"
      "  - {kind: operating, party: p, amount: 1}\n"
      "financing:\n  - {id: g, method: grant, payer: f, recipient: p, share: 0.5, of: [zzz]}\n");
  bool listed = false;
  for (const auto& d : errors_of(r))
    if (d.message == "'zzz' is not a cost id") {
      listed = true;
      CHECK(d.hint == "choose from: kit");
    }
  CHECK(listed);
}

TEST_CASE("loader: not a case document") {
  LoadResult r = load_text("- a\n- b\n");
  REQUIRE(errors_of(r).size() == 1);
  CHECK(errors_of(r)[0].message == "a case file is a mapping of sections, got a list");
  r = load_text("format: gevinst-rollout/1\nsolution: x.yaml\n");
  REQUIRE(errors_of(r).size() == 1);
  CHECK(errors_of(r)[0].message == "this is a rollout file, not a case");
  // A YAML error keeps the source text for the caret line.
  r = load_text("a: [1\nb: 2\n");
  REQUIRE(errors_of(r).size() == 1);
  CHECK(r.source == "a: [1\nb: 2\n");
  r = load_text(std::string("a: \0\n", 5));
  CHECK(r.source.empty());  // not text: nothing to show
}

TEST_CASE("loader: sniff_document_kind") {
  CHECK(sniff_document_kind("format: gevinst/1\n") == DocumentKind::case_v1);
  CHECK(sniff_document_kind("# c\nformat: 'gevinst-rollout/1'\n") == DocumentKind::rollout_v1);
  CHECK(sniff_document_kind("\xEF\xBB\xBF"
                            "format: gevinst-rollout/1\n") == DocumentKind::rollout_v1);
  CHECK(sniff_document_kind("{format: gevinst-rollout/1, solution: a.yaml}\n") == DocumentKind::rollout_v1);
  CHECK(sniff_document_kind("\"format\": gevinst/1\n") == DocumentKind::case_v1);
  CHECK(sniff_document_kind("format: other\n") == DocumentKind::unknown);
  CHECK(sniff_document_kind("a: [\n") == DocumentKind::unknown);
}

TEST_CASE("loader: rollout documents") {
  // The solution is read from disk relative to the rollout; a missing one is
  // an error at `solution`, and the other checks still run ($names cannot be
  // checked without the solution, so they are not reported).
  const std::string text =
      "format: gevinst-rollout/1\n"
      "solution: no-such-dir/no-such-case.yaml\n"
      "review_due: 2027-02-29\n"
      "criteria: [\"npv >= 0\", \"payback_yaers <= 6\", \"evidence >= documented\", \"$anything > 1\"]\n"
      "units:\n"
      "  - id: region-a\n"
      "    decision: {status: pending, date: 2028-02-29}\n"
      "  - id: region-b\n"
      "    decision: {status: maybe}\n";
  RolloutLoadResult r = load_rollout_text(text, "/nonexistent/rollout.yaml");
  std::vector<Diagnostic> errs;
  for (const auto& d : r.diags.all())
    if (d.severity == Severity::error) errs.push_back(d);
  REQUIRE(errs.size() == 4);
  CHECK(errs[0].message.starts_with(
      "cannot read the solution case '/nonexistent/no-such-dir/no-such-case.yaml'"));
  CHECK(errs[0].yaml_path == "solution");
  CHECK(errs[1].message == "'2027-02-29' is not a date");  // 2027 is not a leap year; 2028-02-29 is fine
  CHECK(errs[1].loc.line == 3);
  CHECK(errs[1].loc.column == 13);
  CHECK(errs[2].message == "unknown name 'payback_yaers' in criterion \"payback_yaers <= 6\"");
  CHECK(errs[2].loc.column == at(text, "payback_yaers").column);
  CHECK(errs[2].hint == "did you mean 'payback_years'?");
  CHECK(errs[3].message == "'maybe' is not one of adopted, declined, pending");
  CHECK(errs[3].yaml_path == "units[1].decision.status");
}

TEST_CASE("loader: a file with thousands of problems is reported quickly and capped") {
  std::string keys;
  for (int i = 0; i < 20000; ++i) keys += "  x" + std::to_string(i) + ": 1\n";
  LoadResult r = load_text(edit({{"  fte_hours: 1924\n", keys}}));
  CHECK(r.diags.error_count() == 20000);
  REQUIRE(r.diags.all().size() == Diagnostics::kMaxKept + 1);
  CHECK(r.diags.all().back().message == "19000 more problems not shown (19000 errors, 0 warnings)");
  // 20 000 parameters, each an expression: loads (this took 26 s before
  // names were looked up in a table and columns in a line index).
  std::string params;
  for (int i = 0; i < 20000; ++i)
    params += "  p" + std::to_string(i) + ": {value: \"$patients * 2\", source: s}\n";
  r = load_text(edit({{"parameters:\n", "parameters:\n" + params}}));
  CHECK(r.ok());
}

TEST_CASE("loader: compile_number and parameter values with overrides") {
  LoadResult r = load_text(kCase);
  REQUIRE(r.ok());
  const Case& c = *r.model;
  Diagnostics d("--set");
  auto n = compile_number(c, "$patients * 2", "--set patients", d);
  REQUIRE(n);
  CHECK(value(c, *n) == 2400);
  CHECK_FALSE(compile_number(c, "$patiens * 2", "--set patients", d));
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].hint == "did you mean '$patients'?");
  CHECK(d.all()[0].yaml_path == "--set patients");
  // An override that reads another parameter is ordered after it: 0.30 * 2.
  Overrides o{
      {c.parameter_index("admissions_avoided"), "admissions_avoided", *compile_number(c, "0.30 * 2", "x", d)},
      {c.parameter_index("device_cost"), "device_cost",
       *compile_number(c, "$admissions_avoided * 1000", "x", d)}};
  std::vector<double> v = parameter_values(c, o);
  CHECK(v[c.parameter_index("device_cost")] == doctest::Approx(600));
}

TEST_CASE("loader: shorten") {
  CHECK(shorten("abc", 5) == "abc");
  CHECK(shorten("abcdefgh", 5) == "abcde...");
  CHECK(shorten("aæøå", 4) == "aæ...");  // never cuts inside a character
}
