#include "libeval/business_case.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "libeval/discounting.h"
#include "libeval/irr.h"
#include "libeval/parameters.h"
#include "libeval/payback.h"
#include "libeval/text.h"

namespace gevinst {

Metrics metrics_from_years(std::vector<YearRow> years, Perspective p, int start_year, bool with_irr) {
  Metrics m;
  m.perspective = p;
  std::vector<double> net(years.size()), pv(years.size());
  double cum = 0, cum_pv = 0;
  for (size_t t = 0; t < years.size(); ++t) {
    YearRow& y = years[t];
    y.net = y.benefits - y.costs;
    y.pv = y.net * y.discount_factor;
    cum += y.net;
    cum_pv += y.pv;
    y.cumulative = cum;
    y.cumulative_pv = cum_pv;
    m.pv_costs += y.costs * y.discount_factor;
    m.pv_benefits += y.benefits * y.discount_factor;
    net[t] = y.net;
    pv[t] = y.pv;
  }
  m.npv = cum_pv;
  if (m.pv_costs > 0) m.bcr = m.pv_benefits / m.pv_costs;
  if (with_irr) {
    IrrResult irr_result = irr(net);
    m.irr = irr_result.rate;
    m.irr_note = irr_result.note;
    m.irr_outside = irr_result.outside;
  }
  m.payback_years = payback_years(net);
  m.discounted_payback_years = payback_years(pv);
  // The calendar year of the crossing: payback 2.4 years from start_year
  // falls in year index 3 (the year whose flows complete the recovery).
  auto year_of = [&](std::optional<double> pb) -> std::optional<int> {
    if (!pb) return std::nullopt;
    return start_year + static_cast<int>(std::ceil(*pb - 1e-12));
  };
  m.payback_year = year_of(m.payback_years);
  m.discounted_payback_year = year_of(m.discounted_payback_years);
  m.years = std::move(years);
  return m;
}

namespace {

std::array<Metrics, 3> all_perspectives(const std::vector<ItemSeries>& items, const std::vector<double>& df,
                                        int start_year, const std::array<double, 4>& cost_uplift,
                                        double benefit_haircut, bool with_irr) {
  std::array<Metrics, 3> out;
  for (int pi = 0; pi < 3; ++pi) {
    auto p = static_cast<Perspective>(pi);
    std::vector<YearRow> years(df.size());
    for (size_t t = 0; t < df.size(); ++t) {
      years[t].year = start_year + static_cast<int>(t);
      years[t].discount_factor = df[t];
    }
    for (const auto& s : items) {
      if (!s.is_cost && !counts(p, s.benefit_kind)) continue;
      for (size_t t = 0; t < df.size(); ++t) {
        double v = s.values[t];
        if (s.is_cost) {
          v *= 1 + cost_uplift[static_cast<int>(s.cost_kind)];
          years[t].costs += v;
          years[t].costs_by_kind[static_cast<int>(s.cost_kind)] += v;
        } else {
          v *= 1 - benefit_haircut;
          years[t].benefits += v;
          years[t].benefits_by_kind[static_cast<int>(s.benefit_kind)] += v;
        }
      }
    }
    out[pi] = metrics_from_years(std::move(years), p, start_year, with_irr);
  }
  return out;
}

std::vector<PartyResult> party_view(const Case& c, const std::vector<ItemSeries>& items,
                                    const std::vector<Transfer>& transfers, const std::vector<double>& df,
                                    Perspective p) {
  const int n = c.assumptions.horizon, y0 = c.assumptions.start_year;
  std::vector<PartyResult> out;
  std::map<std::string, size_t> index;
  for (const auto& party : c.parties) {
    PartyResult r;
    r.party = party.id;
    r.label = party.label;
    r.sector = to_string(party.sector);
    r.years.resize(n);
    for (int t = 0; t < n; ++t) r.years[t].year = y0 + t;
    index[party.id] = out.size();
    out.push_back(std::move(r));
  }
  for (const auto& s : items) {
    auto it = index.find(s.party);
    if (it == index.end()) continue;
    if (!s.is_cost && !counts(p, s.benefit_kind)) continue;
    for (int t = 0; t < n; ++t)
      (s.is_cost ? out[it->second].years[t].pays : out[it->second].years[t].receives) += s.values[t];
  }
  for (const auto& tr : transfers) {
    int t = tr.year - y0;
    if (t < 0 || t >= n) continue;
    if (auto it = index.find(tr.from); it != index.end()) out[it->second].years[t].transfers_out += tr.amount;
    if (auto it = index.find(tr.to); it != index.end()) out[it->second].years[t].transfers_in += tr.amount;
  }
  for (auto& r : out) {
    for (int t = 0; t < n; ++t) {
      PartyYear& y = r.years[t];
      y.net = y.receives - y.pays + y.transfers_in - y.transfers_out;
      r.npv += df[t] * y.net;
      r.pv_pays += df[t] * y.pays;
      r.pv_receives += df[t] * y.receives;
      r.pv_transfers_in += df[t] * y.transfers_in;
      r.pv_transfers_out += df[t] * y.transfers_out;
    }
  }
  return out;
}

std::string party_name(const PartyResult& p) { return p.label.empty() ? p.party : p.label; }

// Observations in plain words about who pays and who gains: the budget
// problem of one-year budgets (costs in one sector, gains in another).
std::vector<Phrase> party_notes(const std::vector<PartyResult>& parties, const Metrics& m,
                                const std::string& currency) {
  std::vector<Phrase> notes;
  double pays = 0, gains = 0;
  for (const auto& p : parties) {
    pays += p.pv_pays;
    gains += p.pv_receives;
  }
  if (pays <= 0 || gains <= 0 || parties.size() < 2) return notes;
  auto by = [&](auto field) {
    return std::max_element(parties.begin(), parties.end(),
                            [&](const auto& a, const auto& b) { return field(a) < field(b); });
  };
  auto top_payer = by([](const PartyResult& p) { return p.pv_pays; });
  auto top_gainer = by([](const PartyResult& p) { return p.pv_receives; });
  if (top_payer != top_gainer) {
    notes.push_back(phrase(
        "costs and benefits fall on different parties: {} pays {} % of the costs and receives {} % of the "
        "benefits; {} receives {} % of the benefits and pays {} % of the costs (present values)",
        {arg::text(party_name(*top_payer)), arg::fixed(100 * top_payer->pv_pays / pays),
         arg::fixed(100 * top_payer->pv_receives / gains), arg::text(party_name(*top_gainer)),
         arg::fixed(100 * top_gainer->pv_receives / gains), arg::fixed(100 * top_gainer->pv_pays / pays)}));
  }
  for (const auto& p : parties)
    if (p.npv < 0 && m.npv > 0)
      notes.push_back(
          phrase("{} loses {} in present value although the case as a whole gains; "
                 "a transfer or gain-sharing agreement could balance it",
                 {arg::text(party_name(p)), arg::money(-p.npv, currency)}));
  for (const auto& p : parties) {
    // A party whose net is negative in the first years but positive over the
    // horizon is what a one-year budget hides.
    if (p.years.empty() || p.npv <= 0) continue;
    int negative_years = 0;
    for (const auto& y : p.years) {
      if (y.net < 0)
        ++negative_years;
      else
        break;
    }
    if (negative_years == 1)
      notes.push_back(phrase(
          "{} is out of pocket in the first year (one-year budgets see only this) but gains over the horizon",
          {arg::text(party_name(p))}));
    else if (negative_years > 1)
      notes.push_back(phrase(
          "{} is out of pocket in the first {} years (one-year budgets see only this) but gains over the "
          "horizon",
          {arg::text(party_name(p)), arg::fixed(negative_years)}));
  }
  return notes;
}

// Payback names the first year the cumulative net is non-negative; a case
// whose cumulative net turns negative again later (a reinvestment, benefits
// that end before the costs) has a payback that reads better than it is.
std::optional<Phrase> payback_relapse_note(const Metrics& m, const std::string& currency) {
  if (!m.payback_year) return std::nullopt;
  std::optional<int> relapse;
  for (const auto& y : m.years)
    if (y.year > *m.payback_year && y.cumulative < 0) {
      relapse = y.year;
      break;
    }
  if (!relapse) return std::nullopt;
  return phrase(
      "the cumulative net turns non-negative in {} (payback) but is negative again from {}; at the end of "
      "the horizon it is {}",
      {arg::year(*m.payback_year), arg::year(*relapse), arg::money(m.years.back().cumulative, currency)});
}

}  // namespace

BusinessCase evaluate_case(const Case& c, const EvaluateOptions& opt) {
  BusinessCase bc;
  const Assumptions& a = c.assumptions;
  bc.case_id = c.info.id;
  bc.title = c.info.title;
  bc.file = c.file;
  bc.currency = a.currency;
  bc.scenario = opt.scenario;
  bc.perspective = opt.perspective;
  bc.start_year = a.start_year;
  bc.price_year = a.price_year ? a.price_year : a.start_year;
  bc.price_index = a.price_index;
  bc.inflation = a.inflation;
  bc.horizon = a.horizon;
  bc.discounting = a.discounting;
  bc.timing = a.timing;
  bc.discount_factors = discount_factors(a.discounting, a.horizon, a.timing);
  bc.params = parameter_values(c, opt.overrides);
  bc.items = case_series(c, bc.params);
  bc.perspectives =
      all_perspectives(bc.items, bc.discount_factors, a.start_year, {0, 0, 0, 0}, 0.0, opt.with_irr);
  if (a.optimism_bias.present) {
    const auto& ob = a.optimism_bias;
    auto v = [&](const Number& n) { return n.present ? value_of(n, bc.params, c.file) : 0.0; };
    bc.adjusted = all_perspectives(bc.items, bc.discount_factors, a.start_year,
                                   {v(ob.investment), v(ob.implementation), v(ob.operating), v(ob.other)},
                                   v(ob.benefits), opt.with_irr);
  }
  bc.financing = evaluate_financing(c, bc.items, bc.params, bc.discount_factors);
  bc.parties = party_view(c, bc.items, bc.financing.transfers, bc.discount_factors, opt.perspective);
  bc.notes = party_notes(bc.parties, bc.selected(), bc.currency);
  if (auto n = payback_relapse_note(bc.selected(), bc.currency)) bc.notes.push_back(*n);
  if (std::any_of(bc.items.begin(), bc.items.end(),
                  [](const ItemSeries& s) { return s.derived_from_capacity; })) {
    std::vector<std::string> listed;
    for (const FlowItem& b : c.benefits)
      if (b.benefit_kind == BenefitKind::capacity) listed.push_back(b.id);
    if (listed.empty())
      bc.notes.push_back(phrase(
          "capacity benefits are the value of staff time freed by monetised capacity activities (section "
          "capacity); no benefit is also listed with kind: capacity, so that time is counted once"));
    else
      bc.notes.push_back(phrase(
          "capacity benefits add the monetised capacity activities (section capacity) to the benefits listed "
          "with kind: capacity ({}); check that these are not the same freed time, which would count it "
          "twice",
          {arg::text(fmt::format("{}", fmt::join(listed, ", ")))}));
  }
  return bc;
}

}  // namespace gevinst
