// Batch evaluation (docs/cli.md, "gevinst batch"): one small record of headline
// results per case file, so thousands of cases can be streamed.
//
//   BatchRecord r = batch_record("cases/kol.yaml");
//   r.status == BatchStatus::ok ? *r.npv : r.error   // error: "FILE:LINE:COLUMN: error: MESSAGE"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "libeval/loader.h"
#include "libeval/model.h"

namespace gevinst {

/// ok: evaluated; invalid: the file does not load (syntax, schema, missing
/// file); error: it loads but a value cannot be computed (division by zero,
/// an SROI investment that is not positive). not_a_case: a rollout document
/// (format gevinst-rollout/1), actuals (gevinst-actuals/1) or portfolio
/// constraints (gevinst-portfolio/1), which batch skips.
enum class BatchStatus { ok, invalid, error, not_a_case };
const char* to_string(BatchStatus s);

/// Headline results of one case file. Money is in the case's currency,
/// discounted to its start_year, under the perspective of the options.
struct BatchRecord {
  std::string path;    ///< as listed ("<stdin>" for "-")
  std::string id;      ///< case.id; empty when the file did not load
  std::string sha256;  ///< of the file's bytes (provenance); empty when it could not be read
  BatchStatus status = BatchStatus::invalid;
  DocumentKind kind = DocumentKind::unknown;  ///< the other document's kind when not_a_case
  std::optional<double> npv;                  ///< money
  std::optional<double> irr;                  ///< rate per year; null when it does not exist
  std::optional<double> bcr;                  ///< pv_benefits / pv_costs; null when pv_costs = 0
  std::optional<double> payback_years;        ///< years from start_year; null when it never pays back
  std::optional<double> fte;                  ///< FTE freed at full effect; null without a capacity section
  std::optional<double> sroi_ratio;           ///< null without an sroi section
  std::string error;  ///< first error as "FILE:LINE:COLUMN: error: MESSAGE (at PATH)"; empty when ok
};

/// Totals over records: counts by status, and sums of NPV and FTE over the
/// records that have them (money in the cases' currencies; FTE at full effect).
struct BatchTotals {
  size_t cases = 0, ok = 0, invalid = 0, error = 0;
  /// Documents that are not cases (not counted as cases), by kind.
  size_t skipped_rollouts = 0, skipped_actuals = 0, skipped_portfolios = 0;
  double npv = 0, fte = 0;
  void add(const BatchRecord& r);
};

struct BatchOptions {
  Perspective perspective = Perspective::organisation;
};

struct CaseFile;

/// Evaluates a file read by read_case_file. Never throws for bad input.
BatchRecord batch_record(const CaseFile& f, const BatchOptions& opt = {});

/// Loads and evaluates one case given as text (the file is read once and
/// parsed once). Never throws for bad input: problems become the record's
/// status and error.
BatchRecord batch_record_from_text(std::string_view text, const std::string& path,
                                   const BatchOptions& opt = {});

/// The same for a file on disk ("-" reads standard input).
BatchRecord batch_record(const std::string& path, const BatchOptions& opt = {});

/// The first line of a diagnostic: "FILE:LINE:COLUMN: error: MESSAGE (at PATH)",
/// or "FILE: error: MESSAGE" when it has no position.
std::string diagnostic_headline(const Diagnostic& d);

}  // namespace gevinst
