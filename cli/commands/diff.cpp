// gevinst diff OLD NEW: two versions of a case (docs/cli.md, "gevinst
// diff"): changed inputs, changed results and the NPV change attributed to
// each changed input; --fail-if EXPR makes it a gate in CI.
#include "cli/render/diff.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "cli/case_version.h"
#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/render.h"
#include "libeval/case_diff.h"
#include "libeval/case_files.h"

namespace gevinst::cli {

namespace {

struct DiffCliOptions {
  std::string old_path, new_path;
  OutputOptions out;
  Perspective perspective = Perspective::organisation;
  std::string fail_if;
  int threads = 0;
};

// Reads and checks one version; prints its problems and returns nullopt.
std::optional<CaseVersion> read_version(const std::string& arg, Session& s) {
  Diagnostic why;
  auto v = read_case_version(arg, why);
  if (!v) {
    print_diagnostics({why}, std::string_view());
    return std::nullopt;
  }
  CaseFile f = case_file_from_text(v->text, v->name);
  s.sources.add(v->name, v->text);
  if (f.kind == DocumentKind::rollout_v1) {
    print_diagnostics(
        {Diagnostic{v->name,
                    {},
                    Severity::error,
                    "format",
                    "this is a rollout file (format gevinst-rollout/1); diff compares case files",
                    "give two versions of a case file (format gevinst/1)"}},
        std::string_view());
    return std::nullopt;
  }
  if (f.errors > 0 || !f.model) {
    print_diagnostics(f.diags, s.sources);
    return std::nullopt;
  }
  return v;
}

// The --fail-if condition over diff_quantities(); a compile error is a usage error.
struct Condition {
  Program program;
  std::vector<std::string> names;
};

int run_diff(const DiffCliOptions& o, Session& s) {
  if (o.old_path == "-" && o.new_path == "-") {
    error("OLD and NEW cannot both be '-' (standard input holds one file)");
    return Exit::usage;
  }
  for (const std::string* p : {&o.old_path, &o.new_path}) {
    std::error_code ec;
    if (*p != "-" && !is_revision_path(*p) && !std::filesystem::exists(*p, ec)) {
      error(fmt::format("{}: no such file\n  hint: give a file, '-', or REV:PATH (main:cases/kol.yaml)", *p));
      return Exit::usage;
    }
  }
  // Compile the condition first: a typo in it is a usage error before any work.
  std::optional<Condition> cond;
  if (!o.fail_if.empty()) {
    CaseDiff empty;
    auto quantities = diff_quantities(empty);
    std::vector<std::string> names;
    names.reserve(quantities.size());
    for (const auto& [name, v] : quantities) names.push_back(name);
    CompileResult cr =
        compile_expression(o.fail_if, [&](std::string_view n, bool dollar) -> std::optional<int> {
          if (dollar) return std::nullopt;
          for (size_t i = 0; i < names.size(); ++i)
            if (names[i] == n) return static_cast<int>(i);
          return std::nullopt;
        });
    if (!cr.program) {
      std::string hint = cr.error->hint;
      if (!cr.error->name.empty() && hint.empty())
        if (std::string g = did_you_mean(cr.error->name, names); !g.empty())
          hint = fmt::format("did you mean '{}'?", g);
      if (hint.empty())
        hint =
            "names: npv_change, npv_old, npv_new, inputs_changed, and R_old, R_new, R_change for the results "
            "(bcr, irr, fte, sroi_ratio, npv_society, loans_forgiven, ...)";
      error(fmt::format("--fail-if \"{}\": {} (at character {})\n  hint: {}", o.fail_if, cr.error->message,
                        cr.error->offset + 1, hint));
      return Exit::usage;
    }
    cond = Condition{std::move(*cr.program), names};
  }
  auto old_v = read_version(o.old_path, s);
  if (!old_v) return Exit::invalid;
  auto new_v = read_version(o.new_path, s);
  if (!new_v) return Exit::invalid;
  DiffOptions dopt;
  dopt.perspective = o.perspective;
  dopt.threads = o.threads;
  CaseDiff d = diff_cases(old_v->text, old_v->name, new_v->text, new_v->name, dopt);
  Document doc = diff_document(d, o.out.locale);
  doc.provenance = Provenance{s.sources.files(), std::string(to_string(o.perspective)), {}, {}, {}};
  if (int rc = emit(o.out, doc); rc != Exit::ok) return rc;
  if (!cond) return Exit::ok;
  auto q = diff_quantities(d);
  std::vector<double> slots;
  slots.reserve(q.size());
  for (const auto& [name, v] : q) slots.push_back(v.value_or(std::nan("")));
  EvalResult r = cond->program.evaluate(slots);
  if (!r.ok()) {
    std::string missing;
    for (int slot : cond->program.slots())
      if (!q[static_cast<size_t>(slot)].second)
        missing += (missing.empty() ? "" : ", ") + q[static_cast<size_t>(slot)].first;
    error(fmt::format("--fail-if \"{}\" cannot be decided: {}", o.fail_if,
                      missing.empty() ? "the expression has no finite value"
                                      : fmt::format("no value for {} in these versions", missing)));
    return Exit::invalid;
  }
  if (r.value != 0) {
    std::string values;
    for (int slot : cond->program.slots()) {
      const auto& [name, v] = q[static_cast<size_t>(slot)];
      values +=
          fmt::format("{}{} = {}", values.empty() ? "" : ", ", name, format_number(*v, 2, o.out.locale));
    }
    error(fmt::format("--fail-if \"{}\" holds ({})", o.fail_if, values));
    return Exit::invalid;
  }
  return Exit::ok;
}

}  // namespace

void add_diff(CLI::App& root, Session& s) {
  auto o = std::make_shared<DiffCliOptions>();
  CLI::App* app = root.add_subcommand(
      "diff", "Compare two versions of a case: changed inputs, results, and what moved the NPV");
  app->description(
      "Compare two versions of a case file. Shows the inputs that changed (by YAML path,\n"
      "old and new value), the results that changed (NPV per perspective, BCR, IRR,\n"
      "payback, FTE, SROI ratio, loan totals) and the NPV change attributed to each\n"
      "changed input: the Shapley value over cases with some of the changes applied\n"
      "(up to 12 inputs), else each input's step in file order. Items added or removed\n"
      "and a new horizon count as one input each. OLD and NEW are files, '-', or\n"
      "REV:PATH read with `git show` (PATH from the repository's top, or REV:./PATH).\n\n"
      "Examples:\n"
      "  gevinst diff old.yaml new.yaml\n"
      "  gevinst diff main:cases/kol.yaml cases/kol.yaml --format md   # a pull-request comment\n"
      "  gevinst diff HEAD~1:case.yaml case.yaml --fail-if \"npv_change < -1e6\"\n"
      "  gevinst diff old.yaml new.yaml --perspective society --format json\n"
      "Exit: 0 compared (and --fail-if does not hold), 1 invalid version or --fail-if holds,\n"
      "2 usage.");
  app->add_option("old", o->old_path, "The earlier version: a file, '-' or REV:PATH")->required();
  app->add_option("new", o->new_path, "The later version: a file, '-' or REV:PATH")->required();
  add_output_options(app, o->out, document_formats());
  add_perspective_option(app, o->perspective);
  app->add_option("--fail-if", o->fail_if,
                  "Exit 1 when this condition holds, e.g. \"npv_change < -1e6\" (names: npv_change, npv_old, "
                  "npv_new, inputs_changed, R_old/R_new/R_change for bcr, irr, fte, sroi_ratio, ...)");
  add_threads_option(app, o->threads);
  app->callback([o, &s] { s.run = [o, &s] { return run_diff(*o, s); }; });
}

}  // namespace gevinst::cli
