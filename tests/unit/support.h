// The unit tests' own header (in the spirit of ninja's src/test.h): every
// *_test.cpp includes it rather than doctest directly, so helpers shared by
// several tests live here once. It loads cases and rollouts from strings,
// renders their diagnostics into failure messages and finds results by id;
// each helper fails the running test through doctest when its precondition
// does not hold.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "libeval/diagnostics.h"
#include "libeval/loader.h"
#include "libeval/model.h"

namespace gevinst::test {

/// The whole text of the file at `p` (empty when it cannot be read).
inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Every diagnostic rendered as `gevinst validate` prints it, for messages
/// of failed assertions.
inline std::string dump(const Diagnostics& diags, std::string_view source) {
  std::string s;
  for (const auto& d : diags.all()) s += format_diagnostic(d, source);
  return s;
}

/// The same for a case load.
inline std::string dump(const LoadResult& r) { return dump(r.diags, r.source); }

/// Loads a case from `text` as file `file`, with lints off unless asked for;
/// the result may hold errors (for tests of the diagnostics themselves).
inline LoadResult load_text(std::string_view text, bool lints = false,
                            const std::string& file = "test.yaml") {
  LoadOptions opt;
  opt.lints = lints;
  return load_case_text(text, file, opt);
}

/// Loads a case that must be valid (lints off): an error fails the test, and
/// the failure shows every diagnostic with its source line.
inline Case load(std::string_view text, const std::string& file = "test.yaml") {
  LoadResult r = load_text(text, false, file);
  INFO(dump(r.diags, r.source));
  REQUIRE(r.ok());
  return std::move(*r.model);
}

/// Loads a rollout (and its solution, relative to `file`) that must be valid,
/// like load().
inline RolloutLoadResult load_rollout(std::string_view text, const std::string& file) {
  RolloutLoadResult r = load_rollout_text(text, file);
  INFO(dump(r.diags, r.source));
  REQUIRE(r.ok());
  return r;
}

/// The element of `items` whose `id` is `id`; fails the test when there is none.
template <class T>
const T& by_id(const std::vector<T>& items, std::string_view id) {
  for (const T& x : items)
    if (x.id == id) return x;
  FAIL("no element with id '" << id << "'");
  return items.front();  // not reached: FAIL throws
}
/// A reference into a temporary would dangle; copy the element instead.
template <class T>
const T& by_id(const std::vector<T>&& items, std::string_view id) = delete;

}  // namespace gevinst::test
