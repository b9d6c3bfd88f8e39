#include "libeval/irr.h"

#include <algorithm>
#include <cmath>

namespace gevinst {

double npv_at_rate(std::span<const double> net, double rate) {
  // CF0 + sum CF_t / (1+r)^t, accumulated with the running factor v^t, v = 1/(1+r).
  const double v = 1.0 / (1.0 + rate);
  double f = 1.0;
  double sum = 0.0;
  for (double cf : net) {
    sum += cf * f;
    f *= v;
  }
  return sum;
}

int sign_changes(std::span<const double> net) {
  int changes = 0;
  int last = 0;
  for (double cf : net) {
    int s = cf > 0 ? 1 : cf < 0 ? -1 : 0;
    if (s == 0) continue;
    if (last != 0 && s != last) ++changes;
    last = s;
  }
  return changes;
}

namespace {

// A function with the sign of NPV(r) that neither overflows nor underflows
// for long series: for r >= 0 it is the NPV itself (powers of 1/(1+r) <= 1);
// for r < 0 it is NPV(r) * (1+r)^n = sum net[t] (1+r)^(n-t), a positive
// multiple with powers of (1+r) < 1. Only its sign is used.
int npv_sign(std::span<const double> net, double rate) {
  double value = 0.0;
  if (rate >= 0.0) {
    value = npv_at_rate(net, rate);
  } else {
    // Horner in (1+r): ((net0*(1+r) + net1)*(1+r) + net2)...
    const double g = 1.0 + rate;
    for (double cf : net) value = value * g + cf;
  }
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}

// NPV(r) and the sum of |net[t]| at the same weights, computed like
// npv_sign (the same operations in the same order, so the value's sign is
// npv_sign's). value / scale is in [-1, 1]: how close to zero the NPV is
// relative to the flows.
struct WeightedNpv {
  double value = 0.0, scale = 0.0;
  int sign() const { return value > 0 ? 1 : value < 0 ? -1 : 0; }
  double scaled() const { return scale > 0 ? value / scale : 0.0; }
};

WeightedNpv weighted_npv(std::span<const double> net, double rate) {
  WeightedNpv out;
  if (rate >= 0.0) {
    const double v = 1.0 / (1.0 + rate);
    double w = 1.0;
    for (double cf : net) {
      out.value += cf * w;
      out.scale += std::fabs(cf) * w;
      w *= v;
    }
  } else {
    const double g = 1.0 + rate;
    for (double cf : net) {
      out.value = out.value * g + cf;
      out.scale = out.scale * g + std::fabs(cf);
    }
  }
  return out;
}

double scaled_npv(std::span<const double> net, double rate) { return weighted_npv(net, rate).scaled(); }

// The roots as a list of percentages, "10.0 %, 20.0 %", each a field of a
// phrase so that a reader's locale writes its decimals.
Phrase irr_rate_list(const std::vector<double>& roots) {
  Phrase list = phrase("{} %", {arg::fixed(roots.front() * 100.0, 1)});
  for (size_t i = 1; i < roots.size(); ++i)
    list = phrase("{}, {} %", {arg::phrase(std::move(list)), arg::fixed(roots[i] * 100.0, 1)});
  return list;
}

// Bisection on the sign of the NPV between lo and hi, where the sign at lo is
// sign_lo and the sign at hi differs; stops at a width of 1e-13.
double bisect(std::span<const double> net, double lo, double hi, int sign_lo) {
  for (int it = 0; it < 200 && hi - lo > 1e-13; ++it) {
    const double mid = 0.5 * (lo + hi);
    const int sm = npv_sign(net, mid);
    if (sm == 0) return mid;
    if (sm == sign_lo)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

// The scan grid: rates evenly spaced in x = log(1+r) from log(0.01) to
// log(11). x = 0 (r = 0) is a grid point so that a root at r = 0 that only
// touches zero is still found. The same for every series, so built once.
const std::vector<double>& scan_grid() {
  static const std::vector<double> grid = [] {
    const double x_lo = std::log1p(irr_min_rate);
    const double x_hi = std::log1p(irr_max_rate);
    constexpr int steps_below = 4000;  // x in [log 0.01, 0], step ~ 1.2e-3
    constexpr int steps_above = 2000;  // x in [0, log 11], step ~ 1.2e-3
    std::vector<double> g;
    g.reserve(steps_below + steps_above + 1);
    for (int k = 0; k < steps_below; ++k) g.push_back(std::expm1(x_lo + (0.0 - x_lo) * k / steps_below));
    for (int k = 0; k <= steps_above; ++k) g.push_back(std::expm1(x_hi * k / steps_above));
    return g;
  }();
  return grid;
}

// Every root in the open interval: the sign of the NPV on the scan grid,
// each sign change refined by bisection.
void scan_roots(std::span<const double> net, std::vector<double>& roots) {
  const std::vector<double>& grid = scan_grid();
  // One pass gives each grid point's sign and its scaled NPV (used below).
  std::vector<int> sign(grid.size());
  std::vector<double> rel(grid.size());
  for (size_t k = 0; k < grid.size(); ++k) {
    const WeightedNpv w = weighted_npv(net, grid[k]);
    sign[k] = w.sign();
    rel[k] = w.scaled();
  }

  // Open interval: the end points themselves are not roots.
  int prev = sign.front();
  for (size_t k = 1; k < grid.size(); ++k) {
    const double r = grid[k];
    const int s = sign[k];
    if (s == 0 && k + 1 < grid.size()) {
      roots.push_back(r);
    } else if (s != 0 && prev != 0 && s != prev) {
      roots.push_back(bisect(net, grid[k - 1], r, prev));
    }
    prev = s;  // after an exact zero at a grid point, the next sign starts afresh
  }

  // Between two grid points of the same sign the NPV can dip to zero and back:
  // a root of even multiplicity (-100, 220, -121 = -(11v - 10)^2 at r = 10 %)
  // or two roots closer than the grid step. At every local minimum of |NPV|
  // (scaled by the flows) the signed value s x NPV, s the sign around it, is
  // minimised by golden-section search: a minimum below zero holds two roots,
  // found by bisection on either side; one that is zero to rounding is a
  // touching root.
  for (size_t k = 1; k + 1 < grid.size(); ++k) {
    const double lo = grid[k - 1], hi = grid[k + 1];
    const bool same_sign =
        (rel[k - 1] > 0 && rel[k] > 0 && rel[k + 1] > 0) || (rel[k - 1] < 0 && rel[k] < 0 && rel[k + 1] < 0);
    if (!same_sign ||
        !(std::fabs(rel[k]) <= std::fabs(rel[k - 1]) && std::fabs(rel[k]) < std::fabs(rel[k + 1])) ||
        std::fabs(rel[k]) > 1e-4)
      continue;
    const double s = rel[k] > 0 ? 1.0 : -1.0;
    auto g = [&](double r) { return s * scaled_npv(net, r); };
    double a = lo, b = hi;
    const double phi = 0.5 * (std::sqrt(5.0) - 1.0);
    double c = b - phi * (b - a), d = a + phi * (b - a);
    for (int it = 0; it < 200 && b - a > 1e-15 * std::max(1.0, std::fabs(a)); ++it) {
      if (g(c) < g(d))
        b = d;
      else
        a = c;
      c = b - phi * (b - a);
      d = a + phi * (b - a);
    }
    const double m = 0.5 * (a + b);
    std::vector<double> found;
    if (g(m) < -1e-12) {
      const int sign_lo = s > 0 ? 1 : -1;
      found = {bisect(net, lo, m, sign_lo), bisect(net, m, hi, -sign_lo)};
    } else if (g(m) <= 1e-12) {
      found = {m};
    }
    for (double x : found)
      if (std::none_of(roots.begin(), roots.end(), [&](double y) { return std::fabs(x - y) < 1e-9; }))
        roots.push_back(x);
  }
  std::sort(roots.begin(), roots.end());
}

}  // namespace

IrrResult irr(std::span<const double> net) {
  IrrResult result;
  bool any_positive = false;
  bool any_negative = false;
  for (double cf : net) {
    any_positive = any_positive || cf > 0;
    any_negative = any_negative || cf < 0;
  }
  if (!any_positive && !any_negative) {
    result.note = phrase("no IRR: the net cash flow is zero in every year");
    return result;
  }
  if (!any_positive) {
    result.note = phrase("no IRR: the net cash flow never turns positive (costs exceed benefits every year)");
    return result;
  }
  if (!any_negative) {
    result.note = phrase(
        "no IRR: the net cash flow is never negative (benefits cover the costs in every year), so no "
        "discount rate makes NPV zero");
    return result;
  }
  const int changes = sign_changes(net);

  if (changes == 1) {
    // Descartes' rule of signs in v = 1/(1+r): one sign change means exactly one
    // root with r > -1, so the ends of the interval decide whether it lies inside.
    const int s_lo = npv_sign(net, irr_min_rate);
    const int s_hi = npv_sign(net, irr_max_rate);
    if (s_lo != 0 && s_hi != 0 && s_lo != s_hi)
      result.roots.push_back(bisect(net, irr_min_rate, irr_max_rate, s_lo));
  } else {
    scan_roots(net, result.roots);
  }

  if (result.roots.size() == 1) {
    result.rate = result.roots.front();
    return result;
  }
  const PhraseArg range = arg::phrase(
      phrase("in ({} %, {} %)", {arg::fixed(irr_min_rate * 100.0, 0), arg::fixed(irr_max_rate * 100.0, 0)}));
  if (result.roots.empty() && changes == 1) {
    // One root exists with r > -1 (Descartes); say on which side of the
    // interval it lies. Near r = -1 the last flows dominate, at large r the first.
    double first = 0, last = 0;
    for (double cf : net)
      if (cf != 0) {
        if (first == 0) first = cf;
        last = cf;
      }
    const int s_hi = npv_sign(net, irr_max_rate);
    if (s_hi != 0 && (s_hi > 0) == (last > 0)) {
      result.note = phrase(
          "no IRR {}: the IRR lies above {} %, because the first years' outlay is small "
          "against the gains that follow",
          {range, arg::fixed(irr_max_rate * 100.0, 0)});
      result.outside = 1;
      return result;
    }
    if ((npv_sign(net, irr_min_rate) > 0) == (first > 0)) {
      result.note = phrase(
          "no IRR {}: the IRR lies below {} %, because the later flows return almost "
          "nothing of the first",
          {range, arg::fixed(irr_min_rate * 100.0, 0)});
      result.outside = -1;
      return result;
    }
  }
  const PhraseArg times = arg::fixed(changes, 0);
  if (result.roots.empty()) {
    result.note =
        changes == 1
            ? phrase("no IRR: the net cash flow changes sign {} time but NPV is not zero at any rate {}",
                     {times, range})
            : phrase("no IRR: the net cash flow changes sign {} times but NPV is not zero at any rate {}",
                     {times, range});
    return result;
  }
  const PhraseArg count = arg::fixed(static_cast<double>(result.roots.size()), 0);
  const PhraseArg rates = arg::phrase(irr_rate_list(result.roots));
  result.note =
      changes == 1
          ? phrase(
                "no unique IRR: the net cash flow changes sign {} time and NPV is zero at {} rates ({}) {}",
                {times, count, rates, range})
          : phrase(
                "no unique IRR: the net cash flow changes sign {} times and NPV is zero at {} rates ({}) {}",
                {times, count, rates, range});
  return result;
}

}  // namespace gevinst
