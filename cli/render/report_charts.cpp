#include "cli/render/report_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "cli/render/business_case.h"

namespace gevinst::cli {

namespace {

std::vector<std::string> year_labels(int start_year, size_t n) {
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(std::to_string(start_year + static_cast<int>(i)));
  return out;
}

}  // namespace

Chart cash_flow_chart(const BusinessCase& bc, const Style& st) {
  const Metrics& m = bc.selected();
  Chart c;
  c.kind = Chart::Kind::line;
  c.title = st.trf("Costs, benefits and cumulative net per year ({} perspective)",
                   perspective_label(bc.perspective, st));
  c.x_label = st.tr("Year");
  c.y_label = bc.currency;
  Chart::Series costs{st.tr("Costs"), {}}, benefits{st.tr("Benefits"), {}}, cumulative{st.tr("Cum. net"), {}};
  for (const auto& y : m.years) {
    c.labels.push_back(std::to_string(y.year));
    costs.values.push_back(y.costs);
    benefits.values.push_back(y.benefits);
    cumulative.values.push_back(y.cumulative);
  }
  const double last = m.years.empty() ? 0 : m.years.back().cumulative;
  c.description =
      st.trf("Line chart over {} years: costs, benefits and the cumulative net, which ends at {}.",
             m.years.size(), st.money(last, bc.currency));
  c.series = {std::move(costs), std::move(benefits), std::move(cumulative)};
  c.rules.push_back({"0", 0});
  return c;
}

Chart parties_chart(const BusinessCase& bc, const Style& st) {
  Chart c;
  c.kind = Chart::Kind::hbars;
  c.title = st.tr("NPV per party, incl. transfers");
  c.x_label = st.tr("Party");
  c.y_label = bc.currency;
  Chart::Series npv{st.tr("NPV"), {}};
  std::string words;
  for (const auto& p : bc.parties) {
    const std::string& name = p.label.empty() ? p.party : p.label;
    c.labels.push_back(name);
    npv.values.push_back(p.npv);
    words += (words.empty() ? "" : "; ") + name + " " + st.money(p.npv, bc.currency);
  }
  c.series.push_back(std::move(npv));
  c.description = st.trf("Bar chart of each party's net present value: {}.", words);
  return c;
}

Chart capacity_chart(const CapacityResult& r, const Style& st) {
  Chart c;
  c.kind = Chart::Kind::bars;
  c.title = st.tr("FTE released per year");
  c.x_label = st.tr("Year");
  c.y_label = st.tr("FTE");
  c.labels = year_labels(r.start_year, r.total.fte_by_year.size());
  c.series.push_back({st.tr("FTE"), r.total.fte_by_year});
  if (r.target_fte) c.rules.push_back({st.trf("target {} FTE", st.number(*r.target_fte, 1)), *r.target_fte});
  c.description = r.target_fte
                      ? st.trf("Bar chart of FTE per year, at most {} FTE, against a target of {} FTE.",
                               st.number(r.total.fte, 1), st.number(*r.target_fte, 1))
                      : st.trf("Bar chart of FTE per year, at most {} FTE.", st.number(r.total.fte, 1));
  return c;
}

Chart sroi_chart(const SroiResult& r, const Style& st) {
  Chart c;
  c.kind = Chart::Kind::hbars;
  c.title = st.tr("SROI value per stakeholder (present value)");
  c.x_label = st.tr("Stakeholder");
  c.y_label = r.currency;
  Chart::Series v{st.tr("PV"), {}};
  std::string words;
  for (const auto& s : r.stakeholders) {
    c.labels.push_back(s.stakeholder);
    v.values.push_back(s.pv_value);
    words += (words.empty() ? "" : "; ") + s.stakeholder + " " + st.money(s.pv_value, r.currency);
  }
  c.series.push_back(std::move(v));
  c.description = st.trf("Bar chart of the social value each stakeholder receives: {}.", words);
  return c;
}

Chart financing_chart(const RepayReport& r, const Style& st) {
  Chart c;
  c.kind = Chart::Kind::line;
  c.title = st.tr("Loan balance at the end of each year");
  c.x_label = st.tr("Year");
  c.y_label = r.financing.currency;
  int first = 0, last = 0;
  for (const auto& L : r.financing.loans)
    for (const auto& y : L.years) {
      first = first == 0 ? y.year : std::min(first, y.year);
      last = std::max(last, y.year);
    }
  if (first == 0) return c;
  const int years = last - first + 1;
  c.labels = year_labels(first, static_cast<size_t>(years));
  for (const auto& L : r.financing.loans) {
    Chart::Series s{L.label.empty() ? L.id : L.label, std::vector<double>(c.labels.size(), 0.0)};
    double balance = 0;
    size_t next = 0;
    for (size_t i = 0; i < c.labels.size(); ++i) {
      const int year = first + static_cast<int>(i);
      while (next < L.years.size() && L.years[next].year <= year) balance = L.years[next++].closing;
      s.values[i] = balance;
    }
    c.series.push_back(std::move(s));
  }
  c.description = st.trf("Line chart of the outstanding balance of {} loan(s) per year, {}–{}.",
                         r.financing.loans.size(), first, last);
  return c;
}

Chart tornado_chart(const SensitivityResult& r, const std::string& currency, const Style& st) {
  Chart c;
  c.kind = Chart::Kind::ranges;
  c.title = st.tr("Tornado: NPV at each parameter's low and high value");
  c.x_label = st.tr("Parameter");
  c.y_label = currency;
  Chart::Series low{st.tr("at low"), {}}, high{st.tr("at high"), {}};
  for (const auto& p : r.parameters) {
    if (!std::isfinite(p.low_value) || !std::isfinite(p.high_value)) continue;
    c.labels.push_back(p.name);
    low.values.push_back(p.low_value);
    high.values.push_back(p.high_value);
  }
  c.series = {std::move(low), std::move(high)};
  c.rules.push_back({st.tr("base"), r.base_npv});
  c.description =
      c.labels.empty()
          ? st.tr("No parameter has a low and high value.")
          : st.trf(
                "Horizontal bars from the NPV at the low value to the NPV at the high value of {} "
                "parameters, largest swing first ({}); the base NPV is {}.",
                c.labels.size(), c.labels.front(), st.money(r.base_npv, currency));
  return c;
}

Chart histogram_chart(const SimulationResult& r, const std::string& currency, const Style& st) {
  Chart c;
  c.kind = Chart::Kind::bars;
  c.title = st.trf("NPV over {} iterations: P(NPV > 0) = {}", st.number(static_cast<double>(r.iterations), 0),
                   st.percent(r.prob_positive, 1));
  c.x_label = st.trf("NPV ({})", currency);
  c.y_label = st.tr("Iterations");
  Chart::Series n{st.tr("Iterations"), {}};
  for (const auto& b : r.npv.histogram) {
    c.labels.push_back(st.number((b.low + b.high) / 2, 0));
    n.values.push_back(static_cast<double>(b.count));
  }
  c.series.push_back(std::move(n));
  c.description = st.trf(
      "Histogram of the simulated NPV: mean {}, 5th percentile {}, 95th percentile {}; "
      "P(NPV > 0) = {}.",
      st.money(r.npv.mean, currency), st.money(r.npv.p05, currency), st.money(r.npv.p95, currency),
      st.percent(r.prob_positive, 1));
  return c;
}

std::optional<double> criterion_threshold(const std::string& criterion, const std::string& name) {
  std::string s;
  for (char ch : criterion)
    if (ch != ' ') s.push_back(ch);
  if (!s.starts_with(name)) return std::nullopt;
  s.erase(0, name.size());
  for (const char* op : {">=", "<=", ">", "<"})
    if (s.starts_with(op)) {
      s.erase(0, std::string_view(op).size());
      char* end = nullptr;
      double v = std::strtod(s.c_str(), &end);
      if (end == s.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
      return v;
    }
  return std::nullopt;
}

Chart rollout_chart(const RolloutResult& r, bool fte, const Style& st) {
  Chart c;
  c.kind = Chart::Kind::bars;
  c.title = fte ? st.tr("FTE released at full effect per unit") : st.tr("NPV per unit");
  c.x_label = st.tr("Unit");
  c.y_label = fte ? st.tr("FTE") : r.currency;
  Chart::Series s{fte ? st.tr("FTE") : st.tr("NPV"), {}};
  for (const auto& u : r.units) {
    c.labels.push_back(u.label.empty() ? u.id : u.label);
    double v = fte ? u.fte.value_or(0) : (u.errors.empty() ? u.npv : 0);
    s.values.push_back(v);
  }
  c.series.push_back(std::move(s));
  for (const auto& crit : r.criteria)
    if (auto t = criterion_threshold(crit, fte ? "fte" : "npv")) c.rules.push_back({crit, *t});
  std::string rules;
  for (const auto& rule : c.rules) rules += (rules.empty() ? "" : ", ") + rule.label;
  c.description = rules.empty()
                      ? st.trf("Bar chart of {} units.", r.units.size())
                      : st.trf("Bar chart of {} units against the criteria {}.", r.units.size(), rules);
  return c;
}

}  // namespace gevinst::cli
