// A validation run in its three formats: text (diagnostics with their
// source lines, then a summary), json (docs/cli.md, "validate": files[] with
// path, valid, diagnostics[]) and github (workflow-command annotations).
#pragma once

#include <string>
#include <vector>

#include "cli/render/format.h"
#include "libeval/case_files.h"

namespace gevinst::cli {

/// One file's outcome: the file as read and whether it passes.
struct FileCheck {
  CaseFile file;
  bool valid = false;
};

struct ValidationStyle {
  Format format = Format::text;
  bool quiet = false;   ///< text: what fails (errors; warnings too with strict), and the summary only when
                        ///< something is invalid
  bool strict = false;  ///< the summary says that warnings fail
};

std::string validation_report(const std::vector<FileCheck>& checks, const ValidationStyle& style);

}  // namespace gevinst::cli
