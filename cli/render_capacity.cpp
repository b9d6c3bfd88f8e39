#include "cli/render_capacity.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gevinst::cli {

namespace {

void put_totals(Json& j, const CapacityTotals& t) {
  j["hours"] = num(t.hours);
  j["realisable_hours"] = num(t.realisable_hours);
  j["value"] = num(t.value);
  j["fte"] = num(t.fte);
  j["fte_years"] = num(t.fte_years);
  j["steady_state_year"] = num(t.fte_year);
}

Json year_rows(const CapacityTotals& t, int start_year, const std::vector<double>* target_share) {
  Json years = Json::array();
  for (size_t i = 0; i < t.hours_by_year.size(); ++i) {
    Json y;
    y["year"] = start_year + static_cast<int>(i);
    y["hours"] = num(t.hours_by_year[i]);
    y["realisable_hours"] = num(t.realisable_by_year[i]);
    y["fte"] = num(t.fte_by_year[i]);
    y["value"] = num(t.value_by_year[i]);
    if (target_share && i < target_share->size()) y["target_share"] = num((*target_share)[i]);
    years.push_back(std::move(y));
  }
  return years;
}

}  // namespace

Json capacity_json(const CapacityResult& r) {
  Json j;
  j["case"] = {{"id", r.case_id}, {"title", r.title}, {"file", r.file}};
  j["scenario"] = text_or_null(r.scenario);
  j["currency"] = r.currency;
  j["start_year"] = r.start_year;
  j["horizon"] = r.horizon;
  j["fte_hours"] = num(r.fte_hours);
  j["fte_hours_preset"] = text_or_null(r.fte_hours_preset);
  put_totals(j, r.total);
  j["steady_state_fte"] = num(r.total.fte);
  j["value_pv"] = num(r.value_pv);
  j["monetised_value"] = num(r.monetised_value);
  j["monetised_pv"] = num(r.monetised_pv);
  if (r.target_fte)
    j["target"] = {{"fte", num(*r.target_fte)}, {"share", num(r.target_share)}};
  else
    j["target"] = nullptr;
  j["years"] = year_rows(r.total, r.start_year, r.target_fte ? &r.target_share_by_year : nullptr);

  Json staff = Json::array();
  for (size_t i = 0; i < r.by_staff.size(); ++i) {
    Json s;
    s["id"] = r.by_staff[i].id;
    s["label"] = r.by_staff[i].label;
    s["preset"] = i < r.staff_rates.size() ? text_or_null(r.staff_rates[i].preset) : Json(nullptr);
    s["hour_cost"] = i < r.staff_rates.size() ? num(r.staff_rates[i].hour_cost) : Json(nullptr);
    put_totals(s, r.by_staff[i]);
    staff.push_back(std::move(s));
  }
  j["staff"] = std::move(staff);

  Json parties = Json::array();
  for (const auto& p : r.by_party) {
    Json pj;
    pj["id"] = p.id;
    pj["label"] = p.label;
    put_totals(pj, p);
    pj["years"] = year_rows(p, r.start_year, nullptr);
    parties.push_back(std::move(pj));
  }
  j["parties"] = std::move(parties);

  Json acts = Json::array();
  for (size_t i = 0; i < r.by_activity.size() && i < r.activities.size(); ++i) {
    const ActivitySeries& s = r.activities[i];
    Json a;
    a["id"] = s.id;
    a["label"] = s.label;
    a["staff"] = s.staff;
    a["party"] = s.party;
    a["monetise"] = s.monetise;
    a["derived_benefit"] =
        s.monetise ? Json("capacity benefit of " + s.party + " in evaluate") : Json(nullptr);
    a["hour_cost"] = num(s.hour_cost);
    put_totals(a, r.by_activity[i]);
    a["years"] = year_rows(r.by_activity[i], r.start_year, nullptr);
    acts.push_back(std::move(a));
  }
  j["activities"] = std::move(acts);

  Json sc = Json::array();
  for (const auto& s : r.scenarios)
    sc.push_back({{"name", s.name},
                  {"hours", num(s.hours)},
                  {"realisable_hours", num(s.realisable_hours)},
                  {"value", num(s.value)},
                  {"fte", num(s.fte)},
                  {"fte_years", num(s.fte_years)},
                  {"steady_state_year", num(s.fte_year)},
                  {"target_share", num(s.target_share)}});
  j["scenarios"] = std::move(sc);
  j["notes"] = r.notes;
  return j;
}

namespace {

size_t width(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}

// A two-column table without a header, as "label   value" lines.
std::string key_values(const Table& t) {
  size_t w = 0;
  for (const auto& row : t.rows) w = std::max(w, width(row[0]));
  std::string out;
  for (const auto& row : t.rows) out += row[0] + std::string(w - width(row[0]) + 2, ' ') + row[1] + "\n";
  return out;
}

struct Renderer {
  const CapacityResult& r;
  NumberLocale loc;

  std::string money(double v) const { return format_number(v, 0, loc); }
  std::string hours(double v) const { return format_number(v, 0, loc); }
  std::string fte(double v) const { return format_number(v, 1, loc); }
  std::string year(const std::optional<int>& y) const { return y ? std::to_string(*y) : "-"; }

  std::string title() const {
    return fmt::format("{} ({})", r.title.empty() ? r.case_id : r.title, r.case_id);
  }
  std::string subtitle() const {
    std::string hours_note = r.fte_hours_preset.empty() ? "" : fmt::format(", {}", r.fte_hours_preset);
    return fmt::format("Capacity release (kapacitetsfrigørelse) {}–{}; {} hours per FTE (årsværk{}){}",
                       r.start_year, r.start_year + r.horizon - 1, format_number(r.fte_hours, 0, loc),
                       hours_note, r.scenario.empty() ? "" : fmt::format("; scenario {}", r.scenario));
  }

  Table headline() const {
    Table t;
    t.header = {"", ""};
    t.right = {false, true};
    const CapacityTotals& tot = r.total;
    t.rows.push_back(
        {"FTE freed at full effect",
         tot.fte_year ? fmt::format("{} FTE from {}", fte(tot.fte), *tot.fte_year) : fte(tot.fte)});
    t.rows.push_back({"FTE-years over the horizon", fte(tot.fte_years)});
    t.rows.push_back({"Hours freed", hours(tot.hours)});
    t.rows.push_back({"Realisable hours (can be redeployed)", hours(tot.realisable_hours)});
    t.rows.push_back({fmt::format("Value of realisable hours ({})", r.currency),
                      fmt::format("{} (PV {})", money(tot.value), money(r.value_pv))});
    if (r.monetised_value)
      t.rows.push_back({"  of which enters evaluate as capacity benefits",
                        fmt::format("{} (PV {})", money(*r.monetised_value), money(*r.monetised_pv))});
    if (r.target_fte)
      t.rows.push_back(
          {"Target",
           fmt::format("{} FTE; {} reached at full effect",
                       format_number(*r.target_fte, *r.target_fte == std::floor(*r.target_fte) ? 0 : 1, loc),
                       r.target_share ? format_percent(*r.target_share, 1, loc) : "-")});
    return t;
  }

  Table years() const {
    Table t;
    t.header = {"Year", "Hours", "Realisable", "FTE", fmt::format("Value ({})", r.currency)};
    bool target = r.target_fte && !r.target_share_by_year.empty();
    if (target) t.header.push_back("Of target");
    t.right.assign(t.header.size(), true);
    const CapacityTotals& tot = r.total;
    for (size_t i = 0; i < tot.hours_by_year.size(); ++i) {
      std::vector<std::string> row{std::to_string(r.start_year + static_cast<int>(i)),
                                   hours(tot.hours_by_year[i]), hours(tot.realisable_by_year[i]),
                                   fte(tot.fte_by_year[i]), money(tot.value_by_year[i])};
      if (target) row.push_back(format_percent(r.target_share_by_year[i], 1, loc));
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  Table staff() const {
    Table t;
    t.header = {"Staff group", "Hour cost",   "Hours",     "Realisable",
                "FTE",         "Full effect", "FTE-years", "Value"};
    t.right = {false, true, true, true, true, true, true, true};
    for (size_t i = 0; i < r.by_staff.size(); ++i) {
      const CapacityTotals& s = r.by_staff[i];
      std::string cost = "-";
      if (i < r.staff_rates.size()) {
        cost = money(r.staff_rates[i].hour_cost);
        if (!r.staff_rates[i].preset.empty()) cost += fmt::format(" ({})", r.staff_rates[i].preset);
      }
      t.rows.push_back({s.label, cost, hours(s.hours), hours(s.realisable_hours), fte(s.fte),
                        year(s.fte_year), fte(s.fte_years), money(s.value)});
    }
    return t;
  }

  Table parties() const {
    Table t;
    t.header = {
        "Party (gets the time back)", "Hours", "Realisable", "FTE", "Full effect", "FTE-years", "Value"};
    t.right = {false, true, true, true, true, true, true};
    for (const auto& p : r.by_party)
      t.rows.push_back({p.label, hours(p.hours), hours(p.realisable_hours), fte(p.fte), year(p.fte_year),
                        fte(p.fte_years), money(p.value)});
    return t;
  }

  Table activities() const {
    Table t;
    t.header = {"Activity", "Staff", "Party", "Hours", "Realisable", "FTE", "Value", "In evaluate"};
    t.right = {false, false, false, true, true, true, true, false};
    for (size_t i = 0; i < r.activities.size() && i < r.by_activity.size(); ++i) {
      const ActivitySeries& s = r.activities[i];
      const CapacityTotals& a = r.by_activity[i];
      t.rows.push_back({s.label, s.staff, s.party, hours(a.hours), hours(a.realisable_hours), fte(a.fte),
                        money(a.value), s.monetise ? "capacity benefit" : "no"});
    }
    return t;
  }

  Table scenarios() const {
    Table t;
    t.header = {"Scenario", "FTE", "Full effect", "FTE-years", "Hours", "Realisable", "Value"};
    if (r.target_fte) t.header.push_back("Of target");
    t.right.assign(t.header.size(), true);
    t.right[0] = false;
    for (const auto& s : r.scenarios) {
      std::vector<std::string> row{s.name,           fte(s.fte),     year(s.fte_year),
                                   fte(s.fte_years), hours(s.hours), hours(s.realisable_hours),
                                   money(s.value)};
      if (r.target_fte) row.push_back(s.target_share ? format_percent(*s.target_share, 1, loc) : "-");
      t.rows.push_back(std::move(row));
    }
    return t;
  }

  std::string render(bool md) const {
    auto table = [&](const Table& t) { return md ? t.render_markdown() : t.render_text(); };
    auto heading = [&](const std::string& h) {
      return md ? fmt::format("\n### {}\n\n", h) : fmt::format("\n{}\n", h);
    };
    std::string out = md ? fmt::format("## {}\n\n{}\n\n", title(), subtitle())
                         : fmt::format("{}\n{}\n\n", title(), subtitle());
    if (md) {
      Table h = headline();
      h.header = {"", "Result"};
      out += h.render_markdown();
    } else {
      out += key_values(headline());
    }
    out += heading(fmt::format("Year by year ({})", r.currency));
    out += table(years());
    if (!r.by_staff.empty()) {
      out += heading("By staff group");
      out += table(staff());
    }
    if (!r.by_party.empty()) {
      out += heading("By party");
      out += table(parties());
    }
    if (!r.activities.empty()) {
      out += heading("By activity");
      out += table(activities());
    }
    if (r.scenarios.size() > 1) {
      out += heading("Scenarios");
      out += table(scenarios());
    }
    if (!r.notes.empty()) {
      out += heading("Notes");
      for (const auto& n : r.notes) out += fmt::format("- {}\n", n);
    }
    return out;
  }
};

}  // namespace

std::string capacity_table(const CapacityResult& r, NumberLocale loc) {
  return Renderer{r, loc}.render(false);
}

std::string capacity_markdown(const CapacityResult& r, NumberLocale loc) {
  return Renderer{r, loc}.render(true);
}

std::string capacity_csv(const CapacityResult& r) {
  std::vector<std::string> header = {"year", "hours", "realisable_hours", "fte", "value"};
  bool target = r.target_fte && !r.target_share_by_year.empty();
  if (target) header.push_back("target_share");
  std::string out = csv_row(header);
  auto g = [](double v) { return fmt::format("{:.15g}", v); };
  const CapacityTotals& t = r.total;
  for (size_t i = 0; i < t.hours_by_year.size(); ++i) {
    std::vector<std::string> row{std::to_string(r.start_year + static_cast<int>(i)), g(t.hours_by_year[i]),
                                 g(t.realisable_by_year[i]), g(t.fte_by_year[i]), g(t.value_by_year[i])};
    if (target) row.push_back(g(r.target_share_by_year[i]));
    out += csv_row(row);
  }
  return out;
}

}  // namespace gevinst::cli
