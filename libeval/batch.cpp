#include "libeval/batch.h"

#include <fmt/format.h>

#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/case_files.h"
#include "libeval/loader.h"
#include "libeval/sroi.h"

namespace gevinst {

const char* to_string(BatchStatus s) {
  switch (s) {
    case BatchStatus::ok: return "ok";
    case BatchStatus::invalid: return "invalid";
    case BatchStatus::error: return "error";
    case BatchStatus::not_a_case: return "not_a_case";
  }
  return "";
}

void BatchTotals::add(const BatchRecord& r) {
  if (r.status == BatchStatus::not_a_case) {
    if (r.kind == DocumentKind::rollout_v1) ++skipped_rollouts;
    if (r.kind == DocumentKind::actuals_v1) ++skipped_actuals;
    if (r.kind == DocumentKind::portfolio_v1) ++skipped_portfolios;
    return;
  }
  ++cases;
  if (r.status == BatchStatus::ok) ++ok;
  if (r.status == BatchStatus::invalid) ++invalid;
  if (r.status == BatchStatus::error) ++error;
  if (r.npv) npv += *r.npv;
  if (r.fte) fte += *r.fte;
}

std::string diagnostic_headline(const Diagnostic& d) {
  std::string out = d.loc.line > 0 ? fmt::format("{}:{}:{}: {}: {}", d.file, d.loc.line, d.loc.column,
                                                 severity_name(d.severity), d.message)
                                   : fmt::format("{}: {}: {}", d.file, severity_name(d.severity), d.message);
  if (!d.yaml_path.empty()) out += fmt::format(" (at {})", d.yaml_path);
  return out;
}

namespace {

// The first error of a list (diagnostics are sorted by position), else the first entry.
std::string first_error(const std::vector<Diagnostic>& diags, const std::string& file) {
  for (const auto& d : diags)
    if (d.severity == Severity::error) return diagnostic_headline(d);
  if (!diags.empty()) return diagnostic_headline(diags.front());
  return fmt::format("{}: error: cannot be evaluated", file);
}

}  // namespace

BatchRecord batch_record(const CaseFile& f, const BatchOptions& opt) {
  BatchRecord r;
  r.path = f.path;
  r.sha256 = f.sha256;
  if (f.is_other_document()) {
    r.status = BatchStatus::not_a_case;
    r.kind = f.kind;
    return r;
  }
  if (!f.model) {
    r.status = BatchStatus::invalid;
    r.error = first_error(f.diags, f.path);
    return r;
  }
  const Case& c = *f.model;
  r.id = c.info.id;
  try {
    EvaluateOptions eo;
    eo.perspective = opt.perspective;
    BusinessCase bc = evaluate_case(c, eo);
    const Metrics& m = bc.selected();
    r.npv = m.npv;
    r.irr = m.irr;
    r.bcr = m.bcr;
    r.payback_years = m.payback_years;
    if (c.capacity.present) r.fte = evaluate_capacity(c).total.fte;
    if (c.sroi.present) {
      SroiOptions so;
      so.sensitivity = false;
      r.sroi_ratio = evaluate_sroi(c, so).ratio;
    }
    r.status = BatchStatus::ok;
  } catch (const InputError& e) {
    // A value that cannot be computed: keep the id, drop partial results.
    BatchRecord failed;
    failed.path = f.path;
    failed.id = r.id;
    failed.status = BatchStatus::error;
    failed.error = first_error(e.diagnostics, f.path);
    return failed;
  }
  return r;
}

BatchRecord batch_record_from_text(std::string_view text, const std::string& path, const BatchOptions& opt) {
  // Lints never change a record: case_file_from_text skips them.
  return batch_record(case_file_from_text(std::string(text), path), opt);
}

BatchRecord batch_record(const std::string& path, const BatchOptions& opt) {
  return batch_record(read_case_file(path), opt);
}

}  // namespace gevinst
