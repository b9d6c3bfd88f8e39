// Social return on investment (spec section 8): outcomes valued with
// financial proxies, net of deadweight, attribution, displacement and
// drop-off, discounted with the case's discount factors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "libeval/model.h"

namespace gevinst {

/// One outcome over the horizon (index t = year - start_year), money.
///   gross(k)  = quantity x proxy
///   impact(k) = gross x (1 - deadweight) x (1 - attribution) x (1 - displacement) x (1 - drop_off)^k
/// for k = 0 .. duration-1 after `start`, inside the horizon.
struct OutcomeResult {
  std::string id, stakeholder, indicator;
  std::vector<double> gross, impact, pv;  ///< per horizon year
  double pv_value = 0;                     ///< sum of pv
};

struct StakeholderTotal {
  std::string stakeholder;
  double pv_value = 0;
};

/// The ratio with one adjustment changed, for the sensitivity table.
struct SroiSensitivityRow {
  std::string factor;   ///< "deadweight", "attribution", "displacement", "drop_off", "duration"
  std::string change;   ///< "0", "+0.25", "-1 year"
  double ratio = 0;
};

struct SroiResult {
  std::string case_id;
  double pv_value = 0;
  double investment = 0;
  bool investment_auto = true;  ///< investment = PV of all costs
  double ratio = 0;             ///< pv_value / investment
  double net_ratio = 0;         ///< (pv_value - investment) / investment
  std::optional<double> payback_months;  ///< investment / monthly impact of the first full year
  std::vector<OutcomeResult> outcomes;
  std::vector<StakeholderTotal> stakeholders;
  std::vector<SroiSensitivityRow> sensitivity;
  std::vector<std::string> warnings;  ///< e.g. the same stakeholder and indicator twice
};

struct SroiOptions {
  Overrides overrides;
  bool sensitivity = true;
};

/// Throws InputError when the case has no sroi section or a value fails.
SroiResult evaluate_sroi(const Case& c, const SroiOptions& opt = {});

}  // namespace gevinst
