// The JSON Schema (draft 2020-12) of gevinst's two document kinds, case
// files (format gevinst/1) and rollout files (format gevinst-rollout/1),
// for `gevinst schema` and for editors with YAML schema support.
//
//   std::string s = schema_json();   // the whole schema, pretty-printed
//
// The schema mirrors the loader (libeval/load_*.cpp): the same required
// keys, enums and closed key sets. What it cannot express (expression
// syntax, years inside the horizon, references between ids, values of
// expressions) the loader still checks; `gevinst validate` is the authority.
#pragma once

#include <string>

namespace gevinst::cli {

/// The schema's "$id" (an identifier, not a download). Case files point at a
/// local copy on their first line, as the examples do at examples/gevinst.schema.json:
///   # yaml-language-server: $schema=gevinst.schema.json
inline constexpr const char* kSchemaId = "https://gevinst.dk/schema/gevinst-1.json";

/// The JSON Schema as pretty-printed JSON (two-space indent, trailing newline).
/// Preset names (discounting, fte_hours, staff, units) are those compiled
/// into this binary.
std::string schema_json();

}  // namespace gevinst::cli
