#include "cli/render/sroi.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/render/business_case.h"

namespace gevinst::cli {

Json sroi_json(const SroiResult& r) {
  Json j;
  j["case"] = {{"id", r.case_id}, {"title", r.title}, {"file", r.file}};
  j["scenario"] = text_or_null(r.scenario);
  j["currency"] = r.currency;
  j["start_year"] = r.start_year;
  j["horizon"] = r.horizon;
  j["discounting"] = discounting_json(r.discounting, r.timing);
  j["first_year"] = r.first_year_discounted ? "discounted" : "undiscounted";
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
  j["warnings"] = texts(r.warnings);
  return j;
}

namespace {

struct SroiBuilder {
  const SroiResult& r;
  const Style& st;
  NumberLocale loc = st.locale;

  std::string money(double v) const { return format_number(v, 0, loc); }
  std::string ratio(double v) const { return format_number(v, 2, loc); }
  static Cell money_cell(double v) { return Cell::number(v, 0); }
  static Cell ratio_cell(double v) { return Cell::number(v, 2); }
  static Cell pct(double v) { return Cell::percent(v, 0); }

  std::string title() const {
    return fmt::format("{} ({})", r.title.empty() ? r.case_id : r.title, r.case_id);
  }
  std::string subtitle() const {
    return st.trf("Social return on investment (SROI) {}–{}; {}; discounting {}{}", r.start_year,
                  r.start_year + r.horizon - 1, r.currency, describe_discounting(r.discounting, r.timing, st),
                  r.scenario.empty() ? "" : st.trf("; scenario {}", r.scenario));
  }

  Facts headline() const {
    Facts f;
    f.value_header = st.tr("Result");
    f.value_align = Align::left;
    auto& h = f.rows;
    h.push_back({st.tr("SROI ratio"), st.trf("{} : 1 ({} {} of social value per {} invested)", ratio(r.ratio),
                                             ratio(r.ratio), r.currency, r.currency)});
    h.push_back({st.tr("Net SROI ratio"), ratio(r.net_ratio)});
    h.push_back({st.tr("PV of outcomes"), money(r.pv_value)});
    h.push_back({st.tr("First year"),
                 r.first_year_discounted
                     ? st.tr("discounted: an outcome in year index t takes DF(t + 1) (SROI guide)")
                     : st.tr("undiscounted: an outcome in year index t takes DF(t)")});
    h.push_back(
        {st.tr("Investment"), fmt::format("{} ({})", money(r.investment),
                                          r.investment_auto ? st.tr("auto: PV of all costs of the case")
                                                            : st.tr("as given, a present value"))});
    h.push_back(
        {st.tr("Payback"), r.payback_months
                               ? st.trf("{} months (investment / (first-year impact {} / 12))",
                                        format_number(*r.payback_months, 1, loc), money(r.first_year_impact))
                               : st.tr("none (no impact in a first year)")});
    return f;
  }

  Table impact_map() const {
    Table t;
    t.column(st.tr("Outcome")).column(st.tr("Stakeholder")).column(st.tr("Indicator"));
    for (const std::string& h :
         {st.tr("Quantity"), st.tr("Proxy"), st.tr("Deadweight"), st.tr("Attribution"), st.tr("Displacement"),
          st.tr("Drop-off"), st.tr("Years"), st.tr("Impact, year 1"), st.tr("PV")})
      t.column(h, Align::right);
    for (const auto& o : r.outcomes) {
      std::string years = fmt::format("{}–{}", o.start, o.start + o.duration - 1);
      if (o.years_counted < o.duration) {
        years += ' ';  // appended, not concatenated: GCC 12 warns falsely on " " + std::string
        years += st.trf("({} in horizon)", o.years_counted);
      }
      if (o.duration == 1) years = std::to_string(o.start);
      t.row({Cell::of(o.id), Cell::of(o.stakeholder), Cell::of(o.indicator), Cell::number(o.quantity, 0),
             Cell::number(o.proxy, o.proxy < 100 ? 2 : 0), pct(o.deadweight), pct(o.attribution),
             pct(o.displacement), pct(o.drop_off), Cell::of(years), money_cell(o.first_year_impact),
             money_cell(o.pv_value)});
    }
    std::vector<Cell> total{Cell::of(st.tr("Total"))};
    total.resize(10, Cell::of(""));
    total.push_back(money_cell(r.first_year_impact));
    total.push_back(money_cell(r.pv_value));
    t.row(std::move(total));
    return t;
  }

  Table stakeholders() const {
    Table t;
    t.column(st.tr("Stakeholder"))
        .column(st.tr("PV of outcomes"), Align::right)
        .column(st.tr("Share"), Align::right);
    for (const auto& s : r.stakeholders)
      t.row({Cell::of(s.stakeholder), money_cell(s.pv_value), Cell::percent(s.share, 0)});
    return t;
  }

  Table years() const {
    Table t;
    for (const std::string& h : {st.tr("Year"), st.tr("Impact"), st.tr("DF"), st.tr("PV")})
      t.column(h, Align::right);
    for (size_t i = 0; i < r.impact_by_year.size(); ++i)
      t.row({Cell::of(std::to_string(r.start_year + static_cast<int>(i))), money_cell(r.impact_by_year[i]),
             i < r.discount_factors.size() ? Cell::number(r.discount_factors[i], 4) : Cell::of("-"),
             money_cell(r.pv_by_year[i])});
    return t;
  }

  // The adjustments the library varies (libeval/sroi.cpp), in the style's language.
  std::string factor_label(const std::string& factor) const {
    if (factor == "deadweight") return st.tr("deadweight");
    if (factor == "attribution") return st.tr("attribution");
    if (factor == "displacement") return st.tr("displacement");
    if (factor == "drop_off") return st.tr("drop_off");
    if (factor == "duration") return st.tr("duration");
    return factor;
  }
  std::string change_label(const std::string& change) const {
    if (change == "0") return st.tr("set to 0");
    if (change == "+0.25") return st.tr("+0.25 (max 1)");
    if (change == "-1 year") return st.tr("-1 year");
    return change;
  }

  Table sensitivity() const {
    Table t;
    t.column(st.tr("Adjustment"))
        .column(st.tr("Change"))
        .column(st.tr("SROI ratio"), Align::right)
        .column(st.tr("PV of outcomes"), Align::right);
    t.row({Cell::of(st.tr("(base)")), Cell::of(""), ratio_cell(r.ratio), money_cell(r.pv_value)});
    for (const auto& s : r.sensitivity)
      t.row({Cell::of(factor_label(s.factor)), Cell::of(change_label(s.change)), ratio_cell(s.ratio),
             money_cell(s.pv_value)});
    return t;
  }

  Table csv() const {
    Table t;
    t.csv_numbers = CsvNumbers::g15;
    t.column("year").column("impact").column("discount_factor").column("pv");
    for (size_t i = 0; i < r.impact_by_year.size(); ++i)
      t.row({Cell::of(std::to_string(r.start_year + static_cast<int>(i))), Cell::number(r.impact_by_year[i]),
             i < r.discount_factors.size() ? Cell::number(r.discount_factors[i]) : Cell::of(""),
             Cell::number(r.pv_by_year[i])});
    return t;
  }

  Document document() const {
    Document d;
    d.title = title();
    d.paragraph(subtitle());
    d.gap();
    d.facts(headline());
    d.heading(
        st.trf("Impact map ({}; impact = quantity x proxy x (1 - deadweight) x (1 - attribution) x "
               "(1 - displacement), less drop-off each later year)",
               r.currency));
    d.table(impact_map());
    if (!r.stakeholders.empty()) d.section(st.tr("By stakeholder"), stakeholders());
    d.heading(st.tr("Year by year"));
    d.table(years());
    if (!r.sensitivity.empty())
      d.section(
          st.tr("Sensitivity of the ratio (one adjustment changed for every outcome; investment fixed)"),
          sensitivity());
    d.section(st.tr("Warnings"), st.phrases(r.warnings));
    d.json = sroi_json(r);
    d.csv.push_back(csv());
    return d;
  }
};

}  // namespace

Document sroi_document(const SroiResult& r, const Style& st) { return SroiBuilder{r, st}.document(); }

}  // namespace gevinst::cli
