// Tests for libeval/irr: NPV and IRR against LibreOffice Calc
// (tests/data/calc/finance.fods, sheets npv and dk_npv, exported by
// tests/data/calc/regen), closed forms, and the notes for series without a
// unique IRR (docs/case-format.md, "IRR").
#include "libeval/irr.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "calc_csv.h"
#include "support.h"

using namespace gevinst;

namespace {

using calc::num;
using calc::number;
using calc::read_csv;

bool near_relative(double a, double b, double tol) {
  return std::fabs(a - b) <= tol * std::max(std::fabs(b), 1e-300);
}

}  // namespace

TEST_CASE("irr: NPV and IRR of 25 series against Calc") {
  // tests/data/calc/npv.csv (finance.fods, sheet npv), one series per row:
  //   npv = CF0 + NPV(rate; CF1..CFn)        irr = IRR(CF0..CFn[; guess])
  // irr_kind says what the series was built to show: unique, none (Calc gives
  // Err:523) or multiple (Calc returns the root nearest its guess, which must
  // be one of ours).
  const auto rows = read_csv("npv.csv");
  REQUIRE(rows.size() >= 26);
  int unique = 0, none = 0, multiple = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const std::string& id = row[0];
    CAPTURE(id);
    std::vector<double> flows;
    for (size_t c = 6; c < row.size() && !row[c].empty(); ++c) flows.push_back(num(row[c]));
    REQUIRE(flows.size() >= 3);

    const double calc_npv = num(row[4]);
    CHECK_MESSAGE(near_relative(npv_at_rate(flows, num(row[1])), calc_npv, 1e-6), "Calc NPV " << calc_npv);

    const IrrResult got = irr(flows);
    const std::optional<double> calc_irr = number(row[5]);
    const std::string& kind = row[2];
    if (kind == "unique") {
      REQUIRE(calc_irr.has_value());
      REQUIRE_MESSAGE(got.rate.has_value(), got.note.text());
      CHECK(std::fabs(*got.rate - *calc_irr) <= 1e-9);
      CHECK(got.note.text().empty());
      CHECK(std::fabs(npv_at_rate(flows, *got.rate)) <= 1e-9 * std::fabs(flows[0]));
      ++unique;
    } else if (kind == "none") {
      CHECK_FALSE(calc_irr.has_value());  // Calc: Err:523, no convergence
      CHECK_FALSE(got.rate.has_value());
      CHECK(got.roots.empty());
      CHECK(got.note.text().rfind("no IRR: ", 0) == 0);
      ++none;
    } else {
      REQUIRE(kind == "multiple");
      REQUIRE(calc_irr.has_value());
      CHECK_FALSE(got.rate.has_value());
      CHECK(got.roots.size() >= 2);
      CHECK(got.note.text().rfind("no unique IRR: ", 0) == 0);
      const bool found = std::any_of(got.roots.begin(), got.roots.end(),
                                     [&](double x) { return std::fabs(x - *calc_irr) <= 1e-9; });
      CHECK_MESSAGE(found, "Calc root " << *calc_irr << " not among ours");
      ++multiple;
    }
  }
  CHECK(unique >= 15);
  CHECK(none == 3);
  CHECK(multiple == 5);
}

TEST_CASE("irr: 75-year series against Calc") {
  // tests/data/calc/dk_npv.csv, column irr = IRR(CF t=0..75) of sheet dk_years.
  // dk-a has one sign change: a unique IRR. dk-b turns negative again in its
  // last two years (benefits fade below the running cost), so NPV has a second
  // root near -44 %; Calc's Newton from the default guess 10 % finds the other.
  const auto years = read_csv("dk_years.csv");
  const auto rows = read_csv("dk_npv.csv");
  REQUIRE(rows.size() == 5);
  for (size_t r = 1; r < rows.size(); ++r) {
    CAPTURE(rows[r][0]);
    const size_t cf_col = rows[r][0] == "dk-a" ? 6 : 7;
    std::vector<double> flows;
    for (size_t t = 1; t < years.size(); ++t) flows.push_back(num(years[t][cf_col]));
    REQUIRE(flows.size() == 76);
    const double calc_irr = num(rows[r][4]);
    const IrrResult got = irr(flows);
    if (rows[r][0] == "dk-a") {
      REQUIRE_MESSAGE(got.rate.has_value(), got.note.text());
      CHECK(std::fabs(*got.rate - calc_irr) <= 1e-9);
    } else {
      CHECK_FALSE(got.rate.has_value());
      REQUIRE(got.roots.size() == 2);
      CHECK(std::fabs(got.roots[1] - calc_irr) <= 1e-9);
      CHECK(got.roots[0] < -0.4);
      // The low root is a root: the NPV there is zero relative to the flows.
      CHECK(std::fabs(npv_at_rate(flows, got.roots[0])) <=
            1e-6 * std::fabs(npv_at_rate(flows, got.roots[0] + 0.01)));
      CHECK(got.note.text().rfind(
                "no unique IRR: the net cash flow changes sign 2 times and NPV is zero at 2 rates (-44.",
                0) == 0);
    }
  }
}

TEST_CASE("irr: closed forms") {
  struct Case {
    std::vector<double> flows;
    double rate;
    const char* source;
  };
  const Case cases[] = {
      {{-100, 110}, 0.10, "-100 + 110/(1+r) = 0"},
      {{-100, 0, 121}, 0.10, "-100 + 121/(1+r)^2 = 0"},
      {{-1000, 200, 200, 200, 200, 200}, 0.0, "sum of flows is 0"},
      {{-1000, 50, 50}, -0.75, "50v^2 + 50v - 1000 = 0 at v = 4"},
      {{1000, -1100}, 0.10, "borrowing: 1000 - 1100/(1+r) = 0"},
      {{0, 0, -100, 0, 150}, 0.2247448713915890, "-100 + 150/(1+r)^2 = 0: r = sqrt(1.5) - 1 (leading zeros)"},
      {{-1, 2, -1}, 0.0, "-(1 - 1/(1+r))^2 touches zero at r = 0 without a sign change of the NPV"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.source);
    const IrrResult got = irr(c.flows);
    REQUIRE_MESSAGE(got.rate.has_value(), got.note.text());
    CHECK(std::fabs(*got.rate - c.rate) <= 1e-12);
    CHECK(got.note.text().empty());
  }
}

TEST_CASE("irr: notes when there is no unique IRR") {
  struct Case {
    std::vector<double> flows;
    std::string note;
  };
  const Case cases[] = {
      {{-100, -50, 0, -25},
       "no IRR: the net cash flow never turns positive (costs exceed benefits every year)"},
      {{100, 50, 0, 50},
       "no IRR: the net cash flow is never negative (benefits cover the costs in every year), so no discount "
       "rate "
       "makes NPV zero"},
      {{0, 0, 0}, "no IRR: the net cash flow is zero in every year"},
      {{}, "no IRR: the net cash flow is zero in every year"},
      // -100 + 230v - 132v^2 = -100 (x-1.1)(x-1.2)/x^2 with x = 1+r
      {{-100, 230, -132},
       "no unique IRR: the net cash flow changes sign 2 times and NPV is zero at 2 rates (10.0 %, 20.0 %) in "
       "(-99 %, 1000 %)"},
      // -100 (x-1.05)(x-1.15)(x-1.3) / x^3
      {{-100, 350, -406.75, 156.975},
       "no unique IRR: the net cash flow changes sign 3 times and NPV is zero at 3 rates (5.0 %, 15.0 %, "
       "30.0 %) in (-99 %, 1000 %)"},
      // 100x^2 - 250x + 200 has a negative discriminant
      {{100, -250, 200},
       "no IRR: the net cash flow changes sign 2 times but NPV is not zero at any rate in (-99 %, 1000 %)"},
      // -1 + 100/(1+r) = 0 at r = 99 (9900 %), outside the search interval
      {{-1, 100},
       "no IRR in (-99 %, 1000 %): the IRR lies above 1000 %, because the first years' outlay is small "
       "against the "
       "gains that follow"},
      // -100 + 0.5/(1+r) = 0 at r = -0.995 (-99.5 %), below the search interval
      {{-100, 0.5},
       "no IRR in (-99 %, 1000 %): the IRR lies below -99 %, because the later flows return almost nothing "
       "of the "
       "first"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.note);
    const IrrResult got = irr(c.flows);
    CHECK_FALSE(got.rate.has_value());
    CHECK(got.note.text() == c.note);
    CHECK(got.outside == (c.flows == std::vector<double>{-1, 100}     ? 1
                          : c.flows == std::vector<double>{-100, 0.5} ? -1
                                                                      : 0));
  }
}

TEST_CASE("irr: a root that touches zero (even multiplicity) is found") {
  // -100 + 220 v - 121 v^2 = -(11 v - 10)^2 with v = 1/(1+r): zero only at
  // v = 10/11, r = 10 %, where the NPV touches zero without changing sign.
  const double flows[] = {-100, 220, -121};
  const IrrResult got = irr(flows);
  REQUIRE_MESSAGE(got.rate.has_value(), got.note.text());
  CHECK(std::fabs(*got.rate - 0.10) < 1e-7);
  // Two roots closer than the grid step (10 % and 10.05 %) are two roots:
  // -K v1 v2 + K (v1 + v2) v - K v^2 with v1 = 1/1.1, v2 = 1/1.1005 in x = 1/v.
  {
    const double v1 = 1 / 1.1, v2 = 1 / 1.1005, k = 1e6;
    const double close[] = {-k, k * (1 / v1 + 1 / v2), -k / (v1 * v2)};
    const IrrResult two = irr(close);
    CHECK_FALSE(two.rate.has_value());
    REQUIRE(two.roots.size() == 2);
    CHECK(std::fabs(two.roots[0] - 0.10) < 1e-9);
    CHECK(std::fabs(two.roots[1] - 0.1005) < 1e-9);
  }
  // A near miss is not a root: -100 + 220 v - 122 v^2 < 0 for every v.
  const double miss[] = {-100, 220, -122};
  CHECK_FALSE(irr(miss).rate.has_value());
}

TEST_CASE("irr: the roots of a series with several sign changes") {
  const double flows[] = {-100, 230, -132};
  const IrrResult got = irr(flows);
  REQUIRE(got.roots.size() == 2);
  CHECK(std::fabs(got.roots[0] - 0.10) <= 1e-12);
  CHECK(std::fabs(got.roots[1] - 0.20) <= 1e-12);
}

TEST_CASE("irr: npv_at_rate") {
  const double flows[] = {-1000, 300, 400, 500, 200};
  // Zero rate: NPV is the plain sum.
  CHECK(npv_at_rate(flows, 0.0) == 400.0);
  // 5 %: -1000 + 300/1.05 + 400/1.05^2 + 500/1.05^3 + 200/1.05^4
  const double expected =
      -1000 + 300 / 1.05 + 400 / std::pow(1.05, 2) + 500 / std::pow(1.05, 3) + 200 / std::pow(1.05, 4);
  CHECK(npv_at_rate(flows, 0.05) == doctest::Approx(expected).epsilon(1e-14));
  CHECK(npv_at_rate(std::span<const double>{}, 0.05) == 0.0);
}

TEST_CASE("irr: sign_changes skips zero flows") {
  CHECK(sign_changes(std::vector<double>{-1, 0, 0, 2}) == 1);
  CHECK(sign_changes(std::vector<double>{-1, 2, 0, -3, 4}) == 3);
  CHECK(sign_changes(std::vector<double>{0, 0}) == 0);
  CHECK(sign_changes(std::vector<double>{5, 1, 0, 2}) == 0);
}
