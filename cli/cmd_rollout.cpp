// gevinst rollout FILE: scale or explain (spec section 11). One row per unit
// with verdict, decision, compliance, NPV and FTE; drafted explanations for
// explain verdicts; exit 1 when any unit is non-compliant.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iostream>
#include <memory>

#include "cli/common.h"
#include "cli/json_util.h"
#include "libeval/presets.h"
#include "libeval/rollout.h"

namespace gevinst::cli {

namespace {

struct RolloutCliOptions {
  std::string path;
  CommonOptions out;
  std::string today;
  std::string perspective = "organisation";
  bool no_explain = false;
};

std::string local_today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return fmt::format("{:04d}-{:02d}-{:02d}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string joined_explanation(const UnitAssessment& u) {
  std::string s;
  for (const auto& e : u.explanation) s += (s.empty() ? "" : ". ") + e;
  return s.empty() ? s : s + ".";
}

Json to_json(const RolloutResult& r) {
  Json j;
  j["rollout"] = r.file;
  j["title"] = text_or_null(r.title);
  j["solution"] = r.solution;
  j["case"] = {{"id", r.case_id}};
  j["perspective"] = to_string(r.perspective);
  j["currency"] = r.currency;
  j["today"] = r.today;
  j["review_due"] = text_or_null(r.review_due);
  j["lead_unit"] = text_or_null(r.lead_unit);
  j["units_preset"] = text_or_null(r.units_preset);
  j["total_population"] = num(r.total_population);
  j["criteria"] = r.criteria;
  Json units = Json::array();
  for (const auto& u : r.units) {
    Json x;
    x["id"] = u.id;
    x["label"] = text_or_null(u.label);
    x["population"] = num(u.population);
    x["population_share"] = num(u.population_share);
    Json params = Json::object();
    for (const auto& o : u.overrides)
      if (o.parameter >= 0 && static_cast<size_t>(o.parameter) < u.params.size())
        params[o.name] = num(u.params[static_cast<size_t>(o.parameter)]);
    x["parameters"] = params;
    const bool judged = u.errors.empty();
    x["verdict"] = judged ? Json(to_string(u.verdict)) : Json(nullptr);
    x["failed_criteria"] = u.failed_criteria;
    Json crit = Json::array();
    for (const auto& oc : u.criteria)
      crit.push_back({{"criterion", oc.criterion}, {"holds", oc.holds}, {"reason", text_or_null(oc.reason)}});
    x["criteria"] = crit;
    x["decision"] = to_string(u.decision.status);
    x["decision_date"] = text_or_null(u.decision.date);
    x["decision_explanation"] = text_or_null(u.decision.explanation);
    x["compliant"] = judged ? Json(u.compliant) : Json(nullptr);
    x["compliance_note"] = text_or_null(u.compliance_note);
    x["explanation"] = text_or_null(joined_explanation(u));
    x["npv"] = u.errors.empty() ? num(u.npv) : Json(nullptr);
    x["fte"] = num(u.fte);
    Json results = Json::object();
    const auto& names = criterion_result_names();
    for (size_t i = 0; i < names.size() && i < u.results.values.size(); ++i)
      results[names[i]] = num(u.results.values[i]);
    x["results"] = results;
    x["error"] = u.errors.empty() ? Json(nullptr) : Json(u.errors.front().message);
    units.push_back(std::move(x));
  }
  j["units"] = units;
  j["non_compliant"] = r.non_compliant;
  j["errors"] = r.errors;
  return j;
}

std::string unit_name(const UnitAssessment& u) { return u.label.empty() ? u.id : u.label; }

std::string render_csv(const RolloutResult& r) {
  std::string out = csv_row({"id", "label", "population", "verdict", "failed_criteria", "decision",
                             "decision_date", "compliant", "compliance_note", "npv", "fte", "explanation"});
  auto n = [](const std::optional<double>& v) {
    return v && std::isfinite(*v) ? fmt::format("{}", *v) : std::string();
  };
  for (const auto& u : r.units) {
    std::string failed;
    for (const auto& f : u.failed_criteria) failed += (failed.empty() ? "" : "; ") + f;
    out +=
        csv_row({u.id, u.label, n(u.population), u.errors.empty() ? to_string(u.verdict) : "", failed,
                 to_string(u.decision.status), u.decision.date,
                 !u.errors.empty() ? "" : u.compliant ? "true" : "false", u.compliance_note,
                 u.errors.empty() ? n(u.npv) : std::string(), n(u.fte), joined_explanation(u)});
  }
  return out;
}

std::string render_text(const RolloutResult& r, NumberLocale loc, bool md) {
  std::string out;
  std::string head = r.title.empty() ? fmt::format("Rollout of {}", r.case_id) : r.title;
  out += md ? fmt::format("## {}\n\n", head) : head + "\n";
  out += fmt::format("Solution: {}; criteria: {}; review due {}; judged on {}.\n\n", r.solution,
                     r.criteria.empty() ? "none" : fmt::format("{}", fmt::join(r.criteria, ", ")),
                     r.review_due.empty() ? "(none)" : r.review_due, r.today);
  Table t;
  t.header = {"Unit", "Verdict", "Decision", "Compliance", fmt::format("NPV ({})", r.currency), "FTE"};
  t.right = {false, false, false, false, true, true};
  for (const auto& u : r.units)
    t.rows.push_back({unit_name(u), u.errors.empty() ? to_string(u.verdict) : "error", to_string(u.decision.status),
                      !u.errors.empty() ? "not judged"
                      : u.compliant     ? "compliant"
                                        : (md ? "**non-compliant**" : "NON-COMPLIANT"),
                      u.errors.empty() ? format_number(u.npv, 0, loc) : "error",
                      u.fte ? format_number(*u.fte, 1, loc) : "-"});
  out += md ? t.render_markdown() : t.render_text();
  bool any_explain = false;
  for (const auto& u : r.units) any_explain |= u.verdict == Verdict::explain;
  if (any_explain) {
    out += md ? "\n### Explain\n\n" : "\nExplain:\n";
    for (const auto& u : r.units) {
      if (u.verdict != Verdict::explain) continue;
      if (!u.errors.empty()) {
        out += fmt::format("{}{}: cannot be evaluated: {}\n", md ? "- **" : "  ",
                           unit_name(u) + (md ? "**" : ""), u.errors.front().message);
        continue;
      }
      out += fmt::format("{}{}: fails {}\n", md ? "- **" : "  ", unit_name(u) + (md ? "**" : ""),
                         fmt::join(u.failed_criteria, ", "));
      for (const auto& e : u.explanation) out += fmt::format("{}{}\n", md ? "  - " : "    - ", e);
      if (!u.decision.explanation.empty())
        out += fmt::format("{}recorded explanation: {}\n", md ? "  - " : "    - ", u.decision.explanation);
    }
  }
  if (r.non_compliant > 0) {
    out += md ? "\n### Non-compliant\n\n" : "\nNon-compliant:\n";
    for (const auto& u : r.units)
      if (!u.compliant && u.errors.empty())
        out += fmt::format("{}{}: {}\n", md ? "- " : "  ", unit_name(u), u.compliance_note);
  }
  auto judged = [](const UnitAssessment& u, Verdict v) { return u.errors.empty() && u.verdict == v; };
  out += fmt::format(
      "\n{} unit{}: {} scale, {} explain; {} non-compliant{}.\n", r.units.size(), r.units.size() == 1 ? "" : "s",
      std::count_if(r.units.begin(), r.units.end(), [&](auto& u) { return judged(u, Verdict::scale); }),
      std::count_if(r.units.begin(), r.units.end(), [&](auto& u) { return judged(u, Verdict::explain); }),
      r.non_compliant, r.errors ? fmt::format("; {} could not be evaluated", r.errors) : std::string());
  return out;
}

// A diagnostic of the rollout file or of its solution case, with its source line.
void print_diagnostic(const RolloutLoadResult& lr, const Diagnostic& d) {
  std::string_view src =
      d.file == lr.diags.file() ? std::string_view(lr.source) : std::string_view(lr.solution_source);
  std::cerr << format_diagnostic(d, src, stderr_is_tty() && std::getenv("NO_COLOR") == nullptr);
}

void print_load_diagnostics(const RolloutLoadResult& lr, bool errors_only) {
  for (const auto& d : lr.diags.all())
    if (!errors_only || d.severity == Severity::error) print_diagnostic(lr, d);
}

int run_rollout(const RolloutCliOptions& o) {
  LoadOptions lo;
  lo.lints = false;
  std::string name = o.path == "-" ? "<stdin>" : o.path;
  Diagnostics rd(name);
  auto text = read_file_text(o.path, rd, lo.limits.max_bytes);
  if (!text) {
    print_diagnostics(rd.all(), {});
    return Exit::invalid;
  }
  // A case file given by mistake: one clear error rather than one per key.
  if (sniff_document_kind(*text) == DocumentKind::case_v1) {
    print_diagnostics(
        {Diagnostic{name,
                    {},
                    Severity::error,
                    "format",
                    "this is a case file (format gevinst/1), not a rollout (format gevinst-rollout/1)",
                    "a rollout file starts with 'format: gevinst-rollout/1' and names its case with "
                    "'solution: PATH'"}},
        {});
    return Exit::invalid;
  }
  RolloutLoadResult lr = load_rollout_text(*text, name, lo);
  if (!lr.ok()) {
    print_load_diagnostics(lr, false);
    return Exit::invalid;
  }
  if (!o.out.quiet) print_load_diagnostics(lr, false);  // warnings, e.g. a unit missing from the preset
  RolloutOptions ro;
  ro.today = o.today.empty() ? local_today() : o.today;
  ro.perspective = *perspective_from(o.perspective);
  ro.explain = !o.no_explain;
  if (!lr.rollout->units_preset.empty())
    if (auto p = unit_preset(lr.rollout->units_preset)) ro.total_population = p->total_population();
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, ro);
  for (const auto& u : r.units)  // every unit is reported; its errors also go to stderr
    for (const auto& d : u.errors) print_diagnostic(lr, d);
  const std::string& f = o.out.format;
  std::string out = f == "json"  ? dump(to_json(r), 2) + "\n"
                    : f == "csv" ? render_csv(r)
                                 : render_text(r, o.out.number_locale(), f == "md");
  if (int rc = emit(o.out, out); rc != Exit::ok) return rc;
  return r.non_compliant > 0 || r.errors > 0 ? Exit::invalid : Exit::ok;
}

}  // namespace

void add_rollout(CLI::App& root, Runner& run) {
  auto o = std::make_shared<RolloutCliOptions>();
  CLI::App* app =
      root.add_subcommand("rollout", "Scale or explain: verdict, decision and compliance per unit");
  app->description(
      "Assess a rollout file (format gevinst-rollout/1): the solution case evaluated with\n"
      "each unit's parameters (explicit values, or per capita of a national parameter by\n"
      "the unit's population share), every criterion's outcome, the verdict (scale when all\n"
      "hold, else explain with the failed criteria and a drafted explanation using\n"
      "break-even values), the recorded decision and compliance: a scale verdict declined\n"
      "without an explanation, or a decision still pending after review_due, is\n"
      "non-compliant.\n\n"
      "Examples:\n"
      "  gevinst rollout examples/rollout-2027-regions.yaml\n"
      "  gevinst rollout rollout.yaml --today 2027-07-01 --format json\n"
      "  gevinst rollout rollout.yaml --format md -o report.md\n"
      "Exit: 0 every unit compliant, 1 invalid input or some unit non-compliant, 2 usage.");
  app->add_option("file", o->path, "Rollout file ('-' reads standard input)")
      ->required()
      ->check(ExistingPathOrStdin);
  add_common_options(app, o->out, {"table", "json", "csv", "md"});
  app->add_option("--today", o->today, "Judge review dates against this day instead of today's date")
      ->type_name("YYYY-MM-DD")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            return is_iso_date(s) ? std::string() : fmt::format("'{}' is not a date YYYY-MM-DD", s);
          },
          "YYYY-MM-DD", "date"));
  app->add_option("--perspective,-p", o->perspective,
                  "Which benefits count: budget, organisation (default) or society")
      ->check(CLI::IsMember({"budget", "organisation", "society"}))
      ->capture_default_str();
  app->add_flag("--no-explain", o->no_explain, "Skip drafting explanations (no break-even searches)");
  app->callback([o, &run] { run = [o] { return run_rollout(*o); }; });
}

}  // namespace gevinst::cli
