// gevinst init [--template small|large] FILE: write a commented starter case;
// gevinst init --actuals CASE FILE: a starter actuals file for a plan.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands/commands.h"
#include "cli/commands/templates.h"
#include "cli/output.h"
#include "cli/schema/json.h"
#include "libeval/rollout.h"

namespace gevinst::cli {

namespace {

struct InitOptions {
  std::string file;
  std::string actuals;  // --actuals CASE: write actuals for this plan instead of a case
  std::string as_of;
  std::string templ = "small";
  bool force = false;
  bool quiet = false;
  bool no_schema = false;  // --no-schema: do not write gevinst.schema.json beside the file
};

// The schema the template's first line names, written beside `file` when it
// is not there yet (an existing one is the user's and stays). Its path when
// written, else empty; an error message through `err`.
std::string write_schema_beside(const std::string& file, std::string& err) {
  const std::filesystem::path schema = std::filesystem::absolute(file).parent_path() / "gevinst.schema.json";
  std::error_code ec;
  if (std::filesystem::exists(schema, ec)) return {};
  std::string shown = (std::filesystem::path(file).parent_path() / "gevinst.schema.json").generic_string();
  if (auto e = write_output(shown, schema_json())) {
    err = *e;
    return {};
  }
  return shown;
}

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
  std::optional<std::string> text;
  std::string id;
  if (!o.actuals.empty()) {
    Sources sources;
    auto plan = load_case_or_report(o.actuals, sources);
    if (!plan) return Exit::invalid;
    // The plan's path as the actuals file will resolve it: relative to its folder.
    std::filesystem::path dir =
        to_stdout ? std::filesystem::current_path() : std::filesystem::absolute(o.file).parent_path();
    std::string ref = std::filesystem::absolute(o.actuals).lexically_relative(dir).generic_string();
    text = actuals_template(*plan->model, ref, o.as_of.empty() ? local_today() : o.as_of);
    id = plan->model->info.id;
  } else {
    id = case_id_from_path(to_stdout ? std::string("my-case") : o.file);
    text = render_template(o.templ, id);
  }
  if (!text) return Exit::usage;  // CLI11 checked the name already
  if (auto err = write_output(o.file, *text)) {
    error(*err);
    return Exit::invalid;
  }
  std::string schema;
  if (!to_stdout && !o.no_schema) {
    std::string err;
    schema = write_schema_beside(o.file, err);
    if (!err.empty()) {
      error(err);
      return Exit::invalid;
    }
  }
  if (!to_stdout && !o.quiet && !schema.empty())
    info(fmt::format("wrote {}, the JSON Schema the file's first line names (for editors)", schema));
  if (!to_stdout && !o.quiet && !o.actuals.empty())
    info(fmt::format(
        "wrote {} (actuals of case '{}')\nnext: fill in the realised values, then `gevinst track {}`", o.file,
        id, o.file));
  else if (!to_stdout && !o.quiet)
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
      "beside the case; init writes that file too when the folder has none (an\n"
      "existing one is left alone; `gevinst schema -o FILE` writes it anew).\n\n"
      "Examples:\n"
      "  gevinst init my-case.yaml\n"
      "  gevinst init --template large cases/telemonitoring.yaml\n"
      "  gevinst init --template large - | less      # print instead of writing\n"
      "  gevinst init --actuals examples/kol-telemonitoring.yaml actuals-2027.yaml\n\n"
      "--actuals CASE writes an actuals file (format gevinst-actuals/1) for the plan CASE\n"
      "instead: every year elapsed on --as-of (default today) with the plan's items\n"
      "commented out beside their planned values, for `gevinst track`.\n"
      "Exit: 0 written, 1 the file exists (use --force) or cannot be written, 2 usage.");
  app->add_option("file", o->file, "The case file to write ('-' prints it)")->required()->type_name("FILE");
  app->add_option("--template,-t", o->templ, "small (a pilot) or large (every section)")
      ->check(CLI::IsMember(template_names()))
      ->capture_default_str();
  app->add_option("--actuals", o->actuals, "Write actuals for this plan case instead of a case")
      ->type_name("CASE")
      ->check(CLI::ExistingFile);
  app->add_option("--as-of", o->as_of, "With --actuals: the day the actuals are taken (default today)")
      ->type_name("YYYY-MM-DD")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            return is_iso_date(s) ? std::string() : fmt::format("'{}' is not a date YYYY-MM-DD", s);
          },
          "YYYY-MM-DD", "date"));
  app->add_flag("--force", o->force, "Overwrite FILE if it exists");
  app->add_flag("--no-schema", o->no_schema, "Do not write gevinst.schema.json beside the file");
  app->add_flag("-q,--quiet", o->quiet, "No note on standard error");
  app->callback([o, &s] { s.run = [o] { return run_init(*o); }; });
}

}  // namespace gevinst::cli
