// gevinst track ACTUALS...: follow-up on realised benefits (docs/case-format.md,
// "Follow-up"; docs/cli.md, "track"). One actuals file gives the full
// report; directories (or several files) give one record per actuals file,
// streamed in path order like batch, a broken file being a record.
#include "cli/render/track.h"

#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/render.h"
#include "libeval/batch.h"
#include "libeval/case_files.h"
#include "libeval/follow_up.h"
#include "libeval/parallel.h"

namespace gevinst::cli {

namespace {

struct TrackCliOptions {
  std::vector<std::string> paths;
  OutputOptions out;
  Perspective perspective = Perspective::organisation;
  std::string forecast;
  bool fail_on_brake = false;
  int threads = 0;
  ScanOptions scan;
};

CaseFileOptions actuals_options() {
  CaseFileOptions co;
  co.load_actuals = true;
  co.unknown_as = DocumentKind::actuals_v1;
  return co;
}

TrackOptions track_options(const TrackCliOptions& o) {
  TrackOptions t;
  t.perspective = o.perspective;
  if (!o.forecast.empty()) t.forecast = forecast_method_from(o.forecast);
  return t;
}

int run_single(const TrackCliOptions& o, Sources& sources) {
  CaseFile file = read_case_file(o.paths.front(), actuals_options());
  if (file.kind == DocumentKind::case_v1 || file.kind == DocumentKind::rollout_v1) {
    print_diagnostics({Diagnostic{file.path,
                                  {},
                                  Severity::error,
                                  "format",
                                  fmt::format("this is a {} file, not actuals (format gevinst-actuals/1)",
                                              file.kind == DocumentKind::case_v1 ? "case" : "rollout"),
                                  "write the realised figures in a file of their own that names the plan: "
                                  "gevinst init --actuals CASE FILE"}},
                      std::string_view());
    return Exit::invalid;
  }
  sources.add(file);
  if (!file.actuals || !file.actuals->ok()) {
    print_diagnostics(file.diags, sources);
    return Exit::invalid;
  }
  if (!o.out.quiet) print_diagnostics(file.diags, sources);
  const ActualsLoadResult& lr = *file.actuals;
  TrackResult r = evaluate_follow_up(*lr.plan, *lr.actuals, track_options(o));
  Document d = track_document(r, o.out.style());
  d.provenance = Provenance{sources.files(), std::string(to_string(o.perspective)), {}, {}, {}};
  if (int rc = emit(o.out, d); rc != Exit::ok) return rc;
  return o.fail_on_brake && r.brake ? Exit::invalid : Exit::ok;
}

// One record; std::nullopt for a file that is not actuals (a case or rollout beside them).
std::optional<TrackRecord> track_record(const std::string& path, const TrackOptions& opt) {
  CaseFile f = read_case_file(path, actuals_options());
  if (f.kind == DocumentKind::case_v1 || f.kind == DocumentKind::rollout_v1) return std::nullopt;
  TrackRecord r;
  r.path = f.path;
  r.sha256 = f.sha256;
  if (!f.actuals || !f.actuals->ok()) {
    r.status = "invalid";
    for (const auto& d : f.diags)
      if (d.severity == Severity::error) {
        r.error = diagnostic_headline(d);
        break;
      }
    if (r.error.empty()) r.error = fmt::format("{}: error: cannot be read", f.path);
    return r;
  }
  try {
    r.result = evaluate_follow_up(*f.actuals->plan, *f.actuals->actuals, opt);
  } catch (const InputError& e) {
    r.status = "error";
    r.error = e.diagnostics.empty() ? fmt::format("{}: error: cannot be evaluated", f.path)
                                    : diagnostic_headline(e.diagnostics.front());
  }
  return r;
}

int run_records(const TrackCliOptions& o) {
  std::vector<std::string> files = scan_paths(o.paths, o.scan, o.out.quiet);
  const TrackOptions topt = track_options(o);
  StreamOutput out(o.out.output);
  if (!out.ok()) {
    error(out.error());
    return Exit::invalid;
  }
  Progress progress("following up", files.size(), o.out.progress());
  TrackWriter writer(o.out.format, o.out.style(), o.perspective, o.fail_on_brake);
  out.write(writer.begin());
  int records = 0;
  PoolOptions po;
  po.threads = o.threads;
  if (o.out.progress()) po.progress = [&](size_t done) { progress.update(done); };
  parallel_ordered<std::optional<TrackRecord>>(
      files.size(), po,
      [&](size_t i) -> std::optional<TrackRecord> {
        try {
          return track_record(files[i], topt);
        } catch (const std::exception& e) {  // a bug: still one record for the file
          TrackRecord r;
          r.path = files[i];
          r.status = "error";
          r.error =
              fmt::format("{}: error: internal error: {} (this is a bug in gevinst)", files[i], e.what());
          return r;
        }
      },
      [&](size_t, std::optional<TrackRecord>&& r) {
        if (!r) return;
        ++records;
        out.write(writer.add(*r));
      });
  progress.finish();
  if (records == 0) {
    // A CI job pointed at the wrong folder must not pass by following up nothing.
    error(
        fmt::format("no actuals files (format gevinst-actuals/1) found in {}\n"
                    "  hint: check the path; directories are searched recursively for *.yaml and *.yml",
                    fmt::join(o.paths, ", ")));
    return Exit::invalid;
  }
  out.write(writer.end());
  if (auto err = out.commit()) {
    error(*err);
    return Exit::invalid;
  }
  if (writer.failed() > 0) return Exit::invalid;
  return o.fail_on_brake && writer.braked() > 0 ? Exit::invalid : Exit::ok;
}

int run_track(const TrackCliOptions& o, Sources& sources) {
  const bool single =
      o.paths.size() == 1 && (o.paths.front() == "-" || !std::filesystem::is_directory(o.paths.front()));
  if (single && (o.out.format == Format::jsonl || o.out.format == Format::junit)) {
    // jsonl and junit are record formats; one file is one record.
    return run_records(o);
  }
  return single ? run_single(o, sources) : run_records(o);
}

}  // namespace

void add_track(CLI::App& root, Session& s) {
  auto o = std::make_shared<TrackCliOptions>();
  CLI::App* app = root.add_subcommand(
      "track", "Follow-up on realised benefits: realisation, re-forecast, brake signal, stage gates");
  app->description(
      "Follow an actuals file (format gevinst-actuals/1) up against the plan its case: line\n"
      "names: plan vs realised per item and year, the realisation and cost ratios, the\n"
      "re-forecast of the remaining years (plan, trend or parameters), plan / realised /\n"
      "forecast NPV, BCR and FTE, the brake signal with its reasons, each stage gate's\n"
      "status and the released total, and gain-share loans repaid on the actuals.\n"
      "Directories (or several files) give one record per actuals file, in path order, as\n"
      "they are ready; a file that does not load is a record with its first error. Case\n"
      "and rollout files beside them are skipped.\n\n"
      "Examples:\n"
      "  gevinst track examples/follow-up/kol-telemonitoring-2027.yaml\n"
      "  gevinst track actuals.yaml --forecast plan --format json\n"
      "  gevinst track follow-up/ --format jsonl --fail-on-brake   # CI: exit 1 on a brake\n"
      "  gevinst track follow-up/ --format junit -o track.xml      # JUnit XML for CI reports\n"
      "  gevinst track examples/follow-up/kol-telemonitoring-2027.yaml --lang da   # på dansk\n"
      "  gevinst report examples/follow-up/kol-telemonitoring-2027.yaml -o follow-up.html\n"
      "Exit: 0 done, 1 invalid input (or a brake with --fail-on-brake), 2 usage.");
  app->add_option("actuals", o->paths,
                  "Actuals files or directories ('-' reads one file from standard input)")
      ->required()
      ->check(ExistingPathOrStdin);
  add_output_options(app, o->out,
                     {Format::table, Format::json, Format::csv, Format::md, Format::jsonl, Format::junit});
  add_lang_option(app, o->out);
  add_perspective_option(app, o->perspective);
  app->add_option("--forecast", o->forecast, "Re-forecast method, instead of the plan's follow_up.forecast")
      ->check(CLI::IsMember({"plan", "trend", "parameters"}));
  app->add_flag("--fail-on-brake", o->fail_on_brake, "Exit 1 when a brake signal is raised (for CI)");
  add_threads_option(app, o->threads);
  add_scan_options(app, o->scan);
  app->callback([o, &s, app] {
    imply_locale(app, o->out);
    s.run = [o, &s] { return run_track(*o, s.sources); };
  });
}

}  // namespace gevinst::cli
