// Break-even (switching) values (docs/case-format.md, "Sensitivity"): where
// a result of the case reaches its target as one parameter moves, the others
// held. The bracket comes from the parameter's own evidence (its value, case
// value, low/high, distribution) and the ranges of the fields it feeds.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "libeval/parameters.h"
#include "libeval/sensitivity.h"

namespace gevinst {

namespace {

Phrase metric_name(Metric m) {
  switch (m) {
    case Metric::npv: return phrase("NPV");
    case Metric::fte: return phrase("FTE");
    case Metric::sroi: break;
  }
  return phrase("the SROI ratio");
}

// Brent's method (Brent 1973, "Algorithms for minimization without
// derivatives", ch. 4) on a bracket [a, b] with f(a) f(b) <= 0.
template <class F>
double brent(F f, double a, double b, double fa, double fb, double ftol) {
  double c = a, fc = fa, d = b - a, e = d;
  for (int iter = 0; iter < 200; ++iter) {
    if ((fb > 0) == (fc > 0)) {
      c = a;
      fc = fa;
      d = e = b - a;
    }
    if (std::fabs(fc) < std::fabs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    double tol = 2 * 1e-15 * std::fabs(b) + 1e-300;
    double m = 0.5 * (c - b);
    if (std::fabs(m) <= tol || std::fabs(fb) <= ftol) return b;
    if (std::fabs(e) >= tol && std::fabs(fa) > std::fabs(fb)) {
      double s = fb / fa, p, q;
      if (a == c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        double qq = fa / fc, r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0)
        q = -q;
      else
        p = -p;
      if (2 * p < std::min(3 * m * q - std::fabs(tol * q), std::fabs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = d;
      }
    } else {
      d = m;
      e = d;
    }
    a = b;
    fa = fb;
    b += std::fabs(d) > tol ? d : (m > 0 ? tol : -tol);
    fb = f(b);
  }
  return b;
}

// Six significant digits, without an exponent for figures up to 1e15.
PhraseArg break_even_number(double v) {
  if (std::fabs(v) >= 1e6 && std::fabs(v) < 1e15) return arg::fixed(v, 0);
  return arg::general(v);
}

}  // namespace

SearchDomain search_domain(const Case& c, int index, const std::vector<double>& values) {
  SearchDomain d;
  const Parameter& par = c.parameters[static_cast<size_t>(index)];
  auto evidence = [&](double v) {
    if (std::isfinite(v)) d.evidence.push_back(v);
  };
  evidence(values[static_cast<size_t>(index)]);
  // The case's own value (without scenario, --set or unit overrides) is
  // evidence too: a parameter set to 0 still says what size it normally has.
  try {
    evidence(parameter_values(c)[static_cast<size_t>(index)]);
  } catch (const InputError&) {
  }
  try {
    if (par.low) evidence(value_of(*par.low, values, c.file));
    if (par.high) evidence(value_of(*par.high, values, c.file));
  } catch (const InputError&) {
  }
  if (par.dist) {
    try {
      auto [lo, hi] = effective_support(*par.dist, values, c.file);
      evidence(lo);
      evidence(hi);
    } catch (const InputError&) {
    }
    const std::string& k = par.dist->kind;
    if (k == "beta") d.low = 0, d.high = 1;
    if (k == "gamma" || k == "lognormal") d.low = 0;
  }
  // The range of every field that is the parameter itself.
  for_each_field(c, [&](const Number& n) {
    if (bare_parameter(n) != index) return;
    switch (n.constraint) {
      case Constraint::share:
        d.low = std::max(d.low, 0.0);
        d.high = std::min(d.high, 1.0);
        break;
      case Constraint::positive:
      case Constraint::nonnegative: d.low = std::max(d.low, 0.0); break;
      case Constraint::rate: d.low = std::max(d.low, -1.0); break;
      case Constraint::correlation:
        d.low = std::max(d.low, -1.0);
        d.high = std::min(d.high, 1.0);
        break;
      case Constraint::finite: break;
    }
  });
  // Counts, prices and shares do not change sign: unless the evidence reaches
  // across zero (a growth rate with low: -0.1, a normal effect), the search
  // stays on the side of zero the evidence is on.
  auto [emin, emax] = std::minmax_element(d.evidence.begin(), d.evidence.end());
  if (emin != d.evidence.end()) {
    if (*emin >= 0)
      d.low = std::max(d.low, 0.0);
    else if (*emax <= 0)
      d.high = std::min(d.high, 0.0);
  }
  return d;
}

BreakEven break_even(const Case& c, int index, const ResultFn& result, const std::string& what,
                     const Overrides& base, double target) {
  return break_even(c, index, result, Phrase{what, {}}, base, target);
}

BreakEven break_even(const Case& c, int index, const ResultFn& result, const Phrase& what,
                     const Overrides& base, double target) {
  BreakEven out;
  const std::string& name = c.parameters[static_cast<size_t>(index)].name;
  std::vector<double> values = parameter_values(c, base);
  const double x0 = values[static_cast<size_t>(index)];
  std::string failure;  // why the case cannot be evaluated at a point
  auto f = [&](double x) -> std::optional<double> {
    try {
      auto v = result(with_override(base, index, name, x));
      if (!v || !std::isfinite(*v)) return std::nullopt;
      return *v - target;
    } catch (const InputError& e) {
      // e.g. a division by zero or a share above 1 at this value: not a usable point
      if (failure.empty() && !e.diagnostics.empty()) failure = e.diagnostics.front().message;
      return std::nullopt;
    }
  };
  out.search_low = out.search_high = x0;
  auto f0 = f(x0);
  if (!f0) {
    out.note = phrase("the case cannot be evaluated at the base value");
    return out;
  }
  // Scale for "close enough to zero": a millionth of a millionth of the
  // result's size at base, so NPV = 0 holds to well under a krone.
  const double ftol = 1e-12 * std::max(1.0, std::fabs(*f0 + target));
  if (std::fabs(*f0) <= ftol) {
    out.value = x0;
    return out;
  }
  const SearchDomain dom = search_domain(c, index, values);
  // The step unit: the base value, or the evidence's spread around it when
  // that is larger (a parameter set to 0 keeps the size of its case value).
  double unit = std::fabs(x0);
  for (double e : dom.evidence) unit = std::max(unit, std::fabs(e - x0));
  if (unit == 0) unit = 1;
  static const double steps[] = {0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 1.5, 2, 3, 5, 10, 20, 50, 100};
  struct Bracket {
    double a, b, fa, fb;
  };
  std::optional<Bracket> best;
  std::optional<Phrase> blocked;  // where a direction stopped because the case cannot be evaluated
  for (int dir : {-1, 1}) {
    // Points on this side of x0, inside the domain, nearest first: the steps,
    // the evidence and the domain's own bound.
    const double bound = dir < 0 ? dom.low : dom.high;
    std::vector<double> pts;
    auto add = [&](double x) {
      if (dir * (x - x0) > 0 && dir * (x - bound) <= 0) pts.push_back(x);
    };
    for (double s : steps) add(x0 + dir * s * unit);
    for (double e : dom.evidence) add(e);
    if (std::isfinite(bound)) add(bound);
    std::sort(pts.begin(), pts.end(), [&](double a, double b) { return dir * a < dir * b; });
    pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
    double& reached = dir < 0 ? out.search_low : out.search_high;
    reached = pts.empty() ? x0 : pts.back();
    double xa = x0, fa = *f0;
    for (double xb : pts) {
      auto fb = f(xb);
      if (!fb) {
        reached = xa;
        blocked = phrase("at {}: {}", {break_even_number(xb),
                                       failure.empty() ? arg::phrase(phrase("the result does not exist"))
                                                       : arg::text(failure)});
        failure.clear();
        break;
      }
      if ((fa > 0) != (*fb > 0) || *fb == 0) {
        if (!best || std::fabs(xb - x0) < std::fabs(best->b - x0)) best = Bracket{xa, xb, fa, *fb};
        break;
      }
      xa = xb;
      fa = *fb;
    }
  }
  if (!best) {
    const PhraseArg low = break_even_number(out.search_low), high = break_even_number(out.search_high);
    out.note = what.pattern == "NPV" && what.args.empty() && target == 0
                   ? phrase("NPV does not reach zero for {} between {} and {}", {arg::text(name), low, high})
                   : phrase("{} does not reach {} for {} between {} and {}",
                            {arg::phrase(what), arg::general(target), arg::text(name), low, high});
    if (blocked)
      out.note = phrase("{} (the case cannot be evaluated {})",
                        {arg::phrase(std::move(out.note)), arg::phrase(std::move(*blocked))});
    return out;
  }
  auto fd = [&](double x) { return f(x).value_or(std::nan("")); };
  out.value = brent(fd, best->a, best->b, best->fa, best->fb, ftol);
  return out;
}

BreakEven break_even(const Case& c, int index, Metric m, const Overrides& base, double target,
                     Perspective perspective) {
  ResultFn f = [&](const Overrides& o) -> std::optional<double> {
    return metric_value(c, m, o, perspective);
  };
  return break_even(c, index, f, metric_name(m), base, target);
}

}  // namespace gevinst
