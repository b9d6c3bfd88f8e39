#include "cli/render/rollout.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

namespace gevinst::cli {

namespace {

std::string joined_explanation(const UnitAssessment& u) {
  std::string s;
  for (const auto& e : u.explanation) s += (s.empty() ? "" : ". ") + e.text();
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
      crit.push_back(
          {{"criterion", oc.criterion}, {"holds", oc.holds}, {"reason", text_or_null(oc.reason.text())}});
    x["criteria"] = crit;
    x["decision"] = to_string(u.decision.status);
    x["decision_date"] = text_or_null(u.decision.date);
    x["decision_explanation"] = text_or_null(u.decision.explanation);
    x["compliant"] = judged ? Json(u.compliant) : Json(nullptr);
    x["compliance_note"] = text_or_null(u.compliance_note.text());
    x["explanation"] = text_or_null(joined_explanation(u));
    x["npv"] = u.errors.empty() ? num(u.npv) : Json(nullptr);
    x["fte"] = num(u.fte);
    Json results = Json::object();
    const auto& names = criterion_result_names();
    for (size_t i = 0; i < names.size() && i < u.results.values.size(); ++i)
      results[names[i]] = num(u.results.values[i]);
    x["results"] = results;
    x["error"] = u.errors.empty() ? Json(nullptr) : Json(u.errors.front().message);
    x["note"] = text_or_null(u.note.text());
    units.push_back(std::move(x));
  }
  j["units"] = units;
  j["non_compliant"] = r.non_compliant;
  j["errors"] = r.errors;
  j["notes"] = texts(r.notes);
  return j;
}

std::string unit_name(const UnitAssessment& u) { return u.label.empty() ? u.id : u.label; }

Table csv_table(const RolloutResult& r) {
  Table t;
  for (const char* h : {"id", "label", "population", "verdict", "failed_criteria", "decision",
                        "decision_date", "compliant", "compliance_note", "npv", "fte", "explanation"})
    t.column(h);
  auto n = [](const std::optional<double>& v) { return Cell::number(v, 0, ""); };
  for (const auto& u : r.units) {
    std::string failed;
    for (const auto& f : u.failed_criteria) failed += (failed.empty() ? "" : "; ") + f;
    const bool judged = u.errors.empty();
    t.row({Cell::of(u.id), Cell::of(u.label), n(u.population), Cell::of(judged ? to_string(u.verdict) : ""),
           Cell::of(failed), Cell::of(to_string(u.decision.status)), Cell::of(u.decision.date),
           Cell::of(!judged       ? ""
                    : u.compliant ? "true"
                                  : "false"),
           Cell::of(u.compliance_note.text()), judged ? n(u.npv) : Cell::of(""), n(u.fte),
           Cell::of(joined_explanation(u))});
  }
  return t;
}

// One test case per unit: a non-compliant unit fails at its decision, a unit
// that cannot be evaluated is an error; the verdict and explanation of a
// passing unit go to system-out.
JUnitReport rollout_junit(const RolloutResult& r) {
  JUnitSuite suite{r.file, {}};
  for (const auto& u : r.units) {
    JUnitCase c{unit_name(u), fmt::format("gevinst.rollout.{}", r.case_id), {}, {}};
    for (const auto& e : u.errors)
      c.problems.push_back(junit_problem(e, r.file, {}, JUnitProblem::Kind::error));
    if (u.errors.empty() && !u.compliant) {
      std::string where = u.decision.loc.line > 0
                              ? fmt::format("{}:{}:{}", r.file, u.decision.loc.line, u.decision.loc.column)
                              : r.file;
      c.problems.push_back(
          {JUnitProblem::Kind::failure,
           fmt::format("{}: {} is non-compliant: {}", where, unit_name(u), u.compliance_note.text()),
           "non-compliant", ""});
    }
    if (u.errors.empty()) {
      c.system_out =
          fmt::format("verdict {}, decision {}", to_string(u.verdict), to_string(u.decision.status));
      if (!u.failed_criteria.empty())
        c.system_out += fmt::format("; fails {}", fmt::join(u.failed_criteria, ", "));
      for (const auto& line : u.explanation) c.system_out += "\n" + line.text();
    }
    suite.cases.push_back(std::move(c));
  }
  return {"gevinst rollout", {std::move(suite)}};
}

// The words of the table in the style's language.
std::string rollout_verdict_word(const UnitAssessment& u, const Style& st) {
  if (!u.errors.empty()) return st.tr("error");
  return u.verdict == Verdict::scale ? st.tr("scale") : st.tr("explain");
}

std::string rollout_decision_word(Decision::Status s, const Style& st) {
  switch (s) {
    case Decision::Status::adopted: return st.tr("adopted");
    case Decision::Status::declined: return st.tr("declined");
    case Decision::Status::pending: return st.tr("pending");
  }
  return {};
}

// "5 units: 5 scale, 0 explain; 2 non-compliant."
std::string rollout_summary(const RolloutResult& r, const Style& st) {
  auto judged = [](const UnitAssessment& u, Verdict v) { return u.errors.empty() && u.verdict == v; };
  const auto n = r.units.size();
  const auto scale =
      std::count_if(r.units.begin(), r.units.end(), [&](auto& u) { return judged(u, Verdict::scale); });
  const auto explain =
      std::count_if(r.units.begin(), r.units.end(), [&](auto& u) { return judged(u, Verdict::explain); });
  if (r.errors)
    return n == 1 ? st.trf("{} unit: {} scale, {} explain; {} non-compliant; {} could not be evaluated.", n,
                           scale, explain, r.non_compliant, r.errors)
                  : st.trf("{} units: {} scale, {} explain; {} non-compliant; {} could not be evaluated.", n,
                           scale, explain, r.non_compliant, r.errors);
  return n == 1
             ? st.trf("{} unit: {} scale, {} explain; {} non-compliant.", n, scale, explain, r.non_compliant)
             : st.trf("{} units: {} scale, {} explain; {} non-compliant.", n, scale, explain,
                      r.non_compliant);
}

}  // namespace

Document rollout_document(const RolloutResult& r, const Style& st) {
  Document d;
  d.title = r.title.empty() ? st.trf("Rollout of {}", r.case_id) : r.title;
  d.paragraph(st.trf("Solution: {}; criteria: {}; review due {}; judged on {}.", r.solution,
                     r.criteria.empty() ? st.tr("none") : fmt::format("{}", fmt::join(r.criteria, ", ")),
                     r.review_due.empty() ? st.tr("(none)") : r.review_due, r.today));
  Table t;
  t.column(st.tr("Unit")).column(st.tr("Verdict")).column(st.tr("Decision")).column(st.tr("Compliance"));
  t.column(st.trf("NPV ({})", r.currency), Align::right).column(st.tr("FTE"), Align::right);
  for (const auto& u : r.units) {
    const bool judged = u.errors.empty();
    t.row({Cell::of(unit_name(u)), Cell::of(rollout_verdict_word(u, st)),
           Cell::of(rollout_decision_word(u.decision.status, st)),
           !judged       ? Cell::of(st.tr("not judged"))
           : u.compliant ? Cell::of(st.tr("compliant"))
                         : Cell::emphasised(st.tr("non-compliant")),
           judged ? Cell::number(u.npv, 0) : Cell::of(st.tr("error")), Cell::number(u.fte, 1)});
  }
  d.table(std::move(t));
  std::vector<std::string> notes = st.phrases(r.notes);
  for (const auto& u : r.units)
    if (!u.note.pattern.empty()) notes.push_back(fmt::format("{}: {}", unit_name(u), st.phrase(u.note)));
  if (!notes.empty()) {
    d.heading(st.tr("Notes:"), st.tr("Notes"));
    d.bullets(std::move(notes));
  }
  Outline explain;
  for (const auto& u : r.units) {
    if (u.verdict != Verdict::explain) continue;
    if (!u.errors.empty()) {
      explain.items.push_back(
          {unit_name(u), true, st.trf("cannot be evaluated: {}", u.errors.front().message), {}});
      continue;
    }
    Outline::Item item{unit_name(u), true, st.trf("fails {}", fmt::join(u.failed_criteria, ", ")),
                       st.phrases(u.explanation)};
    if (!u.decision.explanation.empty())
      item.details.push_back(st.trf("recorded explanation: {}", u.decision.explanation));
    explain.items.push_back(std::move(item));
  }
  if (!explain.items.empty()) {
    d.heading(st.tr("Explain:"), st.tr("Explain"));
    d.outline(std::move(explain));
  }
  Outline non_compliant;
  for (const auto& u : r.units)
    if (!u.compliant && u.errors.empty())
      non_compliant.items.push_back({unit_name(u), false, st.phrase(u.compliance_note), {}});
  if (r.non_compliant > 0 && !non_compliant.items.empty()) {
    d.heading(st.tr("Non-compliant:"), st.tr("Non-compliant"));
    d.outline(std::move(non_compliant));
  }
  d.paragraph(rollout_summary(r, st));
  d.json = to_json(r);
  d.csv.push_back(csv_table(r));
  d.junit = rollout_junit(r);
  return d;
}

}  // namespace gevinst::cli
