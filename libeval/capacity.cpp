#include "libeval/capacity.h"

#include <algorithm>
#include <map>

#include "libeval/flows.h"
#include "libeval/parameters.h"

namespace gevinst {

ActivitySeries activity_series(const Case& c, const Activity& a, std::span<const double> params) {
  const Assumptions& as = c.assumptions;
  const size_t n = static_cast<size_t>(as.horizon);
  ActivitySeries s{a.id, a.label.empty() ? a.id : a.label, a.staff, a.party, a.monetise, 0.0,
                   std::vector<double>(n), std::vector<double>(n), std::vector<double>(n), std::vector<double>(n)};
  for (const auto& g : c.capacity.staff)
    if (g.id == a.staff) s.hour_cost = value_of(g.hour_cost, params, c.file);
  double per_event = value_of(a.time_saved, params, c.file) / (a.in_minutes ? 60.0 : 1.0);
  double events = value_of(a.events_per_year, params, c.file);
  double realisable = a.realisable.present ? value_of(a.realisable, params, c.file) : 1.0;
  for (int y = a.from; y <= a.to; ++y) {
    int t = y - as.start_year;
    if (t < 0 || t >= as.horizon) continue;
    double hours = per_event * events * profile_share(a.adoption, y, params, c.file);
    s.hours[t] = hours;
    s.realisable_hours[t] = hours * realisable;
    s.fte[t] = s.realisable_hours[t] / as.fte_hours;
    s.value[t] = s.realisable_hours[t] * s.hour_cost;
  }
  return s;
}

namespace {

void add_into(CapacityTotals& t, const ActivitySeries& s) {
  size_t n = s.hours.size();
  if (t.hours_by_year.empty()) {
    t.hours_by_year.assign(n, 0.0);
    t.realisable_by_year.assign(n, 0.0);
    t.fte_by_year.assign(n, 0.0);
    t.value_by_year.assign(n, 0.0);
  }
  for (size_t i = 0; i < n; ++i) {
    t.hours_by_year[i] += s.hours[i];
    t.realisable_by_year[i] += s.realisable_hours[i];
    t.fte_by_year[i] += s.fte[i];
    t.value_by_year[i] += s.value[i];
  }
}

void summarise(CapacityTotals& t, int start_year, size_t n) {
  if (t.hours_by_year.empty()) {
    t.hours_by_year.assign(n, 0.0);
    t.realisable_by_year.assign(n, 0.0);
    t.fte_by_year.assign(n, 0.0);
    t.value_by_year.assign(n, 0.0);
  }
  t.hours = t.realisable_hours = t.value = t.fte = t.fte_years = 0;
  for (size_t i = 0; i < n; ++i) {
    t.hours += t.hours_by_year[i];
    t.realisable_hours += t.realisable_by_year[i];
    t.value += t.value_by_year[i];
    t.fte_years += t.fte_by_year[i];
    if (t.fte_by_year[i] > t.fte) {
      t.fte = t.fte_by_year[i];
      t.fte_year = start_year + static_cast<int>(i);
    }
  }
  // Steady state: the first year within 0.5 % of the maximum, so a value that
  // creeps up by rounding does not push the headline year out.
  for (size_t i = 0; i < n && t.fte > 0; ++i)
    if (t.fte_by_year[i] >= t.fte * (1 - 1e-9)) {
      t.fte_year = start_year + static_cast<int>(i);
      break;
    }
}

}  // namespace

CapacityResult evaluate_capacity(const Case& c, const CapacityOptions& opt) {
  CapacityResult r;
  r.case_id = c.info.id;
  r.fte_hours = c.assumptions.fte_hours;
  r.start_year = c.assumptions.start_year;
  std::vector<double> params = parameter_values(c, opt.overrides);
  const size_t n = static_cast<size_t>(c.assumptions.horizon);
  std::map<std::string, CapacityTotals> staff, party;
  double monetised = 0;
  for (const auto& a : c.capacity.activities) {
    ActivitySeries s = activity_series(c, a, params);
    add_into(r.total, s);
    auto& st = staff[s.staff];
    st.id = s.staff;
    add_into(st, s);
    auto& pt = party[s.party];
    pt.id = s.party;
    add_into(pt, s);
    CapacityTotals at;
    at.id = s.id;
    add_into(at, s);
    summarise(at, r.start_year, n);
    r.by_activity.push_back(std::move(at));
    if (s.monetise)
      for (double v : s.value) monetised += v;
    r.activities.push_back(std::move(s));
  }
  r.total.id = "total";
  summarise(r.total, r.start_year, n);
  // Staff groups in declaration order, parties in declaration order.
  for (const auto& g : c.capacity.staff) {
    auto it = staff.find(g.id);
    CapacityTotals t = it != staff.end() ? it->second : CapacityTotals{};
    t.id = g.id;
    summarise(t, r.start_year, n);
    r.by_staff.push_back(std::move(t));
  }
  for (const auto& p : c.parties) {
    auto it = party.find(p.id);
    if (it == party.end()) continue;
    summarise(it->second, r.start_year, n);
    r.by_party.push_back(it->second);
  }
  if (c.capacity.target_fte) {
    r.target_fte = value_of(*c.capacity.target_fte, params, c.file);
    if (*r.target_fte > 0) r.target_share = r.total.fte / *r.target_fte;
  }
  if (!c.capacity.activities.empty()) r.monetised_value = monetised;
  return r;
}

}  // namespace gevinst
