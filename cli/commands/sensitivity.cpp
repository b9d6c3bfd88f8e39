// gevinst sensitivity CASE: scenarios, one-way sensitivity (tornado) and
// break-even values.
#include "cli/render/sensitivity.h"

#include <memory>

#include "cli/commands/commands.h"
#include "cli/render/render.h"
#include "libeval/sensitivity.h"

namespace gevinst::cli {

void add_sensitivity(CLI::App& root, Session& s) {
  struct Options {
    CaseOptions c;
    OutputOptions out;
    std::string metric = "npv";
    double range = 0;
    bool no_break_even = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* app =
      root.add_subcommand("sensitivity", "Scenarios, one-way sensitivity (tornado) and break-even values");
  app->description(
      "How robust is the result? Evaluates every named scenario; varies each parameter\n"
      "that has low/high values one at a time (tornado order: largest swing first); and\n"
      "finds each parameter's break-even (switching) value: where NPV = 0 (or the SROI\n"
      "ratio = 1, or FTE = capacity.target_fte), by a bracketed root finder.\n\n"
      "Examples:\n"
      "  gevinst sensitivity examples/kol-telemonitoring.yaml\n"
      "  gevinst sensitivity case.yaml --range 0.2        # also every other number +-20 %\n"
      "  gevinst sensitivity case.yaml --metric fte --format json\n"
      "  gevinst sensitivity case.yaml --lang da       # på dansk: nulpunktsværdier ...");
  add_case_options(app, o->c, true);
  add_output_options(app, o->out, document_formats());
  add_lang_option(app, o->out);
  app->add_option("--metric,-m", o->metric, "What is varied against: npv, fte or sroi")
      ->check(CLI::IsMember({"npv", "fte", "sroi"}))
      ->capture_default_str();
  app->add_option("--range", o->range, "Vary parameters without low/high by +-RANGE (e.g. 0.2 = 20 %)")
      ->check(CLI::Range(0.0, 10.0));
  app->add_flag("--no-break-even", o->no_break_even, "Skip the break-even search");
  app->callback([o, &s, app] {
    imply_locale(app, o->out);
    s.run = [o, &s] {
      return run_on_case(s, o->c, o->out, [&](const Case& c) {
        SensitivityOptions so;
        so.metric = o->metric == "fte" ? Metric::fte : o->metric == "sroi" ? Metric::sroi : Metric::npv;
        so.perspective = o->c.perspective;
        so.overrides = case_overrides(c, o->c);
        if (o->range > 0) so.range = o->range;
        so.break_even = !o->no_break_even;
        if (so.metric == Metric::fte && c.capacity.activities.empty())
          throw InputError{{Diagnostic{c.file,
                                       {},
                                       Severity::error,
                                       "capacity",
                                       "--metric fte needs a capacity section with activities",
                                       ""}}};
        if (so.metric == Metric::fte && !c.capacity.target_fte && so.break_even && !o->out.quiet) {
          // A lint of the command, not the file: only --metric fte needs the target.
          Diagnostics lint(c.file);
          lint.warning(
              c.capacity.loc, "capacity",
              phrase("--metric fte without capacity.target_fte: there is no FTE to break even at, so "
                     "no break-even values"),
              phrase("set capacity.target_fte (the FTE the solution is to free, e.g. target_fte: 5) to "
                     "see the value of each parameter at which it is reached"));
          print_diagnostics(lint.all(), s.sources);
        }
        if (so.metric == Metric::sroi && c.sroi.outcomes.empty())
          throw InputError{{Diagnostic{
              c.file, {}, Severity::error, "sroi", "--metric sroi needs an sroi section with outcomes", ""}}};
        return sensitivity_document(run_sensitivity(c, so), o->c.perspective, o->out.style());
      });
    };
  });
}

}  // namespace gevinst::cli
