// The fund under uncertainty (gevinst simulate --fund ID PATH...;
// docs/cli.md, "simulate --fund"): the loans and grants of one lender or
// payer across many cases, with every case's parameters drawn as in
// `simulate`, so the board sees how likely the pool is to keep its capital,
// how much it may lose and how much more it could lend at an accepted risk.
//
//   std::vector<FundSimInput> in = {{&case_a, {}}, {&case_b, {}}};
//   FundSimOptions o;  o.iterations = 10000;  o.common_factor = 0.3;
//   FundSimulation f = simulate_fund(in, "innovation-fund", o);
//   f.prob_capital_preserved   // P(repaid >= lent)
//   f.years[k].cumulative_cash // p05, p50, p95 of the fund's cumulative cash
//
// Per draw: each case's parameters are drawn (a case without distributions
// is a constant), each loan of the fund is scheduled (annuity, serial,
// bullet, gain-share from the draw's realised gains) and each grant of the
// fund computed; the fund's cash is summed by calendar year, undiscounted,
// as in evaluate_fund (libeval/fund.h).
//
// Dependence: cases are independent unless common_factor rho > 0, a
// one-factor Gaussian copula across cases. Per iteration one national
// factor Z ~ N(0, 1) is drawn; every drawn parameter's normal score is
//   z = sqrt(rho) Z + sqrt(1 - rho) e
// where e is the parameter's own standard normal (joined within its case by
// the case's correlations, L times independent normals), and the parameter
// is quantile(its dist, Phi(z)). Two parameters of different cases then have
// normal scores correlated rho; two of one case rho + (1 - rho) r, r their
// correlation in the case.
//
// Determinism: the same seed gives bit-identical numbers for any number of
// threads (blocks of rng_block_rows iterations, streams as in rng.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "libeval/model.h"
#include "libeval/simulate.h"

namespace gevinst {

/// One case of the fund, with its scenario and --set overrides.
struct FundSimInput {
  const Case* c = nullptr;
  Overrides overrides;
};

struct FundSimOptions {
  std::size_t iterations = 10000;
  std::uint64_t seed = default_seed;
  int threads = 0;           ///< 0 = all cores
  double common_factor = 0;  ///< rho in [0, 1]; 0 = cases independent
  /// Gearing: the largest k >= 0 with P(capital preserved | principal x k)
  /// >= target_probability, in (0, 1).
  std::optional<double> target_probability;
  bool keep_draws = false;  ///< keep per-draw totals and yearly cash (for --draws)
  /// Called about every 50 ms from the calling thread with (done, total).
  std::function<void(std::size_t, std::size_t)> progress;
};

/// Summary of one per-draw quantity: mean, sd (n - 1), standard error of
/// the mean, R's type 7 quantiles.
struct DrawSummary {
  double mean = 0, sd = 0, se = 0, p05 = 0, p50 = 0, p95 = 0;
};

/// One calendar year: the fund's cumulative cash (repaid - disbursed -
/// granted, summed from the first year) over the draws, and the share of
/// draws in which what was repaid up to this year covers what was lent up
/// to this year.
struct FundSimYear {
  int year = 0;
  DrawSummary cumulative_cash;
  double prob_capital_preserved = 0;
};

/// One case's loans and grants from the fund, averaged over the draws.
struct FundSimCase {
  std::string file, id;
  int loans = 0, grants = 0;
  double lent = 0, repaid = 0, granted = 0;
  double expected_forgiven = 0;  ///< mean forgiven over the draws: its share of the shortfall
};

struct FundSimulation {
  std::string fund, label, currency;
  std::size_t iterations = 0;
  std::uint64_t seed = 0;
  int threads = 1;
  double common_factor = 0;
  int files = 0;
  std::vector<std::string> random_parameters;  ///< "case-id/parameter", drawn
  double lent = 0;                             ///< mean principal lent (constant unless a principal is drawn)
  DrawSummary repaid;                          ///< principal + interest received over the schedules
  std::optional<DrawSummary> repaid_ratio;     ///< repaid / lent; none when nothing is lent
  double prob_capital_preserved = 0;           ///< P(repaid >= lent)
  DrawSummary forgiven;                        ///< balances written off after gain-share terms
  DrawSummary granted;                         ///< grants paid (never repaid)
  /// 5 % quantile of each draw's lowest cumulative cash, min(0, min over
  /// years); <= 0, its negation the capital that covers 95 % of the draws.
  double capital_at_risk = 0;
  std::vector<FundSimYear> years;  ///< first to last year with a flow in any draw
  std::vector<FundSimCase> cases;  ///< cases with a loan or grant of the fund
  std::optional<double> target_probability;
  /// With target_probability: the largest scale factor k on every
  /// principal keeping P(capital preserved) >= target (bisection on the same
  /// draws, to 1e-4 relative); none when even k = 1000 keeps it.
  std::optional<double> gearing;
  std::optional<double> gearing_probability;  ///< P(capital preserved) at k = gearing
  // Per draw (index = iteration), with keep_draws.
  std::vector<double> draw_lent, draw_repaid, draw_forgiven, draw_granted, draw_lowest;
  std::vector<std::vector<double>> draw_cash;  ///< [year index][iteration] cumulative cash
};

/// Whether one draw keeps the fund's capital: repaid >= lent, to within
/// 1e-9 x max(1, lent) so that rounding never decides (a loan at rate 0
/// repaid in full keeps it).
bool capital_kept(double repaid, double lent);

/// Simulates the fund `fund` over `cases`. Throws InputError when no loan or
/// grant names `fund` (as evaluate_fund), the cases use different
/// currencies, options are out of range, or a draw moves a field out of its
/// range (the field, the iteration and the seed are named).
FundSimulation simulate_fund(const std::vector<FundSimInput>& cases, const std::string& fund,
                             const FundSimOptions& opt);

}  // namespace gevinst
