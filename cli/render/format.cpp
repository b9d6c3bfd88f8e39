#include "cli/render/format.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <utility>

namespace gevinst::cli {

namespace {
constexpr std::array<std::pair<Format, const char*>, 8> kNames = {{{Format::table, "table"},
                                                                   {Format::json, "json"},
                                                                   {Format::csv, "csv"},
                                                                   {Format::md, "md"},
                                                                   {Format::jsonl, "jsonl"},
                                                                   {Format::text, "text"},
                                                                   {Format::github, "github"},
                                                                   {Format::junit, "junit"}}};
}  // namespace

const char* to_string(Format f) {
  for (const auto& [format, name] : kNames)
    if (format == f) return name;
  return "table";
}

std::optional<Format> parse_format(std::string_view name) {
  for (const auto& [format, n] : kNames)
    if (name == n) return format;
  return std::nullopt;
}

std::string format_number(double v, int decimals, NumberLocale loc) {
  if (!std::isfinite(v)) return "-";
  std::string s = fmt::format("{:.{}f}", std::fabs(v), decimals);
  if (s.find_first_not_of("0.") == std::string::npos) v = 0;  // no "-0"
  size_t dot = s.find('.');
  std::string intpart = s.substr(0, dot), frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  char group = loc == NumberLocale::da ? '.' : ',';
  char decimal = loc == NumberLocale::da ? ',' : '.';
  std::string out;
  int n = static_cast<int>(intpart.size());
  for (int i = 0; i < n; ++i) {
    out += intpart[static_cast<size_t>(i)];
    if ((n - i - 1) % 3 == 0 && i != n - 1) out += group;
  }
  if (!frac.empty()) {
    out.push_back(decimal);
    out.append(frac);
  }
  if (v < 0) out.insert(out.begin(), '-');
  return out;
}

std::string format_percent(double v, int decimals, NumberLocale loc) {
  if (!std::isfinite(v)) return "-";
  return format_number(v * 100, decimals, loc) + " %";
}

size_t display_width(std::string_view s) {
  size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}

}  // namespace gevinst::cli
