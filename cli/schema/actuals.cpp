// Schema definitions of follow-up (docs/case-format.md, "Follow-up"): the
// actuals document (format gevinst-actuals/1, loader
// libeval/load_actuals.cpp) and the case's follow_up and stage_gates
// sections (libeval/load_follow_up.cpp).
#include "cli/schema/parts.h"

namespace gevinst::cli {

using namespace schema;

void add_follow_up_defs(J& defs) {
  defs["follow_up"] = object(
      "How actuals are followed up (gevinst track); every key optional.",
      {{"forecast",
        {{"description",
          "Re-forecast of the years after the actuals: plan keeps the plan, trend scales each item by its "
          "realisation ratio, parameters re-evaluates the plan with the realised parameters."},
         {"enum", {"plan", "trend", "parameters"}}}},
       {"brake_below",
        {{"description", "Case-level realisation below which a year counts towards the brake (default 0.7)."},
         {"type", "number"},
         {"minimum", 0},
         {"maximum", 10}}},
       {"brake_years",
        integer("Consecutive elapsed years below brake_below that raise the brake (default 2).", 1, 200)}},
      {});
  J release = object("The funds released when the gate passes, in the year after `after`.",
                     {{"amount", number("The amount released.", Num::nonnegative)},
                      {"from", described("The party paying.", ref("id"))},
                      {"to", described("The party receiving.", ref("id"))}},
                     {"amount", "from", "to"});
  defs["stage_gate"] = object(
      "A stage gate: funds for the next phase released only when its criteria hold on the actuals.",
      {{"id", ref("id")},
       {"label", text("A readable name.")},
       {"description", text("What the gate is for.")},
       {"after", described("The gate is judged on actuals through this year.", ref("year"))},
       {"release", release},
       {"criteria",
        {{"description",
          "Conditions over realisation, cost_ratio, forecast.npv, forecast.bcr, forecast.fte, realised.npv, "
          "evidence, actual.NAME (a realised parameter) and $NAME (a plan parameter): \"realisation >= "
          "0.8\"."},
         {"type", "array"},
         {"items", {{"type", "string"}, {"minLength", 1}}}}}},
      {"id", "after", "release", "criteria"});
  J amounts = {{"description", "Item id: realised amount."},
               {"type", "object"},
               {"propertyNames", ref("id")},
               {"additionalProperties", {{"type", "number"}, {"minimum", 0}}}};
  J drivers =
      object("Measured drivers of a capacity activity that year.",
             {{"events", {{"description", "Events that year."}, {"type", "number"}, {"minimum", 0}}},
              {"minutes_saved",
               {{"description", "Minutes saved per event, measured."}, {"type", "number"}, {"minimum", 0}}}},
             {});
  J quantity =
      object("A realised SROI quantity.",
             {{"quantity", {{"description", "The quantity that year."}, {"type", "number"}, {"minimum", 0}}}},
             {"quantity"});
  J year = object("What was realised in one elapsed calendar year.",
                  {{"costs", amounts},
                   {"benefits", amounts},
                   {"capacity",
                    {{"description", "Activity id: measured drivers."},
                     {"type", "object"},
                     {"propertyNames", ref("id")},
                     {"additionalProperties", drivers}}},
                   {"sroi",
                    {{"description", "Outcome id: realised quantity."},
                     {"type", "object"},
                     {"propertyNames", ref("id")},
                     {"additionalProperties", quantity}}}},
                  {});
  J param = {
      {"anyOf",
       J::array({{{"type", "number"}},
                 object("A realised parameter value and where it comes from.",
                        {{"value", {{"type", "number"}}}, {"source", text("Where the value comes from.")}},
                        {"value"})})}};
  defs["actuals"] = object(
      "What a case realised, year by year (format gevinst-actuals/1), against the plan its case: line names.",
      {{"format",
        {{"description", "Always gevinst-actuals/1 for an actuals file."}, {"const", "gevinst-actuals/1"}}},
       {"case", text("The path of the plan's case file, relative to this file.")},
       {"as_of", described("The day these actuals were taken; a year is elapsed on or after its 31 December.",
                           ref("date"))},
       {"source", text("Where the figures come from.")},
       {"years", year_map("Elapsed calendar years from start_year, without gaps.", year)},
       {"parameters",
        {{"description", "Realised parameter values, used by the parameters forecast."},
         {"type", "object"},
         {"propertyNames", ref("parameterName")},
         {"additionalProperties", param}}}},
      {"format", "case", "as_of", "years"});
}

}  // namespace gevinst::cli
