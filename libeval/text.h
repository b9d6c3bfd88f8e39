// Numbers in sentences: the notes and drafted explanations the library writes
// in plain words. Tables format numbers by locale in cli/; a note is one
// English sentence, so it always groups thousands with ','.
//
//   grouped(1234567.8)          // "1,234,568"
//   grouped(-1234.4)            // "−1,234" (typographic minus)
//   money(-1234567, "DKK")      // "−1.2 mio. kr."
//   money(45000, "DKK")         // "45,000 kr."
#pragma once

#include <string>

namespace gevinst {

/// The typographic minus U+2212 that sentences put before a negative number.
inline constexpr const char* typographic_minus = "\u2212";

/// Rounded to a whole number with ',' between thousands; negative values get
/// the typographic minus U+2212 (a rounded zero has no sign).
std::string grouped(double v);

/// An amount in the case currency for a sentence: whole units grouped below a
/// million, one decimal in millions ("mio.") from a million up; DKK is "kr.".
std::string money(double v, const std::string& currency);

}  // namespace gevinst
