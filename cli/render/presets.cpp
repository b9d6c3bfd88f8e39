#include "cli/render/presets.h"

#include <fmt/format.h>

namespace gevinst::cli {

Document presets_document(const std::vector<PresetInfo>& presets) {
  Document d;
  Table t;
  t.column("kind").column("name").column("label");
  for (const auto& p : presets) t.row({Cell::of(p.kind), Cell::of(p.name), Cell::of(p.label)});
  d.table(std::move(t));
  // Sources are paragraphs; they follow the table rather than widen it.
  d.heading("Sources");
  std::vector<std::string> sources;
  sources.reserve(presets.size());
  for (const auto& p : presets) sources.push_back(fmt::format("{} ({}): {}", p.name, p.kind, p.source));
  d.bullets(std::move(sources));

  d.json["presets"] = Json::array();
  Table csv;
  csv.column("kind").column("name").column("label").column("source");
  for (const auto& p : presets) {
    d.json["presets"].push_back(
        {{"kind", p.kind}, {"name", p.name}, {"label", p.label}, {"source", p.source}});
    csv.row({Cell::of(p.kind), Cell::of(p.name), Cell::of(p.label), Cell::of(p.source)});
  }
  d.csv.push_back(std::move(csv));
  return d;
}

}  // namespace gevinst::cli
