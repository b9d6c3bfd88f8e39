// Parameter values: the base case, with overrides (scenarios, --set, rollout
// units), evaluated in dependency order.
#pragma once

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "libeval/model.h"

namespace gevinst {

/// Evaluates every parameter (overrides replace a parameter's own value) in
/// topological order. Throws InputError with a diagnostic naming the field and
/// expression when a value is not finite (division by zero, overflow).
std::vector<double> parameter_values(const Case& c, const Overrides& overrides = {});

/// Value of a numeric field given parameter values; throws InputError naming
/// the field on division by zero, a non-finite result, or a value outside the
/// field's range (Number::constraint: a share above 1, a negative amount, ...).
double value_of(const Number& n, std::span<const double> params, const std::string& file);

/// The range a parameter's draws effectively cover, its arguments evaluated
/// at `params`: the support of the distribution, with a normal cut at
/// mean +- 4 sd (a draw beyond happens about once in 16,000): beta (0, 1),
/// gamma and lognormal (0, inf), uniform, triangular and PERT [min, max].
std::pair<double, double> effective_support(const DistributionSpec& d, std::span<const double> params,
                                            const std::string& file);

/// `base` with parameter `index` (named `name`) set to the literal `v`,
/// replacing any earlier override of it.
Overrides with_override(const Overrides& base, int index, const std::string& name, double v);

/// Looks up a scenario by name; "base" (no overrides) unless the case defines
/// one of that name. Throws InputError listing the scenarios.
const Scenario& find_scenario(const Case& c, const std::string& name);

/// Dependency order of parameters, or the cycle (names, first repeated at the end).
struct ParameterOrder {
  std::vector<int> order;
  std::vector<std::string> cycle;
};
ParameterOrder order_parameters(const std::vector<Parameter>& params);

}  // namespace gevinst
