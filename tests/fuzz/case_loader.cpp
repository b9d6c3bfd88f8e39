// libFuzzer target: the case loader (docs/case-format.md) on arbitrary bytes.
// Any input must give a model or diagnostics, never a crash, a sanitizer
// report or a hang. Run with scripts/fuzz case SECONDS.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "libeval/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  gevinst::LoadResult r = gevinst::load_case_text(text, "fuzz.yaml");
  // A loaded model has no errors, and a failed load says why.
  if (r.model.has_value() == r.diags.has_errors()) __builtin_trap();
  return 0;
}
