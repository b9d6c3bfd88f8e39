// gevinst simulate --fund ID PATH...: the loans and grants of one lender or
// payer across case files, under uncertainty (libeval/fund_simulate.h).
#include <fmt/format.h>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/fund_simulate.h"
#include "cli/render/render.h"
#include "libeval/fund_simulate.h"

namespace gevinst::cli {

int run_simulate_fund(const SimulateRequest& o, Session& s) {
  auto files = read_fund_cases(o.paths, o.out.quiet, o.threads, s);
  if (!files) return Exit::invalid;
  std::vector<FundSimInput> cases;
  for (const CaseFile& file : *files)
    cases.push_back({&*file.model, fund_overrides(*file.model, o.scenario, o.sets)});
  FundSimOptions so;
  so.iterations = o.iterations;
  so.seed = o.seed;
  so.threads = o.threads;
  so.common_factor = o.common_factor;
  so.target_probability = o.target_probability;
  so.keep_draws = !o.draws.empty();
  Progress progress("simulating the fund", so.iterations, o.out.progress());
  if (o.out.progress()) so.progress = [&](size_t done, size_t) { progress.update(done); };
  FundSimulation r;
  try {
    r = simulate_fund(cases, o.fund, so);
  } catch (InputError& e) {
    for (auto& d : e.diagnostics)
      if (d.file.empty()) d.file = "--fund";  // the library names no option
    throw;
  }
  progress.finish();
  if (!o.draws.empty())
    if (auto err = write_fund_draws(o.draws, r)) {
      error(*err);
      return Exit::invalid;
    }
  Document d = fund_simulation_document(r, o.scenario, o.out.style());
  Provenance p;
  p.files = s.sources.files();
  p.scenario = o.scenario;
  p.overrides = o.sets;
  p.seed = o.seed;
  d.provenance = p;
  return emit(o.out, d);
}

}  // namespace gevinst::cli
