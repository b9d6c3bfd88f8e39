// libFuzzer target: the portfolio constraints loader (docs/cli.md,
// "Constraints file") on arbitrary bytes. Any input must give constraints or
// diagnostics, never a crash, a sanitizer report or a hang. Run with
// scripts/fuzz portfolio SECONDS.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "libeval/portfolio_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gevinst::PortfolioLoadResult r = gevinst::load_portfolio_text(text, "fuzz.yaml");
  if (r.spec.has_value() == r.diags.has_errors()) __builtin_trap();
  return 0;
}
