#include "libeval/rng.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

#include "libeval/special_functions.h"
#include "support.h"

using namespace gevinst;

namespace {

std::vector<std::uint64_t> first_words(Rng rng, int n) {
  std::vector<std::uint64_t> out;
  out.reserve(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out.push_back(rng.next());
  return out;
}

}  // namespace

TEST_CASE("rng: splitmix64 reference sequence") {
  // SplitMix64 from state 1234567: the published test sequence (Rosetta Code,
  // "Pseudo-random numbers/Splitmix64"), also recomputed in Python.
  std::uint64_t state = 1234567;
  const std::uint64_t expected[] = {6457827717110365317ULL, 3203168211198807973ULL, 9817491932198370423ULL,
                                    4593380528125082431ULL, 16408922859458223821ULL};
  for (std::uint64_t e : expected) CHECK(splitmix64(state) == e);
}

TEST_CASE("rng: xoshiro256++ reference sequence") {
  // State {1, 2, 3, 4}: first output rotl(1 + 4, 23) + 1 = 41943041 by hand;
  // the rest from a Python transcription of Blackman and Vigna's reference
  // xoshiro256plusplus.c.
  const Rng rng{{1, 2, 3, 4}};
  const std::vector<std::uint64_t> expected = {41943041ULL, 58720359ULL, 3588806011781223ULL,
                                               3591011842654386ULL, 9228616714210784205ULL};
  CHECK(first_words(rng, 5) == expected);
}

TEST_CASE("rng: a default-constructed Rng has a valid state") {
  // An all-zero xoshiro state would return 0 forever (and uniform() would spin).
  Rng r;
  CHECK(r.s == detail::expand_key(0));
  CHECK(r.next() != 0);
  const double u = r.uniform();
  CHECK((u > 0 && u < 1));
}

TEST_CASE("rng: stream seeding follows the documented key derivation") {
  // Expected words from a Python transcription of the formula in rng.h
  // (key = mix64(mix64(seed + g) ^ (block << 32 | param)), then four splitmix64
  // outputs), not from this code.
  CHECK(first_words(stream(42, 0, 0), 3) ==
        std::vector<std::uint64_t>{16917435633991974622ULL, 2895953342373275716ULL, 13009514374660393283ULL});
  CHECK(first_words(stream(42, 7, 3), 3) ==
        std::vector<std::uint64_t>{16930948451700700435ULL, 6345413237757747507ULL, 14515087006188531480ULL});
  // uniform() of the first word 16930948451700700435: (w >> 11) * 2^-53
  Rng r = stream(42, 7, 3);
  CHECK(r.uniform() == 0.9178285546786993);
}

TEST_CASE("rng: same (seed, block, param) gives the same stream") {
  CHECK(first_words(stream(7, 3, 2), 1000) == first_words(stream(7, 3, 2), 1000));
  Rng a = stream(7, 3, 2), b = stream(7, 3, 2);
  std::vector<double> na(1000), nb(1000);
  fill_normal(a, na.data(), na.size());
  for (double& v : nb) v = b.normal();  // one at a time gives the same values as the block fill
  CHECK(na == nb);
}

TEST_CASE("rng: different seeds, blocks and params give unrelated streams") {
  // No 64-bit word of one stream's first 4096 appears in another's; for
  // independent streams the chance of any shared word is about 2^-38.
  const std::vector<Rng> streams = {stream(1, 0, 0), stream(1, 1, 0), stream(1, 0, 1),
                                    stream(2, 0, 0), stream(1, 1, 1), stream(0, 0, 0)};
  std::set<std::uint64_t> seen;
  size_t total = 0;
  for (const Rng& s : streams) {
    for (std::uint64_t w : first_words(s, 4096)) seen.insert(w);
    total += 4096;
  }
  CHECK(seen.size() == total);
}

TEST_CASE("rng: every (block, param) of a run starts a different stream") {
  // 1024 blocks (a million rows) x 64 parameters; the keys are distinct by
  // construction, so equal first words would mean a broken derivation.
  std::set<std::uint64_t> first;
  for (std::uint64_t b = 0; b < 1024; ++b) {
    for (std::uint64_t j = 0; j < 64; ++j) first.insert(stream(3, b, j).next());
  }
  CHECK(first.size() == 1024 * 64);
}

TEST_CASE("rng: blocks are independent of the order they are evaluated in") {
  // What a multi-threaded run relies on: block b of param j is the same
  // whether blocks are drawn in order, in reverse, or interleaved.
  const int blocks = 8, params = 3;
  const size_t cells = static_cast<size_t>(blocks) * params;
  std::vector<std::vector<double>> forward(cells), backward(cells);
  for (int b = 0; b < blocks; ++b) {
    for (int j = 0; j < params; ++j) {
      Rng r = stream(99, b, j);
      forward[b * params + j].resize(rng_block_rows);
      fill_normal(r, forward[b * params + j].data(), rng_block_rows);
    }
  }
  for (int j = params - 1; j >= 0; --j) {
    for (int b = blocks - 1; b >= 0; --b) {
      Rng r = stream(99, b, j);
      backward[b * params + j].resize(rng_block_rows);
      fill_normal(r, backward[b * params + j].data(), rng_block_rows);
    }
  }
  CHECK(forward == backward);
  CHECK(forward[0] != forward[1]);       // params differ
  CHECK(forward[0] != forward[params]);  // blocks differ
}

TEST_CASE("rng: uniform is in the open interval with mean 1/2 and variance 1/12") {
  // Closed forms for U(0, 1); 10^6 draws, tolerance 5 standard errors
  // (se of the mean sqrt(1/12 / n) = 2.9e-4; of the variance sqrt(1/180 / n) = 7.5e-5).
  Rng r = stream(2024, 0, 0);
  const int n = 1'000'000;
  double sum = 0, sum2 = 0, lo = 1, hi = 0;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    sum += u;
    sum2 += u * u;
    lo = std::min(lo, u);
    hi = std::max(hi, u);
  }
  const double m = sum / n, var = sum2 / n - m * m;
  CHECK(lo > 0);
  CHECK(hi < 1);
  CHECK(std::fabs(m - 0.5) < 5 * 2.9e-4);
  CHECK(std::fabs(var - 1.0 / 12) < 5 * 7.5e-5);
}

TEST_CASE("rng: normal matches N(0, 1) in moments and a chi-square test") {
  // Raw moments of N(0, 1): E z = 0, E z^2 = 1, E z^3 = 0, E z^4 = 3. The
  // standard error of the mean of z^k over n = 10^6 draws is sqrt(Var z^k / n):
  // Var z = 1, Var z^2 = 3 - 1 = 2, Var z^3 = E z^6 = 15, Var z^4 = 105 - 9 = 96
  // (E z^(2j) = (2j - 1)!!), so 1e-3, 1.41e-3, 3.87e-3, 9.8e-3; tolerance 5 se.
  // Chi-square over 100 equiprobable bins of Phi(z) (Phi from erfc, not from the
  // sampler): df 99, 0.999 critical value 148.23 (R: qchisq(0.999, 99)).
  Rng r = stream(2024, 0, 1);
  const int n = 1'000'000, bins = 100;
  std::vector<double> z(n);
  fill_normal(r, z.data(), z.size());
  double s1 = 0, s2 = 0, s3 = 0, s4 = 0;
  std::vector<int> count(bins, 0);
  for (double v : z) {
    s1 += v;
    s2 += v * v;
    s3 += v * v * v;
    s4 += v * v * v * v;
    count[std::min(bins - 1, static_cast<int>(normal_cdf(v) * bins))]++;
  }
  CHECK(std::fabs(s1 / n) < 5 * 1e-3);
  CHECK(std::fabs(s2 / n - 1) < 5 * 1.41e-3);
  CHECK(std::fabs(s3 / n) < 5 * 3.87e-3);
  CHECK(std::fabs(s4 / n - 3) < 5 * 9.8e-3);
  double chi2 = 0;
  const double expected = static_cast<double>(n) / bins;
  for (int c : count) chi2 += (c - expected) * (c - expected) / expected;
  CHECK(chi2 < 148.23);
}

TEST_CASE("rng: normal tail beyond the ziggurat base follows the normal tail") {
  // |Z| > r = 3.6541528853610088 comes from the ziggurat's tail algorithm.
  // P(|Z| > r) = 2 (1 - Phi(r)) = 2.58032e-4 (R: 2 * pnorm(-3.6541528853610088));
  // with 10^7 draws the count is 2580 +- 51. Given |Z| > r, E|Z| is the
  // inverse Mills ratio phi(r) / (1 - Phi(r)) = 3.8970 (R: dnorm(r) / pnorm(-r)),
  // and the conditional sd is 0.231 (numerical integration in R), so the mean
  // of ~2580 has se 0.0046.
  const double r = 3.6541528853610088;
  Rng rng = stream(5, 0, 0);
  const int n = 10'000'000;
  int count = 0;
  double sum = 0;
  for (int i = 0; i < n; ++i) {
    const double z = std::fabs(rng.normal());
    if (z > r) {
      ++count;
      sum += z;
    }
  }
  CHECK(std::fabs(count - 2580.3) < 5 * 51);
  CHECK(std::fabs(sum / count - 3.8970) < 5 * 0.0046);
}
