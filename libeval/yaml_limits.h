// Limits on one YAML input document, so a hostile or mistaken file (a huge
// file, deep nesting, "billion laughs" aliases) is refused before it costs
// memory or time. Part of LoadOptions; the YAML reader enforces them.
#pragma once

#include <cstddef>

namespace gevinst {

struct YamlLimits {
  size_t max_bytes = 8u << 20;   ///< 8 MiB per file
  int max_depth = 64;            ///< nesting of mappings and lists
  size_t max_nodes = 1'000'000;  ///< after alias expansion
};

}  // namespace gevinst
