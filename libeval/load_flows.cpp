// Loading flow items (docs/case-format.md, "Costs and benefits") and
// profiles ("Realisation profiles").
#include <fmt/format.h>

#include <algorithm>

#include "libeval/detail/load_internal.h"
#include "libeval/presets.h"

namespace gevinst {

std::optional<int> read_year(Reader& r, const YNode* n, const std::string& path, const Timeline& tl,
                             bool key) {
  if (!tl.valid) return r.integer(n, path, "a calendar year", key);
  return r.year(n, path, tl.first, tl.last, key);
}

std::vector<std::string> read_id_list(Reader& r, const YNode* n, const std::string& path) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n->is_scalar()) {
    if (auto s = r.text(n, path)) out.push_back(*s);
    return out;
  }
  if (!r.expect_sequence(n, path, "a list of ids: [devices, training]")) return out;
  for (size_t i = 0; i < n->items.size(); ++i)
    if (auto s = r.text(n->items[i], Reader::index_path(path, i))) out.push_back(*s);
  if (out.empty()) r.error(n, path, "the list is empty", "name at least one id, or remove the key");
  return out;
}

namespace {
// "2027" and "2027.0" are different YAML keys but the same year.
bool year_once(Reader& r, const std::vector<std::pair<int, Number>>& seen, int year, const YNode* key,
               const std::string& path) {
  for (const auto& [y, v] : seen)
    if (y == year) {
      r.error(key, path, fmt::format("year {} is given twice", year), "keep one value per year");
      return false;
    }
  return true;
}
}  // namespace

Profile read_profile(Reader& r, const YNode* n, const std::string& path, const Timeline& tl) {
  Profile p;
  if (!n) return p;
  p.loc = n->loc;
  if (!r.expect_mapping(n, path,
                        "e.g. {2027: 0.4, 2028: 0.8, 2029: 1.0} or {linear: {from: 2027, years: 3}}"))
    return p;
  if (const YNode* lin = n->find("linear")) {
    r.check_keys(n, path, {"linear"});
    p.kind = Profile::Kind::linear;
    std::string lp = path + ".linear";
    if (!r.expect_mapping(lin, lp, "e.g. linear: {from: 2027, years: 3}")) return p;
    r.check_keys(lin, lp, {"from", "years"});
    if (auto y = read_year(r, r.require(lin, lp, "from"), lp + ".from", tl)) p.linear_from = *y;
    if (auto y = r.integer(r.require(lin, lp, "years"), lp + ".years", "a number of years")) {
      if (*y < 1)
        r.error(lin->find("years"), lp + ".years", "a linear ramp needs years >= 1",
                "the number of years until full effect, e.g. years: 3");
      else
        p.linear_years = *y;
    }
    return p;
  }
  if (const YNode* lg = n->find("logistic")) {
    r.check_keys(n, path, {"logistic"});
    p.kind = Profile::Kind::logistic;
    std::string lp = path + ".logistic";
    if (!r.expect_mapping(lg, lp, "e.g. logistic: {midpoint: 2029, steepness: 1.0}")) return p;
    r.check_keys(lg, lp, {"midpoint", "steepness"});
    auto literal = [&](const YNode* v, const std::string& vp, double& out) {
      if (!v) return;
      auto x = v->is_scalar() ? parse_number(v->value) : std::nullopt;
      if (!x)
        r.error(v, vp, "expected a number",
                "the curve's midpoint (a year) and steepness are literal numbers");
      else
        out = *x;
    };
    literal(r.require(lg, lp, "midpoint", "the year at which half is realised"), lp + ".midpoint",
            p.logistic_midpoint);
    literal(lg->find("steepness"), lp + ".steepness", p.logistic_steepness);
    if (p.logistic_steepness <= 0)
      r.error(lg->find("steepness"), lp + ".steepness", "steepness must be greater than 0",
              "1.0 is a moderate adoption curve; larger is steeper");
    if (tl.valid && (p.logistic_midpoint < tl.first - 100 || p.logistic_midpoint > tl.last + 100))
      r.error(
          lg->find("midpoint"), lp + ".midpoint",
          fmt::format("midpoint {} is far from the horizon {}..{}", p.logistic_midpoint, tl.first, tl.last),
          "the midpoint is the calendar year of 50 % realisation");
    return p;
  }
  p.kind = Profile::Kind::steps;
  for (const auto& [k, v] : n->entries) {
    std::string kp = fmt::format("{}.{}", path, k->value);
    auto y = read_year(r, k, kp, tl, true);
    Number share = r.number(v, kp, Constraint::share);
    if (y && year_once(r, p.steps, *y, k, kp)) p.steps.emplace_back(*y, std::move(share));
  }
  std::stable_sort(p.steps.begin(), p.steps.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  if (n->entries.empty())
    r.error(n, path, "the profile is empty", "remove it (share 1 every year) or list years");
  return p;
}

namespace {

const std::vector<std::string> kCostKinds = {"investment", "implementation", "operating", "other"};
const std::vector<std::string> kBenefitKinds = {"budget", "capacity", "societal", "qualitative"};

// An item's own price_year: its amounts are converted to the case's price
// year, x index(case price_year) / index(item price_year) (docs/case-format.md, "Prices").
void load_price_year(Reader& r, const YNode* n, const std::string& path, const Assumptions& a, FlowItem& f) {
  if (!n) return;
  auto y = r.integer(n, path, "a calendar year");
  if (!y) return;
  if (*y < 1900 || *y > 2200) {
    r.error(n, path, fmt::format("price_year {} is implausible", *y),
            "the year whose prices this item's amounts are in, such as 2024");
    return;
  }
  f.price_year = *y;
  if (*y == a.price_year || a.price_year == 0) return;
  if (a.price_index.empty()) {
    auto names = price_index_preset_names();
    r.error(n, path,
            fmt::format("price_year {} differs from the case's price_year {}, and there is no price index to "
                        "convert it",
                        *y, a.price_year),
            fmt::format("add assumptions.price_index ({}), or state the amounts in {} prices",
                        fmt::join(names, ", "), a.price_year));
    return;
  }
  auto p = price_index_preset(a.price_index);
  auto to = p ? p->at(a.price_year) : std::nullopt;
  if (!to) return;  // the case's price year is outside the index: reported at the assumptions
  auto from = p->at(*y);
  if (!from) {
    r.error(n, path,
            fmt::format("price year {} is outside the price index {} ({}-{})", *y, p->name, p->first_year,
                        p->last_year()),
            fmt::format("state the amounts in prices of a year in {}-{}", p->first_year, p->last_year()));
    return;
  }
  f.price_factor = *to / *from;
}

void load_flow(Reader& r, const YNode* n, const std::string& path, bool is_cost, const Timeline& tl,
               const Assumptions& a, FlowItem& f) {
  f.is_cost = is_cost;
  f.loc = n->loc;
  f.yaml_path = path;
  r.check_keys(n, path,
               {"id", "label", "kind", "party", "amount", "year", "per_year", "from", "to", "growth",
                "amounts", "profile", "price_year", "description", "source"});
  load_price_year(r, n->find("price_year"), path + ".price_year", a, f);
  if (auto v = r.id(r.require(n, path, "id"), path + ".id")) f.id = *v;
  if (auto v = r.text(n->find("label"), path + ".label")) f.label = *v;
  if (auto v = r.text(n->find("description"), path + ".description")) f.description = *v;
  const auto& kinds = is_cost ? kCostKinds : kBenefitKinds;
  if (auto k = r.choice(r.require(n, path, "kind", fmt::format("one of {}", fmt::join(kinds, ", "))),
                        path + ".kind", kinds)) {
    if (is_cost)
      f.cost_kind = static_cast<CostKind>(*k);
    else
      f.benefit_kind = static_cast<BenefitKind>(*k);
  }
  if (auto v = r.text(
          r.require(n, path, "party", is_cost ? "the party that pays it" : "the party that receives it"),
          path + ".party"))
    f.party = *v;

  const YNode* amount = n->find("amount");
  const YNode* per_year = n->find("per_year");
  const YNode* amounts = n->find("amounts");
  int forms = (amount != nullptr) + (per_year != nullptr) + (amounts != nullptr);
  bool qualitative = !is_cost && f.benefit_kind == BenefitKind::qualitative && n->find("kind");
  if (qualitative) {
    if (forms > 0) {
      const char* key = amount ? "amount" : per_year ? "per_year" : "amounts";
      r.error(n->find_key(key), path + "." + key, "a qualitative benefit has no amount",
              "describe it in 'description' and remove the amount; use kind: societal to put a price on it");
    }
    if (!n->find("description"))
      r.error(n, path, "a qualitative benefit needs a 'description'",
              "say what the benefit is and how it shows");
    f.form = FlowItem::Form::amount;
    f.amount = Number::literal(0);
    return;
  }
  if (forms != 1) {
    const char* hint =
        "amount = one-off in `year`; per_year = recurring from..to; amounts = {2026: ..., 2027: ...}";
    if (forms == 0) {
      r.error(n, path, "missing amount: give one of 'amount', 'per_year' or 'amounts'", hint);
    } else {
      // Point at the second form given, and name both.
      std::vector<const YNode*> keys;
      for (const auto& [k, v] : n->entries)
        if (k->value == "amount" || k->value == "per_year" || k->value == "amounts") keys.push_back(k);
      r.error(keys[1], Reader::key_path(path, keys[1]->value),
              fmt::format("give only one of 'amount', 'per_year' and 'amounts' (found '{}' and '{}')",
                          keys[0]->value, keys[1]->value),
              hint);
    }
    return;
  }
  const Constraint nonneg = Constraint::nonnegative;
  if (amount) {
    f.form = FlowItem::Form::amount;
    f.amount = r.number(amount, path + ".amount", nonneg);
    f.year = tl.first;
    if (const YNode* y = n->find("year"))
      if (auto v = read_year(r, y, path + ".year", tl)) f.year = *v;
    for (const char* k : {"from", "to", "growth"})
      if (const YNode* x = n->find(k))
        r.error(x, path + "." + k, fmt::format("'{}' applies to per_year items, not to a one-off amount", k),
                "use 'year' for the year of a one-off amount");
  } else if (per_year) {
    f.form = FlowItem::Form::per_year;
    f.amount = r.number(per_year, path + ".per_year", nonneg);
    f.from = tl.first;
    f.to = tl.last;
    if (const YNode* y = n->find("from"))
      if (auto v = read_year(r, y, path + ".from", tl)) f.from = *v;
    if (const YNode* y = n->find("to"))
      if (auto v = read_year(r, y, path + ".to", tl)) f.to = *v;
    // Without a valid horizon the defaults are unknown: compare given years only.
    if (f.to < f.from && (tl.valid || (n->find("from") && n->find("to"))))
      r.error(n->find("to") ? n->find("to") : n->find("from"), path + (n->find("to") ? ".to" : ".from"),
              fmt::format("'to' ({}) is before 'from' ({})", f.to, f.from),
              "'to' is the last year of the flow, inclusive");
    f.growth = r.number(n->find("growth"), path + ".growth", Constraint::rate);
    if (const YNode* y = n->find("year"))
      r.error(y, path + ".year", "'year' applies to a one-off amount; per_year items use 'from' and 'to'",
              "replace 'year' with 'from' (and 'to')");
  } else {
    f.form = FlowItem::Form::amounts;
    std::string ap = path + ".amounts";
    if (r.expect_mapping(amounts, ap, "e.g. amounts: {2026: 300000, 2027: 320000}")) {
      for (const auto& [k, v] : amounts->entries) {
        std::string kp = fmt::format("{}.{}", ap, k->value);
        auto y = read_year(r, k, kp, tl, true);
        Number x = r.number(v, kp, nonneg);
        if (y && year_once(r, f.amounts, *y, k, kp)) f.amounts.emplace_back(*y, std::move(x));
      }
      std::stable_sort(f.amounts.begin(), f.amounts.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      if (amounts->entries.empty())
        r.error(amounts, ap, "amounts is empty", "list years and amounts: {2026: 300000}");
    }
    for (const char* k : {"year", "from", "to", "growth"})
      if (const YNode* x = n->find(k))
        r.error(x, path + "." + k, fmt::format("'{}' does not apply to an explicit 'amounts' series", k),
                "the years are the keys of 'amounts'; remove this key");
  }
  f.profile = read_profile(r, n->find("profile"), path + ".profile", tl);
}

}  // namespace

void load_flows(Reader& r, const YNode* n, const std::string& section, bool costs, const Timeline& tl,
                Case& c) {
  if (!n) return;
  if (!r.expect_sequence(
          n, section,
          costs ? "costs: [{id: devices, kind: investment, party: region, amount: 2.4e6}]"
                : "benefits: [{id: fewer-admissions, kind: budget, party: region, per_year: 1e6}]"))
    return;
  auto& out = costs ? c.costs : c.benefits;
  for (size_t i = 0; i < n->items.size(); ++i) {
    std::string path = Reader::index_path(section, i);
    if (!r.expect_mapping(n->items[i], path)) continue;
    FlowItem f;
    load_flow(r, n->items[i], path, costs, tl, c.assumptions, f);
    out.push_back(std::move(f));
  }
}

}  // namespace gevinst
