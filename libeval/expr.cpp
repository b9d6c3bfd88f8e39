// Expressions: a lexer, a recursive-descent compiler with constant folding,
// and two evaluators over the same Program: scalar (jumps, so `if` evaluates
// only the branch it takes; statuses) and block (rows in chunks, `select`).
#include "libeval/expr.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

namespace gevinst {
namespace {

using Op = Program::Op;
using Instr = Program::Instr;

constexpr size_t kChunk = 256;  // rows per block-evaluation chunk
constexpr size_t kSmallStack = 64;

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

bool is_compare(Op op) {
  return op == Op::lt || op == Op::le || op == Op::gt || op == Op::ge || op == Op::eq || op == Op::ne;
}

double as_double(bool b) { return b ? 1.0 : 0.0; }
double min2(double x, double y) { return y < x ? y : x; }
double max2(double x, double y) { return x < y ? y : x; }

// The binary operations, shared by constant folding and scalar evaluation
// (the block evaluator spells the same formulas in its loops).
double apply(Op op, double x, double y) {
  switch (op) {
    case Op::add: return x + y;
    case Op::sub: return x - y;
    case Op::mul: return x * y;
    case Op::div: return x / y;
    case Op::pow: return std::pow(x, y);
    case Op::lt: return as_double(x < y);
    case Op::le: return as_double(x <= y);
    case Op::gt: return as_double(x > y);
    case Op::ge: return as_double(x >= y);
    case Op::eq: return as_double(x == y);
    case Op::ne: return as_double(x != y);
    case Op::min: return min2(x, y);
    case Op::max: return max2(x, y);
    default: return std::numeric_limits<double>::quiet_NaN();
  }
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

// ---------------------------------------------------------- block evaluator

/// One stack entry of a chunk: a column of kChunk values, or one scalar.
struct Lane {
  const double* p = nullptr;
  double c = 0;
  bool scalar = false;
};

struct BlockScratch {
  std::vector<double> bufs;  // kChunk doubles per stack position
  std::vector<Lane> lanes;
};

// d[k] = f(a, b) for one chunk. `d` is the buffer of a's stack position; it
// may be a.p itself (in place), never b.p, so no iteration depends on another
// (ivdep). Loops of fixed length kChunk vectorise at -O2.
template <class F>
void lanes_binary(Lane& a, const Lane& b, double* d, F f) {
  if (a.scalar && b.scalar) {
    a.c = f(a.c, b.c);
    return;
  }
  if (a.scalar) {
    const double x = a.c;
    const double* y = b.p;
#pragma GCC ivdep
    for (size_t k = 0; k < kChunk; ++k) d[k] = f(x, y[k]);
  } else if (b.scalar) {
    const double* x = a.p;
    const double y = b.c;
#pragma GCC ivdep
    for (size_t k = 0; k < kChunk; ++k) d[k] = f(x[k], y);
  } else {
    const double* x = a.p;
    const double* y = b.p;
#pragma GCC ivdep
    for (size_t k = 0; k < kChunk; ++k) d[k] = f(x[k], y[k]);
  }
  a = Lane{d, 0, false};
}

void materialise(Lane& l, double* d) {
  if (!l.scalar) return;
  std::fill(d, d + kChunk, l.c);
  l = Lane{d, 0, false};
}

bool overlaps(const double* a, const double* b, size_t n) {
  const auto x = reinterpret_cast<std::uintptr_t>(a);
  const auto y = reinterpret_cast<std::uintptr_t>(b);
  const std::uintptr_t bytes = n * sizeof(double);
  return x < y + bytes && y < x + bytes;
}

}  // namespace

// ------------------------------------------------------------------ public

Program Program::constant(double value) {
  Program p;
  p.code = {Instr{Op::push_const, 0, value}};
  p.block_code = p.code;
  p.max_stack = 1;
  return p;
}

double Program::constant_value() const {
  if (code.size() == 1 && code[0].op == Op::push_const) return code[0].value;
  return evaluate({}).value;
}

EvalResult Program::evaluate(std::span<const double> slots) const {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (code.empty()) return {};
  if (!slots_.empty() && static_cast<size_t>(slots_.back()) >= slots.size())
    return {nan, EvalStatus::not_finite};
  std::array<double, kSmallStack> small;
  std::vector<double> large;  // only for programs deeper than kSmallStack
  double* st = small.data();
  if (static_cast<size_t>(max_stack) > kSmallStack) {
    large.resize(static_cast<size_t>(max_stack));
    st = large.data();
  }
  size_t sp = 0;
  const Instr* const prog = code.data();
  const size_t len = code.size();
  for (size_t pc = 0; pc < len;) {
    const Instr& in = prog[pc++];
    double r;  // result of an arithmetic operation on st[sp - 2], st[sp - 1]
    switch (in.op) {
      case Op::push_const: st[sp++] = in.value; continue;
      case Op::push_slot: {
        const double v = slots[static_cast<size_t>(in.arg)];
        if (!std::isfinite(v)) return {v, EvalStatus::not_finite};
        st[sp++] = v;
        continue;
      }
      case Op::neg: st[sp - 1] = -st[sp - 1]; continue;
      case Op::add: r = st[sp - 2] + st[sp - 1]; break;
      case Op::sub: r = st[sp - 2] - st[sp - 1]; break;
      case Op::mul: r = st[sp - 2] * st[sp - 1]; break;
      case Op::div:
        if (st[sp - 1] == 0) return {st[sp - 2] / st[sp - 1], EvalStatus::division_by_zero};
        r = st[sp - 2] / st[sp - 1];
        break;
      case Op::pow: r = std::pow(st[sp - 2], st[sp - 1]); break;
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge:
      case Op::eq:
      case Op::ne:  // 0 or 1: always finite
        --sp;
        st[sp - 1] = apply(in.op, st[sp - 1], st[sp]);
        continue;
      case Op::min:
      case Op::max: {
        const auto n = static_cast<size_t>(in.arg);
        double m = st[sp - n];
        for (size_t j = sp - n + 1; j < sp; ++j) m = in.op == Op::min ? min2(m, st[j]) : max2(m, st[j]);
        sp -= n - 1;
        st[sp - 1] = m;
        continue;
      }
      case Op::select:  // stack: c, a, b (b on top)
        sp -= 2;
        st[sp - 1] = st[sp - 1] != 0 ? st[sp] : st[sp + 1];
        continue;
      case Op::jump_if_zero:
        if (st[--sp] == 0) pc = static_cast<size_t>(in.arg);
        continue;
      case Op::jump: pc = static_cast<size_t>(in.arg); continue;
      default: return {nan, EvalStatus::not_finite};
    }
    if (!std::isfinite(r)) return {r, EvalStatus::not_finite};
    st[--sp - 1] = r;
  }
  return {st[0], EvalStatus::ok};
}

void Program::evaluate_block(const double* const* columns, size_t n, double* out) const {
  if (n == 0) return;
  if (block_code.empty()) {
    std::fill(out, out + n, 0.0);
    return;
  }
  if (is_constant()) {
    std::fill(out, out + n, constant_value());
    return;
  }
  thread_local BlockScratch scratch;  // reused across calls: no allocation in the steady state
  const auto depth = static_cast<size_t>(max_stack);
  if (scratch.bufs.size() < depth * kChunk) scratch.bufs.resize(depth * kChunk);
  if (scratch.lanes.size() < depth) scratch.lanes.resize(depth);
  // Full chunks compute stack position 0 straight into `out`, unless `out`
  // overlaps an input column.
  bool out_free = true;
  for (int s : slots_) out_free = out_free && !overlaps(columns[s], out, n);
  Lane* st = scratch.lanes.data();

  for (size_t start = 0; start < n; start += kChunk) {
    // A short last chunk is computed as the full chunk that ends at row n when
    // there is one and its rows can be read again (out overlaps no input);
    // rows computed twice get the same value.
    const size_t base = start + kChunk > n && n >= kChunk && out_free ? n - kChunk : start;
    const size_t m = std::min(kChunk, n - base);
    const bool full = m == kChunk;
    double* const buf0 = full && out_free ? out + base : scratch.bufs.data();
    auto buf = [&](size_t i) { return i == 0 ? buf0 : scratch.bufs.data() + i * kChunk; };
    size_t sp = 0;
    for (const Instr& in : block_code) {
      switch (in.op) {
        case Op::push_const: st[sp++] = Lane{nullptr, in.value, true}; break;
        case Op::push_slot: {
          const double* col = columns[in.arg] + base;
          if (full) {
            st[sp] = Lane{col, 0, false};
          } else {  // a short chunk is padded so every loop keeps its fixed length
            double* d = buf(sp);
            std::copy(col, col + m, d);
            std::fill(d + m, d + kChunk, 1.0);
            st[sp] = Lane{d, 0, false};
          }
          ++sp;
          break;
        }
        case Op::neg: {
          Lane& a = st[sp - 1];
          if (a.scalar) {
            a.c = -a.c;
          } else {
            double* d = buf(sp - 1);
            const double* x = a.p;
#pragma GCC ivdep
            for (size_t k = 0; k < kChunk; ++k) d[k] = -x[k];
            a.p = d;
          }
          break;
        }
        case Op::select: {  // stack: c, a, b (b on top) -> c != 0 ? a : b
          sp -= 2;
          Lane& c = st[sp - 1];
          Lane& a = st[sp];
          Lane& b = st[sp + 1];
          materialise(c, buf(sp - 1));  // a scalar c is rare: constants fold before select
          materialise(a, buf(sp));
          materialise(b, buf(sp + 1));
          double* d = buf(sp - 1);
          const double* x = c.p;
          const double* ya = a.p;
          const double* yb = b.p;
#pragma GCC ivdep
          for (size_t k = 0; k < kChunk; ++k) {
            const double u = ya[k];  // both loaded unconditionally, so the loop is branch-free
            const double v = yb[k];
            d[k] = x[k] != 0 ? u : v;
          }
          c.p = d;
          break;
        }
        case Op::min:
        case Op::max: {
          const auto arity = static_cast<size_t>(in.arg);
          const size_t at = sp - arity;
          for (size_t j = at + 1; j < sp; ++j) {
            if (in.op == Op::min)
              lanes_binary(st[at], st[j], buf(at), [](double x, double y) { return min2(x, y); });
            else
              lanes_binary(st[at], st[j], buf(at), [](double x, double y) { return max2(x, y); });
          }
          sp = at + 1;
          break;
        }
        case Op::jump:
        case Op::jump_if_zero: break;  // never in block code
        default: {
          --sp;
          Lane& a = st[sp - 1];
          const Lane& b = st[sp];
          double* d = buf(sp - 1);
          switch (in.op) {
            case Op::add: lanes_binary(a, b, d, [](double x, double y) { return x + y; }); break;
            case Op::sub: lanes_binary(a, b, d, [](double x, double y) { return x - y; }); break;
            case Op::mul: lanes_binary(a, b, d, [](double x, double y) { return x * y; }); break;
            case Op::div: lanes_binary(a, b, d, [](double x, double y) { return x / y; }); break;
            case Op::pow: lanes_binary(a, b, d, [](double x, double y) { return std::pow(x, y); }); break;
            case Op::lt: lanes_binary(a, b, d, [](double x, double y) { return x < y ? 1.0 : 0.0; }); break;
            case Op::le: lanes_binary(a, b, d, [](double x, double y) { return x <= y ? 1.0 : 0.0; }); break;
            case Op::gt: lanes_binary(a, b, d, [](double x, double y) { return x > y ? 1.0 : 0.0; }); break;
            case Op::ge: lanes_binary(a, b, d, [](double x, double y) { return x >= y ? 1.0 : 0.0; }); break;
            case Op::eq: lanes_binary(a, b, d, [](double x, double y) { return x == y ? 1.0 : 0.0; }); break;
            case Op::ne: lanes_binary(a, b, d, [](double x, double y) { return x != y ? 1.0 : 0.0; }); break;
            default: break;
          }
        }
      }
    }
    const Lane& r = st[0];
    if (r.scalar)
      std::fill(out + base, out + base + m, r.c);
    else if (r.p != out + base)
      std::copy(r.p, r.p + m, out + base);
  }
}

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
