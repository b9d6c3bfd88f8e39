#include "cli/render_sroi.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/render_business_case.h"

namespace gevinst::cli {

Json sroi_json(const SroiResult& r) {
  Json j;
  j["case"] = {{"id", r.case_id}, {"title", r.title}, {"file", r.file}};
  j["scenario"] = text_or_null(r.scenario);
  j["currency"] = r.currency;
  j["start_year"] = r.start_year;
  j["horizon"] = r.horizon;
  j["discounting"] = {{"name", r.discounting.name},
                      {"source", r.discounting.source},
                      {"timing", r.timing == Timing::mid ? "mid" : "end"}};
  j["ratio"] = num(r.ratio);
  j["net_ratio"] = num(r.net_ratio);
  j["pv_value"] = num(r.pv_value);
  j["investment"] = num(r.investment);
  j["investment_auto"] = r.investment_auto;
  j["first_year_impact"] = num(r.first_year_impact);
  j["payback_months"] = num(r.payback_months);
  Json outcomes = Json::array();
  for (const auto& o : r.outcomes) {
    Json oj;
    oj["id"] = o.id;
    oj["stakeholder"] = o.stakeholder;
    oj["indicator"] = text_or_null(o.indicator);
    oj["proxy_source"] = text_or_null(o.proxy_source);
    oj["quantity"] = num(o.quantity);
    oj["proxy"] = num(o.proxy);
    oj["deadweight"] = num(o.deadweight);
    oj["attribution"] = num(o.attribution);
    oj["displacement"] = num(o.displacement);
    oj["drop_off"] = num(o.drop_off);
    oj["start"] = o.start;
    oj["duration"] = o.duration;
    oj["years_counted"] = o.years_counted;
    oj["first_year_impact"] = num(o.first_year_impact);
    oj["pv_value"] = num(o.pv_value);
    Json years = Json::array();
    for (size_t t = 0; t < o.gross.size(); ++t)
      years.push_back({{"year", r.start_year + static_cast<int>(t)},
                       {"gross", num(o.gross[t])},
                       {"impact", num(o.impact[t])},
                       {"pv", num(o.pv[t])}});
    oj["years"] = std::move(years);
    outcomes.push_back(std::move(oj));
  }
  j["outcomes"] = std::move(outcomes);
  Json stakeholders = Json::array();
  for (const auto& s : r.stakeholders)
    stakeholders.push_back(
        {{"stakeholder", s.stakeholder}, {"pv_value", num(s.pv_value)}, {"share", num(s.share)}});
  j["stakeholders"] = std::move(stakeholders);
  Json years = Json::array();
  for (size_t t = 0; t < r.impact_by_year.size(); ++t)
    years.push_back(
        {{"year", r.start_year + static_cast<int>(t)},
         {"impact", num(r.impact_by_year[t])},
         {"discount_factor", t < r.discount_factors.size() ? num(r.discount_factors[t]) : Json(nullptr)},
         {"pv", num(r.pv_by_year[t])}});
  j["years"] = std::move(years);
  Json sens = Json::array();
  for (const auto& s : r.sensitivity)
    sens.push_back(
        {{"factor", s.factor}, {"change", s.change}, {"ratio", num(s.ratio)}, {"pv_value", num(s.pv_value)}});
  j["sensitivity"] = std::move(sens);
  j["warnings"] = r.warnings;
  return j;
}

namespace {

size_t width(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}

struct Renderer {
  const SroiResult& r;
  NumberLocale loc;

  std::string money(double v) const { return format_number(v, 0, loc); }
  std::string ratio(double v) const { return format_number(v, 2, loc); }
  std::string pct(double v) const { return format_percent(v, 0, loc); }

  std::string title() const {
    return fmt::format("{} ({})", r.title.empty() ? r.case_id : r.title, r.case_id);
  }
  std::string subtitle() const {
    return fmt::format("Social return on investment (SROI) {}–{}; {}; discounting {}{}", r.start_year,
                       r.start_year + r.horizon - 1, r.currency,
                       describe_discounting(r.discounting, r.timing, loc),
                       r.scenario.empty() ? "" : fmt::format("; scenario {}", r.scenario));
  }

  std::vector<std::pair<std::string, std::string>> headline() const {
    std::vector<std::pair<std::string, std::string>> h;
    h.push_back({"SROI ratio", fmt::format("{} : 1 ({} {} of social value per {} invested)", ratio(r.ratio),
                                           ratio(r.ratio), r.currency, r.currency)});
    h.push_back({"Net SROI ratio", ratio(r.net_ratio)});
    h.push_back({"PV of outcomes", money(r.pv_value)});
    h.push_back({"Investment", fmt::format("{} ({})", money(r.investment),
                                           r.investment_auto ? "auto: PV of all costs of the case"
                                                             : "as given, a present value")});
    h.push_back(
        {"Payback", r.payback_months
                        ? fmt::format("{} months (investment / (first-year impact {} / 12))",
                                      format_number(*r.payback_months, 1, loc), money(r.first_year_impact))
                        : std::string("none (no impact in a first year)")});
    return h;
  }

  Table impact_map() const {
    Table t;
    t.header = {"Outcome",     "Stakeholder",  "Indicator", "Quantity", "Proxy",          "Deadweight",
                "Attribution", "Displacement", "Drop-off",  "Years",    "Impact, year 1", "PV"};
    t.right = {false, false, false, true, true, true, true, true, true, true, true, true};
    for (const auto& o : r.outcomes) {
      std::string years = fmt::format("{}–{}", o.start, o.start + o.duration - 1);
      if (o.years_counted < o.duration) years += fmt::format(" ({} in horizon)", o.years_counted);
      if (o.duration == 1) years = std::to_string(o.start);
      t.rows.push_back({o.id, o.stakeholder, o.indicator, format_number(o.quantity, 0, loc),
                        format_number(o.proxy, o.proxy < 100 ? 2 : 0, loc), pct(o.deadweight),
                        pct(o.attribution), pct(o.displacement), pct(o.drop_off), years,
                        money(o.first_year_impact), money(o.pv_value)});
    }
    t.rows.push_back(
        {"Total", "", "", "", "", "", "", "", "", "", money(r.first_year_impact), money(r.pv_value)});
    return t;
  }

  Table stakeholders() const {
    Table t;
    t.header = {"Stakeholder", "PV of outcomes", "Share"};
    t.right = {false, true, true};
    for (const auto& s : r.stakeholders)
      t.rows.push_back({s.stakeholder, money(s.pv_value), s.share ? pct(*s.share) : "-"});
    return t;
  }

  Table years() const {
    Table t;
    t.header = {"Year", "Impact", "DF", "PV"};
    t.right = {true, true, true, true};
    for (size_t i = 0; i < r.impact_by_year.size(); ++i)
      t.rows.push_back({std::to_string(r.start_year + static_cast<int>(i)), money(r.impact_by_year[i]),
                        i < r.discount_factors.size() ? format_number(r.discount_factors[i], 4, loc) : "-",
                        money(r.pv_by_year[i])});
    return t;
  }

  Table sensitivity() const {
    Table t;
    t.header = {"Adjustment", "Change", "SROI ratio", "PV of outcomes"};
    t.right = {false, false, true, true};
    t.rows.push_back({"(base)", "", ratio(r.ratio), money(r.pv_value)});
    for (const auto& s : r.sensitivity) {
      std::string change = s.change == "0" ? "set to 0" : s.change == "+0.25" ? "+0.25 (max 1)" : s.change;
      t.rows.push_back({s.factor, change, ratio(s.ratio), money(s.pv_value)});
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
    auto h = headline();
    if (md) {
      Table t;
      t.header = {"", "Result"};
      t.right = {false, false};
      for (auto& [k, v] : h) t.rows.push_back({k, v});
      out += t.render_markdown();
    } else {
      size_t w = 0;
      for (const auto& kv : h) w = std::max(w, width(kv.first));
      for (const auto& [k, v] : h) out += k + std::string(w - width(k) + 2, ' ') + v + "\n";
    }
    out += heading(
        fmt::format("Impact map ({}; impact = quantity x proxy x (1 - deadweight) x (1 - attribution) x "
                    "(1 - displacement), less drop-off each later year)",
                    r.currency));
    out += table(impact_map());
    if (!r.stakeholders.empty()) {
      out += heading("By stakeholder");
      out += table(stakeholders());
    }
    out += heading("Year by year");
    out += table(years());
    if (!r.sensitivity.empty()) {
      out += heading("Sensitivity of the ratio (one adjustment changed for every outcome; investment fixed)");
      out += table(sensitivity());
    }
    if (!r.warnings.empty()) {
      out += heading("Warnings");
      for (const auto& w : r.warnings) out += fmt::format("- {}\n", w);
    }
    return out;
  }
};

}  // namespace

std::string sroi_table(const SroiResult& r, NumberLocale loc) { return Renderer{r, loc}.render(false); }

std::string sroi_markdown(const SroiResult& r, NumberLocale loc) { return Renderer{r, loc}.render(true); }

std::string sroi_csv(const SroiResult& r) {
  std::string out = csv_row({"year", "impact", "discount_factor", "pv"});
  auto g = [](double v) { return fmt::format("{:.15g}", v); };
  for (size_t t = 0; t < r.impact_by_year.size(); ++t)
    out += csv_row({std::to_string(r.start_year + static_cast<int>(t)), g(r.impact_by_year[t]),
                    t < r.discount_factors.size() ? g(r.discount_factors[t]) : "", g(r.pv_by_year[t])});
  return out;
}

}  // namespace gevinst::cli
