// gevinst presets: list the presets compiled into the binary (discounting
// schedules, hours per FTE, staff groups, rollout units), each with its source.
#include "cli/render/presets.h"

#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/render.h"
#include "libeval/diagnostics.h"
#include "libeval/presets.h"

namespace gevinst::cli {

void add_presets(CLI::App& root, Session& s) {
  auto o = std::make_shared<OutputOptions>();
  auto name = std::make_shared<std::string>();
  CLI::App* app = root.add_subcommand(
      "presets", "List the shipped presets (discounting, FTE hours, staff, units, prices), or show one");
  app->footer(
      "List every preset compiled into gevinst, with its kind, name, label and source:\n"
      "discounting schedules (assumptions.discounting), hours per FTE (assumptions.fte_hours),\n"
      "staff groups (capacity.staff.*.preset), rollout units (units_preset) and price\n"
      "indices (assumptions.price_index).\n"
      "With NAME, show what the preset holds: a schedule's rates by year index, the hours\n"
      "per FTE, a staff group's hour cost, a unit set's units and populations, or a price\n"
      "index's yearly increases and index values.\n\n"
      "Examples:\n"
      "  gevinst presets\n"
      "  gevinst presets dk-fm-2021                 # 3.5 % for years 1-35, then 2.5 %, 1.5 %\n"
      "  gevinst presets dk-regions-2027 --format csv\n"
      "  gevinst presets --format json\n"
      "Exit: 0 ok, 1 the output file cannot be written, 2 usage (an unknown NAME).");
  app->add_option("name", *name, "A preset to show in full (e.g. dk-fm-2021, dk-net, dk-regions-2027)");
  add_output_options(app, *o, document_formats());
  app->callback([o, name, &s] {
    if (name->empty()) {
      s.run = [o] { return emit(*o, presets_document(all_presets())); };
      return;
    }
    std::vector<std::string> names;
    for (const auto& p : all_presets()) {
      if (p.name == *name) {
        s.run = [o, p] { return emit(*o, preset_document(p)); };
        return;
      }
      names.push_back(p.name);
    }
    std::string hint = did_you_mean(*name, names);
    throw CLI::ValidationError(fmt::format("no preset is called '{}'{}; 'gevinst presets' lists them", *name,
                                           hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  });
}

}  // namespace gevinst::cli
