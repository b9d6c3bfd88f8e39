#include "cli/render/business_case.h"

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
  j["irr_note"] = text_or_null(m.irr_note.text());
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

std::string perspective_label(Perspective p, const Style& st) {
  switch (p) {
    case Perspective::budget: return st.tr("budget");
    case Perspective::organisation: return st.tr("organisation");
    case Perspective::society: return st.tr("society");
  }
  return to_string(p);
}

std::string describe_discounting(const DiscountSchedule& s, Timing timing, const Style& st) {
  const NumberLocale loc = st.locale;
  std::string steps;
  for (size_t i = 0; i < s.steps.size(); ++i) {
    if (i) steps += loc == NumberLocale::da ? "; " : ", ";
    std::string rate = fmt::format("{:g}", s.steps[i].rate * 100);
    if (loc == NumberLocale::da) std::replace(rate.begin(), rate.end(), '.', ',');
    steps += st.trf("{} % from year {}", rate, s.steps[i].from_index);
  }
  std::string name = s.name.empty() ? st.tr("custom") : s.name;
  return fmt::format("{} ({}){}", name, steps, timing == Timing::mid ? st.tr(", mid-year") : "");
}

Json discounting_json(const DiscountSchedule& s, Timing timing) {
  return {{"name", s.name}, {"source", s.source}, {"timing", timing == Timing::mid ? "mid" : "end"}};
}

Json transfers_json(const std::vector<Transfer>& transfers) {
  Json out = Json::array();
  for (const auto& t : transfers)
    out.push_back({{"year", t.year},
                   {"from", t.from},
                   {"to", t.to},
                   {"source", t.source},
                   {"kind", t.kind},
                   {"amount", num(t.amount)}});
  return out;
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
  j["price_year"] = bc.price_year;  // additions after the contract's keys (docs/cli.md, "Prices")
  j["price_index"] = text_or_null(bc.price_index);
  j["inflation"] = bc.inflation;
  j["discounting"] = discounting_json(bc.discounting, bc.timing);
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
  j["transfers"] = transfers_json(bc.financing.transfers);
  j["notes"] = texts(bc.notes);
  return j;
}

namespace {

struct CaseBuilder {
  const BusinessCase& bc;
  const Style& st;
  NumberLocale loc = st.locale;

  static Cell money(double v) { return Cell::number(v, 0); }
  std::string opt_years(const std::optional<double>& v, const std::optional<int>& year) const {
    if (!v) return st.tr("never");
    return fmt::format("{} ({})", format_number(*v, 1, loc), *year);
  }

  Table headline() const {
    Table t;
    t.column("")
        .column(st.tr("budget"), Align::right)
        .column(st.tr("organisation"), Align::right)
        .column(st.tr("society"), Align::right);
    auto row = [&](std::string label, auto f) {
      std::vector<Cell> r{Cell::of(std::move(label))};
      for (const auto& m : bc.perspectives) r.push_back(f(m));
      t.row(std::move(r));
    };
    row(st.tr("NPV"), [&](const Metrics& m) { return money(m.npv); });
    row(st.tr("PV of costs"), [&](const Metrics& m) { return money(m.pv_costs); });
    row(st.tr("PV of benefits"), [&](const Metrics& m) { return money(m.pv_benefits); });
    row(st.tr("Benefit-cost ratio"), [&](const Metrics& m) { return Cell::number(m.bcr, 2); });
    row(st.tr("IRR"), [&](const Metrics& m) {
      if (m.irr) return Cell::percent(*m.irr, 1);
      if (m.irr_outside > 0) return Cell::of("> " + format_percent(irr_max_rate, 0, loc));
      if (m.irr_outside < 0) return Cell::of("< " + format_percent(irr_min_rate, 0, loc));
      return Cell::of(st.tr("none"));
    });
    row(st.tr("Payback, years (year)"),
        [&](const Metrics& m) { return Cell::of(opt_years(m.payback_years, m.payback_year)); });
    row(st.tr("Discounted payback"), [&](const Metrics& m) {
      return Cell::of(opt_years(m.discounted_payback_years, m.discounted_payback_year));
    });
    if (bc.adjusted) {
      t.row({Cell::of(st.tr("With optimism bias:")), Cell::of(""), Cell::of(""), Cell::of("")});
      std::vector<Cell> npv{Cell::of("  " + st.tr("NPV"))}, bcr{Cell::of("  " + st.tr("Benefit-cost ratio"))};
      for (const auto& m : *bc.adjusted) {
        npv.push_back(money(m.npv));
        bcr.push_back(Cell::number(m.bcr, 2));
      }
      t.row(std::move(npv));
      t.row(std::move(bcr));
    }
    return t;
  }

  // Which price conventions apply (docs/case-format.md, "Prices and nominal rates").
  std::string prices_line() const {
    std::string s = st.trf("Amounts in {} prices.", bc.price_year);
    if (!bc.price_index.empty())
      s += st.trf(" Items priced in another year are converted with the price index {}.", bc.price_index);
    if (bc.inflation != 0)
      s += st.trf(
          " Loan flows (nominal) are deflated at {} inflation a year before they enter present values.",
          format_percent(bc.inflation, 1, st.locale));
    return s;
  }

  // What the payback cells mean, and why a perspective has no IRR.
  std::string headline_key() const {
    std::string s = st.trf(
        "Payback: years from the start of {} until the cumulative net is first non-negative, and that year; "
        "discounted payback the same on present values.",
        bc.start_year);
    // Perspectives without an IRR, grouped by the reason.
    std::vector<std::pair<std::string, std::vector<std::string>>> why;
    for (const Metrics& m : bc.perspectives) {
      if (m.irr || m.irr_outside != 0 || m.irr_note.pattern.empty()) continue;
      const std::string note = st.phrase(m.irr_note);
      auto it = std::find_if(why.begin(), why.end(), [&](const auto& w) { return w.first == note; });
      if (it == why.end()) it = why.insert(why.end(), {note, {}});
      it->second.emplace_back(perspective_label(m.perspective));
    }
    for (const auto& [note, names] : why) s += st.trf(" IRR none ({}): {}.", fmt::join(names, ", "), note);
    return s;
  }

  Table years() const {
    const Metrics& m = bc.selected();
    std::array<bool, 4> cost_used{}, benefit_used{};
    for (const auto& y : m.years)
      for (size_t k = 0; k < 4; ++k) {
        cost_used[k] = cost_used[k] || y.costs_by_kind[k] != 0;
        benefit_used[k] = benefit_used[k] || y.benefits_by_kind[k] != 0;
      }
    Table t;
    t.column(st.tr("Year"), Align::right);
    for (size_t k = 0; k < 4; ++k)
      if (cost_used[k]) t.column(cost_kind_label(k), Align::right);
    t.column(st.tr("Costs"), Align::right);
    for (size_t k = 0; k < 3; ++k)
      if (benefit_used[k]) t.column(benefit_kind_label(k), Align::right);
    for (const std::string& h :
         {st.tr("Benefits"), st.tr("Net"), st.tr("Cum. net"), st.tr("DF"), st.tr("PV"), st.tr("Cum. PV")})
      t.column(h, Align::right);
    for (const auto& y : m.years) {
      std::vector<Cell> r{Cell::of(std::to_string(y.year))};
      for (size_t k = 0; k < 4; ++k)
        if (cost_used[k]) r.push_back(money(y.costs_by_kind[k]));
      r.push_back(money(y.costs));
      for (size_t k = 0; k < 3; ++k)
        if (benefit_used[k]) r.push_back(money(y.benefits_by_kind[k]));
      for (double v : {y.benefits, y.net, y.cumulative}) r.push_back(money(v));
      r.push_back(Cell::number(y.discount_factor, 4));
      r.push_back(money(y.pv));
      r.push_back(money(y.cumulative_pv));
      t.row(std::move(r));
    }
    return t;
  }

  Table parties() const {
    Table t;
    t.column(st.tr("Party"));
    for (const std::string& h : {st.tr("PV pays"), st.tr("PV receives"), st.tr("Transfers in"),
                                 st.tr("Transfers out"), st.tr("NPV")})
      t.column(h, Align::right);
    for (const auto& p : bc.parties)
      t.row({Cell::of(p.label.empty() ? p.party : p.label), money(p.pv_pays), money(p.pv_receives),
             money(p.pv_transfers_in), money(p.pv_transfers_out), money(p.npv)});
    return t;
  }

  std::string cost_kind_label(size_t k) const {
    switch (k) {
      case 0: return st.tr("investment");
      case 1: return st.tr("implementation");
      case 2: return st.tr("operating");
      default: return st.tr("other");
    }
  }
  std::string benefit_kind_label(size_t k) const {
    switch (k) {
      case 0: return st.tr("budget");
      case 1: return st.tr("capacity");
      default: return st.tr("societal");
    }
  }
  std::string perspective_label(Perspective p) const { return gevinst::cli::perspective_label(p, st); }

  // The one-year budget view: each party's net per year.
  Table party_years() const {
    Table t;
    t.column(st.tr("Net per year"));
    if (bc.parties.empty()) return t;
    for (const auto& y : bc.parties.front().years) t.column(std::to_string(y.year), Align::right);
    for (const auto& p : bc.parties) {
      std::vector<Cell> r{Cell::of(p.label.empty() ? p.party : p.label)};
      for (const auto& y : p.years) r.push_back(money(y.net));
      t.row(std::move(r));
    }
    return t;
  }

  // The year table for a spreadsheet: every kind's column, numbers exact.
  Table csv() const {
    Table t;
    t.csv_numbers = CsvNumbers::g15;
    t.column("year");
    for (const char* k : kCostKinds) t.column(fmt::format("costs_{}", k));
    t.column("costs");
    for (size_t k = 0; k < 3; ++k) t.column(fmt::format("benefits_{}", kBenefitKinds[k]));
    for (const char* h : {"benefits", "net", "discount_factor", "pv", "cumulative", "cumulative_pv"})
      t.column(h);
    for (const auto& y : bc.selected().years) {
      std::vector<Cell> r{Cell::of(std::to_string(y.year))};
      for (size_t k = 0; k < 4; ++k) r.push_back(Cell::number(y.costs_by_kind[k]));
      r.push_back(Cell::number(y.costs));
      for (size_t k = 0; k < 3; ++k) r.push_back(Cell::number(y.benefits_by_kind[k]));
      for (double v : {y.benefits, y.net, y.discount_factor, y.pv, y.cumulative, y.cumulative_pv})
        r.push_back(Cell::number(v));
      t.row(std::move(r));
    }
    return t;
  }

  // The headline metrics for a spreadsheet (--table summary): a row per
  // perspective, columns named as the JSON keys.
  Table csv_summary() const {
    Table t;
    t.csv_numbers = CsvNumbers::g15;
    for (const char* h : {"perspective", "npv", "pv_costs", "pv_benefits", "bcr", "irr", "payback_years",
                          "payback_year", "discounted_payback_years", "discounted_payback_year"})
      t.column(h);
    if (bc.adjusted) t.column("npv_adjusted").column("bcr_adjusted");
    auto year = [](std::optional<int> y) {
      return Cell::number(y ? std::optional<double>(*y) : std::nullopt, 0, "");
    };
    for (size_t i = 0; i < bc.perspectives.size(); ++i) {
      const Metrics& m = bc.perspectives[i];
      std::vector<Cell> r{Cell::of(to_string(m.perspective)),
                          Cell::number(m.npv),
                          Cell::number(m.pv_costs),
                          Cell::number(m.pv_benefits),
                          Cell::number(m.bcr, 0, ""),
                          Cell::number(m.irr, 0, ""),
                          Cell::number(m.payback_years, 0, ""),
                          year(m.payback_year),
                          Cell::number(m.discounted_payback_years, 0, ""),
                          year(m.discounted_payback_year)};
      if (bc.adjusted) {
        r.push_back(Cell::number((*bc.adjusted)[i].npv));
        r.push_back(Cell::number((*bc.adjusted)[i].bcr, 0, ""));
      }
      t.row(std::move(r));
    }
    return t;
  }

  Document document() const {
    Document d;
    d.title = fmt::format("{} ({})", bc.title.empty() ? bc.case_id : bc.title, bc.case_id);
    d.paragraph(st.trf("{} {}, {}–{}; perspective {}; discounting {}{}", bc.currency, bc.price_year,
                       bc.start_year, bc.start_year + bc.horizon - 1, perspective_label(bc.perspective),
                       describe_discounting(bc.discounting, bc.timing, st),
                       bc.scenario.empty() ? "" : st.trf("; scenario {}", bc.scenario)));
    if (!bc.price_index.empty() || bc.inflation != 0) d.paragraph(prices_line());
    d.table(headline());
    d.paragraph(headline_key());
    d.heading(st.trf("Year by year ({} perspective, {})", perspective_label(bc.perspective), bc.currency));
    d.table(years());
    if (!bc.parties.empty()) {
      d.heading(st.tr("Who pays and who gains (present values, incl. transfers)"),
                st.tr("Who pays and who gains"));
      d.table(parties());
      d.table(party_years());
    }
    d.section(st.tr("Notes"), st.phrases(bc.notes));
    d.json = business_case_json(bc);
    d.csv.push_back(csv());
    d.csv_summary.push_back(csv_summary());
    return d;
  }
};

}  // namespace

Document business_case_document(const BusinessCase& bc, const Style& st) {
  return CaseBuilder{bc, st}.document();
}

BusinessCaseTables business_case_tables(const BusinessCase& bc, const Style& st) {
  CaseBuilder b{bc, st};
  return {b.headline(), b.years(), b.parties(), b.party_years()};
}

}  // namespace gevinst::cli
