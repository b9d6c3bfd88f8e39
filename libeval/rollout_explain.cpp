// Drafted explanations for rollout units whose verdict is explain
// (docs/case-format.md, "Verdict and compliance"): one sentence per failed
// criterion, in the unit's figures.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "libeval/rollout.h"
#include "libeval/sensitivity.h"
#include "libeval/text.h"

namespace gevinst {

namespace {

const char* kMinus = "\u2212";  // typographic minus, as in a report

// A count or amount: whole numbers from 100 up, three significant digits below.
std::string quantity(double v) {
  if (std::fabs(v) >= 100) return grouped(v);
  std::string s = fmt::format("{:.3g}", std::fabs(v));
  return (v < 0 ? kMinus : "") + s;
}

// A switching value as quantity() shows it, but rounded away from `from` (the
// unit's current value) rather than to nearest, so that the criterion really
// holds at the printed figure: "breaks even at 344 patients" when NPV = 0 at
// 343.48 and the unit has fewer.
std::string quantity_past(double v, double from) {
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
  std::string name, op;
  double threshold = 0;
};

std::optional<SimpleCriterion> parse_simple(std::string_view s) {
  auto skip = [&](size_t i) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return i;
  };
  size_t i = skip(0), start = i;
  while (i < s.size() && (std::islower(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
  SimpleCriterion c;
  c.name = std::string(s.substr(start, i - start));
  bool known = false;
  for (const auto& n : criterion_result_names()) known |= n == c.name;
  if (!known) return std::nullopt;
  i = skip(i);
  for (const char* op : {">=", "<=", ">", "<"})
    if (s.substr(i, std::string_view(op).size()) == op) {
      c.op = op;
      break;
    }
  if (c.op.empty()) return std::nullopt;
  i = skip(i + c.op.size());
  std::string_view rest = s.substr(i);
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.remove_suffix(1);
  static const char* levels[] = {"none", "pilot", "documented", "hta"};
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

// "payback 7.3 years", "IRR 2.1 %", "evidence level pilot", ...
std::string describe(const std::string& name, double v, const std::string& currency) {
  static const char* levels[] = {"none", "pilot", "documented", "hta"};
  if (name == "npv") return "NPV " + money(v, currency);
  if (name == "pv_costs") return "PV of costs " + money(v, currency);
  if (name == "pv_benefits") return "PV of benefits " + money(v, currency);
  if (name == "capacity_value") return "capacity value " + money(v, currency);
  if (name == "irr") {  // typographic minus, as in the money figures beside it
    std::string pct = fmt::format("{:.1f}", std::fabs(v * 100));
    return fmt::format("IRR {}{} %", v < 0 && pct != "0.0" ? kMinus : "", pct);
  }
  if (name == "bcr") return fmt::format("BCR {:.2f}", v);
  if (name == "payback_years") return fmt::format("payback {:.1f} years", v);
  if (name == "discounted_payback_years") return fmt::format("discounted payback {:.1f} years", v);
  if (name == "fte") return fmt::format("{:.1f} FTE", v);
  if (name == "fte_years") return fmt::format("{:.1f} FTE-years", v);
  if (name == "hours" || name == "realisable_hours")
    return fmt::format("{} {}", grouped(v), name == "hours" ? "hours" : "realisable hours");
  if (name == "sroi_ratio") return fmt::format("SROI ratio {:.2f}", v);
  if (name == "evidence") {
    int k = static_cast<int>(std::lround(v));
    return fmt::format("evidence level {}", k >= 0 && k < 4 ? levels[k] : "?");
  }
  if (name == "population") return "population " + grouped(v);
  return fmt::format("{} {}", name, quantity(v));
}

// The value a break-even reaches, in the metric's words.
std::string target_text(const std::string& name, double target, const std::string& currency) {
  if (name == "npv") return money(target, currency);
  if (name == "fte") return fmt::format("{} FTE", quantity(target));
  return quantity(target);
}

// The unit's driver parameter: its first per-capita parameter, else its first override.
int driver_parameter(const Case& c, const RolloutUnit& u) {
  if (!u.per_capita.empty()) return c.parameter_index(u.per_capita.front().first);
  if (!u.parameters.empty()) return u.parameters.front().parameter;
  return -1;
}

std::string spaced(std::string s) {
  for (char& ch : s)
    if (ch == '_') ch = ' ';
  return s;
}

}  // namespace

std::vector<std::string> draft_explanation(const Case& c, const RolloutUnit& u, const UnitAssessment& a,
                                           const RolloutOptions& opt) {
  std::vector<std::string> out;
  const std::string& cur = c.assumptions.currency;
  const int driver = driver_parameter(c, u);
  for (const auto& oc : a.criteria) {
    if (oc.holds) continue;
    if (!oc.reason.empty()) {
      out.push_back(fmt::format("\"{}\" fails: {}", oc.criterion, oc.reason));
      continue;
    }
    auto simple = parse_simple(oc.criterion);
    std::optional<double> value = simple ? a.results.get(simple->name) : std::nullopt;
    if (!simple || !value) {
      out.push_back(fmt::format("\"{}\" does not hold", oc.criterion));
      continue;
    }
    const std::string& name = simple->name;
    bool searchable = (name == "npv" || name == "fte" || name == "sroi_ratio") && simple->op[0] == '>';
    if (!searchable || driver < 0 || static_cast<size_t>(driver) >= a.params.size()) {
      out.push_back(fmt::format("{} (needs {})", describe(name, *value, cur), oc.criterion));
      continue;
    }
    const std::string pname = spaced(c.parameters[static_cast<size_t>(driver)].name);
    std::string s = fmt::format("{} at {} {}", describe(name, *value, cur),
                                quantity(a.params[static_cast<size_t>(driver)]), pname);
    Metric m = name == "npv" ? Metric::npv : name == "fte" ? Metric::fte : Metric::sroi;
    BreakEven be = break_even(c, driver, m, a.overrides, simple->threshold, opt.perspective);
    if (be.value) {
      bool zero_npv = name == "npv" && simple->threshold == 0;
      const std::string at = quantity_past(*be.value, a.params[static_cast<size_t>(driver)]);
      s += zero_npv
               ? fmt::format("; breaks even at {} {}", at, pname)
               : fmt::format("; reaches {} at {} {}", target_text(name, simple->threshold, cur), at, pname);
    } else if (!be.note.empty()) {
      s += "; " + be.note;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace gevinst
