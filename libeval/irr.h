// Internal rate of return of an undiscounted yearly net series
// (docs/case-format.md, "IRR").
//
//   double flows[] = {-100, 60, 60};
//   irr(flows).rate                   // 0.1306623863...
//   double two[] = {-100, 230, -132};
//   irr(two).note.text()              // "no unique IRR: ... at 2 rates (10.0 %, 20.0 %) ..."
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "libeval/phrase.h"

namespace gevinst {

/// The search interval for IRR roots: rates in (irr_min_rate, irr_max_rate).
inline constexpr double irr_min_rate = -0.99;
inline constexpr double irr_max_rate = 10.0;

/// Result of irr(): `rate` (a fraction per year, 0.05 = 5 %) when exactly one
/// root lies in the search interval. Otherwise rate is nullopt and `note` says
/// why in domain words (a phrase: note.text() is the English sentence; its
/// pattern is empty when there is an IRR). `roots` lists every root found
/// (ascending).
struct IrrResult {
  std::optional<double> rate;
  Phrase note;  ///< empty pattern when a unique IRR exists
  /// With one sign change but no root in the interval: +1 when the IRR lies
  /// above it (a tiny outlay repaid at once), -1 below it; 0 otherwise.
  int outside = 0;
  std::vector<double> roots;
};

/// NPV of `net` (index t = year index) at a constant `rate`:
///   net[0] + sum_{t>=1} net[t] / (1 + rate)^t
/// i.e. the spreadsheet CF0 + NPV(rate; CF1..CFn). rate > -1.
double npv_at_rate(std::span<const double> net, double rate);

/// The rate r with sum_t net[t] / (1+r)^t = 0, searched in (-0.99, 10).
/// Counts sign changes first (zero flows skipped): none -> no IRR; exactly
/// one -> at most one root with r > -1 (Descartes' rule of signs), found by
/// bisection over the whole interval. Otherwise brackets every root by
/// scanning the sign of the NPV on a grid in log(1+r) (6000 steps of about
/// 0.0012) and refines each by bisection to 1e-13 in r. One root -> rate;
/// none or several -> nullopt with a note, e.g.
///   "no IRR: the net cash flow never turns positive (costs exceed benefits every year)"
///   "no unique IRR: the net cash flow changes sign 2 times and NPV is zero at
///    2 rates (10.0 %, 20.0 %) in (-99 %, 1000 %)"
/// Between grid points of one sign, every local minimum of |NPV| is refined,
/// so a root where the NPV only touches zero (even multiplicity) and two roots
/// closer than the grid step are found too.
IrrResult irr(std::span<const double> net);

/// Number of sign changes in `net`, zero entries skipped.
int sign_changes(std::span<const double> net);

}  // namespace gevinst
