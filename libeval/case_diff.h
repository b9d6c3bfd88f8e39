// Two versions of a case compared (docs/cli.md, "diff"): the inputs that
// changed, the results that changed, and the NPV change attributed to each
// changed input, by the Shapley value over hybrid cases (some changes
// applied, the others not) for up to kMaxExactInputs inputs, sequentially
// in file order above that.
//
//   CaseDiff d = diff_cases(old_text, "main:kol.yaml", new_text, "kol.yaml", {});
//   d.npv_change()                 // NEW's NPV - OLD's NPV (selected perspective)
//   d.attribution[0].npv_change    // the share of the first changed input
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libeval/model.h"

namespace gevinst {

/// One changed input, at its YAML path.
struct InputChange {
  enum class Kind { changed, added, removed };
  Kind kind = Kind::changed;
  std::string path;  ///< e.g. parameters.patients.value, costs[2].amount (index in NEW; in OLD when removed)
  std::string item;  ///< the id of the list item it is in or is ("" when none)
  std::optional<std::string> old_value,
      new_value;            ///< as written (flow style for a whole part); none if absent
  bool structural = false;  ///< an item or parameter added or removed, the horizon or start year changed
  bool descriptive =
      false;  ///< text only (labels, sources, units, descriptions, the case section): not attributed
};
const char* to_string(InputChange::Kind k);

/// A result of both versions; a missing value is one the version has not
/// (no IRR, no SROI section).
struct ResultChange {
  std::string name;  ///< npv.budget, npv.organisation, npv.society, bcr, irr, payback_years, ...
  std::optional<double> old_value, new_value;
  std::optional<double> change() const {
    if (old_value && new_value) return *new_value - *old_value;
    return std::nullopt;
  }
  bool changed() const { return old_value != new_value; }
};

/// The NPV change of one attributed input: one change, or changes that
/// only apply together (a parameter added and the item that uses it).
struct Attribution {
  std::string input;            ///< the paths, joined by " + "
  std::vector<size_t> changes;  ///< indices into CaseDiff::inputs
  double npv_change = 0;
};

struct CaseDiff {
  std::string old_file, new_file, currency = "DKK";
  Perspective perspective = Perspective::organisation;
  std::vector<InputChange> inputs;
  std::vector<ResultChange> results;  ///< every result, changed or not, in a fixed order
  double npv_old = 0, npv_new = 0;    ///< under `perspective`
  enum class Method { none, shapley, sequential, whole };
  Method method = Method::none;
  std::vector<Attribution> attribution;  ///< sums to npv_change() up to rounding
  std::vector<std::string> notes;        ///< plain-language remarks (e.g. why attributed as a whole)
  double npv_change() const { return npv_new - npv_old; }
  /// The result named `name`, or nullptr.
  const ResultChange* result(std::string_view name) const;
};
const char* to_string(CaseDiff::Method m);

struct DiffOptions {
  Perspective perspective = Perspective::organisation;
  int threads = 0;     ///< for the hybrid evaluations; 0 = all cores
  int max_exact = 12;  ///< Shapley up to this many inputs, sequential above
};

/// The names of CaseDiff::results, in their order: npv.budget,
/// npv.organisation, npv.society, bcr, irr, payback_years,
/// discounted_payback_years, fte, sroi_ratio, loans.paid, loans.interest,
/// loans.forgiven, grants.total.
const std::vector<std::string>& diff_result_names();

/// The named numbers a condition on a diff may use (docs/cli.md, "gevinst
/// diff"): npv_old, npv_new, npv_change (the selected perspective),
/// inputs_changed (inputs other than text), and for every result R (dots as
/// underscores: npv_society, bcr, loans_forgiven, ...) R_old, R_new and
/// R_change; a value a version has not is nullopt.
std::vector<std::pair<std::string, std::optional<double>>> diff_quantities(const CaseDiff& d);

/// Compares two case texts (named as they should appear). Throws InputError
/// with the diagnostics of a version that does not load, or of one that
/// cannot be evaluated.
CaseDiff diff_cases(std::string_view old_text, const std::string& old_name, std::string_view new_text,
                    const std::string& new_name, const DiffOptions& opt = {});

}  // namespace gevinst
