// The XLSX workbook of `gevinst report CASE -o OUT.xlsx` (docs/cli.md,
// "report", "The workbook"): a Parameters sheet of named cells and one
// sheet per section whose yearly values are formulas over those cells, so
// an evaluator can audit the case and change it in Excel or LibreOffice.
// Every formula cell also holds gevinst's own result, for viewers that do
// not recalculate. Sheet names, labels and notes are in the Style's
// language; defined names, the Summary's keys and formulas are not.
//
//   WorkbookData d{&c, overrides, "worst", &bc, &capacity, &sroi, nullptr, provenance};
//   if (auto err = write_workbook("case.xlsx", d, Style{})) ... // *err says why
#pragma once

#include <optional>
#include <string>

#include "cli/render/catalogue.h"
#include "cli/render/provenance.h"
#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/model.h"
#include "libeval/simulate.h"
#include "libeval/sroi.h"

namespace gevinst::cli {

/// What the workbook shows: the case as loaded, the overrides in force and
/// the results gevinst computed with them (the cached values). The pointers
/// are the caller's and must outlive write_workbook.
struct WorkbookData {
  const Case* c = nullptr;
  Overrides overrides;   ///< scenario values and --set, in order
  std::string scenario;  ///< its name, or empty
  const BusinessCase* bc = nullptr;
  const CapacityResult* capacity = nullptr;  ///< when the case has a capacity section
  const SroiResult* sroi = nullptr;          ///< when the case has an sroi section
  /// A Monte Carlo run to show beside the formulas (as values: no formula
  /// recomputes it); nullptr without one.
  const SimulationResult* simulation = nullptr;
  Provenance provenance;
};

/// Writes the workbook to `path` (a temporary file in the same directory,
/// renamed over `path` when complete) with the words of `st`. Returns an
/// error text on failure.
std::optional<std::string> write_workbook(const std::string& path, const WorkbookData& d, const Style& st);

}  // namespace gevinst::cli
