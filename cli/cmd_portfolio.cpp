// gevinst portfolio PATH...: choose the cases to fund under a budget,
// maximising NPV, FTE or social value; exact 0/1 selection.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>

#include "cli/common.h"
#include "cli/files.h"
#include "cli/json_util.h"
#include "cli/parallel.h"
#include "libeval/portfolio.h"

namespace gevinst::cli {

namespace {

struct PortfolioCliOptions {
  std::vector<std::string> paths;
  CommonOptions out;
  double budget = 0;
  std::string objective = "npv";
  std::vector<std::string> cost_basis;  // {"pv"} or {"first-years", "N"}
  int first_years = 0;
  std::vector<std::string> include, exclude;
  std::string perspective = "organisation";
  int threads = 0;
  long long max_nodes = kDefaultMaxNodes;
};

// One input file: its figures, or why it could not be used.
struct Loaded {
  std::string path;
  bool is_case = true;  // false: a rollout document, skipped
  std::optional<CaseFigures> figures;
  std::vector<Diagnostic> diags;
  std::string source;
};

Loaded load_one(const std::string& path, const CaseFiguresOptions& fo) {
  Loaded l;
  l.path = path == "-" ? "<stdin>" : path;
  LoadOptions lo;
  lo.lints = false;
  Diagnostics d(l.path);
  auto text = read_file_text(path, d, lo.limits.max_bytes);
  if (!text) {
    l.diags = d.all();
    return l;
  }
  if (sniff_document_kind(*text) == DocumentKind::rollout_v1) {
    l.is_case = false;
    return l;
  }
  LoadResult r = load_case_text(*text, l.path, lo);
  if (!r.ok()) {
    l.diags = r.diags.all();
    l.source = std::move(r.source);
    return l;
  }
  try {
    l.figures = case_figures(*r.model, fo);
  } catch (const InputError& e) {
    l.diags = e.diagnostics;
    l.source = std::move(r.source);
  }
  return l;
}

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

struct Report {
  std::vector<Loaded> cases;  // only cases, in path order
  std::vector<PortfolioItem> items;
  PortfolioSelection sel;
  std::vector<size_t> ranking;
  Objective objective = Objective::npv;
  std::string cost_basis;
  double budget = 0;
};

Json to_json(const Report& r, const PortfolioCliOptions& o) {
  Json j;
  j["objective"] = to_string(r.objective);
  j["perspective"] = o.perspective;
  j["cost_basis"] = o.first_years > 0 ? "first-years" : "pv";
  j["first_years"] = o.first_years > 0 ? Json(o.first_years) : Json(nullptr);
  j["budget"] = num(r.budget);
  j["cases"] = r.items.size();
  Json sel = Json::array();
  for (size_t i = 0; i < r.items.size(); ++i)
    if (r.sel.selected[i])
      sel.push_back({{"path", r.items[i].key},
                     {"id", r.cases[i].figures->id},
                     {"objective", num(r.items[i].objective)},
                     {"cost", num(r.items[i].cost)}});
  j["selected"] = sel;
  j["objective_value"] = num(r.sel.objective_value);
  j["budget_used"] = num(r.sel.budget_used);
  j["budget_left"] = num(r.sel.budget_left);
  j["optimal"] = r.sel.optimal;
  j["gap"] = num(r.sel.gap);
  j["nodes"] = r.sel.nodes;
  Json rank = Json::array();
  int k = 0;
  for (size_t i : r.ranking) {
    const auto& it = r.items[i];
    const auto& f = *r.cases[i].figures;
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

std::string render_csv(const Report& r) {
  std::string out =
      csv_row({"rank", "path", "id", "objective", "cost", "objective_per_krone", "selected", "forced"});
  int k = 0;
  auto n = [](double v) { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); };
  for (size_t i : r.ranking) {
    const auto& it = r.items[i];
    out += csv_row({std::to_string(++k), it.key, r.cases[i].figures->id, n(it.objective), n(it.cost),
                    n(objective_per_krone(it).value_or(std::nan(""))), r.sel.selected[i] ? "true" : "false",
                    it.include   ? "include"
                    : it.exclude ? "exclude"
                                 : ""});
  }
  return out;
}

std::string render_text(const Report& r, NumberLocale loc, bool md) {
  const char* oname = r.objective == Objective::npv   ? "NPV"
                      : r.objective == Objective::fte ? "FTE"
                                                      : "social value";
  const char* header = r.objective == Objective::sroi ? "Social value" : oname;
  std::string out;
  out += fmt::format("{}Portfolio: maximise {} within a budget of {} (cost: {})\n\n", md ? "## " : "", oname,
                     format_number(r.budget, 0, loc), r.cost_basis);
  size_t chosen = 0;
  for (bool b : r.sel.selected) chosen += b;
  out += fmt::format("Selected {} of {} case{}: {} {}; budget used {} ({}), left {}.\n", chosen,
                     r.items.size(), r.items.size() == 1 ? "" : "s", oname,
                     objective_text(r.objective, r.sel.objective_value, loc),
                     format_number(r.sel.budget_used, 0, loc),
                     r.budget > 0 ? format_percent(r.sel.budget_used / r.budget, 1, loc) : "-",
                     format_number(r.sel.budget_left, 0, loc));
  if (!r.sel.optimal)
    out += fmt::format("The search stopped after {} nodes: no selection is better by more than {}.\n",
                       r.sel.nodes, objective_text(r.objective, r.sel.gap, loc));
  out += "\n";
  Table t;
  t.header = {"Rank", "Case", header, "Cost", fmt::format("{} per krone", header), "Selected"};
  t.right = {true, false, true, true, true, false};
  int k = 0;
  for (size_t i : r.ranking) {
    const auto& it = r.items[i];
    std::string mark = r.sel.selected[i] ? "yes" : "no";
    if (it.include) mark += " (included)";
    if (it.exclude) mark += " (excluded)";
    if (!r.cases[i].figures->note.empty()) mark += " (" + r.cases[i].figures->note + ")";
    t.rows.push_back({std::to_string(++k), r.cases[i].figures->id,
                      objective_text(r.objective, it.objective, loc), format_number(it.cost, 0, loc),
                      per_cost_text(r.objective, it, loc), mark});
  }
  out += md ? t.render_markdown() : t.render_text();
  return out;
}

// Marks items named by --include/--exclude (a case id or a path). Returns the
// names that match nothing.
std::vector<std::string> mark(std::vector<PortfolioItem>& items, const std::vector<Loaded>& cases,
                              const std::vector<std::string>& names, bool include) {
  std::vector<std::string> unknown;
  for (const auto& name : names) {
    bool found = false;
    for (size_t i = 0; i < items.size(); ++i)
      if (cases[i].figures->id == name || cases[i].path == name) {
        (include ? items[i].include : items[i].exclude) = true;
        found = true;
      }
    if (!found) unknown.push_back(name);
  }
  return unknown;
}

int run_portfolio(PortfolioCliOptions& o) {
  Report r;
  r.objective = o.objective == "fte"    ? Objective::fte
                : o.objective == "sroi" ? Objective::sroi
                                        : Objective::npv;
  r.budget = o.budget;
  r.cost_basis = o.first_years == 1  ? std::string("undiscounted costs of the first year")
                 : o.first_years > 1 ? fmt::format("undiscounted costs of the first {} years", o.first_years)
                                     : std::string("PV of costs");
  CaseFiguresOptions fo;
  fo.objective = r.objective;
  fo.perspective = *perspective_from(o.perspective);
  fo.first_years = o.first_years;

  std::vector<std::string> files = expand_paths(o.paths);
  std::vector<Loaded> loaded(files.size());
  parallel_for(files.size(), thread_count(o.threads), [&](size_t i) { loaded[i] = load_one(files[i], fo); });
  int bad = 0;
  for (auto& l : loaded) {
    if (!l.is_case) continue;
    if (!l.figures) {
      ++bad;
      print_diagnostics(l.diags, l.source);
      continue;
    }
    r.items.push_back({l.path, l.figures->objective, l.figures->cost});
    r.cases.push_back(std::move(l));
  }
  if (bad) {
    std::cerr << fmt::format("gevinst: error: {} case file{} cannot be evaluated; fix {} or leave {} out\n",
                             bad, bad == 1 ? "" : "s", bad == 1 ? "it" : "them", bad == 1 ? "it" : "them");
    return Exit::invalid;
  }
  std::vector<std::string> unknown = mark(r.items, r.cases, o.include, true);
  auto unknown_ex = mark(r.items, r.cases, o.exclude, false);
  unknown.insert(unknown.end(), unknown_ex.begin(), unknown_ex.end());
  if (!unknown.empty()) {
    std::vector<std::string> ids;
    for (const auto& c : r.cases) ids.push_back(c.figures->id);
    for (const auto& u : unknown) {
      std::string guess = did_you_mean(u, ids);
      std::cerr << fmt::format("gevinst: error: no case '{}' among the inputs{}\n", u,
                               guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess));
    }
    return Exit::usage;
  }
  for (const auto& it : r.items)
    if (it.include && it.exclude) {
      std::cerr << fmt::format("gevinst: error: '{}' is both included and excluded\n", it.key);
      return Exit::usage;
    }
  r.sel = select_portfolio(r.items, r.budget, o.max_nodes);
  if (!r.sel.feasible) {
    std::cerr << "gevinst: error: " << r.sel.problem << "\n";
    return Exit::invalid;
  }
  if (!r.sel.optimal && !o.out.quiet)
    std::cerr << fmt::format(
        "gevinst: warning: the search stopped after {} nodes (--max-nodes); the selection is "
        "within {:.6g} of the best\n",
        r.sel.nodes, r.sel.gap);
  r.ranking = rank_by_objective_per_krone(r.items);
  const std::string& f = o.out.format;
  std::string out = f == "json"  ? dump(to_json(r, o), 2) + "\n"
                    : f == "csv" ? render_csv(r)
                                 : render_text(r, o.out.number_locale(), f == "md");
  return emit(o.out, out);
}

}  // namespace

void add_portfolio(CLI::App& root, Runner& run) {
  auto o = std::make_shared<PortfolioCliOptions>();
  CLI::App* app =
      root.add_subcommand("portfolio", "Choose the cases to fund under a budget (exact 0/1 selection)");
  app->description(
      "Choose the subset of cases that maximises the objective with total cost within the\n"
      "budget: npv (NPV under --perspective), fte (FTE freed at full effect) or sroi (social\n"
      "value created, the PV of the SROI outcomes; per krone it is the SROI ratio). Cost is\n"
      "the PV of a case's costs, or with --cost-basis first-years N the undiscounted costs of\n"
      "its first N years. The selection is exact (branch and bound with the fractional\n"
      "knapsack bound); every case is ranked by objective per krone. Rollout files are\n"
      "skipped.\n\n"
      "Examples:\n"
      "  gevinst portfolio cases/ --budget 25e6\n"
      "  gevinst portfolio cases/ --budget 25000000 --objective fte --cost-basis first-years 3\n"
      "  gevinst portfolio cases/ --budget 4e7 --include kol-telemonitoring --exclude old-pilot --format "
      "json\n"
      "Exit: 0 ok, 1 an invalid case or included cases over the budget, 2 usage.");
  // Not ->required(): a path right after "--cost-basis pv" is taken by that
  // option and handed back in the callback.
  app->add_option("paths", o->paths, "Case files or directories")->check(ExistingPathOrStdin);
  add_common_options(app, o->out, {"table", "json", "csv", "md"});
  app->add_option("--budget,-b", o->budget, "Budget in the cases' currency, e.g. 25e6 or 25000000")
      ->required()
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            char* end = nullptr;
            double v = std::strtod(s.c_str(), &end);
            if (end == s.c_str() || *end != '\0' || !std::isfinite(v) || v < 0)
              return fmt::format("the budget must be an amount >= 0, e.g. 25e6; got '{}'", s);
            return {};
          },
          ""))
      ->type_name("AMOUNT");
  app->add_option("--objective", o->objective, "What to maximise: npv, fte or sroi")
      ->check(CLI::IsMember({"npv", "fte", "sroi"}))
      ->capture_default_str();
  app->add_option("--cost-basis", o->cost_basis,
                  "Cost of a case: pv (PV of its costs, default) or first-years N")
      ->type_name("pv|first-years N")
      ->expected(1, 2)
      ->allow_extra_args(false);
  app->add_option("--include", o->include,
                  "Always fund these cases (ids or paths; repeatable, comma-separated)")
      ->type_name("ID")
      ->allow_extra_args(false)
      ->delimiter(',');
  app->add_option("--exclude", o->exclude,
                  "Never fund these cases (ids or paths; repeatable, comma-separated)")
      ->type_name("ID")
      ->allow_extra_args(false)
      ->delimiter(',');
  app->add_option("--perspective,-p", o->perspective,
                  "Which benefits count in NPV: budget, organisation (default) or society")
      ->check(CLI::IsMember({"budget", "organisation", "society"}))
      ->capture_default_str();
  app->add_option("--threads,-j", o->threads, "Threads for loading the cases (default: all cores)")
      ->check(CLI::Range(0, 1024));
  app->add_option("--max-nodes", o->max_nodes,
                  "Stop the search after this many nodes and report the gap (0: never)")
      ->capture_default_str();
  app->callback([o, &run] {
    // --cost-basis takes one or two values; "pv" followed by a path must
    // leave the path to the positional arguments.
    const auto& cb = o->cost_basis;
    if (!cb.empty()) {
      bool one = cb[0] == "pv" || cb[0].rfind("first-years=", 0) == 0;  // a complete value in one word
      if (one && cb.size() == 2) {
        std::string p = cb[1];
        if (std::string err = ExistingPathOrStdin(p); !err.empty()) throw CLI::ValidationError("paths", err);
        o->paths.push_back(p);
      }
      if (cb[0] == "pv") {
      } else if (cb[0] == "first-years" || cb[0].rfind("first-years=", 0) == 0) {
        std::string n = cb[0] == "first-years" ? (cb.size() == 2 ? cb[1] : "") : cb[0].substr(12);
        char* end = nullptr;
        long v = std::strtol(n.c_str(), &end, 10);
        if (n.empty() || *end != '\0' || v < 1 || v > 1000)
          throw CLI::ValidationError("--cost-basis",
                                     "first-years needs a whole number of years >= 1, e.g. first-years 3");
        o->first_years = static_cast<int>(v);
      } else {
        throw CLI::ValidationError("--cost-basis", fmt::format("'{}' is not pv or first-years N", cb[0]));
      }
    }
    if (o->paths.empty()) throw CLI::RequiredError("paths");
    run = [o] { return run_portfolio(*o); };
  });
}

}  // namespace gevinst::cli
