// A portfolio selection as a Document: the contract JSON (docs/cli.md,
// "portfolio": selected[], objective_value, budget_used, ranking[]), the
// selection in words and the ranking by objective per krone; CSV is the
// ranking.
#pragma once

#include <string>
#include <vector>

#include "cli/render/document.h"
#include "libeval/portfolio.h"
#include "libeval/portfolio_mip.h"

namespace gevinst::cli {

/// What was chosen from what, and how it was asked.
struct PortfolioReport {
  std::vector<CaseFigures> figures;  ///< per item, in path order
  std::vector<PortfolioItem> items;
  PortfolioSelection sel;
  std::vector<size_t> ranking;
  Objective objective = Objective::npv;
  Perspective perspective = Perspective::organisation;
  int first_years = 0;     ///< 0: cost is the PV of costs
  std::string cost_basis;  ///< in words
  double budget = 0;
  bool has_budget = true;            ///< false: no total budget (a constraints file with yearly budgets only)
  std::string constraints_file;      ///< --constraints; empty without
  PortfolioConstraints constraints;  ///< as solved (years, requires, exclusive groups, tags)
};

Document portfolio_document(const PortfolioReport& r, NumberLocale loc);

}  // namespace gevinst::cli
