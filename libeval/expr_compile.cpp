// Expressions, compilation: a recursive-descent compiler (over expr_lex) with
// constant folding into a Program. The evaluators are in expr_eval.cpp.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

#include "libeval/detail/expr_lex.h"
#include "libeval/detail/expr_ops.h"
#include "libeval/expr.h"

namespace gevinst {
namespace {

using namespace expr_detail;

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

  // The expression with the comma at `at` made a point: "2,5e6" -> "2.5e6".
  std::string point_for_comma(size_t at) const {
    std::string s(text_);
    s[at] = '.';
    return s;
  }

  Program run() {
    next();
    if (tok_.kind == Tok::end) fail(0, "empty expression");
    const Val v = expr();
    if (tok_.kind == Tok::rparen) fail(tok_.offset, "unexpected ')'", "there is no '(' to close");
    if (tok_.kind != Tok::end) {
      // "2,5e6": a Danish decimal comma between digits (docs/case-format.md, "Numbers").
      const size_t at = tok_.offset;
      const bool decimal_comma = tok_.text == "," && at > 0 && at + 1 < text_.size() &&
                                 std::isdigit(static_cast<unsigned char>(text_[at - 1])) &&
                                 std::isdigit(static_cast<unsigned char>(text_[at + 1]));
      fail(at, "unexpected '" + std::string(tok_.text) + "'",
           decimal_comma ? "the decimal mark is a point, not a comma: write " + point_for_comma(at) +
                               "; a comma only separates a function's arguments"
                         : "expected an operator or the end of the expression");
    }
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
    Val base = atom();
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
        Val v = expr();
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
    Val a = expr();
    if (!comma(open)) arity(2);
    size_t jmp = 0;
    if (!fixed) {
      jmp = code_.size();
      code_.push_back(Instr{Op::jump, 0, 0});
      code_[jz].arg = static_cast<int32_t>(code_.size());
    }
    const size_t b_code = code_.size();
    const size_t b_block = block_.size();
    Val b = expr();
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

}  // namespace gevinst
