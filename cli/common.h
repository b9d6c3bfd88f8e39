// Shared pieces of the subcommands: option helpers, loading with
// diagnostics printed, and the exit codes of the CLI contract.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cli/output.h"
#include "libeval/diagnostics.h"
#include "libeval/loader.h"

namespace gevinst::cli {

/// Exit codes (spec cli.md): 0 success, 1 invalid input or failed check,
/// 2 usage error; 3 is an internal error (a bug in gevinst).
enum Exit { ok = 0, invalid = 1, usage = 2, internal = 3 };

/// What a subcommand leaves for main() to run after parsing.
using Runner = std::function<int()>;

/// Options most subcommands share.
struct CommonOptions {
  std::string format = "table";
  std::string output = "-";
  std::string locale = "en";
  bool quiet = false;
  NumberLocale number_locale() const { return locale == "da" ? NumberLocale::da : NumberLocale::en; }
};

/// Adds --format (one of `formats`), -o/--output, --quiet and --locale.
void add_common_options(CLI::App* app, CommonOptions& o, const std::vector<std::string>& formats);

/// A CLI11 validator: an existing file, an existing directory or "-".
extern const CLI::Validator ExistingPathOrStdin;

/// Prints diagnostics to standard error as FILE:LINE:COLUMN: error: ...
/// with the line of `source` they point at.
void print_diagnostics(const std::vector<Diagnostic>& diags, std::string_view source);

/// The same, taking each diagnostic's source line from the cases loaded by
/// load_case_or_report (errors found while computing, after loading).
void print_diagnostics(const std::vector<Diagnostic>& diags);

/// Loads a case; on errors prints them and returns nullopt.
std::optional<LoadResult> load_case_or_report(const std::string& path);

/// Writes a finished output (atomically when -o names a file); prints an
/// error and returns Exit::invalid when that fails.
int emit(const CommonOptions& o, const std::string& content);

/// Parses `--set NAME=VALUE` options (VALUE a number or an expression over
/// the case's parameters) into overrides; throws InputError on a bad one.
Overrides parse_sets(const Case& c, const std::vector<std::string>& sets);

/// Options shared by the commands that evaluate one case.
struct CaseOptions {
  std::string path;
  std::string scenario;
  std::vector<std::string> sets;
  std::string perspective = "organisation";
};
/// Adds --scenario and --set (NAME=VALUE, checked as a usage error).
void add_scenario_options(CLI::App* app, std::string& scenario, std::vector<std::string>& sets);
/// Adds CASE, --scenario, --set and (if `perspective`) --perspective.
void add_case_options(CLI::App* app, CaseOptions& o, bool perspective);
/// The scenario's overrides followed by the --set ones.
Overrides case_overrides(const Case& c, const CaseOptions& o);

// One function per subcommand file.
void add_validate(CLI::App& root, Runner& run);
void add_schema(CLI::App& root, Runner& run);
void add_init(CLI::App& root, Runner& run);
void add_evaluate(CLI::App& root, Runner& run);
void add_capacity(CLI::App& root, Runner& run);
void add_sroi(CLI::App& root, Runner& run);
void add_repay(CLI::App& root, Runner& run);
void add_sensitivity(CLI::App& root, Runner& run);
void add_simulate(CLI::App& root, Runner& run);
void add_batch(CLI::App& root, Runner& run);
void add_rollout(CLI::App& root, Runner& run);
void add_portfolio(CLI::App& root, Runner& run);
void add_report(CLI::App& root, Runner& run);
void add_presets(CLI::App& root, Runner& run);

}  // namespace gevinst::cli
