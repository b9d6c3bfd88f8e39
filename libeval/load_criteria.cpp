// Criteria as the rollout criterion syntax writes them (docs/case-format.md,
// "Criteria"): shared by rollout criteria and stage-gate criteria.
#include <fmt/format.h>

#include <algorithm>

#include "libeval/detail/load_internal.h"

namespace gevinst {

std::optional<Criterion> compile_criterion(Reader& r, const YNode* it, const std::string& path,
                                           const CriterionNames& names) {
  auto s = r.text(it, path);
  if (!s) return std::nullopt;
  CompileResult cr = compile_expression(*s, names.resolve);
  if (cr.program) return Criterion{*s, std::move(*cr.program), it->loc, path};
  std::string hint = cr.error->hint.empty() ? names.hint : cr.error->hint;
  if (!cr.error->name.empty()) {
    bool dollar = cr.error->message.find('$') != std::string::npos;
    std::string guess = did_you_mean(cr.error->name, dollar ? names.parameters : names.bare);
    hint = !guess.empty() ? fmt::format("did you mean '{}{}'?", dollar ? "$" : "", guess)
           : dollar ? fmt::format("the {} parameters: {}", names.owner, fmt::join(names.parameters, ", "))
                    : names.unknown_hint;
  }
  SourceLoc at = it->loc;
  auto exact = r.exact_value_loc(it);
  std::string message = file_positions(cr.error->message, *s, exact ? *exact : at, exact.has_value());
  if (exact) {
    at = *exact;
    std::string_view before = std::string_view(*s).substr(0, std::min(cr.error->offset, s->size()));
    at.column += static_cast<int>(std::count_if(before.begin(), before.end(), [](char ch) {
      return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    }));
  }
  r.diags().error(at, path, fmt::format("{} in criterion \"{}\"", message, shorten(*s)), hint);
  return std::nullopt;
}

}  // namespace gevinst
