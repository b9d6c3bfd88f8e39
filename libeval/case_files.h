// Reading a set of case files: paths -> files (directories searched), each
// file read once, its kind sniffed, loaded with its diagnostics and the text
// they point into. Every multi-file command uses this.
//
//   for (const auto& path : expand_paths({"cases/"})) {
//     CaseFile f = read_case_file(path, {.lints = true});
//     f.kind == DocumentKind::case_v1 && f.model ? use(*f.model) : report(f.diags);
//   }
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "libeval/diagnostics.h"
#include "libeval/loader.h"
#include "libeval/model.h"

namespace gevinst {

/// Files named directly are kept as given; directories are searched
/// recursively for *.yaml and *.yml. The result is sorted by path and free
/// of duplicates (also of two spellings of one file, compared by canonical
/// path; the spelling of the first argument that reaches it is kept), so
/// every run sees the same order.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths);

/// How directories are searched (docs/cli.md, "Input").
struct ScanOptions {
  /// Globs (fnmatch, `*` also crosses `/`) on a path relative to the searched
  /// directory; a matching file is left out, a matching folder not entered.
  std::vector<std::string> exclude;
};

/// expand_paths with options: folders whose name starts with '.' and
/// node_modules are not entered; *.yaml and *.yml match in any case (.YAML);
/// symbolic links to files are followed, links to folders are not. Each
/// dangling link and skipped folder link is described in `notes` (when
/// given), one sentence each naming the path.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const ScanOptions& opt,
                                      std::vector<std::string>* notes = nullptr);

/// Files that share a case id (docs/cli.md, "Case ids across files"): for
/// each file whose id an earlier file already has, (index of the first file
/// with that id, index of this one). Empty ids (files that did not load) are
/// skipped. duplicate_ids({"a", "b", "a", "", ""}) == {{0, 2}}.
std::vector<std::pair<size_t, size_t>> duplicate_ids(const std::vector<std::string>& ids);

/// A stable shard: keeps files whose index i in the list satisfies
/// i % n == k - 1 (k in 1..n). The union over k = 1..n is the whole list.
std::vector<std::string> shard(const std::vector<std::string>& files, int k, int n);

struct CaseFileOptions {
  bool lints = false;            ///< run the lint warnings too
  bool load_rollouts = false;    ///< load rollout documents (else only their kind is known)
  bool load_actuals = false;     ///< load actuals documents (else only their kind is known)
  bool load_portfolios = false;  ///< load portfolio constraints files (else only their kind is known)
  /// How a document whose format cannot be told is loaded (and so which
  /// errors it gets): as a case, or as a rollout.
  DocumentKind unknown_as = DocumentKind::case_v1;
};

/// One input file, read once: its kind, text and what loading it gave.
struct CaseFile {
  std::string path;                           ///< as listed; "<stdin>" for "-"
  DocumentKind kind = DocumentKind::unknown;  ///< unknown also when it could not be read
  std::string source;                         ///< the file's text
  std::string sha256;                         ///< SHA-256 of the bytes read; empty when unreadable
  std::optional<Case> model;                  ///< a case that loaded without errors
  std::optional<RolloutLoadResult> rollout;   ///< a rollout, with CaseFileOptions::load_rollouts
  std::optional<ActualsLoadResult> actuals;   ///< actuals, with CaseFileOptions::load_actuals
  std::vector<Diagnostic> diags;              ///< all of them, the rollout's solution's included
  int errors = 0, warnings = 0;               ///< counted before Diagnostics drops any past its limit

  bool is_rollout() const { return kind == DocumentKind::rollout_v1; }
  bool is_actuals() const { return kind == DocumentKind::actuals_v1; }
  bool is_portfolio() const { return kind == DocumentKind::portfolio_v1; }
  /// A rollout, actuals or portfolio document: one that may sit beside cases.
  bool is_other_document() const { return is_rollout() || is_actuals() || is_portfolio(); }
  /// The text a diagnostic's line refers to (this file's, or the case a
  /// rollout or actuals file names).
  std::string_view source_of(const Diagnostic& d) const;
};

/// Reads and loads `path` ("-" = standard input). Never throws for bad
/// input: problems are diagnostics.
CaseFile read_case_file(const std::string& path, const CaseFileOptions& opt = {});

/// The same for a text already read, named `path` in diagnostics.
CaseFile case_file_from_text(std::string text, const std::string& path, const CaseFileOptions& opt = {});

}  // namespace gevinst
