#include "cli/render/presets.h"

#include <fmt/format.h>

namespace gevinst::cli {

Document presets_document(const std::vector<PresetInfo>& presets) {
  Document d;
  Table t;
  t.column("kind").column("name").column("label");
  for (const auto& p : presets) t.row({Cell::of(p.kind), Cell::of(p.name), Cell::of(p.label)});
  d.table(std::move(t));
  // Sources are paragraphs; they follow the table rather than widen it.
  d.heading("Sources");
  std::vector<std::string> sources;
  sources.reserve(presets.size());
  for (const auto& p : presets) sources.push_back(fmt::format("{} ({}): {}", p.name, p.kind, p.source));
  d.bullets(std::move(sources));

  d.json["presets"] = Json::array();
  Table csv;
  csv.column("kind").column("name").column("label").column("source");
  for (const auto& p : presets) {
    d.json["presets"].push_back(
        {{"kind", p.kind}, {"name", p.name}, {"label", p.label}, {"source", p.source}});
    csv.row({Cell::of(p.kind), Cell::of(p.name), Cell::of(p.label), Cell::of(p.source)});
  }
  d.csv.push_back(std::move(csv));
  return d;
}

namespace {

// The contents of one preset: the rows its table shows, the JSON fields and
// the one CSV table (the same rows with exact numbers).
void discounting_contents(const DiscountSchedule& s, Document& d) {
  Table t;
  t.column("from year index", Align::right)
      .column("to year index", Align::right)
      .column("rate", Align::right);
  Json steps = Json::array();
  for (size_t i = 0; i < s.steps.size(); ++i) {
    const RateStep& st = s.steps[i];
    std::optional<double> to;
    if (i + 1 < s.steps.size()) to = s.steps[i + 1].from_index - 1;
    t.row({Cell::number(st.from_index), Cell::number(to, 0, "and after"), Cell::percent(st.rate, 2)});
    steps.push_back({{"from_index", st.from_index}, {"rate", st.rate}});
  }
  d.paragraph(
      "Year index t = year - start_year; year 0 is not discounted (docs/case-format.md, \"Discounting\").");
  d.table(t);
  d.json["preset"]["steps"] = std::move(steps);
  d.csv.push_back(std::move(t));
}

void units_contents(const UnitPreset& u, Document& d) {
  Table t;
  t.column("id").column("label").column("population", Align::right);
  Json units = Json::array();
  for (const auto& unit : u.units) {
    t.row({Cell::of(unit.id), Cell::of(unit.label), Cell::number(unit.population)});
    units.push_back({{"id", unit.id}, {"label", unit.label}, {"population", unit.population}});
  }
  t.row({Cell::of("total"), Cell::of(""), Cell::number(u.total_population())});
  d.paragraph(fmt::format("Population as of 1 January {}.", u.year));
  if (!u.valid_until.empty())
    d.paragraph(fmt::format("Valid until {}{}.", u.valid_until,
                            u.replaced_by.empty() ? "" : fmt::format("; replaced by {}", u.replaced_by)));
  if (!u.change.empty()) d.paragraph(u.change);
  d.table(t);
  Json& j = d.json["preset"];
  j["year"] = u.year;
  j["valid_until"] = u.valid_until.empty() ? Json() : Json(u.valid_until);
  j["replaced_by"] = u.replaced_by.empty() ? Json() : Json(u.replaced_by);
  j["units"] = std::move(units);
  j["total_population"] = u.total_population();
  d.csv.push_back(std::move(t));
}

// A price index: the published yearly increases and the chained index.
void price_index_contents(const PriceIndexPreset& p, Document& d) {
  Table t;
  t.column("year", Align::right).column("increase", Align::right).column("index", Align::right);
  Json years = Json::array();
  for (size_t k = 0; k < p.values.size(); ++k) {
    const int year = p.first_year + static_cast<int>(k);
    t.row({Cell::of(std::to_string(year)), k == 0 ? Cell::of("") : Cell::percent(p.changes[k], 1),
           Cell::number(p.values[k], 2)});
    years.push_back(
        {{"year", year}, {"change", k == 0 ? Json() : Json(p.changes[k])}, {"index", p.values[k]}});
  }
  d.paragraph(fmt::format(
      "Index {} = 100. An amount in prices of year b is amount x index(a) / index(b) in prices of year a "
      "(docs/case-format.md, \"Prices\").",
      p.first_year));
  d.table(t);
  d.json["preset"]["base_year"] = p.first_year;
  d.json["preset"]["years"] = std::move(years);
  d.csv.push_back(std::move(t));
}

// A preset holding one number (hours per FTE, an hour cost).
void value_contents(const std::string& label, const std::string& key, double v, int decimals, Document& d) {
  Table t;
  t.column(label, Align::right);
  t.row({Cell::number(v, decimals)});
  d.table(std::move(t));
  d.json["preset"][key] = v;
  Table csv;  // headed by the JSON key
  csv.column(key);
  csv.row({Cell::number(v)});
  d.csv.push_back(std::move(csv));
}

}  // namespace

Document preset_document(const PresetInfo& p) {
  Document d;
  d.title = fmt::format("{} ({})", p.name, p.kind);
  d.paragraph(p.label);
  d.json["preset"] = {{"kind", p.kind}, {"name", p.name}, {"label", p.label}, {"source", p.source}};
  if (p.kind == "discounting") {
    if (auto s = discount_preset(p.name)) discounting_contents(*s, d);
  } else if (p.kind == "fte-hours") {
    if (auto h = fte_hours_preset(p.name))
      value_contents("hours per full-time equivalent", "hours", h->hours, 0, d);
  } else if (p.kind == "staff") {
    if (auto s = staff_preset(p.name)) value_contents("hour cost (DKK)", "hour_cost", s->hour_cost, 2, d);
  } else if (p.kind == "units") {
    if (auto u = unit_preset(p.name)) units_contents(*u, d);
  } else if (p.kind == "price-index") {
    if (auto x = price_index_preset(p.name)) price_index_contents(*x, d);
  }
  d.heading("Source");
  d.paragraph(p.source);
  return d;
}

}  // namespace gevinst::cli
