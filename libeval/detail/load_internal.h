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
