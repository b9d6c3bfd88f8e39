// The starter actuals file of `gevinst init --actuals CASE FILE`
// (docs/case-format.md, "Follow-up").
#include <fmt/format.h>

#include "cli/commands/templates.h"
#include "libeval/capacity.h"
#include "libeval/flows.h"
#include "libeval/parameters.h"
#include "libeval/text.h"

namespace gevinst::cli {

std::string actuals_template(const Case& c, const std::string& case_ref, const std::string& as_of) {
  const Assumptions& a = c.assumptions;
  const std::vector<double> params = parameter_values(c);
  const std::vector<ItemSeries> items = case_series(c, params);
  std::string out = fmt::format(
      "# yaml-language-server: $schema=gevinst.schema.json\n"
      "# Actuals of case '{}': what was realised, year by year, against the plan.\n"
      "# Remove the '#' in front of each item you report and write the realised\n"
      "# value; an item left out is 'not reported' (docs/case-format.md, \"Follow-up\").\n"
      "format: gevinst-actuals/1\n"
      "case: \"{}\"   # the plan, relative to this file\n"
      "as_of: \"{}\"   # the day these actuals were taken\n"
      "source: \"\"   # where the figures come from, e.g. a finance system extract\n",
      c.info.id, case_ref, as_of);
  int last = a.start_year - 1;
  for (int y = a.start_year; y <= a.end_year(); ++y)
    if (fmt::format("{:04d}-12-31", y) <= as_of) last = y;
  if (last < a.start_year) {
    out += fmt::format("years: {{}}   # no year of the plan has elapsed on {}\n", as_of);
    return out;
  }
  out += "years:\n";
  for (int y = a.start_year; y <= last; ++y) {
    const size_t t = static_cast<size_t>(y - a.start_year);
    out += fmt::format("  {}:\n", y);
    for (bool costs : {true, false}) {
      out += costs ? "    costs:   # item id: realised amount\n" : "    benefits:\n";
      for (const ItemSeries& s : items)
        if (s.is_cost == costs && !s.derived_from_capacity)
          out += fmt::format("      # {}: {:.0f}   # plan {}\n", s.id, s.values[t], grouped(s.values[t]));
    }
    if (!c.capacity.activities.empty()) {
      out += "    capacity:   # measured drivers: events that year, minutes saved per event\n";
      for (const Activity& act : c.capacity.activities) {
        const ActivitySeries as = activity_series(c, act, params);
        const double minutes = value_of(act.time_saved, params, c.file) * (act.in_minutes ? 1.0 : 60.0);
        const double events = minutes > 0 ? as.hours[t] * 60.0 / minutes : 0.0;
        out += fmt::format("      # {}: {{events: {:.0f}, minutes_saved: {}}}   # plan {} hours\n", act.id,
                           events, minutes, grouped(as.hours[t]));
      }
    }
    if (!c.sroi.outcomes.empty()) {
      out += "    sroi:\n";
      for (const Outcome& o : c.sroi.outcomes)
        if (y >= o.start && y < o.start + o.duration)
          out += fmt::format("      # {}: {{quantity: {:.0f}}}   # plan\n", o.id,
                             value_of(o.quantity, params, c.file));
    }
  }
  if (!c.parameters.empty()) {
    out += "parameters:   # realised values, used by the `parameters` forecast\n";
    for (const Parameter& p : c.parameters)
      out += fmt::format("  # {}: {{value: {}, source: \"\"}}   # plan\n", p.name,
                         params[static_cast<size_t>(&p - c.parameters.data())]);
  }
  return out;
}

}  // namespace gevinst::cli
