// Internal to the loader: typed reads from the YAML tree with diagnostics.
// Every read names the YAML path and the node's position; a missing or
// malformed value is reported once and the read returns a default so the
// loader goes on and finds every other problem in the same run.
#pragma once

#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "libeval/detail/yaml_tree.h"
#include "libeval/diagnostics.h"
#include "libeval/model.h"

namespace gevinst {

struct PendingCheck {
  Number number;
  Constraint constraint;
};

class Reader {
 public:
  Reader(Diagnostics& diags, std::string_view source) : diags_(diags), source_(source) {}

  Diagnostics& diags() { return diags_; }

  static std::string key_path(const std::string& parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
  }
  static std::string index_path(const std::string& parent, size_t i) {
    return parent + "[" + std::to_string(i) + "]";
  }

  void error(const YNode* at, const std::string& path, std::string msg, std::string hint = {});
  /// A lint: message and hint as phrases, so that a report can show them in
  /// the reader's language (Diagnostic::message_phrase).
  void warning(const YNode* at, const std::string& path, Phrase msg, Phrase hint = {});

  /// True if `n` is a mapping; otherwise reports "expected a mapping".
  bool expect_mapping(const YNode* n, const std::string& path, std::string_view what_hint = {});
  bool expect_sequence(const YNode* n, const std::string& path, std::string_view what_hint = {});

  /// Reports every key of mapping `m` not in `allowed`, with a did-you-mean hint.
  void check_keys(const YNode* m, const std::string& path, std::initializer_list<std::string_view> allowed);
  void check_keys(const YNode* m, const std::string& path, const std::vector<std::string>& allowed);

  /// Reports a missing required key and returns nullptr.
  const YNode* require(const YNode* m, const std::string& path, std::string_view key,
                       std::string_view hint = {});

  std::optional<std::string> text(const YNode* n, const std::string& path);
  /// A structural integer written as digits; `key` allows a quoted one (a
  /// mapping key such as "2027" in JSON).
  std::optional<int> integer(const YNode* n, const std::string& path,
                             std::string_view what = "a whole number", bool key = false);
  std::optional<bool> boolean(const YNode* n, const std::string& path);
  /// A calendar year within [first, last] (the horizon).
  std::optional<int> year(const YNode* n, const std::string& path, int first, int last, bool key = false);
  /// An id following the case.id pattern [a-z0-9][a-z0-9_-]*.
  std::optional<std::string> id(const YNode* n, const std::string& path);
  /// One of `names`; reports the choices otherwise.
  std::optional<int> choice(const YNode* n, const std::string& path, const std::vector<std::string>& names);

  /// Parameter name table used to compile expressions (slot = index).
  void set_parameters(std::vector<std::string> names);
  const std::vector<std::string>& parameters() const { return params_; }

  /// A number or an expression over parameters; checks are queued and run by
  /// run_checks() once parameter values exist.
  Number number(const YNode* n, const std::string& path, Constraint c = Constraint::finite);
  /// Compile an expression given as text at a position (used for --set too).
  /// `loc` is where `text` starts; with `exact` the error column points at
  /// the offending token inside it.
  std::optional<Program> compile(std::string_view text, SourceLoc loc, const std::string& path,
                                 bool exact = true);

  const std::vector<PendingCheck>& pending() const { return pending_; }

  /// Column of the first character of a scalar's value (after an opening quote).
  int value_column(const YNode* n);
  /// Where a scalar's value starts when the source line shows it verbatim
  /// from there (no escapes, not folded), so offsets into it are columns.
  std::optional<SourceLoc> exact_value_loc(const YNode* n);

 private:
  Diagnostics& diags_;
  std::string_view source_;
  std::vector<size_t> line_starts_;  // built on first use
  std::vector<std::string> params_;
  std::unordered_map<std::string, int> slots_;  // parameter name -> slot (first definition)

  // Line `line` of the source without its ending; fast for every line.
  std::string_view line(int line);
  std::vector<PendingCheck> pending_;
  // (mapping, key) pairs that check_keys suggested for a misspelt key.
  std::set<std::pair<const YNode*, std::string>> suggested_;
};

/// An expression error message with "at offset N" (a byte offset into
/// `text`) restated for the case file: "at column C" when `text` starts at
/// `loc` verbatim (`exact`), else "at character N+1".
std::string file_positions(std::string message, std::string_view text, SourceLoc loc, bool exact);

/// `text` cut to about `max_bytes` with "..." appended, for quoting user
/// text (expressions, values) in one-line messages.
std::string shorten(std::string_view text, size_t max_bytes = 80);

}  // namespace gevinst
