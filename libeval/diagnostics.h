// Diagnostics are data: where (file, line, column, YAML path), how bad, what
// and what to do about it. The loader collects them all; one place prints them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "libeval/phrase.h"

namespace gevinst {

/// A 1-based position in a source file; line 0 means "no position".
struct SourceLoc {
  int line = 0;
  int column = 0;
};

enum class Severity { error, warning, note };

std::string_view severity_name(Severity s);

struct Diagnostic {
  std::string file;  ///< path as given by the user, "<stdin>" for standard input; empty when the
                     ///< problem is in a value the caller passed (an option), not in a file
  SourceLoc loc;     ///< position of the offending node
  Severity severity = Severity::error;
  std::string yaml_path;  ///< e.g. "costs[1].per_year"; empty for the document
  std::string message;    ///< what is wrong, one line, no trailing period
  std::string hint;       ///< what to do about it; may be empty
  /// A warning's message and hint as phrases (libeval/phrase.h), so that a
  /// report shows them in the reader's language; `message` and `hint` are
  /// their English text(). Empty (no pattern) for errors and notes, which
  /// stay English: they are read by CI in the FILE:LINE:COLUMN form.
  Phrase message_phrase{};
  Phrase hint_phrase{};
};

/// Collects diagnostics for one file. Keeps at most kMaxKept; later ones
/// are only counted (a file of 60 000 unknown keys must not take minutes to
/// report), and note_dropped() adds a closing note saying how many.
class Diagnostics {
 public:
  static constexpr size_t kMaxKept = 1000;

  explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

  void error(SourceLoc loc, std::string path, std::string message, std::string hint = {});
  void warning(SourceLoc loc, std::string path, std::string message, std::string hint = {});
  /// A warning a front end can translate: message and hint are the English
  /// text() of the phrases, which the diagnostic keeps.
  void warning(SourceLoc loc, std::string path, Phrase message, Phrase hint = {});
  void add(Diagnostic d);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::vector<Diagnostic>& all() { return items_; }
  /// Counts include diagnostics that were dropped past kMaxKept.
  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
  /// Diagnostics counted but not kept.
  size_t dropped() const { return dropped_; }
  /// Appends "N more problems not shown" (a note) when some were dropped.
  void note_dropped();
  const std::string& file() const { return file_; }
  /// Sorts by line, then column, keeping the order of equal positions.
  void sort();

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
  size_t dropped_ = 0;
  int dropped_errors_ = 0, dropped_warnings_ = 0;
};

/// Renders `FILE:LINE:COLUMN: error: MESSAGE [at PATH]` (`error: MESSAGE` when
/// there is no file) followed by the source line with a caret under the
/// column and a `hint:` line when there is one.
/// `source` is the whole file text (may be empty: then no source line).
std::string format_diagnostic(const Diagnostic& d, std::string_view source, bool color = false);

/// The 1-based line `line` of `source`, without its newline ("" if absent).
std::string_view source_line(std::string_view source, int line);

/// `s` with control characters shown as escapes (\n, \t, \x1B, ...), for
/// quoting input in one-line messages: printable("a\nb") == "a\\nb".
std::string printable(std::string_view s);

/// Levenshtein-based suggestion: the closest of `candidates` to `word`, or ""
/// when none is close enough to be a plausible typo.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// An error the user must fix (bad input, bad option). Carries diagnostics.
struct InputError {
  std::vector<Diagnostic> diagnostics;
};

}  // namespace gevinst
