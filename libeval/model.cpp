#include "libeval/model.h"

#include <array>
#include <cmath>

namespace gevinst {

namespace {
template <class E, size_t N>
std::optional<E> from_names(std::string_view s, const std::array<const char*, N>& names) {
  for (size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<E>(i);
  return std::nullopt;
}
constexpr std::array<const char*, 5> kStage = {"needs", "development", "evaluation", "implementation",
                                               "scaling"};
constexpr std::array<const char*, 4> kEvidence = {"none", "pilot", "documented", "hta"};
constexpr std::array<const char*, 7> kSector = {
    "region", "municipality", "general-practice", "state", "citizen", "private", "other"};
constexpr std::array<const char*, 4> kCost = {"investment", "implementation", "operating", "other"};
constexpr std::array<const char*, 4> kBenefit = {"budget", "capacity", "societal", "qualitative"};
constexpr std::array<const char*, 3> kPerspective = {"budget", "organisation", "society"};
}  // namespace

bool satisfies(double v, Constraint c) {
  switch (c) {
    case Constraint::finite: return std::isfinite(v);
    case Constraint::share: return v >= 0 && v <= 1;
    case Constraint::positive: return v > 0;
    case Constraint::nonnegative: return v >= 0;
    case Constraint::rate: return v > -1;
    case Constraint::correlation: return v >= -1 && v <= 1;
  }
  return true;
}

const char* constraint_text(Constraint c) {
  switch (c) {
    case Constraint::finite: return "a finite number";
    case Constraint::share: return "a share between 0 and 1";
    case Constraint::positive: return "greater than 0";
    case Constraint::nonnegative: return "0 or more";
    case Constraint::rate: return "a rate greater than -1";
    case Constraint::correlation: return "a correlation between -1 and 1";
  }
  return "";
}

const char* to_string(Stage v) { return kStage[static_cast<int>(v)]; }
const char* to_string(Evidence v) { return kEvidence[static_cast<int>(v)]; }
const char* to_string(Sector v) { return kSector[static_cast<int>(v)]; }
const char* to_string(CostKind v) { return kCost[static_cast<int>(v)]; }
const char* to_string(BenefitKind v) { return kBenefit[static_cast<int>(v)]; }
const char* to_string(Perspective v) { return kPerspective[static_cast<int>(v)]; }
std::optional<Perspective> perspective_from(std::string_view s) {
  return from_names<Perspective>(s, kPerspective);
}

bool counts(Perspective p, BenefitKind k) {
  switch (k) {
    case BenefitKind::budget: return true;
    case BenefitKind::capacity: return p != Perspective::budget;
    case BenefitKind::societal: return p == Perspective::society;
    case BenefitKind::qualitative: return false;
  }
  return false;
}

int Case::parameter_index(std::string_view name) const {
  for (size_t i = 0; i < parameters.size(); ++i)
    if (parameters[i].name == name) return static_cast<int>(i);
  return -1;
}

const Party* Case::party(std::string_view id) const {
  for (const auto& p : parties)
    if (p.id == id) return &p;
  return nullptr;
}

const std::vector<std::string>& criterion_result_names() {
  static const std::vector<std::string> names = {
      "npv",         "irr",      "bcr",       "payback_years", "discounted_payback_years", "pv_costs",
      "pv_benefits", "fte",      "fte_years", "hours",         "realisable_hours",         "capacity_value",
      "sroi_ratio",  "evidence", "population"};
  return names;
}

int criterion_param_slot(int parameter_index) {
  return static_cast<int>(criterion_result_names().size()) + 4 + parameter_index;
}

const char* to_string(ForecastMethod m) {
  switch (m) {
    case ForecastMethod::plan: return "plan";
    case ForecastMethod::trend: return "trend";
    case ForecastMethod::parameters: return "parameters";
  }
  return "trend";
}

std::optional<ForecastMethod> forecast_method_from(std::string_view s) {
  if (s == "plan") return ForecastMethod::plan;
  if (s == "trend") return ForecastMethod::trend;
  if (s == "parameters") return ForecastMethod::parameters;
  return std::nullopt;
}

const std::vector<std::string>& gate_result_names() {
  static const std::vector<std::string> names = {"realisation",  "cost_ratio",   "forecast.npv",
                                                 "forecast.bcr", "forecast.fte", "realised.npv",
                                                 "evidence"};
  return names;
}

int gate_actual_slot(int parameter_index) {
  return static_cast<int>(gate_result_names().size()) + 4 + parameter_index;
}

int gate_param_slot(int parameter_index, int parameters) {
  return gate_actual_slot(parameters) + parameter_index;
}

void for_each_field(const Case& c, const std::function<void(const Number&)>& f) {
  auto number = [&](const Number& n) {
    if (n.present) f(n);
  };
  auto profile = [&](const Profile& p) {
    for (const auto& [year, share] : p.steps) number(share);
  };
  const auto& ob = c.assumptions.optimism_bias;
  for (const Number* n : {&ob.investment, &ob.implementation, &ob.operating, &ob.other, &ob.benefits})
    number(*n);
  for (const auto* items : {&c.costs, &c.benefits})
    for (const FlowItem& it : *items) {
      number(it.amount);
      number(it.growth);
      for (const auto& [year, v] : it.amounts) number(v);
      profile(it.profile);
    }
  for (const StaffGroup& g : c.capacity.staff) number(g.hour_cost);
  for (const Activity& a : c.capacity.activities) {
    number(a.time_saved);
    number(a.events_per_year);
    number(a.realisable);
    profile(a.adoption);
  }
  if (c.capacity.target_fte) number(*c.capacity.target_fte);
  if (c.sroi.investment) number(*c.sroi.investment);
  for (const Outcome& o : c.sroi.outcomes)
    for (const Number* n :
         {&o.quantity, &o.proxy, &o.deadweight, &o.attribution, &o.displacement, &o.drop_off})
      number(*n);
  for (const Financing& fi : c.financing) {
    for (const Number* n : {&fi.share, &fi.principal, &fi.rate, &fi.gain_share}) number(*n);
    if (fi.principal_share) number(*fi.principal_share);
    if (fi.cap) number(*fi.cap);
  }
  for (const ParameterCorrelation& r : c.correlations) number(r.rho);
  for (const StageGate& g : c.stage_gates) number(g.amount);
}

int bare_parameter(const Number& n) {
  const auto& code = n.program.code;
  if (code.size() == 1 && code[0].op == Program::Op::push_slot) return code[0].arg;
  return -1;
}

}  // namespace gevinst
