#include "cli/render/portfolio.h"

#include <fmt/format.h>

#include <cmath>

namespace gevinst::cli {

namespace {

// "npv per krone" etc. for the table: FTE are tiny per krone, so per million.
std::string per_cost_text(Objective o, const PortfolioItem& it, NumberLocale loc) {
  auto per = objective_per_krone(it);
  if (!per) return it.cost <= 0 && it.objective > 0 ? "free" : "-";
  if (o == Objective::fte) return format_number(*per * 1e6, 2, loc) + " /mio.";
  return format_number(*per, 2, loc);
}

std::string objective_text(Objective o, double v, NumberLocale loc) {
  if (!std::isfinite(v)) return "-";
  return o == Objective::fte ? format_number(v, 1, loc) : format_number(v, 0, loc);
}

Json to_json(const PortfolioReport& r) {
  Json j;
  j["objective"] = to_string(r.objective);
  j["perspective"] = to_string(r.perspective);
  j["cost_basis"] = r.first_years > 0 ? "first-years" : "pv";
  j["first_years"] = r.first_years > 0 ? Json(r.first_years) : Json(nullptr);
  j["budget"] = r.has_budget ? num(r.budget) : Json(nullptr);
  j["cases"] = r.items.size();
  Json sel = Json::array();
  for (size_t i = 0; i < r.items.size(); ++i)
    if (r.sel.selected[i])
      sel.push_back({{"path", r.items[i].key},
                     {"id", r.figures[i].id},
                     {"objective", num(r.items[i].objective)},
                     {"cost", num(r.items[i].cost)}});
  j["selected"] = sel;
  j["objective_value"] = num(r.sel.objective_value);
  j["budget_used"] = num(r.sel.budget_used);
  j["budget_left"] = r.has_budget ? num(r.sel.budget_left) : Json(nullptr);
  j["optimal"] = r.sel.optimal;
  j["gap"] = num(r.sel.gap);
  j["nodes"] = r.sel.nodes;
  j["solver"] = r.sel.solver;
  j["constraints"] = text_or_null(r.constraints_file);
  const PortfolioConstraints& con = r.constraints;
  Json years = Json::array();
  for (size_t y = 0; y < con.years.size(); ++y) {
    double used = y < r.sel.year_used.size() ? r.sel.year_used[y] : 0;
    years.push_back({{"year", con.years[y].year},
                     {"budget", num(con.years[y].amount)},
                     {"used", num(used)},
                     {"left", num(con.years[y].amount - used)}});
  }
  j["yearly_budgets"] = years;
  auto id_list = [&](const std::vector<size_t>& idx) {
    Json a = Json::array();
    for (size_t i : idx) a.push_back(r.figures[i].id);
    return a;
  };
  Json deps = Json::array();
  for (auto [b, a] : con.dependencies)
    deps.push_back({{"case", r.figures[b].id}, {"requires", r.figures[a].id}});
  j["requires"] = deps;
  Json excl = Json::array();
  for (const auto& g : con.exclusive) excl.push_back(id_list(g));
  j["exclusive"] = excl;
  Json tags = Json::array();
  for (const auto& l : con.counts) {
    int chosen = 0;
    for (size_t i : l.members) chosen += r.sel.selected[i] ? 1 : 0;
    tags.push_back({{"tag", l.name},
                    {"cases", id_list(l.members)},
                    {"min", l.min ? Json(*l.min) : Json(nullptr)},
                    {"max", l.max ? Json(*l.max) : Json(nullptr)},
                    {"selected", chosen}});
  }
  j["tags"] = tags;
  Json rank = Json::array();
  int k = 0;
  for (size_t i : r.ranking) {
    const auto& it = r.items[i];
    const auto& f = r.figures[i];
    std::optional<double> per = objective_per_krone(it);
    rank.push_back({{"rank", ++k},
                    {"path", it.key},
                    {"id", f.id},
                    {"objective", num(it.objective)},
                    {"cost", num(it.cost)},
                    {"objective_per_krone", num(per)},
                    {"npv", num(f.npv)},
                    {"selected", static_cast<bool>(r.sel.selected[i])},
                    {"forced", it.include   ? Json("include")
                               : it.exclude ? Json("exclude")
                                            : Json(nullptr)},
                    {"note", text_or_null(f.note)}});
  }
  j["ranking"] = rank;
  return j;
}

Table csv_table(const PortfolioReport& r) {
  Table t;
  for (const char* h :
       {"rank", "path", "id", "objective", "cost", "objective_per_krone", "selected", "forced"})
    t.column(h);
  int k = 0;
  auto n = [](std::optional<double> v) { return Cell::number(v, 0, ""); };
  for (size_t i : r.ranking) {
    const auto& it = r.items[i];
    t.row({Cell::of(std::to_string(++k)), Cell::of(it.key), Cell::of(r.figures[i].id), n(it.objective),
           n(it.cost), n(objective_per_krone(it)), Cell::of(r.sel.selected[i] ? "true" : "false"),
           Cell::of(it.include   ? "include"
                    : it.exclude ? "exclude"
                                 : "")});
  }
  return t;
}

}  // namespace

Document portfolio_document(const PortfolioReport& r, NumberLocale loc) {
  const char* oname = r.objective == Objective::npv   ? "NPV"
                      : r.objective == Objective::fte ? "FTE"
                                                      : "social value";
  const char* header = r.objective == Objective::sroi ? "Social value" : oname;
  Document d;
  d.title = r.has_budget ? fmt::format("Portfolio: maximise {} within a budget of {} (cost: {})", oname,
                                       format_number(r.budget, 0, loc), r.cost_basis)
            : r.constraints_file.empty() ? fmt::format("Portfolio: maximise {} within yearly budgets", oname)
                                         : fmt::format("Portfolio: maximise {} under the constraints of {}",
                                                       oname, r.constraints_file);
  d.gap();
  size_t chosen = 0;
  for (bool b : r.sel.selected) chosen += b;
  if (r.has_budget)
    d.paragraph(fmt::format("Selected {} of {} case{}: {} {}; budget used {} ({}), left {}.", chosen,
                            r.items.size(), r.items.size() == 1 ? "" : "s", oname,
                            objective_text(r.objective, r.sel.objective_value, loc),
                            format_number(r.sel.budget_used, 0, loc),
                            r.budget > 0 ? format_percent(r.sel.budget_used / r.budget, 1, loc) : "-",
                            format_number(r.sel.budget_left, 0, loc)));
  else
    d.paragraph(fmt::format("Selected {} of {} case{}: {} {}; cost {} ({}).", chosen, r.items.size(),
                            r.items.size() == 1 ? "" : "s", oname,
                            objective_text(r.objective, r.sel.objective_value, loc),
                            format_number(r.sel.budget_used, 0, loc), r.cost_basis));
  if (r.sel.solver != "branch-and-bound")
    d.paragraph(r.sel.optimal
                    ? std::string("Proven optimal by CBC (COIN-OR branch and cut).")
                    : fmt::format("CBC stopped at its time limit: no selection is better by more than {}.",
                                  objective_text(r.objective, r.sel.gap, loc)));
  else if (!r.sel.optimal)
    d.paragraph(fmt::format("The search stopped after {} nodes: no selection is better by more than {}.",
                            r.sel.nodes, objective_text(r.objective, r.sel.gap, loc)));
  if (!r.constraints.years.empty()) {
    Table y;
    y.column("Year", Align::right).column("Budget", Align::right).column("Used", Align::right);
    y.column("Left", Align::right);
    for (size_t i = 0; i < r.constraints.years.size(); ++i) {
      double used = i < r.sel.year_used.size() ? r.sel.year_used[i] : 0;
      y.row({Cell::of(std::to_string(r.constraints.years[i].year)),
             Cell::number(r.constraints.years[i].amount, 0), Cell::number(used, 0),
             Cell::number(r.constraints.years[i].amount - used, 0)});
    }
    d.table(std::move(y));
    d.gap();
  }
  Table t;
  t.column("Rank", Align::right).column("Case").column(header, Align::right).column("Cost", Align::right);
  t.column(fmt::format("{} per krone", header), Align::right).column("Selected");
  int k = 0;
  for (size_t i : r.ranking) {
    const auto& it = r.items[i];
    std::string mark = r.sel.selected[i] ? "yes" : "no";
    if (it.include) mark += " (committed)";  // --include or the constraints file's committed list
    if (it.exclude) mark += " (excluded)";
    if (!r.figures[i].note.empty()) mark += " (" + r.figures[i].note + ")";
    t.row({Cell::of(std::to_string(++k)), Cell::of(r.figures[i].id),
           Cell::of(objective_text(r.objective, it.objective, loc)), Cell::number(it.cost, 0),
           Cell::of(per_cost_text(r.objective, it, loc)), Cell::of(mark)});
  }
  d.table(std::move(t));
  d.json = to_json(r);
  d.csv.push_back(csv_table(r));
  return d;
}

}  // namespace gevinst::cli
