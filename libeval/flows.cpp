#include "libeval/flows.h"

#include <fmt/format.h>

#include <cmath>

#include "libeval/capacity.h"
#include "libeval/parameters.h"

namespace gevinst {

double profile_share(const Profile& p, int year, std::span<const double> params, const std::string& file) {
  switch (p.kind) {
    case Profile::Kind::none: return 1.0;
    case Profile::Kind::steps: {
      double share = 0.0;
      for (const auto& [y, v] : p.steps) {
        if (y > year) break;
        share = value_of(v, params, file);
      }
      return share;
    }
    case Profile::Kind::linear:
      if (year < p.linear_from) return 0.0;
      return std::min(1.0, static_cast<double>(year - p.linear_from + 1) / p.linear_years);
    case Profile::Kind::logistic:
      return 1.0 / (1.0 + std::exp(-p.logistic_steepness * (year - p.logistic_midpoint)));
  }
  return 1.0;
}

ItemSeries flow_series(const FlowItem& f, const Assumptions& a, std::span<const double> params,
                       const std::string& file) {
  ItemSeries s{f.id,
               f.label,
               f.party,
               f.is_cost,
               f.cost_kind,
               f.benefit_kind,
               f.derived_from_capacity,
               std::vector<double>(static_cast<size_t>(a.horizon), 0.0)};
  if (!f.is_cost && f.benefit_kind == BenefitKind::qualitative) return s;
  auto put = [&](int year, double v) {
    int t = year - a.start_year;
    if (t < 0 || t >= a.horizon) return;
    // price_factor converts an item's own price_year to the case's (docs/case-format.md, "Prices").
    s.values[t] += v * f.price_factor * profile_share(f.profile, year, params, file);
  };
  switch (f.form) {
    case FlowItem::Form::amount: put(f.year, value_of(f.amount, params, file)); break;
    case FlowItem::Form::per_year: {
      double base = value_of(f.amount, params, file);
      double g = f.growth.present ? value_of(f.growth, params, file) : 0.0;
      for (int y = f.from; y <= f.to; ++y) put(y, base * std::pow(1.0 + g, y - f.from));
      break;
    }
    case FlowItem::Form::amounts:
      for (const auto& [y, v] : f.amounts) put(y, value_of(v, params, file));
      break;
  }
  for (size_t t = 0; t < s.values.size(); ++t)
    if (!std::isfinite(s.values[t]) || std::fabs(s.values[t]) > kMaxAmount)
      throw InputError{{Diagnostic{
          file, f.form != FlowItem::Form::amounts && f.amount.loc.line > 0 ? f.amount.loc : f.loc,
          Severity::error,
          f.form != FlowItem::Form::amounts && !f.amount.yaml_path.empty() ? f.amount.yaml_path : f.yaml_path,
          fmt::format("'{}' is {} in {}, beyond what the totals can hold", f.id,
                      std::isfinite(s.values[t]) ? fmt::format("{:g}", s.values[t])
                                                 : std::string("not a finite number"),
                      a.start_year + static_cast<int>(t)),
          f.form == FlowItem::Form::per_year && f.growth.present
              ? "check the amount and the growth: the amount x (1 + growth)^years overflows"
              : "check the amount and the parameters it uses"}}};
  return s;
}

std::vector<ItemSeries> case_series(const Case& c, std::span<const double> params) {
  std::vector<ItemSeries> out;
  out.reserve(c.costs.size() + c.benefits.size() + c.capacity.activities.size());
  for (const auto& f : c.costs) out.push_back(flow_series(f, c.assumptions, params, c.file));
  for (const auto& f : c.benefits) out.push_back(flow_series(f, c.assumptions, params, c.file));
  for (const auto& a : c.capacity.activities) {
    if (!a.monetise) continue;
    ActivitySeries as = activity_series(c, a, params);
    ItemSeries s;
    s.id = a.id;
    s.label = a.label.empty() ? a.id : a.label;
    s.party = a.party;
    s.is_cost = false;
    s.benefit_kind = BenefitKind::capacity;
    s.derived_from_capacity = true;
    s.values = as.value;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace gevinst
