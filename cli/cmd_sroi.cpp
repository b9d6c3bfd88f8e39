// gevinst sroi CASE: social return on investment.
#include <fmt/format.h>

#include <memory>

#include "cli/common.h"
#include "cli/json_util.h"
#include "cli/render_sroi.h"
#include "libeval/sroi.h"

namespace gevinst::cli {

void add_sroi(CLI::App& root, Runner& run) {
  struct Options {
    CaseOptions c;
    CommonOptions out;
  };
  auto o = std::make_shared<Options>();
  CLI::App* app = root.add_subcommand("sroi", "Social return on investment: ratio, impact map, sensitivity");
  app->description(
      "SROI (case format section 8): per outcome and year the gross value (quantity x\n"
      "financial proxy), the impact after deadweight, attribution, displacement and\n"
      "drop-off, and its present value with the case's discounting; totals by\n"
      "stakeholder; the ratio (PV of outcomes / investment), net ratio and payback in\n"
      "months; the ratio with each adjustment at 0 and at +0.25 and with every\n"
      "duration one year shorter. Two outcomes with the same stakeholder and\n"
      "indicator are flagged (double counting).\n\n"
      "Examples:\n"
      "  gevinst sroi examples/kol-telemonitoring.yaml\n"
      "  gevinst sroi case.yaml --scenario worst\n"
      "  gevinst sroi case.yaml --format json -o sroi.json\n"
      "  gevinst sroi case.yaml --format md          # for a pull-request comment");
  add_case_options(app, o->c, false);
  add_common_options(app, o->out, {"table", "json", "csv", "md"});
  app->callback([o, &run] {
    run = [o] {
      auto loaded = load_case_or_report(o->c.path);
      if (!loaded) return static_cast<int>(Exit::invalid);
      const Case& c = *loaded->model;
      SroiOptions so;
      so.overrides = case_overrides(c, o->c);
      so.scenario = o->c.scenario;
      SroiResult r = evaluate_sroi(c, so);
      std::string out;
      const std::string& f = o->out.format;
      if (f == "json")
        out = dump(sroi_json(r), 2) + "\n";
      else if (f == "csv")
        out = sroi_csv(r);
      else if (f == "md")
        out = sroi_markdown(r, o->out.number_locale());
      else
        out = sroi_table(r, o->out.number_locale());
      return emit(o->out, out);
    };
  });
}

}  // namespace gevinst::cli
