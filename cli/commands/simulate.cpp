// gevinst simulate CASE: Monte Carlo (probabilistic sensitivity analysis).
#include "cli/render/simulate.h"

#include <cerrno>
#include <cstdlib>
#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/render.h"
#include "libeval/simulate.h"

namespace gevinst::cli {

void add_simulate(CLI::App& root, Session& s) {
  struct Options {
    CaseOptions c;
    OutputOptions out;
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
  add_output_options(app, o->out, document_formats());
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
  add_threads_option(app, o->threads);
  app->add_option("--draws", o->draws, "Write every iteration's inputs and outputs to FILE.csv")
      ->type_name("FILE.csv");
  app->callback([o, &s] {
    s.run = [o, &s] {
      auto loaded = load_case_or_report(o->c.path, s.sources);
      if (!loaded) return static_cast<int>(Exit::invalid);
      const Case& c = *loaded->model;
      SimulateOptions so;
      so.iterations = o->iterations;
      so.seed = o->seed;
      so.threads = o->threads;
      so.perspective = o->c.perspective;
      so.overrides = case_overrides(c, o->c);
      so.keep_draws = !o->draws.empty();
      Progress progress("simulating", so.iterations, o->out.progress());
      if (o->out.progress()) so.progress = [&](size_t done, size_t) { progress.update(done); };
      SimulationResult r = simulate(c, so);
      progress.finish();
      if (!o->draws.empty())
        if (auto err = write_draws(o->draws, r)) {
          error(*err);
          return static_cast<int>(Exit::invalid);
        }
      Document d = simulation_document(r, o->out.locale);
      d.provenance = case_provenance(s, o->c);
      d.provenance->seed = o->seed;
      return emit(o->out, d);
    };
  });
}

}  // namespace gevinst::cli
