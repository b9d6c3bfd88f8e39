// gevinst presets: list the presets compiled into the binary (discounting
// schedules, hours per FTE, staff groups, rollout units), each with its source.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "cli/json_util.h"
#include "libeval/presets.h"

namespace gevinst::cli {

namespace {

std::string render(const std::vector<PresetInfo>& presets, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json j;
    j["presets"] = nlohmann::ordered_json::array();
    for (const auto& p : presets)
      j["presets"].push_back({{"kind", p.kind}, {"name", p.name}, {"label", p.label}, {"source", p.source}});
    return dump(j, 2) + "\n";
  }
  if (format == "csv") {
    std::string out = csv_row({"kind", "name", "label", "source"});
    for (const auto& p : presets) out += csv_row({p.kind, p.name, p.label, p.source});
    return out;
  }
  Table t;
  t.header = {"kind", "name", "label"};
  for (const auto& p : presets) t.rows.push_back({p.kind, p.name, p.label});
  if (format == "md") {
    t.header.push_back("source");
    for (size_t i = 0; i < presets.size(); ++i) t.rows[i].push_back(presets[i].source);
    return t.render_markdown();
  }
  // Sources are paragraphs; they follow the table rather than widen it.
  std::string out = t.render_text() + "\nSources:\n";
  for (const auto& p : presets) out += fmt::format("  {} ({}): {}\n", p.name, p.kind, p.source);
  return out;
}

}  // namespace

void add_presets(CLI::App& root, Runner& run) {
  auto o = std::make_shared<CommonOptions>();
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
  add_common_options(app, *o, {"table", "json", "csv", "md"});
  app->callback([o, &run] { run = [o] { return emit(*o, render(all_presets(), o->format)); }; });
}

}  // namespace gevinst::cli
