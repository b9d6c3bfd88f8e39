// Shell completion and man pages from the command-line definitions
// (docs/cli.md, "Shell completion" and "Install"), on the real commands.
#include "cli/complete.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/commands/commands.h"
#include "cli/man.h"
#include "cli/version.h"

using namespace gevinst::cli;

namespace {

std::vector<std::string> words_of(const std::vector<Candidate>& cs) {
  std::vector<std::string> w;
  for (const auto& c : cs) w.push_back(c.word);
  return w;
}

struct Fixture {
  CLI::App app{"gevinst: test app.\n", "gevinst"};
  Session session;
  Fixture() {
    app.set_version_flag("--version", "gevinst 0");
    add_validate(app, session);
    add_evaluate(app, session);
    add_sensitivity(app, session);
  }
  std::vector<std::string> operator()(const std::vector<std::string>& words) {
    return words_of(complete(app, words));
  }
};

const std::string kol = GEVINST_SOURCE_DIR "/examples/kol-telemonitoring.yaml";

}  // namespace

TEST_CASE("complete: subcommands by prefix, with their summary") {
  Fixture f;
  CHECK(f({""}) == std::vector<std::string>{"validate", "evaluate", "sensitivity"});
  const auto cs = complete(f.app, {"ev"});
  REQUIRE(cs.size() == 1);
  CHECK(cs[0].word == "evaluate");
  CHECK(cs[0].description == "Evaluate a case");
  CHECK(f({"--"}) == std::vector<std::string>{"--help", "--version"});
}

TEST_CASE("complete: options of the command, and the values an option lists") {
  Fixture f;
  CHECK(f({"evaluate", "--f"}) == std::vector<std::string>{"--format"});
  CHECK(f({"evaluate", "--format", ""}) == std::vector<std::string>{"table", "json", "csv", "md"});
  CHECK(f({"evaluate", "-f", "j"}) == std::vector<std::string>{"json"});
  CHECK(f({"evaluate", "-p", ""}) == std::vector<std::string>{"budget", "organisation", "society"});
  CHECK(f({"sensitivity", "--metric", ""}) == std::vector<std::string>{"npv", "fte", "sroi"});
  // A flag takes no value: the word after it is completed as usual.
  CHECK(f({"evaluate", "--quiet", "--loc"}) == std::vector<std::string>{"--locale"});
  // An option that takes free text or a file: nothing, the shell completes files.
  CHECK(f({"evaluate", "-o", ""}).empty());
  CHECK(f({"evaluate", ""}).empty());
}

TEST_CASE("complete: --scenario names come from the case file on the line") {
  Fixture f;
  // examples/kol-telemonitoring.yaml defines the scenarios worst and best.
  CHECK(f({"evaluate", kol, "--scenario", ""}) == std::vector<std::string>{"worst", "best"});
  CHECK(f({"evaluate", "-s", "", kol}).empty());  // the file after the cursor is not read yet
  CHECK(f({"evaluate", "--set", "patients=1", kol, "-s", "b"}) == std::vector<std::string>{"best"});
  CHECK(f({"evaluate", "missing.yaml", "--scenario", ""}).empty());
  CHECK(scenario_names(GEVINST_SOURCE_DIR "/tests/data/invalid/01-empty-file.yaml").empty());
}

TEST_CASE("command_summary: the first phrase of a description") {
  CHECK(command_summary("Evaluate a case: yearly costs,\nNPV.") == "Evaluate a case");
  CHECK(command_summary("How robust is the result? Evaluates") == "How robust is the result?");
  CHECK(command_summary("Print the JSON Schema of case files") == "Print the JSON Schema of case files");
  CHECK(command_summary("Check files (format gevinst/1) and\nmore. Directories") ==
        "Check files (format gevinst/1) and more");
  CHECK(command_summary("First paragraph\n\nSecond: x") == "First paragraph");
}

TEST_CASE("man_page: the help text in roff, with escapes") {
  Fixture f;
  const std::string root = man_page(f.app, nullptr, "1.2.3");
  CHECK(root.find(".TH GEVINST 1 \"\" \"gevinst 1.2.3\"") != std::string::npos);
  CHECK(root.find(".SH NAME\ngevinst \\- test app\n") != std::string::npos);
  CHECK(root.find("\\fBgevinst\\-evaluate\\fR(1)") != std::string::npos);
  const CLI::App* evaluate = f.app.get_subcommand("evaluate");
  const std::string page = man_page(f.app, evaluate, "1.2.3");
  CHECK(page.find(".SH SYNOPSIS\ngevinst evaluate [OPTIONS] case\n") != std::string::npos);
  // Examples stay line by line; hyphens are escaped so they copy as '-'.
  CHECK(page.find(".nf\n.RS 2\ngevinst evaluate examples/kol\\-telemonitoring.yaml\n") != std::string::npos);
  CHECK(page.find("\\fB\\-f,\\-\\-format\\fR TEXT:{table,json,csv,md}=table\n") != std::string::npos);
}

TEST_CASE("version_line: the commit in parentheses when known") {
  CHECK(version_line("0.1.0", "87b81c6") == "gevinst 0.1.0 (87b81c6)");
  CHECK(version_line("0.1.0", "v0.1.0-3-g87b81c6-dirty") == "gevinst 0.1.0 (v0.1.0-3-g87b81c6-dirty)");
  CHECK(version_line("0.1.0", "") == "gevinst 0.1.0");
}
