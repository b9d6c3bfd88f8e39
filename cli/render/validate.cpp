#include "cli/render/validate.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/render/json.h"
#include "cli/render/junit.h"

namespace gevinst::cli {

namespace {

std::string github_escape(const std::string& s, bool property) {
  std::string o;
  for (char c : s) {
    if (c == '%')
      o += "%25";
    else if (c == '\r')
      o += "%0D";
    else if (c == '\n')
      o += "%0A";
    else if (property && c == ':')
      o += "%3A";
    else if (property && c == ',')
      o += "%2C";
    else
      o += c;
  }
  return o;
}

}  // namespace

std::string validation_report(const std::vector<FileCheck>& reports, const ValidationStyle& o) {
  std::string out;
  int invalid = 0, errors = 0, warnings = 0;
  for (const auto& c : reports) {
    invalid += !c.valid;
    errors += c.file.errors;
    warnings += c.file.warnings;
  }
  if (o.format == Format::json) {
    nlohmann::ordered_json j;
    j["files"] = nlohmann::ordered_json::array();
    for (const auto& c : reports) {
      const CaseFile& r = c.file;
      nlohmann::ordered_json f;
      f["path"] = r.path;
      f["valid"] = c.valid;
      f["diagnostics"] = nlohmann::ordered_json::array();
      for (const auto& d : r.diags) {
        nlohmann::ordered_json x;
        x["line"] = d.loc.line > 0 ? nlohmann::ordered_json(d.loc.line) : nlohmann::ordered_json(nullptr);
        x["column"] = d.loc.line > 0 ? nlohmann::ordered_json(d.loc.column) : nlohmann::ordered_json(nullptr);
        x["severity"] = std::string(severity_name(d.severity));
        x["message"] = d.message;
        x["path"] = d.yaml_path;
        x["hint"] = d.hint.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.hint);
        // The file the line refers to: a rollout's entry also lists its solution's errors.
        x["file"] = d.file.empty() ? r.path : d.file;
        f["diagnostics"].push_back(std::move(x));
      }
      j["files"].push_back(std::move(f));
    }
    j["summary"] = {
        {"files", reports.size()}, {"invalid", invalid}, {"errors", errors}, {"warnings", warnings}};
    return dump(j, 2) + "\n";
  }
  if (o.format == Format::junit) {
    // One test case per file; each error (and with --strict each warning)
    // is a failure at FILE:LINE:COLUMN, other diagnostics go to system-out.
    JUnitSuite suite{"validate", {}};
    for (const auto& c : reports) {
      JUnitCase tc{c.file.path, "gevinst.validate", {}, {}};
      for (const auto& d : c.file.diags) {
        bool fails = d.severity == Severity::error || (o.strict && d.severity == Severity::warning);
        JUnitProblem p = junit_problem(d, c.file.path, c.file.source_of(d));
        if (fails)
          tc.problems.push_back(std::move(p));
        else
          tc.system_out += p.text;
      }
      suite.cases.push_back(std::move(tc));
    }
    return render_junit({"gevinst validate", {std::move(suite)}});
  }
  if (o.format == Format::github) {
    // GitHub Actions workflow commands: annotations on the pull request diff.
    for (const auto& c : reports)
      for (const auto& d : c.file.diags) {
        // The message's own newline escapes stay visible; only the hint's line break is real.
        std::string msg = printable(d.message) +
                          (d.yaml_path.empty() ? "" : " (at " + printable(d.yaml_path) + ")") +
                          (d.hint.empty() ? "" : "\nhint: " + printable(d.hint));
        out += fmt::format("::{} file={},line={},col={},title=gevinst::{}\n",
                           d.severity == Severity::error     ? "error"
                           : d.severity == Severity::warning ? "warning"
                                                             : "notice",
                           github_escape(printable(d.file.empty() ? c.file.path : d.file), true),
                           std::max(1, d.loc.line), std::max(1, d.loc.column), github_escape(msg, false));
      }
    out += fmt::format("{} file{} checked: {} invalid, {} error{}, {} warning{}\n", reports.size(),
                       reports.size() == 1 ? "" : "s", invalid, errors, errors == 1 ? "" : "s", warnings,
                       warnings == 1 ? "" : "s");
    return out;
  }
  for (const auto& c : reports) {
    for (const auto& d : c.file.diags)
      // -q keeps what fails the run: errors, and with --strict the warnings too.
      if (!o.quiet || d.severity == Severity::error || (o.strict && d.severity == Severity::warning))
        out += format_diagnostic(d, c.file.source_of(d), false);
  }
  if (!o.quiet || invalid)
    out += fmt::format("{} file{} checked: {} valid, {} invalid ({} error{}, {} warning{}){}\n",
                       reports.size(), reports.size() == 1 ? "" : "s", reports.size() - invalid, invalid,
                       errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                       o.strict && warnings ? "; --strict: warnings fail" : "");
  return out;
}

}  // namespace gevinst::cli
