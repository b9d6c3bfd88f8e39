// gevinst: health-economic evaluation from YAML case files.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cli/common.h"

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
  app.set_version_flag("--version", std::string("gevinst ") + GEVINST_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);
  app.footer(
      "Run `gevinst COMMAND --help` for a command's options and examples.\n"
      "Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error.");
  Runner run;
  add_validate(app, run);
  add_schema(app, run);
  add_init(app, run);
  add_presets(app, run);
  add_evaluate(app, run);
  add_capacity(app, run);
  add_sroi(app, run);
  add_repay(app, run);
  add_simulate(app, run);
  add_sensitivity(app, run);
  add_batch(app, run);
  add_rollout(app, run);
  add_portfolio(app, run);
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
  if (!run) return Exit::usage;
  try {
    return run();
  } catch (const gevinst::InputError& e) {
    print_diagnostics(e.diagnostics);
    return Exit::invalid;
  } catch (const std::bad_alloc&) {
    std::cerr << "gevinst: error: out of memory\n";
    return Exit::internal;
  } catch (const std::exception& e) {
    std::cerr << "gevinst: internal error: " << e.what()
              << "\n(this is a bug in gevinst; please report it with the input)\n";
    return Exit::internal;
  }
}
