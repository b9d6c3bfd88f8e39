// Tests for libeval/batch: one record per case text, with its status and
// first error. Expected values are worked by hand in the comments.
#include "libeval/batch.h"

#include <string>

#include "libeval/case_files.h"
#include "support.h"

using namespace gevinst;

namespace {

// Cost 1000 in 2026, budget benefit 1210 in 2027, 10 % a year. A capacity
// activity that is not monetised (1 hour x 1924 events = 1924 hours = 1 FTE
// at 1924 hours per FTE) and an SROI outcome of 10 x 100 = 1000 in 2026.
const char* kBatchCase = R"(format: gevinst/1
case: {id: two-years}
assumptions: {start_year: 2026, horizon: 2, discounting: {rate: 0.1}, fte_hours: 1924}
parties: [{id: region, sector: region}]
costs: [{id: kit, kind: investment, party: region, amount: 1000, year: 2026}]
benefits: [{id: saved, kind: budget, party: region, amount: 1210, year: 2027}]
capacity:
  staff: {nurse: {hour_cost: 400}}
  activities:
    - {id: visits, staff: nurse, party: region, minutes_saved: 60, events_per_year: 1924, monetise: false}
sroi:
  outcomes:
    - {id: travel, stakeholder: patients, quantity: 10, proxy: 100, start: 2026, duration: 1}
)";

}  // namespace

TEST_CASE("batch: an ok record carries the headline results") {
  BatchRecord r = batch_record_from_text(kBatchCase, "cases/a.yaml");
  INFO(r.error);
  REQUIRE(r.status == BatchStatus::ok);
  CHECK(r.path == "cases/a.yaml");
  CHECK(r.id == "two-years");
  // NPV = -1000 + 1210 / 1.1 = 100.
  CHECK(*r.npv == doctest::Approx(100).epsilon(1e-12));
  // IRR: -1000 + 1210 / (1 + r) = 0  =>  r = 0.21.
  CHECK(*r.irr == doctest::Approx(0.21).epsilon(1e-9));
  // BCR = (1210 / 1.1) / 1000 = 1.1.
  CHECK(*r.bcr == doctest::Approx(1.1).epsilon(1e-12));
  // Payback (docs/case-format.md, "Payback"): C(0) = -1000, net(1) = 1210: 0 + 1000 / 1210.
  CHECK(*r.payback_years == doctest::Approx(1000.0 / 1210.0).epsilon(1e-12));
  // FTE = 60 / 60 x 1924 / 1924 = 1.
  CHECK(*r.fte == doctest::Approx(1).epsilon(1e-12));
  // SROI ratio = PV 1000 (year 0, DF 1) / investment auto = PV of costs 1000 = 1.
  CHECK(*r.sroi_ratio == doctest::Approx(1).epsilon(1e-12));
  CHECK(r.error.empty());
}

TEST_CASE("batch: a case without capacity or sroi sections has null fte and sroi_ratio") {
  const char* text = R"(format: gevinst/1
case: {id: plain}
assumptions: {start_year: 2026, horizon: 1}
parties: [{id: region, sector: region}]
costs: [{id: kit, kind: investment, party: region, amount: 1000, year: 2026}]
)";
  BatchRecord r = batch_record_from_text(text, "p.yaml");
  REQUIRE(r.status == BatchStatus::ok);
  CHECK(*r.npv == doctest::Approx(-1000));   // year 0 has DF 1
  CHECK_FALSE(r.irr.has_value());            // no sign change
  CHECK_FALSE(r.payback_years.has_value());  // never pays back
  CHECK_FALSE(r.fte.has_value());
  CHECK_FALSE(r.sroi_ratio.has_value());
}

TEST_CASE("batch: an invalid file gives status invalid and its first error as FILE:LINE:COLUMN") {
  const char* text =
      "format: gevinst/1\ncase: {id: dup}\nassumptions: {start_year: 2026, horizon: 1}\nassumptions: {}\n";
  BatchRecord r = batch_record_from_text(text, "bad.yaml");
  CHECK(r.status == BatchStatus::invalid);
  CHECK(r.id.empty());
  CHECK_FALSE(r.npv.has_value());
  CHECK(r.error == "bad.yaml:4:1: error: duplicate key 'assumptions' (at assumptions)");
}

TEST_CASE("batch: a missing file is invalid and names the file") {
  BatchRecord r = batch_record("/nonexistent/dir/case.yaml");
  CHECK(r.status == BatchStatus::invalid);
  CHECK(r.error.rfind("/nonexistent/dir/case.yaml: error: cannot open file", 0) == 0);
}

TEST_CASE("batch: a value that cannot be computed gives status error") {
  // SROI investment auto = PV of all costs = 0: the ratio cannot be formed.
  const char* text = R"(format: gevinst/1
case: {id: no-costs}
assumptions: {start_year: 2026, horizon: 1}
parties: [{id: region, sector: region}]
benefits: [{id: saved, kind: budget, party: region, amount: 10, year: 2026}]
sroi:
  outcomes: [{id: o, stakeholder: s, quantity: 1, proxy: 1}]
)";
  BatchRecord r = batch_record_from_text(text, "e.yaml");
  CHECK(r.status == BatchStatus::error);
  CHECK(r.id == "no-costs");
  CHECK(r.error.rfind("e.yaml", 0) == 0);
  CHECK(r.error.find(": error: ") != std::string::npos);
  CHECK_FALSE(r.npv.has_value());
}

TEST_CASE("batch: rollout documents are not cases") {
  BatchRecord r = batch_record_from_text("format: gevinst-rollout/1\nsolution: x.yaml\n", "r.yaml");
  CHECK(r.status == BatchStatus::not_a_case);
}

TEST_CASE("batch: diagnostic_headline with and without a position") {
  Diagnostic d{"f.yaml", {3, 7}, Severity::error, "costs[1].amount", "division by zero", "hint"};
  CHECK(diagnostic_headline(d) == "f.yaml:3:7: error: division by zero (at costs[1].amount)");
  d.loc = {};
  d.yaml_path.clear();
  CHECK(diagnostic_headline(d) == "f.yaml: error: division by zero");
}

TEST_CASE("batch: totals count statuses and sum NPV and FTE of the records that have them") {
  BatchTotals t;
  BatchRecord a, b, c, d, e;
  a.status = BatchStatus::ok;
  a.npv = 100;
  a.fte = 1.5;
  b.status = BatchStatus::ok;
  b.npv = -40;  // no capacity section: fte null
  c.status = BatchStatus::invalid;
  d.status = BatchStatus::not_a_case;
  d.kind = gevinst::DocumentKind::portfolio_v1;
  e.status = BatchStatus::not_a_case;
  e.kind = gevinst::DocumentKind::rollout_v1;
  for (const auto& r : {a, b, c, d, e}) t.add(r);
  CHECK(t.cases == 3);
  CHECK(t.ok == 2);
  CHECK(t.invalid == 1);
  CHECK(t.error == 0);
  CHECK(t.skipped_rollouts == 1);  // not counted as cases, counted by kind
  CHECK(t.skipped_portfolios == 1);
  CHECK(t.skipped_actuals == 0);
  CHECK(t.npv == 60);  // 100 - 40
  CHECK(t.fte == 1.5);
}

TEST_CASE("duplicate_ids: each later file with an earlier file's id") {
  CHECK(gevinst::duplicate_ids({}).empty());
  CHECK(gevinst::duplicate_ids({"a", "b", "", ""}).empty());  // no id is no duplicate
  using P = std::vector<std::pair<size_t, size_t>>;
  CHECK(gevinst::duplicate_ids({"a", "b", "a", "b", "a"}) == P{{0, 2}, {1, 3}, {0, 4}});
}
