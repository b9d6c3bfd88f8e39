// Reports (docs/cli.md, "report"): several result documents arranged for a
// reader who decides, with charts, in one Document that the HTML and
// Markdown renderers draw. A case report has a decision summary in plain
// words, costs and benefits per year, who pays and who gains, capacity
// release, SROI, financing, sensitivity, the simulation when one was run,
// the parameters, notes and warnings, and the provenance block; a rollout
// report has one row per unit and a chart of each unit against the criteria.
//
//   Document d = case_report(inputs, provenance, Style{NumberLocale::da, &Catalogue::danish()});
//   std::string html = render_html(d, Language::da);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "cli/render/repay.h"
#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/diagnostics.h"
#include "libeval/model.h"
#include "libeval/rollout.h"
#include "libeval/sensitivity.h"
#include "libeval/simulate.h"
#include "libeval/sroi.h"

namespace gevinst::cli {

/// What a case report shows: the results the command computed. Sections
/// whose result is absent (a case without capacity, no simulation asked
/// for) are left out.
struct CaseReportInputs {
  const Case* model = nullptr;  ///< the case: its parameters with ranges and sources
  BusinessCase business_case;
  std::optional<CapacityResult> capacity;
  std::optional<SroiResult> sroi;
  std::optional<RepayReport> financing;
  std::optional<SensitivityResult> sensitivity;
  std::optional<SimulationResult> simulation;
  std::vector<Diagnostic> warnings;  ///< lint warnings of the case file
};

Document case_report(const CaseReportInputs& in, const Provenance& p, const Style& st);
Document rollout_report(const RolloutResult& r, const Provenance& p, const Style& st);

/// The decision summary's reading in plain words: what the case costs and
/// returns, whether it pays back, and where the perspectives disagree.
std::string plain_reading(const BusinessCase& bc, const Style& st);

/// The provenance block of a report: tool version, each file with its
/// SHA-256, perspective, scenario, overrides and seed.
Facts provenance_facts(const Provenance& p, const Style& st);

/// Appends `part`'s blocks to `d` under a heading `title` (level 2), its
/// own title dropped and its headings one level down.
void append_part(Document& d, const std::string& title, const Document& part);

}  // namespace gevinst::cli
