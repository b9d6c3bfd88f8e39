// gevinst sensitivity CASE: scenarios, one-way sensitivity (tornado) and
// break-even values.
#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "cli/common.h"
#include "cli/json_util.h"
#include "libeval/sensitivity.h"

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
                  {"note", text_or_null(p.note)},
                  {"break_even_note", text_or_null(p.break_even.note)},
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

std::string render(const SensitivityResult& r, NumberLocale loc, bool md) {
  std::string out;
  const char* mname = r.metric == Metric::npv ? "NPV" : r.metric == Metric::fte ? "FTE" : "SROI ratio";
  out += fmt::format("{}Sensitivity of {} for {}: base {}\n\n", md ? "## " : "", mname, r.case_id,
                     value_text(r.metric, r.base_value, loc));
  if (!r.scenarios.empty()) {
    Table t;
    t.header = {"Scenario", "NPV", "FTE", "SROI ratio"};
    t.right = {false, true, true, true};
    t.rows.push_back({"base", format_number(r.base_npv, 0, loc),
                      r.base_fte ? format_number(*r.base_fte, 1, loc) : "-",
                      r.base_sroi_ratio ? format_number(*r.base_sroi_ratio, 2, loc) : "-"});
    for (const auto& s : r.scenarios)
      t.rows.push_back({s.name, format_number(s.npv, 0, loc), s.fte ? format_number(*s.fte, 1, loc) : "-",
                        s.sroi_ratio ? format_number(*s.sroi_ratio, 2, loc) : "-"});
    out += md ? t.render_markdown() : t.render_text();
    out += "\n";
  }
  if (r.parameters.empty()) {
    out += "No parameter has low/high values; add them, or use --range 0.2 to vary every number by 20 %.\n";
    return out;
  }
  // Tornado: a bar per parameter, widest swing first.
  double widest = r.parameters.front().swing;
  Table t;
  t.header = {
      "Parameter", "Low",     "High",      fmt::format("{} at low", mname), fmt::format("{} at high", mname),
      "Swing",     "Tornado", "Break-even"};
  t.right = {false, true, true, true, true, true, false, true};
  for (const auto& p : r.parameters) {
    int bar = std::isfinite(p.swing) && widest > 0 ? static_cast<int>(std::lround(20 * p.swing / widest)) : 0;
    std::string be = p.break_even.value ? param_text(*p.break_even.value, loc) : "none";
    t.rows.push_back({p.name, param_text(p.low, loc), param_text(p.high, loc),
                      value_text(r.metric, p.low_value, loc), value_text(r.metric, p.high_value, loc),
                      value_text(r.metric, p.swing, loc), std::string(static_cast<size_t>(bar), '#'), be});
  }
  out += md ? t.render_markdown() : t.render_text();
  if (r.break_even_target) {
    out += fmt::format("\nBreak-even: the parameter value at which {} = {} with everything else at base.\n",
                       mname, value_text(r.metric, *r.break_even_target, loc));
    for (const auto& p : r.parameters)
      if (!p.break_even.value && !p.break_even.note.empty())
        out += fmt::format("- {}: {}\n", p.name, p.break_even.note);
  }
  bool notes = false;
  for (const auto& p : r.parameters)
    if (!p.note.empty()) {
      out += fmt::format("{}- {}: {}\n", notes ? "" : "\nNot computed:\n", p.name, p.note);
      notes = true;
    }
  return out;
}

// One row per scenario (kind "scenario", base first) and per parameter
// (kind "parameter", tornado order), for a spreadsheet.
std::string render_csv(const SensitivityResult& r) {
  auto n = [](const std::optional<double>& v) {
    return v && std::isfinite(*v) ? fmt::format("{}", *v) : std::string();
  };
  std::string out = csv_row({"kind", "name", "npv", "fte", "sroi_ratio", "base", "low", "high", "low_value",
                             "high_value", "swing", "break_even", "break_even_note"});
  const std::vector<std::string> none(8);  // the parameter columns of a scenario row
  auto scenario = [&](const std::string& name, double npv, const std::optional<double>& fte,
                      const std::optional<double>& sroi) {
    std::vector<std::string> row{"scenario", name, n(npv), n(fte), n(sroi)};
    row.insert(row.end(), none.begin(), none.end());
    out += csv_row(row);
  };
  scenario("base", r.base_npv, r.base_fte, r.base_sroi_ratio);
  for (const auto& s : r.scenarios) scenario(s.name, s.npv, s.fte, s.sroi_ratio);
  for (const auto& p : r.parameters)
    out += csv_row({"parameter", p.name, "", "", "", n(p.base), n(p.low), n(p.high), n(p.low_value),
                    n(p.high_value), n(p.swing), n(p.break_even.value), p.break_even.note});
  return out;
}

}  // namespace

void add_sensitivity(CLI::App& root, Runner& run) {
  struct Options {
    CaseOptions c;
    CommonOptions out;
    std::string metric = "npv";
    double range = 0;
    bool no_break_even = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* app =
      root.add_subcommand("sensitivity", "Scenarios, one-way sensitivity (tornado) and break-even values");
  app->description(
      "How robust is the result? Evaluates every named scenario; varies each parameter\n"
      "that has low/high values one at a time (tornado order: largest swing first); and\n"
      "finds each parameter's break-even (switching) value: where NPV = 0 (or the SROI\n"
      "ratio = 1, or FTE = capacity.target_fte), by a bracketed root finder.\n\n"
      "Examples:\n"
      "  gevinst sensitivity examples/kol-telemonitoring.yaml\n"
      "  gevinst sensitivity case.yaml --range 0.2        # also every other number +-20 %\n"
      "  gevinst sensitivity case.yaml --metric fte --format json");
  add_case_options(app, o->c, true);
  add_common_options(app, o->out, {"table", "json", "csv", "md"});
  app->add_option("--metric,-m", o->metric, "What is varied against: npv, fte or sroi")
      ->check(CLI::IsMember({"npv", "fte", "sroi"}))
      ->capture_default_str();
  app->add_option("--range", o->range, "Vary parameters without low/high by +-RANGE (e.g. 0.2 = 20 %)")
      ->check(CLI::Range(0.0, 10.0));
  app->add_flag("--no-break-even", o->no_break_even, "Skip the break-even search");
  app->callback([o, &run] {
    run = [o] {
      auto loaded = load_case_or_report(o->c.path);
      if (!loaded) return static_cast<int>(Exit::invalid);
      const Case& c = *loaded->model;
      SensitivityOptions so;
      so.metric = o->metric == "fte" ? Metric::fte : o->metric == "sroi" ? Metric::sroi : Metric::npv;
      so.perspective = *perspective_from(o->c.perspective);
      so.overrides = case_overrides(c, o->c);
      if (o->range > 0) so.range = o->range;
      so.break_even = !o->no_break_even;
      if (so.metric == Metric::fte && c.capacity.activities.empty())
        throw InputError{{Diagnostic{c.file,
                                     {},
                                     Severity::error,
                                     "capacity",
                                     "--metric fte needs a capacity section with activities",
                                     ""}}};
      if (so.metric == Metric::sroi && c.sroi.outcomes.empty())
        throw InputError{{Diagnostic{
            c.file, {}, Severity::error, "sroi", "--metric sroi needs an sroi section with outcomes", ""}}};
      SensitivityResult r = run_sensitivity(c, so);
      const std::string& f = o->out.format;
      std::string out = f == "json"  ? dump(to_json(r, o->c.perspective), 2) + "\n"
                        : f == "csv" ? render_csv(r)
                                     : render(r, o->out.number_locale(), f == "md");
      return emit(o->out, out);
    };
  });
}

}  // namespace gevinst::cli
