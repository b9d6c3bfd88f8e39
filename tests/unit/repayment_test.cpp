// Tests for libeval/repayment: 39 loan schedules against LibreOffice Calc
// (tests/data/calc/finance.fods, sheets loans and schedules, exported by
// tests/data/calc/regen), invariants, and closed forms (docs/case-format.md,
// "Loan schedules" and "Gain-share").
#include "libeval/repayment.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "calc_csv.h"
#include "libeval/discounting.h"
#include "support.h"

using namespace gevinst;

namespace {

using calc::num;
using calc::number;
using calc::read_csv;

LoanMethod method_of(const std::string& s) {
  if (s == "annuity") return LoanMethod::annuity;
  if (s == "serial") return LoanMethod::serial;
  if (s == "bullet") return LoanMethod::bullet;
  REQUIRE(s == "gain-share");
  return LoanMethod::gain_share;
}

// Terms from a row of loans.csv: id, method, principal, disbursed, rate, ppy,
// grace, grace_mode, term, share, cap, residual, ...
LoanTerms terms_of(const std::vector<std::string>& row) {
  LoanTerms t;
  t.method = method_of(row[1]);
  t.principal = num(row[2]);
  t.disbursed = static_cast<int>(num(row[3]));
  t.rate = num(row[4]);
  t.periods_per_year = static_cast<int>(num(row[5]));
  t.grace = static_cast<int>(num(row[6]));
  t.grace_mode = row[7] == "capitalise" ? GraceMode::capitalise : GraceMode::interest_only;
  t.term = static_cast<int>(num(row[8]));
  t.gain_share = number(row[9]).value_or(0.0);
  t.cap = number(row[10]);
  t.residual = row[11] == "due" ? Residual::due : Residual::forgive;
  return t;
}

// Rules every schedule keeps, whatever its method.
void check_invariants(const LoanTerms& t, const LoanSchedule& s) {
  double paid = 0, interest = 0, principal_parts = 0;
  double balance = t.principal;
  int year = t.disbursed;
  for (size_t k = 0; k < s.rows.size(); ++k) {
    const ScheduleRow& r = s.rows[k];
    CAPTURE(r.period);
    CHECK(r.period == static_cast<int>(k) + 1);
    CHECK(r.year >= year);
    CHECK(r.year == t.disbursed + (r.period + t.periods_per_year - 1) / t.periods_per_year);
    year = r.year;
    CHECK(r.opening == balance);
    CHECK(r.closing >= 0.0);
    CHECK(r.principal == doctest::Approx(r.payment - r.interest).epsilon(1e-12));
    CHECK(r.closing == doctest::Approx(r.opening + r.interest - r.payment).epsilon(1e-12));
    balance = r.closing;
    paid += r.payment;
    interest += r.interest;
    principal_parts += r.principal;
  }
  CHECK(s.total_paid == doctest::Approx(paid).epsilon(1e-12));
  CHECK(s.total_interest == doctest::Approx(interest).epsilon(1e-12));
  CHECK(s.forgiven == balance);
  // The principal parts repay the principal, less what is forgiven.
  CHECK(principal_parts == doctest::Approx(t.principal - s.forgiven).epsilon(1e-9));
  if (t.cap) CHECK(s.total_paid <= *t.cap * t.principal * (1 + 1e-9));
  if (t.method != LoanMethod::gain_share) CHECK(s.forgiven == 0.0);
}

const auto no_gains = [](int) { return 0.0; };

}  // namespace

TEST_CASE("repayment: schedules against Calc") {
  // tests/data/calc/schedules.csv (sheet schedules): per period
  //   annuity    interest = IPMT(i; k; n; -Bg), payment = PMT(i; n; -Bg), principal = PPMT(i; k; n; -Bg)
  //   serial     interest = opening*i, principal = Bg/n, payment = interest + principal
  //   bullet     interest = opening*i, principal = opening in the last period, else 0
  //   gain-share payment = MIN(share*year_gains/ppy; opening+interest; cap*P - SUM(payments so far))
  //              (last period with residual due: MIN(opening+interest; cap*P - SUM(...)))
  //   grace      interest = opening*i; payment = interest (interest-only; gain-share: MIN with the
  //              cap room) or 0 (capitalise); closing = opening + interest - payment
  // with i = rate/ppy, k = period - grace, Bg = closing balance after grace, year =
  // disbursed + ROUNDUP(period/ppy; 0). tests/data/calc/loans.csv (sheet loans):
  // total_paid and total_interest = SUMIF over the schedule, forgiven = last closing,
  // lender_pv_3.5 = -P + SUMPRODUCT(payments; 1/1.035^(year - disbursed)).
  const auto loans = read_csv("loans.csv");
  const auto sched = read_csv("schedules.csv");
  REQUIRE(loans.size() >= 33);
  std::map<std::string, std::vector<std::vector<std::string>>> rows_of;
  for (size_t r = 1; r < sched.size(); ++r) rows_of[sched[r][0]].push_back(sched[r]);

  int checked = 0;
  std::vector<std::string> stopped_early;
  for (size_t l = 1; l < loans.size(); ++l) {
    const auto& row = loans[l];
    CAPTURE(row[0]);
    const LoanTerms t = terms_of(row);
    REQUIRE_FALSE(check_loan_terms(t).has_value());
    const auto& calc = rows_of.at(row[0]);
    std::map<int, double> gains_by_year;
    for (const auto& c : calc)
      if (auto g = number(c[8])) gains_by_year[static_cast<int>(num(c[2]))] = *g;
    const auto gains = [&](int year) { return gains_by_year.count(year) ? gains_by_year.at(year) : 0.0; };

    const LoanSchedule s = build_schedule(t, gains);
    check_invariants(t, s);
    REQUIRE(s.rows.size() <= calc.size());
    for (size_t k = 0; k < calc.size(); ++k) {
      const auto& c = calc[k];
      CAPTURE(c[1]);
      if (k >= s.rows.size()) {
        // Calc's schedule runs on with a zero balance after the loan is repaid.
        CHECK(std::fabs(num(c[3])) <= 1e-6);
        CHECK(std::fabs(num(c[5])) <= 1e-6);
        continue;
      }
      const ScheduleRow& r = s.rows[k];
      CHECK(r.period == static_cast<int>(num(c[1])));
      CHECK(r.year == static_cast<int>(num(c[2])));
      CHECK(std::fabs(r.opening - num(c[3])) <= 1e-6);
      CHECK(std::fabs(r.interest - num(c[4])) <= 1e-6);
      CHECK(std::fabs(r.payment - num(c[5])) <= 1e-6);
      CHECK(std::fabs(r.principal - num(c[6])) <= 1e-6);
      CHECK(std::fabs(r.closing - num(c[7])) <= 1e-6);
    }
    if (s.rows.size() < calc.size()) stopped_early.push_back(row[0]);
    CHECK(std::fabs(s.total_paid - num(row[12])) <= 1e-6);
    CHECK(std::fabs(s.total_interest - num(row[13])) <= 1e-6);
    CHECK(std::fabs(s.forgiven - num(row[14])) <= 1e-6);

    // Lender PV at a constant 3.5 %, discounted to the disbursement year.
    const int last_year = s.rows.empty() ? t.disbursed : s.rows.back().year;
    const auto df = discount_factors(constant_schedule(0.035), last_year - t.disbursed + 1);
    const LoanPv pv = loan_pv(t, s, t.disbursed, df);
    CHECK(std::fabs(pv.lender - num(row[15])) <= 1e-6);
    CHECK(pv.borrower == -pv.lender);
    ++checked;
  }
  CHECK(checked == 39);
  // Repaid before the term ends: G01 in period 8 of 9, G05 in period 3 of 10.
  CHECK(stopped_early == std::vector<std::string>{"G01", "G05"});
}

TEST_CASE("repayment: closed forms") {
  SUBCASE("annuity at 5 %, 3 years: payment 1000 * 0.05 / (1 - 1.05^-3)") {
    const LoanTerms t{
        .method = LoanMethod::annuity, .principal = 1000, .disbursed = 2026, .rate = 0.05, .term = 3};
    const auto s = build_schedule(t, no_gains);
    REQUIRE(s.rows.size() == 3);
    const double a = 1000 * 0.05 / (1 - std::pow(1.05, -3));
    for (const auto& r : s.rows) CHECK(r.payment == doctest::Approx(a).epsilon(1e-13));
    CHECK(s.rows[0].year == 2027);
    CHECK(s.rows[0].interest == doctest::Approx(50.0).epsilon(1e-15));
    CHECK(s.rows[2].closing == 0.0);
    check_invariants(t, s);
  }
  SUBCASE("rate 0: annuity and serial pay B/n, no interest") {
    for (LoanMethod m : {LoanMethod::annuity, LoanMethod::serial}) {
      const LoanTerms t{.method = m, .principal = 900, .disbursed = 2026, .rate = 0.0, .term = 4};
      const auto s = build_schedule(t, no_gains);
      REQUIRE(s.rows.size() == 4);
      for (const auto& r : s.rows) CHECK(r.payment == 225.0);
      CHECK(s.total_interest == 0.0);
      check_invariants(t, s);
    }
  }
  SUBCASE("capitalised grace: the balance after grace is P (1+i)^g, and the annuity is on it") {
    const LoanTerms t{.method = LoanMethod::annuity,
                      .principal = 1000,
                      .disbursed = 2026,
                      .rate = 0.06,
                      .grace = 3,
                      .grace_mode = GraceMode::capitalise,
                      .term = 7};
    const auto s = build_schedule(t, no_gains);
    REQUIRE(s.rows.size() == 10);
    const double bg = 1000 * std::pow(1.06, 3);
    CHECK(s.rows[2].closing == doctest::Approx(bg).epsilon(1e-14));
    for (int k = 0; k < 3; ++k) CHECK(s.rows[k].payment == 0.0);
    CHECK(s.rows[3].payment == doctest::Approx(bg * 0.06 / (1 - std::pow(1.06, -7))).epsilon(1e-13));
    check_invariants(t, s);
  }
  SUBCASE("bullet: interest only, then principal in the last period") {
    const LoanTerms t{
        .method = LoanMethod::bullet, .principal = 1000, .disbursed = 2026, .rate = 0.04, .term = 3};
    const auto s = build_schedule(t, no_gains);
    REQUIRE(s.rows.size() == 3);
    CHECK(s.rows[0].payment == 40.0);
    CHECK(s.rows[1].payment == 40.0);
    CHECK(s.rows[2].payment == 1040.0);
    check_invariants(t, s);
  }
  SUBCASE("12 periods a year: period 12 falls in the year after disbursement, period 13 in the next") {
    const LoanTerms t{.method = LoanMethod::serial,
                      .principal = 2400,
                      .disbursed = 2026,
                      .rate = 0.12,
                      .periods_per_year = 12,
                      .term = 24};
    const auto s = build_schedule(t, no_gains);
    REQUIRE(s.rows.size() == 24);
    CHECK(s.rows[0].year == 2027);
    CHECK(s.rows[11].year == 2027);
    CHECK(s.rows[12].year == 2028);
    CHECK(s.rows[0].interest == doctest::Approx(24.0).epsilon(1e-15));  // 2400 * 0.12 / 12
    CHECK(s.rows[0].principal == doctest::Approx(100.0).epsilon(1e-15));
    check_invariants(t, s);
  }
  SUBCASE("principal 0: no rows") {
    const LoanTerms t{
        .method = LoanMethod::annuity, .principal = 0, .disbursed = 2026, .rate = 0.05, .term = 3};
    const auto s = build_schedule(t, no_gains);
    CHECK(s.rows.empty());
    CHECK(s.total_paid == 0.0);
  }
}

TEST_CASE("repayment: gain-share") {
  SUBCASE("zero gains: nothing paid, interest added every year, everything forgiven") {
    const LoanTerms t{.method = LoanMethod::gain_share,
                      .principal = 1000,
                      .disbursed = 2026,
                      .rate = 0.02,
                      .term = 4,
                      .gain_share = 0.5};
    const auto s = build_schedule(t, no_gains);
    REQUIRE(s.rows.size() == 4);
    CHECK(s.total_paid == 0.0);
    CHECK(s.forgiven == doctest::Approx(1000 * std::pow(1.02, 4)).epsilon(1e-14));
    CHECK(s.rows[0].principal == doctest::Approx(-20.0).epsilon(1e-15));  // negative: unpaid interest
    check_invariants(t, s);
  }
  SUBCASE("without gains function: treated as zero gains") {
    const LoanTerms t{.method = LoanMethod::gain_share,
                      .principal = 1000,
                      .disbursed = 2026,
                      .rate = 0.0,
                      .term = 2,
                      .gain_share = 0.5};
    CHECK(build_schedule(t, {}).forgiven == 1000.0);
  }
  SUBCASE("the cap stops payments while a balance remains") {
    // 5 %, gains 1000 a year, share 1, cap 1.0 on principal 1000: year 1 pays
    // min(1000, 1050, 1000) = 1000, leaving 50; the cap then leaves nothing.
    const LoanTerms t{.method = LoanMethod::gain_share,
                      .principal = 1000,
                      .disbursed = 2026,
                      .rate = 0.05,
                      .term = 3,
                      .gain_share = 1.0,
                      .cap = 1.0};
    const auto s = build_schedule(t, [](int) { return 1000.0; });
    REQUIRE(s.rows.size() == 3);
    CHECK(s.rows[0].payment == 1000.0);
    CHECK(s.rows[1].payment == 0.0);
    CHECK(s.total_paid == 1000.0);
    CHECK(s.forgiven == doctest::Approx(50 * 1.05 * 1.05).epsilon(1e-14));
    check_invariants(t, s);
  }
  SUBCASE("residual due: the last period pays the balance, up to the cap") {
    // 0 %, gains 100 a year, share 0.5, term 3 on 1000: 50, 50, then the 900 left.
    LoanTerms t{.method = LoanMethod::gain_share,
                .principal = 1000,
                .disbursed = 2026,
                .rate = 0.0,
                .term = 3,
                .gain_share = 0.5,
                .residual = Residual::due};
    auto s = build_schedule(t, [](int) { return 100.0; });
    REQUIRE(s.rows.size() == 3);
    CHECK(s.rows[2].payment == 900.0);
    CHECK(s.forgiven == 0.0);
    check_invariants(t, s);
    // With cap 0.95 the last period pays only 950 - 100 = 850 and 50 is forgiven.
    t.cap = 0.95;
    s = build_schedule(t, [](int) { return 100.0; });
    CHECK(s.rows[2].payment == doctest::Approx(850.0).epsilon(1e-15));
    CHECK(s.forgiven == doctest::Approx(50.0).epsilon(1e-13));
    check_invariants(t, s);
  }
  SUBCASE("repaid early: the schedule stops when the balance reaches zero") {
    const LoanTerms t{.method = LoanMethod::gain_share,
                      .principal = 1000,
                      .disbursed = 2026,
                      .rate = 0.0,
                      .term = 10,
                      .gain_share = 0.5};
    const auto s = build_schedule(t, [](int) { return 800.0; });
    REQUIRE(s.rows.size() == 3);  // 400, 400, 200
    CHECK(s.rows[2].payment == 200.0);
    CHECK(s.forgiven == 0.0);
    check_invariants(t, s);
  }
  SUBCASE("monthly: a year's gains are spread over its 12 periods") {
    const LoanTerms t{.method = LoanMethod::gain_share,
                      .principal = 1.0e6,
                      .disbursed = 2026,
                      .rate = 0.0,
                      .periods_per_year = 12,
                      .term = 24,
                      .gain_share = 0.5};
    const auto s = build_schedule(t, [](int year) { return year == 2027 ? 120000.0 : 240000.0; });
    REQUIRE(s.rows.size() == 24);
    CHECK(s.rows[0].payment == 5000.0);    // 0.5 * 120000 / 12
    CHECK(s.rows[12].payment == 10000.0);  // 0.5 * 240000 / 12
    check_invariants(t, s);
  }
  SUBCASE("interest-only grace counts towards the cap") {
    // 10 % on 1000, grace 2 pays 100 + 100; cap 1.1 leaves 900 for the term.
    const LoanTerms t{.method = LoanMethod::gain_share,
                      .principal = 1000,
                      .disbursed = 2026,
                      .rate = 0.10,
                      .grace = 2,
                      .term = 2,
                      .gain_share = 1.0,
                      .cap = 1.1};
    const auto s = build_schedule(t, [](int) { return 5000.0; });
    // Period 3: min(5000, 1100, 900) = 900 leaves 200; period 4 adds 20 interest
    // and the cap allows nothing more: 220 forgiven.
    REQUIRE(s.rows.size() == 4);
    CHECK(s.rows[0].payment == doctest::Approx(100.0).epsilon(1e-15));
    CHECK(s.rows[2].payment == doctest::Approx(900.0).epsilon(1e-13));
    CHECK(s.rows[3].payment == 0.0);
    CHECK(s.total_paid == doctest::Approx(1100.0).epsilon(1e-13));
    CHECK(s.forgiven == doctest::Approx(220.0).epsilon(1e-13));
    check_invariants(t, s);
  }
}

TEST_CASE("repayment: check_loan_terms") {
  const LoanTerms ok{
      .method = LoanMethod::annuity, .principal = 1000, .disbursed = 2026, .rate = 0.05, .term = 3};
  CHECK_FALSE(check_loan_terms(ok).has_value());
  struct Case {
    LoanTerms t;
    const char* message;
  };
  auto with = [&](auto change) {
    LoanTerms t = ok;
    change(t);
    return t;
  };
  const Case cases[] = {
      {with([](LoanTerms& t) { t.principal = -1; }), "principal must be a finite amount >= 0"},
      {with([](LoanTerms& t) { t.rate = -1; }), "rate must be a finite number greater than -1"},
      {with([](LoanTerms& t) { t.periods_per_year = 3; }),
       "periods_per_year must be 1, 2, 4 or 12 (it is 3)"},
      {with([](LoanTerms& t) { t.grace = -1; }), "grace must be 0 or more periods"},
      {with([](LoanTerms& t) { t.term = 0; }), "term must be at least 1 period"},
      {with([](LoanTerms& t) { t.gain_share = 1.5; }), "gain_share share must lie in [0, 1]"},
      {with([](LoanTerms& t) { t.cap = -0.1; }), "cap must be a finite number >= 0"},
  };
  for (const Case& c : cases) CHECK(check_loan_terms(c.t).value_or("") == c.message);
}

TEST_CASE("repayment: payments by year and PV") {
  // Serial 1200 at 0 % over 24 monthly periods from 2026: 600 in 2027 and in 2028.
  const LoanTerms t{.method = LoanMethod::serial,
                    .principal = 1200,
                    .disbursed = 2026,
                    .rate = 0.0,
                    .periods_per_year = 12,
                    .term = 24};
  const auto s = build_schedule(t, no_gains);
  const auto by_year = payments_by_year(s, 2026, 4);
  REQUIRE(by_year.size() == 4);
  CHECK(by_year[0] == 0.0);
  CHECK(by_year[1] == doctest::Approx(600.0).epsilon(1e-14));
  CHECK(by_year[2] == doctest::Approx(600.0).epsilon(1e-14));
  CHECK(by_year[3] == 0.0);
  // PV at 10 % from 2026: -1200 + 600/1.1 + 600/1.21.
  const auto df = discount_factors(constant_schedule(0.10), 3);
  const LoanPv pv = loan_pv(t, s, 2026, df);
  CHECK(pv.lender == doctest::Approx(-1200 + 600 / 1.1 + 600 / 1.21).epsilon(1e-13));
  CHECK(pv.borrower == -pv.lender);
  // Factors that stop before the last payment year are a caller error.
  CHECK_THROWS_AS(loan_pv(t, s, 2026, std::span<const double>(df).first(2)), std::out_of_range);
}
