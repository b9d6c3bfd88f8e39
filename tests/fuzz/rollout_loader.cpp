// libFuzzer target: the rollout loader (docs/case-format.md, "Rollouts") on
// arbitrary bytes. The input is named as if it were in examples/, so
// `solution: kol-telemonitoring.yaml` loads a real solution case and the
// unit and criteria checks run. Run with scripts/fuzz rollout SECONDS.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "libeval/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gevinst::RolloutLoadResult r = gevinst::load_rollout_text(text, GEVINST_SOURCE_DIR "/examples/fuzz.yaml");
  if (r.rollout.has_value() && r.diags.has_errors()) __builtin_trap();
  return 0;
}
