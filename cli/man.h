// Manual pages from the command-line definitions (docs/cli.md, "Install"):
// gevinst(1) and gevinst-COMMAND(1) hold the same text as `--help`, so the
// two never drift. The build runs `gevinst __man DIR` to write them.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace gevinst::cli {

/// The one-line summary of a command: its description up to the first
/// ':', '.' or '?' that ends a phrase, on one line.
/// command_summary("Evaluate a case: yearly costs ...") == "Evaluate a case"
std::string command_summary(const std::string& description);

/// The roff text of gevinst(1) (`sub` null) or of gevinst-NAME(1) for the
/// subcommand `sub` of `root`. `version` goes in the page footer.
std::string man_page(const CLI::App& root, const CLI::App* sub, const std::string& version);

/// Writes gevinst.1 and one gevinst-NAME.1 per subcommand into `dir`
/// (created if missing). Returns false (with a message on standard error)
/// when a file cannot be written.
bool write_man_pages(const CLI::App& root, const std::string& dir, const std::string& version);

}  // namespace gevinst::cli
