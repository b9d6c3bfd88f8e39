// gevinst rollout FILE: scale or explain (docs/case-format.md, "Rollouts"). One row per unit
// with verdict, decision, compliance, NPV and FTE; drafted explanations for
// explain verdicts; exit 1 when any unit is non-compliant.
#include "cli/render/rollout.h"

#include <fmt/format.h>

#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/render.h"
#include "libeval/case_files.h"
#include "libeval/presets.h"
#include "libeval/rollout.h"

namespace gevinst::cli {

namespace {

struct RolloutCliOptions {
  std::string path;
  OutputOptions out;
  std::string today;
  Perspective perspective = Perspective::organisation;
  bool no_explain = false;
};

int run_rollout(const RolloutCliOptions& o, Sources& sources) {
  CaseFileOptions co;
  co.load_rollouts = true;
  co.unknown_as = DocumentKind::rollout_v1;
  CaseFile file = read_case_file(o.path, co);
  // A case file given by mistake: one clear error rather than one per key.
  if (file.kind == DocumentKind::case_v1) {
    print_diagnostics(
        {Diagnostic{file.path,
                    {},
                    Severity::error,
                    "format",
                    "this is a case file (format gevinst/1), not a rollout (format gevinst-rollout/1)",
                    "a rollout file starts with 'format: gevinst-rollout/1' and names its case with "
                    "'solution: PATH'"}},
        std::string_view());
    return Exit::invalid;
  }
  sources.add(file);
  if (!file.rollout || !file.rollout->ok()) {
    print_diagnostics(file.diags, sources);
    return Exit::invalid;
  }
  if (!o.out.quiet) print_diagnostics(file.diags, sources);  // warnings, e.g. a unit missing from the preset
  const RolloutLoadResult& lr = *file.rollout;
  RolloutOptions ro;
  ro.today = o.today.empty() ? local_today() : o.today;
  ro.perspective = o.perspective;
  ro.explain = !o.no_explain;
  if (!lr.rollout->units_preset.empty())
    if (auto p = unit_preset(lr.rollout->units_preset)) ro.total_population = p->total_population();
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, ro);
  for (const auto& u : r.units)  // every unit is reported; its errors also go to stderr
    print_diagnostics(u.errors, sources);
  Document d = rollout_document(r, o.out.style());
  d.provenance = Provenance{sources.files(), std::string(to_string(o.perspective)), {}, {}, {}};
  if (int rc = emit(o.out, d); rc != Exit::ok) return rc;
  return r.non_compliant > 0 || r.errors > 0 ? Exit::invalid : Exit::ok;
}

}  // namespace

void add_rollout(CLI::App& root, Session& s) {
  auto o = std::make_shared<RolloutCliOptions>();
  CLI::App* app =
      root.add_subcommand("rollout", "Scale or explain: verdict, decision and compliance per unit");
  app->description(
      "Assess a rollout file (format gevinst-rollout/1): the solution case evaluated with\n"
      "each unit's parameters (explicit values, or per capita of a national parameter by\n"
      "the unit's population share), every criterion's outcome, the verdict (scale when all\n"
      "hold, else explain with the failed criteria and a drafted explanation using\n"
      "break-even values), the recorded decision and compliance: a scale verdict declined\n"
      "without an explanation, or a decision still pending after review_due, is\n"
      "non-compliant.\n\n"
      "Examples:\n"
      "  gevinst rollout examples/rollout-2027-regions.yaml\n"
      "  gevinst rollout rollout.yaml --today 2027-07-01 --format json\n"
      "  gevinst rollout rollout.yaml --format md -o report.md\n"
      "  gevinst rollout rollout.yaml --format junit -o rollout.xml   # one test case per unit, for CI\n"
      "  gevinst rollout examples/rollout-kol-regions.yaml --lang da   # på dansk: udbred eller forklar\n"
      "Exit: 0 every unit compliant, 1 invalid input or some unit non-compliant, 2 usage.");
  app->add_option("file", o->path, "Rollout file ('-' reads standard input)")
      ->required()
      ->check(ExistingPathOrStdin);
  std::vector<Format> formats = document_formats();
  formats.push_back(Format::junit);
  add_output_options(app, o->out, formats);
  add_lang_option(app, o->out);
  add_today_option(app, o->today);
  add_perspective_option(app, o->perspective);
  app->add_flag("--no-explain", o->no_explain, "Skip drafting explanations (no break-even searches)");
  app->callback([o, &s, app] {
    imply_locale(app, o->out);
    s.run = [o, &s] { return run_rollout(*o, s.sources); };
  });
}

}  // namespace gevinst::cli
