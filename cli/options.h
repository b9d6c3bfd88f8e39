// Options the subcommands share, each defined once: --format (an enum),
// -o, --locale, --quiet, --perspective (an enum), --threads, the case
// options (CASE, --scenario, --set) and the exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/render/catalogue.h"
#include "cli/render/format.h"
#include "libeval/case_files.h"
#include "libeval/loader.h"
#include "libeval/model.h"

namespace gevinst::cli {

/// Exit codes (docs/cli.md, "Exit codes"): 0 success, 1 invalid input or
/// failed check, 2 usage error; 3 is an internal error (a bug in gevinst).
enum Exit { ok = 0, invalid = 1, usage = 2, internal = 3 };

/// What a subcommand leaves for main() to run after parsing.
using Runner = std::function<int()>;

/// Where output goes and how it looks.
struct OutputOptions {
  Format format = Format::table;
  std::string output = "-";
  NumberLocale locale = NumberLocale::en;
  bool quiet = false;
  Language lang = Language::en;  ///< only where the command has --lang
  /// Numbers in `locale`, words in `lang`.
  Style style() const { return Style{locale, &catalogue(lang)}; }
  bool bom = false;  ///< --bom: CSV starts with a UTF-8 byte-order mark
  /// What CSV output starts with: the byte-order mark when asked, else nothing.
  std::string_view csv_prefix() const { return bom && format == Format::csv ? "\xEF\xBB\xBF" : ""; }
  /// Progress on standard error: only for table output and without --quiet.
  bool progress() const { return !quiet && format == Format::table; }
};

/// Adds --format (one of `formats`, the first the default), -o/--output,
/// --locale and --quiet. `names` (optional) spells formats differently on
/// this command (validate's "text").
void add_output_options(CLI::App* app, OutputOptions& o, const std::vector<Format>& formats);

/// Adds --locale (en, da).
void add_locale_option(CLI::App* app, NumberLocale& locale);

/// Adds --lang (en, da). Call imply_locale() once parsed: --lang da means
/// --locale da unless --locale is given.
void add_lang_option(CLI::App* app, OutputOptions& o);
void imply_locale(const CLI::App* app, OutputOptions& o);

/// Adds --perspective/-p.
void add_perspective_option(CLI::App* app, Perspective& p);

/// Adds --threads/-j (0 = all cores).
void add_threads_option(CLI::App* app, int& threads);

/// Adds `name` GLOB (repeatable): files and folders below a searched
/// directory to leave out (docs/cli.md, "Input"). `--exclude` where the
/// command has no other use for it; portfolio's --exclude names cases.
void add_scan_options(CLI::App* app, ScanOptions& o, const std::string& name = "--exclude");

/// expand_paths with `o`; a dangling link or a skipped folder link is a
/// warning on standard error unless `quiet`.
std::vector<std::string> scan_paths(const std::vector<std::string>& paths, const ScanOptions& o, bool quiet);

/// A CI job pointed at the wrong folder must not pass by reading nothing:
/// when `cases` is 0, prints "no case files (*.yaml, *.yml) found in PATHS"
/// with a hint and returns true, and the caller exits 1. `others` is the
/// number of rollout, actuals or portfolio documents found instead.
bool no_case_files(size_t cases, const std::vector<std::string>& paths, size_t others = 0);

/// Today's date in local time as YYYY-MM-DD.
std::string local_today();
/// Adds --today YYYY-MM-DD (checked as a usage error).
void add_today_option(CLI::App* app, std::string& today);

/// A CLI11 validator: an existing file, an existing directory or "-".
extern const CLI::Validator ExistingPathOrStdin;

/// Options of the commands that evaluate one case.
struct CaseOptions {
  std::string path;
  std::string scenario;
  std::vector<std::string> sets;
  Perspective perspective = Perspective::organisation;
  bool has_perspective = false;  ///< the command takes --perspective
};
/// Adds --scenario and --set (NAME=VALUE, checked as a usage error).
void add_scenario_options(CLI::App* app, std::string& scenario, std::vector<std::string>& sets);
/// Adds CASE, --scenario, --set and (if `perspective`) --perspective.
void add_case_options(CLI::App* app, CaseOptions& o, bool perspective);

/// The input file among `inputs` (files or directories searched like
/// expand_paths) that `output` would overwrite; empty when none. "-" on
/// either side is standard input or output, never a file.
std::string overwritten_input(const std::string& output, const std::vector<std::string>& inputs);

/// Parses `--set NAME=VALUE` options (VALUE a number or an expression over
/// the case's parameters) into overrides; throws InputError on a bad one.
Overrides parse_sets(const Case& c, const std::vector<std::string>& sets);
/// The scenario's overrides followed by the --set ones.
Overrides case_overrides(const Case& c, const CaseOptions& o);

}  // namespace gevinst::cli
