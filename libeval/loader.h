// Loading case and rollout files: text -> typed model + diagnostics.
//
//   LoadResult r = load_case_file("examples/kol-telemonitoring.yaml");
//   if (!r.ok()) for (auto& d : r.diags.all()) std::cerr << format_diagnostic(d, r.source);
//   const Case& c = *r.model;
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "libeval/diagnostics.h"
#include "libeval/model.h"
#include "libeval/yaml_limits.h"

namespace gevinst {

struct LoadOptions {
  YamlLimits limits;
  bool lints = true;  ///< add warnings (no operating cost, no profile, no source)
};

enum class DocumentKind { unknown, case_v1, rollout_v1, actuals_v1, portfolio_v1 };

struct LoadResult {
  std::optional<Case> model;  ///< set when there are no errors
  Diagnostics diags;
  std::string source;  ///< the file text, for source lines in messages
  bool ok() const { return model.has_value() && !diags.has_errors(); }
};

struct RolloutLoadResult {
  std::optional<Rollout> rollout;  ///< set when there are no errors
  std::optional<Case> solution;    ///< the loaded solution case
  Diagnostics diags;               ///< rollout diagnostics (the solution's are merged in with its file name)
  std::string source;
  std::string solution_source;
  bool ok() const { return rollout.has_value() && solution.has_value() && !diags.has_errors(); }
};

struct ActualsLoadResult {
  std::optional<Actuals> actuals;  ///< set when there are no errors
  std::optional<Case> plan;        ///< the loaded plan (the actuals' `case:`)
  Diagnostics diags;               ///< the actuals' diagnostics, then the plan's errors under its file name
  std::string source;
  std::string case_source;
  bool ok() const { return actuals.has_value() && plan.has_value() && !diags.has_errors(); }
};

/// Reads a whole file ("-" = standard input, named "<stdin>"). On failure
/// returns nullopt and adds an error to `diags`.
std::optional<std::string> read_file_text(const std::string& path, Diagnostics& diags, size_t max_bytes);

/// The `format:` of a document without loading it fully (cheap scan).
DocumentKind sniff_document_kind(std::string_view text);

LoadResult load_case_text(std::string_view text, const std::string& file, const LoadOptions& opt = {});
LoadResult load_case_file(const std::string& path, const LoadOptions& opt = {});

RolloutLoadResult load_rollout_text(std::string_view text, const std::string& file,
                                    const LoadOptions& opt = {});
RolloutLoadResult load_rollout_file(const std::string& path, const LoadOptions& opt = {});

/// Actuals (format gevinst-actuals/1, docs/case-format.md, "Follow-up"):
/// the plan named by `case:` loaded too; every item id, year and parameter
/// checked against it.
ActualsLoadResult load_actuals_text(std::string_view text, const std::string& file,
                                    const LoadOptions& opt = {});
ActualsLoadResult load_actuals_file(const std::string& path, const LoadOptions& opt = {});

/// Compiles `text` as an expression over the case's parameters (for --set and
/// scenario-like overrides from the command line). Errors go to `diags`.
std::optional<Number> compile_number(const Case& c, std::string_view text, const std::string& what,
                                     Diagnostics& diags);

}  // namespace gevinst
