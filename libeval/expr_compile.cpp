// Expressions, compilation: a lexer and a recursive-descent compiler with
// constant folding into a Program. The evaluators are in expr_eval.cpp.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

#include "libeval/detail/expr_ops.h"
#include "libeval/expr.h"

namespace gevinst {
namespace {

using namespace expr_detail;

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
      fail(bad, "bad number literal '" + std::string(rest.substr(0, bad)) + "'",
           "numbers are decimal with an optional exponent: 12, 0.5, .5, 2.4e6");
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

// Stack effect of one instruction (jumps aside).
int stack_effect(const Instr& in) {
  switch (in.op) {
    case Op::push_const:
    case Op::push_slot: return 1;
    case Op::neg:
    case Op::jump: return 0;
    case Op::min:
    case Op::max: return 1 - in.arg;
    case Op::select: return -2;
    default: return -1;  // binary operations, jump_if_zero
  }
}

// Largest stack depth `code` reaches; a jump target takes the depth recorded
// at the jump (the code is structured, so the first record is the only one).
int max_depth(const std::vector<Instr>& code) {
  std::vector<int> at(code.size() + 1, -1);
  int depth = 0;
  int most = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    if (at[i] >= 0) depth = at[i];
    depth += stack_effect(code[i]);
    most = std::max(most, depth);
    if (code[i].op == Op::jump || code[i].op == Op::jump_if_zero) at[code[i].arg] = depth;
  }
  return most;
}

// ---------------------------------------------------------------- compiler

struct Failure {
  ExprError error;
};

/// What the compiler knows about a compiled subexpression.
struct Val {
  bool is_const = false;  ///< its code is one push_const `value` at the end of both sequences
  double value = 0;
  std::optional<ExprError> poison;  ///< evaluating it always fails with this error
};

class Compiler {
 public:
  Compiler(std::string_view text, const NameResolver& resolve) : text_(text), resolve_(resolve) {}

  Program run() {
    next();
    if (tok_.kind == Tok::end) fail(0, "empty expression");
    const Val v = expr();
    if (tok_.kind == Tok::rparen) fail(tok_.offset, "unexpected ')'", "there is no '(' to close");
    if (tok_.kind != Tok::end)
      fail(tok_.offset, "unexpected '" + std::string(tok_.text) + "'",
           "expected an operator or the end of the expression");
    if (v.poison) throw Failure{*v.poison};
    Program p;
    p.code = std::move(code_);
    p.block_code = std::move(block_);
    for (const Instr& in : p.code)
      if (in.op == Op::push_slot) p.slots_.push_back(in.arg);
    std::sort(p.slots_.begin(), p.slots_.end());
    p.slots_.erase(std::unique(p.slots_.begin(), p.slots_.end()), p.slots_.end());
    p.max_stack = std::max(max_depth(p.code), max_depth(p.block_code));
    return p;
  }

 private:
  std::string_view text_;
  const NameResolver& resolve_;
  size_t pos_ = 0;          // lexer position
  Token tok_;               // current token
  Token prev_;              // the token consumed last
  bool have_prev_ = false;  // prev_ is a real token
  bool started_ = false;
  int depth_ = 0;
  std::vector<Instr> code_;   // scalar code
  std::vector<Instr> block_;  // block code

  [[noreturn]] static void fail(size_t offset, std::string message, std::string hint = {},
                                std::string name = {}) {
    throw Failure{ExprError{offset, std::move(message), std::move(hint), std::move(name)}};
  }

  void next() {
    Lexed l = lex(text_, pos_);
    if (l.error) throw Failure{*l.error};
    prev_ = tok_;
    have_prev_ = started_;
    started_ = true;
    tok_ = l.token;
    pos_ = l.end;
  }

  // Counts one level of nesting ('(', a call, a sign, a '^').
  struct Nest {
    int& depth;
    Nest(int& d, size_t offset) : depth(d) {
      if (++depth > kMaxExpressionDepth)
        fail(offset, "expression is nested too deeply (more than " + std::to_string(kMaxExpressionDepth) +
                         " levels)");
    }
    ~Nest() { --depth; }
  };

  std::optional<int> lookup(std::string_view name, bool dollar) const {
    if (!resolve_) return std::nullopt;  // an empty resolver knows no names
    const std::optional<int> slot = resolve_(name, dollar);
    if (slot && *slot < 0) return std::nullopt;
    return slot;
  }

  void emit(Instr in) {
    code_.push_back(in);
    block_.push_back(in);
  }
  void emit_const(double v) { emit(Instr{Op::push_const, 0, v}); }
  void pop_const() {
    code_.pop_back();
    block_.pop_back();
  }

  Val binary(Op op, const Token& at, const Val& l, const Val& r) {
    const int32_t arity = op == Op::min || op == Op::max ? 2 : 0;
    if (l.is_const && r.is_const) {
      const double v = apply(op, l.value, r.value);
      std::optional<ExprError> err;
      if (op == Op::div && r.value == 0) {
        err = ExprError{at.offset, "division by zero", {}, {}};
      } else if (!std::isfinite(v)) {
        // Only arithmetic gets here: comparisons, min and max of finite values are finite.
        std::string message = "result of '";
        message.append(at.text).append("' is not finite");
        const bool nan_pow = std::isnan(v) && op == Op::pow;
        err = ExprError{at.offset,
                        std::move(message),
                        nan_pow ? "a negative number to a fractional power has no real value"
                                : "the value is too large for a double",
                        {}};
      }
      if (!err) {
        pop_const();
        pop_const();
        emit_const(v);
        return Val{true, v, std::nullopt};
      }
      // Keep the operation: it only fails when it is evaluated (it may sit in
      // an `if` branch that is never taken).
      emit(Instr{op, arity, 0});
      return Val{false, 0, err};
    }
    emit(Instr{op, arity, 0});
    return Val{false, 0, l.poison ? l.poison : r.poison};
  }

  // compare := sum (cmp sum)?
  Val expr() {
    Val l = sum();
    if (tok_.kind == Tok::op && is_compare(tok_.op)) {
      const Token op = tok_;
      next();
      l = binary(op.op, op, l, sum());
      if (tok_.kind == Tok::op && is_compare(tok_.op))
        fail(tok_.offset, "comparisons cannot be chained", "write (a < b) * (b < c) for 'a < b < c'");
    }
    return l;
  }

  // sum := product (('+' | '-') product)*
  Val sum() {
    Val l = product();
    while (tok_.kind == Tok::op && (tok_.op == Op::add || tok_.op == Op::sub)) {
      const Token op = tok_;
      next();
      l = binary(op.op, op, l, product());
    }
    return l;
  }

  // product := unary (('*' | '/') unary)*
  Val product() {
    Val l = unary();
    while (tok_.kind == Tok::op && (tok_.op == Op::mul || tok_.op == Op::div)) {
      const Token op = tok_;
      next();
      l = binary(op.op, op, l, unary());
    }
    return l;
  }

  // unary := ('-' | '+') unary | power
  Val unary() {
    if (tok_.kind != Tok::op || (tok_.op != Op::sub && tok_.op != Op::add)) return power();
    const Token sign = tok_;
    Nest nest(depth_, sign.offset);
    next();
    Val v = unary();
    if (sign.op == Op::add) return v;
    if (v.is_const) {
      pop_const();
      emit_const(-v.value);
      return Val{true, -v.value, std::nullopt};
    }
    emit(Instr{Op::neg, 0, 0});
    return v;
  }

  // power := atom ('^' unary)?   (unary recurses back here: right-associative)
  Val power() {
    const Val base = atom();
    if (tok_.kind != Tok::op || tok_.op != Op::pow) return base;
    const Token op = tok_;
    Nest nest(depth_, op.offset);
    next();
    return binary(Op::pow, op, base, unary());
  }

  Val atom() {
    const Token t = tok_;
    switch (t.kind) {
      case Tok::number:
        next();
        emit_const(t.number);
        return Val{true, t.number, std::nullopt};
      case Tok::param: {
        next();
        const std::string_view bare = t.text.substr(1);
        const std::optional<int> slot = lookup(bare, true);
        if (!slot) fail(t.offset, "unknown parameter '" + std::string(t.text) + "'", {}, std::string(bare));
        emit(Instr{Op::push_slot, *slot, 0});
        return Val{};
      }
      case Tok::name: return name();
      case Tok::lparen: {
        Nest nest(depth_, t.offset);
        next();
        if (tok_.kind == Tok::rparen) fail(t.offset, "empty parentheses");
        const Val v = expr();
        close(t);
        return v;
      }
      default: missing_operand();
    }
  }

  // The current token (end, ')', ',' or a binary operator) cannot start an
  // operand; says what is missing, judged by the token before it.
  [[noreturn]] void missing_operand() {
    const std::string what(tok_.text);
    if (have_prev_ && prev_.kind == Tok::op)
      fail(prev_.offset, "missing operand after '" + std::string(prev_.text) + "'");
    if (tok_.kind == Tok::op) fail(tok_.offset, "missing operand before '" + what + "'");
    if (have_prev_ && prev_.kind == Tok::comma) fail(prev_.offset, "missing argument after ','");
    if (have_prev_ && prev_.kind == Tok::lparen) {
      if (tok_.kind == Tok::end)
        fail(tok_.offset, "expected ')' to close '(' at offset " + std::to_string(prev_.offset));
      if (tok_.kind == Tok::comma) fail(tok_.offset, "missing argument before ','");
    }
    fail(tok_.offset, "unexpected '" + what + "'");
  }

  // Expects the ')' that closes `open` and consumes it.
  void close(const Token& open) {
    if (tok_.kind != Tok::rparen)
      fail(tok_.offset, "expected ')' to close '(' at offset " + std::to_string(open.offset));
    next();
  }

  // Consumes a ',' between arguments: true if there was one, false at ')'.
  bool comma(const Token& open) {
    if (tok_.kind == Tok::comma) {
      next();
      return true;
    }
    if (tok_.kind != Tok::rparen)
      fail(tok_.offset, "expected ')' to close '(' at offset " + std::to_string(open.offset));
    return false;
  }

  Val name() {
    const Token t = tok_;
    next();
    const std::string name(t.text);
    if (tok_.kind == Tok::lparen) {
      if (!is_function(name))
        fail(t.offset, "unknown function '" + name + "'", "the functions are min, max and if");
      return name == "if" ? call_if(t) : call_min_max(t);
    }
    if (is_function(name))
      fail(t.offset, "expected '(' after '" + name + "'",
           name == "if" ? "write if(condition, a, b)" : "write " + name + "(a, b, ...)");
    const std::optional<int> slot = lookup(t.text, false);
    if (!slot) {
      std::string hint;
      if (lookup(t.text, true)) hint = "parameters are written $" + name;
      fail(t.offset, "unknown name '" + name + "'", hint, name);
    }
    emit(Instr{Op::push_slot, *slot, 0});
    return Val{};
  }

  // min(a, b, ...) / max(a, b, ...), compiled as a left fold of pairs.
  Val call_min_max(const Token& fn) {
    const Token open = tok_;
    Nest nest(depth_, open.offset);
    next();
    if (tok_.kind == Tok::rparen) fail(fn.offset, std::string(fn.text) + " takes at least 1 argument, got 0");
    const Op op = fn.text == "min" ? Op::min : Op::max;
    Val acc = expr();
    while (comma(open)) acc = binary(op, fn, acc, expr());
    next();
    return acc;
  }

  // Removes scalar code [from, to) and moves later jump targets back.
  void erase_code(size_t from, size_t to) {
    const auto gap = static_cast<int32_t>(to - from);
    for (size_t i = to; i < code_.size(); ++i)
      if ((code_[i].op == Op::jump || code_[i].op == Op::jump_if_zero) &&
          code_[i].arg >= static_cast<int32_t>(to))
        code_[i].arg -= gap;
    code_.erase(code_.begin() + static_cast<std::ptrdiff_t>(from),
                code_.begin() + static_cast<std::ptrdiff_t>(to));
  }

  // if(c, a, b). Scalar code: c; jump_if_zero L1; a; jump L2; L1: b; L2:
  // Block code: c; a; b; select. A constant c keeps only the branch it takes.
  Val call_if(const Token& fn) {
    const Token open = tok_;
    Nest nest(depth_, open.offset);
    next();
    auto arity = [&](int got) {
      if (got == 3 && tok_.kind == Tok::rparen) return;
      while (comma(open)) {
        expr();
        ++got;
      }
      fail(fn.offset, "if takes 3 arguments, got " + std::to_string(got));
    };
    if (tok_.kind == Tok::rparen) arity(0);
    const Val c = expr();
    if (!comma(open)) arity(1);
    const bool fixed = c.is_const;
    size_t jz = 0;
    if (fixed) {
      pop_const();
    } else {
      jz = code_.size();
      code_.push_back(Instr{Op::jump_if_zero, 0, 0});
    }
    const size_t a_code = code_.size();
    const size_t a_block = block_.size();
    const Val a = expr();
    if (!comma(open)) arity(2);
    size_t jmp = 0;
    if (!fixed) {
      jmp = code_.size();
      code_.push_back(Instr{Op::jump, 0, 0});
      code_[jz].arg = static_cast<int32_t>(code_.size());
    }
    const size_t b_code = code_.size();
    const size_t b_block = block_.size();
    const Val b = expr();
    arity(3);
    next();
    if (fixed) {
      if (c.value != 0) {
        code_.resize(b_code);
        block_.resize(b_block);
        return a;
      }
      erase_code(a_code, b_code);
      block_.erase(block_.begin() + static_cast<std::ptrdiff_t>(a_block),
                   block_.begin() + static_cast<std::ptrdiff_t>(b_block));
      return b;
    }
    code_[jmp].arg = static_cast<int32_t>(code_.size());
    block_.push_back(Instr{Op::select, 0, 0});
    Val out;
    if (c.poison)
      out.poison = c.poison;
    else if (a.poison && b.poison)
      out.poison = a.poison;
    return out;
  }
};

}  // namespace

CompileResult compile_expression(std::string_view text, const NameResolver& resolve) {
  CompileResult r;
  if (text.size() > kMaxExpressionLength) {
    r.error = ExprError{0,
                        "expression is too long (" + std::to_string(text.size()) + " bytes; the limit is " +
                            std::to_string(kMaxExpressionLength) + ")",
                        "split it into parameters",
                        {}};
    return r;
  }
  try {
    r.program = Compiler(text, resolve).run();
  } catch (Failure& f) {
    r.error = std::move(f.error);
  }
  return r;
}

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
