// gevinst batch PATH...: every case below the paths, evaluated in parallel,
// one record per file in path order. jsonl, csv and json stream: a record is
// written as soon as it and every record before it are done, through a
// bounded reorder window, so memory stays flat however many cases there are.
#include "cli/render/batch.h"

#include <fmt/format.h>

#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "libeval/batch.h"
#include "libeval/case_files.h"
#include "libeval/parallel.h"

namespace gevinst::cli {

namespace {

struct BatchCliOptions {
  std::vector<std::string> paths;
  OutputOptions out;
  int threads = 0;
  std::string shard;  // "K/N"
  Perspective perspective = Perspective::organisation;
  ScanOptions scan;
};

// "K/N" with 1 <= K <= N; nullopt when malformed.
std::optional<std::pair<int, int>> parse_shard(const std::string& s) {
  int k = 0, n = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(s.c_str(), "%d%c%d%c", &k, &slash, &n, &extra) != 3 || slash != '/') return std::nullopt;
  if (n < 1 || k < 1 || k > n) return std::nullopt;
  return std::make_pair(k, n);
}

int run_batch(const BatchCliOptions& o) {
  auto sh = parse_shard(o.shard.empty() ? "1/1" : o.shard);
  std::vector<std::string> all = scan_paths(o.paths, o.scan, o.out.quiet);
  if (no_case_files(all.size(), o.paths)) return Exit::invalid;
  std::vector<std::string> files = shard(all, sh->first, sh->second);
  BatchOptions bo;
  bo.perspective = o.perspective;
  StreamOutput out(o.out.output);
  if (!out.ok()) {
    error(out.error());
    return Exit::invalid;
  }
  Progress progress("evaluating", files.size(), o.out.progress());
  BatchTotals totals;
  BatchWriter writer(o.out.format, o.out.locale, o.perspective);
  out.write(o.out.csv_prefix());
  out.write(writer.begin());
  // Case ids in path order, and where each file gives its id, to name a
  // duplicate at the end (docs/cli.md, "Case ids across files").
  std::vector<std::string> ids, paths;
  std::vector<SourceLoc> id_locs(files.size());
  auto sink = [&](BatchRecord&& r) {
    totals.add(r);
    ids.push_back(r.id);
    paths.push_back(r.path);
    if (r.status != BatchStatus::not_a_case) out.write(writer.add(r));
  };
  PoolOptions po;
  po.threads = o.threads;
  if (o.out.progress()) po.progress = [&](size_t done) { progress.update(done); };
  parallel_ordered<BatchRecord>(
      files.size(), po,
      [&](size_t i) {
        try {
          CaseFile f = read_case_file(files[i]);
          if (f.model) id_locs[i] = f.model->info.id_loc;  // one slot per file: no race
          return batch_record(f, bo);
        } catch (const std::exception& e) {  // a bug: still one record for the file
          BatchRecord r;
          r.path = files[i];
          r.status = BatchStatus::error;
          r.error =
              fmt::format("{}: error: internal error: {} (this is a bug in gevinst)", files[i], e.what());
          return r;
        }
      },
      [&](size_t, BatchRecord&& r) { sink(std::move(r)); });
  progress.finish();
  if (!o.out.quiet)
    for (auto [first, again] : duplicate_ids(ids))
      print_diagnostics({duplicate_id_diagnostic(ids[again], paths[first], paths[again], id_locs[again],
                                                 Severity::warning)},
                        std::string_view());
  out.write(writer.end(totals));
  if (auto err = out.commit()) {
    error(*err);
    return Exit::invalid;
  }
  return totals.ok == totals.cases ? Exit::ok : Exit::invalid;
}

}  // namespace

void add_batch(CLI::App& root, Session& s) {
  auto o = std::make_shared<BatchCliOptions>();
  CLI::App* app =
      root.add_subcommand("batch", "Evaluate every case below the paths, in parallel, one record per file");
  app->description(
      "Evaluate every case file (*.yaml, *.yml) below the paths: one record per file with\n"
      "NPV, IRR, BCR, payback, FTE and SROI ratio, in path order whatever the number of\n"
      "threads. A file that does not load gives a record with status invalid and its first\n"
      "error; the run goes on. Rollout, actuals and portfolio files are skipped. jsonl, csv and\n"
      "json are written as the records are ready; table and md print totals at the end.\n"
      "--shard K/N keeps every N-th file from the K-th (in path order), so N machines\n"
      "together evaluate each file exactly once.\n\n"
      "Examples:\n"
      "  gevinst batch cases/\n"
      "  gevinst batch cases/ --format jsonl --threads 2 -o results.jsonl\n"
      "  gevinst batch cases/ --shard 2/4 --format csv     # job 2 of a 4-job CI matrix\n"
      "  gevinst batch cases/ --shard 2/4 --format junit -o batch-2.xml   # JUnit XML for CI reports\n"
      "Exit: 0 every record ok, 1 some record invalid or error, 2 usage.");
  app->add_option("paths", o->paths, "Case files or directories ('-' reads one case from standard input)")
      ->required()
      ->check(ExistingPathOrStdin);
  add_output_options(app, o->out,
                     {Format::table, Format::csv, Format::jsonl, Format::json, Format::md, Format::junit});
  add_threads_option(app, o->threads);
  add_scan_options(app, o->scan);
  app->add_option("--shard", o->shard, "Evaluate shard K of N: files whose index in path order is K-1 mod N")
      ->type_name("K/N")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            return parse_shard(s) ? std::string()
                                  : fmt::format("'{}' is not K/N with 1 <= K <= N, e.g. 2/4", s);
          },
          "K/N", "shard"));
  add_perspective_option(app, o->perspective);
  app->callback([o, &s] { s.run = [o] { return run_batch(*o); }; });
}

}  // namespace gevinst::cli
