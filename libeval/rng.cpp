#include "libeval/rng.h"

#include <cmath>

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
  double f[zig_layers + 1];  // f[i] = exp(-x[i]^2 / 2)
  ZigguratTables() {
    const double fr = std::exp(-0.5 * zig_r * zig_r);
    x[0] = zig_v / fr;
    x[1] = zig_r;
    for (int i = 1; i < zig_layers - 1; ++i) x[i + 1] = std::sqrt(-2.0 * std::log(zig_v / x[i] + std::exp(-0.5 * x[i] * x[i])));
    x[zig_layers] = 0.0;
    for (int i = 0; i <= zig_layers; ++i) f[i] = std::exp(-0.5 * x[i] * x[i]);  // f[0] is unused
  }
};

const ZigguratTables& zig() {
  static const ZigguratTables tables;
  return tables;
}

// One standard normal. Bits of one 64-bit word: 0..7 layer, 8 sign,
// 11..63 the abscissa (53 bits), so the three are independent.
inline double ziggurat_normal(Rng& rng, const ZigguratTables& t) {
  for (;;) {
    const std::uint64_t bits = rng.next();
    const int i = static_cast<int>(bits & 0xff);
    const double sign = (bits & 0x100) ? -1.0 : 1.0;
    const double u = static_cast<double>(bits >> 11) * 0x1.0p-53;  // [0, 1)
    const double x = u * t.x[i];
    if (x < t.x[i + 1]) return sign * x;  // inside the part of the layer under the curve
    if (i == 0) {
      // Tail beyond r (Marsaglia 1964): a = -ln(u1) / r, b = -ln(u2);
      // accept when 2b > a^2; the draw is r + a.
      double a, b;
      do {
        a = -std::log(rng.uniform()) / zig_r;
        b = -std::log(rng.uniform());
      } while (b + b < a * a);
      return sign * (zig_r + a);
    }
    // Wedge: accept when a uniform height in [f(x[i]), f(x[i + 1])] lies below f(x).
    const double y = t.f[i] + rng.uniform() * (t.f[i + 1] - t.f[i]);
    if (y < std::exp(-0.5 * x * x)) return sign * x;
  }
}

}  // namespace

double Rng::normal() { return ziggurat_normal(*this, zig()); }

Rng stream(std::uint64_t seed, std::uint64_t block, std::uint64_t param) {
  std::uint64_t key = mix64(seed + golden);
  key = mix64(key ^ mix64(block + 2 * golden));
  key = mix64(key ^ mix64(param + 3 * golden));
  Rng rng;
  for (auto& word : rng.s) word = splitmix64(key);
  return rng;
}

void fill_uniform(Rng& rng, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = rng.uniform();
}

void fill_normal(Rng& rng, double* out, std::size_t n) {
  const ZigguratTables& t = zig();
  for (std::size_t i = 0; i < n; ++i) out[i] = ziggurat_normal(rng, t);
}

}  // namespace gevinst
