// Tests for libeval/fund_simulate (gevinst simulate --fund): the fund under
// uncertainty. Expected figures are closed-form normal probabilities and
// expectations (standard normal CDF values from Abramowitz and Stegun 1964,
// table 26.1), the deterministic fund view (fund_test.cpp, itself checked
// by hand), or each case simulated alone.
#include "libeval/fund_simulate.h"

#include <fmt/format.h>

#include <cmath>

#include "libeval/financing.h"
#include "libeval/fund.h"
#include "support.h"

using namespace gevinst;
using namespace gevinst::test;

namespace {

// A case from 2026 over 8 years: `params` and `financing` as given, one
// cost (devices, 1e6 in 2026, half drawn through $cost_share when the params
// define it) and one benefit `gain` of $x a year from 2027 (or a capacity
// activity `time` when `capacity`).
std::string case_text(const std::string& id, const std::string& params, const std::string& financing,
                      const std::string& benefit = "per_year: \"$x\", from: 2027, to: 2027") {
  return fmt::format(R"(format: gevinst/1
case: {{id: {}}}
assumptions: {{start_year: 2026, horizon: 8, discounting: {{rate: 0.04}}}}
parameters:
{}
parties: [{{id: region, sector: region}}, {{id: fund, sector: state}}]
costs:
  - {{id: devices, kind: investment, party: region, amount: 1e6, year: 2026}}
  - {{id: training, kind: implementation, party: region, per_year: "$y", from: 2026, to: 2027}}
benefits:
  - {{id: gain, kind: budget, party: region, {}}}
capacity:
  staff:
    nurse: {{hour_cost: 400}}
  activities:
    - {{id: time, staff: nurse, party: region, hours_saved: "$h", events_per_year: 100, from: 2027,
       adoption: {{2027: 0.5, 2028: 1}}}}
financing:
{}
)",
                     id, params, benefit, financing);
}

std::vector<FundSimInput> inputs(const std::vector<Case>& cases) {
  std::vector<FundSimInput> in;
  in.reserve(cases.size());
  for (const Case& c : cases) in.push_back({&c, {}});
  return in;
}

FundResult deterministic(const std::vector<Case>& cases, const std::string& fund) {
  std::vector<FundCase> fc;
  fc.reserve(cases.size());
  for (const Case& c : cases)
    fc.push_back({c.file, c.info.id, c.assumptions.currency, evaluate_case_financing(c)});
  return evaluate_fund(fc, fund);
}

// Two gain-share loans of 100 at rate 0, repaid in one yearly period from
// the gains of 2027, X ~ N(mean, 10): each repays min(X+, 100).
std::vector<Case> two_loans(double mean = 110) {
  std::vector<Case> out;
  for (const char* id : {"one", "two"})
    out.push_back(load(
        case_text(
            id,
            fmt::format(
                "  x: {{value: {0}, dist: {{normal: [{0}, 10]}}}}\n  y: {{value: 0}}\n  h: {{value: 0}}",
                mean),
            R"(  - {id: loan, method: gain-share, lender: fund, borrower: region, principal: 100, disbursed: 2026,
     rate: 0, term: 1, gain_share: {share: 1, of: [gain]}})"),
        fmt::format("{}.yaml", id)));
  return out;
}

}  // namespace

TEST_CASE("simulate_fund: with every distribution degenerate (sd 0) it equals repay --fund") {
  // Every kind of loan and a grant; principal, gains, grant base and rate
  // all go through parameters whose normal has sd 0; the third case has no
  // distribution at all (a constant).
  const std::string params =
      "  x: {value: 3e5, dist: {normal: [3e5, 0]}}\n"
      "  y: {value: 2e5, dist: {normal: [2e5, 0]}}\n"
      "  h: {value: 1.5, dist: {normal: [1.5, 0]}}\n"
      "  r: {value: 0.03, dist: {normal: [0.03, 0]}}";
  std::vector<Case> cases;
  cases.push_back(load(
      case_text(
          "gain-share", params,
          R"(  - {id: gs, method: gain-share, lender: fund, borrower: region, principal: 1e6, disbursed: 2026,
     rate: "$r", periods_per_year: 4, grace: 2, term: 12, gain_share: {share: 0.6, of: [gain, time], cap: 1.2}}
  - {id: grant, method: grant, payer: fund, recipient: region, share: 0.5, of: [training]})",
          "per_year: \"$x\", from: 2027, profile: {2027: 0.5, 2028: 1}, growth: 0.02"),
      "a.yaml"));
  cases.push_back(load(
      case_text(
          "classic", params,
          R"(  - {id: ann, method: annuity, lender: fund, borrower: region, principal: {share: 0.4, of: [devices, training]},
     disbursed: 2027, rate: "$r", term: 5}
  - {id: ser, method: serial, lender: fund, borrower: region, principal: 3e5, disbursed: 2026, rate: 0.02, term: 3}
  - {id: bul, method: bullet, lender: fund, borrower: region, principal: 2e5, disbursed: 2028, rate: 0.05, term: 2})"),
      "b.yaml"));
  cases.push_back(load(
      case_text(
          "constant", "  x: {value: 1e5}\n  y: {value: 0}\n  h: {value: 0}",
          R"(  - {id: short, method: gain-share, lender: fund, borrower: region, principal: 8e5, disbursed: 2026,
     rate: 0.01, term: 3, gain_share: {share: 1, of: [gain]}})"),
      "c.yaml"));
  const FundResult want = deterministic(cases, "fund");
  FundSimOptions o;
  o.iterations = 3000;
  const FundSimulation got = simulate_fund(inputs(cases), "fund", o);

  CHECK(got.currency == "DKK");
  CHECK(got.lent == doctest::Approx(want.disbursed).epsilon(1e-12));
  CHECK(got.repaid.mean == doctest::Approx(want.repaid).epsilon(1e-12));
  CHECK(got.repaid.p05 == doctest::Approx(want.repaid).epsilon(1e-12));
  CHECK(got.repaid.p95 == doctest::Approx(want.repaid).epsilon(1e-12));
  CHECK(got.repaid.sd == doctest::Approx(0).epsilon(1e-6));
  CHECK(got.forgiven.mean == doctest::Approx(want.forgiven).epsilon(1e-12));
  CHECK(want.forgiven > 0);  // the constant case's short gain-share loan is written off
  CHECK(got.granted.mean == doctest::Approx(want.granted).epsilon(1e-12));
  CHECK(got.capital_at_risk == doctest::Approx(-want.capital_needed).epsilon(1e-12));
  CHECK(got.prob_capital_preserved == (want.repaid >= want.disbursed ? 1.0 : 0.0));
  REQUIRE(got.years.size() == want.years.size());
  double lent = 0, repaid = 0;
  for (size_t k = 0; k < want.years.size(); ++k) {
    CAPTURE(want.years[k].year);
    CHECK(got.years[k].year == want.years[k].year);
    CHECK(got.years[k].cumulative_cash.p50 == doctest::Approx(want.years[k].cumulative_cash).epsilon(1e-12));
    CHECK(got.years[k].cumulative_cash.p05 == doctest::Approx(want.years[k].cumulative_cash).epsilon(1e-12));
    lent += want.years[k].disbursed;
    repaid += want.years[k].repaid;
    CHECK(got.years[k].prob_capital_preserved == (capital_kept(repaid, lent) ? 1.0 : 0.0));
  }
  REQUIRE(got.cases.size() == want.cases.size());
  for (size_t k = 0; k < want.cases.size(); ++k) {
    CHECK(got.cases[k].id == want.cases[k].case_id);
    CHECK(got.cases[k].expected_forgiven == doctest::Approx(want.cases[k].forgiven).epsilon(1e-12));
    CHECK(got.cases[k].repaid == doctest::Approx(want.cases[k].repaid).epsilon(1e-12));
  }
}

TEST_CASE("simulate_fund: two gain-share loans with a closed-form probability") {
  // Capital preserved iff X1 >= 100 and X2 >= 100 (each repays min(X+, 100)):
  //   independent: P = Phi(1)^2 = 0.8413447^2 = 0.7078609
  //   common factor 1 (both scores equal the national factor): P = Phi(1) = 0.8413447
  // Expected forgiven per loan, E[(100 - X)+] for X ~ N(110, 10):
  //   (100 - 110) Phi(-1) + 10 phi(-1) = -10 × 0.1586553 + 10 × 0.2419707 = 0.8331547
  const std::vector<Case> cases = two_loans();
  FundSimOptions o;
  o.iterations = 20000;
  const FundSimulation r = simulate_fund(inputs(cases), "fund", o);
  const double se = std::sqrt(0.7078609 * (1 - 0.7078609) / 20000.0);
  CHECK(std::fabs(r.prob_capital_preserved - 0.7078609) < 3 * se);
  CHECK(std::fabs(r.forgiven.mean - 2 * 0.8331547) < 3 * r.forgiven.se);
  CHECK(r.lent == doctest::Approx(200));
  CHECK(r.repaid_ratio->p95 == doctest::Approx(1.0));
  REQUIRE(r.years.size() == 2);  // 2026 disbursed, 2027 repaid
  CHECK(r.years[0].prob_capital_preserved == 0);
  CHECK(r.years[1].prob_capital_preserved == r.prob_capital_preserved);
  for (const FundSimCase& c : r.cases) CHECK(std::fabs(c.expected_forgiven - 0.8331547) < 0.1);

  o.common_factor = 1;
  const FundSimulation joined = simulate_fund(inputs(cases), "fund", o);
  const double se1 = std::sqrt(0.8413447 * (1 - 0.8413447) / 20000.0);
  CHECK(std::fabs(joined.prob_capital_preserved - 0.8413447) < 3 * se1);
  CHECK(std::fabs(joined.forgiven.mean - 2 * 0.8331547) < 3 * joined.forgiven.se);

  // A common factor between 0 and 1 lies between the two.
  o.common_factor = 0.5;
  const double half = simulate_fund(inputs(cases), "fund", o).prob_capital_preserved;
  CHECK(half > r.prob_capital_preserved);
  CHECK(half < joined.prob_capital_preserved);
}

TEST_CASE("simulate_fund: gearing on the two-loan example") {
  // Principal 100 k: kept iff both X >= 100 k, P(k) = Phi((110 - 100 k) / 10)^2.
  // P(k) >= 0.5  <=>  Phi(u) >= sqrt(0.5) = 0.7071068  <=>  u >= 0.5448711
  //   <=>  k <= (110 - 5.448711) / 100 = 1.0455129.
  const std::vector<Case> cases = two_loans();
  FundSimOptions o;
  o.iterations = 20000;
  o.target_probability = 0.5;
  const FundSimulation r = simulate_fund(inputs(cases), "fund", o);
  REQUIRE(r.gearing.has_value());
  CHECK(std::fabs(*r.gearing - 1.0455129) < 0.005);
  CHECK(*r.gearing_probability >= 0.5);
  // Lending less: a target above P(1) gives k < 1.
  o.target_probability = 0.95;  // Phi(u) >= 0.974679 <=> u >= 1.9545 <=> k <= 0.90455
  const FundSimulation tight = simulate_fund(inputs(cases), "fund", o);
  REQUIRE(tight.gearing.has_value());
  CHECK(std::fabs(*tight.gearing - 0.90455) < 0.005);
  // Annuity loans at a positive rate keep their capital at any size.
  const Case sure = load(
      case_text(
          "sure", "  x: {value: 1, dist: {normal: [1, 0.1]}}\n  y: {value: 0}\n  h: {value: 0}",
          R"(  - {id: a, method: annuity, lender: fund, borrower: region, principal: 100, rate: 0.02, term: 3})"),
      "sure.yaml");
  const FundSimulation unbounded = simulate_fund({{&sure, {}}}, "fund", o);
  CHECK(unbounded.prob_capital_preserved == 1.0);
  CHECK(!unbounded.gearing.has_value());
}

TEST_CASE("simulate_fund: independent cases' mean repaid is the sum of each case's, within 3 SE") {
  // Three cases with gamma, triangular and beta-driven gains, each simulated
  // alone and then together (different streams, so independent estimates):
  // |mean(fund) - sum of means| < 3 sqrt(se_fund^2 + sum se_i^2).
  const char* loan =
      R"(  - {id: loan, method: gain-share, lender: fund, borrower: region, principal: 5e5, disbursed: 2026,
     rate: 0.03, term: 4, gain_share: {share: 0.5, of: [gain, time]}})";
  const char* grant =
      R"(  - {id: g, method: grant, payer: fund, recipient: region, share: 0.3, of: [training]})";
  std::vector<Case> cases;
  cases.push_back(load(
      case_text("gamma", "  x: {value: 2e5, dist: {gamma: [2e5, 8e4]}}\n  y: {value: 1e5}\n  h: {value: 0}",
                loan, "per_year: \"$x\", from: 2027"),
      "g.yaml"));
  cases.push_back(load(case_text("triangular",
                                 "  x: {value: 0}\n  y: {value: 5e4, dist: {triangular: [1e4, 5e4, 9e4]}}\n"
                                 "  h: {value: 4, dist: {triangular: [1, 4, 8]}}",
                                 std::string(loan) + "\n" + grant, "per_year: \"$x\", from: 2027"),
                       "t.yaml"));
  cases.push_back(load(case_text("beta",
                                 "  s: {value: 0.5, dist: {beta: [0.5, 0.2]}}\n  x: {value: \"4e5 * $s\"}\n"
                                 "  y: {value: 0}\n  h: {value: 0}",
                                 loan, "per_year: \"$x\", from: 2027"),
                       "b.yaml"));
  FundSimOptions o;
  o.iterations = 10000;
  double sum = 0, var = 0;
  for (const Case& c : cases) {
    const FundSimulation alone = simulate_fund({{&c, {}}}, "fund", o);
    CHECK(alone.repaid.sd > 0);
    sum += alone.repaid.mean;
    var += alone.repaid.se * alone.repaid.se;
  }
  const FundSimulation all = simulate_fund(inputs(cases), "fund", o);
  var += all.repaid.se * all.repaid.se;
  CHECK(std::fabs(all.repaid.mean - sum) < 3 * std::sqrt(var));
  CHECK(all.granted.mean > 0);
}

TEST_CASE("simulate_fund: same seed, same numbers for any number of threads") {
  const std::vector<Case> cases = two_loans(105);
  for (double rho : {0.0, 0.4}) {
    CAPTURE(rho);
    FundSimOptions o;
    o.iterations = 5000;  // 5 blocks
    o.common_factor = rho;
    o.target_probability = 0.3;
    o.keep_draws = true;
    o.threads = 1;
    const FundSimulation one = simulate_fund(inputs(cases), "fund", o);
    o.threads = 2;
    const FundSimulation two = simulate_fund(inputs(cases), "fund", o);
    CHECK(two.threads == 2);
    CHECK(one.repaid.mean == two.repaid.mean);
    CHECK(one.repaid.sd == two.repaid.sd);
    CHECK(one.forgiven.p95 == two.forgiven.p95);
    CHECK(one.capital_at_risk == two.capital_at_risk);
    CHECK(one.prob_capital_preserved == two.prob_capital_preserved);
    CHECK(one.gearing == two.gearing);
    CHECK(one.draw_repaid == two.draw_repaid);
    CHECK(one.draw_cash == two.draw_cash);
    CHECK(one.cases[1].expected_forgiven == two.cases[1].expected_forgiven);
    o.seed = 7;
    CHECK(simulate_fund(inputs(cases), "fund", o).repaid.mean != one.repaid.mean);
  }
}

TEST_CASE("simulate_fund: errors") {
  const std::vector<Case> cases = two_loans();
  FundSimOptions o;
  o.iterations = 100;
  // The first diagnostic's message of what `run` throws.
  auto message = [](const auto& run) -> std::string {
    try {
      run();
    } catch (const InputError& e) {
      return e.diagnostics.empty() ? "" : e.diagnostics.front().message;
    }
    return "no error";
  };
  CHECK(message([&] { simulate_fund(inputs(cases), "fnd", o); }) ==
        "no loan or grant in the 2 case file(s) has 'fnd' as lender or payer");
  o.common_factor = 1.5;
  CHECK(message([&] { simulate_fund(inputs(cases), "fund", o); }) ==
        "the common factor's correlation must lie in [0, 1] (got 1.5)");
  o.common_factor = 0;
  o.target_probability = 1;
  CHECK(message([&] { simulate_fund(inputs(cases), "fund", o); }) ==
        "the target probability must lie strictly between 0 and 1 (got 1)");
  o.target_probability.reset();
  // A drawn gain share above 1: the loan's field, the iteration and the seed.
  const Case wide = load(
      case_text(
          "wide",
          "  x: {value: 1}\n  y: {value: 0}\n  h: {value: 0}\n  s: {value: 0.9, dist: {normal: [0.9, 0.2]}}",
          R"(  - {id: loan, method: gain-share, lender: fund, borrower: region, principal: 100, rate: 0, term: 2,
     gain_share: {share: "$s", of: [gain]}})"),
      "wide.yaml");
  try {
    simulate_fund({{&wide, {}}}, "fund", o);
    FAIL("expected an error");
  } catch (const InputError& e) {
    REQUIRE(!e.diagnostics.empty());
    const Diagnostic& d = e.diagnostics.front();
    CHECK(d.file == "wide.yaml");
    CHECK(d.loc.line > 0);
    CHECK(d.message.find("(seed 20261123)") != std::string::npos);
    CHECK(d.message.find("must be") != std::string::npos);
  }
}
