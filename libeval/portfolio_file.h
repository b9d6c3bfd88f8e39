// Portfolio constraints files (format gevinst-portfolio/1, docs/cli.md,
// "Constraints file"): what a fund's round allows, read with located
// diagnostics, then resolved against the cases it is run with.
//
//   PortfolioLoadResult r = load_portfolio_file("examples/portfolio-2027.yaml");
//   std::vector<PortfolioItem> items = ...;        // one per case, as for select_portfolio
//   auto k = resolve_portfolio(*r.spec, ids, figures, items, r.diags);
//   if (k) PortfolioSelection s = solve_portfolio_mip(items, *k);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "libeval/diagnostics.h"
#include "libeval/loader.h"
#include "libeval/portfolio.h"
#include "libeval/portfolio_mip.h"

namespace gevinst {

/// A case id as written in the file, with where it is.
struct CaseRef {
  std::string id;
  SourceLoc loc;
  std::string path;  ///< YAML path, e.g. requires.virtual-physio[0]
};

/// The file's constraints with case ids, before they meet the cases.
struct PortfolioSpec {
  std::string file, title;
  std::optional<double> budget;   ///< total, on the cost basis (money)
  std::vector<YearBudget> years;  ///< `yearly_budgets`, ascending by year
  std::vector<CaseRef> committed, excluded;
  std::vector<std::pair<CaseRef, CaseRef>> dependencies;  ///< (case, the case it requires)
  std::vector<std::vector<CaseRef>> exclusive;
  struct Tag {
    std::string name;
    std::vector<CaseRef> cases;
    std::optional<int> min, max;
  };
  std::vector<Tag> tags;
};

struct PortfolioLoadResult {
  std::optional<PortfolioSpec> spec;  ///< set when there are no errors
  Diagnostics diags;
  std::string source;
  bool ok() const { return spec.has_value() && !diags.has_errors(); }
};

PortfolioLoadResult load_portfolio_text(std::string_view text, const std::string& file,
                                        const LoadOptions& opt = {});
PortfolioLoadResult load_portfolio_file(const std::string& path, const LoadOptions& opt = {});

/// The spec's constraints over `items` (aligned with `figures`, whose ids the
/// spec names): committed cases get include, excluded ones exclude, yearly
/// costs come from each case's year_costs. Every id that names no case is a
/// located error in `diags` (with "did you mean"); then nullopt.
std::optional<PortfolioConstraints> resolve_portfolio(const PortfolioSpec& spec,
                                                      const std::vector<CaseFigures>& figures,
                                                      std::vector<PortfolioItem>& items, Diagnostics& diags);

}  // namespace gevinst
