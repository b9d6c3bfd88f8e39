// gevinst validate PATH...: check case and rollout files.
#include "cli/render/validate.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "libeval/case_files.h"
#include "libeval/parallel.h"

namespace gevinst::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> paths;
  OutputOptions out;
  bool strict = false;
  bool no_lints = false;
  int threads = 0;
  ScanOptions scan;
};

}  // namespace

void add_validate(CLI::App& root, Session& s) {
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* app =
      root.add_subcommand("validate", "Check case, rollout and actuals files; errors as FILE:LINE:COLUMN");
  app->description(
      "Check case files (format gevinst/1), rollout files (gevinst-rollout/1) and actuals\n"
      "files (gevinst-actuals/1, with the plan they name).\n"
      "Directories are searched recursively for *.yaml and *.yml. Every problem in a\n"
      "file is reported in one run, with its YAML path and a hint. Lints are warnings:\n"
      "an investment with no operating cost from then on, benefits without a realisation\n"
      "profile at stage implementation or scaling, parameters without a source, freed\n"
      "staff time entered twice (a capacity benefit and a monetised activity of one\n"
      "party), and distributions whose draws can leave a field's range (a normal count\n"
      "that can go negative, a share above 1), which would stop `simulate`.\n\n"
      "Examples:\n"
      "  gevinst validate examples/\n"
      "  gevinst validate --format github cases/      # annotations in GitHub Actions\n"
      "  gevinst validate --format junit -o validate.xml cases/   # JUnit XML for CI reports\n"
      "  gevinst validate --strict --format json case.yaml\n"
      "Exit: 0 all valid, 1 some file invalid (or has warnings with --strict), 2 usage.");
  app->add_option("paths", o->paths,
                  "Case, rollout or actuals files or directories ('-' reads standard input)")
      ->required()
      ->check(ExistingPathOrStdin);
  add_output_options(app, o->out, {Format::text, Format::json, Format::github, Format::junit});
  app->get_option("--quiet")->description(
      "Print only what fails the run: errors (and warnings with --strict)");
  app->add_flag("--strict", o->strict, "Treat warnings as failures (exit 1)");
  app->add_flag("--no-lints", o->no_lints, "Skip the lint warnings");
  add_threads_option(app, o->threads);
  add_scan_options(app, o->scan);
  app->callback([o, &s] {
    s.run = [o] {
      std::vector<std::string> files = scan_paths(o->paths, o->scan, o->out.quiet);
      if (no_case_files(files.size(), o->paths)) return static_cast<int>(Exit::invalid);
      std::vector<FileCheck> checks(files.size());
      CaseFileOptions co;
      co.lints = !o->no_lints;
      co.load_rollouts = true;
      co.load_actuals = true;
      co.load_portfolios = true;
      parallel_for(files.size(), {o->threads, {}}, [&](size_t, size_t i) {
        checks[i].file = read_case_file(files[i], co);
        const CaseFile& f = checks[i].file;
        checks[i].valid = f.errors == 0 && !(o->strict && f.warnings > 0);
      });
      // One id in two files (docs/cli.md, "Case ids across files"): a warning at the later file.
      std::vector<std::string> ids(checks.size());
      for (size_t i = 0; i < checks.size(); ++i)
        if (checks[i].file.model) ids[i] = checks[i].file.model->info.id;
      for (auto [first, again] : duplicate_ids(ids)) {
        CaseFile& f = checks[again].file;
        f.diags.push_back(duplicate_id_diagnostic(ids[again], checks[first].file.path, f.path,
                                                  f.model->info.id_loc, Severity::warning));
        ++f.warnings;
        if (o->strict) checks[again].valid = false;
      }
      ValidationStyle style{o->out.format, o->out.quiet, o->strict};
      if (int rc = emit(o->out, validation_report(checks, style)); rc != Exit::ok) return rc;
      for (const auto& c : checks)
        if (!c.valid) return static_cast<int>(Exit::invalid);
      return static_cast<int>(Exit::ok);
    };
  });
}

}  // namespace gevinst::cli
