// gevinst batch PATH...: every case below the paths, evaluated in parallel,
// one record per file in path order. jsonl, csv and json stream: a record is
// written as soon as it and every record before it are done, through a
// bounded reorder window, so memory stays flat however many cases there are.
#include <fmt/format.h>

#include <atomic>
#include <condition_variable>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "cli/common.h"
#include "cli/files.h"
#include "cli/json_util.h"
#include "cli/parallel.h"
#include "libeval/batch.h"

namespace gevinst::cli {

namespace {

struct BatchCliOptions {
  std::vector<std::string> paths;
  CommonOptions out;
  int threads = 0;
  std::string shard;  // "K/N"
  std::string perspective = "organisation";
};

// "K/N" with 1 <= K <= N; nullopt when malformed.
std::optional<std::pair<int, int>> parse_shard(const std::string& s) {
  int k = 0, n = 0;
  char slash = 0, extra = 0;
  if (std::sscanf(s.c_str(), "%d%c%d%c", &k, &slash, &n, &extra) != 3 || slash != '/') return std::nullopt;
  if (n < 1 || k < 1 || k > n) return std::nullopt;
  return std::make_pair(k, n);
}

Json record_json(const BatchRecord& r) {
  Json j;
  j["path"] = r.path;
  j["id"] = text_or_null(r.id);
  j["status"] = to_string(r.status);
  j["npv"] = num(r.npv);
  j["irr"] = num(r.irr);
  j["bcr"] = num(r.bcr);
  j["payback_years"] = num(r.payback_years);
  j["fte"] = num(r.fte);
  j["sroi_ratio"] = num(r.sroi_ratio);
  j["error"] = text_or_null(r.error);
  return j;
}

// Shortest text that reads back as the same double; empty for null.
std::string csv_num(const std::optional<double>& v) {
  return v && std::isfinite(*v) ? fmt::format("{}", *v) : std::string();
}

const std::vector<std::string> kColumns = {"path",          "id",  "status",     "npv",  "irr", "bcr",
                                           "payback_years", "fte", "sroi_ratio", "error"};

std::string record_csv(const BatchRecord& r) {
  return csv_row({r.path, r.id, to_string(r.status), csv_num(r.npv), csv_num(r.irr), csv_num(r.bcr),
                  csv_num(r.payback_years), csv_num(r.fte), csv_num(r.sroi_ratio), r.error});
}

Json totals_json(const BatchTotals& t) {
  return Json{{"cases", t.cases},  {"ok", t.ok},        {"invalid", t.invalid},         {"error", t.error},
              {"npv", num(t.npv)}, {"fte", num(t.fte)}, {"skipped_rollouts", t.skipped}};
}

// The table keeps only display strings per case (a few hundred bytes).
struct TableSink {
  Table t;
  std::vector<std::string> errors;
  NumberLocale loc;
  explicit TableSink(NumberLocale l) : loc(l) {
    t.header = {"Path", "Id", "Status", "NPV", "IRR", "BCR", "Payback", "FTE", "SROI"};
    t.right = {false, false, false, true, true, true, true, true, true};
  }
  void add(const BatchRecord& r) {
    auto opt = [&](const std::optional<double>& v, int dec) { return v ? format_number(*v, dec, loc) : "-"; };
    t.rows.push_back({r.path, r.id.empty() ? "-" : r.id, to_string(r.status), opt(r.npv, 0),
                      r.irr ? format_percent(*r.irr, 1, loc) : "-", opt(r.bcr, 2), opt(r.payback_years, 1),
                      opt(r.fte, 1), opt(r.sroi_ratio, 2)});
    if (!r.error.empty()) errors.push_back(r.error);
  }
  std::string render(const BatchTotals& tot, bool md) const {
    std::string out = md ? t.render_markdown() : t.render_text();
    if (!errors.empty()) {
      out += "\n";
      for (const auto& e : errors) out += (md ? "- " : "") + e + "\n";
    }
    out += fmt::format(
        "\n{} case{}: {} ok, {} invalid, {} error{}. NPV sum {}; FTE sum {}.{}\n", tot.cases,
        tot.cases == 1 ? "" : "s", tot.ok, tot.invalid, tot.error, tot.error == 1 ? "" : "s",
        format_number(tot.npv, 0, loc), format_number(tot.fte, 1, loc),
        tot.skipped ? fmt::format(" Skipped {} rollout file{}.", tot.skipped, tot.skipped == 1 ? "" : "s")
                    : std::string());
    return out;
  }
};

// Evaluates files[i] on `threads` workers and hands the records to `sink`
// in index order on the calling thread. A worker may run at most `window`
// records ahead of the next one to be written, so at most `window` records
// are held at any time.
void run_ordered(const std::vector<std::string>& files, int threads, const BatchOptions& bo,
                 const std::function<void(BatchRecord&&)>& sink, Progress& progress) {
  const size_t n = files.size();
  if (n == 0) return;
  const size_t window = static_cast<size_t>(std::max(1, threads)) * 32;
  std::vector<std::optional<BatchRecord>> ring(window);
  std::mutex m;
  std::condition_variable ready, space;
  size_t written = 0;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) {
      {
        std::unique_lock lock(m);
        space.wait(lock, [&] { return i < written + window; });
      }
      BatchRecord r;
      try {
        r = batch_record(files[i], bo);
      } catch (const std::exception& e) {
        r.path = files[i];
        r.status = BatchStatus::error;
        r.error = fmt::format("{}: error: internal error: {} (this is a bug in gevinst)", files[i], e.what());
      }
      {
        std::lock_guard lock(m);
        ring[i % window] = std::move(r);
      }
      ready.notify_one();
    }
  };
  int t = std::max(1, std::min<int>(threads, static_cast<int>(n)));
  std::vector<std::thread> pool;
  for (int i = 0; i < t; ++i) pool.emplace_back(worker);
  for (size_t k = 0; k < n; ++k) {
    BatchRecord r;
    {
      std::unique_lock lock(m);
      while (!ring[k % window]) {
        ready.wait_for(lock, std::chrono::milliseconds(100));
        if (!ring[k % window]) {
          lock.unlock();
          progress.update(k);
          lock.lock();
        }
      }
      r = std::move(*ring[k % window]);
      ring[k % window].reset();
      written = k + 1;
    }
    space.notify_all();
    sink(std::move(r));
    progress.update(k + 1);
  }
  for (auto& th : pool) th.join();
}

int run_batch(const BatchCliOptions& o) {
  auto sh = parse_shard(o.shard.empty() ? "1/1" : o.shard);
  std::vector<std::string> files = shard(expand_paths(o.paths), sh->first, sh->second);
  BatchOptions bo;
  bo.perspective = *perspective_from(o.perspective);
  StreamOutput out(o.out.output);
  if (!out.ok()) {
    std::cerr << "gevinst: error: " << out.error() << "\n";
    return Exit::invalid;
  }
  const std::string& f = o.out.format;
  const bool table = f == "table" || f == "md";
  Progress progress("evaluating", files.size(), !o.out.quiet && f == "table");
  BatchTotals totals;
  TableSink tsink(o.out.number_locale());
  bool first = true;
  if (f == "csv") out.write(csv_row(kColumns));
  if (f == "json") out.write("{\n  \"records\": [");
  auto sink = [&](BatchRecord&& r) {
    totals.add(r);
    if (r.status == BatchStatus::not_a_case) return;
    if (f == "jsonl")
      out.write(dump(record_json(r)) + "\n");
    else if (f == "csv")
      out.write(record_csv(r));
    else if (f == "json")
      out.write(std::string(first ? "\n    " : ",\n    ") + dump(record_json(r)));
    else
      tsink.add(r);
    first = false;
  };
  run_ordered(files, thread_count(o.threads), bo, sink, progress);
  progress.finish();
  if (f == "json")
    out.write(fmt::format("{}],\n  \"totals\": {}\n}}\n", first ? "" : "\n  ", dump(totals_json(totals))));
  if (table) out.write(tsink.render(totals, f == "md"));
  if (auto err = out.commit()) {
    std::cerr << "gevinst: error: " << *err << "\n";
    return Exit::invalid;
  }
  return totals.ok == totals.cases ? Exit::ok : Exit::invalid;
}

}  // namespace

void add_batch(CLI::App& root, Runner& run) {
  auto o = std::make_shared<BatchCliOptions>();
  CLI::App* app =
      root.add_subcommand("batch", "Evaluate every case below the paths, in parallel, one record per file");
  app->description(
      "Evaluate every case file (*.yaml, *.yml) below the paths: one record per file with\n"
      "NPV, IRR, BCR, payback, FTE and SROI ratio, in path order whatever the number of\n"
      "threads. A file that does not load gives a record with status invalid and its first\n"
      "error; the run goes on. Rollout files (gevinst-rollout/1) are skipped. jsonl, csv and\n"
      "json are written as the records are ready; table and md print totals at the end.\n"
      "--shard K/N keeps every N-th file from the K-th (in path order), so N machines\n"
      "together evaluate each file exactly once.\n\n"
      "Examples:\n"
      "  gevinst batch cases/\n"
      "  gevinst batch cases/ --format jsonl --threads 2 -o results.jsonl\n"
      "  gevinst batch cases/ --shard 2/4 --format csv     # job 2 of a 4-job CI matrix\n"
      "Exit: 0 every record ok, 1 some record invalid or error, 2 usage.");
  app->add_option("paths", o->paths, "Case files or directories ('-' reads one case from standard input)")
      ->required()
      ->check(ExistingPathOrStdin);
  add_common_options(app, o->out, {"table", "csv", "jsonl", "json", "md"});
  app->add_option("--threads,-j", o->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  app->add_option("--shard", o->shard, "Evaluate shard K of N: files whose index in path order is K-1 mod N")
      ->type_name("K/N")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            return parse_shard(s) ? std::string()
                                  : fmt::format("'{}' is not K/N with 1 <= K <= N, e.g. 2/4", s);
          },
          "K/N", "shard"));
  app->add_option("--perspective,-p", o->perspective,
                  "Which benefits count: budget, organisation (default) or society")
      ->check(CLI::IsMember({"budget", "organisation", "society"}))
      ->capture_default_str();
  app->callback([o, &run] { run = [o] { return run_batch(*o); }; });
}

}  // namespace gevinst::cli
