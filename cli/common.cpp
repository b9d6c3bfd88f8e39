#include "cli/common.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "libeval/parameters.h"

namespace gevinst::cli {

const CLI::Validator ExistingPathOrStdin(
    [](std::string& s) -> std::string {
      if (s == "-") return {};
      std::error_code ec;
      if (!std::filesystem::exists(s, ec)) return fmt::format("no such file or directory: {}", s);
      return {};
    },
    "PATH", "ExistingPathOrStdin");

void add_common_options(CLI::App* app, CommonOptions& o, const std::vector<std::string>& formats) {
  app->add_option("--format,-f", o.format, fmt::format("Output format: {}", fmt::join(formats, ", ")))
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  app->add_option("-o,--output", o.output, "Write to FILE instead of standard output (atomically)")
      ->type_name("FILE");
  app->add_option("--locale", o.locale, "Number formatting in tables: en (1,234.5) or da (1.234,5)")
      ->check(CLI::IsMember({"en", "da"}))
      ->capture_default_str();
  app->add_flag("-q,--quiet", o.quiet, "No progress bars or notes on standard error");
}

namespace {
// The text of every case loaded by load_case_or_report, by file name, so
// that an error found later (while computing) still shows its source line.
std::map<std::string, std::string>& loaded_sources() {
  static std::map<std::string, std::string> sources;
  return sources;
}
}  // namespace

void print_diagnostics(const std::vector<Diagnostic>& diags, std::string_view source) {
  bool color = stderr_is_tty() && std::getenv("NO_COLOR") == nullptr;
  for (const auto& d : diags) std::cerr << format_diagnostic(d, source, color);
}

void print_diagnostics(const std::vector<Diagnostic>& diags) {
  bool color = stderr_is_tty() && std::getenv("NO_COLOR") == nullptr;
  for (const auto& d : diags) {
    auto it = loaded_sources().find(d.file);
    std::cerr << format_diagnostic(
        d, it == loaded_sources().end() ? std::string_view() : std::string_view(it->second), color);
  }
}

std::optional<LoadResult> load_case_or_report(const std::string& path) {
  LoadOptions opt;
  opt.lints = false;
  LoadResult r = load_case_file(path, opt);
  if (!r.ok()) {
    print_diagnostics(r.diags.all(), r.source);
    return std::nullopt;
  }
  loaded_sources()[r.diags.file()] = r.source;
  return r;
}

int emit(const CommonOptions& o, const std::string& content) {
  if (auto err = write_output(o.output, content)) {
    std::cerr << "gevinst: error: " << *err << "\n";
    return Exit::invalid;
  }
  return Exit::ok;
}

Overrides parse_sets(const Case& c, const std::vector<std::string>& sets) {
  Overrides out;
  for (const auto& s : sets) {
    size_t eq = s.find('=');
    std::string name = s.substr(0, eq);
    if (eq == std::string::npos || name.empty() || eq + 1 == s.size())
      throw InputError{{Diagnostic{"--set",
                                   {},
                                   Severity::error,
                                   "",
                                   fmt::format("'{}' is not NAME=VALUE", s),
                                   "e.g. --set patients=1500"}}};
    int idx = c.parameter_index(name);
    if (idx < 0) {
      std::vector<std::string> names;
      for (const auto& p : c.parameters) names.push_back(p.name);
      std::string guess = did_you_mean(name, names);
      throw InputError{{Diagnostic{"--set",
                                   {},
                                   Severity::error,
                                   "",
                                   fmt::format("the case has no parameter '{}'", name),
                                   guess.empty() ? fmt::format("parameters: {}", fmt::join(names, ", "))
                                                 : fmt::format("did you mean '{}'?", guess)}}};
    }
    Diagnostics d("--set");
    auto n = compile_number(c, s.substr(eq + 1), "--set " + name, d);
    if (!n) throw InputError{d.all()};
    out.push_back({idx, name, std::move(*n)});
  }
  return out;
}

void add_scenario_options(CLI::App* app, std::string& scenario, std::vector<std::string>& sets) {
  app->add_option("--scenario,-s", scenario, "Apply a named scenario from the case's scenarios section");
  app->add_option("--set", sets,
                  "Override a parameter: --set NAME=VALUE (repeatable; VALUE may be an expression)")
      ->type_name("NAME=VALUE")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            size_t eq = s.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == s.size())
              return fmt::format("'{}' is not NAME=VALUE, e.g. --set patients=1500", s);
            return {};
          },
          ""));
}

void add_case_options(CLI::App* app, CaseOptions& o, bool perspective) {
  app->add_option("case", o.path, "Case file ('-' reads standard input)")
      ->required()
      ->check(ExistingPathOrStdin);
  add_scenario_options(app, o.scenario, o.sets);
  if (perspective)
    app->add_option(
           "--perspective,-p", o.perspective,
           "Which benefits count: budget (cash), organisation (+ capacity, default), society (+ societal)")
        ->check(CLI::IsMember({"budget", "organisation", "society"}))
        ->capture_default_str();
}

Overrides case_overrides(const Case& c, const CaseOptions& o) {
  Overrides extra = parse_sets(c, o.sets);
  Overrides out;
  if (!o.scenario.empty()) out = find_scenario(c, o.scenario).overrides;
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

}  // namespace gevinst::cli
