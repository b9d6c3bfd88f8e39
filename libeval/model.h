// The case model: what a case file says, typed. The loader fills it; the
// calculations read it. No YAML here.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libeval/diagnostics.h"
#include "libeval/discounting.h"
#include "libeval/expr.h"

namespace gevinst {

/// What a numeric field must satisfy once evaluated (docs/case-format.md,
/// "Value ranges": shares in [0, 1], rates > -1, amounts and counts >= 0, ...).
enum class Constraint { finite, share, positive, nonnegative, rate, correlation };

/// True when `v` satisfies `c` (any finite value for Constraint::finite).
bool satisfies(double v, Constraint c);
/// The constraint in words: "a share between 0 and 1", "0 or more", ...
const char* constraint_text(Constraint c);

/// A numeric field: a literal or an expression over parameters, compiled once.
/// Slots of the program are parameter indices into Case::parameters.
struct Number {
  Program program;
  std::string text;                            ///< the source text, for messages
  SourceLoc loc;                               ///< where the value is in the file
  std::string yaml_path;                       ///< e.g. "costs[1].per_year"
  bool present = false;                        ///< false when the key was absent (a default applies)
  Constraint constraint = Constraint::finite;  ///< what its value must satisfy

  static Number literal(double v) {
    Number n;
    n.program = Program::constant(v);
    n.text = std::to_string(v);
    n.present = true;
    return n;
  }
};

enum class Stage { needs, development, evaluation, implementation, scaling };
enum class Evidence { none, pilot, documented, hta };
enum class Template { small, large };
enum class Sector { region, municipality, general_practice, state, citizen, private_, other };
enum class CostKind { investment, implementation, operating, other };
enum class BenefitKind { budget, capacity, societal, qualitative };
enum class Perspective { budget, organisation, society };

const char* to_string(Stage);
const char* to_string(Evidence);
const char* to_string(Sector);
const char* to_string(CostKind);
const char* to_string(BenefitKind);
const char* to_string(Perspective);
std::optional<Perspective> perspective_from(std::string_view);

/// Whether a perspective counts a benefit kind (docs/case-format.md, "Perspectives"):
/// budget ⊆ organisation (+capacity) ⊆ society (+societal); qualitative never.
bool counts(Perspective p, BenefitKind k);

struct CaseInfo {
  std::string id, title, owner, description;
  std::optional<Stage> stage;
  std::optional<Evidence> evidence;
  std::optional<Template> templ;
  SourceLoc loc;
  SourceLoc id_loc;  ///< where case.id's value is
};

struct Assumptions {
  int start_year = 0;
  int horizon = 0;
  int price_year = 0;       ///< the price level of every amount (docs/case-format.md, "Prices")
  std::string price_index;  ///< a price index preset converting items' own price_year; empty = none
  double inflation = 0;     ///< deflates nominal loan flows: / (1 + inflation)^(year - start_year)
  std::string currency = "DKK";
  DiscountSchedule discounting;  ///< resolved (preset or inline)
  Timing timing = Timing::end;
  double fte_hours = 1924;       ///< hours per FTE (årsværk)
  std::string fte_hours_preset;  ///< preset name when given by name
  struct OptimismBias {
    Number investment, implementation, operating, other, benefits;  ///< shares; absent = 0
    bool present = false;
  } optimism_bias;
  int end_year() const { return start_year + horizon - 1; }
};

/// A distribution for Monte Carlo (docs/case-format.md, "Distributions").
/// Arguments are numbers or expressions over non-random parameters,
/// evaluated at the base case.
struct DistributionSpec {
  std::string kind;  ///< normal | lognormal | beta | gamma | uniform | triangular | pert
  std::vector<Number> args;
  SourceLoc loc;
  std::string yaml_path;
};

struct Parameter {
  std::string name;
  Number value;
  std::optional<Number> low, high;
  std::optional<DistributionSpec> dist;
  std::string source, label, unit;
  SourceLoc loc;
};

struct Party {
  std::string id, label;
  Sector sector = Sector::other;
  SourceLoc loc;
};

/// Benefit realisation profile or adoption curve: the share realised per year.
struct Profile {
  enum class Kind { none, steps, linear, logistic } kind = Kind::none;
  std::vector<std::pair<int, Number>> steps;             ///< (year, share), ascending years
  int linear_from = 0, linear_years = 1;                 ///< linear ramp: (y - from + 1) / years, capped at 1
  double logistic_midpoint = 0, logistic_steepness = 1;  ///< 1 / (1 + exp(-k (y - midpoint)))
  SourceLoc loc;
};

struct FlowItem {
  enum class Form { amount, per_year, amounts };
  std::string id, label, party, description;
  bool is_cost = true;
  CostKind cost_kind = CostKind::other;
  BenefitKind benefit_kind = BenefitKind::budget;
  Form form = Form::amount;
  Number amount;                                ///< amount or per_year
  int year = 0;                                 ///< for amount
  int from = 0, to = 0;                         ///< for per_year
  Number growth;                                ///< for per_year; absent = 0
  std::vector<std::pair<int, Number>> amounts;  ///< for amounts, ascending years
  Profile profile;
  int price_year = 0;       ///< the item's own price year; 0 = the case's
  double price_factor = 1;  ///< index(case price_year) / index(item price_year); 1 without price_year
  bool derived_from_capacity = false;  ///< set on capacity benefits the engine derives
  SourceLoc loc;
  std::string yaml_path;  ///< "costs[2]"
};

struct StaffGroup {
  std::string id, label, preset;
  Number hour_cost;
  SourceLoc loc;
};

struct Activity {
  std::string id, label, staff, party;
  Number time_saved;       ///< hours per event (minutes_saved are divided by 60 at load)
  bool in_minutes = true;  ///< how the file gave it
  Number events_per_year;
  int from = 0, to = 0;
  Profile adoption;
  Number realisable;  ///< default 1
  bool monetise = true;
  SourceLoc loc;
  std::string yaml_path;
};

struct CapacitySection {
  bool present = false;
  std::vector<StaffGroup> staff;
  std::vector<Activity> activities;
  std::optional<Number> target_fte;
  SourceLoc loc;
};

struct Outcome {
  std::string id, stakeholder, indicator, proxy_source, description;
  Number quantity, proxy;
  int start = 0;
  int duration = 1;
  Number deadweight, attribution, displacement, drop_off;  ///< absent = 0
  SourceLoc loc;
  std::string yaml_path;
};

struct SroiSection {
  bool present = false;
  std::optional<Number> investment;  ///< absent = auto (PV of all costs)
  /// `first_year: discounted`: an outcome in year index t takes DF(t + 1)
  /// (docs/case-format.md, "SROI"); false (`undiscounted`, the default): DF(t).
  bool first_year_discounted = false;
  std::vector<Outcome> outcomes;
  SourceLoc loc;
};

struct Financing {
  enum class Method { grant, annuity, serial, bullet, gain_share };
  std::string id, label;
  Method method = Method::grant;
  // grant
  std::string payer, recipient;
  Number share;
  std::vector<std::string> of;
  // loans
  std::string lender, borrower;
  Number principal;                       ///< amount form
  std::optional<Number> principal_share;  ///< {share, of} form
  std::vector<std::string> principal_of;
  int disbursed = 0;
  Number rate;
  int periods_per_year = 1, grace = 0, term = 1;
  bool grace_capitalise = false;
  Number gain_share;
  std::vector<std::string> gain_of;
  std::optional<Number> cap;
  bool residual_due = false;
  SourceLoc loc;
  std::string yaml_path;
};

/// A parameter value replaced by a scenario, `--set` or a rollout unit.
struct Override {
  int parameter = -1;  ///< index into Case::parameters
  std::string name;
  Number value;
};
using Overrides = std::vector<Override>;

struct Scenario {
  std::string name;
  Overrides overrides;
  SourceLoc loc;
};

/// A correlation between two parameters with distributions (Gaussian copula).
struct ParameterCorrelation {
  std::string a, b;
  Number rho;
  SourceLoc loc;
};

struct Criterion {
  std::string text;
  Program program;
  SourceLoc loc;
  std::string yaml_path;
};

// ---- Follow-up (docs/case-format.md, "Follow-up") ----

/// How the years after the elapsed ones are re-forecast.
enum class ForecastMethod { plan, trend, parameters };
const char* to_string(ForecastMethod);
std::optional<ForecastMethod> forecast_method_from(std::string_view);

/// `follow_up:` in the plan; every key optional.
struct FollowUp {
  ForecastMethod forecast = ForecastMethod::trend;
  double brake_below = 0.7;  ///< case-level realisation below this counts towards the brake
  int brake_years = 2;       ///< consecutive elapsed years below brake_below that raise it
  bool present = false;
  SourceLoc loc;
};

/// Bare names a stage-gate criterion may use (docs/case-format.md, "Stage
/// gates"), in slot order: slot i < size() is result i; then the evidence
/// levels none, pilot, documented, hta as constants 0..3; then the realised
/// value of plan parameter j (`actual.NAME`) at gate_actual_slot(j); then plan
/// parameter j (`$NAME`) at gate_param_slot(j, parameter count).
const std::vector<std::string>& gate_result_names();
int gate_actual_slot(int parameter_index);
int gate_param_slot(int parameter_index, int parameters);

/// One stage gate: funds released when its criteria hold on the actuals.
struct StageGate {
  std::string id;
  int after = 0;         ///< judged on actuals through this year
  Number amount;         ///< release.amount (money)
  std::string from, to;  ///< release.from / release.to (party ids)
  std::vector<Criterion> criteria;
  SourceLoc loc;
  std::string yaml_path;
};

/// A loaded, checked case. Every reference in it resolves.
struct Case {
  std::string file;  ///< path as given
  std::string format;
  CaseInfo info;
  Assumptions assumptions;
  std::vector<Parameter> parameters;  ///< slot i of every Program is parameters[i]
  std::vector<int> parameter_order;   ///< topological order for evaluating parameters
  std::vector<Party> parties;
  std::vector<FlowItem> costs, benefits;
  CapacitySection capacity;
  SroiSection sroi;
  std::vector<Financing> financing;
  std::vector<Scenario> scenarios;
  std::vector<ParameterCorrelation> correlations;
  FollowUp follow_up;
  std::vector<StageGate> stage_gates;

  int parameter_index(std::string_view name) const;  ///< -1 if absent
  const Party* party(std::string_view id) const;
};

/// Calls `f` on every numeric field of the case that has a range
/// (Number::constraint): flow amounts and growth, profile and adoption steps,
/// capacity, SROI, financing and optimism-bias fields. Parameters, scenario
/// values and distribution arguments are not fields in this sense.
void for_each_field(const Case& c, const std::function<void(const Number&)>& f);

/// The parameter a field reads when the field is exactly `$name` (no
/// arithmetic), else -1.
int bare_parameter(const Number& n);

// ---- Rollout documents (format gevinst-rollout/1) ----

struct Decision {
  enum class Status { adopted, declined, pending } status = Status::pending;
  std::string date, explanation;  ///< date as YYYY-MM-DD, may be empty
  SourceLoc loc;
};

struct RolloutUnit {
  std::string id, label;
  /// Overrides as written; slots refer to the solution's parameters.
  Overrides parameters;
  /// Population scaling: parameter name -> national parameter name; the unit's
  /// value is the national value times population / total population.
  std::vector<std::pair<std::string, std::string>> per_capita;
  std::optional<double> population;
  Decision decision;
  SourceLoc loc;
  std::string yaml_path;
};

/// Bare names a rollout criterion may use (docs/case-format.md, "Criteria"),
/// in slot order: slot i < size() is result i; then the evidence levels
/// none, pilot, documented, hta as constants 0..3; then parameter j at slot
/// criterion_param_slot(j).
const std::vector<std::string>& criterion_result_names();
int criterion_param_slot(int parameter_index);

struct Rollout {
  std::string file;
  std::string solution;       ///< path as written (relative to the rollout file)
  std::string solution_path;  ///< resolved path
  std::string lead_unit, review_due, units_preset, title;
  std::vector<Criterion> criteria;
  std::vector<RolloutUnit> units;
  SourceLoc solution_loc;
};

// ---- Actuals documents (format gevinst-actuals/1, docs/case-format.md, "Follow-up") ----

/// Measured drivers of a capacity activity in one year; an absent one is
/// taken from the plan.
struct MeasuredDrivers {
  std::optional<double> events;         ///< events that year
  std::optional<double> minutes_saved;  ///< minutes saved per event
};

/// What was realised in one elapsed calendar year.
struct ActualsYear {
  int year = 0;
  std::map<std::string, double> costs, benefits;  ///< item id -> realised amount (money)
  std::map<std::string, MeasuredDrivers> capacity;
  std::map<std::string, double> sroi;  ///< outcome id -> realised quantity
  SourceLoc loc;
};

struct RealisedParameter {
  int parameter = -1;  ///< index into the plan's parameters
  std::string name, source;
  double value = 0;
  SourceLoc loc;
};

struct Actuals {
  std::string file;
  std::string case_ref;   ///< `case:` as written (relative to this file)
  std::string case_path;  ///< resolved path
  std::string as_of, source;
  std::vector<ActualsYear> years;  ///< ascending, from start_year, no gaps
  std::vector<RealisedParameter> parameters;
  SourceLoc case_loc;
};

}  // namespace gevinst
