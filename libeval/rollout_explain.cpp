// Drafted explanations for rollout units whose verdict is explain
// (docs/case-format.md, "Verdict and compliance"): one sentence per failed
// criterion, in the unit's figures.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/parameters.h"
#include "libeval/rollout.h"
#include "libeval/sensitivity.h"
#include "libeval/sroi.h"
#include "libeval/text.h"

namespace gevinst {

namespace {

// A pattern of fields and punctuation only ("{}, {}", "−{}"), the same in
// every language: no message id, so no catalogue entry.
Phrase explain_punctuation(std::string pattern, std::initializer_list<PhraseArg> args) {
  return Phrase{std::move(pattern), std::vector<PhraseArg>(args)};
}

// `a` after a typographic minus when `negative` (text.h's sign for sentences).
PhraseArg explain_signed(bool negative, PhraseArg a) {
  return negative ? arg::phrase(explain_punctuation(std::string(typographic_minus) + "{}", {std::move(a)}))
                  : a;
}

// A count or amount: whole numbers from 100 up, three significant digits
// below ("{:.3g}"), as a number the reader's locale formats.
PhraseArg quantity(double v) {
  if (std::fabs(v) >= 100) return arg::grouped(v);
  return explain_signed(v < 0, arg::general(std::fabs(v), 3));
}

// A break-even's note: none, or the phrase that says why there is no value.
bool explain_note_empty(const Phrase& p) { return p.pattern.empty(); }
PhraseArg explain_note_arg(const Phrase& p) { return arg::phrase(p); }

// A switching value as quantity() shows it, but rounded away from `from` (the
// unit's current value) rather than to nearest, so that the criterion really
// holds at the printed figure: "breaks even at 344 patients" when NPV = 0 at
// 343.48 and the unit has fewer.
PhraseArg quantity_past(double v, double from) {
  if (v == 0 || !std::isfinite(v)) return quantity(v);
  const int decimals = std::fabs(v) >= 100 ? 0 : 2 - static_cast<int>(std::floor(std::log10(std::fabs(v))));
  const double scale = std::pow(10.0, decimals);
  // A root a hair past a round figure (the solver's tolerance) keeps that figure.
  const double x = v * scale, eps = 1e-9 * std::max(1.0, std::fabs(x));
  const double r = (v > from ? std::ceil(x - eps) : std::floor(x + eps)) / scale;
  return quantity(r);
}

// "npv >= 0", "evidence >= documented": a result name, an order comparison
// and a number or evidence level. Anything else is not simple.
struct SimpleCriterion {
  std::string name;
  std::string_view op;  ///< one of the literals below
  double threshold = 0;
};

// With `parameter`, the left side is `$name` (a parameter) instead of a result.
std::optional<SimpleCriterion> parse_simple(std::string_view s, bool parameter = false) {
  auto skip = [&](size_t i) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return i;
  };
  size_t i = skip(0);
  if (parameter) {
    if (i >= s.size() || s[i] != '$') return std::nullopt;
    ++i;
  }
  const size_t start = i;
  auto name_char = [&](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return parameter ? (std::isalnum(u) || ch == '_') : (std::islower(u) || ch == '_');
  };
  while (i < s.size() && name_char(s[i])) ++i;
  SimpleCriterion c;
  c.name = std::string(s.substr(start, i - start));
  if (c.name.empty()) return std::nullopt;
  if (!parameter) {
    bool known = false;
    for (const auto& n : criterion_result_names()) known |= n == c.name;
    if (!known) return std::nullopt;
  }
  i = skip(i);
  for (std::string_view op : {">=", "<=", ">", "<"})
    if (s.substr(i, op.size()) == op) {
      c.op = op;
      break;
    }
  if (c.op.empty()) return std::nullopt;
  i = skip(i + c.op.size());
  std::string_view rest = s.substr(i);
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.remove_suffix(1);
  static const char* levels[] = {"none", "pilot", "documented", "hta"};
  if (!parameter)
    for (int k = 0; k < 4; ++k)
      if (rest == levels[k]) {
        c.threshold = k;
        return c;
      }
  auto v = parse_number(rest);
  if (!v) return std::nullopt;
  c.threshold = *v;
  return c;
}

// A result's name in a sentence: "NPV", "BCR", "the IRR", "payback".
std::string result_words(const std::string& name) {
  if (name == "npv") return "NPV";
  if (name == "bcr") return "BCR";
  if (name == "irr") return "the IRR";
  if (name == "fte") return "FTE";
  if (name == "payback_years") return "payback";
  if (name == "discounted_payback_years") return "discounted payback";
  if (name == "sroi_ratio") return "the SROI ratio";
  std::string s = name;
  for (char& ch : s)
    if (ch == '_') ch = ' ';
  return s;
}

// "payback 7.3 years", "IRR 2.1 %", "evidence level pilot", ...
Phrase describe(const std::string& name, double v, const std::string& currency) {
  static const char* levels[] = {"none", "pilot", "documented", "hta"};
  if (name == "npv") return phrase("NPV {}", {arg::money(v, currency)});
  if (name == "pv_costs") return phrase("PV of costs {}", {arg::money(v, currency)});
  if (name == "pv_benefits") return phrase("PV of benefits {}", {arg::money(v, currency)});
  if (name == "capacity_value") return phrase("capacity value {}", {arg::money(v, currency)});
  if (name == "irr") {  // typographic minus, as in the money figures beside it
    const std::string pct = fmt::format("{:.1f}", std::fabs(v * 100));
    return phrase("IRR {} %", {explain_signed(v < 0 && pct != "0.0", arg::fixed(std::fabs(v * 100), 1))});
  }
  if (name == "bcr") return phrase("BCR {}", {arg::fixed(v, 2)});
  if (name == "payback_years") return phrase("payback {} years", {arg::fixed(v, 1)});
  if (name == "discounted_payback_years") return phrase("discounted payback {} years", {arg::fixed(v, 1)});
  if (name == "fte") return phrase("{} FTE", {arg::fixed(v, 1)});
  if (name == "fte_years") return phrase("{} FTE-years", {arg::fixed(v, 1)});
  if (name == "hours") return phrase("{} hours", {arg::grouped(v)});
  if (name == "realisable_hours") return phrase("{} realisable hours", {arg::grouped(v)});
  if (name == "sroi_ratio") return phrase("SROI ratio {}", {arg::fixed(v, 2)});
  if (name == "evidence") {
    int k = static_cast<int>(std::lround(v));
    return phrase("evidence level {}", {arg::text(k >= 0 && k < 4 ? levels[k] : "?")});
  }
  if (name == "population") return phrase("population {}", {arg::grouped(v)});
  return explain_punctuation("{} {}", {arg::text(name), quantity(v)});
}

// The value a break-even reaches, in the metric's words.
PhraseArg target_text(const std::string& name, double target, const std::string& currency) {
  if (name == "npv" || name == "pv_costs" || name == "pv_benefits" || name == "capacity_value")
    return arg::money(target, currency);
  if (name == "fte") return arg::phrase(phrase("{} FTE", {quantity(target)}));
  if (name == "irr")
    return arg::phrase(
        explain_punctuation("{} %", {explain_signed(target < 0, arg::fixed(std::fabs(target * 100), 1))}));
  if (name == "payback_years" || name == "discounted_payback_years")
    return arg::phrase(phrase("{} years", {quantity(target)}));
  return quantity(target);
}

// A result a criterion reads, as a function of the unit's parameters; empty
// for results that do not depend on them (evidence, population).
ResultFn result_of(const Case& c, const std::string& name, Perspective perspective) {
  if (name == "npv" || name == "irr" || name == "bcr" || name == "payback_years" ||
      name == "discounted_payback_years" || name == "pv_costs" || name == "pv_benefits")
    return [&c, name, perspective](const Overrides& o) -> std::optional<double> {
      EvaluateOptions eo;
      eo.perspective = perspective;
      eo.overrides = o;
      eo.with_irr = name == "irr";
      BusinessCase bc = evaluate_case(c, eo);
      const Metrics& m = bc.selected();
      if (name == "npv") return m.npv;
      if (name == "irr") return m.irr;
      if (name == "bcr") return m.bcr;
      if (name == "payback_years") return m.payback_years;
      if (name == "discounted_payback_years") return m.discounted_payback_years;
      return name == "pv_costs" ? m.pv_costs : m.pv_benefits;
    };
  if (c.capacity.present && (name == "fte" || name == "fte_years" || name == "hours" ||
                             name == "realisable_hours" || name == "capacity_value"))
    return [&c, name](const Overrides& o) -> std::optional<double> {
      CapacityOptions co;
      co.overrides = o;
      const CapacityTotals t = evaluate_capacity(c, co).total;
      if (name == "fte") return t.fte;
      if (name == "fte_years") return t.fte_years;
      if (name == "hours") return t.hours;
      return name == "realisable_hours" ? t.realisable_hours : t.value;
    };
  if (c.sroi.present && name == "sroi_ratio")
    return [&c](const Overrides& o) -> std::optional<double> {
      SroiOptions so;
      so.overrides = o;
      so.sensitivity = false;
      return evaluate_sroi(c, so).ratio;
    };
  return {};
}

// The parameters a unit can act on (docs/case-format.md, "Verdict and
// compliance"): those it sets itself and those the solution gives a range or
// a distribution, but never a per-capita parameter of the unit or a national
// figure some unit scales per capita: those are facts of its population.
std::vector<int> actionable_parameters(const Case& c, const Rollout& ro, const RolloutUnit& u) {
  std::vector<bool> fact(c.parameters.size(), false), own(c.parameters.size(), false);
  auto mark = [&](std::vector<bool>& v, const std::string& name) {
    int i = c.parameter_index(name);
    if (i >= 0) v[static_cast<size_t>(i)] = true;
  };
  for (const auto& [name, national] : u.per_capita) mark(fact, name);
  for (const auto& unit : ro.units)
    for (const auto& [name, national] : unit.per_capita) mark(fact, national);
  for (const auto& o : u.parameters)
    if (o.parameter >= 0 && static_cast<size_t>(o.parameter) < own.size())
      own[static_cast<size_t>(o.parameter)] = true;
  std::vector<int> out;
  for (size_t i = 0; i < c.parameters.size(); ++i) {
    const Parameter& p = c.parameters[i];
    if (!fact[i] && (own[i] || (p.low && p.high) || p.dist)) out.push_back(static_cast<int>(i));
  }
  return out;
}

// The lever: the actionable parameter whose 1 % change moves the result most,
// i.e. the largest elasticity |dm/dx| |x| / |m| (the |m| is common to all and
// left out). A parameter at 0 moves by 1 % of its case value, low, high or
// support. -1 when no actionable parameter moves the result.
int lever_parameter(const Case& c, const std::vector<int>& candidates, const ResultFn& result,
                    const UnitAssessment& a) {
  int best = -1;
  double best_effect = 0;
  for (int j : candidates) {
    const size_t k = static_cast<size_t>(j);
    const double x = a.params[k];
    const SearchDomain dom = search_domain(c, j, a.params);
    double scale = std::fabs(x);
    if (scale == 0)
      for (double e : dom.evidence) scale = std::max(scale, std::fabs(e));
    if (scale == 0) scale = 1;
    const double d = 0.01 * scale;
    auto at = [&](double v) -> std::optional<double> {
      if (v < dom.low || v > dom.high) return std::nullopt;
      try {
        return result(with_override(a.overrides, j, c.parameters[k].name, v));
      } catch (const InputError&) {
        return std::nullopt;
      }
    };
    auto up = at(x + d), down = at(x - d);
    std::optional<double> slope;
    if (up && down)
      slope = (*up - *down) / (2 * d);
    else if (up || down) {
      auto mid = at(x);
      if (mid) slope = up ? (*up - *mid) / d : (*mid - *down) / d;
    }
    if (!slope || !std::isfinite(*slope)) continue;
    const double effect = std::fabs(*slope) * scale;
    if (effect > best_effect * (1 + 1e-9)) {  // ties keep the earlier parameter
      best = j;
      best_effect = effect;
    }
  }
  return best;
}

std::string spaced(std::string s) {
  for (char& ch : s)
    if (ch == '_') ch = ' ';
  return s;
}

// What a criterion that is not simple reads, with the unit's values:
// "patients 2,500, npv 1.5 mio. kr."; nothing when it reads no value.
std::optional<Phrase> reads_text(const Criterion& cr, const Case& c, const UnitAssessment& a,
                                 const std::string& cur) {
  std::optional<Phrase> out;
  auto add = [&](Phrase p) {
    out = out ? explain_punctuation("{}, {}", {arg::phrase(*out), arg::phrase(std::move(p))}) : std::move(p);
  };
  const auto& names = criterion_result_names();
  for (int s : cr.program.slots()) {
    const size_t k = static_cast<size_t>(s);
    if (k < names.size()) {
      if (auto v = a.results.get(names[k])) add(describe(names[k], *v, cur));
      continue;
    }
    for (size_t j = 0; j < c.parameters.size() && j < a.params.size(); ++j)
      if (criterion_param_slot(static_cast<int>(j)) == s)
        add(explain_punctuation("{} {}", {arg::text(spaced(c.parameters[j].name)), quantity(a.params[j])}));
  }
  return out;
}

}  // namespace

std::vector<Phrase> draft_explanation(const Case& c, const Rollout& ro, const RolloutUnit& u,
                                      const UnitAssessment& a, const RolloutOptions& opt) {
  std::vector<Phrase> out;
  const std::string& cur = c.assumptions.currency;
  const std::vector<int> actionable = actionable_parameters(c, ro, u);
  for (size_t k = 0; k < a.criteria.size(); ++k) {
    const CriterionOutcome& oc = a.criteria[k];
    if (oc.holds) continue;
    // The criterion as written, in straight quotes.
    const PhraseArg quoted = arg::text(fmt::format("\"{}\"", oc.criterion));
    if (!oc.reason.pattern.empty()) {
      out.push_back(phrase("{} fails: {}", {quoted, arg::phrase(oc.reason)}));
      continue;
    }
    if (auto pc = parse_simple(oc.criterion, /*parameter=*/true)) {
      const int i = c.parameter_index(pc->name);
      if (i >= 0 && static_cast<size_t>(i) < a.params.size()) {
        out.push_back(phrase("{} {} (needs {})",
                             {arg::text(spaced(pc->name)), quantity(a.params[static_cast<size_t>(i)]),
                              arg::text(oc.criterion)}));
        continue;
      }
    }
    auto simple = parse_simple(oc.criterion);
    std::optional<double> value = simple ? a.results.get(simple->name) : std::nullopt;
    if (!simple || !value) {
      std::optional<Phrase> reads =
          k < ro.criteria.size() ? reads_text(ro.criteria[k], c, a, cur) : std::nullopt;
      out.push_back(reads ? phrase("{} does not hold ({})", {quoted, arg::phrase(*reads)})
                          : phrase("{} does not hold", {quoted}));
      continue;
    }
    const std::string& name = simple->name;
    const ResultFn result = result_of(c, name, opt.perspective);
    const int lever = result ? lever_parameter(c, actionable, result, a) : -1;
    if (lever < 0) {
      out.push_back(
          phrase("{} (needs {})", {arg::phrase(describe(name, *value, cur)), arg::text(oc.criterion)}));
      continue;
    }
    const size_t li = static_cast<size_t>(lever);
    const PhraseArg now = arg::phrase(describe(name, *value, cur)), at_now = quantity(a.params[li]),
                    pname = arg::text(spaced(c.parameters[li].name));
    BreakEven be = break_even(c, lever, result, result_words(name), a.overrides, simple->threshold);
    if (be.value) {
      const bool zero_npv = name == "npv" && simple->threshold == 0;
      const PhraseArg at = quantity_past(*be.value, a.params[li]);
      out.push_back(zero_npv
                        ? phrase("{} at {} {}; breaks even at {} {}", {now, at_now, pname, at, pname})
                        : phrase("{} at {} {}; reaches {} at {} {}",
                                 {now, at_now, pname, target_text(name, simple->threshold, cur), at, pname}));
    } else if (!explain_note_empty(be.note)) {
      out.push_back(phrase("{} at {} {}; {}", {now, at_now, pname, explain_note_arg(be.note)}));
    } else {
      out.push_back(phrase("{} at {} {}", {now, at_now, pname}));
    }
  }
  return out;
}

}  // namespace gevinst
