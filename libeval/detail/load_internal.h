// Internal to the loader: the pieces of load_case_document, one per section.
#pragma once

#include <string>

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

void load_case_document(Reader& r, const YNode* root, Case& c, const LoadOptions& opt);
void load_flows(Reader& r, const YNode* n, const std::string& section, bool costs, const Timeline& tl,
                Case& c);
void load_capacity(Reader& r, const YNode* n, const Timeline& tl, Case& c);
void load_sroi(Reader& r, const YNode* n, const Timeline& tl, Case& c);
void load_financing(Reader& r, const YNode* n, const Timeline& tl, Case& c);
/// Parties, staff groups, flow ids in financing, unique ids.
void check_references(Reader& r, const YNode* root, Case& c);
/// Evaluates every numeric field at base values (and under every scenario)
/// and checks its constraint: shares in [0, 1], rates > -1, finiteness.
void check_values(Reader& r, Case& c);
/// Warnings: no operating cost, no realisation profile, parameter without source.
void lint_case(Reader& r, const YNode* root, const Case& c);

}  // namespace gevinst
