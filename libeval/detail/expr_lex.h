// Internal to the expression engine: the lexer (tokens of an expression,
// decimal literals read exactly) shared by the compiler and the helpers
// that list names or read a plain number.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "libeval/detail/expr_ops.h"
#include "libeval/expr.h"

namespace gevinst::expr_detail {

enum class Tok { end, number, param, name, lparen, rparen, comma, op };

struct Token {
  Tok kind = Tok::end;
  size_t offset = 0;
  std::string_view text;  ///< source text ("$name" for a parameter; "" at the end)
  Op op = Op::add;        ///< for Tok::op
  double number = 0;      ///< for Tok::number
};

struct Lexed {
  Token token;
  size_t end = 0;  ///< offset just past the token (or past the bad text)
  std::optional<ExprError> error;
};

/// Reads the token that starts at or after `pos` (after white space).
Lexed lex(std::string_view text, size_t pos);

/// True for the names of the built-in functions (min, max, if).
bool is_function(std::string_view s);

/// Length of the decimal literal at the start of `s` (digits, a point,
/// an exponent); 0 when there is none.
size_t scan_decimal(std::string_view s);

/// The value of a decimal literal, read exactly; nullopt (and *overflow)
/// when it does not fit a double.
std::optional<double> decimal_value(std::string_view lit, bool* overflow);

}  // namespace gevinst::expr_detail
