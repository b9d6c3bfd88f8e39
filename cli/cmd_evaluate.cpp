// gevinst evaluate CASE: the business case.
#include <fmt/format.h>

#include <memory>

#include "cli/common.h"
#include "cli/json_util.h"
#include "cli/render_business_case.h"
#include "libeval/business_case.h"

namespace gevinst::cli {

void add_evaluate(CLI::App& root, Runner& run) {
  struct Options {
    CaseOptions c;
    CommonOptions out;
  };
  auto o = std::make_shared<Options>();
  CLI::App* app =
      root.add_subcommand("evaluate", "Business case: NPV, IRR, BCR, payback, who pays and who gains");
  app->description(
      "Evaluate a case: yearly costs and benefits, NPV, IRR, benefit-cost ratio, payback\n"
      "and discounted payback for the budget, organisation and society perspectives,\n"
      "and per party what it pays and receives each year (incl. financing transfers).\n\n"
      "Examples:\n"
      "  gevinst evaluate examples/kol-telemonitoring.yaml\n"
      "  gevinst evaluate case.yaml --scenario worst --set patients=900\n"
      "  gevinst evaluate case.yaml --perspective society --format json -o result.json\n"
      "  gevinst evaluate case.yaml --format md        # for a pull-request comment\n"
      "  gevinst evaluate case.yaml --locale da        # 1.234.567,5 number format");
  add_case_options(app, o->c, true);
  add_common_options(app, o->out, {"table", "json", "csv", "md"});
  app->callback([o, &run] {
    run = [o] {
      auto loaded = load_case_or_report(o->c.path);
      if (!loaded) return static_cast<int>(Exit::invalid);
      const Case& c = *loaded->model;
      EvaluateOptions eo;
      eo.perspective = *perspective_from(o->c.perspective);
      eo.overrides = case_overrides(c, o->c);
      eo.scenario = o->c.scenario;
      BusinessCase bc = evaluate_case(c, eo);
      std::string out;
      const std::string& f = o->out.format;
      if (f == "json")
        out = dump(business_case_json(bc), 2) + "\n";
      else if (f == "csv")
        out = business_case_csv(bc);
      else if (f == "md")
        out = business_case_markdown(bc, o->out.number_locale());
      else
        out = business_case_table(bc, o->out.number_locale());
      return emit(o->out, out);
    };
  });
}

}  // namespace gevinst::cli
