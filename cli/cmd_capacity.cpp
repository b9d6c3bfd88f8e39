// gevinst capacity CASE: capacity release (kapacitetsfrigørelse).
#include <fmt/format.h>

#include <memory>

#include "cli/common.h"
#include "cli/json_util.h"
#include "cli/render_capacity.h"
#include "libeval/capacity.h"

namespace gevinst::cli {

void add_capacity(CLI::App& root, Runner& run) {
  struct Options {
    CaseOptions c;
    CommonOptions out;
  };
  auto o = std::make_shared<Options>();
  CLI::App* app =
      root.add_subcommand("capacity", "Capacity release: staff hours freed, FTE (årsværk) and their value");
  app->description(
      "Capacity release (case format section 7): per activity and year the staff hours\n"
      "freed, the realisable hours (the share that can be redeployed), FTE (årsværk) at\n"
      "the case's hours per FTE and their value at the staff group's hour cost; totals\n"
      "by year, staff group, party and activity; FTE at full effect (steady state),\n"
      "progress against capacity.target_fte, and every scenario side by side.\n"
      "Monetised activities are what `evaluate` counts as capacity benefits.\n\n"
      "Examples:\n"
      "  gevinst capacity examples/capacity-national-potential.yaml\n"
      "  gevinst capacity case.yaml --scenario worst --set visits_replaced=3\n"
      "  gevinst capacity case.yaml --format json -o capacity.json\n"
      "  gevinst capacity case.yaml --format csv        # the year table\n"
      "  gevinst capacity case.yaml --locale da         # 1.234,5 number format");
  add_case_options(app, o->c, false);
  add_common_options(app, o->out, {"table", "json", "csv", "md"});
  app->callback([o, &run] {
    run = [o] {
      auto loaded = load_case_or_report(o->c.path);
      if (!loaded) return static_cast<int>(Exit::invalid);
      const Case& c = *loaded->model;
      CapacityOptions co;
      co.require_section = true;
      co.overrides = case_overrides(c, o->c);
      co.scenario = o->c.scenario;
      co.scenarios = true;
      co.scenario_extra = parse_sets(c, o->c.sets);
      CapacityResult r = evaluate_capacity(c, co);
      std::string out;
      const std::string& f = o->out.format;
      if (f == "json")
        out = dump(capacity_json(r), 2) + "\n";
      else if (f == "csv")
        out = capacity_csv(r);
      else if (f == "md")
        out = capacity_markdown(r, o->out.number_locale());
      else
        out = capacity_table(r, o->out.number_locale());
      return emit(o->out, out);
    };
  });
}

}  // namespace gevinst::cli
