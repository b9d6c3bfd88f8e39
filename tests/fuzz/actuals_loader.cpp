// libFuzzer target: the actuals loader (docs/case-format.md, "Follow-up") on
// arbitrary bytes. The input is named as if it were in tests/data/follow_up/,
// so `case: plan.yaml` loads a real plan and the item, year, driver and
// parameter checks against it run. Run with scripts/fuzz actuals SECONDS.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "libeval/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gevinst::ActualsLoadResult r =
      gevinst::load_actuals_text(text, GEVINST_SOURCE_DIR "/tests/data/follow_up/fuzz.yaml");
  // Loaded actuals have no errors, and a failed load says why.
  if (r.actuals.has_value() && r.diags.has_errors()) __builtin_trap();
  if (!r.ok() && !r.diags.has_errors()) __builtin_trap();
  return 0;
}
