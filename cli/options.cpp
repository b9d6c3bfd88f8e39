#include "cli/options.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <type_traits>
#include <utility>

#include "cli/messages.h"
#include "libeval/case_files.h"
#include "libeval/parameters.h"
#include "libeval/rollout.h"

namespace gevinst::cli {

namespace {
// A validator that accepts one of `names` and hands CLI11 the enum's value,
// so an option can be stored as an enum; anything else reads
// "X not in {a,b,c}".
template <class E>
CLI::Validator choice(std::vector<std::pair<std::string, E>> names) {
  std::vector<std::string> listed;
  listed.reserve(names.size());
  for (const auto& n : names) listed.push_back(n.first);
  std::string set = fmt::format("{{{}}}", fmt::join(listed, ","));
  return CLI::Validator(
      [names, set](std::string& s) -> std::string {
        for (const auto& [name, value] : names)
          if (s == name) {
            s = std::to_string(static_cast<int>(value));
            return {};
          }
        // A format this command does not produce (junit on evaluate, say) is named as such.
        if constexpr (std::is_same_v<E, Format>)
          if (parse_format(s))
            return fmt::format("this command does not produce {}; its formats are {}", s, set);
        return fmt::format("{} not in {}", s, set);
      },
      set);
}
}  // namespace

const CLI::Validator ExistingPathOrStdin(
    [](std::string& s) -> std::string {
      if (s == "-") return {};
      std::error_code ec;
      if (!std::filesystem::exists(s, ec)) return fmt::format("no such file or directory: {}", s);
      return {};
    },
    "PATH", "ExistingPathOrStdin");

void add_output_options(CLI::App* app, OutputOptions& o, const std::vector<Format>& formats) {
  std::vector<std::pair<std::string, Format>> names;
  std::vector<std::string> listed;
  listed.reserve(names.size());
  for (Format f : formats) {
    names.emplace_back(to_string(f), f);
    listed.emplace_back(to_string(f));
  }
  // Where the aligned text is called text (validate), table is a second name for it.
  if (std::find(formats.begin(), formats.end(), Format::table) == formats.end() &&
      std::find(formats.begin(), formats.end(), Format::text) != formats.end())
    names.emplace_back("table", Format::text);
  o.format = formats.front();
  app->add_option("--format,-f", o.format, fmt::format("Output format: {}", fmt::join(listed, ", ")))
      ->transform(choice(names))
      ->type_name("TEXT")
      ->default_str(listed.front());
  app->add_option("-o,--output", o.output, "Write to FILE instead of standard output (atomically)")
      ->type_name("FILE");
  add_locale_option(app, o.locale);
  app->add_flag("-q,--quiet", o.quiet, "No progress bars or notes on standard error");
  if (std::find(formats.begin(), formats.end(), Format::csv) != formats.end())
    app->add_flag("--bom", o.bom, "CSV: start with a UTF-8 byte-order mark (Excel then reads æ, ø, å right)");
}

void add_locale_option(CLI::App* app, NumberLocale& locale) {
  app->add_option("--locale", locale,
                  "Number formatting: en (1,234.5) or da (1.234,5); CSV with da is ';'-separated with a "
                  "decimal comma, as Danish spreadsheets read it")
      ->transform(choice<NumberLocale>({{"en", NumberLocale::en}, {"da", NumberLocale::da}}))
      ->type_name("TEXT")
      ->default_str("en");
}

void add_lang_option(CLI::App* app, OutputOptions& o) {
  app->add_option("--lang", o.lang, "Language of labels and headings: en or da (implies --locale da)")
      ->transform(choice<Language>({{"en", Language::en}, {"da", Language::da}}))
      ->type_name("TEXT")
      ->default_str("en");
}

void imply_locale(const CLI::App* app, OutputOptions& o) {
  if (o.lang == Language::da && app->count("--locale") == 0) o.locale = NumberLocale::da;
}

void add_scan_options(CLI::App* app, ScanOptions& o, const std::string& name) {
  app->add_option(name, o.exclude,
                  "Leave out files and folders below a searched directory whose relative path matches "
                  "GLOB (repeatable), e.g. 'drafts/*'")
      ->type_name("GLOB")
      ->allow_extra_args(false);
}

std::vector<std::string> scan_paths(const std::vector<std::string>& paths, const ScanOptions& o, bool quiet) {
  std::vector<std::string> notes;
  auto files = expand_paths(paths, o, &notes);
  if (!quiet)
    for (const auto& n : notes) warning(n);
  return files;
}

bool no_case_files(size_t cases, const std::vector<std::string>& paths, size_t others) {
  if (cases > 0) return false;
  error(fmt::format(
      "no case files (*.yaml, *.yml) found in {}{}\n"
      "  hint: check the path; directories are searched recursively",
      fmt::join(paths, ", "),
      others
          ? fmt::format(" (only {} rollout, actuals or portfolio document{})", others, others == 1 ? "" : "s")
          : std::string()));
  return true;
}

void add_perspective_option(CLI::App* app, Perspective& p) {
  app->add_option("--perspective,-p", p,
                  "Which benefits count: budget (cash), organisation (+ capacity, default), society (+ "
                  "societal)")
      ->transform(choice<Perspective>({{"budget", Perspective::budget},
                                       {"organisation", Perspective::organisation},
                                       {"society", Perspective::society}}))
      ->type_name("TEXT")
      ->default_str(to_string(p));
}

void add_threads_option(CLI::App* app, int& threads) {
  app->add_option("--threads,-j", threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));
}

std::string overwritten_input(const std::string& output, const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (output.empty() || output == "-" || !fs::exists(output, ec)) return {};
  for (const auto& in : inputs) {
    if (in == "-") continue;
    for (const auto& file : fs::is_directory(in, ec) ? expand_paths({in}) : std::vector<std::string>{in})
      if (fs::equivalent(output, file, ec)) return file;
  }
  return {};
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
  if (perspective) add_perspective_option(app, o.perspective);
  o.has_perspective = perspective;
}

Overrides case_overrides(const Case& c, const CaseOptions& o) {
  Overrides extra = parse_sets(c, o.sets);
  Overrides out;
  if (!o.scenario.empty()) out = find_scenario(c, o.scenario).overrides;
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

std::string local_today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return fmt::format("{:04d}-{:02d}-{:02d}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void add_today_option(CLI::App* app, std::string& today) {
  app->add_option("--today", today, "Judge review dates against this day instead of today's date")
      ->type_name("YYYY-MM-DD")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            return is_iso_date(s) ? std::string() : fmt::format("'{}' is not a date YYYY-MM-DD", s);
          },
          "YYYY-MM-DD", "date"));
}

}  // namespace gevinst::cli
