#include "cli/render/sensitivity.h"

#include <fmt/format.h>

#include <cmath>

namespace gevinst::cli {

namespace {

const char* metric_key(Metric m) { return m == Metric::npv ? "npv" : m == Metric::fte ? "fte" : "sroi"; }

Json to_json(const SensitivityResult& r, const std::string& perspective) {
  Json j;
  j["case"] = {{"id", r.case_id}};
  j["metric"] = metric_key(r.metric);
  j["perspective"] = perspective;
  j["base_npv"] = num(r.base_npv);
  j["base_fte"] = num(r.base_fte);
  j["base_sroi_ratio"] = num(r.base_sroi_ratio);
  j["base_value"] = num(r.base_value);
  j["break_even_target"] = num(r.break_even_target);
  Json sc = Json::array();
  for (const auto& s : r.scenarios)
    sc.push_back(
        {{"name", s.name}, {"npv", num(s.npv)}, {"fte", num(s.fte)}, {"sroi_ratio", num(s.sroi_ratio)}});
  j["scenarios"] = sc;
  Json ps = Json::array();
  for (const auto& p : r.parameters) {
    Json be;
    ps.push_back({{"name", p.name},
                  {"base", num(p.base)},
                  {"low", num(p.low)},
                  {"high", num(p.high)},
                  {"low_npv", num(p.low_value)},
                  {"high_npv", num(p.high_value)},
                  {"swing", num(p.swing)},
                  {"break_even", num(p.break_even.value)},
                  {"note", text_or_null(p.note.text())},
                  {"break_even_note", text_or_null(p.break_even.note.text())},
                  {"break_even_search", {num(p.break_even.search_low), num(p.break_even.search_high)}}});
  }
  j["parameters"] = ps;
  j["note"] = r.metric == Metric::npv
                  ? "low_npv and high_npv are the metric at the parameter's low and high values"
                  : fmt::format("low_npv and high_npv hold the {} metric (key names are the contract's)",
                                metric_key(r.metric));
  return j;
}

// A parameter value with as many decimals as its size needs.
std::string param_text(double v, NumberLocale loc) {
  double a = std::fabs(v);
  return format_number(v, a >= 1000 ? 0 : a >= 10 ? 2 : 4, loc);
}

std::string value_text(Metric m, double v, NumberLocale loc) {
  if (!std::isfinite(v)) return "-";
  if (m == Metric::npv) return format_number(v, 0, loc);
  return format_number(v, 2, loc);
}

// The metric's name in a column header ("NPV at low").
std::string metric_label(Metric m, const Style& st) {
  return m == Metric::npv ? st.tr("NPV") : m == Metric::fte ? st.tr("FTE") : st.tr("SROI ratio");
}

// The sentences naming the metric are whole messages, so a language can
// inflect the metric's name.
std::string title_text(const SensitivityResult& r, const std::string& base, const Style& st) {
  switch (r.metric) {
    case Metric::npv: return st.trf("Sensitivity of NPV for {}: base {}", r.case_id, base);
    case Metric::fte: return st.trf("Sensitivity of FTE for {}: base {}", r.case_id, base);
    case Metric::sroi: break;
  }
  return st.trf("Sensitivity of SROI ratio for {}: base {}", r.case_id, base);
}

std::string break_even_text(Metric m, const std::string& target, const Style& st) {
  switch (m) {
    case Metric::npv:
      return st.trf("Break-even: the parameter value at which NPV = {} with everything else at base.",
                    target);
    case Metric::fte:
      return st.trf("Break-even: the parameter value at which FTE = {} with everything else at base.",
                    target);
    case Metric::sroi: break;
  }
  return st.trf("Break-even: the parameter value at which SROI ratio = {} with everything else at base.",
                target);
}

void build(Document& d, const SensitivityResult& r, const Style& st) {
  const NumberLocale loc = st.locale;
  const std::string mname = metric_label(r.metric, st);
  d.title = title_text(r, value_text(r.metric, r.base_value, loc), st);
  if (!r.scenarios.empty()) {
    Table t;
    t.column(st.tr("Scenario"))
        .column(st.tr("NPV"), Align::right)
        .column(st.tr("FTE"), Align::right)
        .column(st.tr("SROI ratio"), Align::right);
    t.row({Cell::of(st.tr("base")), Cell::number(r.base_npv, 0), Cell::number(r.base_fte, 1),
           Cell::number(r.base_sroi_ratio, 2)});
    for (const auto& s : r.scenarios)
      t.row(
          {Cell::of(s.name), Cell::number(s.npv, 0), Cell::number(s.fte, 1), Cell::number(s.sroi_ratio, 2)});
    d.table(std::move(t));
  }
  if (r.parameters.empty()) {
    d.gap();
    d.paragraph(st.tr(
        "No parameter has low/high values; add them, or use --range 0.2 to vary every number by 20 %."));
    return;
  }
  // Tornado: a bar per parameter, widest swing first.
  double widest = r.parameters.front().swing;
  Table t;
  t.column(st.tr("Parameter")).column(st.tr("Low"), Align::right).column(st.tr("High"), Align::right);
  t.column(st.trf("{} at low", mname), Align::right).column(st.trf("{} at high", mname), Align::right);
  t.column(st.tr("Swing"), Align::right).column(st.tr("Tornado")).column(st.tr("Break-even"), Align::right);
  for (const auto& p : r.parameters) {
    int bar = std::isfinite(p.swing) && widest > 0 ? static_cast<int>(std::lround(20 * p.swing / widest)) : 0;
    std::string be = p.break_even.value ? param_text(*p.break_even.value, loc) : st.tr("none");
    t.row({Cell::of(p.name), Cell::of(param_text(p.low, loc)), Cell::of(param_text(p.high, loc)),
           Cell::of(value_text(r.metric, p.low_value, loc)),
           Cell::of(value_text(r.metric, p.high_value, loc)), Cell::of(value_text(r.metric, p.swing, loc)),
           Cell::of(std::string(static_cast<size_t>(bar), '#')), Cell::of(be)});
  }
  d.table(std::move(t));
  if (r.break_even_target) {
    d.paragraph(break_even_text(r.metric, value_text(r.metric, *r.break_even_target, loc), st));
    // The library's reasons why a parameter has no break-even value.
    std::vector<std::string> notes;
    for (const auto& p : r.parameters)
      if (!p.break_even.value && !p.break_even.note.pattern.empty())
        notes.push_back(fmt::format("{}: {}", p.name, st.phrase(p.break_even.note)));
    d.bullets(std::move(notes));
  } else if (r.metric == Metric::fte) {
    d.paragraph(
        st.tr("Break-even: none, because the case sets no capacity.target_fte (the FTE a break-even value "
              "would reach)."));
  }
  std::vector<std::string> not_computed;
  for (const auto& p : r.parameters)
    if (!p.note.pattern.empty()) not_computed.push_back(fmt::format("{}: {}", p.name, st.phrase(p.note)));
  d.section(st.tr("Not computed:"), std::move(not_computed), st.tr("Not computed"));
}

// One row per scenario (kind "scenario", base first) and per parameter
// (kind "parameter", tornado order), for a spreadsheet.
Table csv_table(const SensitivityResult& r) {
  Table t;
  for (const char* h : {"kind", "name", "npv", "fte", "sroi_ratio", "base", "low", "high", "low_value",
                        "high_value", "swing", "break_even", "break_even_note"})
    t.column(h);
  auto n = [](const std::optional<double>& v) { return Cell::number(v, 0, ""); };
  auto scenario = [&](const std::string& name, double npv, const std::optional<double>& fte,
                      const std::optional<double>& sroi) {
    std::vector<Cell> row{Cell::of("scenario"), Cell::of(name), n(npv), n(fte), n(sroi)};
    row.resize(13, Cell::of(""));  // the parameter columns of a scenario row
    t.row(std::move(row));
  };
  scenario("base", r.base_npv, r.base_fte, r.base_sroi_ratio);
  for (const auto& s : r.scenarios) scenario(s.name, s.npv, s.fte, s.sroi_ratio);
  for (const auto& p : r.parameters)
    t.row({Cell::of("parameter"), Cell::of(p.name), Cell::of(""), Cell::of(""), Cell::of(""), n(p.base),
           n(p.low), n(p.high), n(p.low_value), n(p.high_value), n(p.swing), n(p.break_even.value),
           Cell::of(p.break_even.note.text())});
  return t;
}

}  // namespace

Document sensitivity_document(const SensitivityResult& r, Perspective perspective, const Style& st) {
  Document d;
  build(d, r, st);
  d.json = to_json(r, to_string(perspective));
  d.csv.push_back(csv_table(r));
  return d;
}

}  // namespace gevinst::cli
