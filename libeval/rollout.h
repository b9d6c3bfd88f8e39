// Scale or explain (docs/case-format.md, "Rollouts"): the solution case
// evaluated for each unit (region, municipality) with the unit's parameters,
// every criterion's outcome, the verdict, the recorded decision and the
// compliance finding, and for an `explain` verdict a drafted explanation from
// the unit's figures.
//
//   RolloutOptions opt;
//   opt.today = "2027-07-01";
//   RolloutResult r = evaluate_rollout(rollout, solution, opt);
//   r.units[0].verdict == Verdict::explain;   r.units[0].explanation
//   // "NPV −1.2 mio. kr. at 900 patients; breaks even at 1,340 patients."
//   r.non_compliant                           // units failing the principle
//
// Conventions:
// - A unit's parameters: the solution's values, then the unit's overrides as
//   written, then per-capita parameters: value = national value x population /
//   total population, where the national value is the named parameter's value
//   for the unit (after its overrides) and the total population is
//   RolloutOptions::total_population (the units preset's total) or, when
//   unset, the sum of the populations of the rollout's units.
// - Results are those of the business case under the options' perspective
//   (organisation by default), the capacity section (fte = largest annual
//   FTE) and the SROI section; criteria read them by the names of
//   criterion_result_names(). A result that does not exist (no IRR, no
//   payback, no sroi section, no evidence level, no population) is null, and a
//   criterion reading a null result fails with the reason.
// - Verdict: scale when every criterion holds, else explain.
// - A units preset that had ended on the day judged (dk-regions-2024 from
//   1 January 2027) gives a note, and so does each unit its replacement lacks.
// - Compliance: non-compliant when the verdict is scale and the decision is
//   declined without an explanation, or the decision is pending and today is
//   after review_due (ISO dates compare as text).
// - A unit whose parameters break the solution (an input error while it is
//   evaluated) gets its errors recorded and no verdict; the other units are
//   still assessed, and the run fails (errors > 0).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libeval/model.h"
#include "libeval/phrase.h"

namespace gevinst {

enum class Verdict { scale, explain };
const char* to_string(Verdict v);
const char* to_string(Decision::Status s);

/// True for a day that exists written as YYYY-MM-DD (Gregorian calendar).
bool is_iso_date(std::string_view s);

/// One criterion for one unit.
struct CriterionOutcome {
  std::string criterion;  ///< the text as written
  bool holds = false;
  /// Why it fails when a result it reads is null or it cannot be computed,
  /// e.g. "irr is null: the net series has no sign change"; an empty pattern
  /// otherwise.
  Phrase reason;
};

/// The results a criterion can read, aligned with criterion_result_names();
/// null where the result does not exist, with the reason in `null_reasons`.
struct UnitResults {
  std::vector<std::optional<double>> values;
  std::vector<Phrase> null_reasons;
  std::optional<double> get(std::string_view name) const;
};

struct UnitAssessment {
  std::string id, label;
  std::optional<double> population;
  std::optional<double> population_share;  ///< population / total population, when both are known
  Overrides overrides;                     ///< what was applied to the solution (explicit, then per capita)
  std::vector<double> params;              ///< the solution's parameter values for this unit
  UnitResults results;
  std::vector<CriterionOutcome> criteria;
  Verdict verdict = Verdict::explain;
  std::vector<std::string> failed_criteria;  ///< texts of the criteria that fail
  Decision decision;
  bool compliant = true;
  Phrase compliance_note;  ///< why it is non-compliant; an empty pattern when compliant
  /// Drafted when the verdict is explain: one sentence per failed criterion,
  /// e.g. "NPV −1.2 mio. kr. at 900 patients; breaks even at 1,340 patients".
  std::vector<Phrase> explanation;
  double npv = 0;             ///< money (the case's currency), under the perspective
  std::optional<double> fte;  ///< FTE freed at full effect; null without a capacity section
  /// Set when the solution cannot be evaluated with this unit's parameters
  /// (e.g. a division by zero at its values): the unit then has no results,
  /// no verdict and no compliance finding (verdict, compliant and npv are
  /// reported as null); it counts in RolloutResult::errors, and the other
  /// units go on.
  std::vector<Diagnostic> errors;
  /// Set when the unit no longer exists on the day judged (a units preset
  /// past its valid_until whose replacement lacks the unit), e.g.
  /// "no longer a unit after 2026-12-31: not in units preset dk-regions-2027";
  /// an empty pattern otherwise.
  Phrase note;
};

struct RolloutOptions {
  std::string today;  ///< YYYY-MM-DD; compliance is judged against it
  Perspective perspective = Perspective::organisation;
  std::optional<double> total_population;  ///< the units preset's total; unset = sum over the units
  bool explain = true;                     ///< draft explanations (break-even searches cost evaluations)
};

struct RolloutResult {
  std::string file, title, solution, case_id, lead_unit, review_due, units_preset, today, currency = "DKK";
  Perspective perspective = Perspective::organisation;
  std::optional<double> total_population;
  std::vector<std::string> criteria;
  std::vector<UnitAssessment> units;
  int non_compliant = 0;  ///< units failing the principle (units with errors are not judged)
  int errors = 0;         ///< units that could not be evaluated (UnitAssessment::errors)
  /// About the rollout as a whole, e.g. that its units preset had ended on
  /// the day judged (see units_preset_note()).
  std::vector<Phrase> notes;
};

/// A note when `today` is after the units preset's valid_until (the units
/// preset dk-regions-2024 from 2027-01-01): what changed and which preset
/// replaces it; an empty pattern otherwise (no preset, no end date, or not
/// yet ended). The preset's `change` sentence is a nested phrase whose
/// pattern is that sentence, so a catalogue can translate it too.
Phrase units_preset_note(const std::string& units_preset, const std::string& today);

/// The overrides that make the solution the unit's case: the unit's own,
/// then its per-capita parameters (see the file comment). Throws InputError
/// when a per-capita parameter has no population or total to scale by.
Overrides unit_overrides(const Case& solution, const RolloutUnit& unit,
                         std::optional<double> total_population);

/// Compliance of one unit (docs/case-format.md, "Verdict and compliance");
/// returns the reason it is non-compliant, or an empty pattern when it is
/// compliant.
Phrase compliance_finding(Verdict v, const Decision& d, const std::string& review_due,
                          const std::string& today);

/// Drafts the explanation of an explain verdict, one sentence per failed
/// criterion, from the unit's figures (currency as in the case; "mio." =
/// million; docs/case-format.md, "Drafted explanations"):
///   a comparison of a result that depends on the parameters (npv, irr, bcr,
///   payback_years, fte, sroi_ratio, ...) with a number, when the unit has a
///   lever: "NPV −1.2 mio. kr. at 900 patients; breaks even at 1,340
///   patients" (break_even() on the lever with the unit's other parameters
///   held; "reaches X at ..." for another target);
///   without a lever, or for evidence and population: "payback 7.3 years
///   (needs payback_years <= 6)";
///   a parameter compared with a number: "patients 800 (needs $patients >= 1000)";
///   a criterion over a null result: `"irr >= 0.04" fails: irr is null: ...`;
///   anything else: `"$patients * 2 > 100" does not hold (patients 800)`.
/// The lever is the actionable parameter with the largest elasticity of the
/// criterion's result. Actionable: the parameters the unit overrides itself
/// and those the solution gives a low/high or a distribution, except the
/// unit's per-capita parameters and every national figure a unit scales per
/// capita (`per_capita_of`), which are facts of the unit's population.
std::vector<Phrase> draft_explanation(const Case& solution, const Rollout& rollout, const RolloutUnit& unit,
                                      const UnitAssessment& a, const RolloutOptions& opt);

/// Evaluates every unit. Throws InputError (naming the unit) when the case
/// cannot be evaluated with a unit's parameters.
RolloutResult evaluate_rollout(const Rollout& r, const Case& solution, const RolloutOptions& opt);

}  // namespace gevinst
