#include "cli/render/capacity.h"

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
  j["notes"] = texts(r.notes);
  return j;
}

namespace {

struct CapacityBuilder {
  const CapacityResult& r;
  const Style& st;
  NumberLocale loc = st.locale;

  static Cell money(double v) { return Cell::number(v, 0); }
  static Cell hours(double v) { return Cell::number(v, 0); }
  static Cell fte(double v) { return Cell::number(v, 1); }
  static Cell year(const std::optional<int>& y) { return Cell::of(y ? std::to_string(*y) : "-"); }
  std::string fte_text(double v) const { return format_number(v, 1, loc); }
  std::string money_text(double v) const { return format_number(v, 0, loc); }

  std::string subtitle() const {
    const int last = r.start_year + r.horizon - 1;
    const std::string per_fte = format_number(r.fte_hours, 0, loc);
    const std::string scenario = r.scenario.empty() ? "" : st.trf("; scenario {}", r.scenario);
    if (r.fte_hours_preset.empty())
      return st.trf("Capacity release (kapacitetsfrigørelse) {}–{}; {} hours per FTE (årsværk){}",
                    r.start_year, last, per_fte, scenario);
    return st.trf("Capacity release (kapacitetsfrigørelse) {}–{}; {} hours per FTE (årsværk, {}){}",
                  r.start_year, last, per_fte, r.fte_hours_preset, scenario);
  }

  Facts headline() const {
    Facts f;
    f.value_header = st.tr("Result");
    const CapacityTotals& tot = r.total;
    f.rows.emplace_back(
        st.tr("FTE freed at full effect"),
        tot.fte_year ? st.trf("{} FTE from {}", fte_text(tot.fte), *tot.fte_year) : fte_text(tot.fte));
    f.rows.emplace_back(st.tr("FTE-years over the horizon"), fte_text(tot.fte_years));
    f.rows.emplace_back(st.tr("Hours freed"), money_text(tot.hours));
    f.rows.emplace_back(st.tr("Realisable hours (can be redeployed)"), money_text(tot.realisable_hours));
    f.rows.emplace_back(st.trf("Value of realisable hours ({})", r.currency),
                        st.trf("{} (PV {})", money_text(tot.value), money_text(r.value_pv)));
    if (r.monetised_value)
      f.rows.emplace_back("  " + st.tr("of which enters evaluate as capacity benefits"),
                          st.trf("{} (PV {})", money_text(*r.monetised_value), money_text(*r.monetised_pv)));
    if (r.target_fte)
      f.rows.emplace_back(
          st.tr("Target"),
          st.trf("{} FTE; {} reached at full effect",
                 format_number(*r.target_fte, *r.target_fte == std::floor(*r.target_fte) ? 0 : 1, loc),
                 r.target_share ? format_percent(*r.target_share, 1, loc) : "-"));
    return f;
  }

  Table years() const {
    Table t;
    t.column(st.tr("Year"), Align::right)
        .column(st.tr("Hours"), Align::right)
        .column(st.tr("Realisable"), Align::right);
    t.column(st.tr("FTE"), Align::right).column(st.trf("Value ({})", r.currency), Align::right);
    bool target = r.target_fte && !r.target_share_by_year.empty();
    if (target) t.column(st.tr("Of target"), Align::right);
    const CapacityTotals& tot = r.total;
    for (size_t i = 0; i < tot.hours_by_year.size(); ++i) {
      std::vector<Cell> row{Cell::of(std::to_string(r.start_year + static_cast<int>(i))),
                            hours(tot.hours_by_year[i]), hours(tot.realisable_by_year[i]),
                            fte(tot.fte_by_year[i]), money(tot.value_by_year[i])};
      if (target) row.push_back(Cell::percent(r.target_share_by_year[i], 1));
      t.row(std::move(row));
    }
    return t;
  }

  Table staff() const {
    Table t;
    t.column(st.tr("Staff group"));
    for (const std::string& h : {st.tr("Hour cost"), st.tr("Hours"), st.tr("Realisable"), st.tr("FTE"),
                                 st.tr("Full effect"), st.tr("FTE-years"), st.tr("Value")})
      t.column(h, Align::right);
    for (size_t i = 0; i < r.by_staff.size(); ++i) {
      const CapacityTotals& s = r.by_staff[i];
      Cell cost = Cell::of("-");
      if (i < r.staff_rates.size()) {
        cost = money(r.staff_rates[i].hour_cost);
        if (!r.staff_rates[i].preset.empty())
          cost = Cell::of(
              fmt::format("{} ({})", money_text(r.staff_rates[i].hour_cost), r.staff_rates[i].preset));
      }
      t.row({Cell::of(s.label), cost, hours(s.hours), hours(s.realisable_hours), fte(s.fte), year(s.fte_year),
             fte(s.fte_years), money(s.value)});
    }
    return t;
  }

  Table parties() const {
    Table t;
    t.column(st.tr("Party (gets the time back)"));
    for (const std::string& h : {st.tr("Hours"), st.tr("Realisable"), st.tr("FTE"), st.tr("Full effect"),
                                 st.tr("FTE-years"), st.tr("Value")})
      t.column(h, Align::right);
    for (const auto& p : r.by_party)
      t.row({Cell::of(p.label), hours(p.hours), hours(p.realisable_hours), fte(p.fte), year(p.fte_year),
             fte(p.fte_years), money(p.value)});
    return t;
  }

  Table activities() const {
    Table t;
    t.column(st.tr("Activity")).column(st.tr("Staff")).column(st.tr("Party"));
    for (const std::string& h : {st.tr("Hours"), st.tr("Realisable"), st.tr("FTE"), st.tr("Value")})
      t.column(h, Align::right);
    t.column(st.tr("In evaluate"));
    for (size_t i = 0; i < r.activities.size() && i < r.by_activity.size(); ++i) {
      const ActivitySeries& s = r.activities[i];
      const CapacityTotals& a = r.by_activity[i];
      t.row({Cell::of(s.label), Cell::of(s.staff), Cell::of(s.party), hours(a.hours),
             hours(a.realisable_hours), fte(a.fte), money(a.value),
             Cell::of(s.monetise ? st.tr("capacity benefit") : st.tr("no"))});
    }
    return t;
  }

  Table scenarios() const {
    Table t;
    t.column(st.tr("Scenario"));
    for (const std::string& h : {st.tr("FTE"), st.tr("Full effect"), st.tr("FTE-years"), st.tr("Hours"),
                                 st.tr("Realisable"), st.tr("Value")})
      t.column(h, Align::right);
    if (r.target_fte) t.column(st.tr("Of target"), Align::right);
    for (const auto& s : r.scenarios) {
      // The library names the case's own values "base" (libeval/capacity.cpp).
      std::vector<Cell> row{Cell::of(s.name == "base" ? st.tr("base") : s.name),
                            fte(s.fte),
                            year(s.fte_year),
                            fte(s.fte_years),
                            hours(s.hours),
                            hours(s.realisable_hours),
                            money(s.value)};
      if (r.target_fte) row.push_back(Cell::percent(s.target_share, 1));
      t.row(std::move(row));
    }
    return t;
  }

  Table csv() const {
    Table t;
    t.csv_numbers = CsvNumbers::g15;
    t.column("year").column("hours").column("realisable_hours").column("fte").column("value");
    bool target = r.target_fte && !r.target_share_by_year.empty();
    if (target) t.column("target_share");
    const CapacityTotals& tot = r.total;
    for (size_t i = 0; i < tot.hours_by_year.size(); ++i) {
      std::vector<Cell> row{Cell::of(std::to_string(r.start_year + static_cast<int>(i))),
                            Cell::number(tot.hours_by_year[i]), Cell::number(tot.realisable_by_year[i]),
                            Cell::number(tot.fte_by_year[i]), Cell::number(tot.value_by_year[i])};
      if (target) row.push_back(Cell::number(r.target_share_by_year[i]));
      t.row(std::move(row));
    }
    return t;
  }

  // The headline figures for a spreadsheet (--table summary), named as the
  // JSON keys.
  Table csv_summary() const {
    Table t;
    t.csv_numbers = CsvNumbers::g15;
    const CapacityTotals& tot = r.total;
    for (const char* h : {"fte", "fte_year", "fte_years", "hours", "realisable_hours", "value", "value_pv",
                          "monetised_value", "monetised_pv", "target_fte", "target_share"})
      t.column(h);
    t.row({Cell::number(tot.fte),
           Cell::number(tot.fte_year ? std::optional<double>(*tot.fte_year) : std::nullopt, 0, ""),
           Cell::number(tot.fte_years), Cell::number(tot.hours), Cell::number(tot.realisable_hours),
           Cell::number(tot.value), Cell::number(r.value_pv), Cell::number(r.monetised_value, 0, ""),
           Cell::number(r.monetised_pv, 0, ""), Cell::number(r.target_fte, 0, ""),
           Cell::number(r.target_fte ? r.target_share : std::nullopt, 0, "")});
    return t;
  }

  Document document() const {
    Document d;
    d.title = fmt::format("{} ({})", r.title.empty() ? r.case_id : r.title, r.case_id);
    d.paragraph(subtitle());
    d.gap();
    d.facts(headline());
    d.heading(st.trf("Year by year ({})", r.currency));
    d.table(years());
    if (!r.by_staff.empty()) d.section(st.tr("By staff group"), staff());
    if (!r.by_party.empty()) d.section(st.tr("By party"), parties());
    if (!r.activities.empty()) d.section(st.tr("By activity"), activities());
    if (r.scenarios.size() > 1) {
      d.heading(st.tr("Scenarios"));
      d.table(scenarios());
    }
    d.section(st.tr("Notes"), st.phrases(r.notes));
    d.json = capacity_json(r);
    d.csv.push_back(csv());
    d.csv_summary.push_back(csv_summary());
    return d;
  }
};

}  // namespace

Document capacity_document(const CapacityResult& r, const Style& st) {
  return CapacityBuilder{r, st}.document();
}

}  // namespace gevinst::cli
