// Internal to the loader: the pieces of load_case_document, one per section.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "libeval/detail/load_reader.h"
#include "libeval/loader.h"

namespace gevinst {

/// The case's calendar: years first..last. When the assumptions are broken
/// (`valid` false) years are not range-checked, to avoid follow-on errors.
struct Timeline {
  int first = 0, last = 0;
  bool valid = false;
};

std::optional<int> read_year(Reader& r, const YNode* n, const std::string& path, const Timeline& tl,
                             bool key = false);
/// A profile/adoption: {year: share, ...} or {linear: {from, years}} or {logistic: {midpoint, steepness}}.
Profile read_profile(Reader& r, const YNode* n, const std::string& path, const Timeline& tl);
/// A list of ids: `[a, b]` or a single `a`.
std::vector<std::string> read_id_list(Reader& r, const YNode* n, const std::string& path);

/// A date YYYY-MM-DD naming a day that exists; a located error otherwise.
std::optional<std::string> read_date(Reader& r, const YNode* n, const std::string& path);

/// The case another document names (a rollout's solution, the plan of
/// actuals), its path relative to that document's `file`.
struct ReferencedCase {
  std::optional<Case> model;  ///< set when it loaded without errors
  std::string written, path, source;
};
/// Loads the case named by the scalar `n` (at key `key`). When it cannot be
/// read or is invalid: an error at `n` ("the {noun} '...' is invalid (N
/// errors)", relative to the `{document}` file) and its own errors appended
/// to `case_diags`, for the caller to list after its own.
ReferencedCase load_referenced_case(Reader& r, const YNode* n, const std::string& key,
                                    const std::string& file, const LoadOptions& opt, std::string_view noun,
                                    std::string_view document, std::vector<Diagnostic>& case_diags);

/// What the names of a criterion mean: `resolve` maps them to slots; `bare`
/// (the bare names) and `parameters` feed the "did you mean" of an unknown
/// name; `hint` is the hint of other errors, `unknown_hint` of an unknown
/// bare name without a close match; `owner` names whose parameters they are
/// ("solution's", "case's").
struct CriterionNames {
  NameResolver resolve;
  std::vector<std::string> bare, parameters;
  std::string hint, unknown_hint, owner;
};
/// Compiles the criterion text at `it`; a located error (at the offending
/// token when the source shows it verbatim) and nullopt when it does not.
std::optional<Criterion> compile_criterion(Reader& r, const YNode* it, const std::string& path,
                                           const CriterionNames& names);

/// `follow_up:` and `stage_gates:` of a case (docs/case-format.md, "Follow-up").
void load_follow_up(Reader& r, const YNode* n, Case& c);
void load_stage_gates(Reader& r, const YNode* n, const Timeline& tl, Case& c);

/// The case's structure, section by section, into `c`; the checks across
/// sections follow in check_loaded_case (lint.h).
void load_case_document(Reader& r, const YNode* root, Case& c);
void load_flows(Reader& r, const YNode* n, const std::string& section, bool costs, const Timeline& tl,
                Case& c);
void load_capacity(Reader& r, const YNode* n, const Timeline& tl, Case& c);
void load_sroi(Reader& r, const YNode* n, const Timeline& tl, Case& c);
void load_financing(Reader& r, const YNode* n, const Timeline& tl, Case& c);
/// Parties, staff groups, flow ids in financing, unique ids.
void check_references(Reader& r, const YNode* root, Case& c);
/// Evaluates every numeric field at base values (and under every scenario)
/// and checks its constraint: shares in [0, 1], rates > -1, finiteness; a
/// distribution argument must not use a random parameter. Returns the base
/// parameter values, or nullopt when the structure is broken or they cannot
/// be computed (then later value checks would only repeat errors).
std::optional<std::vector<double>> check_values(Reader& r, Case& c);
/// A parameter's low must not exceed its high (at base values).
void check_low_high(Reader& r, const Case& c, const std::vector<double>& base);
/// Warnings: no operating cost, no realisation profile, parameter without source.
void lint_case(Reader& r, const YNode* root, const Case& c);

}  // namespace gevinst
