// Starter case files written by `gevinst init`: commented YAML that
// validates with no errors and no warnings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libeval/model.h"

namespace gevinst::cli {

/// Template names, in the order `init --help` lists them: small, large.
const std::vector<std::string>& template_names();

/// The template `name` with its case id set to `case_id` (which must follow
/// the id pattern [a-z0-9][a-z0-9_-]*), or nullopt for an unknown name.
std::optional<std::string> render_template(std::string_view name, std::string_view case_id);

/// A case id derived from a file name: "Mit Projekt.yaml" -> "mit-projekt",
/// letters spelled in ASCII: "My Case ÆØÅ.yaml" -> "my-case-aeoeaa", "Café" -> "cafe".
/// Returns `fallback` when nothing usable remains.
std::string case_id_from_path(std::string_view path, std::string_view fallback = "my-case");

/// A starter actuals file (format gevinst-actuals/1) for `plan`, whose file
/// is `case_ref` relative to the actuals file: every elapsed year on `as_of`
/// (YYYY-MM-DD) with each cost, benefit, capacity activity and SROI outcome
/// commented out beside its planned value, so it validates with nothing
/// reported and each line is filled in by removing its '#'.
std::string actuals_template(const Case& plan, const std::string& case_ref, const std::string& as_of);

}  // namespace gevinst::cli
