#include "libeval/parameters.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gevinst {

namespace {
Diagnostic eval_error(const Number& n, const std::string& file, EvalStatus status) {
  std::string what =
      status == EvalStatus::division_by_zero ? "division by zero" : "result is not a finite number";
  return Diagnostic{
      file,
      n.loc,
      Severity::error,
      n.yaml_path,
      fmt::format("{} evaluating \"{}\"", what, n.text),
      "check the parameter values the expression uses (and the scenario or overrides in force)"};
}
}  // namespace

double value_of(const Number& n, std::span<const double> params, const std::string& file) {
  EvalResult r = n.program.evaluate(params);
  if (!r.ok() || !std::isfinite(r.value))
    throw InputError{{eval_error(n, file, r.ok() ? EvalStatus::not_finite : r.status)}};
  // The field's own range (docs/case-format.md, "Value ranges"), which the
  // loader checked at the base values and under each scenario; --set, a
  // rollout unit's parameters or a sensitivity value can still move it out.
  if (!satisfies(r.value, n.constraint))
    throw InputError{
        {Diagnostic{file, n.loc, Severity::error, n.yaml_path,
                    (n.constraint == Constraint::share
                         ? fmt::format("share {:g} is outside [0, 1]", r.value)
                         : fmt::format("{:g} must be {}", r.value, constraint_text(n.constraint))) +
                        (n.program.is_constant() ? std::string() : fmt::format(" evaluating \"{}\"", n.text)),
                    "check the parameter values the expression uses (and the scenario, overrides or rollout "
                    "unit in force)"}}};
  return r.value;
}

ParameterOrder order_parameters(const std::vector<Parameter>& params) {
  ParameterOrder out;
  const int n = static_cast<int>(params.size());
  std::vector<int> state(n, 0);  // 0 new, 1 on stack, 2 done
  std::vector<int> stack;
  // Iterative depth-first search so a long chain cannot overflow the stack.
  for (int root = 0; root < n; ++root) {
    if (state[root]) continue;
    std::vector<std::pair<int, size_t>> work{{root, 0}};
    state[root] = 1;
    stack.push_back(root);
    while (!work.empty()) {
      auto& [node, next] = work.back();
      const auto& deps = params[node].value.program.slots();
      if (next < deps.size()) {
        int d = deps[next++];
        if (d < 0 || d >= n) continue;
        if (state[d] == 1) {
          auto it = std::find(stack.begin(), stack.end(), d);
          for (; it != stack.end(); ++it) out.cycle.push_back(params[*it].name);
          out.cycle.push_back(params[d].name);
          return out;
        }
        if (state[d] == 0) {
          state[d] = 1;
          stack.push_back(d);
          work.push_back({d, 0});
        }
        continue;
      }
      state[node] = 2;
      out.order.push_back(node);
      stack.pop_back();
      work.pop_back();
    }
  }
  return out;
}

std::vector<double> parameter_values(const Case& c, const Overrides& overrides) {
  const size_t n = c.parameters.size();
  std::vector<double> values(n, 0.0);
  std::vector<const Number*> source(n);
  for (size_t i = 0; i < n; ++i) source[i] = &c.parameters[i].value;
  for (const auto& o : overrides)
    if (o.parameter >= 0 && static_cast<size_t>(o.parameter) < n) source[o.parameter] = &o.value;
  // Overrides may make a parameter depend on another one; order again when any
  // override reads slots, otherwise reuse the loader's order.
  bool reorder = false;
  for (const auto& o : overrides) reorder |= !o.value.program.is_constant();
  std::vector<int> order = c.parameter_order;
  if (reorder) {
    std::vector<Parameter> tmp = c.parameters;
    for (size_t i = 0; i < n; ++i) tmp[i].value = *source[i];
    ParameterOrder po = order_parameters(tmp);
    if (!po.cycle.empty()) {
      // Point at an override in the cycle (the one that introduced it).
      const Number* at = nullptr;
      for (const auto& o : overrides)
        if (!o.value.program.is_constant() && o.parameter >= 0 && static_cast<size_t>(o.parameter) < n &&
            std::find(po.cycle.begin(), po.cycle.end(), c.parameters[o.parameter].name) != po.cycle.end())
          at = &o.value;
      throw InputError{{Diagnostic{
          c.file, at ? at->loc : SourceLoc{}, Severity::error, at ? at->yaml_path : std::string("parameters"),
          fmt::format("overrides make parameters depend on each other in a cycle: {}",
                      fmt::join(po.cycle, " -> ")),
          "an override cannot use the parameter it replaces; write the value as a number"}}};
    }
    order = po.order;
  }
  if (order.size() != n) {  // a hand-built case without an order
    order.clear();
    for (size_t i = 0; i < n; ++i) order.push_back(static_cast<int>(i));
  }
  for (int i : order) values[i] = value_of(*source[i], values, c.file);
  return values;
}

std::pair<double, double> effective_support(const DistributionSpec& d, std::span<const double> params,
                                            const std::string& file) {
  std::vector<double> a;
  for (const auto& x : d.args) a.push_back(value_of(x, params, file));
  const double inf = std::numeric_limits<double>::infinity();
  if (d.kind == "normal" && a.size() == 2) return {a[0] - 4 * a[1], a[0] + 4 * a[1]};
  if (d.kind == "lognormal" || d.kind == "gamma") return {0.0, inf};
  if (d.kind == "beta") return {0.0, 1.0};
  if (!a.empty()) return {a.front(), a.back()};  // uniform [min, max]; triangular and pert [min, mode, max]
  return {-inf, inf};
}

const Scenario& find_scenario(const Case& c, const std::string& name) {
  std::vector<std::string> names;
  for (const auto& s : c.scenarios) {
    if (s.name == name) return s;
    names.push_back(s.name);
  }
  // "base" is the case's own values unless the case defines a scenario of that name.
  static const Scenario base{"base", {}, {}};
  if (name == "base") return base;
  std::string guess = did_you_mean(name, names);
  SourceLoc where = c.scenarios.empty() ? SourceLoc{} : c.scenarios.front().loc;
  throw InputError{
      {Diagnostic{c.file, where, Severity::error, "scenarios", fmt::format("no scenario named '{}'", name),
                  names.empty()   ? "the case defines no scenarios (only 'base', the case's own values)"
                  : guess.empty() ? fmt::format("scenarios: base, {}", fmt::join(names, ", "))
                                  : fmt::format("did you mean '{}'?", guess)}}};
}

Overrides with_override(const Overrides& base, int index, const std::string& name, double v) {
  Overrides o = base;
  o.erase(std::remove_if(o.begin(), o.end(), [&](const Override& x) { return x.parameter == index; }),
          o.end());
  Number n = Number::literal(v);
  n.yaml_path = "parameters." + name;
  o.push_back({index, name, n});
  return o;
}

}  // namespace gevinst
