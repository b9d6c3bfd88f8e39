// gevinst portfolio PATH...: choose the cases to fund under a budget,
// maximising NPV, FTE or social value; exact 0/1 selection.
#include "cli/render/portfolio.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/render.h"
#include "libeval/case_files.h"
#include "libeval/digest.h"
#include "libeval/parallel.h"
#include "libeval/portfolio.h"
#include "libeval/portfolio_file.h"
#include "libeval/portfolio_mip.h"

namespace gevinst::cli {

namespace {

struct PortfolioCliOptions {
  std::vector<std::string> paths;
  OutputOptions out;
  double budget = -1;               // --budget; < 0: not given
  std::string constraints;          // --constraints FILE
  std::vector<std::string> yearly;  // --yearly-budget YEAR=AMOUNT
  std::vector<YearBudget> years;    // parsed from `yearly`
  std::string solver = "auto";
  double time_limit = 60;
  std::string write_mps;
  std::string objective = "npv";
  std::vector<std::string> cost_basis;  // {"pv"} or {"first-years", "N"}
  int first_years = 0;
  std::vector<std::string> include, exclude;
  Perspective perspective = Perspective::organisation;
  int threads = 0;
  long long max_nodes = kDefaultMaxNodes;
  ScanOptions scan;
};

// One input file: its figures, or why it could not be used.
struct Loaded {
  CaseFile file;
  std::optional<CaseFigures> figures;
};

Loaded load_one(const std::string& path, const CaseFiguresOptions& fo) {
  Loaded l{read_case_file(path), std::nullopt};
  if (!l.file.model) return l;
  try {
    l.figures = case_figures(*l.file.model, fo);
  } catch (const InputError& e) {
    l.file.diags = e.diagnostics;
  }
  return l;
}

// Marks items named by --include/--exclude (a case id or a path). Returns the
// names that match nothing.
std::vector<std::string> mark(std::vector<PortfolioItem>& items, const std::vector<CaseFigures>& figures,
                              const std::vector<std::string>& names, bool include) {
  std::vector<std::string> unknown;
  for (const auto& name : names) {
    bool found = false;
    for (size_t i = 0; i < items.size(); ++i)
      if (figures[i].id == name || items[i].key == name) {
        (include ? items[i].include : items[i].exclude) = true;
        found = true;
      }
    if (!found) unknown.push_back(name);
  }
  return unknown;
}

int run_portfolio(PortfolioCliOptions& o) {
  PortfolioReport r;
  r.perspective = o.perspective;
  r.first_years = o.first_years;
  r.objective = o.objective == "fte"    ? Objective::fte
                : o.objective == "sroi" ? Objective::sroi
                                        : Objective::npv;
  std::optional<PortfolioSpec> spec;
  std::string spec_source;
  if (!o.constraints.empty()) {
    PortfolioLoadResult pl = load_portfolio_file(o.constraints);
    if (!pl.ok()) {
      print_diagnostics(pl.diags.all(), pl.source);
      error(fmt::format("the constraints file {} is invalid", o.constraints));
      return Exit::invalid;
    }
    spec = std::move(pl.spec);
    spec_source = std::move(pl.source);
  }
  // --yearly-budget adds to the file's yearly budgets, replacing a year it has.
  if (!o.years.empty() && !spec) spec = PortfolioSpec{};
  for (const YearBudget& y : o.years) {
    auto& ys = spec->years;
    ys.erase(std::remove_if(ys.begin(), ys.end(), [&](const YearBudget& x) { return x.year == y.year; }),
             ys.end());
    ys.push_back(y);
    std::sort(ys.begin(), ys.end(), [](const YearBudget& a, const YearBudget& b) { return a.year < b.year; });
  }
  // --budget wins over the file's budget (docs/cli.md, "Constraints file").
  std::optional<double> budget = o.budget >= 0 ? std::optional<double>(o.budget)
                                 : spec        ? spec->budget
                                               : std::nullopt;
  r.budget = budget.value_or(0);
  r.has_budget = budget.has_value();
  r.constraints_file = o.constraints;
  r.cost_basis = o.first_years == 1  ? std::string("undiscounted costs of the first year")
                 : o.first_years > 1 ? fmt::format("undiscounted costs of the first {} years", o.first_years)
                                     : std::string("PV of costs");
  CaseFiguresOptions fo;
  fo.objective = r.objective;
  fo.perspective = o.perspective;
  fo.first_years = o.first_years;

  std::vector<std::string> files = scan_paths(o.paths, o.scan, o.out.quiet);
  std::vector<Loaded> loaded(files.size());
  parallel_for(files.size(), {o.threads, {}}, [&](size_t, size_t i) { loaded[i] = load_one(files[i], fo); });
  int bad = 0;
  for (auto& l : loaded) {
    if (l.file.is_other_document()) continue;
    if (!l.figures) {
      ++bad;
      print_diagnostics(l.file.diags, l.file.source);
      continue;
    }
    r.items.push_back({l.file.path, l.figures->objective, l.figures->cost});
    r.figures.push_back(std::move(*l.figures));
  }
  if (no_case_files(r.items.size() + bad, o.paths, loaded.size() - r.items.size() - bad))
    return Exit::invalid;
  if (bad) {
    error(fmt::format("{} case file{} cannot be evaluated; fix {} or leave {} out", bad, bad == 1 ? "" : "s",
                      bad == 1 ? "it" : "them", bad == 1 ? "it" : "them"));
    return Exit::invalid;
  }
  // One id in two files would fund one project twice (docs/cli.md, "Case ids across files").
  std::vector<std::string> ids;
  for (const auto& f : r.figures) ids.push_back(f.id);
  auto dups = duplicate_ids(ids);
  if (!dups.empty()) {
    for (auto [first, again] : dups) {
      const CaseFile* f = nullptr;
      for (const auto& l : loaded)
        if (l.file.path == r.items[again].key) f = &l.file;
      print_diagnostics({duplicate_id_diagnostic(ids[again], r.items[first].key, r.items[again].key,
                                                 f ? f->model->info.id_loc : SourceLoc{}, Severity::error)},
                        f ? std::string_view(f->source) : std::string_view());
    }
    error(fmt::format("{} case id{} given by more than one file; a portfolio needs one file per case",
                      dups.size(), dups.size() == 1 ? " is" : "s are"));
    return Exit::invalid;
  }
  std::vector<std::string> unknown = mark(r.items, r.figures, o.include, true);
  auto unknown_ex = mark(r.items, r.figures, o.exclude, false);
  unknown.insert(unknown.end(), unknown_ex.begin(), unknown_ex.end());
  if (!unknown.empty()) {
    std::vector<std::string> ids;
    for (const auto& f : r.figures) ids.push_back(f.id);
    for (const auto& u : unknown) {
      std::string guess = did_you_mean(u, ids);
      error(fmt::format("no case '{}' among the inputs{}", u,
                        guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess)));
    }
    return Exit::usage;
  }
  if (spec) {
    Diagnostics diags(o.constraints);
    auto k = resolve_portfolio(*spec, r.figures, r.items, diags);
    if (!k) {
      print_diagnostics(diags.all(), spec_source);
      error(fmt::format("the constraints file {} names cases that are not among the inputs", o.constraints));
      return Exit::invalid;
    }
    r.constraints = std::move(*k);
  } else {
    r.constraints.year_costs.assign(r.items.size(), {});
  }
  r.constraints.budget = budget;
  for (const auto& it : r.items)
    if (it.include && it.exclude) {
      error(fmt::format("'{}' is both included and excluded", it.key));
      return Exit::usage;
    }
  if (!o.write_mps.empty() && !write_portfolio_mps(r.items, r.constraints, o.write_mps)) {
    error(fmt::format("cannot write {}", o.write_mps));
    return Exit::invalid;
  }
  // One total budget and nothing else: the branch and bound, which is
  // fastest there; CBC when it stops short of a proof, or for any other
  // constraint.
  const PortfolioConstraints& k = r.constraints;
  const bool single_budget =
      budget && k.years.empty() && k.dependencies.empty() && k.exclusive.empty() && k.counts.empty();
  if (o.solver == "branch-and-bound" && !single_budget) {
    error(
        "--solver branch-and-bound solves a single --budget only; the constraints file needs --solver cbc or "
        "auto");
    return Exit::usage;
  }
  MipOptions mo;
  mo.time_limit = o.time_limit;
  if (single_budget && o.solver != "cbc") {
    r.sel = select_portfolio(r.items, *budget, o.max_nodes);
    if (!r.sel.optimal && r.sel.feasible && o.solver == "auto") {
      long long nodes = r.sel.nodes;
      r.sel = solve_portfolio_mip(r.items, k, mo);
      r.sel.nodes += nodes;
    }
  } else {
    r.sel = solve_portfolio_mip(r.items, k, mo);
  }
  if (!r.sel.feasible) {
    error(r.sel.problem);
    return Exit::invalid;
  }
  if (!r.sel.optimal && !o.out.quiet)
    warning(
        r.sel.solver == "cbc"
            ? fmt::format(
                  "CBC stopped at the time limit (--time-limit); the selection is within {:.6g} of the best",
                  r.sel.gap)
            : fmt::format(
                  "the search stopped after {} nodes (--max-nodes); the selection is within {:.6g} of "
                  "the best",
                  r.sel.nodes, r.sel.gap));
  r.ranking = rank_by_objective_per_krone(r.items);
  Document d = portfolio_document(r, o.out.locale);
  Provenance p;
  for (const auto& l : loaded)
    if (!l.file.is_other_document()) p.files.push_back({l.file.path, l.file.sha256});
  if (!o.constraints.empty()) {
    Diagnostics ignored;  // it was read a moment ago
    if (auto bytes = read_file_text(o.constraints, ignored, LoadOptions{}.limits.max_bytes))
      p.files.push_back({o.constraints, sha256_hex(*bytes)});
  }
  p.perspective = to_string(o.perspective);
  d.provenance = std::move(p);
  return emit(o.out, d);
}

}  // namespace

void add_portfolio(CLI::App& root, Session& s) {
  auto o = std::make_shared<PortfolioCliOptions>();
  CLI::App* app = root.add_subcommand(
      "portfolio", "Choose the cases to fund under a budget and a fund's constraints (exact)");
  app->description(
      "Choose the subset of cases that maximises the objective with total cost within the\n"
      "budget: npv (NPV under --perspective), fte (FTE freed at full effect) or sroi (social\n"
      "value created, the PV of the SROI outcomes; per krone it is the SROI ratio). Cost is\n"
      "the PV of a case's costs, or with --cost-basis first-years N the undiscounted costs of\n"
      "its first N years. The selection is exact (branch and bound with the fractional\n"
      "knapsack bound); every case is ranked by objective per krone. Rollout, actuals and\n"
      "portfolio files are skipped.\n\n"
      "--constraints FILE adds what a fund's round allows (format gevinst-portfolio/1): a budget\n"
      "per calendar year (the cases' undiscounted costs of that year), a total budget,\n"
      "requires (a case only with another), mutually exclusive groups, tags (a region or\n"
      "sector) with a minimum and maximum count of cases, and committed cases (always\n"
      "funded). That program is solved exactly by CBC (COIN-OR branch and cut); so is a\n"
      "single budget whose branch and bound stops at --max-nodes. A constraints file:\n\n"
      "  format: gevinst-portfolio/1\n"
      "  budget: 60e6\n"
      "  yearly_budgets: {2026: 25e6, 2027: 20e6}\n"
      "  committed: [ai-triage]\n"
      "  requires: {virtual-physio: ai-triage}\n"
      "  exclusive: [[kol-telemonitoring, pay-for-performance]]\n"
      "  tags: {hospitals: {cases: [ai-triage, ceiling-hoists], max: 1}}\n\n"
      "Examples:\n"
      "  gevinst portfolio cases/ --budget 25e6\n"
      "  gevinst portfolio cases/ --budget 25000000 --objective fte --cost-basis first-years 3\n"
      "  gevinst portfolio cases/ --budget 4e7 --include kol-telemonitoring --exclude old-pilot --format "
      "json\n"
      "  gevinst portfolio examples/ --constraints examples/portfolio-2027.yaml\n"
      "  gevinst portfolio cases/ --constraints round.yaml --time-limit 10 --write-mps round.mps\n"
      "  gevinst portfolio cases/ --budget 60e6 --yearly-budget 2026=25e6 --yearly-budget 2027=20e6\n"
      "Exit: 0 ok, 1 an invalid case or constraints file, or no selection meets the constraints,\n"
      "2 usage.");
  // Not ->required(): a path right after "--cost-basis pv" is taken by that
  // option and handed back in the callback.
  app->add_option("paths", o->paths, "Case files or directories")->check(ExistingPathOrStdin);
  add_output_options(app, o->out, document_formats());
  app->add_option("--budget,-b", o->budget,
                  "Budget in the cases' currency, e.g. 25e6 or 25000000 (required without --constraints; "
                  "replaces the file's budget)")
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
  add_perspective_option(app, o->perspective);
  add_threads_option(app, o->threads);
  add_scan_options(app, o->scan, "--exclude-path");
  app->add_option(
         "--constraints,-c", o->constraints,
         "A constraints file (gevinst-portfolio/1): yearly budgets, requires, exclusive groups, tags, "
         "committed cases")
      ->check(CLI::ExistingFile)
      ->type_name("FILE");
  app->add_option("--yearly-budget", o->yearly,
                  "A calendar year's budget on the cases' undiscounted costs of that year, e.g. 2027=20e6 "
                  "(repeatable; replaces that year of the constraints file)")
      ->type_name("YEAR=AMOUNT")
      ->allow_extra_args(false);
  app->add_option("--solver", o->solver,
                  "auto (branch and bound for a single budget, else CBC), cbc, or branch-and-bound")
      ->check(CLI::IsMember({"auto", "cbc", "branch-and-bound"}))
      ->capture_default_str();
  app->add_option("--time-limit", o->time_limit,
                  "Seconds CBC may search before it reports the best found and its gap")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app->add_option("--write-mps", o->write_mps,
                  "Also write the integer program as a free-format MPS file (to check with another solver)")
      ->type_name("FILE");
  app->add_option("--max-nodes", o->max_nodes,
                  "Stop the search after this many nodes and report the gap (0: never)")
      ->capture_default_str();
  app->callback([o, &s] {
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
    for (const auto& y : o->yearly) {
      size_t eq = y.find('=');
      char* end = nullptr;
      long year = eq == std::string::npos ? 0 : std::strtol(y.c_str(), &end, 10);
      bool year_ok = eq != std::string::npos && end == y.c_str() + eq && year >= 1900 && year <= 2200;
      double amount = year_ok ? std::strtod(y.c_str() + eq + 1, &end) : -1;
      if (!year_ok || end == y.c_str() + eq + 1 || *end != '\0' || !std::isfinite(amount) || amount < 0)
        throw CLI::ValidationError(
            "--yearly-budget", fmt::format("'{}' is not YEAR=AMOUNT with an amount >= 0, e.g. 2027=20e6", y));
      o->years.push_back({static_cast<int>(year), amount});
    }
    if (o->budget < 0 && o->constraints.empty() && o->years.empty())
      throw CLI::RequiredError("--budget (or --constraints FILE or --yearly-budget YEAR=AMOUNT)");
    s.run = [o] { return run_portfolio(*o); };
  });
}

}  // namespace gevinst::cli
