// The business case (docs/case-format.md, "Business case results", with
// "Discounting" and "Costs and benefits"): yearly costs and benefits, NPV,
// IRR, BCR and payback for each perspective, and who pays and who gains per
// year.
//
//   BusinessCase bc = evaluate_case(c, {.perspective = Perspective::organisation});
//   bc.selected().npv   // money, discounted to start_year
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "libeval/financing.h"
#include "libeval/flows.h"
#include "libeval/model.h"
#include "libeval/phrase.h"

namespace gevinst {

/// One year of the business case under one perspective (money).
struct YearRow {
  int year = 0;
  double costs = 0;                          ///< all costs (they count in every perspective)
  std::array<double, 4> costs_by_kind{};     ///< investment, implementation, operating, other
  double benefits = 0;                       ///< benefits the perspective counts
  std::array<double, 4> benefits_by_kind{};  ///< budget, capacity, societal, qualitative (always 0)
  double net = 0;                            ///< benefits - costs
  double discount_factor = 1;
  double pv = 0;          ///< discount_factor x net
  double cumulative = 0;  ///< cumulative net (undiscounted)
  double cumulative_pv = 0;
};

/// Headline metrics of one perspective.
struct Metrics {
  Perspective perspective = Perspective::organisation;
  double npv = 0, pv_costs = 0, pv_benefits = 0;
  std::optional<double> bcr;  ///< pv_benefits / pv_costs; null when pv_costs = 0
  std::optional<double> irr;
  Phrase irr_note;      ///< why there is no IRR (IrrResult::note); empty pattern when there is one
  int irr_outside = 0;  ///< +1 / -1: the IRR lies above / below the searched interval (IrrResult::outside)
  std::optional<double> payback_years, discounted_payback_years;  ///< years from start_year
  std::optional<int> payback_year, discounted_payback_year;       ///< calendar years
  std::vector<YearRow> years;
};

struct PartyYear {
  int year = 0;
  double pays = 0, receives = 0, transfers_in = 0, transfers_out = 0;
  double net = 0;  ///< receives - pays + transfers_in - transfers_out
};

struct PartyResult {
  std::string party, label, sector;
  double npv = 0;
  double pv_pays = 0, pv_receives = 0, pv_transfers_in = 0, pv_transfers_out = 0;
  std::vector<PartyYear> years;
};

struct EvaluateOptions {
  Perspective perspective = Perspective::organisation;
  Overrides overrides;   ///< scenario values and --set, applied in order
  std::string scenario;  ///< name, for the report
  /// Find each perspective's IRR (the costliest metric). Searches that need
  /// only the NPV (sensitivity, break-even) turn it off; irr and irr_note
  /// then stay empty.
  bool with_irr = true;
};

struct BusinessCase {
  std::string case_id, title, file, currency = "DKK", scenario;
  Perspective perspective = Perspective::organisation;
  int start_year = 0, horizon = 0;
  int price_year = 0;       ///< the price level of every amount (docs/case-format.md, "Prices")
  std::string price_index;  ///< the preset items' own price years were converted with; empty = none
  double inflation = 0;     ///< loan flows deflated by it; 0 = loans are in real terms
  DiscountSchedule discounting;
  Timing timing = Timing::end;
  std::vector<double> discount_factors;
  std::vector<double> params;           ///< parameter values used
  std::vector<ItemSeries> items;        ///< every flow item as a series
  std::array<Metrics, 3> perspectives;  ///< budget, organisation, society
  /// The same with optimism bias applied (costs uplifted, benefits haircut);
  /// set only when the case has assumptions.optimism_bias.
  std::optional<std::array<Metrics, 3>> adjusted;
  std::vector<PartyResult> parties;  ///< under the selected perspective, with transfers
  FinancingResult financing;
  std::vector<Phrase> notes;  ///< plain-language observations (who pays, who gains)

  const Metrics& selected() const { return perspectives[static_cast<int>(perspective)]; }
};

/// Evaluates the case. Throws InputError when a value cannot be computed.
BusinessCase evaluate_case(const Case& c, const EvaluateOptions& opt = {});

/// Metrics of a net series given costs and benefits per year (both >= 0) and
/// discount factors; used for every perspective and by other modules.
/// Without `with_irr`, irr and irr_note stay empty.
Metrics metrics_from_years(std::vector<YearRow> years, Perspective p, int start_year, bool with_irr = true);

}  // namespace gevinst
