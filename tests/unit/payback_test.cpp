// Tests for libeval/payback: the rule of docs/case-format.md, "Payback"
// (first crossing of the cumulative net, interpolated linearly within the
// year). Expected values are worked by hand from that rule; each case shows
// the cumulative series C(t) it rests on.
#include "libeval/payback.h"

#include <optional>
#include <vector>

#include "libeval/discounting.h"
#include "support.h"

using namespace gevinst;

TEST_CASE("payback: table of series") {
  struct Case {
    std::vector<double> net;
    std::optional<double> years;
    const char* why;
  };
  const Case cases[] = {
      {{-100, 30, 50, 40}, 2.5, "C = -100, -70, -20, 20: crossing at t = 3, 2 + 20/40"},
      {{-100, 50, 50}, 2.0, "C = -100, -50, 0: exact hit at t = 2, 1 + 50/50"},
      {{-100, 100}, 1.0, "C = -100, 0: exact hit at t = 1"},
      {{-100, 60, -20, 100}, 2.6, "C = -100, -40, -60, 40: 2 + 60/100"},
      {{-100, 150, -200, 10}, 0.6666666666666667, "C = -100, 50, -150, -140: first crossing 0 + 100/150"},
      {{10, -50, 100}, 0.0, "C(0) = 10 >= 0: 0 even though C(1) = -40 dips later"},
      {{0, -5, 10}, 0.0, "C(0) = 0 >= 0: 0"},
      {{-100, 10, 10}, std::nullopt, "C = -100, -90, -80: never pays back"},
      {{-100, -10, 0}, std::nullopt, "costs only"},
      {{}, std::nullopt, "empty series"},
      {{-100, 0, 0, 200}, 2.5, "C = -100, -100, -100, 100: 2 + 100/200"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.why);
    const auto got = payback_years(c.net);
    REQUIRE(got.has_value() == c.years.has_value());
    if (c.years) CHECK(*got == doctest::Approx(*c.years).epsilon(1e-15));
  }
}

TEST_CASE("payback: discounted payback on the discounted series") {
  // net = -100, 60, 60 at 10 %: PV = -100, 60/1.1, 60/1.21; C = -100, -45.45..., +4.13...
  // payback = 1 + (100 - 60/1.1) / (60/1.21) = 1 + (500/11) / (6000/121) = 1 + 11/12.
  const std::vector<double> net{-100, 60, 60};
  const auto df = discount_factors(constant_schedule(0.10), 3);
  std::vector<double> pv;
  for (size_t t = 0; t < net.size(); ++t) pv.push_back(df[t] * net[t]);
  CHECK(*payback_years(pv) == doctest::Approx(1.0 + 11.0 / 12.0).epsilon(1e-14));
  // Undiscounted it pays back sooner: C = -100, -40, 20: 1 + 40/60.
  CHECK(*payback_years(net) == doctest::Approx(1.0 + 40.0 / 60.0).epsilon(1e-15));
}

TEST_CASE("payback: the result lies between t-1 and t of the crossing year") {
  // A property over many series: with C(t-1) < 0 <= C(t) the interpolation
  // stays within year t.
  for (int k = 1; k < 50; ++k) {
    const std::vector<double> net{-1000.0, 7.0 * k, 11.0 * k, 13.0 * k, 17.0 * k, 19.0 * k};
    const auto got = payback_years(net);
    double c = net[0];
    int crossing = -1;
    for (size_t t = 1; t < net.size() && crossing < 0; ++t) {
      if (c < 0 && c + net[t] >= 0) crossing = static_cast<int>(t);
      c += net[t];
    }
    CAPTURE(k);
    REQUIRE(got.has_value() == (crossing > 0));
    if (got) {
      CHECK(*got > crossing - 1);
      CHECK(*got <= crossing);
    }
  }
}
