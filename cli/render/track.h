// Follow-up (`gevinst track`, docs/cli.md, "track") as a Document: the
// contract JSON (case.id, as_of, elapsed_years, realisation, cost_ratio,
// items, plan/forecast/realised NPV, brake, gates, loans), the tables of
// items, years, gates and loans; CSV is one row per item and year.
// TrackWriter streams one record per actuals file for directories.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "cli/render/junit.h"
#include "libeval/follow_up.h"

namespace gevinst::cli {

/// The contract keys of one follow-up (docs/cli.md, "track").
Json track_json(const TrackResult& r);

/// The follow-up as a Document in the style's language and number locale
/// (a report draws its chart; the terminal leaves it out).
Document track_document(const TrackResult& r, const Style& st = Style{});

/// One actuals file of a directory run: its result, or why there is none.
struct TrackRecord {
  std::string path, sha256;
  std::string status = "ok";  ///< ok | invalid (does not load) | error (cannot be evaluated)
  std::optional<TrackResult> result;
  std::string error;  ///< the first error, as FILE:LINE:COLUMN: error: MESSAGE
};

/// Records as they stream (like batch): jsonl and csv a line per record,
/// json the records then totals and provenance; table and md a row per
/// record and totals at the end; junit a test case per record, written at
/// the end (docs/cli.md, "JUnit XML").
class TrackWriter {
 public:
  /// `brake_fails`: a brake signal is a JUnit failure (--fail-on-brake).
  /// The table and its totals are in the words of `st` (--lang); the other
  /// formats stay English.
  TrackWriter(Format f, const Style& st, Perspective perspective, bool brake_fails = false);
  std::string begin() const;
  std::string add(const TrackRecord& r);
  std::string end() const;
  int failed() const { return invalid_ + errors_; }
  int braked() const { return brakes_; }

 private:
  Format format_;
  NumberLocale loc_;
  Style style_;
  bool brake_fails_ = false;
  bool first_ = true;
  int records_ = 0, invalid_ = 0, errors_ = 0, brakes_ = 0;
  Table table_;
  std::vector<std::string> messages_;
  Provenance provenance_;
  JUnitSuite junit_;  // junit: one test case per actuals file, written at the end
};

}  // namespace gevinst::cli
