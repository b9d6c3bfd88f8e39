// Follow-up on realised benefits (docs/case-format.md, "Follow-up"); the
// definitions are in follow_up.h.
#include "libeval/follow_up.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <span>

#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/financing.h"
#include "libeval/parameters.h"
#include "libeval/repayment.h"
#include "libeval/text.h"

namespace gevinst {

namespace {

std::optional<double> ratio_of(double realised, double planned, bool any) {
  if (!any || planned == 0) return std::nullopt;
  return realised / planned;
}

// A money item (flow or monetised activity) on its way to the totals.
struct MoneyItem {
  bool is_cost = false, counted = false;        // counted: enters the perspective's totals
  std::vector<double> planned, series;          // per horizon year: plan; realised then forecast
  std::vector<std::optional<double>> realised;  // per elapsed year
};

std::optional<double> find_value(const std::map<std::string, double>& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? std::nullopt : std::optional<double>(it->second);
}

// Fills ratio and sums of `ti` from its per-year planned and realised values.
void summarise(TrackItem& ti, const std::vector<int>& elapsed) {
  bool any = false;
  for (size_t t = 0; t < ti.realised_by_year.size(); ++t) {
    if (!ti.realised_by_year[t]) {
      // A year the plan expects nothing of is not missing.
      if (ti.planned_by_year[t] != 0) ti.not_reported.push_back(elapsed[t]);
      continue;
    }
    any = true;
    ti.planned += ti.planned_by_year[t];
    ti.realised += *ti.realised_by_year[t];
  }
  ti.ratio = ratio_of(ti.realised, ti.planned, any);
}

// Forecast value of year t (after the elapsed years) by the method.
double forecast_value(ForecastMethod m, double planned, std::optional<double> ratio, double reevaluated) {
  switch (m) {
    case ForecastMethod::plan: return planned;
    case ForecastMethod::trend: return ratio ? planned * *ratio : planned;
    case ForecastMethod::parameters: return reevaluated;
  }
  return planned;
}

// Realised hours of an activity from its measured drivers (a driver not
// measured is the plan's: its events that year, or its time saved per event).
double realised_hours(const MeasuredDrivers& d, double planned_hours, double hours_per_event) {
  if (d.events && d.minutes_saved) return *d.events * *d.minutes_saved / 60.0;
  if (d.events) return *d.events * hours_per_event;
  // Minutes measured, events from the plan: planned hours scaled by the time per event.
  return hours_per_event > 0 ? planned_hours * (*d.minutes_saved / 60.0) / hours_per_event : 0.0;
}

// A pattern of fields and punctuation only ("{}, {}"), the same in every
// language: no message id, so no catalogue entry.
Phrase follow_up_punctuation(std::string pattern, std::initializer_list<PhraseArg> args) {
  return Phrase{std::move(pattern), std::vector<PhraseArg>(args)};
}

// `v` as fmt's "{}" writes it (0.7, 0.75), with as many decimals as that
// shows, so a reader's locale can format it.
PhraseArg follow_up_shortest(double v) {
  const std::string s = fmt::format("{}", v);
  const size_t dot = s.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
  if (s.find_first_not_of("-0123456789.") != std::string::npos || fmt::format("{:.{}f}", v, decimals) != s)
    return arg::text(s);
  return arg::fixed(v, decimals);
}

}  // namespace

TrackResult evaluate_follow_up(const Case& c, const Actuals& act, const TrackOptions& opt) {
  const Assumptions& as = c.assumptions;
  const size_t n = static_cast<size_t>(as.horizon);
  const size_t ne = std::min(act.years.size(), n);
  TrackResult r;
  r.file = act.file;
  r.case_file = act.case_path.empty() ? c.file : act.case_path;
  r.case_id = c.info.id;
  r.title = c.info.title;
  r.as_of = act.as_of;
  r.source = act.source;
  r.currency = as.currency;
  r.perspective = opt.perspective;
  r.forecast_method = opt.forecast.value_or(c.follow_up.forecast);
  r.start_year = as.start_year;
  r.horizon = as.horizon;
  r.brake_below = c.follow_up.brake_below;
  r.brake_years = c.follow_up.brake_years;
  for (size_t t = 0; t < ne; ++t) r.elapsed_years.push_back(act.years[t].year);

  EvaluateOptions eo;
  eo.perspective = opt.perspective;
  const BusinessCase bc = evaluate_case(c, eo);
  const std::vector<double>& params = bc.params;
  const std::vector<double>& df = bc.discount_factors;
  // The plan re-evaluated with the realised parameters (the `parameters` forecast).
  Overrides realised_params;
  for (const auto& p : act.parameters)
    if (p.parameter >= 0) realised_params.push_back({p.parameter, p.name, Number::literal(p.value)});
  std::optional<BusinessCase> rebc;
  std::vector<double> reparams = params;
  if (r.forecast_method == ForecastMethod::parameters) {
    EvaluateOptions ro = eo;
    ro.overrides = realised_params;
    rebc = evaluate_case(c, ro);
    reparams = rebc->params;
  }
  const ForecastMethod method = r.forecast_method;

  std::vector<MoneyItem> monies;
  std::map<std::string, size_t> benefit_money;  // benefit or activity id -> money index (for loan gains)
  std::vector<std::vector<double>> activity_value(c.capacity.activities.size());
  std::vector<double> fte_plan(n, 0.0), fte_out(n, 0.0);

  // Flow items.
  for (size_t k = 0; k < bc.items.size(); ++k) {
    const ItemSeries& s = bc.items[k];
    if (s.derived_from_capacity) continue;
    TrackItem ti;
    ti.id = s.id;
    ti.label = s.label;
    ti.kind = s.is_cost ? "cost" : "benefit";
    ti.unit = "money";
    MoneyItem mi;
    mi.is_cost = s.is_cost;
    mi.counted = s.is_cost || counts(opt.perspective, s.benefit_kind);
    mi.planned = s.values;
    for (size_t t = 0; t < ne; ++t) {
      const std::optional<double> v =
          find_value(s.is_cost ? act.years[t].costs : act.years[t].benefits, s.id);
      ti.planned_by_year.push_back(s.values[t]);
      ti.realised_by_year.push_back(v);
    }
    summarise(ti, r.elapsed_years);
    mi.realised = ti.realised_by_year;
    mi.series.resize(n);
    for (size_t t = 0; t < n; ++t)
      mi.series[t] =
          t < ne ? mi.realised[t].value_or(s.values[t])
                 : forecast_value(method, s.values[t], ti.ratio, rebc ? rebc->items[k].values[t] : 0.0);
    if (!s.is_cost) benefit_money[s.id] = monies.size();
    monies.push_back(std::move(mi));
    r.items.push_back(std::move(ti));
  }

  // Capacity activities: hours from the measured drivers; money and FTE scale with them.
  for (size_t j = 0; j < c.capacity.activities.size(); ++j) {
    const Activity& a = c.capacity.activities[j];
    const ActivitySeries p = activity_series(c, a, params);
    const std::optional<ActivitySeries> re =
        rebc ? std::optional<ActivitySeries>(activity_series(c, a, reparams)) : std::nullopt;
    // Hours per event (the field is in minutes when given as minutes_saved).
    const double per_event = value_of(a.time_saved, params, c.file) / (a.in_minutes ? 60.0 : 1.0);
    const double realisable = value_of(a.realisable, params, c.file);
    TrackItem ti;
    ti.id = a.id;
    ti.label = a.label.empty() ? a.id : a.label;
    ti.kind = "activity";
    ti.unit = "hours";
    for (size_t t = 0; t < ne; ++t) {
      auto it = act.years[t].capacity.find(a.id);
      ti.planned_by_year.push_back(p.hours[t]);
      ti.realised_by_year.push_back(
          it == act.years[t].capacity.end()
              ? std::nullopt
              : std::optional<double>(realised_hours(it->second, p.hours[t], per_event)));
    }
    summarise(ti, r.elapsed_years);
    std::vector<double> value(n), fte(n);
    for (size_t t = 0; t < n; ++t) {
      fte_plan[t] += p.fte[t];
      if (t < ne && ti.realised_by_year[t]) {
        const double h = *ti.realised_by_year[t];
        // value = realisable hours × hour cost; FTE = realisable hours / FTE hours (section 7).
        value[t] = h * realisable * p.hour_cost;
        fte[t] = h * realisable / as.fte_hours;
      } else if (t < ne) {
        value[t] = p.value[t];
        fte[t] = p.fte[t];
      } else {
        value[t] = forecast_value(method, p.value[t], ti.ratio, re ? re->value[t] : 0.0);
        fte[t] = forecast_value(method, p.fte[t], ti.ratio, re ? re->fte[t] : 0.0);
      }
      fte_out[t] += fte[t];
    }
    activity_value[j] = value;
    if (a.monetise) {
      MoneyItem mi;
      mi.counted = counts(opt.perspective, BenefitKind::capacity);
      mi.planned = p.value;
      mi.series = value;
      for (size_t t = 0; t < ne; ++t)
        mi.realised.push_back(ti.realised_by_year[t] ? std::optional<double>(value[t]) : std::nullopt);
      benefit_money[a.id] = monies.size();
      monies.push_back(std::move(mi));
    }
    r.items.push_back(std::move(ti));
  }

  // SROI outcomes: quantities, reported beside the money.
  for (const Outcome& o : c.sroi.outcomes) {
    const double q = value_of(o.quantity, params, c.file);
    TrackItem ti;
    ti.id = o.id;
    ti.label = o.indicator.empty() ? o.id : o.indicator;
    ti.kind = "outcome";
    ti.unit = "quantity";
    for (size_t t = 0; t < ne; ++t) {
      const int y = act.years[t].year;
      auto it = act.years[t].sroi.find(o.id);
      ti.planned_by_year.push_back(y >= o.start && y < o.start + o.duration ? q : 0.0);
      ti.realised_by_year.push_back(it == act.years[t].sroi.end() ? std::nullopt
                                                                  : std::optional<double>(it->second));
    }
    summarise(ti, r.elapsed_years);
    r.items.push_back(std::move(ti));
  }

  // Case level, per year and over E; the year table.
  double pb = 0, rb = 0, pc = 0, rcost = 0;
  bool any_b = false, any_c = false;
  std::vector<YearRow> plan_rows(n), out_rows(n);
  r.years.resize(n);
  for (size_t t = 0; t < n; ++t) {
    TrackYear& y = r.years[t];
    y.year = as.start_year + static_cast<int>(t);
    y.elapsed = t < ne;
    y.discount_factor = df[t];
    double ypb = 0, yrb = 0, ypc = 0, yrc = 0;
    bool yb = false, yc = false;
    for (const MoneyItem& m : monies) {
      if (!m.counted) continue;
      (m.is_cost ? y.planned_costs : y.planned_benefits) += m.planned[t];
      (m.is_cost ? y.costs : y.benefits) += m.series[t];
      if (t < ne && m.realised[t]) {
        (m.is_cost ? ypc : ypb) += m.planned[t];
        (m.is_cost ? yrc : yrb) += *m.realised[t];
        (m.is_cost ? yc : yb) = true;
      }
    }
    if (t < ne) {
      y.realisation = ratio_of(yrb, ypb, yb);
      y.cost_ratio = ratio_of(yrc, ypc, yc);
      pb += ypb, rb += yrb, pc += ypc, rcost += yrc;
      any_b = any_b || yb;
      any_c = any_c || yc;
      r.realised_npv += df[t] * (y.benefits - y.costs);
    }
    y.planned_fte = fte_plan[t];
    y.fte = fte_out[t];
    plan_rows[t] = YearRow{};
    plan_rows[t].year = y.year;
    plan_rows[t].costs = y.planned_costs;
    plan_rows[t].benefits = y.planned_benefits;
    plan_rows[t].discount_factor = df[t];
    out_rows[t] = plan_rows[t];
    out_rows[t].costs = y.costs;
    out_rows[t].benefits = y.benefits;
  }
  r.realisation = ratio_of(rb, pb, any_b);
  r.cost_ratio = ratio_of(rcost, pc, any_c);
  const Metrics pm = metrics_from_years(plan_rows, opt.perspective, as.start_year);
  const Metrics fm = metrics_from_years(out_rows, opt.perspective, as.start_year);
  r.plan = {pm.npv, pm.bcr, std::nullopt};
  r.forecast = {fm.npv, fm.bcr, std::nullopt};
  if (c.capacity.present) {
    r.plan.fte = n ? *std::max_element(fte_plan.begin(), fte_plan.end()) : 0.0;
    r.forecast.fte = n ? *std::max_element(fte_out.begin(), fte_out.end()) : 0.0;
  }
  for (const TrackItem& ti : r.items) {
    if (ti.not_reported.empty() || ti.kind == "outcome") continue;
    const PhraseArg id = arg::text(ti.id),
                    years = arg::text(fmt::format("{}", fmt::join(ti.not_reported, ", ")));
    if (ti.kind == "cost")
      r.notes.push_back(
          phrase("cost '{}' not reported in {}; it stays out of the ratios and counts in the "
                 "money series at its plan",
                 {id, years}));
    else if (ti.kind == "benefit")
      r.notes.push_back(
          phrase("benefit '{}' not reported in {}; it stays out of the ratios and counts in the "
                 "money series at its plan",
                 {id, years}));
    else
      r.notes.push_back(
          phrase("activity '{}' not reported in {}; it stays out of the ratios and counts in "
                 "the money series at its plan",
                 {id, years}));
  }

  // Brake signal.
  if (r.plan.npv >= 0 && r.forecast.npv < 0)
    r.brake_reasons.push_back(
        phrase("the forecast NPV {} is below 0 while the plan's NPV is {}",
               {arg::money(r.forecast.npv, r.currency), arg::money(r.plan.npv, r.currency)}));
  const size_t k = static_cast<size_t>(r.brake_years);
  if (ne >= k) {
    bool below = true;
    std::optional<Phrase> shown;  // "2026 0.67, 2027 0.67"
    for (size_t t = ne - k; t < ne; ++t) {
      const auto& v = r.years[t].realisation;
      below = below && v && *v < r.brake_below;
      Phrase one = v ? follow_up_punctuation("{} {}", {arg::year(r.years[t].year), arg::fixed(*v, 2)})
                     : phrase("{} null", {arg::year(r.years[t].year)});
      shown = shown ? follow_up_punctuation("{}, {}", {arg::phrase(*shown), arg::phrase(one)}) : one;
    }
    if (below) {
      const PhraseArg level = follow_up_shortest(r.brake_below), years = arg::fixed(static_cast<double>(k));
      const PhraseArg list = shown ? arg::phrase(*shown) : arg::text("");
      r.brake_reasons.push_back(
          k == 1
              ? phrase("realisation below {} in each of the last {} elapsed year ({})", {level, years, list})
              : phrase("realisation below {} in each of the last {} elapsed years ({})",
                       {level, years, list}));
    }
  }
  r.brake = !r.brake_reasons.empty();

  // Stage gates.
  const size_t np = c.parameters.size();
  const auto& gnames = gate_result_names();
  std::vector<std::optional<double>> results = {
      r.realisation,
      r.cost_ratio,
      r.forecast.npv,
      r.forecast.bcr,
      r.forecast.fte,
      r.realised_npv,
      c.info.evidence ? std::optional<double>(static_cast<int>(*c.info.evidence)) : std::nullopt};
  const std::vector<Phrase> why = {phrase("no benefit item-year is reported with a planned value"),
                                   phrase("no cost item-year is reported with a planned value"),
                                   Phrase{},
                                   phrase("the forecast PV of costs is 0"),
                                   phrase("the plan has no capacity section"),
                                   Phrase{},
                                   phrase("the plan states no case.evidence")};
  std::vector<std::optional<double>> actual(np);
  for (const auto& p : act.parameters)
    if (p.parameter >= 0) actual[static_cast<size_t>(p.parameter)] = p.value;
  std::vector<double> slots(static_cast<size_t>(gate_param_slot(0, static_cast<int>(np))) + np, std::nan(""));
  for (size_t i = 0; i < gnames.size(); ++i)
    if (results[i]) slots[i] = *results[i];
  for (size_t i = 0; i < 4; ++i) slots[gnames.size() + i] = static_cast<double>(i);
  for (size_t j = 0; j < np; ++j) {
    if (actual[j]) slots[static_cast<size_t>(gate_actual_slot(static_cast<int>(j)))] = *actual[j];
    slots[static_cast<size_t>(gate_param_slot(static_cast<int>(j), static_cast<int>(np)))] = params[j];
  }
  const int last = r.elapsed_years.empty() ? as.start_year - 1 : r.elapsed_years.back();
  for (const StageGate& g : c.stage_gates) {
    GateOutcome o;
    o.id = g.id;
    o.after = g.after;
    o.from = g.from;
    o.to = g.to;
    o.amount = value_of(g.amount, params, c.file);
    o.release_year = g.after + 1;
    if (last < g.after) {
      o.status = "not due";
      r.gates.push_back(std::move(o));
      continue;
    }
    for (const Criterion& cr : g.criteria) {
      Phrase reason;  // an empty pattern: none
      for (int s : cr.program.slots()) {
        const size_t u = static_cast<size_t>(s);
        if (u < gnames.size() && !results[u]) {
          reason = phrase("{} is null: {}", {arg::text(gnames[u]), arg::phrase(why[u])});
          break;
        }
        if (s >= gate_actual_slot(0) && s < gate_actual_slot(static_cast<int>(np)) &&
            !actual[static_cast<size_t>(s - gate_actual_slot(0))]) {
          const std::string& name = c.parameters[static_cast<size_t>(s - gate_actual_slot(0))].name;
          reason = phrase("actual.{} is null: the actuals give no realised value of {}",
                          {arg::text(name), arg::text(name)});
          break;
        }
      }
      bool holds = false;
      if (reason.pattern.empty()) {
        EvalResult e = cr.program.evaluate(slots);
        if (!e.ok())
          reason = e.status == EvalStatus::division_by_zero ? phrase("it divides by zero")
                                                            : phrase("its value is not a finite number");
        else
          holds = e.value != 0;
      }
      if (!holds) {
        o.failed_criteria.push_back(cr.text);
        o.reasons.push_back(reason);
      }
    }
    o.status = o.failed_criteria.empty() ? "passed" : "failed";
    if (o.status == "passed") {
      o.released = o.amount;
      r.released += o.amount;
    }
    r.gates.push_back(std::move(o));
  }

  // Gain-share loans on the actuals.
  for (const LoanResult& L : bc.financing.loans) {
    if (L.method != Financing::Method::gain_share) continue;
    std::vector<double> gains(n, 0.0);
    for (const std::string& id : L.gain_of) {
      if (auto it = benefit_money.find(id); it != benefit_money.end()) {
        for (size_t t = 0; t < n; ++t) gains[t] += monies[it->second].series[t];
        continue;
      }
      for (size_t j = 0; j < c.capacity.activities.size(); ++j)
        if (c.capacity.activities[j].id == id)
          for (size_t t = 0; t < n; ++t) gains[t] += activity_value[j][t];
    }
    auto gains_in = [&](int year) {
      const long t = year - as.start_year;
      return t >= 0 && static_cast<size_t>(t) < n ? gains[static_cast<size_t>(t)] : 0.0;
    };
    const LoanSchedule due = build_schedule(L.terms, gains_in);
    const std::vector<LoanYear> due_years = schedule_by_year(due, L.terms.grace);
    LoanTrack lt;
    lt.id = L.id;
    lt.label = L.label;
    lt.lender = L.lender;
    lt.borrower = L.borrower;
    lt.planned_paid = L.schedule.total_paid;
    lt.paid_projected = due.total_paid;
    lt.planned_forgiven = L.schedule.forgiven;
    lt.forgiven_projected = due.forgiven;
    const int first = L.terms.disbursed + 1;
    const int end = std::max(L.years.empty() ? first - 1 : L.years.back().year,
                             due_years.empty() ? first - 1 : due_years.back().year);
    for (int y = first; y <= end; ++y) {
      LoanTrackYear ly;
      ly.year = y;
      ly.elapsed = y <= last;
      const long t = y - as.start_year;
      if (t >= 0 && static_cast<size_t>(t) < n) ly.planned_gains = L.gains[static_cast<size_t>(t)];
      ly.gains = gains_in(y);
      for (const LoanYear& x : L.years)
        if (x.year == y) ly.planned_payment = x.payment;
      for (const LoanYear& x : due_years)
        if (x.year == y) ly.due = x.payment;
      lt.years.push_back(ly);
    }
    r.loans.push_back(std::move(lt));
  }
  return r;
}

}  // namespace gevinst
