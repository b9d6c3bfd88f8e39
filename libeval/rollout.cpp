#include "libeval/rollout.h"

#include <fmt/format.h>

#include <cmath>

#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/parameters.h"
#include "libeval/presets.h"
#include "libeval/sroi.h"

namespace gevinst {

const char* to_string(Verdict v) { return v == Verdict::scale ? "scale" : "explain"; }

const char* to_string(Decision::Status s) {
  switch (s) {
    case Decision::Status::adopted: return "adopted";
    case Decision::Status::declined: return "declined";
    case Decision::Status::pending: return "pending";
  }
  return "";
}

bool is_iso_date(std::string_view s) {
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

std::optional<double> UnitResults::get(std::string_view name) const {
  const auto& names = criterion_result_names();
  for (size_t i = 0; i < names.size() && i < values.size(); ++i)
    if (names[i] == name) return values[i];
  return std::nullopt;
}

Overrides unit_overrides(const Case& c, const RolloutUnit& u, std::optional<double> total_population) {
  Overrides out = u.parameters;
  if (u.per_capita.empty()) return out;
  auto fail = [&](const std::string& msg, const std::string& hint) {
    throw InputError{{Diagnostic{c.file, u.loc, Severity::error, u.yaml_path, msg, hint}}};
  };
  if (!u.population)
    fail(fmt::format("unit '{}' scales parameters per capita but has no population", u.id),
         "name a units preset (units_preset: dk-regions-2024) or give population: N");
  if (!total_population || *total_population <= 0)
    fail("no total population to scale per-capita parameters by",
         "name a units_preset or give every unit a population");
  // The national values as they stand for this unit (its explicit overrides applied).
  std::vector<double> values = parameter_values(c, out);
  const double share = *u.population / *total_population;
  for (const auto& [name, national] : u.per_capita) {
    int idx = c.parameter_index(name);
    int nat = c.parameter_index(national);
    if (idx < 0 || nat < 0)
      fail(fmt::format("the solution has no parameter '{}'", idx < 0 ? name : national), "");
    // value = national value x population / total population
    Number n = Number::literal(values[static_cast<size_t>(nat)] * share);
    n.text = fmt::format("${} x {:.6g} / {:.6g}", national, *u.population, *total_population);
    n.yaml_path = fmt::format("{}.parameters.{}", u.yaml_path, name);
    n.loc = u.loc;
    out.push_back({idx, name, std::move(n)});
  }
  return out;
}

Phrase compliance_finding(Verdict v, const Decision& d, const std::string& review_due,
                          const std::string& today) {
  auto blank = [](const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; };
  if (v == Verdict::scale && d.status == Decision::Status::declined && blank(d.explanation))
    return phrase("the verdict is scale but the unit declined without an explanation");
  if (d.status == Decision::Status::pending && !review_due.empty() && !today.empty() && today > review_due)
    return phrase("the decision is still pending after the review date {}", {arg::text(review_due)});
  return {};
}

Phrase units_preset_note(const std::string& name, const std::string& today) {
  auto p = name.empty() ? std::nullopt : unit_preset(name);
  // ISO dates compare as text; the units exist up to and including valid_until.
  if (!p || p->valid_until.empty() || today.empty() || today <= p->valid_until) return {};
  const PhraseArg day = arg::text(today), preset = arg::text(name), until = arg::text(p->valid_until);
  // The preset's own sentence: its text is the pattern (models/units/*.yaml;
  // the catalogue translates it like any other).
  const PhraseArg change = arg::phrase(Phrase{p->change, {}});
  const PhraseArg next = arg::text(p->replaced_by);
  if (p->change.empty())
    return p->replaced_by.empty()
               ? phrase("Judged on {}, after units preset {} ended on {}.", {day, preset, until})
               : phrase(
                     "Judged on {}, after units preset {} ended on {}. Assess the current units with "
                     "units_preset: {}.",
                     {day, preset, until, next});
  return p->replaced_by.empty()
             ? phrase("Judged on {}, after units preset {} ended on {}. {}", {day, preset, until, change})
             : phrase(
                   "Judged on {}, after units preset {} ended on {}. {} Assess the current units with "
                   "units_preset: {}.",
                   {day, preset, until, change, next});
}

namespace {

// A reason another part of the library gives as a plain string (a
// diagnostic's message) or as a phrase, kept as it is.
Phrase rollout_reason(const std::string& s) { return Phrase{"{}", {arg::text(s)}}; }
Phrase rollout_reason(const Phrase& p) { return p; }
bool rollout_is_empty(const Phrase& p) { return p.pattern.empty(); }

// Results named by criterion_result_names(), in its order.
UnitResults unit_results(const Case& c, const RolloutUnit& u, const Overrides& ov, const RolloutOptions& opt,
                         UnitAssessment& a) {
  const auto& names = criterion_result_names();
  UnitResults r;
  r.values.assign(names.size(), std::nullopt);
  r.null_reasons.assign(names.size(), {});
  auto set = [&](std::string_view name, std::optional<double> v, Phrase why) {
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) {
        r.values[i] = v;
        if (!v) r.null_reasons[i] = std::move(why);
        return;  // names are unique
      }
  };
  EvaluateOptions eo;
  eo.perspective = opt.perspective;
  eo.overrides = ov;
  BusinessCase bc = evaluate_case(c, eo);
  const Metrics& m = bc.selected();
  a.npv = m.npv;
  set("npv", m.npv, {});
  set("irr", m.irr,
      rollout_is_empty(m.irr_note) ? phrase("the IRR does not exist") : rollout_reason(m.irr_note));
  set("bcr", m.bcr, phrase("the PV of costs is 0"));
  set("payback_years", m.payback_years, phrase("the case does not pay back within the horizon"));
  set("discounted_payback_years", m.discounted_payback_years,
      phrase("the case does not pay back within the horizon on the discounted series"));
  set("pv_costs", m.pv_costs, {});
  set("pv_benefits", m.pv_benefits, {});

  const Phrase no_capacity = phrase("the solution case has no capacity section");
  if (c.capacity.present) {
    CapacityOptions co;
    co.overrides = ov;
    CapacityResult cr = evaluate_capacity(c, co);
    a.fte = cr.total.fte;
    set("fte", cr.total.fte, {});
    set("fte_years", cr.total.fte_years, {});
    set("hours", cr.total.hours, {});
    set("realisable_hours", cr.total.realisable_hours, {});
    set("capacity_value", cr.total.value, {});
  } else {
    for (const char* n : {"fte", "fte_years", "hours", "realisable_hours", "capacity_value"})
      set(n, std::nullopt, no_capacity);
  }

  if (c.sroi.present) {
    SroiOptions so;
    so.overrides = ov;
    so.sensitivity = false;
    try {
      set("sroi_ratio", evaluate_sroi(c, so).ratio, {});
    } catch (const InputError& e) {
      set("sroi_ratio", std::nullopt,
          e.diagnostics.empty() ? phrase("the SROI ratio cannot be computed")
                                : rollout_reason(e.diagnostics.front().message));
    }
  } else {
    set("sroi_ratio", std::nullopt, phrase("the solution case has no sroi section"));
  }
  set("evidence", c.info.evidence ? std::optional<double>(static_cast<int>(*c.info.evidence)) : std::nullopt,
      phrase("the solution case states no case.evidence"));
  set("population", u.population,
      phrase("the unit has no population (name a units_preset or give population: N)"));
  return r;
}

CriterionOutcome check_criterion(const Criterion& cr, const UnitResults& res,
                                 const std::vector<double>& params) {
  CriterionOutcome out;
  out.criterion = cr.text;
  const size_t nres = res.values.size();
  // Slots: results, then the evidence levels none..hta as 0..3, then parameters.
  std::vector<double> slots(nres + 4 + params.size(), std::nan(""));
  for (size_t i = 0; i < nres; ++i)
    if (res.values[i]) slots[i] = *res.values[i];
  for (size_t i = 0; i < 4; ++i) slots[nres + i] = static_cast<double>(i);
  for (size_t j = 0; j < params.size(); ++j)
    slots[static_cast<size_t>(criterion_param_slot(static_cast<int>(j)))] = params[j];
  for (int s : cr.program.slots())
    if (s >= 0 && static_cast<size_t>(s) < nres && !res.values[static_cast<size_t>(s)]) {
      out.reason = phrase("{} is null: {}", {arg::text(criterion_result_names()[static_cast<size_t>(s)]),
                                             arg::phrase(res.null_reasons[static_cast<size_t>(s)])});
      return out;
    }
  EvalResult e = cr.program.evaluate(slots);
  if (!e.ok()) {
    out.reason = e.status == EvalStatus::division_by_zero ? phrase("it divides by zero")
                                                          : phrase("its value is not a finite number");
    return out;
  }
  out.holds = e.value != 0;
  return out;
}

}  // namespace

RolloutResult evaluate_rollout(const Rollout& ro, const Case& c, const RolloutOptions& opt) {
  RolloutResult out;
  out.file = ro.file;
  out.title = ro.title;
  out.solution = ro.solution_path.empty() ? ro.solution : ro.solution_path;
  out.case_id = c.info.id;
  out.lead_unit = ro.lead_unit;
  out.review_due = ro.review_due;
  out.units_preset = ro.units_preset;
  out.today = opt.today;
  out.currency = c.assumptions.currency;
  out.perspective = opt.perspective;
  out.total_population = opt.total_population;
  if (!out.total_population) {
    double sum = 0;
    bool any = false;
    for (const auto& u : ro.units)
      if (u.population) {
        sum += *u.population;
        any = true;
      }
    if (any) out.total_population = sum;
  }
  for (const auto& cr : ro.criteria) out.criteria.push_back(cr.text);
  // Units of an ended preset that its replacement lacks (Region Hovedstaden
  // and Region Sjælland from 1 January 2027) are named one by one.
  std::optional<UnitPreset> replacement;
  if (Phrase note = units_preset_note(ro.units_preset, opt.today); !note.pattern.empty()) {
    out.notes.push_back(std::move(note));
    if (auto p = unit_preset(ro.units_preset); p && !p->replaced_by.empty())
      replacement = unit_preset(p->replaced_by);
  }
  auto unit_note = [&](const RolloutUnit& u) -> Phrase {
    if (!replacement || replacement->find(u.id)) return {};
    auto old = unit_preset(ro.units_preset);
    if (!old || !old->find(u.id)) return {};
    return phrase("no longer a unit after {}: not in units preset {}",
                  {arg::text(old->valid_until), arg::text(replacement->name)});
  };

  for (const auto& u : ro.units) {
    UnitAssessment a;
    a.id = u.id;
    a.label = u.label;
    a.population = u.population;
    if (u.population && out.total_population && *out.total_population > 0)
      a.population_share = *u.population / *out.total_population;
    a.decision = u.decision;
    a.note = unit_note(u);
    try {
      a.overrides = unit_overrides(c, u, out.total_population);
      a.params = parameter_values(c, a.overrides);
      a.results = unit_results(c, u, a.overrides, opt, a);
    } catch (InputError& e) {
      a.errors = std::move(e.diagnostics);
      a.errors.push_back(Diagnostic{
          ro.file, u.loc, Severity::note, u.yaml_path,
          fmt::format("while evaluating the solution with the parameters of unit '{}'", u.id), ""});
      // Neither a verdict nor a compliance finding exists (reported as null);
      // the run fails through `errors`, not through non_compliant.
      a.verdict = Verdict::explain;
      a.compliant = false;
      a.compliance_note = phrase("the solution cannot be evaluated with this unit's parameters: {}",
                                 {arg::text(a.errors.front().message)});
      ++out.errors;
      out.units.push_back(std::move(a));
      continue;
    }
    for (const auto& cr : ro.criteria) {
      a.criteria.push_back(check_criterion(cr, a.results, a.params));
      if (!a.criteria.back().holds) a.failed_criteria.push_back(cr.text);
    }
    a.verdict = a.failed_criteria.empty() ? Verdict::scale : Verdict::explain;
    a.compliance_note = compliance_finding(a.verdict, a.decision, ro.review_due, opt.today);
    a.compliant = a.compliance_note.pattern.empty();
    if (!a.compliant) ++out.non_compliant;
    if (a.verdict == Verdict::explain && opt.explain) a.explanation = draft_explanation(c, ro, u, a, opt);
    out.units.push_back(std::move(a));
  }
  return out;
}

}  // namespace gevinst
