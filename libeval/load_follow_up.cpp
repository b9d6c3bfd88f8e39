// Loading `follow_up:` and `stage_gates:` of a case (docs/case-format.md,
// "Follow-up" and "Stage gates").
#include <fmt/format.h>

#include <set>

#include "libeval/detail/load_internal.h"

namespace gevinst {

void load_follow_up(Reader& r, const YNode* n, Case& c) {
  if (!n) return;
  FollowUp& f = c.follow_up;
  f.present = true;
  f.loc = n->loc;
  if (!r.expect_mapping(n, "follow_up",
                        "e.g. follow_up: {forecast: trend, brake_below: 0.7, brake_years: 2}"))
    return;
  r.check_keys(n, "follow_up", {"forecast", "brake_below", "brake_years"});
  if (auto m = r.choice(n->find("forecast"), "follow_up.forecast", {"plan", "trend", "parameters"}))
    f.forecast = static_cast<ForecastMethod>(*m);
  if (const YNode* b = n->find("brake_below")) {
    auto v = b->is_scalar() ? parse_number(b->value) : std::nullopt;
    if (!v || *v < 0 || *v > 10)
      r.error(b, "follow_up.brake_below", "brake_below must be a literal ratio between 0 and 10",
              "the case-level realisation below which a year counts towards the brake, e.g. 0.7");
    else
      f.brake_below = *v;
  }
  if (const YNode* b = n->find("brake_years")) {
    if (auto v = r.integer(b, "follow_up.brake_years", "a number of years")) {
      if (*v < 1 || *v > 200)
        r.error(b, "follow_up.brake_years", fmt::format("brake_years {} is outside 1..200", *v),
                "how many consecutive elapsed years below brake_below raise the brake, e.g. 2");
      else
        f.brake_years = *v;
    }
  }
}

namespace {

CriterionNames gate_names(const Case& c) {
  std::vector<std::string> pnames;
  for (const auto& p : c.parameters) pnames.push_back(p.name);
  const auto& results = gate_result_names();
  static const std::vector<std::string> levels = {"none", "pilot", "documented", "hta"};
  std::vector<std::string> bare = results;
  bare.insert(bare.end(), levels.begin(), levels.end());
  for (const auto& p : pnames) bare.push_back("actual." + p);
  const int np = static_cast<int>(pnames.size());
  NameResolver resolve = [pnames, np](std::string_view name, bool dollar) -> std::optional<int> {
    if (dollar) {
      for (int i = 0; i < np; ++i)
        if (pnames[static_cast<size_t>(i)] == name) return gate_param_slot(i, np);
      return std::nullopt;
    }
    const auto& res = gate_result_names();
    for (size_t i = 0; i < res.size(); ++i)
      if (res[i] == name) return static_cast<int>(i);
    for (size_t i = 0; i < levels.size(); ++i)
      if (levels[i] == name) return static_cast<int>(res.size() + i);
    if (name.starts_with("actual."))
      for (int i = 0; i < np; ++i)
        if (pnames[static_cast<size_t>(i)] == name.substr(7)) return gate_actual_slot(i);
    return std::nullopt;
  };
  return CriterionNames{
      resolve,
      bare,
      pnames,
      "gate criteria compare follow-up results (realisation, forecast.npv, ...), actual.NAME and $NAME, "
      "e.g. \"realisation >= 0.8\"",
      fmt::format("results: {}; a realised parameter is actual.NAME, a plan parameter $NAME",
                  fmt::join(results, ", ")),
      "case's"};
}

}  // namespace

void load_stage_gates(Reader& r, const YNode* n, const Timeline& tl, Case& c) {
  if (!n) return;
  if (!r.expect_sequence(
          n, "stage_gates",
          "a list of gates: - {id: gate-2, after: 2027, release: {amount: 4.0e6, from: fund, to: "
          "region}, criteria: [\"realisation >= 0.8\"]}"))
    return;
  const CriterionNames names = gate_names(c);
  std::set<std::string> seen;
  for (size_t i = 0; i < n->items.size(); ++i) {
    const YNode* it = n->items[i];
    std::string path = Reader::index_path("stage_gates", i);
    if (!r.expect_mapping(it, path)) continue;
    r.check_keys(it, path, {"id", "label", "description", "after", "release", "criteria"});
    StageGate g;
    g.loc = it->loc;
    g.yaml_path = path;
    if (auto v = r.id(r.require(it, path, "id"), path + ".id")) {
      g.id = *v;
      if (!seen.insert(g.id).second)
        r.error(it->find("id"), path + ".id", fmt::format("duplicate stage gate id '{}'", g.id),
                "each gate has its own id");
    }
    if (const YNode* a = r.require(it, path, "after", "the last year of actuals the gate is judged on"))
      if (auto y = tl.valid ? r.year(a, path + ".after", tl.first, tl.last) : r.integer(a, path + ".after"))
        g.after = *y;
    if (const YNode* rel =
            r.require(it, path, "release", "e.g. release: {amount: 4.0e6, from: fund, to: region}")) {
      std::string rp = path + ".release";
      if (r.expect_mapping(rel, rp)) {
        r.check_keys(rel, rp, {"amount", "from", "to"});
        g.amount = r.number(r.require(rel, rp, "amount"), rp + ".amount", Constraint::nonnegative);
        for (const char* key : {"from", "to"}) {
          const YNode* pn = r.require(rel, rp, key, "a party id");
          auto v = r.id(pn, rp + "." + key);
          if (!v) continue;
          if (!c.party(*v)) {
            std::vector<std::string> ids;
            for (const auto& p : c.parties) ids.push_back(p.id);
            std::string guess = did_you_mean(*v, ids);
            r.error(
                pn, rp + "." + key, fmt::format("unknown party '{}'", *v),
                guess.empty() ? "list the party under parties:" : fmt::format("did you mean '{}'?", guess));
          }
          (std::string_view(key) == "from" ? g.from : g.to) = *v;
        }
        if (!g.from.empty() && g.from == g.to)
          r.error(rel->find("to"), rp + ".to", "a release goes from one party to another",
                  "from and to must be different parties");
      }
    }
    const YNode* crit = r.require(it, path, "criteria", "e.g. criteria: [\"realisation >= 0.8\"]");
    if (crit && r.expect_sequence(crit, path + ".criteria", "e.g. criteria: [\"realisation >= 0.8\"]"))
      for (size_t k = 0; k < crit->items.size(); ++k)
        if (auto cr = compile_criterion(r, crit->items[k], Reader::index_path(path + ".criteria", k), names))
          g.criteria.push_back(std::move(*cr));
    c.stage_gates.push_back(std::move(g));
  }
}

}  // namespace gevinst
