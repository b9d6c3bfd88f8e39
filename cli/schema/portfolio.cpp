// Schema definition of the portfolio constraints file (format
// gevinst-portfolio/1, docs/cli.md, "Constraints file"; loader
// libeval/load_portfolio.cpp).
#include "cli/schema/parts.h"

namespace gevinst::cli {

using namespace schema;

void add_portfolio_defs(J& defs) {
  J amount = {{"description", "An amount of money, a literal number 0 or more (25e6 or 25000000)."},
              {"type", "number"},
              {"minimum", 0}};
  J cases = {{"description", "Case ids (case.id of the files given to gevinst portfolio), each once."},
             {"type", "array"},
             {"uniqueItems", true},
             {"items", ref("id")}};
  J count = {{"description", "A count of cases, a literal whole number 0 or more."},
             {"type", "integer"},
             {"minimum", 0}};
  J tag = object("A region or sector: its cases and how few or many of them to select (min, max or both).",
                 {{"cases", cases}, {"min", count}, {"max", count}}, {"cases"});
  tag["anyOf"] = J::array({{{"required", {"min"}}}, {{"required", {"max"}}}});
  defs["portfolio"] = object(
      "What a fund's round allows (format gevinst-portfolio/1), for gevinst portfolio --constraints.",
      {{"format",
        {{"description", "Always gevinst-portfolio/1 for a portfolio constraints file."},
         {"const", "gevinst-portfolio/1"}}},
       {"title", text("A one-line name of the round.")},
       {"budget",
        described("The total budget on the cost basis (--cost-basis); --budget replaces it.", amount)},
       {"yearly_budgets",
        year_map("The appropriation of each calendar year: the selected cases' undiscounted costs in that "
                 "year must not exceed it.",
                 amount)},
       {"committed", described("Cases already funded: always selected.", cases)},
       {"excluded", described("Cases never selected.", cases)},
       {"requires",
        {{"description", "Case: the case (or list of cases) it requires; a case only with those."},
         {"type", "object"},
         {"propertyNames", ref("id")},
         {"additionalProperties", ref("idList")}}},
       {"exclusive",
        {{"description", "Groups of cases of which at most one is selected."},
         {"type", "array"},
         {"items", {{"type", "array"}, {"minItems", 2}, {"uniqueItems", true}, {"items", ref("id")}}}}},
       {"tags",
        {{"description", "Tags (a region, a sector) with their cases and count limits."},
         {"type", "object"},
         {"additionalProperties", tag}}}},
      {"format"});
}

}  // namespace gevinst::cli
