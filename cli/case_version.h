// One version of a case for `diff` (docs/cli.md, "gevinst diff"): a file,
// `-` (standard input), or REV:PATH read from git with `git show REV:PATH`
// (git runs with an argument vector, never through a shell).
#pragma once

#include <optional>
#include <string>

#include "libeval/diagnostics.h"

namespace gevinst::cli {

struct CaseVersion {
  std::string name;  ///< as diagnostics and the report name it: the path, "<stdin>" or REV:PATH
  std::string text;
};

/// True when `arg` names a git revision's file: it is not an existing file
/// or "-", and it has a ':' after its first character.
bool is_revision_path(const std::string& arg);

/// Reads `arg`. On failure returns nullopt with the reason in `diag` (its
/// file is `arg`): a file that cannot be read, or git's own message when it
/// cannot resolve REV:PATH.
std::optional<CaseVersion> read_case_version(const std::string& arg, Diagnostic& diag);

}  // namespace gevinst::cli
