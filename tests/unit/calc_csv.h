// Reading the values LibreOffice Calc exported from tests/data/calc/finance.fods
// (see tests/data/calc/regen). Shared by the numeric tests that cite Calc.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace calc {

// Reads a CSV written by Calc: comma-separated, text optionally in double quotes.
inline std::vector<std::vector<std::string>> read_csv(const std::string& name) {
  const std::string path = std::string(GEVINST_SOURCE_DIR) + "/tests/data/calc/" + name;
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t k = 0; k < line.size(); ++k) {
      const char c = line[k];
      if (c == '"' && quoted && k + 1 < line.size() && line[k + 1] == '"')
        fields.back() += '"', ++k;
      else if (c == '"')
        quoted = !quoted;
      else if (c == ',' && !quoted)
        fields.emplace_back();
      else
        fields.back() += c;
    }
    rows.push_back(fields);
  }
  return rows;
}

// A Calc number ("0.035", "-1E-016", "8.2%"); nullopt for empty or error cells ("Err:523").
inline std::optional<double> number(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str()) return std::nullopt;
  if (*end == '%') return v / 100.0;
  if (*end != '\0') return std::nullopt;
  return v;
}

inline double num(const std::string& s) {
  auto v = number(s);
  REQUIRE_MESSAGE(v.has_value(), "not a number: '" << s << "'");
  return *v;
}

}  // namespace calc
