// Expressions, lexing: tokens, decimal literals read exactly, and the two
// helpers built on the lexer (parse_number, referenced_names).
#include "libeval/detail/expr_lex.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

namespace gevinst {
namespace expr_detail {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_function(std::string_view s) { return s == "min" || s == "max" || s == "if"; }

size_t skip_digits(std::string_view s, size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

// Length of the decimal literal at the start of `s` (no sign), 0 if none:
//   (digits ('.' digits?)? | '.' digits) ([eE] [+-]? digits)?
// An exponent marker without digits is not consumed ("1e" scans as "1").
size_t scan_decimal(std::string_view s) {
  size_t i = skip_digits(s, 0);
  const bool int_digits = i > 0;
  if (i < s.size() && s[i] == '.') {
    const size_t j = skip_digits(s, i + 1);
    if (!int_digits && j == i + 1) return 0;
    i = j;
  } else if (!int_digits) {
    return 0;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    const size_t k = skip_digits(s, j);
    if (k > j) i = k;
  }
  return i;
}

// Decimal exponent of the leading significant digit of a literal matched by
// scan_decimal (1234.5e2 -> 5, 0.01 -> -2); 0 for a literal whose value is 0.
long long decimal_magnitude(std::string_view lit) {
  const size_t e = lit.find_first_of("eE");
  const std::string_view mant = lit.substr(0, e);
  long long exp = 0;
  if (e != std::string_view::npos) {
    size_t i = e + 1;
    const bool neg = lit[i] == '-';
    if (lit[i] == '+' || lit[i] == '-') ++i;
    for (; i < lit.size(); ++i) exp = std::min(exp * 10 + (lit[i] - '0'), 1'000'000'000LL);
    if (neg) exp = -exp;
  }
  const size_t dot = std::min(mant.find('.'), mant.size());
  const size_t first = mant.find_first_of("123456789");
  if (first == std::string_view::npos) return 0;
  const long long lead =
      first < dot ? static_cast<long long>(dot - first) - 1 : -static_cast<long long>(first - dot);
  return lead + exp;
}

// The value of a literal matched by scan_decimal; nullopt and *overflow when
// it is too large for a double. Values too small for a double become 0.
std::optional<double> decimal_value(std::string_view lit, bool* overflow) {
  double v = 0;
  const char* end = lit.data() + lit.size();
  const auto [ptr, ec] = std::from_chars(lit.data(), end, v, std::chars_format::general);
  if (ptr != end) return std::nullopt;
  if (ec == std::errc()) return v;
  if (ec != std::errc::result_out_of_range) return std::nullopt;
  if (decimal_magnitude(lit) < 0) return 0.0;
  if (overflow) *overflow = true;
  return std::nullopt;
}

// The character at `pos` for a message: a whole UTF-8 sequence, or \xNN for
// a control or stray byte.
std::string char_at(std::string_view text, size_t pos) {
  const auto b = static_cast<unsigned char>(text[pos]);
  size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  len = std::min(len, text.size() - pos);
  if (b >= 0x20 && b < 0x7F) return std::string(1, text[pos]);
  if (b >= 0xC0 && len > 1) return std::string(text.substr(pos, len));
  static const char* hex = "0123456789ABCDEF";
  return std::string("\\x") + hex[b >> 4] + hex[b & 15];
}

std::string_view char_hint(std::string_view c) {
  if (c == "=") return "use '==' to compare";
  if (c == "!") return "use '!=' for 'not equal'";
  if (c == "&" || c == "|")
    return "there are no logical operators; for conditions that are 1 or 0, "
           "'a and b' is min(a, b) and 'a or b' is max(a, b)";
  if (c == "%") return "write shares as fractions (0.3, not 30%)";
  if (c == "\xC3\x97") return "use '*' to multiply";
  if (c == "\xC3\xB7") return "use '/' to divide";
  if (c == "\xE2\x88\x92") return "use the ASCII '-'";
  return {};
}

// Reads the token that starts at or after `pos` (after whitespace).
Lexed lex(std::string_view text, size_t pos) {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  Lexed r;
  r.token.offset = pos;
  r.end = pos;
  if (pos == text.size()) return r;
  const char c = text[pos];
  const std::string_view rest = text.substr(pos);
  auto set = [&](Tok kind, size_t len, Op op = Op::add) {
    r.token.kind = kind;
    r.token.op = op;
    r.token.text = rest.substr(0, len);
    r.end = pos + len;
  };
  auto fail = [&](size_t len, std::string message, std::string_view hint = {}) {
    r.end = pos + len;
    r.error = ExprError{pos, std::move(message), std::string(hint), {}};
  };
  if (is_digit(c) || (c == '.' && rest.size() > 1 && is_digit(rest[1]))) {
    const size_t len = scan_decimal(rest);
    size_t bad = len;  // a literal runs into letters, digits, '_' or '.': "1_000", "0x1F", "1e"
    while (bad < rest.size() && (is_name_char(rest[bad]) || rest[bad] == '.')) ++bad;
    if (bad > len) {
      // "1.200.000": Danish thousands separators (docs/case-format.md, "Numbers").
      const std::string_view lit = rest.substr(0, bad);
      // Groups split at '.': the first of 1-3 digits, the others of exactly 3, at least two.
      bool thousands = true;
      size_t groups = 0, start = 0;
      while (thousands && start <= lit.size()) {
        size_t dot = std::min(lit.find('.', start), lit.size());
        const std::string_view g = lit.substr(start, dot - start);
        thousands = !g.empty() && (groups == 0 ? g.size() <= 3 : g.size() == 3) &&
                    std::all_of(g.begin(), g.end(), [](char ch) { return is_digit(ch); });
        ++groups;
        start = dot + 1;
      }
      thousands = thousands && groups >= 2;
      fail(bad, "bad number literal '" + std::string(lit) + "'",
           thousands ? "numbers have no thousands separators and a decimal point: write 1200000 or 1.2e6"
                     : "numbers are decimal with an optional exponent: 12, 0.5, .5, 2.4e6");
      return r;
    }
    bool overflow = false;
    const std::optional<double> v = decimal_value(rest.substr(0, len), &overflow);
    if (!v) {
      fail(len, "number '" + std::string(rest.substr(0, len)) + "' is too large",
           "the largest finite number is about 1.8e308");
      return r;
    }
    set(Tok::number, len);
    r.token.number = *v;
    return r;
  }
  if (c == '$') {
    size_t len = 1;
    if (len < rest.size() && is_name_start(rest[len]))
      while (len < rest.size() && is_name_char(rest[len])) ++len;
    if (len == 1) {
      fail(1, "expected a parameter name after '$'", "parameters are written $name, e.g. $patients");
      return r;
    }
    set(Tok::param, len);
    return r;
  }
  if (is_name_start(c)) {
    size_t len = 1;
    while (len < rest.size() && is_name_char(rest[len])) ++len;
    // A dotted result name, as stage-gate criteria use: forecast.npv,
    // actual.patients (docs/case-format.md, "Stage gates").
    while (len + 1 < rest.size() && rest[len] == '.' && is_name_start(rest[len + 1])) {
      len += 2;
      while (len < rest.size() && is_name_char(rest[len])) ++len;
    }
    set(Tok::name, len);
    return r;
  }
  const char n = rest.size() > 1 ? rest[1] : '\0';
  switch (c) {
    case '(': set(Tok::lparen, 1); return r;
    case ')': set(Tok::rparen, 1); return r;
    case ',': set(Tok::comma, 1); return r;
    case '+': set(Tok::op, 1, Op::add); return r;
    case '-': set(Tok::op, 1, Op::sub); return r;
    case '*': set(Tok::op, 1, Op::mul); return r;
    case '/': set(Tok::op, 1, Op::div); return r;
    case '^': set(Tok::op, 1, Op::pow); return r;
    case '<': n == '=' ? set(Tok::op, 2, Op::le) : set(Tok::op, 1, Op::lt); return r;
    case '>': n == '=' ? set(Tok::op, 2, Op::ge) : set(Tok::op, 1, Op::gt); return r;
    case '=':
      if (n == '=') {
        set(Tok::op, 2, Op::eq);
        return r;
      }
      break;
    case '!':
      if (n == '=') {
        set(Tok::op, 2, Op::ne);
        return r;
      }
      break;
    default: break;
  }
  const std::string ch = char_at(text, pos);
  fail(std::max<size_t>(1, std::min(ch.size(), rest.size())), "unexpected character '" + ch + "'",
       char_hint(ch));
  return r;
}

}  // namespace expr_detail

using namespace expr_detail;

std::optional<double> parse_number(std::string_view text, bool* overflow) {
  if (overflow) *overflow = false;
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || scan_decimal(s) != s.size()) return std::nullopt;
  const std::optional<double> v = decimal_value(s, overflow);
  if (!v) return std::nullopt;
  return negative ? -*v : *v;
}

std::vector<std::pair<std::string, bool>> referenced_names(std::string_view text) {
  std::vector<std::pair<std::string, bool>> names;
  size_t pos = 0;
  while (pos < text.size()) {
    const Lexed l = lex(text, pos);
    if (l.token.kind == Tok::end && !l.error) break;
    pos = std::max(l.end, l.token.offset + 1);
    if (l.error) continue;
    const bool dollar = l.token.kind == Tok::param;
    if (!dollar && (l.token.kind != Tok::name || is_function(l.token.text))) continue;
    std::pair<std::string, bool> entry{std::string(l.token.text.substr(dollar ? 1 : 0)), dollar};
    if (std::find(names.begin(), names.end(), entry) == names.end()) names.push_back(std::move(entry));
  }
  return names;
}

}  // namespace gevinst
