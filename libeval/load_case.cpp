// Loading the case document (format gevinst/1, docs/case-format.md): case,
// assumptions, parameters, parties, costs and benefits, scenarios and
// correlations here; capacity, SROI and financing in load_sections.cpp;
// semantic checks that need parameter values in load_checks.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "libeval/detail/load_internal.h"
#include "libeval/parameters.h"
#include "libeval/presets.h"

namespace gevinst {

namespace {

const std::vector<std::string> kTopKeys = {
    "format",   "case", "assumptions", "parameters", "parties",      "costs",     "benefits",
    "capacity", "sroi", "financing",   "scenarios",  "correlations", "follow_up", "stage_gates"};

void load_info(Reader& r, const YNode* n, CaseInfo& info) {
  if (!r.expect_mapping(n, "case", "e.g. case: {id: kol-telemonitoring, title: ...}")) return;
  info.loc = n->loc;
  r.check_keys(n, "case", {"id", "title", "owner", "description", "stage", "evidence", "template"});
  const YNode* id = r.require(n, "case", "id", "add e.g. 'id: kol-telemonitoring'");
  if (id) info.id_loc = id->loc;
  if (auto v = r.id(id, "case.id")) info.id = *v;
  if (auto v = r.text(n->find("title"), "case.title")) info.title = *v;
  if (auto v = r.text(n->find("owner"), "case.owner")) info.owner = *v;
  if (auto v = r.text(n->find("description"), "case.description")) info.description = *v;
  if (auto v = r.choice(n->find("stage"), "case.stage",
                        {"needs", "development", "evaluation", "implementation", "scaling"}))
    info.stage = static_cast<Stage>(*v);
  if (auto v = r.choice(n->find("evidence"), "case.evidence", {"none", "pilot", "documented", "hta"}))
    info.evidence = static_cast<Evidence>(*v);
  if (auto v = r.choice(n->find("template"), "case.template", {"small", "large"}))
    info.templ = static_cast<Template>(*v);
}

void load_discounting(Reader& r, const YNode* n, Assumptions& a) {
  const std::string path = "assumptions.discounting";
  a.discounting = *discount_preset("dk-fm-2021");
  if (!n) return;
  if (n->is_scalar()) {
    if (auto p = discount_preset(n->value)) {
      a.discounting = *p;
      return;
    }
    auto names = discount_preset_names();
    std::string guess = did_you_mean(n->value, names);
    r.error(n, path, fmt::format("unknown discounting preset '{}'", n->value),
            guess.empty() ? fmt::format("presets: {}; or write {{rate: 0.035}} or {{schedule: [...]}}",
                                        fmt::join(names, ", "))
                          : fmt::format("did you mean '{}'?", guess));
    return;
  }
  if (!r.expect_mapping(n, path, "a preset name (dk-fm-2021), {rate: 0.035} or {schedule: [...]}")) return;
  r.check_keys(n, path, {"rate", "schedule"});
  const YNode* rate = n->find("rate");
  const YNode* sched = n->find("schedule");
  if ((rate != nullptr) == (sched != nullptr)) {
    r.error(n, path, "discounting needs exactly one of 'rate' and 'schedule'",
            "write {rate: 0.035} or {schedule: [{from_index: 1, rate: 0.035}, ...]}");
    return;
  }
  DiscountSchedule s;
  s.name = rate ? "constant" : "schedule";
  s.source = "case file";
  // Rates are structural for the timeline: literal numbers only.
  auto literal_rate = [&](const YNode* v, const std::string& p) -> std::optional<double> {
    if (!v || !v->is_scalar()) {
      r.error(v ? v : n, p, "expected a rate such as 0.035",
              "discount rates are literal numbers (fractions, not percent)");
      return std::nullopt;
    }
    auto x = parse_number(v->value);
    if (!x) {
      r.error(v, p, fmt::format("expected a rate such as 0.035, got '{}'", v->value),
              "discount rates are literal numbers (fractions, not percent)");
      return std::nullopt;
    }
    if (*x <= -1 || *x > 1) {
      r.error(v, p, fmt::format("discount rate {} is outside (-1, 1]", *x), "write 3.5 % as 0.035");
      return std::nullopt;
    }
    return x;
  };
  if (rate) {
    if (auto x = literal_rate(rate, path + ".rate")) s.steps.push_back({1, *x});
  } else if (r.expect_sequence(sched, path + ".schedule",
                               "e.g. [{from_index: 1, rate: 0.035}, {from_index: 36, rate: 0.025}]")) {
    int prev = 0;
    for (size_t i = 0; i < sched->items.size(); ++i) {
      const YNode* st = sched->items[i];
      std::string p = Reader::index_path(path + ".schedule", i);
      if (!r.expect_mapping(st, p)) continue;
      r.check_keys(st, p, {"from_index", "rate"});
      auto from = r.integer(r.require(st, p, "from_index"), p + ".from_index");
      auto x = literal_rate(r.require(st, p, "rate"), p + ".rate");
      if (!from || !x) continue;
      if (i == 0 && *from != 1)
        r.error(st->find("from_index"), p + ".from_index", "the first step must have from_index: 1",
                "from_index is the year index t (start_year has t = 0) from which the rate applies");
      else if (i > 0 && *from <= prev)
        r.error(st->find("from_index"), p + ".from_index",
                fmt::format("from_index {} does not increase (previous step: {})", *from, prev),
                "list the steps in increasing from_index order, each index once");
      prev = *from;
      s.steps.push_back({*from, *x});
    }
    if (sched->items.empty())
      r.error(sched, path + ".schedule", "the schedule is empty",
              "give at least {from_index: 1, rate: 0.035}");
  }
  if (!s.steps.empty()) a.discounting = s;
}

void load_optimism_bias(Reader& r, const YNode* n, Assumptions& a) {
  const std::string path = "assumptions.optimism_bias";
  if (!n) return;
  if (!r.expect_mapping(n, path, "e.g. {investment: 0.24, operating: 0.41, benefits: 0.10}")) return;
  r.check_keys(n, path, {"investment", "implementation", "operating", "other", "benefits"});
  auto& ob = a.optimism_bias;
  ob.present = true;
  ob.investment = r.number(n->find("investment"), path + ".investment", Constraint::nonnegative);
  ob.implementation = r.number(n->find("implementation"), path + ".implementation", Constraint::nonnegative);
  ob.operating = r.number(n->find("operating"), path + ".operating", Constraint::nonnegative);
  ob.other = r.number(n->find("other"), path + ".other", Constraint::nonnegative);
  ob.benefits = r.number(n->find("benefits"), path + ".benefits", Constraint::share);
}

// assumptions.price_index and .inflation (docs/case-format.md, "Prices").
void load_prices(Reader& r, const YNode* n, Assumptions& a) {
  if (const YNode* pi = n->find("price_index")) {
    const std::string path = "assumptions.price_index";
    auto names = price_index_preset_names();
    if (auto name = r.text(pi, path)) {
      if (auto p = price_index_preset(*name)) {
        a.price_index = p->name;
        if (a.price_year > 0 && !p->at(a.price_year))
          r.error(n->find("price_year") ? n->find("price_year") : pi,
                  n->find("price_year") ? "assumptions.price_year" : path,
                  fmt::format("price year {} is outside the price index {} ({}-{})", a.price_year, p->name,
                              p->first_year, p->last_year()),
                  fmt::format("choose a price_year in {}-{}", p->first_year, p->last_year()));
      } else {
        std::string guess = did_you_mean(*name, names);
        r.error(pi, path, fmt::format("unknown price index '{}'", shorten(*name, 40)),
                guess.empty() ? fmt::format("price index presets: {}", fmt::join(names, ", "))
                              : fmt::format("did you mean '{}'?", guess));
      }
    }
  }
  if (const YNode* inf = n->find("inflation")) {
    // A literal rate, like the discount rates: it shapes every loan's deflator.
    const std::string path = "assumptions.inflation";
    auto x = inf->is_scalar() ? parse_number(inf->value) : std::nullopt;
    if (!x)
      r.error(inf, path, "expected a yearly inflation rate such as 0.02",
              "a literal fraction (2 % is 0.02), not an expression or percent");
    else if (*x < -0.05 || *x > 0.5)
      r.error(inf, path, fmt::format("inflation {} is outside -0.05..0.5", *x),
              "a yearly rate as a fraction: 2 % is 0.02");
    else
      a.inflation = *x;
  }
}

void load_assumptions(Reader& r, const YNode* n, Assumptions& a) {
  const std::string path = "assumptions";
  a.discounting = *discount_preset("dk-fm-2021");
  if (!r.expect_mapping(n, path, "e.g. assumptions: {start_year: 2026, horizon: 10}")) return;
  r.check_keys(n, path,
               {"start_year", "horizon", "price_year", "price_index", "inflation", "currency", "discounting",
                "timing", "fte_hours", "optimism_bias"});
  if (auto y = r.integer(r.require(n, path, "start_year", "add e.g. 'start_year: 2026'"),
                         "assumptions.start_year", "a calendar year")) {
    if (*y < 1900 || *y > 2200)
      r.error(n->find("start_year"), "assumptions.start_year",
              fmt::format("start_year {} is implausible", *y), "use a calendar year such as 2026");
    else
      a.start_year = *y;
  }
  if (auto h =
          r.integer(r.require(n, path, "horizon", "add e.g. 'horizon: 10' (years)"), "assumptions.horizon")) {
    if (*h < 1 || *h > 200)
      r.error(n->find("horizon"), "assumptions.horizon",
              fmt::format("horizon {} is outside 1..200 years", *h),
              "\"Bedre digital sundhed\" (Health Tech Hub Copenhagen, 2024) recommends 3-5 years for digital "
              "solutions; use up to 10 for infrastructure");
    else
      a.horizon = *h;
  }
  a.price_year = a.start_year;
  if (auto y = r.integer(n->find("price_year"), "assumptions.price_year", "a calendar year")) {
    if (*y < 1900 || *y > 2200)
      r.error(n->find("price_year"), "assumptions.price_year",
              fmt::format("price_year {} is implausible", *y),
              "the year whose prices the amounts are in, such as 2026");
    else
      a.price_year = *y;
  }
  load_prices(r, n, a);
  if (auto c = r.text(n->find("currency"), "assumptions.currency")) {
    bool ok =
        c->size() == 3 && std::all_of(c->begin(), c->end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (!ok)
      r.error(n->find("currency"), "assumptions.currency",
              fmt::format("'{}' is not an ISO 4217 currency code", *c), "e.g. DKK, EUR, SEK");
    else
      a.currency = *c;
  }
  load_discounting(r, n->find("discounting"), a);
  if (auto t = r.choice(n->find("timing"), "assumptions.timing", {"end", "mid"}))
    a.timing = *t == 0 ? Timing::end : Timing::mid;
  // A rate near -100 % over a long horizon makes DF(t) = DF(t-1) / (1 + r)
  // overflow; every result would be infinite, so say so here.
  if (a.horizon > 0) {
    std::vector<double> df = discount_factors(a.discounting, a.horizon, a.timing);
    auto bad = std::find_if(df.begin(), df.end(),
                            [](double d) { return !std::isfinite(d) || d < 1e-250 || d > 1e250; });
    if (bad != df.end())
      r.error(n->find("discounting") ? n->find("discounting") : n, "assumptions.discounting",
              fmt::format(
                  "the discount factor of year index {} is out of range ({:g}): the rates compound beyond "
                  "what a number can hold over {} years",
                  bad - df.begin(), *bad, a.horizon),
              "a rate close to -100 % (or a very high one) over a long horizon; check the discount rates");
  }
  if (const YNode* f = n->find("fte_hours")) {
    bool overflow = false;
    if (f->is_scalar()) parse_number(f->value, &overflow);
    if (overflow) {
      r.error(f, "assumptions.fte_hours", fmt::format("number '{}' is too large", shorten(f->value)),
              "1924 (37 h x 52 weeks) is the Danish gross norm");
    } else if (f->is_scalar() && !parse_number(f->value)) {
      if (auto p = fte_hours_preset(f->value)) {
        a.fte_hours = p->hours;
        a.fte_hours_preset = p->name;
      } else {
        auto names = fte_hours_preset_names();
        std::string guess = did_you_mean(f->value, names);
        r.error(f, "assumptions.fte_hours",
                fmt::format("'{}' is neither a number of hours nor an FTE preset", shorten(f->value)),
                guess.empty() ? fmt::format("write hours (1924) or a preset: {}", fmt::join(names, ", "))
                              : fmt::format("did you mean '{}'?", guess));
      }
    } else if (f->is_scalar()) {
      double h = *parse_number(f->value);
      if (h <= 0 || h > 8784)
        r.error(f, "assumptions.fte_hours", fmt::format("fte_hours {} is outside 1..8784 hours a year", h),
                "1924 (37 h x 52 weeks) is the Danish gross norm");
      else
        a.fte_hours = h;
    } else {
      r.error(f, "assumptions.fte_hours", "expected hours per FTE (e.g. 1924) or a preset name",
              "write fte_hours: 1924 or fte_hours: dk-gross");
    }
  }
  load_optimism_bias(r, n->find("optimism_bias"), a);
}

bool valid_param_name(std::string_view s) {
  if (s.empty() || s.size() > 100) return false;
  if (!(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

void load_dist(Reader& r, const YNode* n, const std::string& path, Parameter& p) {
  if (!r.expect_mapping(n, path, "e.g. dist: {triangular: [0.15, 0.30, 0.40]}")) return;
  static const std::vector<std::string> kinds = {"normal",  "lognormal",  "beta", "gamma",
                                                 "uniform", "triangular", "pert"};
  if (n->entries.size() != 1) {
    r.error(n, path, "a distribution has exactly one kind",
            fmt::format("one of: {}", fmt::join(kinds, ", ")));
    return;
  }
  const auto& [k, v] = n->entries.front();
  std::string kp = Reader::key_path(path, k->value);
  auto kind = std::find(kinds.begin(), kinds.end(), k->value);
  if (kind == kinds.end()) {
    std::string guess = did_you_mean(k->value, kinds);
    r.diags().error(k->loc, kp, fmt::format("unknown distribution '{}'", k->value),
                    guess.empty() ? fmt::format("one of: {}", fmt::join(kinds, ", "))
                                  : fmt::format("did you mean '{}'?", guess));
    return;
  }
  size_t want = (*kind == "triangular" || *kind == "pert") ? 3 : 2;
  const char* form = *kind == "uniform" ? "[min, max]" : want == 3 ? "[min, mode, max]" : "[mean, sd]";
  if (!r.expect_sequence(v, kp, fmt::format("write {}: {}", *kind, form))) return;
  if (v->items.size() != want) {
    r.error(v, kp, fmt::format("{} takes {} values {}, got {}", *kind, want, form, v->items.size()),
            fmt::format("write {}: {}", *kind, form));
    return;
  }
  DistributionSpec d;
  d.kind = *kind;
  d.loc = n->loc;
  d.yaml_path = kp;
  for (size_t i = 0; i < want; ++i) d.args.push_back(r.number(v->items[i], Reader::index_path(kp, i)));
  p.dist = std::move(d);
}

// First pass: names only, so expressions anywhere can refer to any parameter.
std::vector<std::string> parameter_names(Reader& r, const YNode* n) {
  std::vector<std::string> names;
  if (!n || !n->is_mapping()) return names;
  for (const auto& [k, v] : n->entries) {
    if (!valid_param_name(k->value)) {
      r.diags().error(k->loc, Reader::key_path("parameters", k->value),
                      fmt::format("invalid parameter name '{}'", k->value),
                      "names use letters, digits and '_' and start with a letter: admissions_avoided");
    }
    names.push_back(k->value);
  }
  return names;
}

void load_parameters(Reader& r, const YNode* n, Case& c) {
  if (!n) return;
  if (!r.expect_mapping(n, "parameters", "e.g. parameters: {patients: 1200}")) return;
  for (const auto& [k, v] : n->entries) {
    std::string path = Reader::key_path("parameters", k->value);
    Parameter p;
    p.name = k->value;
    p.loc = k->loc;
    if (v && v->is_mapping()) {
      r.check_keys(v, path, {"value", "low", "high", "dist", "source", "label", "unit", "description"});
      p.value =
          r.number(r.require(v, path, "value", "add the base-case value: value: 1200"), path + ".value");
      if (const YNode* lo = v->find("low")) p.low = r.number(lo, path + ".low");
      if (const YNode* hi = v->find("high")) p.high = r.number(hi, path + ".high");
      if (const YNode* d = v->find("dist")) load_dist(r, d, path + ".dist", p);
      if (auto s = r.text(v->find("source"), path + ".source")) p.source = *s;
      if (auto s = r.text(v->find("label"), path + ".label")) p.label = *s;
      if (auto s = r.text(v->find("unit"), path + ".unit")) p.unit = *s;
    } else {
      p.value = r.number(v, path);
    }
    if (p.value.program.slots().empty() && !p.value.present) p.value.program = Program::constant(0);
    c.parameters.push_back(std::move(p));
  }
  ParameterOrder po = order_parameters(c.parameters);
  if (!po.cycle.empty()) {
    int idx = c.parameter_index(po.cycle.front());
    r.diags().error(
        idx >= 0 ? c.parameters[idx].loc : n->loc, "parameters." + po.cycle.front(),
        fmt::format("parameters depend on each other in a cycle: {}", fmt::join(po.cycle, " -> ")),
        "give one of them a number");
  }
  c.parameter_order = po.order;
}

void load_parties(Reader& r, const YNode* n, Case& c) {
  if (!n) return;
  if (!r.expect_sequence(n, "parties", "e.g. parties: [{id: region, sector: region}]")) return;
  std::set<std::string> seen;
  for (size_t i = 0; i < n->items.size(); ++i) {
    const YNode* it = n->items[i];
    std::string path = Reader::index_path("parties", i);
    if (!r.expect_mapping(it, path)) continue;
    r.check_keys(it, path, {"id", "label", "sector"});
    Party p;
    p.loc = it->loc;
    if (auto v = r.id(r.require(it, path, "id"), path + ".id")) p.id = *v;
    if (auto v = r.text(it->find("label"), path + ".label")) p.label = *v;
    if (auto v = r.choice(
            r.require(it, path, "sector",
                      "one of region, municipality, general-practice, state, citizen, private, other"),
            path + ".sector",
            {"region", "municipality", "general-practice", "state", "citizen", "private", "other"}))
      p.sector = static_cast<Sector>(*v);
    if (!p.id.empty() && !seen.insert(p.id).second)
      r.error(it->find("id"), path + ".id", fmt::format("duplicate party id '{}'", p.id),
              "each party is declared once; remove the second or give it another id");
    c.parties.push_back(std::move(p));
  }
}

void load_scenarios(Reader& r, const YNode* n, Case& c) {
  if (!n) return;
  if (!r.expect_mapping(n, "scenarios", "e.g. scenarios: {worst: {patients: 900}}")) return;
  std::vector<std::string> names = r.parameters();
  for (const auto& [k, v] : n->entries) {
    std::string path = Reader::key_path("scenarios", k->value);
    Scenario s;
    s.name = k->value;
    s.loc = k->loc;
    if (r.expect_mapping(v, path, "a scenario maps parameter names to values: {patients: 900}")) {
      for (const auto& [pk, pv] : v->entries) {
        std::string pp = Reader::key_path(path, pk->value);
        int idx = c.parameter_index(pk->value);
        if (idx < 0) {
          std::string guess = did_you_mean(pk->value, names);
          r.diags().error(pk->loc, pp, fmt::format("scenario sets unknown parameter '{}'", pk->value),
                          guess.empty() ? "scenarios override parameters defined under 'parameters:'"
                                        : fmt::format("did you mean '{}'?", guess));
          continue;
        }
        s.overrides.push_back({idx, pk->value, r.number(pv, pp)});
      }
    }
    c.scenarios.push_back(std::move(s));
  }
}

// True when parameter `name` has a 'dist' key in the file (it may be broken
// and already reported, so the parameter has no distribution in the model).
bool has_dist_key(const YNode* params, const std::string& name) {
  const YNode* p = params && params->is_mapping() ? params->find(name) : nullptr;
  return p && p->is_mapping() && p->find("dist");
}

void load_correlations(Reader& r, const YNode* n, const YNode* params, Case& c) {
  if (!n) return;
  if (!r.expect_sequence(n, "correlations", "e.g. correlations: [[patients, op_cost, 0.5]]")) return;
  for (size_t i = 0; i < n->items.size(); ++i) {
    const YNode* it = n->items[i];
    std::string path = Reader::index_path("correlations", i);
    if (!r.expect_sequence(it, path, "each correlation is [parameter_a, parameter_b, rho]")) continue;
    if (it->items.size() != 3) {
      r.error(
          it, path,
          fmt::format("a correlation is [parameter_a, parameter_b, rho], got {} values", it->items.size()),
          "e.g. - [patients, op_cost, 0.5]");
      continue;
    }
    ParameterCorrelation corr;
    corr.loc = it->loc;
    for (int j = 0; j < 2; ++j) {
      const YNode* name = it->items[j];
      std::string np = Reader::index_path(path, j);
      auto s = r.text(name, np);
      if (!s) continue;
      int idx = c.parameter_index(*s);
      if (idx < 0) {
        std::string guess = did_you_mean(*s, r.parameters());
        r.error(name, np, fmt::format("unknown parameter '{}'", shorten(*s, 40)),
                guess.empty() ? "correlations name parameters defined under 'parameters:' (without '$')"
                              : fmt::format("did you mean '{}'?", guess));
      } else if (!c.parameters[idx].dist && !has_dist_key(params, *s)) {
        r.error(name, np, fmt::format("parameter '{}' has no dist, so it cannot be correlated", *s),
                "add a distribution: dist: {normal: [mean, sd]}");
      }
      (j == 0 ? corr.a : corr.b) = *s;
    }
    if (!corr.a.empty() && corr.a == corr.b)
      r.error(it, path, "a parameter cannot be correlated with itself", "name two different parameters");
    corr.rho = r.number(it->items[2], Reader::index_path(path, 2), Constraint::correlation);
    c.correlations.push_back(std::move(corr));
  }
}

}  // namespace

void load_case_document(Reader& r, const YNode* root, Case& c) {
  r.check_keys(root, "", kTopKeys);
  load_info(r, r.require(root, "", "case", "add a 'case:' section with at least an id"), c.info);
  load_assumptions(r,
                   r.require(root, "", "assumptions", "add 'assumptions: {start_year: 2026, horizon: 10}'"),
                   c.assumptions);
  r.set_parameters(parameter_names(r, root->find("parameters")));
  load_parameters(r, root->find("parameters"), c);
  load_parties(r, root->find("parties"), c);
  // Without a valid timeline, years cannot be checked; stop after the structure.
  const Assumptions& a = c.assumptions;
  Timeline tl{a.start_year, a.start_year + std::max(a.horizon, 1) - 1, a.horizon > 0 && a.start_year > 0};
  load_flows(r, root->find("costs"), "costs", true, tl, c);
  load_flows(r, root->find("benefits"), "benefits", false, tl, c);
  load_capacity(r, root->find("capacity"), tl, c);
  load_sroi(r, root->find("sroi"), tl, c);
  load_financing(r, root->find("financing"), tl, c);
  load_scenarios(r, root->find("scenarios"), c);
  load_correlations(r, root->find("correlations"), root->find("parameters"), c);
  load_follow_up(r, root->find("follow_up"), c);
  load_stage_gates(r, root->find("stage_gates"), tl, c);
}

}  // namespace gevinst
