#include "libeval/presets.h"

#include <cstdlib>
#include <map>
#include <mutex>

#include "libeval/detail/yaml_tree.h"
#include "libeval/expr.h"

namespace gevinst {

namespace {

// Presets are parsed once, on first use, a folder of models/ at a time (the
// folder decides which registry a file is looked up in). They are our own
// files and a unit test loads every one, so a malformed preset is a build
// defect: it is skipped here rather than crashing a user's run.
struct Registry {
  std::map<std::string, DiscountSchedule, std::less<>> discounting;
  std::map<std::string, FteHoursPreset, std::less<>> fte_hours;
  std::map<std::string, StaffPreset, std::less<>> staff;
  std::map<std::string, UnitPreset, std::less<>> units;
  std::map<std::string, PriceIndexPreset, std::less<>> prices;
  std::vector<PresetInfo> info;
  std::vector<std::unique_ptr<YamlDocument>> docs;
};

std::string text(const YNode* n, std::string_view key) {
  const YNode* v = n ? n->find(key) : nullptr;
  return v && v->is_scalar() ? v->value : std::string{};
}

double number(const YNode* n, std::string_view key) {
  std::string s = text(n, key);
  return parse_number(s).value_or(0.0);
}

// The folders of models/, each parsed on its first use: evaluating a case
// needs the discounting presets only, not the staff and unit files.
enum class Folder { discounting, staff, units, prices };
constexpr const char* kFolders[] = {"discounting/", "staff/", "units/", "prices/"};

const Registry& registry(Folder folder) {
  static Registry regs[4];
  static std::once_flag once[4];
  const auto i = static_cast<size_t>(folder);
  std::call_once(once[i], [i] {
    Registry& reg = regs[i];
    for (const auto& f : embedded_models()) {
      if (std::string_view(f.name).rfind(kFolders[i], 0) != 0) continue;
      Diagnostics d(f.name);
      auto doc = parse_yaml(f.text, d);
      if (!doc || !doc->root || !doc->root->is_mapping()) continue;
      const YNode* r = doc->root;
      std::string kind = text(r, "kind"), name = text(r, "name");
      std::string label = text(r, "label"), source = text(r, "source");
      if (kind == "discounting") {
        DiscountSchedule s;
        s.name = name;
        s.source = source;
        if (const YNode* steps = r->find("schedule"); steps && steps->is_sequence())
          for (const YNode* st : steps->items)
            s.steps.push_back({static_cast<int>(number(st, "from_index")), number(st, "rate")});
        reg.discounting[name] = s;
      } else if (kind == "fte-hours") {
        reg.fte_hours[name] = {name, label, source, number(r, "hours")};
      } else if (kind == "staff") {
        reg.staff[name] = {name, label, source, number(r, "hour_cost")};
      } else if (kind == "units") {
        UnitPreset u;
        u.name = name;
        u.label = label;
        u.source = source;
        u.year = static_cast<int>(number(r, "year"));
        u.valid_until = text(r, "valid_until");
        u.replaced_by = text(r, "replaced_by");
        u.change = text(r, "change");
        if (const YNode* list = r->find("units"); list && list->is_sequence())
          for (const YNode* it : list->items)
            u.units.push_back({text(it, "id"), text(it, "label"), number(it, "population")});
        reg.units[name] = u;
      } else if (kind == "price-index") {
        // changes: {year: increase}, consecutive years after base_year;
        // index(base_year) = 100, index(y) = index(y - 1) x (1 + change(y)).
        PriceIndexPreset p{name, label, source, static_cast<int>(number(r, "base_year")), {100.0}, {0.0}};
        if (const YNode* ch = r->find("changes"); ch && ch->is_mapping())
          for (const auto& [k, v] : ch->entries) {
            if (parse_number(k->value).value_or(0) != p.last_year() + 1) break;
            const double change = v && v->is_scalar() ? parse_number(v->value).value_or(0) : 0;
            p.values.push_back(p.values.back() * (1 + change));
            p.changes.push_back(change);
          }
        reg.prices[name] = p;
      } else {
        continue;
      }
      reg.info.push_back({kind, name, label, source});
      reg.docs.push_back(std::move(doc));
    }
  });
  return regs[i];
}

template <class Map>
std::vector<std::string> names_of(const Map& m) {
  std::vector<std::string> out;
  out.reserve(m.size());
  for (const auto& [k, v] : m) out.push_back(k);
  return out;
}

template <class Map>
auto lookup(const Map& m, std::string_view name) -> std::optional<typename Map::mapped_type> {
  auto it = m.find(name);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

}  // namespace

double UnitPreset::total_population() const {
  double t = 0;
  for (const auto& u : units) t += u.population;
  return t;
}

const UnitPreset::Unit* UnitPreset::find(std::string_view id) const {
  for (const auto& u : units)
    if (u.id == id) return &u;
  return nullptr;
}

std::optional<DiscountSchedule> discount_preset(std::string_view name) {
  return lookup(registry(Folder::discounting).discounting, name);
}
std::vector<std::string> discount_preset_names() {
  return names_of(registry(Folder::discounting).discounting);
}
std::optional<FteHoursPreset> fte_hours_preset(std::string_view name) {
  return lookup(registry(Folder::staff).fte_hours, name);
}
std::vector<std::string> fte_hours_preset_names() { return names_of(registry(Folder::staff).fte_hours); }
std::optional<StaffPreset> staff_preset(std::string_view name) {
  return lookup(registry(Folder::staff).staff, name);
}
std::vector<std::string> staff_preset_names() { return names_of(registry(Folder::staff).staff); }
std::optional<UnitPreset> unit_preset(std::string_view name) {
  return lookup(registry(Folder::units).units, name);
}
std::vector<std::string> unit_preset_names() { return names_of(registry(Folder::units).units); }
std::optional<double> PriceIndexPreset::at(int year) const {
  if (year < first_year || year > last_year()) return std::nullopt;
  return values[static_cast<size_t>(year - first_year)];
}
std::optional<PriceIndexPreset> price_index_preset(std::string_view name) {
  return lookup(registry(Folder::prices).prices, name);
}
std::vector<std::string> price_index_preset_names() { return names_of(registry(Folder::prices).prices); }
std::vector<PresetInfo> all_presets() {
  std::vector<PresetInfo> out;
  for (Folder f : {Folder::discounting, Folder::staff, Folder::units, Folder::prices}) {
    const auto& info = registry(f).info;
    out.insert(out.end(), info.begin(), info.end());
  }
  return out;
}

}  // namespace gevinst
