// Tests for libeval/discounting: the recurrence of docs/case-format.md,
// "Discounting", checked against LibreOffice Calc
// (tests/data/calc/finance.fods, sheets dk_years and dk_npv, exported by
// tests/data/calc/regen) and against closed forms.
#include "libeval/discounting.h"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "calc_csv.h"
#include "support.h"

using namespace gevinst;

namespace {

using calc::num;
using calc::number;
using calc::read_csv;

const DiscountSchedule dk2021{"dk-fm-2021", "Finansministeriet 2021", {{1, 0.035}, {36, 0.025}, {71, 0.015}}};
const DiscountSchedule dk2013{"dk-fm-2013", "Finansministeriet 2013", {{1, 0.04}, {36, 0.03}, {71, 0.02}}};

}  // namespace

TEST_CASE("discounting: Danish step schedules against Calc, year by year") {
  // tests/data/calc/dk_years.csv (finance.fods, sheet dk_years), t = 0..75:
  //   r  = IF(t<=35;3.5%;IF(t<=70;2.5%;1.5%))   (2013: 4 %, 3 %, 2 %)
  //   DF = 1 at t = 0, then =C(prev)/(1+r)
  //   DFmid = DF/SQRT(1+r(t+1))
  const auto rows = read_csv("dk_years.csv");
  REQUIRE(rows.size() == 77);
  const auto df21 = discount_factors(dk2021, 76);
  const auto mid21 = discount_factors(dk2021, 76, Timing::mid);
  const auto df13 = discount_factors(dk2013, 76);
  REQUIRE(df21.size() == 76);
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    const int t = static_cast<int>(num(row[0]));
    CAPTURE(t);
    CHECK(rate_for_index(dk2021, t) == num(row[1]));
    CHECK(rate_for_index(dk2013, t) == num(row[4]));
    CHECK(df21[t] == doctest::Approx(num(row[2])).epsilon(1e-12));
    CHECK(mid21[t] == doctest::Approx(num(row[3])).epsilon(1e-12));
    CHECK(df13[t] == doctest::Approx(num(row[5])).epsilon(1e-12));
  }
}

TEST_CASE("discounting: NPV of 75-year series under the step schedules against Calc") {
  // tests/data/calc/dk_npv.csv: npv = SUMPRODUCT(DF column; CF column) over
  // t = 0..75 of sheet dk_years, npv_mid the same with the mid-year DF.
  const auto years = read_csv("dk_years.csv");
  const auto rows = read_csv("dk_npv.csv");
  REQUIRE(rows.size() == 5);
  int checked = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    CAPTURE(row[0]);
    CAPTURE(row[1]);
    const size_t cf_col = row[0] == "dk-a" ? 6 : 7;
    const DiscountSchedule& s = row[1] == "dk-fm-2021" ? dk2021 : dk2013;
    const auto df = discount_factors(s, 76);
    const auto mid = discount_factors(s, 76, Timing::mid);
    double npv = 0, npv_mid = 0;
    for (size_t t = 0; t < 76; ++t) {
      const double cf = num(years[t + 1][cf_col]);
      npv += df[t] * cf;
      npv_mid += mid[t] * cf;
    }
    CHECK(npv == doctest::Approx(num(row[2])).epsilon(1e-6));
    if (auto m = number(row[3])) CHECK(npv_mid == doctest::Approx(*m).epsilon(1e-6));
    ++checked;
  }
  CHECK(checked == 4);
}

TEST_CASE("discounting: recurrence and closed forms") {
  SUBCASE("constant rate: DF(t) = 1.035^-t") {
    const auto df = discount_factors(constant_schedule(0.035), 40);
    REQUIRE(df.size() == 40);
    for (int t = 0; t < 40; ++t) CHECK(df[t] == doctest::Approx(std::pow(1.035, -t)).epsilon(1e-14));
  }
  SUBCASE("zero rate: every factor is 1, so NPV = the plain sum") {
    for (double f : discount_factors(constant_schedule(0.0), 20)) CHECK(f == 1.0);
  }
  SUBCASE("step schedule: DF(t) = DF(t-1) / (1 + r(t)) at every t") {
    const auto df = discount_factors(dk2021, 100);
    CHECK(df[0] == 1.0);
    for (int t = 1; t < 100; ++t)
      CHECK(df[t] == doctest::Approx(df[t - 1] / (1 + rate_for_index(dk2021, t))).epsilon(1e-15));
    // Closed form at the steps: DF(35) = 1.035^-35, DF(70) = 1.035^-35 * 1.025^-35,
    // DF(99) = DF(70) * 1.015^-29.
    CHECK(df[35] == doctest::Approx(std::pow(1.035, -35)).epsilon(1e-13));
    CHECK(df[70] == doctest::Approx(std::pow(1.035, -35) * std::pow(1.025, -35)).epsilon(1e-13));
    CHECK(df[99] ==
          doctest::Approx(std::pow(1.035, -35) * std::pow(1.025, -35) * std::pow(1.015, -29)).epsilon(1e-13));
  }
  SUBCASE("mid-year: half a year later, DFmid(t) = DF(t) / sqrt(1 + r(t+1))") {
    const auto end = discount_factors(dk2021, 80);
    const auto mid = discount_factors(dk2021, 80, Timing::mid);
    CHECK(mid[0] == doctest::Approx(1 / std::sqrt(1.035)).epsilon(1e-15));
    CHECK(mid[35] ==
          doctest::Approx(end[35] / std::sqrt(1.025)).epsilon(1e-15));  // year 35 flows half into index 36
    CHECK(mid[70] == doctest::Approx(end[70] / std::sqrt(1.015)).epsilon(1e-15));
  }
  SUBCASE("sizes") {
    CHECK(discount_factors(dk2021, 0).empty());
    CHECK(discount_factors(dk2021, -3).empty());
    CHECK(discount_factors(dk2021, 1) == std::vector<double>{1.0});
  }
}

TEST_CASE("discounting: rate_for_index at the step boundaries") {
  // The Ministry's "3.5 % in years 0-35": the rate that discounts indices 1..35.
  struct Case {
    int t;
    double rate;
  };
  const Case cases[] = {{1, 0.035}, {35, 0.035}, {36, 0.025}, {70, 0.025}, {71, 0.015}, {500, 0.015}};
  for (const Case& c : cases) {
    CAPTURE(c.t);
    CHECK(rate_for_index(dk2021, c.t) == c.rate);
  }
}

TEST_CASE("discounting: check_schedule") {
  CHECK_FALSE(check_schedule(dk2021).has_value());
  CHECK_FALSE(check_schedule(constant_schedule(0.0)).has_value());
  CHECK(check_schedule(DiscountSchedule{}).value() == "the discount schedule has no steps");
  CHECK(check_schedule(DiscountSchedule{"", "", {{2, 0.03}}}).value() ==
        "the first step must have from_index 1 (it has 2)");
  CHECK(check_schedule(DiscountSchedule{"", "", {{1, 0.03}, {36, 0.02}, {36, 0.01}}}).value() ==
        "from_index must increase strictly: step 3 has from_index 36 after 36");
  CHECK(check_schedule(DiscountSchedule{"", "", {{1, 0.03}, {10, -1.0}}}).value() ==
        "the rate of step 2 must be a finite number greater than -1 (100 % negative)");
  CHECK(check_schedule(DiscountSchedule{"", "", {{1, NAN}}}).has_value());
}
