#include "libeval/text.h"

#include <fmt/format.h>

#include <cmath>

namespace gevinst {

std::string grouped(double v) {
  const std::string digits = fmt::format("{:.0f}", std::fabs(v));
  std::string out;
  const size_t n = digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return (v < 0 && out != "0" ? typographic_minus : "") + out;
}

std::string money(double v, const std::string& currency) {
  const std::string unit = currency == "DKK" ? "kr." : currency;
  if (std::fabs(v) >= 1e6)
    return fmt::format("{}{:.1f} mio. {}", v < 0 ? typographic_minus : "", std::fabs(v) / 1e6, unit);
  return fmt::format("{} {}", grouped(v), unit);
}

}  // namespace gevinst
