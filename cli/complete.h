// Shell completion (docs/cli.md, "Shell completion"): the installed bash,
// zsh and fish scripts call the hidden `gevinst __complete WORD...` with the
// words typed after `gevinst`, the last one the (possibly empty) word under
// the cursor. Candidates come from the command-line definitions themselves,
// so completion never drifts from the commands and options.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace gevinst::cli {

struct Candidate {
  std::string word;
  std::string description;  ///< one line; may be empty
};

/// The candidates for the last of `words`: a subcommand, an option of the
/// command, the value of the option before it (--format values and other
/// listed choices; --scenario names from the case file among the words).
/// Empty means "complete a file name" (the scripts then do that).
///   complete(app, {"eval"})                 -> evaluate
///   complete(app, {"evaluate", "--format", ""}) -> table, json, csv, md
std::vector<Candidate> complete(CLI::App& root, const std::vector<std::string>& words);

/// The scenario names of the case file at `path` ("" when it does not load).
std::vector<std::string> scenario_names(const std::string& path);

}  // namespace gevinst::cli
