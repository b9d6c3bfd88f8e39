// Words and number styles shared by the repayment and fund documents.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "cli/render/catalogue.h"
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

/// The method in the style's language; method_name() is the contract's key.
inline std::string method_label(Financing::Method m, const Style& st) {
  switch (m) {
    case Financing::Method::grant: return st.tr("grant");
    case Financing::Method::annuity: return st.tr("annuity");
    case Financing::Method::serial: return st.tr("serial");
    case Financing::Method::bullet: return st.tr("bullet");
    case Financing::Method::gain_share: return st.tr("gain-share");
  }
  return st.tr("annuity");
}

inline std::string frequency(int ppy, const Style& st) {
  switch (ppy) {
    case 1: return st.tr("yearly");
    case 2: return st.tr("half-yearly");
    case 4: return st.tr("quarterly");
    case 12: return st.tr("monthly");
  }
  return "";
}

inline std::string plural(int n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// Counts in words, singular and plural as whole messages ("1 period",
// "8 periods"), so a language forms its own plural.
inline std::string period_count(int n, const Style& st) {
  return n == 1 ? st.trf("{} period", n) : st.trf("{} periods", n);
}
inline std::string loan_count(int n, const Style& st) {
  return n == 1 ? st.trf("{} loan", n) : st.trf("{} loans", n);
}
inline std::string grant_count(int n, const Style& st) {
  return n == 1 ? st.trf("{} grant", n) : st.trf("{} grants", n);
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
