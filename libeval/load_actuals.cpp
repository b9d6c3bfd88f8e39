// Loading actuals (format gevinst-actuals/1, docs/case-format.md,
// "Follow-up"): what was realised year by year against the plan its `case:`
// names. Every id, year and parameter is checked against that plan.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "libeval/detail/load_internal.h"

namespace gevinst {

namespace {

// A literal amount or count, 0 or more.
std::optional<double> literal_amount(Reader& r, const YNode* n, const std::string& path,
                                     std::string_view hint) {
  if (!n) return std::nullopt;
  bool overflow = false;
  auto v = n->is_scalar() ? parse_number(n->value, &overflow) : std::nullopt;
  if (!v || overflow || !std::isfinite(*v)) {
    r.error(n, path,
            n->is_scalar() ? fmt::format("expected a number, got '{}'", shorten(n->value, 40))
                           : fmt::format("expected a number, got {}", n->describe()),
            std::string(hint));
    return std::nullopt;
  }
  if (*v < 0) {
    r.error(n, path, fmt::format("a realised value must be 0 or more, got {}", shorten(n->value, 40)),
            std::string(hint));
    return std::nullopt;
  }
  return v;
}

std::vector<std::string> ids_of(const std::vector<FlowItem>& items) {
  std::vector<std::string> out;
  for (const auto& f : items)
    if (!f.derived_from_capacity) out.push_back(f.id);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct PlanIds {
  std::vector<std::string> costs, benefits, activities, outcomes;
  // What `id` is in the plan, in words ("a cost"), or "" when it is none.
  std::string what(const std::string& id) const {
    if (contains(costs, id)) return "a cost";
    if (contains(benefits, id)) return "a benefit";
    if (contains(activities, id)) return "a capacity activity";
    if (contains(outcomes, id)) return "an SROI outcome";
    return {};
  }
};

// Where each kind of item is reported.
const char* section_of(const std::string& what) {
  if (what == "a cost") return "costs";
  if (what == "a benefit") return "benefits";
  if (what == "a capacity activity") return "capacity";
  return "sroi";
}

// Checks that `id` (a key of years.Y.SECTION) is an item of the kind the
// section reports; a located error with a "did you mean" otherwise.
bool check_item(Reader& r, const YNode* key, const std::string& path, const std::string& section,
                const std::vector<std::string>& ids, const PlanIds& plan) {
  const std::string& id = key->value;
  if (contains(ids, id)) return true;
  std::string what = plan.what(id);
  if (!what.empty()) {
    if (section == "capacity")
      r.diags().error(
          key->loc, path,
          fmt::format("capacity drivers on a flow item: '{}' is {}, not a capacity activity", id, what),
          fmt::format("report its realised amount under {}", section_of(what)));
    else
      r.diags().error(key->loc, path,
                      fmt::format("'{}' is {} in the plan, not listed under {}", id, what, section),
                      what == "a capacity activity"
                          ? "report its measured drivers under capacity: {ID: {events: N, minutes_saved: M}}"
                          : fmt::format("report it under {}", section_of(what)));
    return false;
  }
  std::string guess = did_you_mean(id, ids);
  const char* noun = section == "costs"      ? "cost"
                     : section == "benefits" ? "benefit"
                     : section == "capacity" ? "capacity activity"
                                             : "SROI outcome";
  r.diags().error(key->loc, path, fmt::format("the plan has no {} '{}'", noun, id),
                  guess.empty()
                      ? (ids.empty() ? fmt::format("the plan lists nothing under {}", section)
                                     : fmt::format("the plan's {}: {}", section, fmt::join(ids, ", ")))
                      : fmt::format("did you mean '{}'?", guess));
  return false;
}

void load_year(Reader& r, const YNode* n, const std::string& path, const PlanIds* plan, ActualsYear& y) {
  if (n && n->is_null()) return;  // a year (or section) left empty reports nothing
  if (!r.expect_mapping(n, path,
                        "e.g. 2026: {costs: {devices: 3100000}, benefits: {fewer-admissions: 1900000}}"))
    return;
  r.check_keys(n, path, {"costs", "benefits", "capacity", "sroi"});
  for (const char* section : {"costs", "benefits"}) {
    const YNode* s = n->find(section);
    if (!s || s->is_null()) continue;
    std::string sp = Reader::key_path(path, section);
    if (!r.expect_mapping(s, sp, "item id: realised amount, e.g. {devices: 3100000}")) continue;
    auto& out = std::string_view(section) == "costs" ? y.costs : y.benefits;
    for (const auto& [k, v] : s->entries) {
      std::string ip = Reader::key_path(sp, k->value);
      if (plan && !check_item(r, k, ip, section,
                              section == std::string_view("costs") ? plan->costs : plan->benefits, *plan))
        continue;
      if (auto x = literal_amount(r, v, ip, "the realised amount of the year, e.g. 3100000"))
        out[k->value] = *x;
    }
  }
  if (const YNode* s = n->find("capacity"); s && !s->is_null()) {
    std::string sp = Reader::key_path(path, "capacity");
    if (r.expect_mapping(
            s, sp, "activity id: measured drivers, e.g. {home-visits: {events: 9000, minutes_saved: 35}}"))
      for (const auto& [k, v] : s->entries) {
        std::string ip = Reader::key_path(sp, k->value);
        if (plan && !check_item(r, k, ip, "capacity", plan->activities, *plan)) continue;
        if (!r.expect_mapping(v, ip, "e.g. {events: 9000, minutes_saved: 35}")) continue;
        r.check_keys(v, ip, {"events", "minutes_saved"});
        MeasuredDrivers d;
        d.events = literal_amount(r, v->find("events"), ip + ".events", "the events that happened that year");
        d.minutes_saved = literal_amount(r, v->find("minutes_saved"), ip + ".minutes_saved",
                                         "minutes saved per event, measured");
        if (v->entries.empty())
          r.error(v, ip, "no measured driver given", "give events, minutes_saved or both");
        y.capacity[k->value] = d;
      }
  }
  if (const YNode* s = n->find("sroi"); s && !s->is_null()) {
    std::string sp = Reader::key_path(path, "sroi");
    if (r.expect_mapping(s, sp, "outcome id: {quantity: N}"))
      for (const auto& [k, v] : s->entries) {
        std::string ip = Reader::key_path(sp, k->value);
        if (plan && !check_item(r, k, ip, "sroi", plan->outcomes, *plan)) continue;
        if (!r.expect_mapping(v, ip, "e.g. {quantity: 8000}")) continue;
        r.check_keys(v, ip, {"quantity"});
        if (auto q =
                literal_amount(r, r.require(v, ip, "quantity"), ip + ".quantity", "the realised quantity"))
          y.sroi[k->value] = *q;
      }
  }
}

void load_years(Reader& r, const YNode* n, const Case* plan, const std::string& as_of, Actuals& a) {
  if (!n) return;
  if (!r.expect_mapping(n, "years",
                        "complete calendar years, e.g. years: {2026: {costs: {devices: 3100000}}}"))
    return;
  PlanIds ids;
  if (plan) {
    ids.costs = ids_of(plan->costs);
    ids.benefits = ids_of(plan->benefits);
    for (const auto& x : plan->capacity.activities) ids.activities.push_back(x.id);
    for (const auto& x : plan->sroi.outcomes) ids.outcomes.push_back(x.id);
  }
  int expected = plan ? plan->assumptions.start_year : 0;
  for (const auto& [k, v] : n->entries) {
    std::string path = Reader::key_path("years", k->value);
    auto year = r.integer(k, path, "a calendar year", true);
    if (!year) continue;
    ActualsYear y;
    y.year = *year;
    y.loc = k->loc;
    bool ok = true;
    if (plan) {
      const Assumptions& pa = plan->assumptions;
      if (*year < pa.start_year || *year > pa.end_year()) {
        r.diags().error(
            k->loc, path,
            fmt::format("year {} is outside the plan's horizon {}..{}", *year, pa.start_year, pa.end_year()),
            "actuals cover elapsed years of the plan's horizon");
        ok = false;
      } else if (*year != expected) {
        r.diags().error(
            k->loc, path,
            *year > expected ? fmt::format("year {} is listed without {}", *year,
                                           expected == *year - 1 ? std::to_string(expected)
                                                                 : fmt::format("{}..{}", expected, *year - 1))
                             : fmt::format("year {} is out of order (after {})", *year, expected - 1),
            fmt::format("list every year from start_year {} in order, without gaps", pa.start_year));
        ok = false;
      }
      if (ok) expected = *year + 1;
    }
    if (!as_of.empty() && fmt::format("{:04d}-12-31", *year) > as_of) {
      r.diags().error(
          k->loc, path, fmt::format("year {} has not elapsed on as_of {}", *year, as_of),
          fmt::format("a year is elapsed when as_of is on or after {}-12-31; report it in a later file",
                      *year));
      ok = false;
    }
    load_year(r, v, path, plan ? &ids : nullptr, y);
    if (ok) a.years.push_back(std::move(y));
  }
}

void load_realised_parameters(Reader& r, const YNode* n, const Case* plan, Actuals& a) {
  if (!n || n->is_null() ||
      !r.expect_mapping(n, "parameters",
                        "realised values, e.g. parameters: {patients: {value: 950, source: ...}}"))
    return;
  std::vector<std::string> names;
  if (plan)
    for (const auto& p : plan->parameters) names.push_back(p.name);
  for (const auto& [k, v] : n->entries) {
    std::string path = Reader::key_path("parameters", k->value);
    RealisedParameter p;
    p.name = k->value;
    p.loc = k->loc;
    if (plan) {
      p.parameter = plan->parameter_index(k->value);
      if (p.parameter < 0) {
        std::string guess = did_you_mean(k->value, names);
        r.diags().error(k->loc, path, fmt::format("the plan has no parameter '{}'", k->value),
                        guess.empty() ? "realised parameters are values of the plan's parameters"
                                      : fmt::format("did you mean '{}'?", guess));
        continue;
      }
    }
    const YNode* value = v;
    if (v && v->is_mapping()) {
      r.check_keys(v, path, {"value", "source"});
      value = r.require(v, path, "value", "the realised value, e.g. value: 950");
      if (auto s = r.text(v->find("source"), path + ".source")) p.source = *s;
    }
    bool overflow = false;
    auto x = value && value->is_scalar() ? parse_number(value->value, &overflow) : std::nullopt;
    if (!value) continue;
    if (!x || overflow || !std::isfinite(*x)) {
      r.error(value, path, "a realised parameter is a literal number",
              "e.g. patients: {value: 950, source: \"...\"}");
      continue;
    }
    p.value = *x;
    a.parameters.push_back(std::move(p));
  }
}

}  // namespace

ActualsLoadResult load_actuals_text(std::string_view text, const std::string& file, const LoadOptions& opt) {
  ActualsLoadResult res;
  res.diags = Diagnostics(file);
  auto doc = parse_yaml(text, res.diags, opt.limits);
  if (!doc) {
    res.source = displayable_text(text, opt.limits);
    return res;
  }
  res.source = doc->text;
  Reader r(res.diags, res.source);
  const YNode* root = doc->root;
  if (!r.expect_mapping(root, "", "actuals start with 'format: gevinst-actuals/1'")) return res;
  r.check_keys(root, "", {"format", "case", "as_of", "source", "years", "parameters"});
  const YNode* f = r.require(root, "", "format", "write 'format: gevinst-actuals/1'");
  if (f && !(f->is_scalar() && f->value == "gevinst-actuals/1")) {
    r.error(f, "format", fmt::format("unsupported format '{}'", f->is_scalar() ? f->value : "?"),
            "an actuals file has 'format: gevinst-actuals/1'");
    return res;
  }
  Actuals a;
  a.file = file;
  if (auto v = read_date(
          r, r.require(root, "", "as_of", "the day these actuals were taken, e.g. as_of: 2028-03-31"),
          "as_of"))
    a.as_of = *v;
  if (auto v = r.text(root->find("source"), "source")) a.source = *v;
  std::vector<Diagnostic> case_diags;
  const YNode* cn = r.require(root, "", "case", "the path of the plan's case file, relative to this file");
  ReferencedCase rc = load_referenced_case(r, cn, "case", file, opt, "plan case", "actuals", case_diags);
  a.case_ref = rc.written;
  a.case_path = rc.path;
  if (cn) a.case_loc = cn->loc;
  res.case_source = std::move(rc.source);
  res.plan = std::move(rc.model);
  const Case* plan = res.plan ? &*res.plan : nullptr;
  load_years(
      r, r.require(root, "", "years", "the elapsed years, e.g. years: {2026: {costs: {devices: 3100000}}}"),
      plan, a.as_of, a);
  load_realised_parameters(r, root->find("parameters"), plan, a);
  res.diags.sort();
  for (auto& d : case_diags) res.diags.add(std::move(d));
  res.diags.note_dropped();
  if (!res.diags.has_errors()) res.actuals = std::move(a);
  return res;
}

ActualsLoadResult load_actuals_file(const std::string& path, const LoadOptions& opt) {
  std::string name = path == "-" ? "<stdin>" : path;
  Diagnostics d(name);
  auto text = read_file_text(path, d, opt.limits.max_bytes);
  if (!text) {
    ActualsLoadResult res;
    res.diags = std::move(d);
    return res;
  }
  return load_actuals_text(*text, name, opt);
}

}  // namespace gevinst
