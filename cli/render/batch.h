// Batch records as they stream: jsonl (one record per line, each with its
// file's SHA-256), csv (a row per record), json (records, then totals and
// provenance) are written as each record is ready;
// table and md keep a display row per record and print totals at the end;
// junit keeps a test case per record and writes them at the end.
// Keys are the contract's (docs/cli.md, "batch").
#pragma once

#include <string>

#include "cli/render/document.h"
#include "cli/render/junit.h"
#include "libeval/batch.h"

namespace gevinst::cli {

class BatchWriter {
 public:
  /// `perspective` is the one the records' NPVs are under (provenance).
  BatchWriter(Format f, NumberLocale loc, Perspective perspective);
  /// What goes before the first record.
  std::string begin() const;
  /// What one record adds to the output now (empty for table and md).
  std::string add(const BatchRecord& r);
  /// What goes after the last record.
  std::string end(const BatchTotals& totals) const;

 private:
  Format format_;
  NumberLocale loc_;
  bool first_ = true;
  Table table_;  // table and md: display rows only (a few hundred bytes per case)
  std::vector<std::string> errors_;
  Provenance provenance_;  // json: the files as they stream
  JUnitSuite junit_;       // junit: one test case per record (the counts come first, so it waits for the end)
};

}  // namespace gevinst::cli
