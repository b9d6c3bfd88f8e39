#include "libeval/detail/simulate_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "libeval/discounting.h"
#include "libeval/parameters.h"

namespace gevinst::sim {

TermBuilder::TermBuilder(const Case& c, Plan& plan) : c_(c), plan_(plan) {}

Val TermBuilder::val(const Number& n, double dflt) {
  if (!n.present) return {-1, dflt};
  for (int s : n.program.slots())
    if (plan_.varying[s]) {
      auto [it, inserted] = field_index_.emplace(&n, static_cast<int>(plan_.fields.size()));
      if (inserted) plan_.fields.push_back(&n);
      return {it->second, 0};
    }
  return {-1, value_of(n, plan_.base, c_.file)};
}

void TermBuilder::add(double coef, std::initializer_list<Part> parts, int target) {
  Term t;
  t.target = target;
  for (const Part& p : parts) {
    if (p.v.varying()) {
      t.factors.push_back({p.v.field, p.mode, p.power});
      continue;
    }
    double x = p.v.c;
    coef *= p.mode == 0 ? x : std::pow(1.0 + p.mode * x, p.power);
  }
  if (coef == 0) return;
  if (t.factors.empty()) {
    plan_.constant[target] += coef;
    return;
  }
  std::sort(t.factors.begin(), t.factors.end(),
            [](const Factor& a, const Factor& b) { return a.key() < b.key(); });
  std::vector<std::tuple<int, int, int>> key;
  for (const auto& f : t.factors) key.push_back(f.key());
  key.emplace_back(target, 0, 0);
  auto [it, inserted] = merged_.emplace(key, plan_.terms.size());
  if (inserted) {
    t.coef = coef;
    plan_.terms.push_back(std::move(t));
  } else {
    plan_.terms[it->second].coef += coef;
  }
}

Val TermBuilder::share(const Profile& p, int year) {
  switch (p.kind) {
    case Profile::Kind::none: return {-1, 1.0};
    case Profile::Kind::steps: {
      const Number* cur = nullptr;
      for (const auto& [y, n] : p.steps) {
        if (y > year) break;
        cur = &n;
      }
      return cur ? val(*cur, 0.0) : Val{-1, 0.0};
    }
    case Profile::Kind::linear:
      if (year < p.linear_from) return {-1, 0.0};
      return {-1, std::min(1.0, static_cast<double>(year - p.linear_from + 1) / p.linear_years)};
    case Profile::Kind::logistic:
      return {-1, 1.0 / (1.0 + std::exp(-p.logistic_steepness * (year - p.logistic_midpoint)))};
  }
  return {-1, 1.0};
}

std::string range_hint(Constraint c) {
  switch (c) {
    case Constraint::share:
      return "draw shares from a distribution inside [0, 1] (beta, or uniform, triangular or pert "
             "within 0..1), or bound the expression with min(1, max(0, ...))";
    case Constraint::positive:
      return "draw it from a distribution above 0 (gamma or lognormal, or a triangular or pert with min > 0)";
    case Constraint::rate:
      return "draw rates from a distribution above -1 (a triangular, pert or uniform with min > -1)";
    case Constraint::correlation: return "a correlation lies in [-1, 1]: use a bounded distribution";
    default:
      return "draw it from a distribution that stays at 0 or more (gamma or lognormal for amounts and "
             "counts, a triangular or pert with min >= 0), or bound the expression with max(0, ...)";
  }
}

namespace {

DistSpec dist_spec(const Case& c, const Parameter& p, const std::vector<double>& base) {
  DistSpec d;
  d.kind = *dist_kind_from_name(p.dist->kind);
  for (size_t i = 0; i < p.dist->args.size() && i < 3; ++i)
    d.args[i] = value_of(p.dist->args[i], base, c.file);
  if (auto err = check(d))
    throw InputError{{Diagnostic{c.file, p.dist->loc, Severity::error, p.dist->yaml_path,
                                 fmt::format("parameter '{}': {}", p.name, *err), ""}}};
  return d;
}

// The Gaussian copula of the correlated parameters (plan.correlated).
void build_copula(const Case& c, const std::vector<bool>& fixed, Plan& plan) {
  if (plan.correlated.empty()) return;
  std::vector<Correlation> pairs;
  std::vector<std::string> names;
  for (int i : plan.correlated) names.push_back(c.parameters[i].name);
  auto pos = [&](const std::string& name) {
    int idx = c.parameter_index(name);
    return static_cast<int>(std::find(plan.correlated.begin(), plan.correlated.end(), idx) -
                            plan.correlated.begin());
  };
  for (const auto& k : c.correlations) {
    int i = c.parameter_index(k.a), j = c.parameter_index(k.b);
    if (i < 0 || j < 0 || fixed[i] || fixed[j]) continue;
    pairs.push_back({pos(k.a), pos(k.b), value_of(k.rho, plan.base, c.file)});
  }
  auto cop = make_copula(static_cast<int>(plan.correlated.size()), pairs, names);
  if (auto* err = std::get_if<std::string>(&cop))
    throw InputError{{Diagnostic{c.file, c.correlations.front().loc, Severity::error, "correlations", *err,
                                 "correlations must be consistent (the matrix positive semi-definite)"}}};
  plan.copula = std::get<Copula>(cop);
}

}  // namespace

void build_draws(const Case& c, const Overrides& overrides, Plan& plan) {
  plan.file = c.file;
  const Assumptions& a = c.assumptions;
  const int n = static_cast<int>(c.parameters.size());
  plan.params = n;
  plan.years = a.horizon;
  plan.base = parameter_values(c, overrides);

  // The program that defines each parameter (its own or an override's).
  std::vector<const Number*> def(n);
  std::vector<bool> fixed(n, false);
  for (int i = 0; i < n; ++i) def[i] = &c.parameters[i].value;
  for (const auto& o : overrides) {
    def[o.parameter] = &o.value;
    fixed[o.parameter] = true;
  }
  std::vector<Parameter> tmp = c.parameters;
  for (int i = 0; i < n; ++i) tmp[i].value = *def[i];
  ParameterOrder order = order_parameters(tmp);

  // Random parameters: a dist and no override. Correlated ones go through the copula.
  std::vector<bool> correlated(n, false);
  for (const auto& k : c.correlations) {
    int i = c.parameter_index(k.a), j = c.parameter_index(k.b);
    if (i >= 0 && j >= 0 && !fixed[i] && !fixed[j]) correlated[i] = correlated[j] = true;
  }
  plan.varying.assign(n, false);
  for (int i = 0; i < n; ++i) {
    const Parameter& p = c.parameters[i];
    if (!p.dist || fixed[i]) continue;
    plan.varying[i] = true;
    DistSpec d = dist_spec(c, p, plan.base);
    if (correlated[i]) {
      plan.correlated.push_back(i);
      plan.correlated_spec.push_back(d);
    } else {
      plan.random.push_back(i);
      plan.random_spec.push_back(d);
    }
  }
  build_copula(c, fixed, plan);
  // Derived parameters: not random, but computed from a varying one.
  for (int i : order.order) {
    if (plan.varying[i]) continue;
    for (int s : def[i]->program.slots())
      if (plan.varying[s]) {
        plan.varying[i] = true;
        plan.derived.push_back(i);
        plan.derived_program.push_back(&def[i]->program);
        break;
      }
  }
}

Plan build_plan(const Case& c, Perspective perspective, const Overrides& overrides) {
  Plan plan;
  build_draws(c, overrides, plan);
  const Assumptions& a = c.assumptions;
  if (plan.random.empty() && plan.correlated.empty())
    throw InputError{{Diagnostic{
        c.file,
        {},
        Severity::error,
        "parameters",
        "nothing to simulate: no parameter has a distribution",
        "give uncertain parameters a dist, e.g. patients: {value: 1200, dist: {normal: [1200, 100]}}"}}};

  plan.has_fte = !c.capacity.activities.empty();
  plan.has_sroi = c.sroi.present && !c.sroi.outcomes.empty();
  plan.constant.assign(plan.targets(), 0.0);
  std::vector<double> df = discount_factors(a.discounting, a.horizon, a.timing);
  TermBuilder b(c, plan);
  const int costs = static_cast<int>(Target::costs), benefits = static_cast<int>(Target::benefits);

  auto flow = [&](const FlowItem& f) {
    if (!f.is_cost && (f.benefit_kind == BenefitKind::qualitative || !counts(perspective, f.benefit_kind)))
      return;
    int target = f.is_cost ? costs : benefits;
    auto in_horizon = [&](int y) { return y >= a.start_year && y <= a.end_year(); };
    switch (f.form) {
      case FlowItem::Form::amount:
        if (in_horizon(f.year))
          b.add(df[f.year - a.start_year] * f.price_factor,
                {{b.val(f.amount, 0)}, {b.share(f.profile, f.year)}}, target);
        break;
      case FlowItem::Form::per_year: {
        Val amount = b.val(f.amount, 0), growth = b.val(f.growth, 0);
        for (int y = f.from; y <= f.to; ++y) {
          if (!in_horizon(y)) continue;
          b.add(df[y - a.start_year] * f.price_factor,
                {{amount}, {b.share(f.profile, y)}, {growth, +1, y - f.from}}, target);
        }
        break;
      }
      case FlowItem::Form::amounts:
        for (const auto& [y, num] : f.amounts)
          if (in_horizon(y))
            b.add(df[y - a.start_year] * f.price_factor, {{b.val(num, 0)}, {b.share(f.profile, y)}}, target);
        break;
    }
  };
  for (const auto& f : c.costs) flow(f);
  for (const auto& f : c.benefits) flow(f);

  for (const auto& act : c.capacity.activities) {
    const StaffGroup* g = nullptr;
    for (const auto& s : c.capacity.staff)
      if (s.id == act.staff) g = &s;
    Val time = b.val(act.time_saved, 0), events = b.val(act.events_per_year, 0);
    Val realisable = b.val(act.realisable, 1.0), hour_cost = g ? b.val(g->hour_cost, 0) : Val{-1, 0};
    double per = act.in_minutes ? 1.0 / 60.0 : 1.0;
    for (int y = act.from; y <= act.to; ++y) {
      int t = y - a.start_year;
      if (t < 0 || t >= a.horizon) continue;
      Val share = b.share(act.adoption, y);
      if (act.monetise && counts(perspective, BenefitKind::capacity))
        b.add(df[t] * per, {{time}, {events}, {realisable}, {hour_cost}, {share}}, benefits);
      b.add(per / a.fte_hours, {{time}, {events}, {realisable}, {share}}, static_cast<int>(Target::fte0) + t);
    }
  }

  if (plan.has_sroi) {
    // Outcome values take DF(t), or DF(t + 1) with first_year: discounted
    // (docs/case-format.md, "SROI").
    std::vector<double> odf = df;
    if (c.sroi.first_year_discounted) {
      std::vector<double> next = discount_factors(a.discounting, a.horizon + 1, a.timing);
      odf.assign(next.begin() + 1, next.end());
    }
    for (const auto& o : c.sroi.outcomes) {
      Val q = b.val(o.quantity, 0), proxy = b.val(o.proxy, 0);
      Val dw = b.val(o.deadweight, 0), at = b.val(o.attribution, 0), dis = b.val(o.displacement, 0);
      Val drop = b.val(o.drop_off, 0);
      for (int k = 0; k < o.duration; ++k) {
        int t = o.start + k - a.start_year;
        if (t < 0 || t >= a.horizon) continue;
        b.add(odf[t], {{q}, {proxy}, {dw, -1, 1}, {at, -1, 1}, {dis, -1, 1}, {drop, -1, k}},
              static_cast<int>(Target::sroi));
      }
    }
    if (c.sroi.investment) {
      plan.investment_auto = false;
      plan.investment = b.val(*c.sroi.investment, 0);
    }
  }
  return plan;
}

}  // namespace gevinst::sim
