// The rollout report (docs/cli.md, "report"): one row per unit with verdict,
// decision, compliance and the drafted explanation, and charts of each
// unit's NPV and FTE against the criteria.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "cli/render/report.h"
#include "cli/render/report_charts.h"

namespace gevinst::cli {

namespace {

std::string verdict_label(const UnitAssessment& u, const Style& st) {
  if (!u.errors.empty()) return st.tr("error");
  return u.verdict == Verdict::scale ? st.tr("scale") : st.tr("explain");
}

std::string decision_label(const Decision& d, const Style& st) {
  std::string s;
  switch (d.status) {
    case Decision::Status::adopted: s = st.tr("adopted"); break;
    case Decision::Status::declined: s = st.tr("declined"); break;
    case Decision::Status::pending: s = st.tr("pending"); break;
  }
  return d.date.empty() ? s : s + " " + d.date;
}

Cell compliance_cell(const UnitAssessment& u, const Style& st) {
  if (!u.errors.empty()) return Cell::of(st.tr("not judged"));
  if (u.compliant) return Cell::of(st.tr("compliant"));
  return Cell::emphasised(st.tr("non-compliant") +
                          (u.compliance_note.pattern.empty() ? "" : ": " + st.phrase(u.compliance_note)));
}

std::string explanation(const UnitAssessment& u, const Style& st) {
  if (!u.errors.empty()) return u.errors.front().message;
  std::string s;
  for (const auto& e : u.explanation) s += (s.empty() ? "" : ". ") + st.phrase(e);
  if (!s.empty()) s += ".";
  if (!u.decision.explanation.empty()) s += (s.empty() ? "" : " ") + u.decision.explanation;
  return s;
}

}  // namespace

Document rollout_report(const RolloutResult& r, const Provenance& p, const Style& st) {
  Document d;
  d.title = r.title.empty() ? st.trf("Rollout of {}", r.case_id) : r.title;
  d.paragraph(st.trf("Solution: {}; criteria: {}; review due {}; judged on {}.", r.solution,
                     r.criteria.empty() ? st.tr("none") : fmt::format("{}", fmt::join(r.criteria, ", ")),
                     r.review_due.empty() ? st.tr("(none)") : r.review_due, r.today));
  auto count = [&](Verdict v) {
    return std::count_if(r.units.begin(), r.units.end(),
                         [&](const UnitAssessment& u) { return u.errors.empty() && u.verdict == v; });
  };
  d.heading(st.tr("Decision summary"));
  d.paragraph(st.trf("{} units: {} scale, {} explain; {} non-compliant.", r.units.size(),
                     count(Verdict::scale), count(Verdict::explain), r.non_compliant));
  Table t;
  t.column(st.tr("Unit"))
      .column(st.tr("Verdict"))
      .column(st.tr("Decision"))
      .column(st.tr("Compliance"))
      .column(st.trf("NPV ({})", r.currency), Align::right)
      .column(st.tr("FTE"), Align::right)
      .column(st.tr("Explanation"));
  for (const auto& u : r.units)
    t.row({Cell::of(u.label.empty() ? u.id : u.label), Cell::of(verdict_label(u, st)),
           Cell::of(decision_label(u.decision, st)), compliance_cell(u, st),
           u.errors.empty() ? Cell::number(u.npv, 0) : Cell::of(st.tr("error")), Cell::number(u.fte, 1),
           Cell::of(explanation(u, st))});
  d.table(std::move(t));
  // The charts sit under the table they draw (Markdown leaves them out).
  d.chart(rollout_chart(r, false, st));
  if (std::any_of(r.units.begin(), r.units.end(), [](const UnitAssessment& u) { return u.fte.has_value(); }))
    d.chart(rollout_chart(r, true, st));
  std::vector<std::string> notes = st.phrases(r.notes);
  for (const auto& u : r.units)
    if (!u.note.pattern.empty())
      notes.push_back(fmt::format("{}: {}", u.label.empty() ? u.id : u.label, st.phrase(u.note)));
  d.section(st.tr("Notes"), std::move(notes));
  d.heading(st.tr("Provenance"));
  d.facts(provenance_facts(p, st));
  return d;
}

}  // namespace gevinst::cli
