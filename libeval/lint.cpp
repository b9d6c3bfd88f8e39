// The checks of a loaded case that need compute code; see detail/lint.h.
#include "libeval/detail/lint.h"

#include <fmt/format.h>

#include <array>
#include <map>
#include <string>
#include <vector>

#include "libeval/distributions.h"
#include "libeval/flows.h"
#include "libeval/phrase.h"
#include "libeval/sroi.h"

namespace gevinst {

namespace {

// Two outcomes with the same stakeholder and indicator (sroi.h,
// same_outcome_key) are likely the same outcome counted twice.
void warn_repeated_outcomes(Reader& r, const YNode* root, const Case& c) {
  const YNode* sroi = root->find("sroi");
  const YNode* outs = sroi && sroi->is_mapping() ? sroi->find("outcomes") : nullptr;
  std::map<std::string, std::string> indicators;
  for (size_t i = 0; i < c.sroi.outcomes.size(); ++i) {
    const Outcome& o = c.sroi.outcomes[i];
    if (o.indicator.empty()) continue;
    auto [pos, inserted] = indicators.emplace(same_outcome_key(o.stakeholder, o.indicator), o.id);
    if (inserted) continue;
    const YNode* it = outs && outs->is_sequence() && i < outs->items.size() ? outs->items[i] : nullptr;
    const YNode* at = it && it->is_mapping() && it->find("indicator") ? it->find("indicator") : it;
    r.warning(
        at, o.yaml_path + ".indicator",
        phrase("outcome '{}' repeats stakeholder '{}' and indicator '{}' of outcome '{}'",
               {arg::text(o.id), arg::text(o.stakeholder), arg::text(o.indicator), arg::text(pos->second)}),
        phrase("the same outcome counted twice is the commonest SROI error; merge the rows or change the "
               "indicator"));
  }
}

// Each distribution's arguments at base values (sd > 0, min <= mode <= max, ...).
void check_distributions(Reader& r, const Case& c, const std::vector<double>& base) {
  for (const auto& p : c.parameters) {
    if (!p.dist) continue;
    std::array<double, 3> args{};
    for (size_t i = 0; i < p.dist->args.size() && i < 3; ++i)
      args[i] = p.dist->args[i].program.evaluate(base).value;
    auto kind = dist_kind_from_name(p.dist->kind);
    if (!kind) continue;
    if (auto err = check(DistSpec{*kind, args}))
      r.diags().error(
          p.dist->loc, p.dist->yaml_path, fmt::format("parameter '{}': {}", p.name, *err),
          "the arguments are " + std::string(*kind == DistKind::uniform ? "[min, max]"
                                             : (*kind == DistKind::triangular || *kind == DistKind::pert)
                                                 ? "[min, mode, max]"
                                                 : "[mean, sd]"));
  }
}

// The yearly series at base values: an amount that compounds past what the
// totals can hold (flows.h, kMaxAmount) is found here, not first in evaluate.
void check_series(Reader& r, const Case& c, const std::vector<double>& base) {
  auto series = [&](const FlowItem& f) {
    try {
      flow_series(f, c.assumptions, base, c.file);
    } catch (const InputError& e) {
      for (const auto& d : e.diagnostics) r.diags().add(d);
    }
  };
  for (const auto& f : c.costs) series(f);
  for (const auto& f : c.benefits) series(f);
}

}  // namespace

void check_loaded_case(Reader& r, const YNode* root, Case& c, const LoadOptions& opt) {
  check_references(r, root, c);
  warn_repeated_outcomes(r, root, c);
  if (auto base = check_values(r, c)) {
    check_distributions(r, c, *base);
    if (!r.diags().has_errors()) check_series(r, c, *base);
    check_low_high(r, c, *base);
  }
  if (opt.lints) lint_case(r, root, c);
}

}  // namespace gevinst
