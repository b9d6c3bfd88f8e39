// gevinst simulate CASE: Monte Carlo (probabilistic sensitivity analysis).
#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "cli/common.h"
#include "cli/json_util.h"
#include "libeval/simulate.h"

namespace gevinst::cli {

namespace {

Json summary_json(const MetricSummary& s) {
  Json j;
  j["mean"] = num(s.mean);
  j["sd"] = num(s.sd);
  j["se"] = num(s.se);
  j["min"] = num(s.min);
  j["p05"] = num(s.p05);
  j["p50"] = num(s.p50);
  j["p95"] = num(s.p95);
  j["max"] = num(s.max);
  Json h = Json::array();
  for (const auto& b : s.histogram)
    h.push_back({{"low", num(b.low)}, {"high", num(b.high)}, {"count", b.count}});
  j["histogram"] = h;
  Json cv = Json::array();
  for (const auto& c : s.convergence)
    cv.push_back({{"iterations", c.iterations}, {"mean", num(c.mean)}, {"se", num(c.se)}});
  j["convergence"] = cv;
  return j;
}

Json to_json(const SimulationResult& r) {
  Json j;
  j["case"] = {{"id", r.case_id}};
  j["iterations"] = r.iterations;
  j["seed"] = r.seed;
  j["threads"] = r.threads;
  j["perspective"] = to_string(r.perspective);
  j["random_parameters"] = r.random_parameters;
  j["base_npv"] = num(r.base_npv);
  j["npv"] = summary_json(r.npv);
  j["prob_positive"] = num(r.prob_positive);
  j["evpi"] = num(r.evpi);
  j["fte"] = r.fte ? summary_json(*r.fte) : Json(nullptr);
  j["sroi_ratio"] = r.sroi_ratio ? summary_json(*r.sroi_ratio) : Json(nullptr);
  return j;
}

// One row per metric, for a spreadsheet; prob_positive and evpi belong to NPV.
std::string render_csv(const SimulationResult& r) {
  auto n = [](double v) { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); };
  std::string out = csv_row({"metric", "iterations", "seed", "mean", "sd", "se", "min", "p05", "p50", "p95",
                             "max", "prob_positive", "evpi"});
  auto row = [&](const char* name, const MetricSummary& m, bool npv) {
    out += csv_row({name, std::to_string(r.iterations), std::to_string(r.seed), n(m.mean), n(m.sd), n(m.se),
                    n(m.min), n(m.p05), n(m.p50), n(m.p95), n(m.max), npv ? n(r.prob_positive) : "",
                    npv ? n(r.evpi) : ""});
  };
  row("npv", r.npv, true);
  if (r.fte) row("fte", *r.fte, false);
  if (r.sroi_ratio) row("sroi_ratio", *r.sroi_ratio, false);
  return out;
}

std::string render(const SimulationResult& r, NumberLocale loc, bool md) {
  std::string out;
  out += fmt::format("{}Monte Carlo simulation of {}: {} iterations, seed {}, {} thread{}, {} perspective\n",
                     md ? "## " : "", r.case_id, format_number(static_cast<double>(r.iterations), 0, loc),
                     r.seed, r.threads, r.threads == 1 ? "" : "s", to_string(r.perspective));
  out += fmt::format("Drawn: {}\n\n", fmt::join(r.random_parameters, ", "));
  Table t;
  t.header = {"", "mean", "sd", "p05", "p50", "p95"};
  t.right = {false, true, true, true, true, true};
  auto row = [&](const std::string& name, const MetricSummary& s, int dec) {
    t.rows.push_back({name, format_number(s.mean, dec, loc), format_number(s.sd, dec, loc),
                      format_number(s.p05, dec, loc), format_number(s.p50, dec, loc),
                      format_number(s.p95, dec, loc)});
  };
  row("NPV", r.npv, 0);
  if (r.fte) row("FTE (largest year)", *r.fte, 2);
  if (r.sroi_ratio) row("SROI ratio", *r.sroi_ratio, 2);
  out += md ? t.render_markdown() : t.render_text();
  out += fmt::format("\nProbability that NPV > 0: {}\n", format_percent(r.prob_positive, 1, loc));
  out += fmt::format("Expected value of perfect information (adopt or not): {}\n",
                     format_number(r.evpi, 0, loc));
  out += fmt::format("NPV at base values (deterministic): {}\n", format_number(r.base_npv, 0, loc));
  out += "Convergence of the mean NPV (standard error):";
  for (const auto& c : r.npv.convergence)
    out += fmt::format(" {} after {};", format_number(c.se, 0, loc),
                       format_number(static_cast<double>(c.iterations), 0, loc));
  out.back() = '\n';
  if (!md) {
    out += "\nDistribution of NPV\n";
    size_t peak = 1;
    for (const auto& b : r.npv.histogram) peak = std::max(peak, b.count);
    for (const auto& b : r.npv.histogram) {
      int bar =
          static_cast<int>(std::lround(40.0 * static_cast<double>(b.count) / static_cast<double>(peak)));
      out += fmt::format("{:>16} | {}\n", format_number((b.low + b.high) / 2, 0, loc),
                         std::string(static_cast<size_t>(bar), '#'));
    }
  }
  return out;
}

std::optional<std::string> write_draws(const std::string& path, const SimulationResult& r) {
  StreamOutput out(path);
  if (!out.ok()) return out.error();
  std::vector<std::string> header = {"iteration"};
  for (const auto& p : r.random_parameters) header.push_back(p);
  header.push_back("npv");
  if (r.fte) header.push_back("fte");
  if (r.sroi_ratio) header.push_back("sroi_ratio");
  out.write(csv_row(header));
  fmt::memory_buffer buf;
  for (size_t i = 0; i < r.iterations; ++i) {
    fmt::format_to(std::back_inserter(buf), "{}", i + 1);
    for (const auto& d : r.draws) fmt::format_to(std::back_inserter(buf), ",{}", d[i]);
    fmt::format_to(std::back_inserter(buf), ",{}", r.npv_values[i]);
    if (r.fte) fmt::format_to(std::back_inserter(buf), ",{}", r.fte_values[i]);
    if (r.sroi_ratio) fmt::format_to(std::back_inserter(buf), ",{}", r.sroi_values[i]);
    buf.push_back('\n');
    if (buf.size() > (1 << 20)) {
      out.write({buf.data(), buf.size()});
      buf.clear();
    }
  }
  out.write({buf.data(), buf.size()});
  return out.commit();
}

}  // namespace

void add_simulate(CLI::App& root, Runner& run) {
  struct Options {
    CaseOptions c;
    CommonOptions out;
    size_t iterations = 10000;
    uint64_t seed = default_seed;
    int threads = 0;
    std::string draws;
  };
  auto o = std::make_shared<Options>();
  CLI::App* app =
      root.add_subcommand("simulate", "Monte Carlo: NPV (FTE, SROI) distribution, P(NPV > 0), EVPI");
  app->description(
      "Probabilistic sensitivity analysis: draws every parameter that has a dist (normal,\n"
      "lognormal, beta, gamma by mean and sd; uniform; triangular and PERT by min, mode,\n"
      "max; correlations through a Gaussian copula) and reports mean, sd, percentiles,\n"
      "the probability that NPV > 0 and the expected value of perfect information.\n"
      "The same --seed gives bit-identical results for any --threads.\n\n"
      "Examples:\n"
      "  gevinst simulate examples/kol-telemonitoring.yaml\n"
      "  gevinst simulate case.yaml --iterations 1000000 --threads 2 --seed 7\n"
      "  gevinst simulate case.yaml --draws draws.csv     # every iteration, for R or a spreadsheet");
  add_case_options(app, o->c, true);
  add_common_options(app, o->out, {"table", "json", "csv", "md"});
  app->add_option("--iterations,-n", o->iterations, "Number of iterations")
      ->check(CLI::Range(2, 100000000))
      ->capture_default_str();
  app->add_option("--seed", o->seed,
                  "Random seed, a whole number >= 0 (results repeat exactly for the same seed)")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
              return "the seed is a whole number >= 0, e.g. --seed 7";
            errno = 0;
            std::strtoull(s.c_str(), nullptr, 10);
            if (errno == ERANGE) return "the seed is at most 18446744073709551615 (64 bits)";
            return {};
          },
          ""))
      ->capture_default_str();
  app->add_option("--threads,-j", o->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  app->add_option("--draws", o->draws, "Write every iteration's inputs and outputs to FILE.csv")
      ->type_name("FILE.csv");
  app->callback([o, &run] {
    run = [o] {
      auto loaded = load_case_or_report(o->c.path);
      if (!loaded) return static_cast<int>(Exit::invalid);
      const Case& c = *loaded->model;
      SimulateOptions so;
      so.iterations = o->iterations;
      so.seed = o->seed;
      so.threads = o->threads;
      so.perspective = *perspective_from(o->c.perspective);
      so.overrides = case_overrides(c, o->c);
      so.keep_draws = !o->draws.empty();
      bool show = !o->out.quiet && o->out.format == "table";
      Progress progress("simulating", so.iterations, show);
      if (show) so.progress = [&](size_t done, size_t) { progress.update(done); };
      SimulationResult r = simulate(c, so);
      progress.finish();
      if (!o->draws.empty())
        if (auto err = write_draws(o->draws, r)) {
          std::fprintf(stderr, "gevinst: error: %s\n", err->c_str());
          return static_cast<int>(Exit::invalid);
        }
      const std::string& f = o->out.format;
      std::string out = f == "json"  ? dump(to_json(r), 2) + "\n"
                        : f == "csv" ? render_csv(r)
                                     : render(r, o->out.number_locale(), f == "md");
      return emit(o->out, out);
    };
  });
}

}  // namespace gevinst::cli
