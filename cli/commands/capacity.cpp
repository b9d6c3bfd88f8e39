// gevinst capacity CASE: capacity release (kapacitetsfrigørelse).
#include "cli/render/capacity.h"

#include "cli/commands/commands.h"
#include "libeval/capacity.h"

namespace gevinst::cli {

void add_capacity(CLI::App& root, Session& s) {
  add_case_command(root, s,
                   {"capacity", "Capacity release: staff hours freed, FTE (årsværk) and their value",
                    "Capacity release: per activity and year the staff hours\n"
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
                    "  gevinst capacity case.yaml --format csv --table summary   # FTE, hours, value\n"
                    "  gevinst capacity case.yaml --locale da         # 1.234,5 number format\n"
                    "  gevinst capacity case.yaml --lang da           # på dansk: årsværk, frigjorte timer"},
                   CaseCommandOptions{.summary_table = true, .lang = true},
                   [](const Case& c, const CaseCommand& o) {
                     CapacityOptions co;
                     co.require_section = true;
                     co.overrides = case_overrides(c, o.c);
                     co.scenario = o.c.scenario;
                     co.scenarios = true;
                     co.scenario_extra = parse_sets(c, o.c.sets);
                     return capacity_document(evaluate_capacity(c, co), o.out.style());
                   });
}

}  // namespace gevinst::cli
