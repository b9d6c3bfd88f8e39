// gevinst init [--template small|large] FILE: write a commented starter case.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands/commands.h"
#include "cli/commands/templates.h"
#include "cli/output.h"

namespace gevinst::cli {

namespace {

struct InitOptions {
  std::string file;
  std::string templ = "small";
  bool force = false;
  bool quiet = false;
};

int run_init(const InitOptions& o) {
  bool to_stdout = o.file == "-";
  std::error_code ec;
  if (!to_stdout && std::filesystem::exists(o.file, ec) && !o.force) {
    print_diagnostics(
        {Diagnostic{o.file,
                    {},
                    Severity::error,
                    "",
                    "the file exists; gevinst init does not overwrite it",
                    fmt::format("choose another name, or add --force to replace it: gevinst init --force {}",
                                o.file)}},
        std::string_view());
    return Exit::invalid;
  }
  std::string id = case_id_from_path(to_stdout ? std::string("my-case") : o.file);
  auto text = render_template(o.templ, id);
  if (!text) return Exit::usage;  // CLI11 checked the name already
  if (auto err = write_output(o.file, *text)) {
    error(*err);
    return Exit::invalid;
  }
  if (!to_stdout && !o.quiet)
    info(fmt::format("wrote {} ({} template, case id '{}')\nnext: edit it, then `gevinst validate {}`",
                     o.file, o.templ, id, o.file));
  return Exit::ok;
}

}  // namespace

void add_init(CLI::App& root, Session& s) {
  auto o = std::make_shared<InitOptions>();
  CLI::App* app = root.add_subcommand("init", "Write a commented starter case that validates");
  app->footer(
      "Write a commented starter case file (format gevinst/1) that passes\n"
      "`gevinst validate --strict`. Its case id is taken from the file name.\n\n"
      "Templates:\n"
      "  small   a pilot: a few parameters with sources, two parties, an investment,\n"
      "          an operating cost and one benefit with a realisation profile\n"
      "  large   every section: capacity release, SROI, financing (a grant and a\n"
      "          gain-share loan), scenarios, distributions, correlations and\n"
      "          optimism bias, with every key explained\n\n"
      "The first line points editors with YAML schema support at gevinst.schema.json\n"
      "beside the case; `gevinst schema -o gevinst.schema.json` writes it there.\n\n"
      "Examples:\n"
      "  gevinst init my-case.yaml\n"
      "  gevinst init --template large cases/telemonitoring.yaml\n"
      "  gevinst init --template large - | less      # print instead of writing\n"
      "Exit: 0 written, 1 the file exists (use --force) or cannot be written, 2 usage.");
  app->add_option("file", o->file, "The case file to write ('-' prints it)")->required()->type_name("FILE");
  app->add_option("--template,-t", o->templ, "small (a pilot) or large (every section)")
      ->check(CLI::IsMember(template_names()))
      ->capture_default_str();
  app->add_flag("--force", o->force, "Overwrite FILE if it exists");
  app->add_flag("-q,--quiet", o->quiet, "No note on standard error");
  app->callback([o, &s] { s.run = [o] { return run_init(*o); }; });
}

}  // namespace gevinst::cli
