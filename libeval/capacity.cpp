#include "libeval/capacity.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "libeval/discounting.h"
#include "libeval/flows.h"
#include "libeval/parameters.h"

namespace gevinst {

namespace {

// Ranges (time, events and hour cost >= 0; realisable and adoption shares in
// [0, 1]) are checked by value_of against each field's constraint, also after
// a scenario, --set or rollout override.

const StaffGroup* staff_group(const Case& c, const std::string& id) {
  for (const auto& g : c.capacity.staff)
    if (g.id == id) return &g;
  return nullptr;
}

}  // namespace

ActivitySeries activity_series(const Case& c, const Activity& a, std::span<const double> params) {
  const Assumptions& as = c.assumptions;
  const size_t n = static_cast<size_t>(std::max(0, as.horizon));
  ActivitySeries s{a.id,
                   a.label.empty() ? a.id : a.label,
                   a.staff,
                   a.party,
                   a.monetise,
                   0.0,
                   std::vector<double>(n),
                   std::vector<double>(n),
                   std::vector<double>(n),
                   std::vector<double>(n)};
  if (const StaffGroup* g = staff_group(c, a.staff)) s.hour_cost = value_of(g->hour_cost, params, c.file);
  // hours per event: minutes_saved / 60 or hours_saved as given.
  double per_event = value_of(a.time_saved, params, c.file) / (a.in_minutes ? 60.0 : 1.0);
  double events = value_of(a.events_per_year, params, c.file);
  double realisable = 1.0;
  if (a.realisable.present) realisable = value_of(a.realisable, params, c.file);
  for (int y = a.from; y <= a.to; ++y) {
    int t = y - as.start_year;
    if (t < 0 || t >= as.horizon) continue;
    double adoption = profile_share(a.adoption, y, params, c.file);
    // hours = minutes_saved / 60 x events x adoption
    double hours = per_event * events * adoption;
    s.hours[t] = hours;
    // realisable_hours = hours x realisable; fte = realisable_hours / fte_hours;
    // value = realisable_hours x hour_cost
    s.realisable_hours[t] = hours * realisable;
    s.fte[t] = s.realisable_hours[t] / as.fte_hours;
    s.value[t] = s.realisable_hours[t] * s.hour_cost;
  }
  return s;
}

namespace {

void ensure_years(CapacityTotals& t, size_t n) {
  if (!t.hours_by_year.empty()) return;
  t.hours_by_year.assign(n, 0.0);
  t.realisable_by_year.assign(n, 0.0);
  t.fte_by_year.assign(n, 0.0);
  t.value_by_year.assign(n, 0.0);
}

void add_into(CapacityTotals& t, const ActivitySeries& s) {
  size_t n = s.hours.size();
  ensure_years(t, n);
  for (size_t i = 0; i < n; ++i) {
    t.hours_by_year[i] += s.hours[i];
    t.realisable_by_year[i] += s.realisable_hours[i];
    t.fte_by_year[i] += s.fte[i];
    t.value_by_year[i] += s.value[i];
  }
}

// Sums over the horizon, the largest annual FTE and the first year it is
// reached. "Reached" allows a relative 1e-9 so that sums of the same
// quantities in a different order cannot move the steady-state year.
void summarise(CapacityTotals& t, int start_year, size_t n) {
  ensure_years(t, n);
  t.hours = t.realisable_hours = t.value = t.fte = t.fte_years = 0;
  t.fte_year.reset();
  for (size_t i = 0; i < n; ++i) {
    t.hours += t.hours_by_year[i];
    t.realisable_hours += t.realisable_by_year[i];
    t.value += t.value_by_year[i];
    t.fte_years += t.fte_by_year[i];
    t.fte = std::max(t.fte, t.fte_by_year[i]);
  }
  for (size_t i = 0; i < n && t.fte > 0; ++i)
    if (t.fte_by_year[i] >= t.fte * (1 - 1e-9)) {
      t.fte_year = start_year + static_cast<int>(i);
      break;
    }
}

[[noreturn]] void no_section(const Case& c) {
  SourceLoc loc = c.info.loc.line > 0 ? c.info.loc : SourceLoc{1, 1};
  throw InputError{{Diagnostic{
      c.file, loc, Severity::error, "capacity", fmt::format("case '{}' has no capacity section", c.info.id),
      "add one (docs/case-format.md, \"Capacity release\"): capacity: {staff: {nurse: {hour_cost: 450}}, "
      "activities: [{id: ..., staff: nurse, party: ..., minutes_saved: 10, "
      "events_per_year: 1000}]}"}}};
}

// Totals of the whole case for one set of overrides (no breakdowns).
CapacityTotals case_totals(const Case& c, const Overrides& overrides) {
  std::vector<double> params = parameter_values(c, overrides);
  CapacityTotals t;
  for (const auto& a : c.capacity.activities) add_into(t, activity_series(c, a, params));
  summarise(t, c.assumptions.start_year, static_cast<size_t>(std::max(0, c.assumptions.horizon)));
  return t;
}

CapacityScenarioResult scenario_row(const std::string& name, const CapacityTotals& t,
                                    const std::optional<double>& target) {
  CapacityScenarioResult r{name, t.hours, t.realisable_hours, t.value, t.fte, t.fte_years, t.fte_year, {}};
  if (target && *target > 0) r.target_share = t.fte / *target;
  return r;
}

}  // namespace

CapacityResult evaluate_capacity(const Case& c, const CapacityOptions& opt) {
  if (opt.require_section && !c.capacity.present) no_section(c);
  CapacityResult r;
  const Assumptions& as = c.assumptions;
  r.case_id = c.info.id;
  r.title = c.info.title;
  r.file = c.file;
  r.scenario = opt.scenario;
  r.currency = as.currency;
  r.fte_hours = as.fte_hours;
  r.fte_hours_preset = as.fte_hours_preset;
  r.start_year = as.start_year;
  r.horizon = as.horizon;
  const size_t n = static_cast<size_t>(std::max(0, as.horizon));
  r.discount_factors = discount_factors(as.discounting, as.horizon, as.timing);
  std::vector<double> params = parameter_values(c, opt.overrides);

  std::map<std::string, CapacityTotals> staff, party;
  double monetised = 0, monetised_pv = 0;
  for (const auto& a : c.capacity.activities) {
    ActivitySeries s = activity_series(c, a, params);
    add_into(r.total, s);
    add_into(staff[s.staff], s);
    add_into(party[s.party], s);
    CapacityTotals at;
    at.id = s.id;
    at.label = s.label;
    add_into(at, s);
    summarise(at, r.start_year, n);
    r.by_activity.push_back(std::move(at));
    for (size_t t = 0; t < n; ++t) {
      r.value_pv += r.discount_factors[t] * s.value[t];
      if (s.monetise) {
        monetised += s.value[t];
        monetised_pv += r.discount_factors[t] * s.value[t];
      }
    }
    r.activities.push_back(std::move(s));
  }
  r.total.id = "total";
  summarise(r.total, r.start_year, n);

  // Staff groups in declaration order (including unused ones, with zeros),
  // parties in declaration order (only those with activities).
  for (const auto& g : c.capacity.staff) {
    CapacityTotals t = staff.count(g.id) ? staff[g.id] : CapacityTotals{};
    t.id = g.id;
    t.label = g.label.empty() ? g.id : g.label;
    summarise(t, r.start_year, n);
    r.by_staff.push_back(std::move(t));
    r.staff_rates.push_back(
        {g.id, g.label.empty() ? g.id : g.label, g.preset, value_of(g.hour_cost, params, c.file)});
  }
  for (const auto& p : c.parties) {
    auto it = party.find(p.id);
    if (it == party.end()) continue;
    it->second.id = p.id;
    it->second.label = p.label.empty() ? p.id : p.label;
    summarise(it->second, r.start_year, n);
    r.by_party.push_back(it->second);
  }

  if (c.capacity.target_fte) {
    r.target_fte = value_of(*c.capacity.target_fte, params, c.file);
    if (*r.target_fte > 0) {
      // progress = fte / target_fte, for the headline and per year
      r.target_share = r.total.fte / *r.target_fte;
      for (double f : r.total.fte_by_year) r.target_share_by_year.push_back(f / *r.target_fte);
    }
  }
  if (!c.capacity.activities.empty()) {
    r.monetised_value = monetised;
    r.monetised_pv = monetised_pv;
  }

  if (opt.scenarios && c.capacity.present) {
    Overrides base = opt.scenario_extra;
    r.scenarios.push_back(scenario_row("base", case_totals(c, base), r.target_fte));
    for (const auto& sc : c.scenarios) {
      Overrides o = sc.overrides;
      o.insert(o.end(), opt.scenario_extra.begin(), opt.scenario_extra.end());
      r.scenarios.push_back(scenario_row(sc.name, case_totals(c, o), r.target_fte));
    }
  }

  // Notes for the reader.
  bool any_monetised =
      std::any_of(r.activities.begin(), r.activities.end(), [](const auto& s) { return s.monetise; });
  bool any_not =
      std::any_of(r.activities.begin(), r.activities.end(), [](const auto& s) { return !s.monetise; });
  if (any_monetised)
    r.notes.push_back(phrase(
        "monetised activities enter the business case as capacity benefits of their party, labelled as "
        "derived from the capacity section; do not list the same time again under benefits"));
  if (any_not)
    r.notes.push_back(
        phrase("activities with monetise: false are valued here but do not enter the business case"));
  bool capacity_benefits = std::any_of(c.benefits.begin(), c.benefits.end(), [](const FlowItem& f) {
    return f.benefit_kind == BenefitKind::capacity;
  });
  if (capacity_benefits && any_monetised)
    r.notes.push_back(phrase(
        "the case also lists benefits of kind capacity; check that they are not the same freed time as a "
        "monetised activity (that would count it twice)"));
  if (r.total.fte > 0 && r.total.realisable_hours < r.total.hours)
    r.notes.push_back(
        phrase("{} % of the freed hours are realisable (can be redeployed); the FTE and "
               "value count only those",
               {arg::fixed(100 * r.total.realisable_hours / r.total.hours)}));
  return r;
}

}  // namespace gevinst
