// The fund under uncertainty as a Document (docs/cli.md, "simulate --fund"):
// the contract JSON (fund, iterations, seed, lent, repaid, repaid_ratio,
// prob_capital_preserved, forgiven, capital_at_risk, years[], cases[],
// gearing), a summary, the fan chart of the cumulative cash by year and each
// case's expected forgiven amount; CSV is one row per year. The draws file
// holds every iteration's fund totals.
#pragma once

#include <optional>
#include <string>

#include "cli/render/catalogue.h"
#include "cli/render/document.h"
#include "libeval/fund_simulate.h"

namespace gevinst::cli {

Document fund_simulation_document(const FundSimulation& r, const std::string& scenario, const Style& st);

/// Writes every iteration's fund totals (lent, repaid, repaid ÷ lent,
/// forgiven, granted, lowest cumulative cash, capital kept 0/1, cumulative
/// cash per year) as CSV to `path`, atomically; returns an error text on
/// failure. Needs a result simulated with keep_draws.
std::optional<std::string> write_fund_draws(const std::string& path, const FundSimulation& r);

}  // namespace gevinst::cli
