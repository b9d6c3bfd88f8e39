#include "cli/commands/commands.h"

#include <fmt/format.h>

#include <memory>
#include <utility>

#include "cli/output.h"
#include "cli/render/document.h"
#include "cli/render/render.h"
#include "libeval/parallel.h"

namespace gevinst::cli {

std::optional<std::vector<CaseFile>> read_fund_cases(const std::vector<std::string>& paths, bool quiet,
                                                     int threads, Session& s) {
  const std::vector<std::string> names = expand_paths(paths);
  std::vector<CaseFile> read(names.size());
  parallel_for(names.size(), {threads, {}}, [&](size_t, size_t i) { read[i] = read_case_file(names[i]); });
  std::vector<CaseFile> files;
  bool invalid = false;
  for (CaseFile& file : read) {
    if (file.is_other_document()) {  // rollouts, actuals and portfolio files may sit beside cases
      if (!quiet)
        note(fmt::format("{} is {} document; skipped", file.path,
                         file.is_rollout()   ? "a rollout"
                         : file.is_actuals() ? "an actuals"
                                             : "a portfolio"));
      continue;
    }
    if (!file.model) {
      print_diagnostics(file.diags, file.source);
      invalid = true;
      continue;
    }
    s.sources.add(file.path, file.source);
    files.push_back(std::move(file));
  }
  if (invalid) return std::nullopt;
  if (no_case_files(files.size(), paths, read.size() - files.size())) return std::nullopt;
  return files;
}

Overrides fund_overrides(const Case& c, const std::string& scenario, const std::vector<std::string>& sets) {
  CaseOptions co;
  co.scenario = scenario;
  co.sets = sets;
  try {
    return case_overrides(c, co);
  } catch (InputError& e) {
    for (auto& d : e.diagnostics)
      if (d.file == "--set") {
        d.file = c.file;
        d.message = "--set: " + d.message;
      }
    throw;
  }
}

int run_on_case(Session& s, const CaseOptions& c, const OutputOptions& out,
                const std::function<Document(const Case&)>& describe) {
  auto loaded = load_case_or_report(c.path, s.sources);
  if (!loaded) return Exit::invalid;
  Document d = describe(*loaded->model);
  d.provenance = case_provenance(s, c);
  return emit(out, d);
}

Provenance case_provenance(const Session& s, const CaseOptions& c) {
  Provenance p;
  p.files = s.sources.files();
  if (c.has_perspective) p.perspective = to_string(c.perspective);
  p.scenario = c.scenario;
  p.overrides = c.sets;
  return p;
}

void add_case_command(CLI::App& root, Session& s, const CommandHelp& help, CaseCommandOptions with,
                      std::function<Document(const Case&, const CaseCommand&)> describe) {
  auto o = std::make_shared<CaseCommand>();
  CLI::App* app = root.add_subcommand(help.name, help.summary);
  app->description(help.description);
  add_case_options(app, o->c, with.perspective);
  add_output_options(app, o->out, document_formats());
  if (with.lang) add_lang_option(app, o->out);
  if (with.summary_table)
    app->add_option_function<std::string>(
           "--table", [o](const std::string& t) { o->summary = t == "summary"; },
           "CSV: years (the year table, the default) or summary (the headline metrics, one row per "
           "perspective or one row)")
        ->check(CLI::IsMember({"years", "summary"}))
        ->type_name("TEXT");
  app->callback([o, &s, app, describe = std::move(describe)] {
    imply_locale(app, o->out);
    s.run = [o, &s, describe] {
      return run_on_case(s, o->c, o->out, [&](const Case& c) {
        Document d = describe(c, *o);
        if (o->summary) d.csv = std::move(d.csv_summary);
        return d;
      });
    };
  });
}

}  // namespace gevinst::cli
