// The one way the CLI speaks on standard error (in the style of ninja's
// Error()/Warning()): "gevinst: error: ..." and diagnostics as
// FILE:LINE:COLUMN: error: MESSAGE with the source line they point at.
#pragma once

#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/render/provenance.h"
#include "libeval/case_files.h"
#include "libeval/diagnostics.h"
#include "libeval/loader.h"

namespace gevinst::cli {

/// "gevinst: error: MESSAGE" on standard error.
void error(std::string_view message);
template <class... Args>
void error(fmt::format_string<Args...> f, Args&&... args) {
  error(std::string_view(fmt::format(f, std::forward<Args>(args)...)));
}

/// "gevinst: warning: MESSAGE" on standard error.
void warning(std::string_view message);

/// "gevinst: note: MESSAGE" on standard error (callers skip it under --quiet).
void note(std::string_view message);

/// MESSAGE as it is on standard error: what a command did ("wrote FILE").
void info(std::string_view message);

/// "gevinst: internal error: WHAT" and a request to report it: a bug.
void internal_error(std::string_view what);

/// The text of every file a run has read, by the name its diagnostics carry,
/// so that an error found while computing still shows its source line.
class Sources {
 public:
  void add(const std::string& file, std::string text) { texts_[file] = std::move(text); }
  /// A file as read: its text, and the text of the case a rollout or
  /// actuals file names under that case's name.
  void add(const CaseFile& f);
  /// The text of `file`; empty when it was not read.
  std::string_view of(const std::string& file) const;
  /// Every file read, by path, with the SHA-256 of its text (provenance).
  std::vector<Provenance::File> files() const;

 private:
  std::map<std::string, std::string> texts_;
};

/// Prints diagnostics to standard error, each with the line of `source` it
/// points at (colour on a terminal unless NO_COLOR is set).
void print_diagnostics(const std::vector<Diagnostic>& diags, std::string_view source);
/// The same, with each diagnostic's line found in `sources` by its file.
void print_diagnostics(const std::vector<Diagnostic>& diags, const Sources& sources);

/// The diagnostic for a case id that an earlier file already has
/// (docs/cli.md, "Case ids across files"), at the later file's case.id:
/// a warning in validate and batch, an error in portfolio.
/// `path` is the later file, `loc` its case.id, `first` the earlier file.
Diagnostic duplicate_id_diagnostic(const std::string& id, const std::string& first, const std::string& path,
                                   SourceLoc loc, Severity severity);

/// Loads a case (no lints). On errors prints them and returns nullopt; else
/// keeps its text in `sources`.
std::optional<LoadResult> load_case_or_report(const std::string& path, Sources& sources);

}  // namespace gevinst::cli
