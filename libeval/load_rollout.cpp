// Loading rollout documents (format gevinst-rollout/1, docs/case-format.md,
// "Rollouts").
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "libeval/detail/load_internal.h"
#include "libeval/phrase.h"
#include "libeval/presets.h"

namespace gevinst {

namespace {

// YYYY-MM-DD naming a day that exists (Gregorian leap years).
bool valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

std::optional<std::string> read_date(Reader& r, const YNode* n, const std::string& path) {
  auto s = r.text(n, path);
  if (!s) return std::nullopt;
  if (!valid_date(*s)) {
    r.error(n, path, fmt::format("'{}' is not a date", shorten(*s, 40)),
            "write dates as YYYY-MM-DD (a day that exists), e.g. 2027-06-30");
    return std::nullopt;
  }
  return s;
}

namespace {

void load_decision(Reader& r, const YNode* n, const std::string& path, Decision& d) {
  if (!n) return;
  d.loc = n->loc;
  if (!r.expect_mapping(n, path, "e.g. decision: {status: declined, date: 2026-10-01, explanation: \"...\"}"))
    return;
  r.check_keys(n, path, {"status", "date", "explanation", "by"});
  if (auto s = r.choice(r.require(n, path, "status", "adopted, declined or pending"), path + ".status",
                        {"adopted", "declined", "pending"}))
    d.status = static_cast<Decision::Status>(*s);
  if (auto s = read_date(r, n->find("date"), path + ".date")) d.date = *s;
  if (auto s = r.text(n->find("explanation"), path + ".explanation")) d.explanation = *s;
}

void load_unit(Reader& r, const YNode* n, const std::string& path, const Case* solution,
               const UnitPreset* preset, RolloutUnit& u) {
  u.loc = n->loc;
  u.yaml_path = path;
  r.check_keys(n, path, {"id", "label", "population", "parameters", "decision"});
  if (auto v = r.id(r.require(n, path, "id"), path + ".id")) u.id = *v;
  if (auto v = r.text(n->find("label"), path + ".label")) u.label = *v;
  if (preset && !u.id.empty()) {
    if (const auto* pu = preset->find(u.id)) {
      u.population = pu->population;
      if (u.label.empty()) u.label = pu->label;
    }
  }
  if (const YNode* pop = n->find("population")) {
    auto x = pop->is_scalar() ? parse_number(pop->value) : std::nullopt;
    if (!x || *x <= 0)
      r.error(pop, path + ".population", "population must be a positive number",
              "the unit's inhabitants, e.g. 590000");
    else
      u.population = *x;
  }
  if (const YNode* ps = n->find("parameters")) {
    std::string pp = path + ".parameters";
    if (r.expect_mapping(ps, pp, "overrides of the solution's parameters: {patients: 4100}")) {
      for (const auto& [k, v] : ps->entries) {
        std::string kp = Reader::key_path(pp, k->value);
        int idx = solution ? solution->parameter_index(k->value) : -1;
        if (solution && idx < 0) {
          std::string guess = did_you_mean(k->value, r.parameters());
          r.diags().error(k->loc, kp, fmt::format("the solution has no parameter '{}'", k->value),
                          guess.empty() ? "units override parameters of the solution case"
                                        : fmt::format("did you mean '{}'?", guess));
          continue;
        }
        if (v && v->is_mapping()) {
          r.check_keys(v, kp, {"per_capita_of"});
          auto national = r.text(r.require(v, kp, "per_capita_of", "the national parameter to scale"),
                                 kp + ".per_capita_of");
          if (!national) continue;
          if (solution && solution->parameter_index(*national) < 0) {
            r.error(v->find("per_capita_of"), kp + ".per_capita_of",
                    fmt::format("the solution has no parameter '{}'", *national));
            continue;
          }
          u.per_capita.emplace_back(k->value, *national);
          continue;
        }
        u.parameters.push_back({idx, k->value, r.number(v, kp)});
      }
    }
  }
  if (!u.per_capita.empty() && !u.population)
    // Not "name a units preset" when the rollout names one the unit is not
    // in (docs/case-format.md, "Rollouts").
    r.error(n, path, fmt::format("unit '{}' scales parameters per capita but has no population", u.id),
            preset ? fmt::format("the unit is not in units preset '{}': use one of its unit ids or give "
                                 "population: N",
                                 preset->name)
                   : "name a units preset (units_preset: dk-regions-2024) or give population: N");
  load_decision(r, n->find("decision"), path + ".decision", u.decision);
}

}  // namespace

RolloutLoadResult load_rollout_text(std::string_view text, const std::string& file, const LoadOptions& opt) {
  RolloutLoadResult res;
  res.diags = Diagnostics(file);
  auto doc = parse_yaml(text, res.diags, opt.limits);
  if (!doc) {
    res.source = displayable_text(text, opt.limits);  // for the source line under a syntax error
    return res;
  }
  res.source = doc->text;
  Reader r(res.diags, res.source);
  const YNode* root = doc->root;
  if (!r.expect_mapping(root, "", "a rollout starts with 'format: gevinst-rollout/1'")) return res;
  r.check_keys(
      root, "",
      {"format", "title", "solution", "lead_unit", "review_due", "units_preset", "criteria", "units"});
  const YNode* f = r.require(root, "", "format", "write 'format: gevinst-rollout/1'");
  if (f && !(f->is_scalar() && f->value == "gevinst-rollout/1")) {
    r.error(f, "format", fmt::format("unsupported format '{}'", f->is_scalar() ? f->value : "?"),
            "a rollout file has 'format: gevinst-rollout/1'");
    return res;
  }
  Rollout ro;
  ro.file = file;
  if (auto v = r.text(root->find("title"), "title")) ro.title = *v;
  if (auto v = r.id(root->find("lead_unit"), "lead_unit")) ro.lead_unit = *v;
  if (auto v = read_date(r, root->find("review_due"), "review_due")) ro.review_due = *v;

  // The solution case, relative to this file. Its own errors are listed
  // after the rollout's, under its file name.
  std::vector<Diagnostic> solution_diags;
  const YNode* sol =
      r.require(root, "", "solution", "the path of the solution's case file, relative to this file");
  ReferencedCase rc =
      load_referenced_case(r, sol, "solution", file, opt, "solution case", "rollout", solution_diags);
  ro.solution = rc.written;
  ro.solution_path = rc.path;
  if (sol) ro.solution_loc = sol->loc;
  res.solution_source = std::move(rc.source);
  res.solution = std::move(rc.model);
  std::vector<std::string> pnames;
  if (res.solution)
    for (const auto& p : res.solution->parameters) pnames.push_back(p.name);
  r.set_parameters(pnames);

  std::optional<UnitPreset> preset;
  if (const YNode* up = root->find("units_preset")) {
    if (auto s = r.text(up, "units_preset")) {
      preset = unit_preset(*s);
      ro.units_preset = *s;
      if (!preset) {
        auto names = unit_preset_names();
        std::string guess = did_you_mean(*s, names);
        r.error(up, "units_preset", fmt::format("unknown units preset '{}'", *s),
                guess.empty() ? fmt::format("presets: {}", fmt::join(names, ", "))
                              : fmt::format("did you mean '{}'?", guess));
      }
    }
  }

  // Criteria: bare names are results, $names the solution's parameters.
  const auto& results = criterion_result_names();
  static const std::vector<std::string> levels = {"none", "pilot", "documented", "hta"};
  NameResolver resolve = [&](std::string_view name, bool dollar) -> std::optional<int> {
    if (dollar) {
      // Without a loaded solution its parameters are unknown: accept any
      // name rather than report each one (the solution error says why).
      if (!res.solution) return criterion_param_slot(0);
      for (size_t i = 0; i < pnames.size(); ++i)
        if (pnames[i] == name) return criterion_param_slot(static_cast<int>(i));
      return std::nullopt;
    }
    for (size_t i = 0; i < results.size(); ++i)
      if (results[i] == name) return static_cast<int>(i);
    for (size_t i = 0; i < levels.size(); ++i)
      if (levels[i] == name) return static_cast<int>(results.size() + i);
    return std::nullopt;
  };
  std::vector<std::string> all = results;
  all.insert(all.end(), levels.begin(), levels.end());
  CriterionNames names{resolve,
                       all,
                       pnames,
                       "criteria compare results (npv, fte, ...) and $parameters, e.g. \"npv >= 0\"",
                       fmt::format("results: {}; parameters are written $name", fmt::join(results, ", ")),
                       "solution's"};
  const YNode* crit = r.require(root, "", "criteria", "list the conditions for 'scale', e.g. - \"npv >= 0\"");
  if (crit && r.expect_sequence(crit, "criteria", "e.g. criteria: [\"npv >= 0\", \"fte >= 2\"]")) {
    for (size_t i = 0; i < crit->items.size(); ++i)
      if (auto c = compile_criterion(r, crit->items[i], Reader::index_path("criteria", i), names))
        ro.criteria.push_back(std::move(*c));
  }

  const YNode* units =
      r.require(root, "", "units", "list the units (regions, municipalities) assessing the solution");
  std::set<std::string> seen;
  if (units && r.expect_sequence(units, "units")) {
    for (size_t i = 0; i < units->items.size(); ++i) {
      std::string path = Reader::index_path("units", i);
      if (!r.expect_mapping(units->items[i], path)) continue;
      RolloutUnit u;
      load_unit(r, units->items[i], path, res.solution ? &*res.solution : nullptr,
                preset ? &*preset : nullptr, u);
      if (!u.id.empty() && !seen.insert(u.id).second)
        r.error(units->items[i]->find("id"), path + ".id", fmt::format("duplicate unit id '{}'", u.id),
                "each unit is listed once; merge the two entries");
      if (preset && !u.id.empty() && !preset->find(u.id)) {
        std::vector<std::string> ids;
        for (const auto& pu : preset->units) ids.push_back(pu.id);
        std::string guess = did_you_mean(u.id, ids);
        r.warning(units->items[i]->find("id"), path + ".id",
                  phrase("unit '{}' is not in preset '{}'", {arg::text(u.id), arg::text(preset->name)}),
                  guess.empty()
                      ? phrase("preset units: {}", {arg::text(fmt::format("{}", fmt::join(ids, ", ")))})
                      : phrase("did you mean '{}'?", {arg::text(guess)}));
      }
      ro.units.push_back(std::move(u));
    }
    if (units->items.empty())
      r.error(units, "units", "a rollout needs at least one unit",
              "list the units: - {id: region-hovedstaden}");
  }
  if (!ro.lead_unit.empty() && !seen.count(ro.lead_unit))
    r.warning(root->find("lead_unit"), "lead_unit",
              phrase("lead unit '{}' is not among the units", {arg::text(ro.lead_unit)}));
  res.diags.sort();
  for (auto& d : solution_diags) res.diags.add(std::move(d));
  res.diags.note_dropped();
  if (!res.diags.has_errors()) res.rollout = std::move(ro);
  return res;
}

RolloutLoadResult load_rollout_file(const std::string& path, const LoadOptions& opt) {
  std::string name = path == "-" ? "<stdin>" : path;
  Diagnostics d(name);
  auto text = read_file_text(path, d, opt.limits.max_bytes);
  if (!text) {
    RolloutLoadResult res;
    res.diags = std::move(d);
    return res;
  }
  return load_rollout_text(*text, name, opt);
}

}  // namespace gevinst
