// Random numbers for Monte Carlo: reproducible whatever the number of threads.
//
// Design (docs/case-format.md, "Monte Carlo": "the same seed gives the same
// numbers whatever the number of threads"):
//
//   - The iterations of a run are cut into fixed blocks of rng_block_rows rows
//     (the last block may be shorter). Block b covers rows
//     [b * rng_block_rows, min((b + 1) * rng_block_rows, iterations)).
//   - Every (block b, parameter j) pair gets its own stream,
//     stream(seed, b, j), and draws that block's rows of parameter j from it
//     in row order. Nothing else reads that stream.
//   - So a draw depends only on (seed, b, j, row within the block): the result
//     is bit-identical for any thread count and any order in which threads
//     pick up blocks. Block size is part of the contract: changing it changes
//     the numbers.
//
// The generator is xoshiro256++ (Blackman and Vigna 2019; period 2^256 - 1,
// passes BigCrush and PractRand). A stream's 256-bit state is the SplitMix64
// expansion (how the xoshiro authors recommend seeding) of a 64-bit key
//   key = mix64(mix64(seed + g) ^ (block * 2^32 + param)),
// where mix64, the SplitMix64 finaliser, is a bijection with full avalanche.
// For block and param below 2^32 (4e12 iterations, 4e9 parameters) distinct
// pairs of one run therefore get distinct keys and distinct states, and the
// chance that two of a run's streams (each a few thousand draws long) overlap
// in the 2^256 cycle is of order 2^-200, which is neglected.
//
// Correlated parameters (copula.h) follow the same rule: the standard normals
// of correlated parameter j in block b come from stream(seed, b, j) via
// fill_normal, before correlate_block mixes them. Parameter numbers must not
// depend on threads (e.g. the order of parameters in the case file).
//
//   Rng r = stream(42, 0, 3);   // block 0 of parameter 3, seed 42
//   double u = r.uniform();     // in (0, 1), never 0 or 1
//   double z = r.normal();      // standard normal
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace gevinst {

/// Rows per block of a Monte Carlo run (see the design note above). Fixed:
/// changing it changes every simulated number.
inline constexpr std::size_t rng_block_rows = 1024;

/// SplitMix64 finaliser (Steele, Lea and Flood 2014; constants of Stafford's
/// "Mix13"): a bijection on 64-bit words in which every input bit affects
/// every output bit.
///   z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
///   z = (z ^ (z >> 27)) * 0x94d049bb133111eb
///   z =  z ^ (z >> 31)
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// SplitMix64 generator step: advances `state` by the golden-ratio increment
/// 0x9e3779b97f4a7c15 and returns mix64 of the new state.
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  return mix64(state);
}

namespace detail {
/// Four splitmix64 outputs from `key`: a valid (never all-zero) xoshiro state.
constexpr std::array<std::uint64_t, 4> expand_key(std::uint64_t key) {
  std::array<std::uint64_t, 4> s{};
  for (auto& word : s) word = splitmix64(key);
  return s;
}
}  // namespace detail

/// xoshiro256++ generator. The state must not be all zero (stream() never
/// produces such a state; a default-constructed Rng holds expand_key(0), a
/// valid fixed state, but Monte Carlo code should take its Rng from stream()).
/// Copying an Rng copies its position in the stream.
struct Rng {
  std::array<std::uint64_t, 4> s = detail::expand_key(0);

  /// Next 64 random bits.
  ///   result = rotl(s0 + s3, 23) + s0, then the xoshiro256 state transition.
  std::uint64_t next() {
    const std::uint64_t result = rotl(s[0] + s[3], 23) + s[0];
    const std::uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }

  /// Uniform on the open interval (0, 1) with 53 random bits: k * 2^-53 for
  /// k uniform on 1 .. 2^53 - 1 (k = 0 is redrawn, probability 2^-53).
  /// Never returns 0 or 1, so log(u) and log(1 - u) are always finite.
  double uniform() {
    std::uint64_t k;
    do {
      k = next() >> 11;
    } while (k == 0);
    return static_cast<double>(k) * 0x1.0p-53;
  }

  /// Standard normal N(0, 1) by the 256-layer ziggurat (Marsaglia and Tsang
  /// 2000) with independent bits for layer, sign and abscissa, and Marsaglia's
  /// exact exponential method for the tail beyond 3.654.
  double normal();

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
};

/// The stream for block `block` of parameter `param` in a run with `seed`:
///   key = mix64(mix64(seed + g) ^ ((block << 32) | param))   (g = 0x9e3779b97f4a7c15)
///   s[0..3] = four successive splitmix64(key) outputs (detail::expand_key).
/// The same arguments always give the same stream; block and param are meant
/// to be below 2^32 (larger values still work but may share keys).
Rng stream(std::uint64_t seed, std::uint64_t block, std::uint64_t param);

/// out[i] = rng.uniform() for i in [0, n), in order.
void fill_uniform(Rng& rng, double* out, std::size_t n);

/// out[i] = rng.normal() for i in [0, n), in order (same values as n calls).
void fill_normal(Rng& rng, double* out, std::size_t n);

}  // namespace gevinst
