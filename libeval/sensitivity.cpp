#include "libeval/sensitivity.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/parameters.h"
#include "libeval/sroi.h"

namespace gevinst {

double metric_value(const Case& c, Metric m, const Overrides& overrides, Perspective perspective) {
  switch (m) {
    case Metric::npv: {
      EvaluateOptions o;
      o.perspective = perspective;
      o.overrides = overrides;
      return evaluate_case(c, o).selected().npv;
    }
    case Metric::fte: {
      CapacityOptions o;
      o.overrides = overrides;
      return evaluate_capacity(c, o).total.fte;
    }
    case Metric::sroi: {
      SroiOptions o;
      o.overrides = overrides;
      o.sensitivity = false;
      return evaluate_sroi(c, o).ratio;
    }
  }
  return 0;
}

namespace {

Overrides with_value(const Overrides& base, int index, const std::string& name, double v) {
  Overrides o = base;
  o.erase(std::remove_if(o.begin(), o.end(), [&](const Override& x) { return x.parameter == index; }),
          o.end());
  Number n = Number::literal(v);
  n.yaml_path = "parameters." + name;
  o.push_back({index, name, n});
  return o;
}

const char* metric_name(Metric m) {
  switch (m) {
    case Metric::npv: return "NPV";
    case Metric::fte: return "FTE";
    case Metric::sroi: return "the SROI ratio";
  }
  return "";
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

}  // namespace

BreakEven break_even(const Case& c, int index, Metric m, const Overrides& base, double target,
                     Perspective perspective) {
  BreakEven out;
  const std::string& name = c.parameters[index].name;
  std::vector<double> values = parameter_values(c, base);
  const double x0 = values[index];
  auto f = [&](double x) -> std::optional<double> {
    try {
      return metric_value(c, m, with_value(base, index, name, x), perspective) - target;
    } catch (const InputError&) {
      return std::nullopt;  // e.g. a division by zero at this value: not a usable point
    }
  };
  auto f0 = f(x0);
  if (!f0) {
    out.note = "the case cannot be evaluated at the base value";
    return out;
  }
  // Scale for "close enough to zero": a millionth of a millionth of the
  // metric's size at base, so NPV = 0 holds to well under a krone.
  double scale = std::max(1.0, std::fabs(*f0 + target));
  double ftol = 1e-12 * scale;
  // Search outwards from the base value in both directions; the bracket
  // closest to the base wins. Steps are relative to |base| (absolute when 0).
  // Parameters keep their sign (counts, prices and shares do not turn
  // negative), so the search stops at zero on that side, unless the
  // parameter's own low/high or distribution reaches across zero (a growth
  // rate with low: -0.1, a normal effect).
  const Parameter& par = c.parameters[static_cast<size_t>(index)];
  auto crosses_zero = [&](int dir) {
    auto beyond = [&](double v) { return dir * v > 0 && std::isfinite(v); };  // on the far side of zero
    if (dir < 0 && par.low && beyond(value_of(*par.low, values, c.file))) return true;
    if (dir > 0 && par.high && beyond(value_of(*par.high, values, c.file))) return true;
    if (par.dist) {
      auto [lo, hi] = effective_support(*par.dist, values, c.file);
      return beyond(dir < 0 ? lo : hi);
    }
    return false;
  };
  const double unit = x0 != 0 ? std::fabs(x0) : 1.0;
  const std::vector<double> steps = {0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 1.5, 2, 3, 5, 10, 20, 50, 100};
  const bool cross[2] = {crosses_zero(-1), crosses_zero(1)};
  auto reach = [&](int dir) { return x0 != 0 && dir * x0 < 0 && !cross[dir > 0] ? 1.0 : steps.back(); };
  out.search_low = x0 - reach(-1) * unit;
  out.search_high = x0 + reach(1) * unit;
  if (std::fabs(*f0) <= ftol) {
    out.value = x0;
    return out;
  }
  struct Bracket {
    double a, b, fa, fb, distance;
  };
  std::optional<Bracket> best;
  for (int dir : {-1, 1}) {
    double xa = x0, fa = *f0;
    for (double s : steps) {
      if (s > reach(dir)) break;
      double xb = x0 + dir * s * unit;
      auto fb = f(xb);
      if (!fb) break;
      if ((fa > 0) != (*fb > 0) || *fb == 0) {
        Bracket br{xa, xb, fa, *fb, s};
        if (!best || br.distance < best->distance) best = br;
        break;
      }
      xa = xb;
      fa = *fb;
    }
  }
  if (!best) {
    out.note = fmt::format("{} does not reach {} for {} between {} and {}", metric_name(m),
                           m == Metric::npv ? "zero" : fmt::format("{:g}", target), name,
                           fmt::format("{:.6g}", out.search_low), fmt::format("{:.6g}", out.search_high));
    return out;
  }
  auto fd = [&](double x) { return f(x).value_or(std::nan("")); };
  out.value = brent(fd, best->a, best->b, best->fa, best->fb, ftol);
  return out;
}

SensitivityResult run_sensitivity(const Case& c, const SensitivityOptions& opt) {
  SensitivityResult r;
  r.case_id = c.info.id;
  r.metric = opt.metric;
  r.base_value = metric_value(c, opt.metric, opt.overrides, opt.perspective);
  r.base_npv =
      opt.metric == Metric::npv ? r.base_value : metric_value(c, Metric::npv, opt.overrides, opt.perspective);
  // FTE and the SROI ratio beside NPV where the case has them; a ratio that
  // does not exist (no costs for investment: auto) is left out, not an error.
  auto optional_metric = [&](Metric m, const Overrides& o) -> std::optional<double> {
    const bool has = m == Metric::fte ? c.capacity.present && !c.capacity.activities.empty()
                                      : c.sroi.present && !c.sroi.outcomes.empty();
    if (!has) return std::nullopt;
    try {
      return metric_value(c, m, o);
    } catch (const InputError&) {
      return std::nullopt;
    }
  };
  r.base_fte = optional_metric(Metric::fte, opt.overrides);
  r.base_sroi_ratio = optional_metric(Metric::sroi, opt.overrides);
  for (const auto& s : c.scenarios) {
    Overrides o = opt.overrides;
    o.insert(o.begin(), s.overrides.begin(), s.overrides.end());
    ScenarioRow row;
    row.name = s.name;
    row.npv = metric_value(c, Metric::npv, o, opt.perspective);
    row.fte = optional_metric(Metric::fte, o);
    row.sroi_ratio = optional_metric(Metric::sroi, o);
    r.scenarios.push_back(row);
  }
  std::vector<double> base = parameter_values(c, opt.overrides);
  // What "break-even" means per metric: NPV = 0; an SROI ratio of 1 (a krone
  // of social value per krone invested); FTE at the case's target, if any.
  std::optional<double> target;
  if (opt.metric == Metric::npv) target = 0.0;
  if (opt.metric == Metric::sroi) target = 1.0;
  if (opt.metric == Metric::fte && c.capacity.target_fte)
    target = value_of(*c.capacity.target_fte, base, c.file);
  r.break_even_target = target;
  for (size_t i = 0; i < c.parameters.size(); ++i) {
    const Parameter& p = c.parameters[i];
    bool overridden = std::any_of(opt.overrides.begin(), opt.overrides.end(),
                                  [&](const Override& o) { return o.parameter == static_cast<int>(i); });
    OneWayRow row;
    row.name = p.name;
    row.base = base[i];
    if (p.low && p.high) {
      row.low = value_of(*p.low, base, c.file);
      row.high = value_of(*p.high, base, c.file);
    } else if (opt.range && p.value.program.is_constant() && !overridden && base[i] != 0) {
      row.low = base[i] * (1 - *opt.range);
      row.high = base[i] * (1 + *opt.range);
    } else {
      continue;
    }
    // A low or high value can move a field out of its range (a share above 1):
    // that row says so and the others go on.
    auto at = [&](double x, const char* which) {
      try {
        return metric_value(c, opt.metric, with_value(opt.overrides, static_cast<int>(i), p.name, x),
                            opt.perspective);
      } catch (const InputError& e) {
        if (!row.note.empty()) row.note += "; ";
        row.note += fmt::format(
            "at {} {:g}: {}", which, x,
            e.diagnostics.empty() ? std::string("cannot be evaluated") : e.diagnostics[0].message);
        return std::nan("");
      }
    };
    row.low_value = at(row.low, "low");
    row.high_value = at(row.high, "high");
    row.swing = std::fabs(row.high_value - row.low_value);
    if (opt.break_even && target)
      row.break_even =
          break_even(c, static_cast<int>(i), opt.metric, opt.overrides, *target, opt.perspective);
    else if (opt.break_even)
      row.break_even.note = "no break-even for FTE without capacity.target_fte";
    r.parameters.push_back(std::move(row));
  }
  // Tornado order; rows without a swing (NaN) last.
  std::stable_sort(r.parameters.begin(), r.parameters.end(), [](const OneWayRow& a, const OneWayRow& b) {
    if (std::isnan(a.swing) || std::isnan(b.swing)) return !std::isnan(a.swing) && std::isnan(b.swing);
    return a.swing > b.swing;
  });
  return r;
}

}  // namespace gevinst
