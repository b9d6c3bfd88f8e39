// Internal to fund_simulate.cpp: runs the draws of a fund (the cases
// compiled by build_case_plan) block by block on the thread pool, and keeps
// what each iteration paid and received. A run with a scale k multiplies
// every principal by k on the same draws (for the gearing search).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "libeval/detail/fund_plan.h"
#include "libeval/fund_simulate.h"

namespace gevinst::fundsim {

/// full: keep every iteration's totals and yearly cumulative cash;
/// probability: only count the iterations that keep the capital.
enum class Pass { full, probability };

/// What a run sums to, in iteration order (the same for any threads).
struct Totals {
  double lent_mean = 0;
  double preserved_share = 0;             ///< share of iterations with repaid >= lent
  std::vector<double> preserved_by_year;  ///< per year index from first_year()
  int first = 0, last = -1;               ///< first and last year with a flow in any iteration
  std::vector<double> case_lent, case_repaid, case_granted, case_forgiven;  ///< per plan, means
};

class Engine {
 public:
  Engine(const std::vector<CasePlan>& plans, const FundSimOptions& opt);

  int threads() const { return threads_; }
  /// The first calendar year any loan or grant can have a flow.
  int first_year() const { return first_year_; }
  /// Runs every iteration with every principal x scale. Throws InputError
  /// when a draw moves a field or a loan term out of its range.
  Totals run(double scale, Pass pass);

  // Per iteration, after a full pass.
  std::vector<double> lent, repaid, forgiven, granted;
  std::vector<double> lowest;             ///< min(0, lowest cumulative cash)
  std::vector<std::vector<double>> cash;  ///< [year index][iteration] cumulative cash

 private:
  struct Scratch;
  struct Block;
  void draw_case(size_t k, size_t b, size_t rows, Scratch& w, Block& out) const;
  void run_block(size_t b, double scale, Pass pass, Scratch& w, Block& out);

  const std::vector<CasePlan>& plans_;
  FundSimOptions opt_;
  std::vector<std::uint64_t> offset_;  ///< per plan: its parameters' first stream number
  int first_year_ = 0, years_ = 0, threads_ = 1;
  size_t max_params_ = 0, max_fields_ = 0, max_targets_ = 0, blocks_ = 0;
};

}  // namespace gevinst::fundsim
