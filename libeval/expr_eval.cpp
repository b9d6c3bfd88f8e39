// Expressions, evaluation: the scalar evaluator (jumps, so `if` evaluates only
// the branch it takes; statuses) and the block evaluator (rows in chunks of
// kChunk, `select` for `if`). The compiler is in expr_compile.cpp.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

#include "libeval/detail/expr_ops.h"
#include "libeval/expr.h"

// The loops over a chunk have no dependence between iterations; GCC is told
// so, clang (the fuzz build) vectorises them without the hint.
#if defined(__clang__)
#define GEVINST_IVDEP
#else
#define GEVINST_IVDEP _Pragma("GCC ivdep")
#endif

namespace gevinst {
namespace {

using namespace expr_detail;

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
    GEVINST_IVDEP
    for (size_t k = 0; k < kChunk; ++k) d[k] = f(x, y[k]);
  } else if (b.scalar) {
    const double* x = a.p;
    const double y = b.c;
    GEVINST_IVDEP
    for (size_t k = 0; k < kChunk; ++k) d[k] = f(x[k], y);
  } else {
    const double* x = a.p;
    const double* y = b.p;
    GEVINST_IVDEP
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
            GEVINST_IVDEP
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
          GEVINST_IVDEP
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

}  // namespace gevinst
