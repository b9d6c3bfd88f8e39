// gevinst evaluate CASE: the business case.
#include "cli/commands/commands.h"
#include "cli/render/business_case.h"
#include "libeval/business_case.h"

namespace gevinst::cli {

void add_evaluate(CLI::App& root, Session& s) {
  add_case_command(root, s,
                   {"evaluate", "Business case: NPV, IRR, BCR, payback, who pays and who gains",
                    "Evaluate a case: yearly costs and benefits, NPV, IRR, benefit-cost ratio, payback\n"
                    "and discounted payback for the budget, organisation and society perspectives,\n"
                    "and per party what it pays and receives each year (incl. financing transfers).\n\n"
                    "Examples:\n"
                    "  gevinst evaluate examples/kol-telemonitoring.yaml\n"
                    "  gevinst evaluate case.yaml --scenario worst --set patients=900\n"
                    "  gevinst evaluate case.yaml --perspective society --format json -o result.json\n"
                    "  gevinst evaluate case.yaml --format md        # for a pull-request comment\n"
                    "  gevinst evaluate case.yaml --locale da        # 1.234.567,5 number format\n"
                    "  gevinst evaluate case.yaml --lang da          # Danish labels (nutidsværdi ...)\n"
                    "  gevinst evaluate case.yaml --format csv --table summary --locale da --bom\n"
                    "                                  # headline metrics for a Danish Excel"},
                   CaseCommandOptions{.perspective = true, .summary_table = true, .lang = true},
                   [](const Case& c, const CaseCommand& o) {
                     EvaluateOptions eo;
                     eo.perspective = o.c.perspective;
                     eo.overrides = case_overrides(c, o.c);
                     eo.scenario = o.c.scenario;
                     return business_case_document(evaluate_case(c, eo), o.out.style());
                   });
}

}  // namespace gevinst::cli
