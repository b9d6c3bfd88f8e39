// Tests for libeval/expr: grammar (docs/case-format.md, "Expressions"), errors
// with offsets, constant folding, scalar and block evaluation, parse_number.
// Expected values are hand-computed closed forms unless a row says otherwise.
#include "libeval/expr.h"

#include <chrono>
#include <cmath>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "support.h"

using namespace gevinst;

namespace {

// $a..$f are parameters in slots 0..5; $patients is slot 6. Bare `npv` and
// `fte` are results in slots 7 and 8.
std::optional<int> test_resolver(std::string_view name, bool dollar) {
  if (dollar) {
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'f') return name[0] - 'a';
    if (name == "patients") return 6;
    return std::nullopt;
  }
  if (name == "npv") return 7;
  if (name == "fte") return 8;
  return std::nullopt;
}

Program compile_ok(const std::string& text, const NameResolver& resolve = test_resolver) {
  CompileResult r = compile_expression(text, resolve);
  INFO("expression: " << text << (r.error ? " error: " + r.error->message : std::string()));
  REQUIRE(r.program.has_value());
  CHECK_FALSE(r.error.has_value());
  return std::move(*r.program);
}

ExprError compile_error(const std::string& text, const NameResolver& resolve = test_resolver) {
  CompileResult r = compile_expression(text, resolve);
  INFO("expression: " << text);
  REQUIRE(r.error.has_value());
  CHECK_FALSE(r.program.has_value());
  return *r.error;
}

// Row-wise evaluation of one row through evaluate_block (n = 1).
double block_one(const Program& p, const std::vector<double>& slots) {
  std::vector<const double*> cols;
  cols.reserve(slots.size());
  for (const double& v : slots) cols.push_back(&v);
  double out = -12345.0;
  p.evaluate_block(cols.data(), 1, &out);
  return out;
}

// "-2^2" -> "-$n0^$n1" with slots {2, 2}: the same expression with every
// literal read from a slot, so nothing folds and the evaluators do the work.
std::pair<std::string, std::vector<double>> lift_literals(const std::string& text) {
  std::string lifted;
  std::vector<double> values;
  for (size_t i = 0; i < text.size();) {
    const auto digit = [&](size_t j) { return j < text.size() && text[j] >= '0' && text[j] <= '9'; };
    if (!digit(i) && !(text[i] == '.' && digit(i + 1))) {
      lifted += text[i++];
      continue;
    }
    size_t j = i;
    while (digit(j) || (j < text.size() && text[j] == '.')) ++j;
    lifted += "$n" + std::to_string(values.size());
    values.push_back(std::stod(text.substr(i, j - i)));
    i = j;
  }
  return {lifted, values};
}

std::optional<int> lifted_resolver(std::string_view name, bool dollar) {
  if (!dollar || name.size() < 2 || name[0] != 'n') return std::nullopt;
  return std::stoi(std::string(name.substr(1)));
}

}  // namespace

TEST_CASE("expr: precedence and associativity (docs/case-format.md, Expressions)") {
  struct Row {
    const char* text;
    double expected;
    const char* source;
  };
  const Row rows[] = {
      {"-2^2", -4, "docs/case-format.md, Expressions: '^' binds tighter than unary minus"},
      {"2^3^2", 512, "docs/case-format.md, Expressions: '^' is right-associative, 2^(3^2) = 2^9"},
      {"2^-1", 0.5, "expr.h grammar: power := atom ('^' unary)?"},
      {"-2^-2", -0.25, "-(2^(-2))"},
      {"(1+2)*3", 9, "parentheses first"},
      {"1+2*3", 7, "'*' before '+'"},
      {"2*3^2", 18, "'^' before '*'"},
      {"10-4-3", 3, "left-associative: (10-4)-3"},
      {"8/4/2", 1, "left-associative: (8/4)/2"},
      {"2-3+4", 3, "left-associative: (2-3)+4"},
      {"- -3", 3, "unary minus nests"},
      {"+3 - +2", 1, "unary plus is the identity"},
      {"1+2 < 4", 1, "comparison binds loosest: (1+2) < 4"},
      {"2 < 1", 0, "false = 0 (docs/case-format.md, Expressions)"},
      {"2 <= 2", 1, "true = 1 (docs/case-format.md, Expressions)"},
      {"3 > 2", 1, "docs/case-format.md, Expressions"},
      {"2 >= 3", 0, "docs/case-format.md, Expressions"},
      {"2 == 2", 1, "docs/case-format.md, Expressions"},
      {"2 != 2", 0, "docs/case-format.md, Expressions"},
      {"(1 < 2) * (2 < 3)", 1, "parenthesised comparisons combine"},
      {"min(3)", 3, "min of one value"},
      {"min(3, 1, 2)", 1, "smallest"},
      {"max(3, 1, 2)", 3, "largest"},
      {"max(-1, -5)", -1, "largest"},
      {"min(4, 2 + 1, 9) * 2", 6, "min(4, 3, 9) * 2"},
      {"if(1 < 2, 10, 20)", 10, "cond != 0 selects a"},
      {"if(2 < 1, 10, 20)", 20, "cond == 0 selects b"},
      {"if(0.5, 10, 20)", 10, "any nonzero cond selects a"},
      {".5 * 4", 2, "'.5' is a literal"},
      {"2.5 * 4", 10, "decimal literal"},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.text) << " (" << row.source << ")");
    const Program folded = compile_ok(row.text);
    CHECK(folded.is_constant());
    CHECK(folded.constant_value() == row.expected);

    const auto lift = lift_literals(row.text);
    const auto& lifted = lift.first;
    const auto& values = lift.second;
    INFO("lifted: " << lifted);
    const Program p = compile_ok(lifted, lifted_resolver);
    CHECK_FALSE(p.is_constant());
    const EvalResult r = p.evaluate(values);
    CHECK(r.ok());
    CHECK(r.value == row.expected);
    CHECK(block_one(p, values) == row.expected);
  }
}

TEST_CASE("expr: exponent literals and parameters") {
  // 2.4e6 = 2 400 000; $patients * 12 from the expr.h example comment.
  CHECK(compile_ok("2.4e6").constant_value() == 2400000.0);
  CHECK(compile_ok("1E-3").constant_value() == 0.001);
  const Program p = compile_ok("$patients * 12");
  CHECK(p.slots() == std::vector<int>{6});
  std::vector<double> slots(9, 0.0);
  slots[6] = 1200;
  CHECK(p.evaluate(slots).value == 14400.0);
  // Bare result names resolve through resolve(name, false).
  const Program crit = compile_ok("npv >= 0");
  slots[7] = -1;
  CHECK(crit.evaluate(slots).value == 0.0);
  slots[7] = 5;
  CHECK(crit.evaluate(slots).value == 1.0);
}

TEST_CASE("expr: if evaluates only the branch it takes in scalar mode") {
  // Constant condition: the untaken 1/0 is dropped at compile time.
  const Program folded = compile_ok("if(1 < 2, 10, 1/0)");
  CHECK(folded.is_constant());
  CHECK(folded.constant_value() == 10.0);
  // Runtime condition: 1/$b with $b = 0 fails only when its branch runs.
  const Program p = compile_ok("if($a < 2, 10, 1/$b)");
  const EvalResult taken_a = p.evaluate(std::vector<double>{1, 0});
  CHECK(taken_a.ok());
  CHECK(taken_a.value == 10.0);
  CHECK(p.evaluate(std::vector<double>{3, 0}).status == EvalStatus::division_by_zero);
  CHECK(p.evaluate(std::vector<double>{3, 4}).value == 0.25);
  // A constant division by zero inside a runtime branch stays a runtime error.
  const Program q = compile_ok("if($a, 1/0, 2)");
  CHECK(q.evaluate(std::vector<double>{0}).value == 2.0);
  CHECK(q.evaluate(std::vector<double>{1}).status == EvalStatus::division_by_zero);
}

TEST_CASE("expr: nested if, with constant and runtime conditions") {
  struct Row {
    const char* text;
    double a, b, c;
    double expected;
  };
  const Row rows[] = {
      {"if($a, if($b, 1, 2), if($c, 3, 4))", 1, 1, 0, 1},
      {"if($a, if($b, 1, 2), if($c, 3, 4))", 1, 0, 0, 2},
      {"if($a, if($b, 1, 2), if($c, 3, 4))", 0, 0, 1, 3},
      {"if($a, if($b, 1, 2), if($c, 3, 4))", 0, 1, 0, 4},
      // constant false condition: the first branch (with its jumps) is removed
      {"if(0, if($a, 1, 2), if($b, 3, 4)) + if($c, 5, 6)", 1, 1, 0, 9},
      {"if(0, if($a, 1, 2), if($b, 3, 4)) + if($c, 5, 6)", 1, 0, 1, 9},
      {"if(1, if($a, 1, 2), if($b, 3, 4)) + if($c, 5, 6)", 0, 1, 1, 7},
      {"if($a, 1, if(1 > 2, 1/0, if($b, 3, 4)))", 0, 0, 0, 4},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.text) << " with a=" << row.a << " b=" << row.b << " c=" << row.c);
    const Program p = compile_ok(row.text);
    const std::vector<double> slots{row.a, row.b, row.c};
    const EvalResult r = p.evaluate(slots);
    CHECK(r.ok());
    CHECK(r.value == row.expected);
    CHECK(block_one(p, slots) == row.expected);
  }
}

TEST_CASE("expr: evaluation statuses") {
  struct Row {
    const char* text;
    std::vector<double> slots;
    EvalStatus status;
  };
  const Row rows[] = {
      {"1 / $a", {0}, EvalStatus::division_by_zero},
      {"$a / ($b - $b)", {1, 3}, EvalStatus::division_by_zero},
      {"$a ^ $b", {10, 400}, EvalStatus::not_finite},  // 1e400 > DBL_MAX ~ 1.8e308
      {"$a ^ 0.5", {-8}, EvalStatus::not_finite},      // pow(-8, 0.5) is NaN (C pow)
      {"$a * $b", {1e200, 1e200}, EvalStatus::not_finite},
      {"0 * $a", {std::nan("")}, EvalStatus::not_finite},  // a NaN slot is reported when read
      {"$a + 1", {1}, EvalStatus::ok},
  };
  for (const Row& row : rows) {
    INFO(std::string(row.text));
    CHECK(compile_ok(row.text).evaluate(row.slots).status == row.status);
  }
  // Too few slot values is reported, not read out of bounds.
  CHECK(compile_ok("$c").evaluate(std::vector<double>{1}).status == EvalStatus::not_finite);
}

TEST_CASE("expr: constant folding") {
  const Program seven = compile_ok("2 * 3 + 1");
  CHECK(seven.is_constant());
  CHECK(seven.constant_value() == 7.0);
  CHECK(seven.code.size() == 1);
  CHECK(seven.max_stack == 1);

  // $a * (2 * 3): the constant part becomes one push_const 6.
  const Program p = compile_ok("$a * (2 * 3)");
  REQUIRE(p.code.size() == 3);
  CHECK(p.code[1].op == Program::Op::push_const);
  CHECK(p.code[1].value == 6.0);
  CHECK(p.block_code.size() == 3);

  // -(2^2) folds through the sign.
  CHECK(compile_ok("-(2^2) + $a").code.size() == 3);

  // A constant that always fails is a compile error at its operator.
  const ExprError always = compile_error("$a + 1/0");
  CHECK(always.message == "division by zero");
  CHECK(always.offset == 6);

  CHECK(Program::constant(2.5).is_constant());
  CHECK(Program::constant(2.5).constant_value() == 2.5);
  CHECK(Program::constant(2.5).evaluate({}).value == 2.5);
}

TEST_CASE("expr: slots and stack depth") {
  const Program p = compile_ok("$d + $a + $d * $b");
  CHECK(p.slots() == std::vector<int>{0, 1, 3});
  // Left-leaning sums need two stack entries; right-nested ones one per level.
  CHECK(compile_ok("$a + $b + $c + $d").max_stack == 2);
  CHECK(compile_ok("$a + ($b + ($c + $d))").max_stack == 4);
  // Slots read only in an untaken constant branch are not listed.
  CHECK(compile_ok("if(1, $a, $b)").slots() == std::vector<int>{0});
  CHECK(compile_ok("2 + 3").slots().empty());
}

TEST_CASE("expr: error messages and offsets") {
  struct Row {
    std::string text;
    size_t offset;
    std::string message;
    std::string hint;  // "*" = not checked
  };
  const Row rows[] = {
      {"", 0, "empty expression", ""},
      {"   ", 0, "empty expression", ""},
      {")", 0, "unexpected ')'", "*"},
      {"1 + 2)", 5, "unexpected ')'", "there is no '(' to close"},
      {"(1 + 2", 6, "expected ')' to close '(' at offset 0", ""},
      {"(", 1, "expected ')' to close '(' at offset 0", ""},
      {"(1 + 2 3)", 7, "expected ')' to close '(' at offset 0", ""},
      {"min(1, 2", 8, "expected ')' to close '(' at offset 3", ""},
      {"$patiens * 12", 0, "unknown parameter '$patiens'", ""},
      {"2 * $zz", 4, "unknown parameter '$zz'", ""},
      {"mean($a, $b)", 0, "unknown function 'mean'", "the functions are min, max and if"},
      {"if($a, 1)", 0, "if takes 3 arguments, got 2", ""},
      {"if($a, 1, 2, 3)", 0, "if takes 3 arguments, got 4", ""},
      {"1 + if()", 4, "if takes 3 arguments, got 0", ""},
      {"min()", 0, "min takes at least 1 argument, got 0", ""},
      {"min + 1", 0, "expected '(' after 'min'", "write min(a, b, ...)"},
      {"2 * ", 2, "missing operand after '*'", ""},
      {"2 * * 3", 2, "missing operand after '*'", ""},
      {"(2 * )", 3, "missing operand after '*'", ""},
      {"-", 0, "missing operand after '-'", ""},
      {"* 3", 0, "missing operand before '*'", ""},
      {"()", 0, "empty parentheses", ""},
      {"min(1,)", 5, "missing argument after ','", ""},
      {"min(,1)", 4, "missing argument before ','", ""},
      {"1 2", 2, "unexpected '2'", "expected an operator or the end of the expression"},
      {"$a $b", 3, "unexpected '$b'", "expected an operator or the end of the expression"},
      {"2(3)", 1, "unexpected '('", "expected an operator or the end of the expression"},
      {"2 # 3", 2, "unexpected character '#'", ""},
      {"$a = 1", 3, "unexpected character '='", "use '==' to compare"},
      {"30%", 2, "unexpected character '%'", "write shares as fractions (0.3, not 30%)"},
      {"2 \xC3\x97 3", 2, "unexpected character '\xC3\x97'", "use '*' to multiply"},
      {"1 < 2 < 3", 6, "comparisons cannot be chained", "write (a < b) * (b < c) for 'a < b < c'"},
      {"$ a", 0, "expected a parameter name after '$'", "*"},
      {"1_000", 0, "bad number literal '1_000'", "*"},
      {"2 * 0x1F", 4, "bad number literal '0x1F'", "*"},
      {"1e", 0, "bad number literal '1e'", "*"},
      {"1.2.3", 0, "bad number literal '1.2.3'", "*"},
      {"$a + 1e999", 5, "number '1e999' is too large", "*"},
      {"1/0", 1, "division by zero", ""},
      {"2 + 3 / (1 - 1)", 6, "division by zero", ""},
      {"10^400", 2, "result of '^' is not finite", "the value is too large for a double"},
      {"(-8)^0.5", 4, "result of '^' is not finite",
       "a negative number to a fractional power has no real value"},
      {"1e300 * 1e300", 6, "result of '*' is not finite", "*"},
      {"if(2 > 1, 1/0, 2)", 11, "division by zero", ""},
  };
  for (const Row& row : rows) {
    INFO("expression: '" << row.text << "'");
    const ExprError e = compile_error(row.text);
    CHECK(e.message == row.message);
    CHECK(e.offset == row.offset);
    if (row.hint != "*") CHECK(e.hint == row.hint);
  }
}

TEST_CASE("expr: unknown names carry the bare name for a did-you-mean hint") {
  const ExprError param = compile_error("$patiens * 12");
  CHECK(param.name == "patiens");
  CHECK(param.hint.empty());

  const ExprError bare = compile_error("2 * patients");
  CHECK(bare.message == "unknown name 'patients'");
  CHECK(bare.offset == 4);
  CHECK(bare.name == "patients");
  CHECK(bare.hint == "parameters are written $patients");

  const ExprError other = compile_error("foo + 1");
  CHECK(other.message == "unknown name 'foo'");
  CHECK(other.name == "foo");
  CHECK(other.hint.empty());

  // Function names are not parameter typos: no name for a did-you-mean.
  CHECK(compile_error("mean(1)").name.empty());
  // An empty resolver knows no names.
  CHECK(compile_error("$a", NameResolver{}).message == "unknown parameter '$a'");
}

TEST_CASE("expr: length and nesting limits are errors, not crashes") {
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  const ExprError huge = compile_error(std::string(100000, '('));
  CHECK(huge.message.rfind("expression is too long", 0) == 0);
  CHECK(huge.offset == 0);

  // Within the length limit, 5000 '(' stop at the first level past the limit.
  const ExprError deep = compile_error(std::string(5000, '('));
  CHECK(deep.message == "expression is nested too deeply (more than 200 levels)");
  CHECK(deep.offset == static_cast<size_t>(kMaxExpressionDepth));
  CHECK(compile_error(std::string(300, '-') + "1").message.rfind("expression is nested too deeply", 0) == 0);
  std::string powers;
  for (int i = 0; i < 300; ++i) powers += "2^";
  CHECK(compile_error(powers + "1").message.rfind("expression is nested too deeply", 0) == 0);
  const double seconds = std::chrono::duration<double>(clock::now() - start).count();
  CHECK(seconds < 1.0);

  // Exactly at the limit compiles.
  const std::string at_limit =
      std::string(kMaxExpressionDepth, '(') + "1" + std::string(kMaxExpressionDepth, ')');
  CHECK(compile_ok(at_limit).constant_value() == 1.0);
  // A long flat chain is fine: '+' loops, it does not nest.
  std::string chain = "$a";
  for (int i = 0; i < 2000; ++i) chain += "+$a";
  CHECK(compile_ok(chain).evaluate(std::vector<double>{1}).value == 2001.0);
}

TEST_CASE("expr: programs deeper than the small scalar stack") {
  // $a+($a+(...)) nested 100 times: 101 values of $a = 2 -> 202; max_stack 101
  // exceeds the fixed 64-entry scalar stack.
  std::string text;
  for (int i = 0; i < 100; ++i) text += "$a+(";
  text += "$a" + std::string(100, ')');
  const Program p = compile_ok(text);
  CHECK(p.max_stack == 101);
  CHECK(p.evaluate(std::vector<double>{2}).value == 202.0);
  CHECK(block_one(p, {2}) == 202.0);
}

TEST_CASE("expr: evaluate_block equals evaluate on random rows") {
  const char* expressions[] = {
      "$a * $b * $c + max($d, 0) * 12",
      "$a",
      "-$a",
      "2 + 3",
      "$a - $b / $c",
      "($a + 4) ^ 2 - $b ^ 3",
      "if($a < $b, $c, -$d)",
      "if($a >= 0, if($b > 0, 1, 2), $c * 3)",
      "min($a, $b, $c, 0.5) + max($d, -$a, 1 - $b)",
      "($a < $b) + ($a <= $b) * 2 + ($a > $b) * 4 + ($a >= $b) * 8",
      "($a == $a) + ($a != $b) + ($c == 1)",
      "if($a > 0, $b / $a, 1 / ($c - $c))",  // the untaken branch divides by zero
      "max(1, 2) * $a + min($b)",
      "if(1 < 2, $a, $b) * $e",
  };
  std::mt19937_64 rng(20260101);
  std::uniform_real_distribution<double> unif(-3.0, 3.0);
  for (const char* text : expressions) {
    const Program p = compile_ok(text);
    for (size_t n : {size_t{1}, size_t{255}, size_t{256}, size_t{257}, size_t{1000}}) {
      INFO(std::string(text) << " with n = " << n);
      std::vector<std::vector<double>> cols(5, std::vector<double>(n));
      for (auto& col : cols)
        for (double& v : col) v = unif(rng);
      for (size_t k = 0; k < n; k += 7) cols[2][k] = 1.0;  // exercise $c == 1
      cols[0][0] = 1.5;  // row 0 takes the branch of "if($a > 0, ...)" that does not fail
      std::vector<const double*> ptrs;
      ptrs.reserve(cols.size());
      for (const auto& col : cols) ptrs.push_back(col.data());
      std::vector<double> out(n, -99.0);
      p.evaluate_block(ptrs.data(), n, out.data());
      size_t compared = 0;
      for (size_t k = 0; k < n; ++k) {
        const std::vector<double> row{cols[0][k], cols[1][k], cols[2][k], cols[3][k], cols[4][k]};
        const EvalResult r = p.evaluate(row);
        if (!r.ok()) continue;
        ++compared;
        if (out[k] != r.value) {
          INFO("row " << k);
          CHECK(out[k] == r.value);
          break;
        }
      }
      CHECK(compared * 3 > n);  // at most the rows of one failing branch (about half) are skipped
    }
  }
}

TEST_CASE("expr: evaluate_block with out aliasing an input column") {
  const Program p = compile_ok("$a * 2 + $b");
  const size_t n = 600;
  std::vector<double> a(n), b(n), expected(n);
  for (size_t k = 0; k < n; ++k) {
    a[k] = static_cast<double>(k);
    b[k] = 1.0;
    expected[k] = 2.0 * static_cast<double>(k) + 1.0;
  }
  const double* cols[] = {a.data(), b.data()};
  p.evaluate_block(cols, n, a.data());  // out is column $a
  CHECK(a == expected);
}

TEST_CASE("expr: evaluate_block from several threads on one program") {
  const Program p = compile_ok("if($a < 0.5, $a * 3, max($a, 2))");
  const size_t n = 1000;
  std::vector<double> a(n);
  for (size_t k = 0; k < n; ++k) a[k] = static_cast<double>(k) / 500.0;
  std::vector<double> expected(n);
  for (size_t k = 0; k < n; ++k) expected[k] = p.evaluate(std::vector<double>{a[k]}).value;
  std::vector<std::vector<double>> outs(4, std::vector<double>(n));
  std::vector<std::thread> threads;
  threads.reserve(outs.size());
  for (auto& out : outs)
    threads.emplace_back([&p, &a, &out] {
      const double* cols[] = {a.data()};
      for (int rep = 0; rep < 50; ++rep) p.evaluate_block(cols, n, out.data());
    });
  for (auto& t : threads) t.join();
  for (const auto& out : outs) CHECK(out == expected);
}

TEST_CASE("parse_number: YAML plain numbers") {
  // Accepted forms follow the YAML 1.2.2 core schema float pattern (section
  // 10.3.2): [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  struct Good {
    const char* text;
    double value;
  };
  const Good good[] = {
      {"12", 12}, {"-0.5", -0.5}, {"+3", 3}, {".5", 0.5},   {"-.5", -0.5}, {"2.4e6", 2.4e6}, {"1E-3", 1e-3},
      {"1.", 1},  {"007", 7},     {"0", 0},  {"1e+2", 100}, {"1e-999", 0}, {"32000", 32000}, {"0.30", 0.3},
  };
  for (const Good& g : good) {
    INFO(std::string(g.text));
    bool overflow = true;
    const std::optional<double> v = parse_number(g.text, &overflow);
    REQUIRE(v.has_value());
    CHECK(*v == g.value);
    CHECK_FALSE(overflow);
  }
  const char* bad[] = {"1_000", "0x1F", "inf", "nan",   ".inf", "-.inf", "1e", "",     " 1", "1 ", "+",
                       "-",     ".",    "1e+", "1.2.3", "--1",  "1,5",   "e5", "1e5x", "$a", "1/2"};
  for (const char* b : bad) {
    INFO("'" << b << "'");
    bool overflow = true;
    CHECK_FALSE(parse_number(b, &overflow).has_value());
    CHECK_FALSE(overflow);
  }
  for (const char* big : {"1e999", "-1e999", "123456789e301"}) {
    INFO(std::string(big));
    bool overflow = false;
    CHECK_FALSE(parse_number(big, &overflow).has_value());
    CHECK(overflow);
  }
  CHECK(parse_number("1.5").value() == 1.5);  // overflow pointer is optional
}

TEST_CASE("referenced_names: parameters and bare names in order") {
  using Names = std::vector<std::pair<std::string, bool>>;
  CHECK(referenced_names("$a * npv + max($b, $a) - mean(x)") ==
        Names{{"a", true}, {"npv", false}, {"b", true}, {"mean", false}, {"x", false}});
  CHECK(referenced_names("if(evidence >= documented, $a, 0)") ==
        Names{{"evidence", false}, {"documented", false}, {"a", true}});
  CHECK(referenced_names("2.4e6 * $x") == Names{{"x", true}});  // the exponent is no name
  CHECK(referenced_names("1_000 + $y # z") == Names{{"y", true}, {"z", false}});
  CHECK(referenced_names("$ + $patients") == Names{{"patients", true}});
  CHECK(referenced_names("12").empty());
}
