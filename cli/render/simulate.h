// A Monte Carlo result as a Document: the contract JSON (docs/cli.md,
// "simulate": iterations, seed, npv summary, prob_positive, evpi), the
// summary table, P(NPV > 0), EVPI, convergence and the NPV histogram; CSV is
// one row per metric. The draws file holds every iteration.
#pragma once

#include <optional>
#include <string>

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "libeval/simulate.h"

namespace gevinst::cli {

/// Labels and sentences in `st`'s language, numbers in its locale.
Document simulation_document(const SimulationResult& r, const Style& st);

/// Writes every iteration's drawn parameters and outputs as CSV to `path`
/// (atomically); returns an error text on failure.
std::optional<std::string> write_draws(const std::string& path, const SimulationResult& r);

}  // namespace gevinst::cli
