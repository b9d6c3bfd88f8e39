// Case expressions as spreadsheet formulas, for the XLSX workbook
// (docs/cli.md, "report", "The workbook").
//
//   auto f = spreadsheet_formula(program, [](int slot) { return "p_patients"; });
//   *f   // "p_patients*12" for "$patients * 12"
//
// The compiled program (libeval/expr.h, block code: reverse Polish with
// `select` for if) is turned back into infix text with the parameters as
// defined names. Operators keep the case's meaning, not the spreadsheet's:
// `^` becomes POWER() (in a spreadsheet unary minus binds tighter than ^,
// so -2^2 would be 4), comparisons give 1 or 0 (not TRUE/FALSE), and
// min/max/if become MIN/MAX/IF. Numbers are written in the shortest form
// that reads back as the same double.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "libeval/expr.h"

namespace gevinst::cli {

/// Longest formula a spreadsheet accepts (Excel's limit, in characters).
inline constexpr size_t kMaxFormulaLength = 8192;

/// The program as formula text without the leading '=', with slot i written
/// as `name(i)`. std::nullopt when the text would exceed kMaxFormulaLength
/// (the caller writes the value instead and marks it as a value).
std::optional<std::string> spreadsheet_formula(const Program& p, const std::function<std::string(int)>& name);

/// Appends `term` to `list`, after `sep` unless the list is empty:
/// "a" + "b" -> "a+b" (for sums of cells and argument lists).
void add_term(std::string& list, const std::string& term, char sep);

/// A double as formula text: shortest round-trip form, negative numbers in
/// parentheses ("(-0.5)"), exponents as "1E+250".
std::string formula_number(double v);

}  // namespace gevinst::cli
