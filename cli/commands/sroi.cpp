// gevinst sroi CASE: social return on investment.
#include "cli/render/sroi.h"

#include "cli/commands/commands.h"
#include "libeval/sroi.h"

namespace gevinst::cli {

void add_sroi(CLI::App& root, Session& s) {
  add_case_command(root, s,
                   {"sroi", "Social return on investment: ratio, impact map, sensitivity",
                    "SROI: per outcome and year the gross value (quantity x\n"
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
                    "  gevinst sroi case.yaml --format md          # for a pull-request comment\n"
                    "  gevinst sroi case.yaml --lang da            # på dansk: dødvægt, tilskrivning ..."},
                   CaseCommandOptions{.lang = true}, [](const Case& c, const CaseCommand& o) {
                     SroiOptions so;
                     so.overrides = case_overrides(c, o.c);
                     so.scenario = o.c.scenario;
                     return sroi_document(evaluate_sroi(c, so), o.out.style());
                   });
}

}  // namespace gevinst::cli
