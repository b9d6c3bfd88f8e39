// Data presets shipped in models/ and compiled into the binary: discounting
// schedules, hours-per-FTE conventions, staff groups, rollout units and price
// indices. Each
// preset file cites its source.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libeval/discounting.h"

namespace gevinst {

struct EmbeddedFile {
  const char* name;  ///< path below models/, e.g. "discounting/dk-fm-2021.yaml"
  const char* text;
};

/// Every file of models/, sorted by name (generated at build time).
const std::vector<EmbeddedFile>& embedded_models();

/// A discounting preset by name ("dk-fm-2021", "dk-fm-2013", "none", ...).
std::optional<DiscountSchedule> discount_preset(std::string_view name);
std::vector<std::string> discount_preset_names();

/// An hours-per-FTE convention (årsværk), e.g. "dk-gross" = 1924.
struct FteHoursPreset {
  std::string name, label, source;
  double hours = 0;
};
std::optional<FteHoursPreset> fte_hours_preset(std::string_view name);
std::vector<std::string> fte_hours_preset_names();

/// A staff group preset with an hourly cost.
struct StaffPreset {
  std::string name, label, source;
  double hour_cost = 0;
};
std::optional<StaffPreset> staff_preset(std::string_view name);
std::vector<std::string> staff_preset_names();

/// A set of rollout units with populations (regions, municipalities).
struct UnitPreset {
  struct Unit {
    std::string id, label;
    double population = 0;
  };
  std::string name, label, source;
  int year = 0;  ///< population as of 1 January of this year
  /// The last day the units exist (YYYY-MM-DD; empty = no end), the preset
  /// that replaces them and what changed, in a sentence's words.
  std::string valid_until, replaced_by, change;
  std::vector<Unit> units;
  double total_population() const;
  const Unit* find(std::string_view id) const;
};
std::optional<UnitPreset> unit_preset(std::string_view name);
std::vector<std::string> unit_preset_names();

/// A yearly price index (docs/case-format.md, "Prices"): the published
/// yearly increases chained from `first_year` = 100. Only ratios of two
/// years mean anything: an amount in prices of year b is amount x
/// index(a) / index(b) in prices of year a.
///   price_index_preset("dk-fm-pl-2025")->at(2020)   // 100 x 1.025 x ... x 1.011
struct PriceIndexPreset {
  std::string name, label, source;
  int first_year = 0;           ///< the base year, index 100
  std::vector<double> values;   ///< values[k] = index of year first_year + k
  std::vector<double> changes;  ///< changes[k] = published increase into year first_year + k (0 for k = 0)
  int last_year() const { return first_year + static_cast<int>(values.size()) - 1; }
  /// The index of `year`, or nullopt outside first_year..last_year().
  std::optional<double> at(int year) const;
};
std::optional<PriceIndexPreset> price_index_preset(std::string_view name);
std::vector<std::string> price_index_preset_names();

/// Lists every preset: kind, name, label, source (for `gevinst presets`).
struct PresetInfo {
  std::string kind, name, label, source;
};
std::vector<PresetInfo> all_presets();

}  // namespace gevinst
