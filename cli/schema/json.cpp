// The JSON Schema of case, rollout and actuals files, built with nlohmann::ordered_json
// so that preset names come from the presets compiled into the binary and the
// keys keep a readable order. Every closed key set and every enum below is
// copied from the loader (libeval/load_case.cpp, load_flows.cpp,
// load_sections.cpp, load_rollout.cpp, load_portfolio.cpp); when the loader changes, change this.
#include "cli/schema/json.h"

#include <nlohmann/json.hpp>

#include "cli/render/json.h"
#include "cli/schema/parts.h"
#include "libeval/presets.h"

namespace gevinst::cli {

namespace schema {

J ref(const std::string& def) { return {{"$ref", "#/$defs/" + def}}; }

J described(const std::string& d, const J& body) {
  J out;
  out["description"] = d;
  for (auto it = body.begin(); it != body.end(); ++it) out[it.key()] = it.value();
  return out;
}

J number(const std::string& d, Num c) {
  J lit = {{"type", "number"}};
  switch (c) {
    case Num::any: break;
    case Num::share:
      lit["minimum"] = 0;
      lit["maximum"] = 1;
      break;
    case Num::nonnegative: lit["minimum"] = 0; break;
    case Num::positive: lit["exclusiveMinimum"] = 0; break;
    case Num::rate: lit["exclusiveMinimum"] = -1; break;
    case Num::correlation:
      lit["minimum"] = -1;
      lit["maximum"] = 1;
      break;
  }
  return described(d, {{"anyOf", J::array({lit, ref("expression")})}});
}

J integer(const std::string& d, int min, int max) {
  return {{"description", d}, {"type", "integer"}, {"minimum", min}, {"maximum", max}};
}

J text(const std::string& d) { return {{"description", d}, {"type", "string"}}; }

J object(const std::string& d, const J& properties, const std::vector<std::string>& required) {
  J o = {{"description", d}, {"type", "object"}};
  if (!required.empty()) o["required"] = required;
  o["properties"] = properties;
  o["additionalProperties"] = false;
  return o;
}

J names_or_string(const std::string& d, const std::vector<std::string>& names) {
  if (names.empty()) return text(d);
  return {{"description", d}, {"enum", names}};
}

J year_map(const std::string& d, const J& value) {
  return {{"description", d},
          {"type", "object"},
          {"minProperties", 1},
          {"propertyNames", {{"pattern", "^[0-9]{4}$"}}},
          {"additionalProperties", value}};
}

}  // namespace schema

namespace {

using namespace schema;

J common_defs() {
  J d;
  d["expression"] = {
      {"description",
       "An expression over parameters, in quotes: \"$patients * $admissions_avoided * $cost_per_admission\". "
       "Operators + - * / ^ and parentheses, comparisons < <= > >= == != (true = 1, false = 0), functions "
       "min, max, if(cond, a, b). Shares are fractions (0.35), never percent."},
      {"type", "string"},
      {"minLength", 1},
      {"pattern", "^[^%]*$"}};
  d["id"] = {
      {"description", "An id: lower-case letters, digits, '-' and '_', starting with a letter or digit."},
      {"type", "string"},
      {"maxLength", 100},
      {"pattern", "^[a-z0-9][a-z0-9_-]*$"}};
  d["idList"] = {
      {"description", "One id or a list of ids: [devices, training]."},
      {"anyOf", J::array({ref("id"), {{"type", "array"}, {"minItems", 1}, {"items", ref("id")}}})}};
  d["year"] = {{"description",
                "A calendar year, a literal whole number inside the case's horizon "
                "(start_year .. start_year + horizon - 1)."},
               {"type", "integer"},
               {"minimum", 1900},
               {"maximum", 2400}};
  d["parameterName"] = {
      {"description", "A parameter name: letters, digits and '_', starting with a letter or '_'."},
      {"type", "string"},
      {"maxLength", 100},
      {"pattern", "^[A-Za-z_][A-Za-z0-9_]*$"}};
  d["boolean"] = {{"description", "true or false (yes and no are accepted too)."},
                  {"anyOf", J::array({{{"type", "boolean"}}, {{"enum", {"yes", "Yes", "no", "No"}}}})}};
  d["date"] = {{"description", "A date as YYYY-MM-DD, e.g. 2027-06-30."},
               {"type", "string"},
               {"pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}};
  return d;
}

}  // namespace

std::string schema_json() {
  J s;
  s["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  s["$id"] = kSchemaId;
  s["title"] =
      "gevinst case file (gevinst/1), rollout file (gevinst-rollout/1), actuals (gevinst-actuals/1) or "
      "portfolio constraints (gevinst-portfolio/1)";
  s["description"] =
      "A health-economic business case (costs, benefits, capacity release, SROI, financing, uncertainty) or "
      "a "
      "scale-or-explain rollout of a case across units. `gevinst validate` checks what a schema cannot: "
      "expressions, years inside the horizon, references between ids.";
  s["type"] = "object";
  s["required"] = {"format"};
  s["properties"] = {
      {"format",
       {{"description",
         "The document kind and version: gevinst/1 for a case, gevinst-rollout/1 for a rollout, "
         "gevinst-actuals/1 for actuals, gevinst-portfolio/1 for portfolio constraints."},
        {"enum", {"gevinst/1", "gevinst-rollout/1", "gevinst-actuals/1", "gevinst-portfolio/1"}}}}};
  s["if"] = {{"properties", {{"format", {{"const", "gevinst-rollout/1"}}}}}, {"required", {"format"}}};
  s["then"] = ref("rollout");
  s["else"] = {
      {"if", {{"properties", {{"format", {{"const", "gevinst-actuals/1"}}}}}, {"required", {"format"}}}},
      {"then", ref("actuals")},
      {"else",
       {{"if", {{"properties", {{"format", {{"const", "gevinst-portfolio/1"}}}}}, {"required", {"format"}}}},
        {"then", ref("portfolio")},
        {"else", ref("case")}}}};
  J defs = common_defs();
  add_case_defs(defs);
  add_rollout_defs(defs);
  add_follow_up_defs(defs);
  add_portfolio_defs(defs);
  s["$defs"] = defs;
  return dump(s, 2) + "\n";
}

}  // namespace gevinst::cli
