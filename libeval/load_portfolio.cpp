// Loading portfolio constraints files (format gevinst-portfolio/1,
// docs/cli.md, "Constraints file") and resolving their case ids.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "libeval/detail/load_reader.h"
#include "libeval/detail/yaml_tree.h"
#include "libeval/expr.h"
#include "libeval/portfolio_file.h"

namespace gevinst {

namespace {

// A literal amount of money, 0 or more.
std::optional<double> amount(Reader& r, const YNode* n, const std::string& path, std::string_view hint) {
  if (!n) return std::nullopt;
  bool overflow = false;
  auto v = n->is_scalar() ? parse_number(n->value, &overflow) : std::nullopt;
  if (!v || overflow || !std::isfinite(*v)) {
    r.error(n, path,
            n->is_scalar() ? fmt::format("expected an amount, got '{}'", shorten(n->value, 40))
                           : fmt::format("expected an amount, got {}", n->describe()),
            std::string(hint));
    return std::nullopt;
  }
  if (*v < 0) {
    r.error(n, path, fmt::format("a budget must be 0 or more, got {}", shorten(n->value, 40)),
            std::string(hint));
    return std::nullopt;
  }
  return v;
}

std::optional<CaseRef> case_ref(Reader& r, const YNode* n, const std::string& path) {
  auto id = r.id(n, path);
  if (!id) return std::nullopt;
  return CaseRef{*id, n->loc, path};
}

// `[a, b]` or a single `a`: case ids.
std::vector<CaseRef> case_refs(Reader& r, const YNode* n, const std::string& path, std::string_view hint) {
  std::vector<CaseRef> out;
  if (!n) return out;
  if (n->is_scalar()) {
    if (auto c = case_ref(r, n, path)) out.push_back(*c);
    return out;
  }
  if (!r.expect_sequence(n, path, hint)) return out;
  std::set<std::string> seen;
  for (size_t i = 0; i < n->items.size(); ++i) {
    std::string p = Reader::index_path(path, i);
    auto c = case_ref(r, n->items[i], p);
    if (!c) continue;
    if (!seen.insert(c->id).second) {
      r.error(n->items[i], p, fmt::format("case '{}' is listed twice", c->id), "list each case once");
      continue;
    }
    out.push_back(*c);
  }
  return out;
}

std::optional<int> count(Reader& r, const YNode* n, const std::string& path) {
  auto v = r.integer(n, path, "a count of cases");
  if (v && *v < 0) {
    r.error(n, path, fmt::format("a count must be 0 or more, got {}", *v), "e.g. min: 1");
    return std::nullopt;
  }
  return v;
}

void load_tags(Reader& r, const YNode* n, PortfolioSpec& spec) {
  if (!n || !r.expect_mapping(n, "tags", "e.g. tags: {nordjylland: {cases: [a, b], min: 1}}")) return;
  for (const auto& [key, v] : n->entries) {
    std::string path = Reader::key_path("tags", key->value);
    if (!r.expect_mapping(v, path, "e.g. {cases: [a, b], min: 1, max: 2}")) continue;
    r.check_keys(v, path, {"cases", "min", "max"});
    PortfolioSpec::Tag t;
    t.name = key->value;
    t.cases =
        case_refs(r, r.require(v, path, "cases", "the cases of this region or sector, e.g. cases: [a, b]"),
                  path + ".cases", "e.g. cases: [a, b]");
    t.min = count(r, v->find("min"), path + ".min");
    t.max = count(r, v->find("max"), path + ".max");
    if (!v->find("min") && !v->find("max"))
      r.error(v, path, fmt::format("tag '{}' has neither min nor max", t.name),
              "give the fewest (min) or most (max) of its cases to select, e.g. max: 2");
    if (t.min && t.max && *t.min > *t.max)
      r.error(v->find("min"), path + ".min", fmt::format("min {} is more than max {}", *t.min, *t.max));
    spec.tags.push_back(std::move(t));
  }
}

void load_requires(Reader& r, const YNode* n, PortfolioSpec& spec) {
  if (!n || !r.expect_mapping(n, "requires", "case: the case it requires, e.g. {virtual-physio: ai-triage}"))
    return;
  for (const auto& [key, v] : n->entries) {
    std::string path = Reader::key_path("requires", key->value);
    auto b = case_ref(r, key, path);
    if (!b) continue;
    for (const CaseRef& a : case_refs(r, v, path, "the cases it requires, e.g. [ai-triage]")) {
      if (a.id == b->id) {
        r.diags().error(a.loc, a.path, fmt::format("case '{}' requires itself", b->id), "name another case");
        continue;
      }
      spec.dependencies.push_back({*b, a});
    }
  }
}

void load_exclusive(Reader& r, const YNode* n, PortfolioSpec& spec) {
  if (!n || !r.expect_sequence(n, "exclusive", "groups of cases of which at most one: - [a, b]")) return;
  for (size_t i = 0; i < n->items.size(); ++i) {
    std::string path = Reader::index_path("exclusive", i);
    const YNode* g = n->items[i];
    if (!g->is_sequence()) {
      r.error(g, path, fmt::format("expected a list of cases, got {}", g->describe()),
              "a group of cases of which at most one is selected, e.g. [a, b]");
      continue;
    }
    auto refs = case_refs(r, g, path, "");
    if (g->items.size() < 2)
      r.error(g, path, "an exclusive group needs two cases or more",
              "e.g. [kol-telemonitoring, virtual-physio]");
    spec.exclusive.push_back(std::move(refs));
  }
}

void load_years(Reader& r, const YNode* n, PortfolioSpec& spec) {
  if (!n || !r.expect_mapping(n, "yearly_budgets", "calendar year: amount, e.g. {2027: 20e6, 2028: 15e6}"))
    return;
  for (const auto& [key, v] : n->entries) {
    std::string path = Reader::key_path("yearly_budgets", key->value);
    auto year = r.integer(key, path, "a calendar year", true);
    auto a = amount(r, v, path, "the appropriation of that year, e.g. 20e6");
    if (!year) continue;
    const int y = *year;
    if (y < 1900 || y > 2200)
      r.error(key, path, fmt::format("{} is not a calendar year", y), "e.g. 2027");
    else if (a)
      spec.years.push_back({y, *a});
  }
  std::sort(spec.years.begin(), spec.years.end(),
            [](const YearBudget& a, const YearBudget& b) { return a.year < b.year; });
}

}  // namespace

PortfolioLoadResult load_portfolio_text(std::string_view text, const std::string& file,
                                        const LoadOptions& opt) {
  PortfolioLoadResult res;
  res.diags = Diagnostics(file);
  auto doc = parse_yaml(text, res.diags, opt.limits);
  if (!doc) {
    res.source = displayable_text(text, opt.limits);
    return res;
  }
  res.source = doc->text;
  Reader r(res.diags, res.source);
  const YNode* root = doc->root;
  if (!r.expect_mapping(root, "", "a portfolio file starts with 'format: gevinst-portfolio/1'")) return res;
  r.check_keys(root, "",
               {"format", "title", "budget", "yearly_budgets", "committed", "excluded", "requires",
                "exclusive", "tags"});
  const YNode* f = r.require(root, "", "format", "write 'format: gevinst-portfolio/1'");
  if (f && !(f->is_scalar() && f->value == "gevinst-portfolio/1")) {
    r.error(f, "format", fmt::format("unsupported format '{}'", f->is_scalar() ? f->value : "?"),
            "a portfolio file has 'format: gevinst-portfolio/1'");
    return res;
  }
  PortfolioSpec spec;
  spec.file = file;
  if (auto v = r.text(root->find("title"), "title")) spec.title = *v;
  spec.budget = amount(r, root->find("budget"), "budget", "the total budget on the cost basis, e.g. 60e6");
  load_years(r, root->find("yearly_budgets"), spec);
  spec.committed =
      case_refs(r, root->find("committed"), "committed", "cases already funded, e.g. [ai-triage]");
  spec.excluded = case_refs(r, root->find("excluded"), "excluded", "cases never funded, e.g. [old-pilot]");
  load_requires(r, root->find("requires"), spec);
  load_exclusive(r, root->find("exclusive"), spec);
  load_tags(r, root->find("tags"), spec);
  for (const CaseRef& c : spec.excluded)
    for (const CaseRef& d : spec.committed)
      if (c.id == d.id)
        r.diags().error(c.loc, c.path, fmt::format("case '{}' is both committed and excluded", c.id),
                        "remove it from one of the two lists");
  res.diags.sort();
  res.diags.note_dropped();
  if (!res.diags.has_errors()) res.spec = std::move(spec);
  return res;
}

PortfolioLoadResult load_portfolio_file(const std::string& path, const LoadOptions& opt) {
  std::string name = path == "-" ? "<stdin>" : path;
  Diagnostics d(name);
  auto text = read_file_text(path, d, opt.limits.max_bytes);
  if (!text) {
    PortfolioLoadResult res;
    res.diags = std::move(d);
    return res;
  }
  return load_portfolio_text(*text, name, opt);
}

std::optional<PortfolioConstraints> resolve_portfolio(const PortfolioSpec& spec,
                                                      const std::vector<CaseFigures>& figures,
                                                      std::vector<PortfolioItem>& items, Diagnostics& diags) {
  std::map<std::string, size_t> index;
  std::vector<std::string> ids;
  for (size_t i = 0; i < figures.size(); ++i) {
    index.emplace(figures[i].id, i);
    ids.push_back(figures[i].id);
  }
  bool ok = true;
  auto find = [&](const CaseRef& c) -> std::optional<size_t> {
    if (auto it = index.find(c.id); it != index.end()) return it->second;
    std::string guess = did_you_mean(c.id, ids);
    diags.error(c.loc, c.path, fmt::format("no case '{}' among the inputs", c.id),
                guess.empty()
                    ? "name a case by its case.id; the cases are the files given on the command line"
                    : fmt::format("did you mean '{}'?", guess));
    ok = false;
    return std::nullopt;
  };
  PortfolioConstraints k;
  k.budget = spec.budget;
  k.years = spec.years;
  for (const auto& f : figures) {
    std::vector<double> yc;
    for (const auto& y : spec.years) {
      int t = y.year - f.start_year;
      yc.push_back(t >= 0 && t < static_cast<int>(f.year_costs.size()) ? f.year_costs[static_cast<size_t>(t)]
                                                                       : 0);
    }
    k.year_costs.push_back(std::move(yc));
  }
  for (const auto& c : spec.committed)
    if (auto i = find(c)) items[*i].include = true;
  for (const auto& c : spec.excluded)
    if (auto i = find(c)) items[*i].exclude = true;
  for (const auto& [b, a] : spec.dependencies) {
    auto ib = find(b), ia = find(a);
    if (ib && ia) k.dependencies.push_back({*ib, *ia});
  }
  for (const auto& g : spec.exclusive) {
    std::vector<size_t> members;
    for (const auto& c : g)
      if (auto i = find(c)) members.push_back(*i);
    k.exclusive.push_back(std::move(members));
  }
  for (const auto& t : spec.tags) {
    CountLimit l{t.name, {}, t.min, t.max};
    for (const auto& c : t.cases)
      if (auto i = find(c)) l.members.push_back(*i);
    k.counts.push_back(std::move(l));
  }
  diags.sort();
  if (!ok) return std::nullopt;
  return k;
}

}  // namespace gevinst
