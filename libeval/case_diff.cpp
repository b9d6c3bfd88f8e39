#include "libeval/case_diff.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdint>

#include "libeval/attribution.h"
#include "libeval/business_case.h"
#include "libeval/capacity.h"
#include "libeval/detail/case_changes.h"
#include "libeval/loader.h"
#include "libeval/parallel.h"
#include "libeval/sroi.h"

namespace gevinst {

const char* to_string(InputChange::Kind k) {
  switch (k) {
    case InputChange::Kind::added: return "added";
    case InputChange::Kind::removed: return "removed";
    case InputChange::Kind::changed: break;
  }
  return "changed";
}

const char* to_string(CaseDiff::Method m) {
  switch (m) {
    case CaseDiff::Method::shapley: return "shapley";
    case CaseDiff::Method::sequential: return "sequential";
    case CaseDiff::Method::whole: return "whole";
    case CaseDiff::Method::none: break;
  }
  return "none";
}

const ResultChange* CaseDiff::result(std::string_view name) const {
  for (const auto& r : results)
    if (r.name == name) return &r;
  return nullptr;
}

const std::vector<std::string>& diff_result_names() {
  static const std::vector<std::string> names = {
      "npv.budget",     "npv.organisation",         "npv.society", "bcr",        "irr",
      "payback_years",  "discounted_payback_years", "fte",         "sroi_ratio", "loans.paid",
      "loans.interest", "loans.forgiven",           "grants.total"};
  return names;
}

std::vector<std::pair<std::string, std::optional<double>>> diff_quantities(const CaseDiff& d) {
  std::vector<std::pair<std::string, std::optional<double>>> q;
  q.emplace_back("npv_old", d.npv_old);
  q.emplace_back("npv_new", d.npv_new);
  q.emplace_back("npv_change", d.npv_change());
  double n = 0;
  for (const auto& in : d.inputs) n += in.descriptive ? 0 : 1;
  q.emplace_back("inputs_changed", n);
  for (const std::string& result : diff_result_names()) {
    const ResultChange* r = d.result(result);
    std::string name = result;
    std::replace(name.begin(), name.end(), '.', '_');
    q.emplace_back(name + "_old", r ? r->old_value : std::nullopt);
    q.emplace_back(name + "_new", r ? r->new_value : std::nullopt);
    q.emplace_back(name + "_change", r ? r->change() : std::nullopt);
  }
  return q;
}

namespace {

Case load_version(std::string_view text, const std::string& name) {
  LoadOptions lo;
  lo.lints = false;
  LoadResult r = load_case_text(text, name, lo);
  if (!r.ok()) throw InputError{r.diags.all()};
  return std::move(*r.model);
}

// The results compared, in their order in the report (docs/cli.md, "diff").
std::vector<std::pair<std::string, std::optional<double>>> results_of(const Case& c, Perspective p) {
  EvaluateOptions eo;
  eo.perspective = p;
  BusinessCase bc = evaluate_case(c, eo);
  std::vector<std::pair<std::string, std::optional<double>>> r;
  for (const Metrics& m : bc.perspectives)
    r.emplace_back(fmt::format("npv.{}", to_string(m.perspective)), m.npv);
  const Metrics& m = bc.selected();
  r.emplace_back("bcr", m.bcr);
  r.emplace_back("irr", m.irr);
  r.emplace_back("payback_years", m.payback_years);
  r.emplace_back("discounted_payback_years", m.discounted_payback_years);
  std::optional<double> fte;
  if (c.capacity.present) fte = evaluate_capacity(c).total.fte;
  r.emplace_back("fte", fte);
  std::optional<double> sroi;
  if (c.sroi.present) {
    try {
      SroiOptions so;
      so.sensitivity = false;
      sroi = evaluate_sroi(c, so).ratio;
    } catch (const InputError&) {
      // No ratio (no investment to divide by): the result is absent, as in `sroi`.
    }
  }
  r.emplace_back("sroi_ratio", sroi);
  std::optional<double> paid, interest, forgiven, grants;
  for (const LoanResult& l : bc.financing.loans) {
    paid = paid.value_or(0) + l.schedule.total_paid;
    interest = interest.value_or(0) + l.schedule.total_interest;
    forgiven = forgiven.value_or(0) + l.schedule.forgiven;
  }
  for (const GrantResult& g : bc.financing.grants) grants = grants.value_or(0) + g.total;
  r.emplace_back("loans.paid", paid);
  r.emplace_back("loans.interest", interest);
  r.emplace_back("loans.forgiven", forgiven);
  r.emplace_back("grants.total", grants);
  return r;
}

InputChange input_of(const TreeChange& c) {
  InputChange in;
  in.kind = c.op == TreeChange::Op::add      ? InputChange::Kind::added
            : c.op == TreeChange::Op::remove ? InputChange::Kind::removed
                                             : InputChange::Kind::changed;
  in.path = c.path;
  in.item = c.item;
  if (c.op != TreeChange::Op::add) in.old_value = flow_text(c.old_node);
  if (c.op != TreeChange::Op::remove) in.new_value = flow_text(c.new_node);
  in.structural = c.structural;
  in.descriptive = c.descriptive;
  return in;
}

// The NPV of the old version with the groups selected by `take` applied;
// nullopt when that hybrid does not load or evaluate.
struct Hybrids {
  const EditNode& old_root;
  const std::vector<TreeChange>& changes;
  const std::vector<std::vector<size_t>>& groups;
  const std::string& name;
  Perspective perspective;

  std::optional<double> npv(const std::vector<bool>& take) const {
    try {
      EditNode root = old_root;
      for (size_t g = 0; g < groups.size(); ++g)
        if (take[g])
          for (size_t i : groups[g])
            if (!apply_change(root, changes[i])) return std::nullopt;
      LoadOptions lo;
      lo.lints = false;
      LoadResult r = load_case_text(emit_yaml(root), name, lo);
      if (!r.ok()) return std::nullopt;
      EvaluateOptions eo;
      eo.perspective = perspective;
      eo.with_irr = false;  // only the NPV is attributed
      return evaluate_case(*r.model, eo).selected().npv;
    } catch (...) {
      // A hybrid that cannot be evaluated (InputError, or worse) makes the
      // caller attribute the change as a whole.
      return std::nullopt;
    }
  }
};

// v for each coalition in `coalitions` (first the empty one, last all),
// the ends taken from the versions themselves; false when a hybrid fails.
bool evaluate_coalitions(const Hybrids& h, const std::vector<std::vector<bool>>& coalitions, double v_old,
                         double v_new, int threads, std::vector<double>& v) {
  v.assign(coalitions.size(), 0.0);
  std::vector<char> failed(coalitions.size(), 0);
  v.front() = v_old;
  v.back() = v_new;
  size_t inner = coalitions.size() >= 2 ? coalitions.size() - 2 : 0;
  PoolOptions po;
  po.threads = threads;
  parallel_for(inner, po, [&](size_t, size_t k) {
    auto r = h.npv(coalitions[k + 1]);
    if (r)
      v[k + 1] = *r;
    else
      failed[k + 1] = 1;
  });
  for (char f : failed)
    if (f) return false;
  return true;
}

}  // namespace

CaseDiff diff_cases(std::string_view old_text, const std::string& old_name, std::string_view new_text,
                    const std::string& new_name, const DiffOptions& opt) {
  CaseDiff d;
  d.old_file = old_name;
  d.new_file = new_name;
  d.perspective = opt.perspective;
  Case old_case = load_version(old_text, old_name);
  Case new_case = load_version(new_text, new_name);
  d.currency = new_case.assumptions.currency;
  auto ro = results_of(old_case, opt.perspective), rn = results_of(new_case, opt.perspective);
  for (size_t i = 0; i < ro.size(); ++i) d.results.push_back({ro[i].first, ro[i].second, rn[i].second});
  d.npv_old = *d.result(fmt::format("npv.{}", to_string(opt.perspective)))->old_value;
  d.npv_new = *d.result(fmt::format("npv.{}", to_string(opt.perspective)))->new_value;

  Diagnostics diags;
  auto old_doc = parse_yaml(old_text, diags), new_doc = parse_yaml(new_text, diags);
  if (!old_doc || !new_doc) throw InputError{diags.all()};
  EditNode old_root = copy_tree(old_doc->root), new_root = copy_tree(new_doc->root);
  std::vector<TreeChange> changes = tree_changes(old_root, new_root);
  for (const TreeChange& c : changes) d.inputs.push_back(input_of(c));
  std::vector<std::vector<size_t>> groups = change_groups(changes);
  if (groups.empty()) return d;

  auto attribute_whole = [&](std::string why) {
    Attribution a;
    std::vector<std::string> paths;
    for (const auto& g : groups)
      for (size_t i : g) {
        a.changes.push_back(i);
        paths.push_back(changes[i].path);
      }
    a.input = fmt::format("{}", fmt::join(paths, " + "));
    a.npv_change = d.npv_change();
    d.attribution = {a};
    d.method = groups.size() == 1 ? CaseDiff::Method::shapley : CaseDiff::Method::whole;
    if (!why.empty()) d.notes.push_back(std::move(why));
  };
  for (const auto& g : groups) {
    Attribution a;
    std::vector<std::string> paths;
    paths.reserve(g.size());
    for (size_t i : g) paths.push_back(changes[i].path);
    a.input = fmt::format("{}", fmt::join(paths, " + "));
    a.changes = g;
    d.attribution.push_back(std::move(a));
  }
  const size_t n = groups.size();
  if (n == 1) {
    d.attribution.front().npv_change = d.npv_change();
    d.method = CaseDiff::Method::shapley;
    return d;
  }
  Hybrids h{old_root, changes, groups, new_name, opt.perspective};
  std::vector<std::vector<bool>> coalitions;
  std::vector<double> v;
  bool exact = static_cast<int>(n) <= std::min(opt.max_exact, kMaxShapleyPlayers);
  if (exact) {
    // Coalition mask m: group g applied when bit g is set; m = 0 is OLD, all bits NEW.
    for (std::uint32_t m = 0; m < (std::uint32_t{1} << n); ++m) {
      std::vector<bool> take(n);
      for (size_t g = 0; g < n; ++g) take[g] = (m >> g) & 1U;
      coalitions.push_back(std::move(take));
    }
  } else {
    // The first k groups in file order applied, k = 0..n.
    for (size_t k = 0; k <= n; ++k) {
      std::vector<bool> take(n, false);
      std::fill(take.begin(), take.begin() + static_cast<long>(k), true);
      coalitions.push_back(std::move(take));
    }
  }
  if (!evaluate_coalitions(h, coalitions, d.npv_old, d.npv_new, opt.threads, v)) {
    attribute_whole(
        "The changes cannot be applied one at a time (a case with only some of them does not load or "
        "cannot be evaluated), so the NPV change is attributed to them as a whole.");
    d.method = CaseDiff::Method::whole;
    return d;
  }
  std::vector<double> phi = exact ? shapley_values(v, static_cast<int>(n)) : sequential_attribution(v);
  for (size_t g = 0; g < n; ++g) d.attribution[g].npv_change = phi[g];
  d.method = exact ? CaseDiff::Method::shapley : CaseDiff::Method::sequential;
  if (!exact)
    d.notes.push_back(fmt::format(
        "{} inputs changed (more than {}): each is attributed the NPV change of applying it after the ones "
        "before it in the file, not the Shapley value.",
        n, opt.max_exact));
  return d;
}

}  // namespace gevinst
