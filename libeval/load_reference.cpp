// A case named by another document: a rollout's `solution:`, the `case:` of
// actuals (docs/case-format.md, "Rollouts" and "Follow-up").
#include <fmt/format.h>

#include <filesystem>

#include "libeval/detail/load_internal.h"

namespace gevinst {

ReferencedCase load_referenced_case(Reader& r, const YNode* n, const std::string& key,
                                    const std::string& file, const LoadOptions& opt, std::string_view noun,
                                    std::string_view document, std::vector<Diagnostic>& case_diags) {
  ReferencedCase out;
  auto s = r.text(n, key);
  if (!s) return out;
  out.written = *s;
  std::filesystem::path base =
      file == "<stdin>" ? std::filesystem::path(".") : std::filesystem::path(file).parent_path();
  out.path = (base / *s).lexically_normal().string();
  LoadOptions copt = opt;
  copt.lints = false;
  LoadResult lr = load_case_file(out.path, copt);
  out.source = lr.source;
  if (lr.ok()) {
    out.model = std::move(lr.model);
    return out;
  }
  bool missing = !lr.diags.all().empty() && lr.diags.all().front().loc.line == 0;
  r.error(
      n, key,
      missing ? fmt::format("cannot read the {} '{}': {}", noun, out.path,
                            lr.diags.all().empty() ? "" : lr.diags.all().front().message)
              : fmt::format("the {} '{}' is invalid ({} error{})", noun, out.path, lr.diags.error_count(),
                            lr.diags.error_count() == 1 ? "" : "s"),
      !missing ? "its own errors follow, under its file name"
      : file == "<stdin>"
          ? fmt::format("the path is relative to the working directory (the {} is read from standard input)",
                        document)
          : fmt::format("the path is relative to the {} file", document));
  if (!missing)
    for (const auto& d : lr.diags.all())
      if (d.severity == Severity::error) case_diags.push_back(d);
  return out;
}

}  // namespace gevinst
