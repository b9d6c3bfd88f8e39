// Internal to the expression engine (expr_compile.cpp, expr_eval.cpp): the
// operations shared by constant folding and both evaluators.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>

#include "libeval/expr.h"

namespace gevinst::expr_detail {

using Op = Program::Op;
using Instr = Program::Instr;

constexpr size_t kChunk = 256;  // rows per block-evaluation chunk
constexpr size_t kSmallStack = 64;

inline bool is_compare(Op op) {
  return op == Op::lt || op == Op::le || op == Op::gt || op == Op::ge || op == Op::eq || op == Op::ne;
}

inline double as_double(bool b) { return b ? 1.0 : 0.0; }
inline double min2(double x, double y) { return y < x ? y : x; }
inline double max2(double x, double y) { return x < y ? y : x; }

// The binary operations, shared by constant folding and scalar evaluation
// (the block evaluator spells the same formulas in its loops).
inline double apply(Op op, double x, double y) {
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

}  // namespace gevinst::expr_detail
