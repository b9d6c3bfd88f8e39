// Loading the optional sections (docs/case-format.md): "Capacity release",
// "SROI" and "Financing".
#include <fmt/format.h>

#include "libeval/detail/load_internal.h"
#include "libeval/phrase.h"
#include "libeval/presets.h"

namespace gevinst {

void load_capacity(Reader& r, const YNode* n, const Timeline& tl, Case& c) {
  if (!n) return;
  CapacitySection& cap = c.capacity;
  cap.present = true;
  cap.loc = n->loc;
  if (!r.expect_mapping(n, "capacity", "capacity: {staff: {...}, activities: [...]}")) return;
  r.check_keys(n, "capacity", {"staff", "activities", "target_fte"});
  if (const YNode* t = n->find("target_fte"))
    cap.target_fte = r.number(t, "capacity.target_fte", Constraint::positive);
  const YNode* staff = r.require(n, "capacity", "staff", "e.g. staff: {nurse: {hour_cost: 450}}");
  if (staff && r.expect_mapping(staff, "capacity.staff", "e.g. staff: {nurse: {hour_cost: 450}}")) {
    for (const auto& [k, v] : staff->entries) {
      std::string path = Reader::key_path("capacity.staff", k->value);
      StaffGroup g;
      g.id = k->value;
      g.loc = k->loc;
      if (r.expect_mapping(v, path, "e.g. {hour_cost: 450} or {preset: dk-nurse}")) {
        r.check_keys(v, path, {"hour_cost", "label", "preset", "source"});
        if (auto s = r.text(v->find("label"), path + ".label")) g.label = *s;
        const YNode* preset = v->find("preset");
        if (preset) {
          if (auto s = r.text(preset, path + ".preset")) {
            if (auto p = staff_preset(*s)) {
              g.preset = p->name;
              g.hour_cost = Number::literal(p->hour_cost);
              g.hour_cost.loc = preset->loc;
              g.hour_cost.yaml_path = path + ".preset";
              if (g.label.empty()) g.label = p->label;
            } else {
              auto names = staff_preset_names();
              std::string guess = did_you_mean(*s, names);
              r.error(
                  preset, path + ".preset", fmt::format("unknown staff preset '{}'", shorten(*s, 40)),
                  !guess.empty() ? fmt::format("did you mean '{}'?", guess)
                  : names.empty()
                      ? std::string("no staff presets are installed; give the cost instead: hour_cost: 450")
                      : fmt::format("presets: {}", fmt::join(names, ", ")));
            }
          }
        }
        if (const YNode* hc = v->find("hour_cost")) {
          // An explicit cost overrides the preset's; the preset then only lends its label.
          g.hour_cost = r.number(hc, path + ".hour_cost", Constraint::nonnegative);
          g.preset.clear();
        } else if (!preset)
          r.error(v, path, "missing required key 'hour_cost'",
                  "the fully loaded cost of one hour, e.g. hour_cost: 450");
      }
      cap.staff.push_back(std::move(g));
    }
  }
  const YNode* acts = n->find("activities");
  if (!acts) return;
  if (!r.expect_sequence(acts, "capacity.activities")) return;
  for (size_t i = 0; i < acts->items.size(); ++i) {
    const YNode* it = acts->items[i];
    std::string path = Reader::index_path("capacity.activities", i);
    if (!r.expect_mapping(it, path)) continue;
    r.check_keys(it, path,
                 {"id", "label", "staff", "party", "minutes_saved", "hours_saved", "events_per_year", "from",
                  "to", "adoption", "realisable", "monetise", "source", "description"});
    Activity a;
    a.loc = it->loc;
    a.yaml_path = path;
    if (auto v = r.id(r.require(it, path, "id"), path + ".id")) a.id = *v;
    if (auto v = r.text(it->find("label"), path + ".label")) a.label = *v;
    if (auto v = r.text(r.require(it, path, "staff", "the staff group whose time is freed"), path + ".staff"))
      a.staff = *v;
    if (auto v = r.text(r.require(it, path, "party", "who gets the time back"), path + ".party"))
      a.party = *v;
    const YNode* mins = it->find("minutes_saved");
    const YNode* hours = it->find("hours_saved");
    if ((mins != nullptr) == (hours != nullptr)) {
      r.error(it, path,
              mins ? "give either 'minutes_saved' or 'hours_saved', not both"
                   : "missing time saved: give 'minutes_saved' or 'hours_saved' per event",
              mins ? "keep one of them" : "e.g. minutes_saved: 40");
    } else if (mins) {
      a.time_saved = r.number(mins, path + ".minutes_saved", Constraint::nonnegative);
      a.in_minutes = true;
    } else {
      a.time_saved = r.number(hours, path + ".hours_saved", Constraint::nonnegative);
      a.in_minutes = false;
    }
    a.events_per_year =
        r.number(r.require(it, path, "events_per_year", "how many times a year the activity happens"),
                 path + ".events_per_year", Constraint::nonnegative);
    a.from = tl.first;
    a.to = tl.last;
    if (const YNode* y = it->find("from"))
      if (auto v = read_year(r, y, path + ".from", tl)) a.from = *v;
    if (const YNode* y = it->find("to"))
      if (auto v = read_year(r, y, path + ".to", tl)) a.to = *v;
    if (a.to < a.from && (tl.valid || (it->find("from") && it->find("to"))))
      r.error(it->find("to") ? it->find("to") : it->find("from"), path + (it->find("to") ? ".to" : ".from"),
              fmt::format("'to' ({}) is before 'from' ({})", a.to, a.from),
              "'to' is the last year of the activity, inclusive");
    a.adoption = read_profile(r, it->find("adoption"), path + ".adoption", tl);
    a.realisable = it->find("realisable")
                       ? r.number(it->find("realisable"), path + ".realisable", Constraint::share)
                       : Number::literal(1.0);
    if (auto b = r.boolean(it->find("monetise"), path + ".monetise")) a.monetise = *b;
    cap.activities.push_back(std::move(a));
  }
}

void load_sroi(Reader& r, const YNode* n, const Timeline& tl, Case& c) {
  if (!n) return;
  SroiSection& s = c.sroi;
  s.present = true;
  s.loc = n->loc;
  if (!r.expect_mapping(n, "sroi", "sroi: {investment: auto, outcomes: [...]}")) return;
  r.check_keys(n, "sroi", {"investment", "first_year", "outcomes"});
  if (auto v = r.choice(n->find("first_year"), "sroi.first_year", {"undiscounted", "discounted"}))
    s.first_year_discounted = *v == 1;
  if (const YNode* inv = n->find("investment"); inv && !(inv->is_scalar() && inv->value == "auto"))
    s.investment = r.number(inv, "sroi.investment", Constraint::positive);
  const YNode* outs = r.require(n, "sroi", "outcomes", "list the outcomes with their financial proxies");
  if (!outs || !r.expect_sequence(outs, "sroi.outcomes")) return;
  for (size_t i = 0; i < outs->items.size(); ++i) {
    const YNode* it = outs->items[i];
    std::string path = Reader::index_path("sroi.outcomes", i);
    if (!r.expect_mapping(it, path)) continue;
    r.check_keys(it, path,
                 {"id", "stakeholder", "indicator", "quantity", "proxy", "proxy_source", "start", "duration",
                  "deadweight", "attribution", "displacement", "drop_off", "description", "source"});
    Outcome o;
    o.loc = it->loc;
    o.yaml_path = path;
    if (auto v = r.id(r.require(it, path, "id"), path + ".id")) o.id = *v;
    if (auto v = r.text(r.require(it, path, "stakeholder", "who experiences the outcome, e.g. patients"),
                        path + ".stakeholder"))
      o.stakeholder = *v;
    if (auto v = r.text(it->find("indicator"), path + ".indicator")) o.indicator = *v;
    if (auto v = r.text(it->find("proxy_source"), path + ".proxy_source")) o.proxy_source = *v;
    if (auto v = r.text(it->find("description"), path + ".description")) o.description = *v;
    o.quantity = r.number(r.require(it, path, "quantity", "units of outcome per year"), path + ".quantity",
                          Constraint::nonnegative);
    o.proxy = r.number(r.require(it, path, "proxy", "the financial proxy: value per unit"), path + ".proxy",
                       Constraint::nonnegative);
    o.start = tl.first;
    if (const YNode* y = it->find("start"))
      if (auto v = read_year(r, y, path + ".start", tl)) o.start = *v;
    if (const YNode* d = it->find("duration")) {
      if (auto v = r.integer(d, path + ".duration", "a number of years")) {
        if (*v < 1 || *v > 200)
          r.error(d, path + ".duration", fmt::format("duration {} is outside 1..200 years", *v),
                  "the number of years the outcome lasts, e.g. duration: 5");
        else
          o.duration = *v;
      }
    }
    o.deadweight = r.number(it->find("deadweight"), path + ".deadweight", Constraint::share);
    o.attribution = r.number(it->find("attribution"), path + ".attribution", Constraint::share);
    o.displacement = r.number(it->find("displacement"), path + ".displacement", Constraint::share);
    o.drop_off = r.number(it->find("drop_off"), path + ".drop_off", Constraint::share);
    s.outcomes.push_back(std::move(o));
  }
}

namespace {

void load_principal(Reader& r, const YNode* item, const std::string& item_path, Financing& f) {
  const YNode* p = r.require(item, item_path, "principal",
                             "the loan amount, e.g. principal: 1.0e6 or {share: 0.3, of: [devices]}");
  const std::string path = item_path + ".principal";
  if (!p) return;
  if (p->is_mapping()) {
    r.check_keys(p, path, {"share", "of"});
    f.principal_share = r.number(r.require(p, path, "share"), path + ".share", Constraint::share);
    f.principal_of =
        read_id_list(r, r.require(p, path, "of", "the cost ids the share is taken of"), path + ".of");
  } else {
    f.principal = r.number(p, path, Constraint::positive);
  }
}

}  // namespace

void load_financing(Reader& r, const YNode* n, const Timeline& tl, Case& c) {
  if (!n) return;
  if (!r.expect_sequence(n, "financing", "financing: [{id: fund-grant, method: grant, ...}]")) return;
  static const std::vector<std::string> methods = {"grant", "annuity", "serial", "bullet", "gain-share"};
  for (size_t i = 0; i < n->items.size(); ++i) {
    const YNode* it = n->items[i];
    std::string path = Reader::index_path("financing", i);
    if (!r.expect_mapping(it, path)) continue;
    Financing f;
    f.loc = it->loc;
    f.yaml_path = path;
    if (auto v = r.id(r.require(it, path, "id"), path + ".id")) f.id = *v;
    auto m = r.choice(r.require(it, path, "method", "one of grant, annuity, serial, bullet, gain-share"),
                      path + ".method", methods);
    if (!m) {
      c.financing.push_back(std::move(f));
      continue;
    }
    f.method = static_cast<Financing::Method>(*m);
    if (auto v = r.text(it->find("label"), path + ".label")) f.label = *v;
    if (f.method == Financing::Method::grant) {
      r.check_keys(it, path, {"id", "label", "method", "payer", "recipient", "share", "of", "description"});
      if (auto v = r.text(r.require(it, path, "payer", "the party that pays the grant"), path + ".payer"))
        f.payer = *v;
      if (auto v =
              r.text(r.require(it, path, "recipient", "the party that receives it"), path + ".recipient"))
        f.recipient = *v;
      f.share = r.number(r.require(it, path, "share", "the share of the listed costs, e.g. 0.7"),
                         path + ".share", Constraint::share);
      f.of = read_id_list(r, r.require(it, path, "of", "the cost ids it co-finances"), path + ".of");
      c.financing.push_back(std::move(f));
      continue;
    }
    r.check_keys(
        it, path,
        {"id", "label", "method", "lender", "borrower", "principal", "disbursed", "rate", "periods_per_year",
         "grace", "grace_mode", "term", "gain_share", "residual", "description"});
    if (auto v = r.text(r.require(it, path, "lender"), path + ".lender")) f.lender = *v;
    if (auto v = r.text(r.require(it, path, "borrower"), path + ".borrower")) f.borrower = *v;
    load_principal(r, it, path, f);
    f.disbursed = tl.first;
    if (const YNode* y = it->find("disbursed"))
      if (auto v = read_year(r, y, path + ".disbursed", tl)) f.disbursed = *v;
    f.rate = r.number(it->find("rate"), path + ".rate", Constraint::rate);
    if (const YNode* ppy = it->find("periods_per_year")) {
      if (auto v = r.integer(ppy, path + ".periods_per_year")) {
        if (*v != 1 && *v != 2 && *v != 4 && *v != 12)
          r.error(ppy, path + ".periods_per_year",
                  fmt::format("periods_per_year {} is not 1, 2, 4 or 12", *v),
                  "1 = yearly, 2 = half-yearly, 4 = quarterly, 12 = monthly");
        else
          f.periods_per_year = *v;
      }
    }
    if (const YNode* g = it->find("grace")) {
      if (auto v = r.integer(g, path + ".grace", "a number of periods")) {
        if (*v < 0 || *v > 2400)
          r.error(g, path + ".grace", fmt::format("grace {} is outside 0..2400 periods", *v),
                  "periods of interest only before repayment starts, e.g. grace: 1");
        else
          f.grace = *v;
      }
    }
    if (auto gm = r.choice(it->find("grace_mode"), path + ".grace_mode", {"interest-only", "capitalise"}))
      f.grace_capitalise = *gm == 1;
    if (auto t = r.integer(r.require(it, path, "term", "repayment periods after grace"), path + ".term",
                           "a number of periods")) {
      if (*t < 1 || *t > 2400)
        r.error(it->find("term"), path + ".term", fmt::format("term {} is outside 1..2400 periods", *t),
                "repayment periods after grace, e.g. term: 8");
      else
        f.term = *t;
    }
    if (auto rs = r.choice(it->find("residual"), path + ".residual", {"forgive", "due"}))
      f.residual_due = *rs == 1;
    const YNode* gs = it->find("gain_share");
    if (f.method == Financing::Method::gain_share) {
      std::string gp = path + ".gain_share";
      if (r.expect_mapping(r.require(it, path, "gain_share", "gain_share: {share: 0.5, of: [benefit-id]}"),
                           gp)) {
        r.check_keys(gs, gp, {"share", "of", "cap"});
        f.gain_share = r.number(r.require(gs, gp, "share"), gp + ".share", Constraint::share);
        f.gain_of = read_id_list(
            r, r.require(gs, gp, "of", "benefit or capacity-activity ids whose gains repay the loan"),
            gp + ".of");
        if (const YNode* cp = gs->find("cap")) f.cap = r.number(cp, gp + ".cap", Constraint::positive);
      }
    } else if (gs) {
      r.error(gs, path + ".gain_share", "'gain_share' only applies to method gain-share",
              "use method: gain-share, or remove 'gain_share'");
    }
    // An amortising loan is repaid in full by the end of its term, so there is
    // never a residual; the key has no effect there.
    if (const YNode* rs = it->find("residual"); rs && f.method != Financing::Method::gain_share)
      r.warning(rs, path + ".residual",
                phrase("'residual' has no effect on this method: the loan is repaid in full by its term"),
                phrase("residual applies to method gain-share; remove it here"));
    c.financing.push_back(std::move(f));
  }
}

}  // namespace gevinst
