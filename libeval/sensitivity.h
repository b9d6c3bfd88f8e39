// Uncertainty without sampling (docs/case-format.md, "Scenarios" and
// "Sensitivity"): scenarios, one-way sensitivity (tornado) and break-even
// (switching) values.
#pragma once

#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "libeval/model.h"
#include "libeval/phrase.h"

namespace gevinst {

/// What is varied against.
enum class Metric { npv, fte, sroi };

/// The metric of the case with `overrides` (organisation perspective for
/// NPV unless `perspective` says otherwise). Throws InputError.
double metric_value(const Case& c, Metric m, const Overrides& overrides,
                    Perspective perspective = Perspective::organisation);

struct BreakEven {
  std::optional<double> value;             ///< parameter value at which the metric equals `target`
  Phrase note;                             ///< why there is none, in domain words; empty pattern otherwise
  double search_low = 0, search_high = 0;  ///< the bracket searched
};

/// The values parameter `index` can take in a break-even search
/// (docs/case-format.md, "Sensitivity"), its arguments evaluated at `values`:
/// the range of every field that is exactly `$name` (a share [0, 1], an
/// amount or count [0, inf), a rate above -1), the natural support of its
/// distribution (beta [0, 1], gamma and lognormal [0, inf)), and its sign:
/// a parameter whose value, case value, low, high and distribution support
/// are all >= 0 stays >= 0 (all <= 0: stays <= 0).
struct SearchDomain {
  double low = -HUGE_VAL, high = HUGE_VAL;
  std::vector<double> evidence;  ///< base, case value, low, high, finite support ends
};
SearchDomain search_domain(const Case& c, int index, const std::vector<double>& values);

/// A result of the case with the given overrides; nullopt where it does not
/// exist (an IRR without a root, a case that never pays back). May throw
/// InputError where the case cannot be evaluated.
using ResultFn = std::function<std::optional<double>(const Overrides&)>;

/// The value of parameter `index` at which `result` equals `target`, the
/// other parameters held at `base`: searched outwards from the base value
/// in steps from 1 % to 100 times its scale (its base value, or its spread
/// to its case value, low, high or support when larger), through its low,
/// high and support ends, never outside search_domain(); the closest
/// bracket is refined with Brent's method. `what` names the result in the
/// note ("NPV", "BCR"), which states the bracket actually searched.
BreakEven break_even(const Case& c, int index, const ResultFn& result, const Phrase& what,
                     const Overrides& base, double target);
/// The same with `what` in English words only (not translated).
BreakEven break_even(const Case& c, int index, const ResultFn& result, const std::string& what,
                     const Overrides& base, double target);

/// break_even() on one of the sensitivity metrics (NPV target 0 by default).
BreakEven break_even(const Case& c, int index, Metric m, const Overrides& base, double target = 0,
                     Perspective perspective = Perspective::organisation);

struct OneWayRow {
  std::string name;
  double base = 0, low = 0, high = 0;    ///< parameter values
  double low_value = 0, high_value = 0;  ///< metric at low and high; NaN when it cannot be computed
  double swing = 0;                      ///< |high_value - low_value|; NaN when either is
  /// Why a value is missing, e.g. "at high 1.2: share 1.2 is outside [0, 1]
  /// evaluating \"$dw\"" (note.text()); empty pattern when both were computed.
  Phrase note;
  BreakEven break_even;
};

struct ScenarioRow {
  std::string name;
  double npv = 0;
  std::optional<double> fte, sroi_ratio;
};

struct SensitivityOptions {
  Metric metric = Metric::npv;
  Perspective perspective = Perspective::organisation;
  Overrides overrides;  ///< --scenario / --set applied to the base
  std::optional<double>
      range;  ///< vary every numeric parameter by +-range (e.g. 0.2) when it has no low/high
  bool break_even = true;
};

struct SensitivityResult {
  std::string case_id;
  Metric metric = Metric::npv;
  double base_value = 0;  ///< the metric at base
  double base_npv = 0;
  std::optional<double> base_fte, base_sroi_ratio;  ///< at base, where the case has capacity / SROI
  /// The metric value break-even solves for: NPV 0, SROI ratio 1, FTE target.
  std::optional<double> break_even_target;
  std::vector<ScenarioRow> scenarios;
  std::vector<OneWayRow> parameters;  ///< sorted by swing, largest first (tornado order)
};

SensitivityResult run_sensitivity(const Case& c, const SensitivityOptions& opt = {});

}  // namespace gevinst
