// gevinst: health-economic evaluation from YAML case files.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <iostream>
#include <string_view>

#include "cli/commands/commands.h"
#include "cli/complete.h"
#include "cli/man.h"
#include "cli/render/provenance.h"
#include "cli/version.h"

using namespace gevinst::cli;

int main(int argc, char** argv) {
  CLI::App app{
      "gevinst: business cases, capacity release, SROI, repayment schedules and rollouts\n"
      "for health innovation, from YAML case files (format gevinst/1).\n\n"
      "Start with:\n"
      "  gevinst init my-case.yaml          write a commented starter case\n"
      "  gevinst validate my-case.yaml      check it (errors point at FILE:LINE:COLUMN)\n"
      "  gevinst evaluate my-case.yaml      NPV, IRR, payback, who pays and who gains\n",
      "gevinst"};
  app.set_version_flag("--version", version_line(tool_version(), build_commit()));
  app.require_subcommand(1);
  app.fallthrough(false);
  app.footer(
      "Run `gevinst COMMAND --help` (or `man gevinst-COMMAND`) for a command's options and examples.\n"
      "Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error.");
  Session session;
  add_validate(app, session);
  add_schema(app, session);
  add_init(app, session);
  add_presets(app, session);
  add_evaluate(app, session);
  add_capacity(app, session);
  add_sroi(app, session);
  add_repay(app, session);
  add_simulate(app, session);
  add_sensitivity(app, session);
  add_batch(app, session);
  add_rollout(app, session);
  add_portfolio(app, session);
  add_track(app, session);
  add_report(app, session);
  add_diff(app, session);
  // Hidden helpers of the installed files (docs/cli.md, "Install"): the
  // completion scripts ask `__complete WORD...`, the build writes the man
  // pages with `__man DIR`. Both read the definitions above.
  if (argc > 1 && std::string_view(argv[1]) == "__complete") {
    for (const Candidate& c : complete(app, std::vector<std::string>(argv + 2, argv + argc)))
      std::cout << c.word << (c.description.empty() ? "" : "\t" + c.description) << '\n';
    return Exit::ok;
  }
  if (argc > 1 && std::string_view(argv[1]) == "__man") {
    if (argc != 3) {
      error("usage: gevinst __man DIR");
      return Exit::usage;
    }
    return write_man_pages(app, argv[2], tool_version()) ? Exit::ok : Exit::invalid;
  }
  // An unknown command is named as such, with a suggestion (CLI11 would say
  // that a subcommand is required).
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  if (argc > 1 && argv[1][0] != '-' && std::find(names.begin(), names.end(), argv[1]) == names.end()) {
    std::string guess = gevinst::did_you_mean(argv[1], names);
    error(fmt::format("unknown command '{}'{}", argv[1],
                      guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess)));
    std::cerr << "Run `gevinst --help` for the commands.\n";
    return Exit::usage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e, std::cerr, std::cerr);
    return Exit::usage;
  }
  if (!session.run) return Exit::usage;
  // -o (or --draws) naming an input would replace the case with the report.
  for (const CLI::App* sub : app.get_subcommands()) {
    std::vector<std::string> inputs;
    for (const CLI::Option* opt : sub->get_options())
      if (opt->get_positional()) inputs.insert(inputs.end(), opt->results().begin(), opt->results().end());
    for (const char* name : {"--output", "--draws"}) {
      const CLI::Option* out = sub->get_option_no_throw(name);
      if (!out || out->results().empty()) continue;
      const std::string& path = out->results().front();
      if (std::string in = overwritten_input(path, inputs); !in.empty()) {
        error(fmt::format("{} {} is the input file {}; the output would replace it", name, path, in));
        std::cerr << "  hint: write the output to another file\n";
        return Exit::usage;
      }
    }
  }
  try {
    return session.run();
  } catch (const gevinst::InputError& e) {
    print_diagnostics(e.diagnostics, session.sources);
    return Exit::invalid;
  } catch (const std::bad_alloc&) {
    error("out of memory");
    return Exit::internal;
  } catch (const std::exception& e) {
    internal_error(e.what());
    return Exit::internal;
  }
}
