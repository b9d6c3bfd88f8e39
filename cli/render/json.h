// JSON helpers: optional numbers become null; non-finite numbers never
// reach the output (docs/cli.md: plain numbers, no NaN/Infinity).
#pragma once

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace gevinst::cli {

using Json = nlohmann::ordered_json;

inline Json num(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }
inline Json num(const std::optional<double>& v) { return v ? num(*v) : Json(nullptr); }
inline Json num(const std::optional<int>& v) { return v ? Json(*v) : Json(nullptr); }
inline Json text_or_null(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

/// Serialised JSON: pretty with `indent` spaces (-1: one line). Invalid UTF-8
/// (a file name in Latin-1, say) is replaced by U+FFFD instead of throwing.
inline std::string dump(const Json& j, int indent = -1) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

template <class Container>
Json num_array(const Container& c) {
  Json a = Json::array();
  for (double v : c) a.push_back(num(v));
  return a;
}

}  // namespace gevinst::cli
