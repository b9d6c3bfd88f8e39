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
      o.with_irr = false;
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
    auto at = [&](double x, bool high) {
      try {
        return metric_value(c, opt.metric, with_override(opt.overrides, static_cast<int>(i), p.name, x),
                            opt.perspective);
      } catch (const InputError& e) {
        const PhraseArg why = e.diagnostics.empty() ? arg::phrase(phrase("cannot be evaluated"))
                                                    : arg::text(e.diagnostics[0].message);
        Phrase note = high ? phrase("at high {}: {}", {arg::general(x), why})
                           : phrase("at low {}: {}", {arg::general(x), why});
        row.note = row.note.pattern.empty()
                       ? std::move(note)
                       : phrase("{}; {}", {arg::phrase(std::move(row.note)), arg::phrase(std::move(note))});
        return std::nan("");
      }
    };
    row.low_value = at(row.low, false);
    row.high_value = at(row.high, true);
    row.swing = std::fabs(row.high_value - row.low_value);
    if (opt.break_even && target)
      row.break_even =
          break_even(c, static_cast<int>(i), opt.metric, opt.overrides, *target, opt.perspective);
    else if (opt.break_even)
      row.break_even.note = phrase("no break-even for FTE without capacity.target_fte");
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
