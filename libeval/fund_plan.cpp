#include "libeval/detail/fund_plan.h"

#include <functional>

namespace gevinst::fundsim {

namespace {

using sim::TermBuilder;
using sim::Val;

// Adds extra x value(y) of flow item `f` (docs/case-format.md, "Costs and
// benefits": base x (1 + growth)^(y - from) x share(y), within the horizon)
// to target(y); years whose target is -1 are left out. The same series as
// flow_series, as terms.
void flow_terms(TermBuilder& b, const FlowItem& f, const Assumptions& a, Val extra,
                const std::function<int(int)>& target) {
  if (!f.is_cost && f.benefit_kind == BenefitKind::qualitative) return;
  auto put = [&](int y, Val amount, TermBuilder::Part growth) {
    if (y < a.start_year || y > a.end_year() || target(y) < 0) return;
    b.add(f.price_factor, {{extra}, {amount}, {b.share(f.profile, y)}, growth}, target(y));
  };
  const TermBuilder::Part none{{-1, 1.0}};
  switch (f.form) {
    case FlowItem::Form::amount: put(f.year, b.val(f.amount, 0), none); break;
    case FlowItem::Form::per_year: {
      const Val amount = b.val(f.amount, 0), growth = b.val(f.growth, 0);
      for (int y = f.from; y <= f.to; ++y) put(y, amount, {growth, +1, y - f.from});
      break;
    }
    case FlowItem::Form::amounts:
      for (const auto& [y, num] : f.amounts) put(y, b.val(num, 0), none);
      break;
  }
}

// Realised gains of capacity activity `act` (its value, monetised or not):
// hours saved x events x adoption x realisable x hour cost, per year.
void activity_terms(TermBuilder& b, const Case& c, const Activity& act,
                    const std::function<int(int)>& target) {
  const Assumptions& a = c.assumptions;
  const StaffGroup* g = nullptr;
  for (const auto& s : c.capacity.staff)
    if (s.id == act.staff) g = &s;
  const Val time = b.val(act.time_saved, 0), events = b.val(act.events_per_year, 0);
  const Val realisable = b.val(act.realisable, 1.0), hour_cost = g ? b.val(g->hour_cost, 0) : Val{-1, 0};
  const double per = act.in_minutes ? 1.0 / 60.0 : 1.0;
  for (int y = act.from; y <= act.to; ++y) {
    if (y < a.start_year || y > a.end_year()) continue;
    b.add(per, {{time}, {events}, {realisable}, {hour_cost}, {b.share(act.adoption, y)}}, target(y));
  }
}

LoanMethod loan_method(Financing::Method m) {
  switch (m) {
    case Financing::Method::annuity: return LoanMethod::annuity;
    case Financing::Method::serial: return LoanMethod::serial;
    case Financing::Method::bullet: return LoanMethod::bullet;
    default: return LoanMethod::gain_share;
  }
}

}  // namespace

CasePlan build_case_plan(const Case& c, const Overrides& overrides, const std::string& fund) {
  CasePlan cp;
  cp.c = &c;
  sim::build_draws(c, overrides, cp.plan);
  const Assumptions& a = c.assumptions;
  cp.start_year = a.start_year;
  cp.horizon = a.horizon;
  const int h = a.horizon;

  // Targets: 4 per loan (+ horizon for gain-share), horizon per grant.
  for (const Financing& f : c.financing) {
    if (f.method == Financing::Method::grant) {
      if (f.payer != fund) continue;
      cp.grants.push_back({&f, cp.targets});
      cp.targets += h;
      continue;
    }
    if (f.lender != fund) continue;
    LoanPlan L;
    L.item = &f;
    L.principal = cp.targets;
    L.rate = L.principal + 1;
    L.share = L.principal + 2;
    L.cap = f.cap ? L.principal + 3 : -1;
    cp.targets += 4;
    if (f.method == Financing::Method::gain_share) {
      L.gains = cp.targets;
      cp.targets += h;
    }
    L.terms.method = loan_method(f.method);
    L.terms.disbursed = f.disbursed;
    L.terms.periods_per_year = f.periods_per_year;
    L.terms.grace = f.grace;
    L.terms.grace_mode = f.grace_capitalise ? GraceMode::capitalise : GraceMode::interest_only;
    L.terms.term = f.term;
    L.terms.residual = f.residual_due ? Residual::due : Residual::forgive;
    cp.loans.push_back(L);
  }
  cp.plan.constant.assign(static_cast<size_t>(cp.targets), 0.0);
  TermBuilder b(c, cp.plan);
  auto year_target = [&](int first) { return [first, &a](int y) { return first + (y - a.start_year); }; };
  auto listed_costs = [&](const std::vector<std::string>& ids, Val extra,
                          const std::function<int(int)>& target) {
    for (const std::string& id : ids)
      for (const FlowItem& f : c.costs)
        if (f.id == id) flow_terms(b, f, a, extra, target);
  };

  for (LoanPlan& L : cp.loans) {
    const Financing& f = *L.item;
    // A term that depends on a drawn parameter leaves a term in the plan
    // (fixed ones fold into plan.constant), so the loan's terms are then
    // checked per iteration.
    const size_t before = cp.plan.terms.size();
    if (f.principal_share) {
      // principal = share x undiscounted total of the listed costs over the horizon.
      listed_costs(f.principal_of, b.val(*f.principal_share, 0), [&](int) { return L.principal; });
    } else {
      b.add(1.0, {{b.val(f.principal, 0)}}, L.principal);
    }
    b.add(1.0, {{b.val(f.rate, 0)}}, L.rate);
    if (f.method == Financing::Method::gain_share) {
      b.add(1.0, {{b.val(f.gain_share, 0)}}, L.share);
      if (f.cap) b.add(1.0, {{b.val(*f.cap, 0)}}, L.cap);
    }
    L.varying = cp.plan.terms.size() != before;
    if (f.method != Financing::Method::gain_share) continue;
    // Realised gains of the listed benefits (after profiles), else of the
    // capacity activities of that id (as evaluate_financing's listed_gains).
    for (const std::string& id : f.gain_of) {
      bool benefit = false;
      for (const FlowItem& item : c.benefits)
        if (item.id == id) {
          flow_terms(b, item, a, Val{-1, 1.0}, year_target(L.gains));
          benefit = true;
          break;
        }
      if (benefit) continue;
      for (const Activity& act : c.capacity.activities)
        if (act.id == id) activity_terms(b, c, act, year_target(L.gains));
    }
  }
  for (GrantPlan& g : cp.grants) listed_costs(g.item->of, b.val(g.item->share, 0), year_target(g.years));
  return cp;
}

}  // namespace gevinst::fundsim
