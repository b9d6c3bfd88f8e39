// The subcommands: each file in cli/commands/ adds one to the root app.
// A command parses its arguments, calls the library and renders the result
// through cli/render/; it holds no table code, JSON building or arithmetic.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/messages.h"
#include "cli/options.h"
#include "libeval/simulate.h"

namespace gevinst::cli {

/// What parsing leaves for main(): the chosen command's work, and the text
/// of every file it reads (for diagnostics found while computing).
struct Session {
  Runner run;
  Sources sources;
};

/// The case files of a fund view (`--fund ID PATH...`): PATHs expanded
/// (directories searched for *.yaml) and read on `threads` (0 = all
/// cores), in path order; rollout documents skipped with a note unless
/// `quiet`, each case's text added to s.sources. nullopt, after the
/// diagnostics are printed, when a file does not load.
std::optional<std::vector<CaseFile>> read_fund_cases(const std::vector<std::string>& paths, bool quiet,
                                                     int threads, Session& s);

/// The scenario's and --set's overrides for one of a fund's cases; a --set
/// error names the case file, as the values apply to many.
Overrides fund_overrides(const Case& c, const std::string& scenario, const std::vector<std::string>& sets);

/// The options of `gevinst simulate` (one CASE, or --fund ID PATH...).
struct SimulateRequest {
  std::vector<std::string> paths;
  std::string scenario;
  std::vector<std::string> sets;
  Perspective perspective = Perspective::organisation;
  OutputOptions out;
  size_t iterations = 10000;
  uint64_t seed = default_seed;
  int threads = 0;
  std::string draws;
  std::string fund;
  double common_factor = 0;
  std::optional<double> target_probability;
};

/// gevinst simulate --fund ID PATH... (simulate_fund.cpp).
int run_simulate_fund(const SimulateRequest& o, Session& s);

void add_validate(CLI::App& root, Session& s);
void add_schema(CLI::App& root, Session& s);
void add_init(CLI::App& root, Session& s);
void add_presets(CLI::App& root, Session& s);
void add_evaluate(CLI::App& root, Session& s);
void add_capacity(CLI::App& root, Session& s);
void add_sroi(CLI::App& root, Session& s);
void add_repay(CLI::App& root, Session& s);
void add_simulate(CLI::App& root, Session& s);
void add_sensitivity(CLI::App& root, Session& s);
void add_batch(CLI::App& root, Session& s);
void add_rollout(CLI::App& root, Session& s);
void add_portfolio(CLI::App& root, Session& s);
void add_report(CLI::App& root, Session& s);
void add_diff(CLI::App& root, Session& s);
void add_track(CLI::App& root, Session& s);

}  // namespace gevinst::cli

namespace gevinst::cli {

struct Document;

/// What a one-case command's result came from: the files read, the
/// perspective (when the command has one), scenario and --set values.
Provenance case_provenance(const Session& s, const CaseOptions& c);

/// The body of a one-case command: loads CASE (errors printed, exit 1),
/// lets `describe` compute the result as a Document, renders it in the
/// chosen format and writes it (atomically with -o).
int run_on_case(Session& s, const CaseOptions& c, const OutputOptions& out,
                const std::function<Document(const Case&)>& describe);

/// The options of a command that reads one case and has no others.
struct CaseCommand {
  CaseOptions c;
  OutputOptions out;
  bool summary = false;  ///< --table summary: CSV of the headline metrics, not the years
};

/// What a one-case command offers beyond CASE, --scenario and --set.
struct CaseCommandOptions {
  bool perspective = false;    ///< --perspective
  bool summary_table = false;  ///< --table years|summary for CSV
  bool lang = false;           ///< --lang (CaseCommand::out.style() gives its words)
};

/// What --help says of a command: the one-line summary in the command list
/// and the full description with examples.
struct CommandHelp {
  const char* name;
  const char* summary;
  const char* description;
};

/// Adds a command whose whole work is one case turned into a Document:
/// CASE with --scenario and --set (and what `with` asks for), the output
/// options, and `describe` run on the loaded case.
void add_case_command(CLI::App& root, Session& s, const CommandHelp& help, CaseCommandOptions with,
                      std::function<Document(const Case&, const CaseCommand&)> describe);

}  // namespace gevinst::cli
