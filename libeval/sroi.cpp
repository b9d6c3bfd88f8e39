#include "libeval/sroi.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "libeval/flows.h"
#include "libeval/parameters.h"
#include "libeval/phrase.h"

namespace gevinst {

namespace {

[[noreturn]] void fail(const Case& c, SourceLoc loc, std::string path, std::string message,
                       std::string hint) {
  throw InputError{
      {Diagnostic{c.file, loc, Severity::error, std::move(path), std::move(message), std::move(hint)}}};
}

SourceLoc where(const Case& c, SourceLoc loc) {
  if (loc.line > 0) return loc;
  return c.info.loc.line > 0 ? c.info.loc : SourceLoc{1, 1};
}

// An adjustment share; absent = 0. value_of checks [0, 1] (the field's
// constraint), also after a scenario or --set.
double share_of(const Case& c, const Number& n, std::span<const double> params) {
  return n.present ? value_of(n, params, c.file) : 0.0;
}

// One outcome's evaluated inputs.
struct Inputs {
  double quantity = 0, proxy = 0, deadweight = 0, attribution = 0, displacement = 0, drop_off = 0;
  int start = 0, duration = 1;
};

// Series of one outcome (docs/case-format.md, "SROI"):
//   gross(k)  = quantity x proxy
//   impact(k) = gross x (1 - deadweight) x (1 - attribution) x (1 - displacement) x (1 - drop_off)^k
//   pv(k)     = impact(k) x DF(t), t = start + k - start_year, for t inside the horizon.
struct Series {
  std::vector<double> gross, impact, pv;
  double pv_value = 0;
  int years_counted = 0;
};

Series outcome_series(const Inputs& in, int start_year, const std::vector<double>& df) {
  const int n = static_cast<int>(df.size());
  Series s{std::vector<double>(df.size()), std::vector<double>(df.size()), std::vector<double>(df.size()),
           0.0, 0};
  const double gross = in.quantity * in.proxy;
  const double net = gross * (1 - in.deadweight) * (1 - in.attribution) * (1 - in.displacement);
  double fade = 1.0;  // (1 - drop_off)^k
  for (int k = 0; k < in.duration; ++k, fade *= 1 - in.drop_off) {
    int t = in.start + k - start_year;
    if (t < 0) continue;
    if (t >= n) break;
    s.gross[t] = gross;
    s.impact[t] = net * fade;
    s.pv[t] = s.impact[t] * df[t];
    s.pv_value += s.pv[t];
    ++s.years_counted;
  }
  return s;
}

double total_pv(const std::vector<Inputs>& ins, int start_year, const std::vector<double>& df) {
  double pv = 0;
  for (const auto& in : ins) pv += outcome_series(in, start_year, df).pv_value;
  return pv;
}

// PV of all costs of the case (investment: auto): sum of DF(t) x cost(t).
double pv_of_costs(const Case& c, std::span<const double> params, const std::vector<double>& df) {
  double pv = 0;
  for (const auto& f : c.costs) {
    ItemSeries s = flow_series(f, c.assumptions, params, c.file);
    for (size_t t = 0; t < df.size() && t < s.values.size(); ++t) pv += df[t] * s.values[t];
  }
  return pv;
}

std::vector<SroiSensitivityRow> sensitivity_rows(const std::vector<Inputs>& base, int start_year,
                                                 const std::vector<double>& df, double investment) {
  std::vector<SroiSensitivityRow> rows;
  auto add = [&](const char* factor, const char* change, auto modify) {
    std::vector<Inputs> ins = base;
    for (auto& in : ins) modify(in);
    double pv = total_pv(ins, start_year, df);
    rows.push_back({factor, change, pv / investment, pv});
  };
  // Each adjustment at 0 and at the outcome's own value + 0.25, capped at 1.
  struct Field {
    const char* name;
    double Inputs::*member;
  };
  for (Field f : {Field{"deadweight", &Inputs::deadweight}, Field{"attribution", &Inputs::attribution},
                  Field{"displacement", &Inputs::displacement}, Field{"drop_off", &Inputs::drop_off}}) {
    add(f.name, "0", [&](Inputs& in) { in.*f.member = 0; });
    add(f.name, "+0.25", [&](Inputs& in) { in.*f.member = std::min(1.0, in.*f.member + 0.25); });
  }
  // Every duration one year shorter; an outcome of one year drops out.
  add("duration", "-1 year", [](Inputs& in) { in.duration = std::max(0, in.duration - 1); });
  return rows;
}

}  // namespace

std::string same_outcome_key(const std::string& stakeholder, const std::string& indicator) {
  auto norm = [](const std::string& text) {
    std::string out;
    for (char ch : text) {
      if (std::isspace(static_cast<unsigned char>(ch))) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
      } else {
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
      }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  return norm(stakeholder) + '\x1f' + norm(indicator);
}

SroiResult evaluate_sroi(const Case& c, const SroiOptions& opt) {
  const Assumptions& a = c.assumptions;
  if (!c.sroi.present)
    fail(
        c, where(c, {}), "sroi", fmt::format("case '{}' has no sroi section", c.info.id),
        "add one (docs/case-format.md, \"SROI\"): sroi: {investment: auto, outcomes: [{id: ..., stakeholder: "
        "patients, "
        "indicator: ..., quantity: 100, proxy: 150, duration: 3}]}");
  SroiResult r;
  r.case_id = c.info.id;
  r.title = c.info.title;
  r.file = c.file;
  r.scenario = opt.scenario;
  r.currency = a.currency;
  r.start_year = a.start_year;
  r.horizon = a.horizon;
  r.discounting = a.discounting;
  r.timing = a.timing;
  // The case's DF(t) (the investment's), and the factors outcome values take:
  // DF(t), or DF(t + 1) with first_year: discounted (docs/case-format.md, "SROI").
  const std::vector<double> case_df = discount_factors(a.discounting, a.horizon, a.timing);
  r.first_year_discounted = c.sroi.first_year_discounted;
  if (r.first_year_discounted) {
    std::vector<double> next = discount_factors(a.discounting, a.horizon + 1, a.timing);
    r.discount_factors.assign(next.begin() + 1, next.end());
  } else {
    r.discount_factors = case_df;
  }
  const std::vector<double>& df = r.discount_factors;
  r.impact_by_year.assign(df.size(), 0.0);
  r.pv_by_year.assign(df.size(), 0.0);
  std::vector<double> params = parameter_values(c, opt.overrides);

  std::vector<Inputs> inputs;
  std::map<std::string, std::string> seen;  // same_outcome_key -> outcome id
  for (const auto& o : c.sroi.outcomes) {
    Inputs in;
    in.quantity = value_of(o.quantity, params, c.file);
    in.proxy = value_of(o.proxy, params, c.file);
    in.deadweight = share_of(c, o.deadweight, params);
    in.attribution = share_of(c, o.attribution, params);
    in.displacement = share_of(c, o.displacement, params);
    in.drop_off = share_of(c, o.drop_off, params);
    in.start = o.start;
    in.duration = o.duration;
    inputs.push_back(in);

    Series s = outcome_series(in, a.start_year, df);
    OutcomeResult out;
    out.id = o.id;
    out.stakeholder = o.stakeholder;
    out.indicator = o.indicator;
    out.proxy_source = o.proxy_source;
    out.quantity = in.quantity;
    out.proxy = in.proxy;
    out.deadweight = in.deadweight;
    out.attribution = in.attribution;
    out.displacement = in.displacement;
    out.drop_off = in.drop_off;
    out.start = in.start;
    out.duration = in.duration;
    out.years_counted = s.years_counted;
    // impact(0) = quantity x proxy x (1 - deadweight) x (1 - attribution) x (1 - displacement)
    out.first_year_impact =
        in.quantity * in.proxy * (1 - in.deadweight) * (1 - in.attribution) * (1 - in.displacement);
    out.pv_value = s.pv_value;
    for (size_t t = 0; t < df.size(); ++t) {
      r.impact_by_year[t] += s.impact[t];
      r.pv_by_year[t] += s.pv[t];
    }
    out.gross = std::move(s.gross);
    out.impact = std::move(s.impact);
    out.pv = std::move(s.pv);
    r.pv_value += out.pv_value;
    r.first_year_impact += out.first_year_impact;

    auto st = std::find_if(r.stakeholders.begin(), r.stakeholders.end(),
                           [&](const StakeholderTotal& x) { return x.stakeholder == o.stakeholder; });
    if (st == r.stakeholders.end())
      r.stakeholders.push_back({o.stakeholder, out.pv_value, {}});
    else
      st->pv_value += out.pv_value;

    if (!o.indicator.empty()) {
      auto [pos, inserted] = seen.emplace(same_outcome_key(o.stakeholder, o.indicator), o.id);
      if (!inserted)
        r.warnings.push_back(phrase(
            "outcomes '{}' and '{}' have the same stakeholder ({}) and indicator ({}): probably the same "
            "outcome counted twice, the commonest SROI error; merge them or change the indicator",
            {arg::text(pos->second), arg::text(o.id), arg::text(o.stakeholder), arg::text(o.indicator)}));
    }
    if (s.years_counted < in.duration)
      r.warnings.push_back(
          phrase("outcome '{}' lasts {} from {} but the horizon ends in {}: {}",
                 {arg::text(o.id),
                  arg::phrase(in.duration == 1 ? phrase("{} year", {arg::fixed(in.duration)})
                                               : phrase("{} years", {arg::fixed(in.duration)})),
                  arg::year(in.start), arg::year(a.end_year()),
                  arg::phrase(s.years_counted == 1
                                  ? phrase("only {} year is counted", {arg::fixed(s.years_counted)})
                                  : phrase("only {} years are counted", {arg::fixed(s.years_counted)}))}));
    r.outcomes.push_back(std::move(out));
  }

  // share = stakeholder's pv_value / total pv_value
  if (r.pv_value > 0)
    for (auto& s : r.stakeholders) s.share = s.pv_value / r.pv_value;

  if (c.sroi.investment) {
    r.investment_auto = false;
    r.investment = value_of(*c.sroi.investment, params, c.file);  // already a present value
  } else {
    r.investment = pv_of_costs(c, params, case_df);
  }
  if (!(r.investment > 0)) {
    const Number* inv = c.sroi.investment ? &*c.sroi.investment : nullptr;
    fail(c, where(c, inv ? inv->loc : c.sroi.loc), "sroi.investment",
         r.investment_auto
             ? "investment: auto is the PV of the case's costs, which is 0: the SROI ratio has no "
               "denominator"
             : fmt::format("the investment is {:g}; it must be positive", r.investment),
         r.investment_auto ? "add the costs of the solution under costs, or give sroi.investment as an amount"
                           : "give the present value of the resources invested");
  }
  // ratio = pv_value / investment; net_ratio = (pv_value - investment) / investment
  r.ratio = r.pv_value / r.investment;
  r.net_ratio = (r.pv_value - r.investment) / r.investment;
  // payback_months = investment / (Y1 / 12)
  if (r.first_year_impact > 0) r.payback_months = r.investment / (r.first_year_impact / 12.0);
  if (c.sroi.outcomes.empty())
    r.warnings.push_back(phrase("the sroi section lists no outcomes: the ratio is 0"));
  if (opt.sensitivity) r.sensitivity = sensitivity_rows(inputs, a.start_year, df, r.investment);
  return r;
}

}  // namespace gevinst
