// Expressions for numeric fields: parse once, evaluate many times.
//
//   auto r = compile_expression("$patients * 12", resolve);   // resolve("patients", true) -> slot 0
//   r.program->evaluate(std::vector<double>{1200.0}).value     // == 14400
//
// Grammar (docs/case-format.md, "Expressions"):
//   expr    := compare
//   compare := sum (('<' | '<=' | '>' | '>=' | '==' | '!=') sum)?      true = 1, false = 0
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | '+' unary | power
//   power   := atom ('^' unary)?            right-associative, binds tighter than unary minus:
//                                           -2^2 = -4, 2^3^2 = 512, 2^-1 = 0.5
//   atom    := number | '$' name | name | name '(' args ')' | '(' expr ')'
//   number  := decimal literal with optional exponent: 12, 0.5, .5, 2.4e6
//   functions: min(a, b, ...), max(a, b, ...), if(cond, a, b) (cond != 0 selects a)
// Names are [A-Za-z_][A-Za-z0-9_]*; a bare name may be dotted (forecast.npv,
// actual.patients). `$name` is a parameter; a bare `name` is a
// result name where the context allows it (rollout criteria); the resolver
// decides what either means.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gevinst {

/// Longest expression text accepted, in bytes; longer text is a compile error.
inline constexpr size_t kMaxExpressionLength = 10000;
/// Deepest nesting accepted (each '(', call, sign and '^' is one level).
inline constexpr int kMaxExpressionDepth = 200;

/// Maps a name to a slot index; `dollar` is true for `$name`. Returns
/// std::nullopt when the name is unknown (the compiler then reports it).
using NameResolver = std::function<std::optional<int>(std::string_view name, bool dollar)>;

/// Why a compile failed: `offset` is the 0-based byte offset in the text.
struct ExprError {
  size_t offset = 0;
  std::string message;  ///< e.g. "unknown parameter '$patiens'"
  std::string hint;     ///< e.g. "did you mean '$patients'?"; may be empty
  std::string name;     ///< the unknown name when the error is an unknown name
};

enum class EvalStatus { ok, division_by_zero, not_finite };

struct EvalResult {
  double value = 0.0;
  EvalStatus status = EvalStatus::ok;
  bool ok() const { return status == EvalStatus::ok; }
};

/// A compiled expression: a small stack machine over slot values.
class Program {
 public:
  Program() = default;
  /// A program that returns `value`.
  static Program constant(double value);

  /// Evaluates with `slots[i]` the value of slot i. `if` only evaluates the
  /// branch it takes. Division by zero, or a non-finite result of any
  /// operation, gives a status other than ok. A slot value that is not finite
  /// gives not_finite when it is read; `slots` shorter than the largest slot
  /// in slots() gives NaN with not_finite.
  EvalResult evaluate(std::span<const double> slots) const;

  /// Evaluates `n` independent rows at once: `columns[i][k]` is slot i in row k
  /// (only the slots listed by slots() are read); writes `out[k]`. Both `if`
  /// branches are computed and one selected per row. No status: the caller
  /// checks std::isfinite on the results it uses. n may be any size; the
  /// program works internally in chunks.
  void evaluate_block(const double* const* columns, size_t n, double* out) const;

  /// True when the program reads no slots (its value is fixed).
  bool is_constant() const { return slots_.empty(); }
  /// The value of a constant program (only meaningful when is_constant()).
  double constant_value() const;
  /// Distinct slots read, ascending.
  const std::vector<int>& slots() const { return slots_; }

  // Implementation detail, public so the compiler (expr.cpp) can fill it.
  enum class Op : uint8_t {
    push_const,
    push_slot,
    neg,
    add,
    sub,
    mul,
    div,
    pow,
    lt,
    le,
    gt,
    ge,
    eq,
    ne,
    min,
    max,     // min/max pop `arg` values
    select,  // pops c, a, b -> c != 0 ? a : b (block mode; b on top)
    jump_if_zero,
    jump  // scalar mode `if`: arg is target index
  };
  struct Instr {
    Op op;
    int32_t arg = 0;   ///< slot index, arity, or jump target
    double value = 0;  ///< for push_const
  };
  std::vector<Instr> code;        ///< scalar-mode code (with jumps)
  std::vector<Instr> block_code;  ///< block-mode code (with select, no jumps)
  std::vector<int> slots_;
  int max_stack = 0;
};

struct CompileResult {
  std::optional<Program> program;  ///< set on success
  std::optional<ExprError> error;  ///< set on failure
};

/// Parses and compiles `text`. Never throws; never recurses deeper than a
/// fixed limit (deeply nested input is an error, not a stack overflow).
CompileResult compile_expression(std::string_view text, const NameResolver& resolve);

/// Parses a plain number literal as the whole of `text` (what a YAML number
/// scalar looks like: "12", "-0.5", "2.4e6"). std::nullopt if `text` is not
/// exactly a number; sets `overflow` when it is a number too large for a double.
std::optional<double> parse_number(std::string_view text, bool* overflow = nullptr);

/// The `$name` and bare names referenced by `text`, in order of appearance, for
/// dependency analysis before slots exist. Returns only syntactically found names,
/// each (name, dollar) pair once; names are without the '$'.
std::vector<std::pair<std::string, bool>> referenced_names(std::string_view text);

}  // namespace gevinst
