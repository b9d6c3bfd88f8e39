// gevinst validate PATH...: check case and rollout files.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "cli/files.h"
#include "cli/json_util.h"
#include "cli/parallel.h"

namespace gevinst::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output = "-";
  bool strict = false;
  bool quiet = false;
  bool no_lints = false;
  int threads = 0;
};

struct FileReport {
  std::string path;
  std::vector<Diagnostic> diags;
  std::string source;
  // A rollout's solution case: its errors carry its file name.
  std::string solution_file, solution_source;
  int errors = 0, warnings = 0;  // including diagnostics dropped past Diagnostics::kMaxKept
  bool valid = false;

  /// The text a diagnostic's line refers to.
  std::string_view source_of(const Diagnostic& d) const {
    if (d.file == path) return source;
    if (!solution_file.empty() && d.file == solution_file) return solution_source;
    return {};
  }
};

FileReport check_file(const std::string& path, const ValidateOptions& o) {
  FileReport rep;
  rep.path = path == "-" ? "<stdin>" : path;
  LoadOptions lo;
  lo.lints = !o.no_lints;
  Diagnostics d(rep.path);
  auto text = read_file_text(path, d, lo.limits.max_bytes);
  auto take = [&rep](const Diagnostics& diags) {
    rep.diags = diags.all();
    rep.errors = diags.error_count();
    rep.warnings = diags.warning_count();
  };
  if (!text) {
    take(d);
  } else if (sniff_document_kind(*text) == DocumentKind::rollout_v1) {
    RolloutLoadResult r = load_rollout_text(*text, rep.path, lo);
    take(r.diags);
    rep.source = r.source;
    for (const auto& x : rep.diags)
      if (x.file != rep.path) rep.solution_file = x.file;
    rep.solution_source = r.solution_source;
  } else {
    LoadResult r = load_case_text(*text, rep.path, lo);
    take(r.diags);
    rep.source = r.source;
  }
  rep.valid = rep.errors == 0 && !(o.strict && rep.warnings > 0);
  return rep;
}

std::string github_escape(std::string s, bool property) {
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

std::string render(const std::vector<FileReport>& reports, const ValidateOptions& o) {
  std::string out;
  int invalid = 0, errors = 0, warnings = 0;
  for (const auto& r : reports) {
    invalid += !r.valid;
    errors += r.errors;
    warnings += r.warnings;
  }
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["files"] = nlohmann::ordered_json::array();
    for (const auto& r : reports) {
      nlohmann::ordered_json f;
      f["path"] = r.path;
      f["valid"] = r.valid;
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
  if (o.format == "github") {
    // GitHub Actions workflow commands: annotations on the pull request diff.
    for (const auto& r : reports)
      for (const auto& d : r.diags) {
        // The message's own newline escapes stay visible; only the hint's line break is real.
        std::string msg = printable(d.message) + (d.yaml_path.empty() ? "" : " (at " + printable(d.yaml_path) + ")") +
                          (d.hint.empty() ? "" : "\nhint: " + printable(d.hint));
        out += fmt::format("::{} file={},line={},col={},title=gevinst::{}\n",
                           d.severity == Severity::error     ? "error"
                           : d.severity == Severity::warning ? "warning"
                                                             : "notice",
                           github_escape(printable(d.file.empty() ? r.path : d.file), true), std::max(1, d.loc.line),
                           std::max(1, d.loc.column), github_escape(msg, false));
      }
    out += fmt::format("{} file{} checked: {} invalid, {} error{}, {} warning{}\n", reports.size(),
                       reports.size() == 1 ? "" : "s", invalid, errors, errors == 1 ? "" : "s", warnings,
                       warnings == 1 ? "" : "s");
    return out;
  }
  for (const auto& r : reports) {
    for (const auto& d : r.diags)
      if (!(o.quiet && d.severity != Severity::error)) out += format_diagnostic(d, r.source_of(d), false);
  }
  if (!o.quiet || invalid)
    out += fmt::format("{} file{} checked: {} valid, {} invalid ({} error{}, {} warning{}){}\n",
                       reports.size(), reports.size() == 1 ? "" : "s", reports.size() - invalid, invalid,
                       errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s",
                       o.strict && warnings ? "; --strict: warnings fail" : "");
  return out;
}

}  // namespace

void add_validate(CLI::App& root, Runner& run) {
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* app = root.add_subcommand("validate", "Check case and rollout files; errors as FILE:LINE:COLUMN");
  app->description(
      "Check case files (format gevinst/1) and rollout files (gevinst-rollout/1).\n"
      "Directories are searched recursively for *.yaml and *.yml. Every problem in a\n"
      "file is reported in one run, with its YAML path and a hint. Lints are warnings:\n"
      "an investment with no operating cost from then on, benefits without a realisation\n"
      "profile at stage implementation or scaling, parameters without a source, freed\n"
      "staff time entered twice (a capacity benefit and a monetised activity of one\n"
      "party), and distributions whose draws can leave a field's range (a normal count\n"
      "that can go negative, a share above 1), which would stop `simulate`.\n\n"
      "Examples:\n"
      "  gevinst validate examples/\n"
      "  gevinst validate --format github cases/      # annotations in GitHub Actions\n"
      "  gevinst validate --strict --format json case.yaml\n"
      "Exit: 0 all valid, 1 some file invalid (or has warnings with --strict), 2 usage.");
  app->add_option("paths", o->paths, "Case files or directories ('-' reads standard input)")
      ->required()
      ->check(ExistingPathOrStdin);
  app->add_option("--format,-f", o->format,
                  "Report format: text (also called table), json or github (Actions annotations)")
      ->check(CLI::IsMember({"text", "table", "json", "github"}))
      ->capture_default_str();
  app->add_option("-o,--output", o->output, "Write the report to FILE (atomically)")->type_name("FILE");
  app->add_flag("--strict", o->strict, "Treat warnings as failures (exit 1)");
  app->add_flag("--no-lints", o->no_lints, "Skip the lint warnings");
  app->add_flag("-q,--quiet", o->quiet, "Print errors only");
  app->add_option("--threads,-j", o->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  app->callback([o, &run] {
    run = [o] {
      std::vector<std::string> files = expand_paths(o->paths);
      if (files.empty()) {
        // A CI job pointed at the wrong folder must not pass by checking nothing.
        std::cerr << fmt::format(
            "gevinst: error: no case files (*.yaml, *.yml) found in {}\n"
            "  hint: check the path; directories are searched recursively\n",
            fmt::join(o->paths, ", "));
        return static_cast<int>(Exit::invalid);
      }
      std::vector<FileReport> reports(files.size());
      parallel_for(files.size(), thread_count(o->threads),
                   [&](size_t i) { reports[i] = check_file(files[i], *o); });
      std::string out = render(reports, *o);
      if (auto err = write_output(o->output, out)) {
        std::cerr << "gevinst: error: " << *err << "\n";
        return static_cast<int>(Exit::invalid);
      }
      for (const auto& r : reports)
        if (!r.valid) return static_cast<int>(Exit::invalid);
      return static_cast<int>(Exit::ok);
    };
  });
}

}  // namespace gevinst::cli
