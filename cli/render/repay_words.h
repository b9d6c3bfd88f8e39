// Words and number styles shared by the repayment and fund documents.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "cli/render/document.h"
#include "libeval/financing.h"

namespace gevinst::cli::repay_words {

inline Cell money_cell(double v) { return Cell::number(v, 0); }

inline const char* method_name(Financing::Method m) {
  switch (m) {
    case Financing::Method::grant: return "grant";
    case Financing::Method::annuity: return "annuity";
    case Financing::Method::serial: return "serial";
    case Financing::Method::bullet: return "bullet";
    case Financing::Method::gain_share: return "gain-share";
  }
  return "annuity";
}

inline const char* frequency(int ppy) {
  switch (ppy) {
    case 1: return "yearly";
    case 2: return "half-yearly";
    case 4: return "quarterly";
    case 12: return "monthly";
  }
  return "";
}

inline std::string plural(int n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

struct Fmt {
  NumberLocale loc;
  std::string currency;
  std::string money(double v) const { return format_number(v, 0, loc); }
  std::string cash(double v) const { return money(v) + " " + currency; }
  // 1.2 -> "1.2", 3 -> "3": as many decimals as needed, up to 4.
  std::string plain(double v) const {
    int d = 0;
    while (d < 4 && std::fabs(v * std::pow(10, d) - std::round(v * std::pow(10, d))) > 1e-9) ++d;
    return format_number(v, d, loc);
  }
  // 0.02 -> "2 %", 0.035 -> "3.5 %".
  std::string pct(double v) const { return plain(v * 100) + " %"; }
  std::string factor(double v) const { return plain(v); }
};

inline std::string join(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, ", ")); }

}  // namespace gevinst::cli::repay_words
