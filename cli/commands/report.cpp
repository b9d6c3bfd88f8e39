// gevinst report FILE -o OUT.html|OUT.md: a report a board can read
// (docs/cli.md, "report"), of a case or a rollout. The output file's
// extension chooses the format (report_format); the rest is the library's
// results arranged by cli/render/report.h and drawn by a renderer.
#include "cli/render/report.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/html.h"
#include "cli/render/render.h"
#include "cli/render/track.h"
#include "cli/render/workbook.h"
#include "libeval/case_files.h"
#include "libeval/financing.h"
#include "libeval/follow_up.h"
#include "libeval/presets.h"

namespace gevinst::cli {

namespace {

struct ReportCliOptions {
  CaseOptions c;
  OutputOptions out;
  std::string today;
  size_t iterations = 0;  ///< 0: no simulation
  uint64_t seed = default_seed;
  int threads = 0;
};

/// The report formats. Adding one: a value here, its extension in
/// report_format(), its renderer in write_report(). The workbook (xlsx) is
/// written from the case's results, not from the document (its cells are
/// formulas), and exists for cases only.
enum class ReportFormat { html, md, xlsx };

constexpr const char* kReportExtensions = ".html, .md, .xlsx";

std::optional<ReportFormat> report_format(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".html" || ext == ".htm") return ReportFormat::html;
  if (ext == ".md") return ReportFormat::md;
  if (ext == ".xlsx") return ReportFormat::xlsx;
  return std::nullopt;
}

/// What a report is made of: the document every format renders, and the
/// results themselves for formats that need more than the document.
struct ReportData {
  Document document;
  const CaseReportInputs* case_inputs = nullptr;  ///< set for a case report
  const RolloutResult* rollout = nullptr;         ///< set for a rollout report
};

int write_report(ReportFormat f, const ReportData& r, const OutputOptions& o) {
  switch (f) {
    case ReportFormat::html: return emit(o, render_html(r.document, o.style(), o.lang));
    case ReportFormat::md: return emit(o, render(r.document, Format::md, o.locale));
    case ReportFormat::xlsx: break;  // written by write_case_workbook
  }
  return Exit::internal;
}

// The output's directory must exist before any work is done.
bool output_directory_exists(const std::string& path) {
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (dir.empty() || std::filesystem::is_directory(dir, ec)) return true;
  error(fmt::format("-o {}: the directory {} does not exist", path, dir.string()));
  std::cerr << "  hint: create it first, or write the report elsewhere\n";
  return false;
}

// The workbook (docs/cli.md, "The workbook"): the case's results and the
// parameters in force, written as formulas, in the words of --lang.
int write_case_workbook(const CaseReportInputs& in, const Overrides& overrides, const ReportCliOptions& o,
                        Provenance p) {
  WorkbookData d;
  d.c = in.model;
  d.overrides = overrides;
  d.scenario = o.c.scenario;
  d.bc = &in.business_case;
  d.capacity = in.capacity ? &*in.capacity : nullptr;
  d.sroi = in.sroi ? &*in.sroi : nullptr;
  d.simulation = in.simulation ? &*in.simulation : nullptr;
  d.provenance = std::move(p);
  if (auto err = write_workbook(o.out.output, d, o.out.style())) {
    error(*err);
    return Exit::invalid;
  }
  return Exit::ok;
}

int case_report_run(const ReportCliOptions& o, Session& s, const CaseFile& file, ReportFormat f) {
  const Case& c = *file.model;
  const Overrides overrides = case_overrides(c, o.c);
  CaseReportInputs in;
  in.model = &c;
  EvaluateOptions eo;
  eo.perspective = o.c.perspective;
  eo.overrides = overrides;
  eo.scenario = o.c.scenario;
  in.business_case = evaluate_case(c, eo);
  if (!c.capacity.activities.empty()) {
    CapacityOptions co;
    co.overrides = overrides;
    co.scenario = o.c.scenario;
    co.scenarios = true;
    co.scenario_extra = parse_sets(c, o.c.sets);
    in.capacity = evaluate_capacity(c, co);
  }
  if (!c.sroi.outcomes.empty()) {
    SroiOptions so;
    so.overrides = overrides;
    so.scenario = o.c.scenario;
    in.sroi = evaluate_sroi(c, so);
  }
  if (!c.financing.empty()) {
    RepayReport r;
    r.case_id = c.info.id;
    r.title = c.info.title;
    r.file = c.file;
    r.scenario = o.c.scenario;
    r.discounting = c.assumptions.discounting;
    r.timing = c.assumptions.timing;
    r.financing = evaluate_case_financing(c, overrides);
    in.financing = std::move(r);
  }
  if (f != ReportFormat::xlsx) {  // the workbook has no tornado: its parameters are live cells
    SensitivityOptions sens;
    sens.perspective = o.c.perspective;
    sens.overrides = overrides;
    in.sensitivity = run_sensitivity(c, sens);
  }
  Provenance p = case_provenance(s, o.c);
  if (o.iterations > 0) {
    SimulateOptions so;
    so.iterations = o.iterations;
    so.seed = o.seed;
    so.threads = o.threads;
    so.perspective = o.c.perspective;
    so.overrides = overrides;
    in.simulation = simulate(c, so);
    p.seed = o.seed;
  }
  if (f == ReportFormat::xlsx) return write_case_workbook(in, overrides, o, std::move(p));
  for (const auto& d : file.diags)
    if (d.severity == Severity::warning) in.warnings.push_back(d);
  ReportData data{case_report(in, p, o.out.style()), &in, nullptr};
  return write_report(f, data, o.out);
}

int rollout_report_run(const ReportCliOptions& o, Session& s, const CaseFile& file, ReportFormat f) {
  if (!o.c.scenario.empty() || !o.c.sets.empty() || o.iterations > 0) {
    error("--scenario, --set and --iterations apply to a case, not to a rollout");
    std::cerr << "  hint: a rollout's units set their own parameters; report the solution case for those\n";
    return Exit::usage;
  }
  if (f == ReportFormat::xlsx) {
    error(fmt::format("-o {}: a rollout report is .html or .md; the workbook is written for a case",
                      o.out.output));
    std::cerr << "  hint: write the solution case's workbook: gevinst report SOLUTION.yaml -o "
              << o.out.output << "\n";
    return Exit::usage;
  }
  const RolloutLoadResult& lr = *file.rollout;
  if (std::string in = overwritten_input(o.out.output, {lr.rollout->solution_path}); !in.empty()) {
    error(fmt::format("-o {} is the input file {}; the output would replace it", o.out.output, in));
    std::cerr << "  hint: write the output to another file\n";
    return Exit::usage;
  }
  RolloutOptions ro;
  ro.today = o.today.empty() ? local_today() : o.today;
  ro.perspective = o.c.perspective;
  if (!lr.rollout->units_preset.empty())
    if (auto preset = unit_preset(lr.rollout->units_preset)) ro.total_population = preset->total_population();
  RolloutResult r = evaluate_rollout(*lr.rollout, *lr.solution, ro);
  for (const auto& u : r.units) print_diagnostics(u.errors, s.sources);
  Provenance p{s.sources.files(), std::string(to_string(o.c.perspective)), {}, {}, {}};
  ReportData data{rollout_report(r, p, o.out.style()), nullptr, &r};
  return write_report(f, data, o.out);
}

// The follow-up report of an actuals file: what `track` shows, with the
// chart of planned against realised benefits and the provenance block.
int actuals_report_run(const ReportCliOptions& o, Session& s, const CaseFile& file, ReportFormat f) {
  if (!o.c.scenario.empty() || !o.c.sets.empty() || o.iterations > 0) {
    error("--scenario, --set and --iterations apply to a case, not to actuals");
    std::cerr << "  hint: actuals are followed up against the plan as written; report the case for those\n";
    return Exit::usage;
  }
  if (f == ReportFormat::xlsx) {
    error(fmt::format("-o {}: a follow-up report is .html or .md; the workbook is written for a case",
                      o.out.output));
    std::cerr << "  hint: write the plan's workbook: gevinst report CASE.yaml -o " << o.out.output << "\n";
    return Exit::usage;
  }
  const ActualsLoadResult& lr = *file.actuals;
  if (std::string in = overwritten_input(o.out.output, {lr.actuals->case_path}); !in.empty()) {
    error(fmt::format("-o {} is the input file {}; the output would replace it", o.out.output, in));
    std::cerr << "  hint: write the output to another file\n";
    return Exit::usage;
  }
  TrackOptions to;
  to.perspective = o.c.perspective;
  const TrackResult r = evaluate_follow_up(*lr.plan, *lr.actuals, to);
  Document d = track_document(r, o.out.style());
  d.heading(o.out.style().tr("Provenance"));
  d.facts(provenance_facts(Provenance{s.sources.files(), std::string(to_string(o.c.perspective)), {}, {}, {}},
                           o.out.style()));
  return write_report(f, ReportData{std::move(d), nullptr, nullptr}, o.out);
}

int run_report(const ReportCliOptions& o, Session& s, ReportFormat f) {
  if (!output_directory_exists(o.out.output)) return Exit::invalid;
  CaseFileOptions co;
  co.lints = true;
  co.load_rollouts = true;
  co.load_actuals = true;
  CaseFile file = read_case_file(o.c.path, co);
  s.sources.add(file);
  const bool loaded = file.is_rollout()   ? file.rollout && file.rollout->ok()
                      : file.is_actuals() ? file.actuals && file.actuals->ok()
                                          : file.model.has_value();
  if (!loaded || file.errors > 0) {
    print_diagnostics(file.diags, s.sources);
    return Exit::invalid;
  }
  if (!o.out.quiet) print_diagnostics(file.diags, s.sources);  // warnings; the report lists them too
  if (file.is_actuals()) return actuals_report_run(o, s, file, f);
  return file.is_rollout() ? rollout_report_run(o, s, file, f) : case_report_run(o, s, file, f);
}

}  // namespace

void add_report(CLI::App& root, Session& s) {
  auto o = std::make_shared<ReportCliOptions>();
  CLI::App* app = root.add_subcommand(
      "report", "A report to read and decide on: HTML with charts, Markdown, or an XLSX workbook");
  app->description(
      "Write a report of a case, a rollout or an actuals file for the people who decide. The output file's\n"
      "extension chooses the format: .html (one self-contained page with SVG charts, no\n"
      "network needed, prints on A4, reads on a phone), .md (the same sections as tables)\n"
      "or .xlsx (for a case: a workbook whose cells are formulas over a Parameters sheet of\n"
      "named inputs, so an evaluator can audit the calculation and change it in Excel or\n"
      "LibreOffice; IRR, payback and a simulation are marked values).\n"
      "A case report has a decision summary in plain words, costs and benefits per year,\n"
      "who pays and who gains, capacity release, SROI, financing, the tornado and break-even\n"
      "values, the simulation (with --iterations), every parameter with its range and\n"
      "source, notes and warnings, and where the numbers came from (file SHA-256, version,\n"
      "perspective, scenario, --set, seed). A rollout report has one row per unit with its\n"
      "verdict, decision, compliance and drafted explanation, and charts of the units. A\n"
      "follow-up report (of an actuals file) shows what `gevinst track` shows: plan against\n"
      "realised per item and year, the re-forecast, the brake signal, stage gates and loans.\n\n"
      "Examples:\n"
      "  gevinst report examples/kol-telemonitoring.yaml -o kol.html\n"
      "  gevinst report examples/kol-telemonitoring.yaml -o kol.html --lang da   # på dansk\n"
      "  gevinst report case.yaml -o case.md --scenario worst --set patients=900\n"
      "  gevinst report examples/kol-telemonitoring.yaml -o kol.xlsx          # live formulas\n"
      "  gevinst report examples/kol-telemonitoring.yaml -o kol.xlsx --lang da  # the workbook in Danish\n"
      "  gevinst report case.yaml -o case.html --iterations 10000 --seed 7      # with a simulation\n"
      "  gevinst report examples/rollout-kol-regions.yaml -o rollout.html --today 2027-07-01\n"
      "  gevinst report examples/follow-up/kol-telemonitoring-2027.yaml -o follow-up.html");
  app->add_option("file", o->c.path, "Case, rollout or actuals file ('-' reads standard input)")
      ->required()
      ->check(ExistingPathOrStdin);
  add_scenario_options(app, o->c.scenario, o->c.sets);
  add_perspective_option(app, o->c.perspective);
  o->c.has_perspective = true;
  app->add_option("-o,--output", o->out.output, fmt::format("The report file: {}", kReportExtensions))
      ->required()
      ->type_name("FILE");
  add_lang_option(app, o->out);
  add_locale_option(app, o->out.locale);
  app->add_flag("-q,--quiet", o->out.quiet, "No warnings or progress on standard error");
  add_today_option(app, o->today);
  app->add_option("--iterations,-n", o->iterations, "Include a simulation of this many iterations")
      ->check(CLI::Range(2, 100000000));
  app->add_option("--seed", o->seed, "Random seed of the simulation (a whole number >= 0)")
      ->capture_default_str();
  add_threads_option(app, o->threads);
  app->callback([o, &s, app] {
    auto f = report_format(o->out.output);
    if (!f)
      throw CLI::ValidationError(
          "--output",
          fmt::format("{}: unknown report format '{}'; the file name ends in one of {}", o->out.output,
                      std::filesystem::path(o->out.output).extension().string(), kReportExtensions));
    imply_locale(app, o->out);
    s.run = [o, &s, f = *f] { return run_report(*o, s, f); };
  });
}

}  // namespace gevinst::cli
