// The workbook: sheets added in the order they are shown, written in the
// order they refer to each other, then the Summary that points into them.
#include "cli/render/workbook.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "cli/render/business_case.h"
#include "cli/render/workbook_book.h"

namespace gevinst::cli {

namespace {

using namespace wb;

Formats make_formats(lxw_workbook* w) {
  auto fmt = [&](const char* num, bool bold = false) {
    lxw_format* f = workbook_add_format(w);
    if (num) format_set_num_format(f, num);
    if (bold) format_set_bold(f);
    return f;
  };
  Formats f{};
  f.title = fmt(nullptr, true);
  format_set_font_size(f.title, 14);
  f.heading = fmt(nullptr, true);
  f.header = fmt("0", true);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.money = fmt("#,##0");
  f.number = fmt("#,##0.00");
  f.share = fmt("0.0%");
  f.factor = fmt("0.000000");
  f.input = fmt("General");
  format_set_bg_color(f.input, 0xFFF2CC);
  f.input_share = fmt("0.0%");
  format_set_bg_color(f.input_share, 0xFFF2CC);
  f.value = fmt("#,##0.00");
  format_set_italic(f.value);
  format_set_bg_color(f.value, 0xE7E6E6);
  f.text = fmt(nullptr);
  f.note = fmt(nullptr);
  format_set_italic(f.note);
  return f;
}

// A row of the Summary: its label, its key (column B, English: a script's
// handle, as the JSON keys) and its value in the column of perspective p.
void summary_row(Book& b, int row, const std::string& label, const std::string& key, int p,
                 const std::optional<std::string>& f, std::optional<double> v, lxw_format* fmt) {
  text(b.summary, row, 0, label);
  text(b.summary, row, 1, key);
  if (!v) {
    text(b.summary, row, 2 + p, b.st.tr("none"));
    return;
  }
  put(b, b.summary, row, 2 + p, f, *v, fmt);
}

}  // namespace

void wb::write_summary(Book& b) {
  lxw_worksheet* ws = b.summary;
  const BusinessCase& bc = *b.d->bc;
  const Case& c = *b.c;
  const Style& st = b.st;
  text(ws, 0, 0, c.info.title.empty() ? c.info.id : c.info.title, b.f.title);
  int row = 1;
  text(ws, row++, 0,
       st.trf("Case {}, {}-{}, {}, discounted to {}", c.info.id, c.assumptions.start_year,
              c.assumptions.end_year(), c.assumptions.currency, c.assumptions.start_year));
  if (!b.d->scenario.empty()) text(ws, row++, 0, st.trf("Scenario: {}", b.d->scenario));
  if (auto line = overrides_line(b.d->provenance, st); !line.empty()) text(ws, row++, 0, line);
  text(ws, row++, 0,
       st.trf("Every number below is a formula over the other sheets, which are formulas over the yellow "
              "cells of the {} sheet. Grey italic cells are values gevinst computed that no formula "
              "expresses (IRR, payback): they do not change when a parameter does.",
              b.sheet.parameters),
       b.f.note);
  ++row;
  text(ws, row, 0, st.tr("Business case"), b.f.header);
  text(ws, row, 1, st.tr("key"), b.f.header);
  for (int p = 0; p < 3; ++p) {
    const std::string name = perspective_label(static_cast<Perspective>(p), st);
    text(ws, row, 2 + p, static_cast<int>(bc.perspective) == p ? st.trf("{} (selected)", name) : name,
         b.f.header);
  }
  ++row;
  const int npv_row = row, costs_row = row + 1, benefits_row = row + 2;
  for (int p = 0; p < 3; ++p) {
    const Metrics& m = bc.perspectives[static_cast<size_t>(p)];
    summary_row(b, npv_row, st.tr("NPV"), "npv", p, ref(b.sheet.flows, b.flows.net[p], kPvCol), m.npv,
                b.f.money);
    summary_row(b, costs_row, st.tr("PV of costs"), "pv_costs", p, ref(b.sheet.flows, b.flows.costs, kPvCol),
                m.pv_costs, b.f.money);
    summary_row(b, benefits_row, st.tr("PV of benefits"), "pv_benefits", p,
                ref(b.sheet.flows, b.flows.benefits_counted[p], kPvCol), m.pv_benefits, b.f.money);
    const std::string pc = cell(costs_row, 2 + p), pb = cell(benefits_row, 2 + p);
    summary_row(b, row + 3, st.tr("Benefit-cost ratio"), "bcr", p, fmt::format("{}/{}", pb, pc), m.bcr,
                b.f.number);
    // Values no formula gives the same way: the IRR is the one root in
    // (-99 %, 1000 %) (null with several), payback is interpolated.
    summary_row(b, row + 4, st.tr("IRR (value)"), "irr", p, std::nullopt, m.irr, b.f.value);
    summary_row(b, row + 5, st.tr("Payback years (value)"), "payback_years", p, std::nullopt, m.payback_years,
                b.f.value);
    summary_row(b, row + 6, st.tr("Discounted payback years (value)"), "discounted_payback_years", p,
                std::nullopt, m.discounted_payback_years, b.f.value);
  }
  row += 8;
  auto section = [&](const std::string& title, const std::vector<std::pair<std::string, std::string>>& keys,
                     const std::function<std::optional<double>(const std::string&)>& value) {
    text(ws, row, 0, title, b.f.header);
    text(ws, row++, 1, st.tr("key"), b.f.header);
    for (const auto& [key, label] : keys) {
      auto it = b.summary_cell.find(key);
      if (it == b.summary_cell.end()) continue;
      summary_row(b, row++, label, key, 0, it->second, value(key),
                  key.find("ratio") != std::string::npos || key.find("fte") != std::string::npos ? b.f.number
                                                                                                 : b.f.money);
    }
    ++row;
  };
  if (const auto& r = b.d->capacity; r && c.capacity.present) {
    section(st.tr("Capacity release"),
            {{"capacity.fte", st.tr("FTE freed at full effect")},
             {"capacity.fte_years", st.tr("FTE-years")},
             {"capacity.hours", st.tr("Hours freed")},
             {"capacity.realisable_hours", st.tr("Realisable hours")},
             {"capacity.value", st.tr("Value of the realisable hours")},
             {"capacity.value_pv", st.tr("PV of the value")},
             {"capacity.target_share", st.tr("FTE / target")}},
            [&](const std::string& k) -> std::optional<double> {
              if (k == "capacity.fte") return r->total.fte;
              if (k == "capacity.fte_years") return r->total.fte_years;
              if (k == "capacity.hours") return r->total.hours;
              if (k == "capacity.realisable_hours") return r->total.realisable_hours;
              if (k == "capacity.value") return r->total.value;
              if (k == "capacity.value_pv") return r->value_pv;
              return r->target_share;
            });
  }
  if (const auto& s = b.d->sroi) {
    section(st.tr("SROI"),
            {{"sroi.pv_value", st.tr("PV of outcomes")},
             {"sroi.investment", st.tr("Investment")},
             {"sroi.ratio", st.tr("SROI ratio")},
             {"sroi.net_ratio", st.tr("Net SROI ratio")},
             {"sroi.payback_months", st.tr("Payback in months")}},
            [&](const std::string& k) -> std::optional<double> {
              if (k == "sroi.pv_value") return s->pv_value;
              if (k == "sroi.investment") return s->investment;
              if (k == "sroi.ratio") return s->ratio;
              if (k == "sroi.net_ratio") return s->net_ratio;
              return s->payback_months;
            });
  }
  if (const FinancingResult& fr = bc.financing; !fr.grants.empty() || !fr.loans.empty()) {
    std::vector<std::pair<std::string, std::string>> keys;
    for (const GrantResult& g : fr.grants) {
      keys.emplace_back("financing." + g.id + ".total", st.trf("Grant {}: total", g.id));
      keys.emplace_back("financing." + g.id + ".pv", st.trf("Grant {}: PV", g.id));
    }
    for (const LoanResult& L : fr.loans) {
      const std::string k = "financing." + L.id + ".";
      keys.emplace_back(k + "total_paid", st.trf("Loan {}: total paid", L.id));
      keys.emplace_back(k + "total_interest", st.trf("Loan {}: total interest", L.id));
      keys.emplace_back(k + "forgiven", st.trf("Loan {}: forgiven", L.id));
      keys.emplace_back(k + "pv_lender", st.trf("Loan {}: lender's PV", L.id));
    }
    section(st.tr("Financing"), keys, [&](const std::string& k) -> std::optional<double> {
      for (const GrantResult& g : fr.grants) {
        if (k == "financing." + g.id + ".total") return g.total;
        if (k == "financing." + g.id + ".pv") return g.pv;
      }
      for (const LoanResult& L : fr.loans) {
        const std::string p = "financing." + L.id + ".";
        if (k == p + "total_paid") return L.schedule.total_paid;
        if (k == p + "total_interest") return L.schedule.total_interest;
        if (k == p + "forgiven") return L.schedule.forgiven;
        if (k == p + "pv_lender") return L.pv.lender;
      }
      return std::nullopt;
    });
  }
  if (const SimulationResult* sim = b.d->simulation) {
    // Values only: a simulation's draws are not formulas of the sheets.
    text(ws, row, 0, st.tr("Simulation (values)"), b.f.header);
    text(ws, row, 1, st.tr("key"), b.f.header);
    const std::string stats[] = {st.tr("mean"), st.tr("sd"), "p05", "p50", "p95"};
    for (int k = 0; k < 5; ++k) text(ws, row, 2 + k, stats[k], b.f.header);
    ++row;
    text(ws, row, 0, st.trf("Iterations, seed {}", sim->seed));
    text(ws, row, 1, "simulation.iterations");
    number(ws, row++, 2, static_cast<double>(sim->iterations), b.f.value);
    auto metric = [&](const std::string& label, const std::string& key, const MetricSummary& m) {
      text(ws, row, 0, label);
      text(ws, row, 1, key);
      const double v[] = {m.mean, m.sd, m.p05, m.p50, m.p95};
      for (int k = 0; k < 5; ++k) number(ws, row, 2 + k, v[k], b.f.value);
      ++row;
    };
    metric(st.tr("NPV"), "simulation.npv", sim->npv);
    if (sim->fte) metric(st.tr("FTE"), "simulation.fte", *sim->fte);
    if (sim->sroi_ratio) metric(st.tr("SROI ratio"), "simulation.sroi_ratio", *sim->sroi_ratio);
    text(ws, row, 0, st.tr("P(NPV > 0)"));
    text(ws, row, 1, "simulation.prob_positive");
    number(ws, row++, 2, sim->prob_positive, b.f.value);
    text(ws, row, 0, st.tr("EVPI = E[max(NPV, 0)] - max(E[NPV], 0)"));
    text(ws, row, 1, "simulation.evpi");
    number(ws, row++, 2, sim->evpi, b.f.value);
    ++row;
  }
  text(ws, row++, 0, st.tr("Provenance"), b.f.header);
  text(ws, row, 0, st.tr("gevinst version"));
  text(ws, row++, 2, tool_version());
  for (const Provenance::File& f : b.d->provenance.files) {
    text(ws, row, 0, f.path);
    text(ws, row++, 2, "SHA-256 " + f.sha256);
  }
  worksheet_set_column(ws, 0, 0, 36, nullptr);
  worksheet_set_column(ws, 1, 1, 26, nullptr);
  worksheet_set_column(ws, 2, 4, 18, nullptr);
}

std::optional<std::string> write_workbook(const std::string& path, const WorkbookData& d, const Style& st) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / (std::string(".")
                                                   .append(target.filename().string())
                                                   .append(".")
                                                   .append(std::to_string(getpid()))
                                                   .append(".tmp"));
  // libxlsxwriter would print its own error; say it once, in our words.
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code dir_ec;
  if (!fs::is_directory(dir, dir_ec))
    return "cannot write " + path + ": directory " + dir.string() + " does not exist";
  lxw_workbook_options opt{};
  Book b;
  b.wb = workbook_new_opt(tmp.string().c_str(), &opt);
  if (!b.wb) return "cannot create " + path;
  b.d = &d;
  b.c = d.c;
  b.st = st;
  b.sheet = sheet_names(st);
  b.f = make_formats(b.wb);
  b.summary = workbook_add_worksheet(b.wb, b.sheet.summary.c_str());
  b.parameters = workbook_add_worksheet(b.wb, b.sheet.parameters.c_str());
  b.flows_ws = workbook_add_worksheet(b.wb, b.sheet.flows.c_str());
  if (d.capacity && d.c->capacity.present)
    b.capacity = workbook_add_worksheet(b.wb, b.sheet.capacity.c_str());
  if (d.sroi) b.sroi = workbook_add_worksheet(b.wb, b.sheet.sroi.c_str());
  if (!d.bc->financing.grants.empty() || !d.bc->financing.loans.empty())
    b.financing = workbook_add_worksheet(b.wb, b.sheet.financing.c_str());
  write_parameters(b);
  write_capacity(b);
  write_flows(b);
  write_sroi(b);
  write_financing(b);
  write_summary(b);
  const lxw_error err = workbook_close(b.wb);
  if (err != LXW_NO_ERROR) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return "cannot write " + path + ": " + lxw_strerror(err);
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return "cannot write " + path + ": " + ec.message();
  }
  return std::nullopt;
}

}  // namespace gevinst::cli
