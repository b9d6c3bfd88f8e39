// The charts of a report, as data (cli/render/document.h, Chart): each with
// axis labels, units and a text alternative in the style's language.
#pragma once

#include <string>
#include <vector>

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "cli/render/repay.h"
#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/rollout.h"
#include "libeval/sensitivity.h"
#include "libeval/simulate.h"
#include "libeval/sroi.h"

namespace gevinst::cli {

/// Costs, benefits and cumulative net per year (the selected perspective).
Chart cash_flow_chart(const BusinessCase& bc, const Style& st);
/// Each party's NPV incl. transfers, one bar per party.
Chart parties_chart(const BusinessCase& bc, const Style& st);
/// FTE released per year, with target_fte as a rule when the case has one.
Chart capacity_chart(const CapacityResult& r, const Style& st);
/// SROI present value per stakeholder.
Chart sroi_chart(const SroiResult& r, const Style& st);
/// Each loan's closing balance per year.
Chart financing_chart(const RepayReport& r, const Style& st);
/// The tornado: NPV at each parameter's low and high, largest swing first,
/// with the base NPV as a rule.
Chart tornado_chart(const SensitivityResult& r, const std::string& currency, const Style& st);
/// The NPV histogram of a simulation, titled with P(NPV > 0).
Chart histogram_chart(const SimulationResult& r, const std::string& currency, const Style& st);
/// Each unit's NPV (or FTE, `fte`) with the criteria's thresholds on it as rules.
Chart rollout_chart(const RolloutResult& r, bool fte, const Style& st);

/// The threshold of a criterion "NAME OP NUMBER" on result `name` (e.g.
/// "npv >= 0" on "npv" gives 0); nullopt when the criterion has another form.
std::optional<double> criterion_threshold(const std::string& criterion, const std::string& name);

}  // namespace gevinst::cli
