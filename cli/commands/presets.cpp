// gevinst presets: list the presets compiled into the binary (discounting
// schedules, hours per FTE, staff groups, rollout units), each with its source.
#include "cli/render/presets.h"

#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/render.h"
#include "libeval/presets.h"

namespace gevinst::cli {

void add_presets(CLI::App& root, Session& s) {
  auto o = std::make_shared<OutputOptions>();
  CLI::App* app =
      root.add_subcommand("presets", "List the shipped presets (discounting, FTE hours, staff, units)");
  app->footer(
      "List every preset compiled into gevinst, with its kind, name, label and source:\n"
      "discounting schedules (assumptions.discounting), hours per FTE (assumptions.fte_hours),\n"
      "staff groups (capacity.staff.*.preset) and rollout units (units_preset).\n\n"
      "Examples:\n"
      "  gevinst presets\n"
      "  gevinst presets --format json\n"
      "Exit: 0 ok, 1 the output file cannot be written, 2 usage.");
  add_output_options(app, *o, document_formats());
  app->callback([o, &s] { s.run = [o] { return emit(*o, presets_document(all_presets())); }; });
}

}  // namespace gevinst::cli
