#include "cli/render/provenance.h"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace gevinst::cli {

const char* tool_version() { return GEVINST_VERSION; }

namespace {

// A --set value as JSON: a number when the whole text is one, else the text.
Json override_value(const std::string& text) {
  if (!text.empty()) {
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str() + text.size() && errno == 0 && std::isfinite(v)) return v;
  }
  return text;
}

}  // namespace

Json provenance_json(const Provenance& p) {
  Json j;
  j["tool_version"] = tool_version();
  Json files = Json::array();
  for (const auto& f : p.files) files.push_back({{"path", f.path}, {"sha256", f.sha256}});
  j["files"] = std::move(files);
  j["perspective"] = p.perspective ? Json(*p.perspective) : Json(nullptr);
  j["scenario"] = text_or_null(p.scenario);
  Json overrides = Json::object();
  for (const auto& s : p.overrides) {
    const auto eq = s.find('=');
    if (eq == std::string::npos) continue;  // --set is checked as a usage error before
    overrides[s.substr(0, eq)] = override_value(s.substr(eq + 1));
  }
  j["overrides"] = std::move(overrides);
  j["seed"] = p.seed ? Json(*p.seed) : Json(nullptr);
  return j;
}

std::string overrides_line(const Provenance& p, const Style& st) {
  if (p.overrides.empty()) return {};
  return st.trf("Changed with --set: {}", fmt::format("{}", fmt::join(p.overrides, ", ")));
}

}  // namespace gevinst::cli
