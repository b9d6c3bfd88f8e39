// Semantic checks once the structure is loaded: references, unique ids,
// values of every numeric field, and lints. Checks that need compute code
// (flows, SROI, distributions) are in lint.cpp, the stage above compute.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <span>
#include <tuple>

#include "libeval/detail/load_internal.h"
#include "libeval/parameters.h"
#include "libeval/phrase.h"

namespace gevinst {

namespace {

const YNode* item_at(const YNode* root, std::string_view section, size_t i) {
  const YNode* s = root ? root->find(section) : nullptr;
  if (!s || !s->is_sequence() || i >= s->items.size()) return nullptr;
  return s->items[i];
}

const YNode* field(const YNode* item, std::string_view key) {
  const YNode* v = item && item->is_mapping() ? item->find(key) : nullptr;
  return v ? v : item;
}

std::vector<std::string> party_ids(const Case& c) {
  std::vector<std::string> out;
  for (const auto& p : c.parties) out.push_back(p.id);
  return out;
}

void check_party(Reader& r, const Case& c, const YNode* at, const std::string& path, const std::string& id) {
  if (id.empty() || c.party(id)) return;
  auto ids = party_ids(c);
  std::string guess = did_you_mean(id, ids);
  r.error(at, path, fmt::format("unknown party '{}'", id),
          !guess.empty() ? fmt::format("did you mean '{}'?", guess)
          : ids.empty()  ? fmt::format("declare it under 'parties:', e.g. - {{id: {}, sector: region}}", id)
                         : fmt::format("parties: {}", fmt::join(ids, ", ")));
}

void check_ids(Reader& r, const YNode* at, const std::string& path, const std::vector<std::string>& ids,
               const std::vector<std::string>& allowed, std::string_view what) {
  const YNode* list = at && at->is_sequence() ? at : nullptr;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (std::find(allowed.begin(), allowed.end(), ids[i]) != allowed.end()) continue;
    const YNode* where = list && i < list->items.size() ? list->items[i] : at;
    // Items whose own id is missing or invalid (already reported) are not offered.
    std::vector<std::string> named;
    std::copy_if(allowed.begin(), allowed.end(), std::back_inserter(named),
                 [](const std::string& a) { return !a.empty(); });
    std::string guess = did_you_mean(ids[i], named);
    r.error(where, list ? Reader::index_path(path, i) : path, fmt::format("'{}' is not {}", ids[i], what),
            !guess.empty()  ? fmt::format("did you mean '{}'?", guess)
            : named.empty() ? std::string("there is nothing of that kind in the case")
                            : fmt::format("choose from: {}", fmt::join(named, ", ")));
  }
}

}  // namespace

void check_references(Reader& r, const YNode* root, Case& c) {
  // One namespace for ids across costs, benefits, activities, outcomes, financing.
  std::map<std::string, std::string> seen;  // id -> path of first use
  auto unique = [&](const std::string& id, const YNode* item, const std::string& path) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, path);
    if (!inserted)
      r.error(field(item, "id"), path + ".id", fmt::format("duplicate id '{}'", id),
              fmt::format("'{}' is already used by {}; ids are unique across costs, benefits, activities, "
                          "outcomes and financing",
                          id, it->second));
  };
  std::vector<std::string> cost_ids, benefit_ids, activity_ids;
  for (size_t i = 0; i < c.costs.size(); ++i) {
    const YNode* it = item_at(root, "costs", i);
    unique(c.costs[i].id, it, c.costs[i].yaml_path);
    check_party(r, c, field(it, "party"), c.costs[i].yaml_path + ".party", c.costs[i].party);
    cost_ids.push_back(c.costs[i].id);
  }
  for (size_t i = 0; i < c.benefits.size(); ++i) {
    const YNode* it = item_at(root, "benefits", i);
    unique(c.benefits[i].id, it, c.benefits[i].yaml_path);
    check_party(r, c, field(it, "party"), c.benefits[i].yaml_path + ".party", c.benefits[i].party);
    benefit_ids.push_back(c.benefits[i].id);
  }
  const YNode* cap = root->find("capacity");
  const YNode* acts = cap && cap->is_mapping() ? cap->find("activities") : nullptr;
  std::vector<std::string> staff_ids;
  for (const auto& g : c.capacity.staff) staff_ids.push_back(g.id);
  for (size_t i = 0; i < c.capacity.activities.size(); ++i) {
    const Activity& a = c.capacity.activities[i];
    const YNode* it = acts && acts->is_sequence() && i < acts->items.size() ? acts->items[i] : nullptr;
    unique(a.id, it, a.yaml_path);
    check_party(r, c, field(it, "party"), a.yaml_path + ".party", a.party);
    if (!a.staff.empty() && std::find(staff_ids.begin(), staff_ids.end(), a.staff) == staff_ids.end()) {
      std::string guess = did_you_mean(a.staff, staff_ids);
      r.error(field(it, "staff"), a.yaml_path + ".staff", fmt::format("unknown staff group '{}'", a.staff),
              !guess.empty()
                  ? fmt::format("did you mean '{}'?", guess)
                  : fmt::format("declare it under capacity.staff, e.g. {}: {{hour_cost: 450}}", a.staff));
    }
    activity_ids.push_back(a.id);
  }
  const YNode* sroi = root->find("sroi");
  const YNode* outs = sroi && sroi->is_mapping() ? sroi->find("outcomes") : nullptr;
  for (size_t i = 0; i < c.sroi.outcomes.size(); ++i) {
    const Outcome& o = c.sroi.outcomes[i];
    const YNode* it = outs && outs->is_sequence() && i < outs->items.size() ? outs->items[i] : nullptr;
    unique(o.id, it, o.yaml_path);
  }
  std::vector<std::string> gain_ids = benefit_ids;
  gain_ids.insert(gain_ids.end(), activity_ids.begin(), activity_ids.end());
  for (size_t i = 0; i < c.financing.size(); ++i) {
    const Financing& f = c.financing[i];
    const YNode* it = item_at(root, "financing", i);
    unique(f.id, it, f.yaml_path);
    if (f.method == Financing::Method::grant) {
      check_party(r, c, field(it, "payer"), f.yaml_path + ".payer", f.payer);
      check_party(r, c, field(it, "recipient"), f.yaml_path + ".recipient", f.recipient);
      check_ids(r, field(it, "of"), f.yaml_path + ".of", f.of, cost_ids, "a cost id");
      if (!f.payer.empty() && f.payer == f.recipient)
        r.error(field(it, "recipient"), f.yaml_path + ".recipient",
                "a grant's payer and recipient are the same party",
                "a grant moves money between two parties; name the party that receives it");
    } else {
      check_party(r, c, field(it, "lender"), f.yaml_path + ".lender", f.lender);
      check_party(r, c, field(it, "borrower"), f.yaml_path + ".borrower", f.borrower);
      if (!f.lender.empty() && f.lender == f.borrower)
        r.error(field(it, "borrower"), f.yaml_path + ".borrower",
                "a loan's lender and borrower are the same party",
                "a loan moves money between two parties; name the party that borrows");
      const YNode* p = field(it, "principal");
      check_ids(r, p && p->is_mapping() ? p->find("of") : p, f.yaml_path + ".principal.of", f.principal_of,
                cost_ids, "a cost id");
      const YNode* gs = field(it, "gain_share");
      check_ids(r, gs && gs->is_mapping() ? gs->find("of") : gs, f.yaml_path + ".gain_share.of", f.gain_of,
                gain_ids, "a benefit or capacity activity id");
    }
  }
  // Correlations: each pair once.
  std::set<std::pair<std::string, std::string>> pairs;
  for (size_t i = 0; i < c.correlations.size(); ++i) {
    const auto& k = c.correlations[i];
    auto key = std::minmax(k.a, k.b);
    if (!k.a.empty() && !k.b.empty() && !pairs.insert({key.first, key.second}).second)
      r.diags().error(k.loc, Reader::index_path("correlations", i),
                      fmt::format("the correlation of '{}' and '{}' is given twice", k.a, k.b),
                      "keep one of them");
  }
}

namespace {

std::string constraint_hint(Constraint c) {
  switch (c) {
    case Constraint::share: return "shares are fractions: write 35 % as 0.35";
    case Constraint::nonnegative:
      return "amounts are positive; enter savings as a benefit, not a negative cost";
    case Constraint::rate: return "write 3.5 % as 0.035";
    case Constraint::positive: return "use a number greater than 0";
    case Constraint::correlation: return "a correlation lies between -1 and 1, e.g. 0.5";
    default: return {};
  }
}

// Checks every queued number at `values`. Returns, per queued number, whether
// it failed. Under a scenario only expressions are checked, and only those
// that passed at base values (`base_failed`), so a problem is reported once.
std::vector<bool> check_all(Reader& r, const std::vector<double>& values, const std::string& scenario,
                            bool constants_only = false, const std::vector<bool>* base_failed = nullptr) {
  std::string where = scenario.empty() ? "" : fmt::format(" under scenario '{}'", scenario);
  std::vector<bool> failed(r.pending().size(), false);
  for (size_t i = 0; i < r.pending().size(); ++i) {
    const PendingCheck& pc = r.pending()[i];
    if (constants_only && !pc.number.program.is_constant()) continue;
    if (!scenario.empty() && (pc.number.program.is_constant() || (base_failed && (*base_failed)[i])))
      continue;
    EvalResult v = pc.number.program.evaluate(values);
    if (!v.ok() || !std::isfinite(v.value)) {
      failed[i] = true;
      r.diags().error(
          pc.number.loc, pc.number.yaml_path,
          fmt::format("{} evaluating \"{}\"{}",
                      v.status == EvalStatus::division_by_zero ? "division by zero" : "not a finite number",
                      shorten(pc.number.text), where),
          "check the parameter values the expression uses");
      continue;
    }
    if (!satisfies(v.value, pc.constraint)) {
      failed[i] = true;
      std::string shown = pc.number.program.is_constant()
                              ? fmt::format("{}", v.value)
                              : fmt::format("\"{}\" = {}", shorten(pc.number.text), v.value);
      r.diags().error(pc.number.loc, pc.number.yaml_path,
                      fmt::format("{} must be {}{}", shown, constraint_text(pc.constraint), where),
                      constraint_hint(pc.constraint));
    }
  }
  return failed;
}

}  // namespace

std::optional<std::vector<double>> check_values(Reader& r, Case& c) {
  if (r.diags().has_errors()) {
    // Values of a broken structure would only repeat errors; literals can
    // still be checked, so one run shows every out-of-range number.
    check_all(r, {}, "", /*constants_only=*/true);
    return std::nullopt;
  }
  std::vector<double> base;
  try {
    base = parameter_values(c);
  } catch (const InputError& e) {
    for (const auto& d : e.diagnostics) r.diags().add(d);
    return std::nullopt;
  }
  std::vector<bool> base_failed = check_all(r, base, "");
  for (const auto& s : c.scenarios) {
    try {
      check_all(r, parameter_values(c, s.overrides), s.name, false, &base_failed);
    } catch (const InputError& e) {
      for (auto d : e.diagnostics) {
        d.message += fmt::format(" under scenario '{}'", s.name);
        r.diags().add(d);
      }
    }
  }
  for (const auto& p : c.parameters) {
    if (!p.dist) continue;
    for (const auto& a : p.dist->args)
      if (!a.program.is_constant()) {
        for (int s : a.program.slots())
          if (c.parameters[s].dist)
            r.diags().error(
                a.loc, a.yaml_path,
                fmt::format("distribution argument uses '${}', which is itself random", c.parameters[s].name),
                "distribution arguments may use fixed parameters only");
      }
  }
  return base;
}

void check_low_high(Reader& r, const Case& c, const std::vector<double>& base) {
  for (const auto& p : c.parameters) {
    if (p.low && p.high) {
      double lo = p.low->program.evaluate(base).value, hi = p.high->program.evaluate(base).value;
      if (lo > hi)
        r.diags().error(p.low->loc, "parameters." + p.name + ".low",
                        fmt::format("low ({}) is greater than high ({})", lo, hi), "swap them");
    }
  }
}

namespace {

// Years of the horizon in which a flow item can be non-zero (a literal 0
// amount counts as none; an expression might be non-zero, so it counts).
std::pair<int, int> active_years(const FlowItem& f, const Assumptions& a) {
  auto zero = [](const Number& n) { return n.program.is_constant() && n.program.constant_value() == 0; };
  switch (f.form) {
    case FlowItem::Form::amount: return zero(f.amount) ? std::pair{1, 0} : std::pair{f.year, f.year};
    case FlowItem::Form::per_year: return zero(f.amount) ? std::pair{1, 0} : std::pair{f.from, f.to};
    case FlowItem::Form::amounts: {
      std::pair<int, int> span{a.end_year() + 1, a.start_year - 1};
      for (const auto& [y, v] : f.amounts)
        if (!zero(v)) span = {std::min(span.first, y), std::max(span.second, y)};
      return span;
    }
  }
  return {1, 0};
}

}  // namespace

namespace {

// constraint_text() (model.h) as a phrase: the same English words.
Phrase lint_constraint_phrase(Constraint c) {
  switch (c) {
    case Constraint::finite: return phrase("a finite number");
    case Constraint::share: return phrase("a share between 0 and 1");
    case Constraint::positive: return phrase("greater than 0");
    case Constraint::nonnegative: return phrase("0 or more");
    case Constraint::rate: return phrase("a rate greater than -1");
    case Constraint::correlation: return phrase("a correlation between -1 and 1");
  }
  return {};
}

// A field whose range (a share, an amount >= 0) a drawn parameter can leave:
// simulate stops at the first such draw, so say it before the run. Each
// random parameter is moved to the ends of its effective support with the
// others at base.
void lint_distribution_ranges(Reader& r, const Case& c) {
  if (r.diags().has_errors()) return;
  std::vector<double> base;
  try {
    base = parameter_values(c);
  } catch (const InputError&) {
    return;
  }
  for (size_t i = 0; i < c.parameters.size(); ++i) {
    const Parameter& p = c.parameters[i];
    if (!p.dist) continue;
    std::pair<double, double> support;
    try {
      support = effective_support(*p.dist, base, c.file);
    } catch (const InputError&) {
      continue;
    }
    // Parameter values with this one at each end of its support (once each).
    std::vector<std::pair<double, std::vector<double>>> ends;
    for (double x : {support.first, support.second}) {
      if (!std::isfinite(x)) continue;
      try {
        ends.emplace_back(x, parameter_values(c, {{static_cast<int>(i), p.name, Number::literal(x)}}));
      } catch (const InputError&) {
      }
    }
    auto out_of_range = [&]() -> std::optional<std::tuple<double, const PendingCheck*, double>> {
      for (const PendingCheck& pc : r.pending()) {
        if (pc.constraint == Constraint::finite || pc.number.program.is_constant()) continue;
        for (const auto& [x, v] : ends) {
          EvalResult e = pc.number.program.evaluate(v);
          if (e.ok() && !satisfies(e.value, pc.constraint)) return std::tuple{x, &pc, e.value};
        }
      }
      return std::nullopt;
    };
    auto bad = out_of_range();  // one warning per parameter is enough
    if (!bad) continue;
    auto [x, pc, value] = *bad;
    r.diags().warning(
        p.dist->loc, p.dist->yaml_path,
        phrase("draws of '{}' ({} near {}) make {} = {}, which must be {}; simulate would stop there",
               {arg::text(p.name), arg::text(p.dist->kind), arg::general(x), arg::text(pc->number.yaml_path),
                arg::general(value), arg::phrase(lint_constraint_phrase(pc->constraint))}),
        pc->constraint == Constraint::share
            ? phrase("use a distribution inside [0, 1] for shares (beta, or a bounded triangular, pert or "
                     "uniform)")
            : phrase("use a distribution that keeps the field in range (gamma or lognormal for amounts, a "
                     "bounded triangular or pert)"));
  }
}

// Capacity and SROI entries that are defined but do not do what they seem
// to (docs/cli.md, "gevinst validate", lints).
void lint_sources_and_capacity(Reader& r, const Case& c) {
  // A literal financial proxy without a source is an unsupported number; a
  // proxy written with a parameter takes the parameter's source.
  for (const Outcome& o : c.sroi.outcomes)
    if (o.proxy.program.is_constant() && o.proxy_source.find_first_not_of(" \t\r\n") == std::string::npos)
      // The quotes of the YAML string are arguments: a message id has no escapes.
      r.diags().warning(o.proxy.loc, o.yaml_path + ".proxy",
                        phrase("outcome '{}' has a financial proxy but no proxy_source", {arg::text(o.id)}),
                        phrase("say where the value of one unit of outcome comes from, e.g. proxy_source: "
                               "{}Danish Regions' DRG rate 2025{}, or use a parameter with a source",
                               {arg::text("\""), arg::text("\"")}));
  for (const StaffGroup& g : c.capacity.staff) {
    bool used = std::any_of(c.capacity.activities.begin(), c.capacity.activities.end(),
                            [&](const Activity& a) { return a.staff == g.id; });
    if (!used)
      r.diags().warning(g.loc, "capacity.staff." + g.id,
                        phrase("staff group '{}' is not used by any capacity activity", {arg::text(g.id)}),
                        phrase("remove it, or name it in an activity: staff: {}", {arg::text(g.id)}));
  }
  // Section 9: a gain-share loan's gains include capacity activities at their
  // value, monetised or not; freed time that is not monetised is no cash the
  // borrower has to pay with.
  for (const Financing& f : c.financing) {
    if (f.method != Financing::Method::gain_share) continue;
    for (const std::string& id : f.gain_of) {
      auto a = std::find_if(c.capacity.activities.begin(), c.capacity.activities.end(),
                            [&](const Activity& x) { return x.id == id; });
      if (a == c.capacity.activities.end() || a->monetise) continue;
      r.diags().warning(
          f.gain_share.loc.line ? f.gain_share.loc : f.loc, f.yaml_path + ".gain_share.of",
          phrase("loan '{}' is repaid from capacity activity '{}', which is not monetised (monetise: false)",
                 {arg::text(f.id), arg::text(id)}),
          phrase("the freed time is not money the borrower receives, so the payments must come from its "
                 "budget; monetise the activity, or repay from benefits that are cash"));
    }
  }
}

}  // namespace

void lint_case(Reader& r, const YNode* root, const Case& c) {
  // Barrier E: money for the investment but none for running it afterwards
  // (docs/cli.md, "gevinst validate", lints). Without a valid start_year
  // (already an error) the years are unknown, so the lint stays silent
  // rather than name the year 0; with errors already reported (an invalid
  // horizon, an operating cost whose years or amount are wrong) the years
  // are not known either, so it stays silent too.
  const bool years_known = c.assumptions.start_year != 0 && !r.diags().has_errors();
  int first_investment = INT_MAX;
  for (const FlowItem& f : c.costs)
    if (f.cost_kind == CostKind::investment && years_known) {
      auto [from, to] = active_years(f, c.assumptions);
      if (from <= to) first_investment = std::min(first_investment, from);
    }
  bool operating_after = std::any_of(c.costs.begin(), c.costs.end(), [&](const FlowItem& f) {
    if (f.cost_kind != CostKind::operating) return false;
    auto [from, to] = active_years(f, c.assumptions);
    return from <= to && to >= first_investment;
  });
  if (first_investment != INT_MAX && !operating_after)
    r.warning(
        root->find("costs"), "costs",
        phrase("the case has an investment ({}) but no operating cost from then on",
               {arg::year(first_investment)}),
        phrase("solutions cost money to run (licences, support, upkeep), and missing money for operation is "
               "a common reason solutions are not scaled; add a cost with kind: operating"));
  bool rollout_stage =
      c.info.stage && (*c.info.stage == Stage::implementation || *c.info.stage == Stage::scaling);
  if (rollout_stage)
    for (size_t i = 0; i < c.benefits.size(); ++i) {
      const FlowItem& b = c.benefits[i];
      if (b.benefit_kind == BenefitKind::qualitative || b.profile.kind != Profile::Kind::none) continue;
      r.warning(item_at(root, "benefits", i), b.yaml_path,
                phrase("benefit '{}' has no realisation profile in a case at stage {}",
                       {arg::text(b.id), arg::text(to_string(*c.info.stage))}),
                phrase("benefits are rarely realised in full from day one; add e.g. profile: "
                       "{{linear: {{from: 2027, years: 3}}}}"));
    }
  // A benefit of kind capacity for a party that also gets monetised capacity
  // activities is often the same freed time entered twice.
  for (size_t i = 0; i < c.benefits.size(); ++i) {
    const FlowItem& b = c.benefits[i];
    if (b.benefit_kind != BenefitKind::capacity) continue;
    auto same = std::find_if(c.capacity.activities.begin(), c.capacity.activities.end(),
                             [&](const Activity& a) { return a.monetise && a.party == b.party; });
    if (same == c.capacity.activities.end()) continue;
    r.warning(
        item_at(root, "benefits", i), b.yaml_path,
        phrase("benefit '{}' (kind capacity) goes to party '{}', which also gets the monetised capacity "
               "activity '{}'; the same freed time may be counted twice",
               {arg::text(b.id), arg::text(b.party), arg::text(same->id)}),
        phrase("keep freed staff time in one place: either the capacity activity (monetise: true) or the "
               "benefit"));
  }
  for (const auto& p : c.parameters)
    if (p.source.find_first_not_of(" \t\r\n") == std::string::npos)
      r.diags().warning(
          p.loc, "parameters." + p.name, phrase("parameter '{}' has no source", {arg::text(p.name)}),
          // The quotes of the YAML string are arguments: a message id has no escapes.
          phrase(
              "say where the number comes from: {{value: ..., source: {}Pilot evaluation 2025, table 4{}}}",
              {arg::text("\""), arg::text("\"")}));
  lint_distribution_ranges(r, c);
  lint_sources_and_capacity(r, c);
}

}  // namespace gevinst
