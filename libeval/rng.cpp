#include "libeval/rng.h"

#include <bit>
#include <cmath>
#include <limits>

namespace gevinst {

namespace {

constexpr std::uint64_t golden = 0x9e3779b97f4a7c15ULL;

// Ziggurat for the standard normal (Marsaglia and Tsang 2000, "The ziggurat
// method for generating random variables", J. Stat. Softw. 5(8)), 256 layers
// of equal area v under f(x) = exp(-x^2 / 2) (unnormalised) on x >= 0.
//   r = 3.6541528853610088 (right edge of the base layer), v = 4.92867323399e-3
//   x[0] = v / f(r)   (width of the base layer: a rectangle [0, r] x [0, f(r)]
//                      plus the tail beyond r, stretched to area v)
//   x[1] = r,  x[i + 1] = sqrt(-2 ln(v / x[i] + f(x[i]))),  x[256] = 0
// Layer i >= 1 is the rectangle [0, x[i]] x [f(x[i]), f(x[i + 1])].
constexpr int zig_layers = 256;
constexpr double zig_r = 3.6541528853610088;
constexpr double zig_v = 4.92867323399e-3;

struct ZigguratTables {
  double x[zig_layers + 1];
  double f[zig_layers + 1];     // f[i] = exp(-x[i]^2 / 2); f[0] is unused
  double w[zig_layers];         // w[i] = x[i] 2^-53: abscissa per unit of the 53-bit integer
  std::uint64_t k[zig_layers];  // k[i] = floor(2^53 x[i + 1] / x[i]): integers below are inside the curve
  ZigguratTables() {
    const double fr = std::exp(-0.5 * zig_r * zig_r);
    x[0] = zig_v / fr;
    x[1] = zig_r;
    for (int i = 1; i < zig_layers - 1; ++i)
      x[i + 1] = std::sqrt(-2.0 * std::log(zig_v / x[i] + std::exp(-0.5 * x[i] * x[i])));
    x[zig_layers] = 0.0;
    for (int i = 0; i <= zig_layers; ++i) f[i] = std::exp(-0.5 * x[i] * x[i]);
    for (int i = 0; i < zig_layers; ++i) {
      w[i] = x[i] * 0x1.0p-53;
      k[i] = static_cast<std::uint64_t>(x[i + 1] / x[i] * 0x1.0p53);
    }
  }
};

const ZigguratTables& zig() {
  static const ZigguratTables tables;
  return tables;
}

// Sets the sign bit of |x| from bit 8 of `bits`.
inline double with_sign(double x, std::uint64_t bits) {
  return std::bit_cast<double>(std::bit_cast<std::uint64_t>(x) | ((bits & 0x100) << 55));
}

// The rare cases (about 1.2% of draws): the wedge of layer i >= 1 or the tail.
[[gnu::noinline]] double ziggurat_slow(Rng& rng, const ZigguratTables& t, std::uint64_t bits, double x) {
  const int i = static_cast<int>(bits & 0xff);
  if (i == 0) {
    // Tail beyond r (Marsaglia 1964): a = -ln(u1) / r, b = -ln(u2);
    // accept when 2b > a^2; the draw is r + a.
    double a, b;
    do {
      a = -std::log(rng.uniform()) / zig_r;
      b = -std::log(rng.uniform());
    } while (b + b < a * a);
    return with_sign(zig_r + a, bits);
  }
  // Wedge: accept when a uniform height in [f(x[i]), f(x[i + 1])] lies below f(x).
  const double y = t.f[i] + rng.uniform() * (t.f[i + 1] - t.f[i]);
  if (y < std::exp(-0.5 * x * x)) return with_sign(x, bits);
  return std::numeric_limits<double>::quiet_NaN();  // rejected: draw again
}

// One standard normal. Bits of one 64-bit word: 0..7 layer i, 8 sign,
// 11..63 the abscissa m (53 bits), so the three are independent. The point
// x = m 2^-53 x[i] lies inside the curve when x < x[i + 1], i.e. m < k[i].
inline double ziggurat_normal(Rng& rng, const ZigguratTables& t) {
  for (;;) {
    const std::uint64_t bits = rng.next();
    const unsigned i = bits & 0xff;
    const std::uint64_t m = bits >> 11;
    const double x = static_cast<double>(static_cast<std::int64_t>(m)) * t.w[i];
    if (m < t.k[i]) [[likely]]
      return with_sign(x, bits);
    const double slow = ziggurat_slow(rng, t, bits, x);
    if (slow == slow) return slow;  // not NaN: accepted
  }
}

}  // namespace

double Rng::normal() { return ziggurat_normal(*this, zig()); }

Rng stream(std::uint64_t seed, std::uint64_t block, std::uint64_t param) {
  const std::uint64_t key = mix64(mix64(seed + golden) ^ ((block << 32) | param));
  return Rng{detail::expand_key(key)};
}

void fill_uniform(Rng& rng, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = rng.uniform();
}

void fill_normal(Rng& rng, double* out, std::size_t n) {
  const ZigguratTables& t = zig();
  for (std::size_t i = 0; i < n; ++i) out[i] = ziggurat_normal(rng, t);
}

}  // namespace gevinst
