#include "cli/render_business_case.h"

#include <fmt/format.h>

#include <algorithm>

#include "libeval/irr.h"

namespace gevinst::cli {

namespace {

const char* kCostKinds[] = {"investment", "implementation", "operating", "other"};
const char* kBenefitKinds[] = {"budget", "capacity", "societal", "qualitative"};

Json metrics_json(const Metrics& m, bool with_years) {
  Json j;
  j["npv"] = num(m.npv);
  j["irr"] = num(m.irr);
  j["irr_note"] = text_or_null(m.irr_note);
  j["bcr"] = num(m.bcr);
  j["payback_years"] = num(m.payback_years);
  j["payback_year"] = num(m.payback_year);
  j["discounted_payback_years"] = num(m.discounted_payback_years);
  j["discounted_payback_year"] = num(m.discounted_payback_year);
  j["pv_costs"] = num(m.pv_costs);
  j["pv_benefits"] = num(m.pv_benefits);
  if (!with_years) return j;
  Json years = Json::array();
  for (const auto& y : m.years) {
    Json r;
    r["year"] = y.year;
    r["costs"] = num(y.costs);
    r["benefits"] = num(y.benefits);
    r["net"] = num(y.net);
    r["discount_factor"] = num(y.discount_factor);
    r["pv"] = num(y.pv);
    r["cumulative"] = num(y.cumulative);
    r["cumulative_pv"] = num(y.cumulative_pv);
    Json ck, bk;
    for (int k = 0; k < 4; ++k) ck[kCostKinds[k]] = num(y.costs_by_kind[k]);
    for (int k = 0; k < 3; ++k) bk[kBenefitKinds[k]] = num(y.benefits_by_kind[k]);
    r["costs_by_kind"] = ck;
    r["benefits_by_kind"] = bk;
    years.push_back(std::move(r));
  }
  j["years"] = std::move(years);
  return j;
}

}  // namespace

std::string describe_discounting(const DiscountSchedule& s, Timing timing, NumberLocale loc) {
  std::string steps;
  for (size_t i = 0; i < s.steps.size(); ++i) {
    if (i) steps += loc == NumberLocale::da ? "; " : ", ";
    std::string rate = fmt::format("{:g}", s.steps[i].rate * 100);
    if (loc == NumberLocale::da) std::replace(rate.begin(), rate.end(), '.', ',');
    steps += fmt::format("{} % from year {}", rate, s.steps[i].from_index);
  }
  std::string name = s.name.empty() ? "custom" : s.name;
  return fmt::format("{} ({}){}", name, steps, timing == Timing::mid ? ", mid-year" : "");
}

Json business_case_json(const BusinessCase& bc) {
  const Metrics& m = bc.selected();
  Json j;
  j["case"] = {{"id", bc.case_id}, {"title", bc.title}, {"file", bc.file}};
  j["perspective"] = to_string(bc.perspective);
  j["scenario"] = text_or_null(bc.scenario);
  j["currency"] = bc.currency;
  j["start_year"] = bc.start_year;
  j["horizon"] = bc.horizon;
  j["discounting"] = {{"name", bc.discounting.name},
                      {"source", bc.discounting.source},
                      {"timing", bc.timing == Timing::mid ? "mid" : "end"}};
  Json mj = metrics_json(m, true);
  for (auto& [k, v] : mj.items()) j[k] = v;
  Json per;
  for (const auto& p : bc.perspectives) per[to_string(p.perspective)] = metrics_json(p, false);
  j["perspectives"] = per;
  if (bc.adjusted) {
    Json ob;
    ob["note"] =
        "optimism bias applied: costs uplifted and benefits reduced by the shares in "
        "assumptions.optimism_bias";
    for (const auto& p : *bc.adjusted) ob[to_string(p.perspective)] = metrics_json(p, false);
    j["optimism_bias"] = ob;
  } else {
    j["optimism_bias"] = nullptr;
  }
  Json parties = Json::array();
  for (const auto& p : bc.parties) {
    Json pj;
    pj["party"] = p.party;
    pj["label"] = text_or_null(p.label);
    pj["sector"] = p.sector;
    pj["npv"] = num(p.npv);
    pj["pv_pays"] = num(p.pv_pays);
    pj["pv_receives"] = num(p.pv_receives);
    pj["pv_transfers_in"] = num(p.pv_transfers_in);
    pj["pv_transfers_out"] = num(p.pv_transfers_out);
    Json ys = Json::array();
    for (const auto& y : p.years)
      ys.push_back({{"year", y.year},
                    {"pays", num(y.pays)},
                    {"receives", num(y.receives)},
                    {"transfers_in", num(y.transfers_in)},
                    {"transfers_out", num(y.transfers_out)},
                    {"net", num(y.net)}});
    pj["years"] = std::move(ys);
    parties.push_back(std::move(pj));
  }
  j["parties"] = std::move(parties);
  Json items = Json::array();
  for (const auto& s : bc.items) {
    Json it;
    it["id"] = s.id;
    it["type"] = s.is_cost ? "cost" : "benefit";
    it["kind"] = s.is_cost ? to_string(s.cost_kind) : to_string(s.benefit_kind);
    it["party"] = s.party;
    it["derived_from_capacity"] = s.derived_from_capacity;
    double pv = 0, total = 0;
    for (size_t t = 0; t < s.values.size(); ++t) {
      pv += s.values[t] * bc.discount_factors[t];
      total += s.values[t];
    }
    it["total"] = num(total);
    it["pv"] = num(pv);
    it["values"] = num_array(s.values);
    items.push_back(std::move(it));
  }
  j["items"] = std::move(items);
  Json transfers = Json::array();
  for (const auto& t : bc.financing.transfers)
    transfers.push_back({{"year", t.year},
                         {"from", t.from},
                         {"to", t.to},
                         {"source", t.source},
                         {"kind", t.kind},
                         {"amount", num(t.amount)}});
  j["transfers"] = std::move(transfers);
  j["notes"] = bc.notes;
  return j;
}

namespace {

struct Renderer {
  const BusinessCase& bc;
  NumberLocale loc;

  std::string money(double v) const { return format_number(v, 0, loc); }
  std::string opt_years(const std::optional<double>& v, const std::optional<int>& year) const {
    if (!v) return "never";
    return fmt::format("{} ({})", format_number(*v, 1, loc), *year);
  }

  Table headline() const {
    Table t;
    t.header = {"", "budget", "organisation", "society"};
    t.right = {false, true, true, true};
    auto row = [&](std::string label, auto f) {
      std::vector<std::string> r{std::move(label)};
      for (const auto& m : bc.perspectives) r.push_back(f(m));
      t.rows.push_back(std::move(r));
    };
    row("NPV", [&](const Metrics& m) { return money(m.npv); });
    row("PV of costs", [&](const Metrics& m) { return money(m.pv_costs); });
    row("PV of benefits", [&](const Metrics& m) { return money(m.pv_benefits); });
    row("Benefit-cost ratio", [&](const Metrics& m) { return m.bcr ? format_number(*m.bcr, 2, loc) : "-"; });
    row("IRR", [&](const Metrics& m) {
      if (m.irr) return format_percent(*m.irr, 1, loc);
      if (m.irr_outside > 0) return "> " + format_percent(irr_max_rate, 0, loc);
      if (m.irr_outside < 0) return "< " + format_percent(irr_min_rate, 0, loc);
      return std::string("none");
    });
    row("Payback, years (year)",
        [&](const Metrics& m) { return opt_years(m.payback_years, m.payback_year); });
    row("Discounted payback",
        [&](const Metrics& m) { return opt_years(m.discounted_payback_years, m.discounted_payback_year); });
    if (bc.adjusted) {
      t.rows.push_back({"With optimism bias:", "", "", ""});
      std::vector<std::string> npv{"  NPV"}, bcr{"  Benefit-cost ratio"};
      for (const auto& m : *bc.adjusted) {
        npv.push_back(money(m.npv));
        bcr.push_back(m.bcr ? format_number(*m.bcr, 2, loc) : "-");
      }
      t.rows.push_back(npv);
      t.rows.push_back(bcr);
    }
    return t;
  }

  Table years() const {
    const Metrics& m = bc.selected();
    std::array<bool, 4> cost_used{}, benefit_used{};
    for (const auto& y : m.years)
      for (int k = 0; k < 4; ++k) {
        cost_used[k] |= y.costs_by_kind[k] != 0;
        benefit_used[k] |= y.benefits_by_kind[k] != 0;
      }
    Table t;
    t.header = {"Year"};
    for (int k = 0; k < 4; ++k)
      if (cost_used[k]) t.header.push_back(kCostKinds[k]);
    t.header.push_back("Costs");
    for (int k = 0; k < 3; ++k)
      if (benefit_used[k]) t.header.push_back(kBenefitKinds[k]);
    for (const char* h : {"Benefits", "Net", "Cum. net", "DF", "PV", "Cum. PV"}) t.header.push_back(h);
    t.right.assign(t.header.size(), true);
    for (const auto& y : m.years) {
      std::vector<std::string> r{std::to_string(y.year)};
      for (int k = 0; k < 4; ++k)
        if (cost_used[k]) r.push_back(money(y.costs_by_kind[k]));
      r.push_back(money(y.costs));
      for (int k = 0; k < 3; ++k)
        if (benefit_used[k]) r.push_back(money(y.benefits_by_kind[k]));
      r.push_back(money(y.benefits));
      r.push_back(money(y.net));
      r.push_back(money(y.cumulative));
      r.push_back(format_number(y.discount_factor, 4, loc));
      r.push_back(money(y.pv));
      r.push_back(money(y.cumulative_pv));
      t.rows.push_back(std::move(r));
    }
    return t;
  }

  Table parties() const {
    Table t;
    t.header = {"Party", "PV pays", "PV receives", "Transfers in", "Transfers out", "NPV"};
    t.right = {false, true, true, true, true, true};
    for (const auto& p : bc.parties)
      t.rows.push_back({p.label.empty() ? p.party : p.label, money(p.pv_pays), money(p.pv_receives),
                        money(p.pv_transfers_in), money(p.pv_transfers_out), money(p.npv)});
    return t;
  }

  // The one-year budget view: each party's net per year.
  Table party_years() const {
    Table t;
    t.header = {"Net per year"};
    t.right = {false};
    if (bc.parties.empty()) return t;
    for (const auto& y : bc.parties.front().years) {
      t.header.push_back(std::to_string(y.year));
      t.right.push_back(true);
    }
    for (const auto& p : bc.parties) {
      std::vector<std::string> r{p.label.empty() ? p.party : p.label};
      for (const auto& y : p.years) r.push_back(money(y.net));
      t.rows.push_back(std::move(r));
    }
    return t;
  }

  std::string title() const {
    return fmt::format("{} ({})", bc.title.empty() ? bc.case_id : bc.title, bc.case_id);
  }
  std::string subtitle() const {
    return fmt::format("{} {}, {}–{}; perspective {}; discounting {}{}", bc.currency, bc.start_year,
                       bc.start_year, bc.start_year + bc.horizon - 1, to_string(bc.perspective),
                       describe_discounting(bc.discounting, bc.timing, loc),
                       bc.scenario.empty() ? "" : fmt::format("; scenario {}", bc.scenario));
  }
};

}  // namespace

std::string business_case_table(const BusinessCase& bc, NumberLocale loc) {
  Renderer r{bc, loc};
  std::string out = r.title() + "\n" + r.subtitle() + "\n\n";
  out += r.headline().render_text();
  out += fmt::format("\nYear by year ({} perspective, {})\n", to_string(bc.perspective), bc.currency);
  out += r.years().render_text();
  if (!bc.parties.empty()) {
    out += "\nWho pays and who gains (present values, incl. transfers)\n";
    out += r.parties().render_text();
    out += '\n';
    out += r.party_years().render_text();
  }
  if (!bc.notes.empty()) {
    out += "\nNotes\n";
    for (const auto& n : bc.notes) out += fmt::format("- {}\n", n);
  }
  return out;
}

std::string business_case_markdown(const BusinessCase& bc, NumberLocale loc) {
  Renderer r{bc, loc};
  std::string out = "## " + r.title() + "\n\n" + r.subtitle() + "\n\n";
  out += r.headline().render_markdown();
  out += fmt::format("\n### Year by year ({} perspective, {})\n\n", to_string(bc.perspective), bc.currency);
  out += r.years().render_markdown();
  if (!bc.parties.empty()) {
    out += "\n### Who pays and who gains\n\n";
    out += r.parties().render_markdown();
    out += '\n';
    out += r.party_years().render_markdown();
  }
  if (!bc.notes.empty()) {
    out += "\n### Notes\n\n";
    for (const auto& n : bc.notes) out += fmt::format("- {}\n", n);
  }
  return out;
}

std::string business_case_csv(const BusinessCase& bc) {
  const Metrics& m = bc.selected();
  std::vector<std::string> header = {"year"};
  for (const char* k : kCostKinds) header.push_back(fmt::format("costs_{}", k));
  header.push_back("costs");
  for (int k = 0; k < 3; ++k) header.push_back(fmt::format("benefits_{}", kBenefitKinds[k]));
  for (const char* h : {"benefits", "net", "discount_factor", "pv", "cumulative", "cumulative_pv"})
    header.push_back(h);
  std::string out = csv_row(header);
  auto g = [](double v) { return fmt::format("{:.15g}", v); };
  for (const auto& y : m.years) {
    std::vector<std::string> r{std::to_string(y.year)};
    for (int k = 0; k < 4; ++k) r.push_back(g(y.costs_by_kind[k]));
    r.push_back(g(y.costs));
    for (int k = 0; k < 3; ++k) r.push_back(g(y.benefits_by_kind[k]));
    for (double v : {y.benefits, y.net, y.discount_factor, y.pv, y.cumulative, y.cumulative_pv})
      r.push_back(g(v));
    out += csv_row(r);
  }
  return out;
}

}  // namespace gevinst::cli
