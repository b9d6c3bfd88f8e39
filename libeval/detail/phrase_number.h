// A number in a phrase as fmt's "{:g}" writes it in English (six significant
// digits, no trailing zeros), kept as a fixed-decimals field so that another
// locale writes it with its own separators.
//
//   general_number_arg(0.25).text  ->  fixed(0.25, 2): "0.25" (en), "0,25" (da)
#pragma once

#include <fmt/format.h>

#include <string>

#include "libeval/phrase.h"

namespace gevinst {

/// `v` as "{:.6g}" writes it; where that is in exponent form ("1e-07"), the
/// English text itself.
inline PhraseArg general_number_arg(double v) {
  const std::string s = fmt::format("{:.6g}", v);
  if (s.find_first_of("eEn") != std::string::npos) return arg::text(s);  // exponent, inf, nan
  const size_t dot = s.find('.');
  return arg::fixed(v, dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1));
}

}  // namespace gevinst
