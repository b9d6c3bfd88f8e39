#include "cli/render/xlsx_formula.h"

#include <charconv>
#include <cmath>
#include <vector>

namespace gevinst::cli {

namespace {

using Op = Program::Op;

// How tightly a piece of formula text binds: a comparison (TRUE/FALSE until
// wrapped), a sum, a product, a negation, or an atom (number, name, call,
// parenthesised text).
enum Prec { kCompare = 0, kSum = 1, kProduct = 2, kNeg = 3, kAtom = 4 };

struct Piece {
  std::string text;
  int prec = kAtom;
};

std::string parens(const Piece& p) { return "(" + p.text + ")"; }

// A comparison used as a number gives 1 or 0, as in the case's expressions.
Piece as_number(const Piece& p) {
  if (p.prec != kCompare) return p;
  return {"IF(" + p.text + ",1,0)", kAtom};
}

// Left operands bind at least as tightly as the operator, right operands
// strictly more (so a-(b-c) and a*(b*c) keep their order of evaluation);
// a negation on the right is parenthesised for readability.
std::string operand(const Piece& raw, int prec, bool right) {
  const Piece p = as_number(raw);
  const bool ok = right ? p.prec > prec && p.prec != kNeg : p.prec >= prec;
  return ok ? p.text : parens(p);
}

const char* symbol(Op op) {
  switch (op) {
    case Op::add: return "+";
    case Op::sub: return "-";
    case Op::mul: return "*";
    case Op::div: return "/";
    case Op::lt: return "<";
    case Op::le: return "<=";
    case Op::gt: return ">";
    case Op::ge: return ">=";
    case Op::eq: return "=";
    case Op::ne: return "<>";
    default: return "?";
  }
}

}  // namespace

void add_term(std::string& list, const std::string& term, char sep) {
  if (!list.empty()) list.push_back(sep);
  list.append(term);
}

std::string formula_number(double v) {
  // The shortest text that reads back as the same double: plain digits
  // when they are short ("1000000", "0.035"), else an exponent ("1E+250").
  char buf[400];
  const double a = std::fabs(v);
  auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed);
  std::string s(buf, r.ptr);
  if (r.ec != std::errc() || s.size() > 20) {
    r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
    s.assign(buf, r.ptr);
    for (char& ch : s)
      if (ch == 'e') ch = 'E';
  }
  return std::signbit(v) && v != 0 ? std::string("(-").append(s).append(")") : s;
}

std::optional<std::string> spreadsheet_formula(const Program& p,
                                               const std::function<std::string(int)>& name) {
  std::vector<Piece> stack;
  auto pop = [&] {
    Piece top = std::move(stack.back());
    stack.pop_back();
    return top;
  };
  for (const Program::Instr& in : p.block_code) {
    switch (in.op) {
      case Op::push_const: stack.push_back({formula_number(in.value), kAtom}); break;
      case Op::push_slot: stack.push_back({name(in.arg), kAtom}); break;
      case Op::neg: {
        const Piece a = as_number(pop());
        stack.push_back({"-" + (a.prec == kAtom ? a.text : parens(a)), kNeg});
        break;
      }
      case Op::add:
      case Op::sub:
      case Op::mul:
      case Op::div: {
        const Piece b = pop(), a = pop();
        const int prec = in.op == Op::add || in.op == Op::sub ? kSum : kProduct;
        stack.push_back({operand(a, prec, false) + symbol(in.op) + operand(b, prec, true), prec});
        break;
      }
      case Op::pow: {
        const Piece b = as_number(pop()), a = as_number(pop());
        stack.push_back({"POWER(" + a.text + "," + b.text + ")", kAtom});
        break;
      }
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge:
      case Op::eq:
      case Op::ne: {
        const Piece b = pop(), a = pop();
        stack.push_back({operand(a, kSum, false) + symbol(in.op) + operand(b, kSum, false), kCompare});
        break;
      }
      case Op::min:
      case Op::max: {
        const size_t n = static_cast<size_t>(std::max(in.arg, 1));
        std::string args;
        for (size_t k = stack.size() - n; k < stack.size(); ++k)
          add_term(args, as_number(stack[k]).text, ',');
        stack.resize(stack.size() - n);
        stack.push_back({std::string(in.op == Op::min ? "MIN(" : "MAX(") + args + ")", kAtom});
        break;
      }
      case Op::select: {
        const Piece b = as_number(pop()), a = as_number(pop()), c = pop();
        // A non-zero number is true in IF, as in the case's if(cond, a, b).
        stack.push_back({"IF(" + c.text + "," + a.text + "," + b.text + ")", kAtom});
        break;
      }
      case Op::jump_if_zero:
      case Op::jump: return std::nullopt;  // scalar-mode only; never in block code
    }
  }
  if (stack.size() != 1) return std::nullopt;
  std::string text = as_number(stack.back()).text;
  if (text.size() + 1 > kMaxFormulaLength) return std::nullopt;
  return text;
}

}  // namespace gevinst::cli
