#include "cli/render/batch.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "cli/render/render.h"

namespace gevinst::cli {

namespace {

Json record_json(const BatchRecord& r) {
  Json j;
  j["path"] = r.path;
  j["id"] = text_or_null(r.id);
  j["status"] = to_string(r.status);
  j["npv"] = num(r.npv);
  j["irr"] = num(r.irr);
  j["bcr"] = num(r.bcr);
  j["payback_years"] = num(r.payback_years);
  j["fte"] = num(r.fte);
  j["sroi_ratio"] = num(r.sroi_ratio);
  j["error"] = text_or_null(r.error);
  j["sha256"] = text_or_null(r.sha256);  // provenance, after the contract's keys
  return j;
}

Json totals_json(const BatchTotals& t) {
  return Json{{"cases", t.cases},
              {"ok", t.ok},
              {"invalid", t.invalid},
              {"error", t.error},
              {"npv", num(t.npv)},
              {"fte", num(t.fte)},
              {"skipped_rollouts", t.skipped_rollouts},
              {"skipped_actuals", t.skipped_actuals},
              {"skipped_portfolios", t.skipped_portfolios}};
}

// " Skipped 2 rollout files and 1 portfolio file." (empty when nothing was skipped).
std::string skipped_sentence(const BatchTotals& t) {
  std::vector<std::string> parts;
  const auto add = [&](size_t n, const char* kind) {
    if (n) parts.push_back(fmt::format("{} {} file{}", n, kind, n == 1 ? "" : "s"));
  };
  add(t.skipped_rollouts, "rollout");
  add(t.skipped_actuals, "actuals");
  add(t.skipped_portfolios, "portfolio");
  if (parts.empty()) return {};
  std::string list = parts.front();
  for (size_t i = 1; i < parts.size(); ++i) list += (i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return fmt::format(" Skipped {}.", list);
}

}  // namespace

BatchWriter::BatchWriter(Format f, NumberLocale loc, Perspective perspective) : format_(f), loc_(loc) {
  provenance_.perspective = to_string(perspective);
  junit_.name = "batch";
  table_.column("Path").column("Id").column("Status");
  for (const char* h : {"NPV", "IRR", "BCR", "Payback", "FTE", "SROI"}) table_.column(h, Align::right);
}

std::string BatchWriter::begin() const {
  if (format_ == Format::csv)
    return csv_row(
        {"path", "id", "status", "npv", "irr", "bcr", "payback_years", "fte", "sroi_ratio", "error"},
        csv_separator(loc_));
  if (format_ == Format::json) return "{\n  \"records\": [";
  return {};
}

std::string BatchWriter::add(const BatchRecord& r) {
  const bool was_first = first_;
  first_ = false;
  switch (format_) {
    case Format::jsonl: return dump(record_json(r)) + "\n";
    case Format::csv:
      return csv_row({r.path, r.id, to_string(r.status), exact_number(r.npv, loc_), exact_number(r.irr, loc_),
                      exact_number(r.bcr, loc_), exact_number(r.payback_years, loc_),
                      exact_number(r.fte, loc_), exact_number(r.sroi_ratio, loc_), r.error},
                     csv_separator(loc_));
    case Format::junit: {
      // An invalid file fails at its first error (FILE:LINE:COLUMN: ...); a
      // case that cannot be evaluated is an error.
      JUnitCase c{r.path, "gevinst.batch", {}, {}};
      std::string message = r.error.empty() ? fmt::format("{}: {}", r.path, to_string(r.status)) : r.error;
      if (r.status == BatchStatus::invalid)
        c.problems.push_back({JUnitProblem::Kind::failure, message, "invalid", ""});
      else if (r.status != BatchStatus::ok)
        c.problems.push_back({JUnitProblem::Kind::error, message, to_string(r.status), ""});
      else
        c.system_out = fmt::format("{}: NPV {}", r.id, exact_number(r.npv));
      junit_.cases.push_back(std::move(c));
      return {};
    }
    case Format::json:
      provenance_.files.push_back({r.path, r.sha256});
      return std::string(was_first ? "\n    " : ",\n    ") + dump(record_json(r));
    default:
      table_.row({Cell::of(r.path), Cell::of(r.id.empty() ? "-" : r.id), Cell::of(to_string(r.status)),
                  Cell::number(r.npv, 0), Cell::percent(r.irr, 1), Cell::number(r.bcr, 2),
                  Cell::number(r.payback_years, 1), Cell::number(r.fte, 1), Cell::number(r.sroi_ratio, 2)});
      if (!r.error.empty()) errors_.push_back(r.error);
      return {};
  }
}

std::string BatchWriter::end(const BatchTotals& tot) const {
  if (format_ == Format::json)
    return fmt::format("{}],\n  \"totals\": {},\n  \"provenance\": {}\n}}\n", first_ ? "" : "\n  ",
                       dump(totals_json(tot)), dump(provenance_json(provenance_)));
  if (format_ == Format::junit) return render_junit({"gevinst batch", {junit_}});
  if (format_ != Format::table && format_ != Format::md) return {};
  return render_records_end(
      table_, errors_,
      fmt::format("{} case{}: {} ok, {} invalid, {} error{}. NPV sum {}; FTE sum {}.{}", tot.cases,
                  tot.cases == 1 ? "" : "s", tot.ok, tot.invalid, tot.error, tot.error == 1 ? "" : "s",
                  format_number(tot.npv, 0, loc_), format_number(tot.fte, 1, loc_), skipped_sentence(tot)),
      format_, loc_);
}

}  // namespace gevinst::cli
