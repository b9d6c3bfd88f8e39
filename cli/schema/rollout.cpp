// Schema definitions of the rollout document (format gevinst-rollout/1,
// docs/case-format.md, "Rollouts"; loader libeval/load_rollout.cpp).
#include "cli/schema/parts.h"
#include "libeval/presets.h"

namespace gevinst::cli {

using namespace schema;

void add_rollout_defs(J& defs) {
  J decision =
      object("The unit's recorded decision.",
             {{"status",
               {{"description", "adopted, declined (with an explanation: skalér eller forklar) or pending."},
                {"enum", {"adopted", "declined", "pending"}}}},
              {"date", described("When the decision was made.", ref("date"))},
              {"explanation", text("Why the unit declined (or anything else worth recording).")},
              {"by", text("Who decided, e.g. the regional council.")}},
             {"status"});
  J per_capita = object(
      "Scale a national parameter by the unit's share of the population.",
      {{"per_capita_of", described("The solution's national parameter to scale.", ref("parameterName"))}},
      {"per_capita_of"});
  J unit = object(
      "A unit (region, municipality) that assesses the solution with its own parameters.",
      {{"id", described("The unit's id, e.g. region-nordjylland (the preset's ids when units_preset is set).",
                        ref("id"))},
       {"label", text("A readable name; default the preset's label.")},
       {"population",
        {{"description", "The unit's population (a literal number); default from units_preset."},
         {"type", "number"},
         {"exclusiveMinimum", 0}}},
       {"parameters",
        {{"description",
          "Overrides of the solution's parameters for this unit: {patients: 4100}, "
          "or {per_capita_of: national_parameter}."},
         {"type", "object"},
         {"propertyNames", ref("parameterName")},
         {"additionalProperties",
          {{"anyOf", J::array({{{"type", "number"}}, ref("expression"), per_capita})}}}}},
       {"decision", decision}},
      {"id"});
  defs["rollout"] = object(
      "A scale-or-explain rollout (format gevinst-rollout/1): one solution case evaluated for each unit.",
      {{"format",
        {{"description", "Always gevinst-rollout/1 for a rollout file."}, {"const", "gevinst-rollout/1"}}},
       {"title", text("A one-line title.")},
       {"solution", text("The path of the solution's case file, relative to this file.")},
       {"lead_unit", described("Where the solution was first bought (a unit id).", ref("id"))},
       {"review_due",
        described("The date of the annual review (RUL); pending decisions after it are non-compliant.",
                  ref("date"))},
       {"units_preset",
        names_or_string("A set of units with populations, e.g. dk-regions-2024.", unit_preset_names())},
       {"criteria",
        {{"description",
          "Conditions that must all hold for the verdict scale: expressions over the "
          "unit's results as bare names (npv, irr, bcr, payback_years, "
          "discounted_payback_years, pv_costs, pv_benefits, fte, fte_years, hours, "
          "realisable_hours, capacity_value, sroi_ratio, evidence, population) and "
          "parameters as $name: \"npv >= 0\", \"evidence >= documented\"."},
         {"type", "array"},
         {"items", {{"type", "string"}, {"minLength", 1}}}}},
       {"units",
        {{"description", "The units assessing the solution."},
         {"type", "array"},
         {"minItems", 1},
         {"items", unit}}}},
      {"format", "solution", "criteria", "units"});
}

}  // namespace gevinst::cli
