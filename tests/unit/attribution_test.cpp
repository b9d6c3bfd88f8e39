// Tests for libeval/attribution: the Shapley value (L. S. Shapley, "A Value
// for n-Person Games", in Contributions to the Theory of Games II, 1953),
//   phi_i = sum over S not containing i of |S|! (n - |S| - 1)! / n! x (v(S + i) - v(S)),
// worked by hand below, and the sequential attribution.
#include "libeval/attribution.h"

#include <vector>

#include "support.h"

using namespace gevinst;

TEST_CASE("shapley_values: two players, worked by hand") {
  // NPV = patients x saving - 3000; patients 100 -> 150 (player 0), saving 50 -> 60 (player 1).
  // v(∅) = 100 x 50 - 3000 = 2000, v({p}) = 150 x 50 - 3000 = 4500,
  // v({s}) = 100 x 60 - 3000 = 3000, v({p, s}) = 150 x 60 - 3000 = 6000.
  // With n = 2 both weights are 1/2:
  //   phi_p = 1/2 (4500 - 2000) + 1/2 (6000 - 3000) = 1250 + 1500 = 2750
  //   phi_s = 1/2 (3000 - 2000) + 1/2 (6000 - 4500) =  500 +  750 = 1250
  // and 2750 + 1250 = 4000 = v({p, s}) - v(∅).
  std::vector<double> v = {2000, 4500, 3000, 6000};  // index = mask: bit 0 patients, bit 1 saving
  auto phi = shapley_values(v, 2);
  REQUIRE(phi.size() == 2);
  CHECK(phi[0] == doctest::Approx(2750));
  CHECK(phi[1] == doctest::Approx(1250));
}

TEST_CASE("shapley_values: three players, worked by hand") {
  // NPV = patients x saving - cost; patients 100 -> 120 (bit 0), saving 50 -> 60
  // (bit 1), cost 3000 -> 3600 (bit 2):
  //   v(∅) = 2000, v(p) = 3000, v(s) = 3000, v(p,s) = 4200,
  //   v(c) = 1400, v(p,c) = 2400, v(s,c) = 2400, v(p,s,c) = 3600.
  // Weights for n = 3: |S| = 0 -> 1/3, |S| = 1 -> 1/6, |S| = 2 -> 1/3.
  //   phi_p = 1/3 (3000 - 2000) + 1/6 (4200 - 3000) + 1/6 (2400 - 1400) + 1/3 (3600 - 2400)
  //         = 333.33 + 200 + 166.67 + 400 = 1100
  //   phi_s = 1100 by symmetry (p and s enter the product alike)
  //   phi_c = (1/3 + 1/6 + 1/6 + 1/3) x (-600) = -600 (cost is additive)
  // Sum 1100 + 1100 - 600 = 1600 = 3600 - 2000; the interaction 20 x 10 = 200
  // is split equally between patients and saving.
  std::vector<double> v = {2000, 3000, 3000, 4200, 1400, 2400, 2400, 3600};
  auto phi = shapley_values(v, 3);
  REQUIRE(phi.size() == 3);
  CHECK(phi[0] == doctest::Approx(1100));
  CHECK(phi[1] == doctest::Approx(1100));
  CHECK(phi[2] == doctest::Approx(-600));
}

TEST_CASE("shapley_values: a player that changes nothing gets exactly 0") {
  // Player 1 never changes v: every term v(S + 1) - v(S) is 0.
  std::vector<double> v = {5, 8.25, 5, 8.25};
  auto phi = shapley_values(v, 2);
  CHECK(phi[1] == 0.0);
  CHECK(phi[0] == 3.25);
}

TEST_CASE("shapley_values: the values sum to v(all) - v(none)") {
  // An arbitrary game of 12 players (the most `diff` attributes exactly).
  const int n = 12;
  std::vector<double> v(size_t{1} << n);
  for (size_t m = 0; m < v.size(); ++m) v[m] = static_cast<double>((m * 2654435761U) % 1000003) - 5e5;
  auto phi = shapley_values(v, n);
  double sum = 0;
  for (double x : phi) sum += x;
  CHECK(sum == doctest::Approx(v.back() - v.front()).epsilon(1e-12));
}

TEST_CASE("shapley_values: size mismatch is refused") {
  std::vector<double> v = {1, 2, 3};
  CHECK_THROWS(shapley_values(v, 2));
  CHECK(shapley_values(std::vector<double>{7}, 0).empty());
}

TEST_CASE("sequential_attribution: steps of the chain") {
  // chain: none applied 2000, first 3000, first two 4200, all 3600 (the
  // three-player game above in file order p, s, c): 1000, 1200, -600.
  std::vector<double> chain = {2000, 3000, 4200, 3600};
  auto a = sequential_attribution(chain);
  REQUIRE(a.size() == 3);
  CHECK(a[0] == 1000);
  CHECK(a[1] == 1200);
  CHECK(a[2] == -600);
}
