// libFuzzer target: the expression compiler and evaluator
// (docs/case-format.md, "Expressions"). Any text must compile or give an
// error whose offset lies within it; a compiled program evaluates in scalar
// and block mode without a crash. Run with scripts/fuzz expression SECONDS.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "libeval/expr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Four slots: $a..$d and the bare names npv and fte; anything else is unknown.
  auto resolve = [](std::string_view name, bool dollar) -> std::optional<int> {
    if (dollar && name.size() == 1 && name[0] >= 'a' && name[0] <= 'd') return name[0] - 'a';
    if (!dollar && (name == "npv" || name == "fte")) return name == "npv" ? 0 : 1;
    return std::nullopt;
  };
  gevinst::CompileResult r = gevinst::compile_expression(text, resolve);
  if (r.program.has_value() == r.error.has_value()) __builtin_trap();
  if (r.error && r.error->offset > size) __builtin_trap();
  if (r.program) {
    const std::vector<double> slots = {1.5, -2.0, 0.0, 1e300};
    (void)r.program->evaluate(slots);
    std::vector<double> columns[4];
    const double* ptrs[4];
    for (int i = 0; i < 4; ++i) {
      columns[i] = {slots[i], 3.0, -1e-300};
      ptrs[i] = columns[i].data();
    }
    double out[3];
    r.program->evaluate_block(ptrs, 3, out);
  }
  (void)gevinst::referenced_names(text);
  (void)gevinst::parse_number(text);
  return 0;
}
