// gevinst simulate CASE: Monte Carlo (probabilistic sensitivity analysis);
// gevinst simulate --fund ID PATH...: a fund's loans and grants across cases
// under uncertainty (simulate_fund.cpp).
#include "cli/render/simulate.h"

#include <cerrno>
#include <cstdlib>
#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/render.h"
#include "libeval/simulate.h"

namespace gevinst::cli {

namespace {

int run_case(const SimulateRequest& o, Session& s) {
  CaseOptions co;
  co.path = o.paths.front();
  co.scenario = o.scenario;
  co.sets = o.sets;
  co.perspective = o.perspective;
  co.has_perspective = true;
  auto loaded = load_case_or_report(co.path, s.sources);
  if (!loaded) return static_cast<int>(Exit::invalid);
  const Case& c = *loaded->model;
  SimulateOptions so;
  so.iterations = o.iterations;
  so.seed = o.seed;
  so.threads = o.threads;
  so.perspective = o.perspective;
  so.overrides = case_overrides(c, co);
  so.keep_draws = !o.draws.empty();
  Progress progress("simulating", so.iterations, o.out.progress());
  if (o.out.progress()) so.progress = [&](size_t done, size_t) { progress.update(done); };
  SimulationResult r = simulate(c, so);
  progress.finish();
  if (!o.draws.empty())
    if (auto err = write_draws(o.draws, r)) {
      error(*err);
      return static_cast<int>(Exit::invalid);
    }
  Document d = simulation_document(r, o.out.style());
  d.provenance = case_provenance(s, co);
  d.provenance->seed = o.seed;
  return emit(o.out, d);
}

}  // namespace

void add_simulate(CLI::App& root, Session& s) {
  auto o = std::make_shared<SimulateRequest>();
  CLI::App* app = root.add_subcommand(
      "simulate", "Monte Carlo: NPV (FTE, SROI) distribution, P(NPV > 0), EVPI; a fund's risk across cases");
  app->description(
      "Probabilistic sensitivity analysis: draws every parameter that has a dist (normal,\n"
      "lognormal, beta, gamma by mean and sd; uniform; triangular and PERT by min, mode,\n"
      "max; correlations through a Gaussian copula) and reports mean, sd, percentiles,\n"
      "the probability that NPV > 0 and the expected value of perfect information.\n"
      "The same --seed gives bit-identical results for any --threads.\n\n"
      "With --fund ID the paths are case files or directories: every case's parameters\n"
      "are drawn, the loans and grants of lender/payer ID scheduled per draw (gain-share\n"
      "loans repay from the drawn gains) and the fund's cash summed by year. It reports\n"
      "P(capital preserved) = P(repaid >= lent) at the end and by year, repaid / lent,\n"
      "the expected forgiven amount (also per case), the capital at risk (5 % quantile\n"
      "of the lowest cumulative cash) and a fan chart of the cumulative cash.\n"
      "--common-factor RHO joins the cases by a one-factor Gaussian copula (a shared\n"
      "national factor on every drawn parameter's normal score); --target-probability P\n"
      "finds the gearing: the largest multiple of every principal that keeps\n"
      "P(capital preserved) >= P on the same draws.\n\n"
      "Examples:\n"
      "  gevinst simulate examples/kol-telemonitoring.yaml\n"
      "  gevinst simulate case.yaml --iterations 1000000 --threads 2 --seed 7\n"
      "  gevinst simulate case.yaml --draws draws.csv     # every iteration, for R or a spreadsheet\n"
      "  gevinst simulate case.yaml --lang da         # på dansk: middelværdi, sandsynlighed ...\n"
      "  gevinst simulate --fund innovation-fund examples/fund\n"
      "  gevinst simulate --fund innovation-fund examples/fund --common-factor 0.3 --target-probability 0.9\n"
      "  gevinst simulate --fund innovation-fund examples/fund --draws fund-draws.csv --format json");
  app->add_option("paths", o->paths,
                  "Case file ('-' reads standard input); with --fund: case files or directories")
      ->required()
      ->check(ExistingPathOrStdin)
      ->type_name("CASE|PATH...");
  add_scenario_options(app, o->scenario, o->sets);
  add_perspective_option(app, o->perspective);
  add_output_options(app, o->out, document_formats());
  add_lang_option(app, o->out);
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
  app->add_option("--draws", o->draws,
                  "Write every iteration to FILE.csv (inputs and outputs; with --fund the fund's totals)")
      ->type_name("FILE.csv");
  app->add_option("--fund", o->fund, "Fund view: the loans and grants of this lender/payer id across PATH...")
      ->type_name("ID");
  auto* rho = app->add_option("--common-factor", o->common_factor,
                              "--fund: correlation of every drawn parameter's normal score with a shared "
                              "national factor, 0 to 1 (default 0: cases independent)")
                  ->check(CLI::Range(0.0, 1.0))
                  ->type_name("RHO");
  auto* target = app->add_option("--target-probability", o->target_probability,
                                 "--fund: find the gearing that keeps P(capital preserved) >= P, 0 < P < 1")
                     ->check(CLI::Validator(
                         [](std::string& v) -> std::string {
                           char* end = nullptr;
                           const double p = std::strtod(v.c_str(), &end);
                           if (end == v.c_str() || *end != '\0' || !(p > 0 && p < 1))
                             return "the target probability lies strictly between 0 and 1, e.g. 0.9";
                           return {};
                         },
                         ""))
                     ->type_name("P");
  app->callback([o, &s, app, rho, target] {
    imply_locale(app, o->out);
    if (o->fund.empty()) {
      if (o->paths.size() != 1)
        throw CLI::ValidationError("simulate", "give one CASE, or --fund ID with case files or directories");
      if (rho->count() > 0) throw CLI::ValidationError("--common-factor", "--common-factor needs --fund ID");
      if (target->count() > 0)
        throw CLI::ValidationError("--target-probability", "--target-probability needs --fund ID");
    } else if (app->count("--perspective") > 0) {
      throw CLI::ValidationError(
          "--perspective", "--perspective does not apply to --fund: loans and grants do not depend on it");
    }
    s.run = [o, &s] { return o->fund.empty() ? run_case(*o, s) : run_simulate_fund(*o, s); };
  });
}

}  // namespace gevinst::cli
