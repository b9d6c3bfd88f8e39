// Internal to simulate.cpp: a case compiled for block evaluation.
//
// Every money flow that enters NPV, FTE or SROI is written as a sum of terms
//   term = coef x factor_1 x ... x factor_m
// where coef folds everything fixed (discount factors, fixed shares, fixed
// parameters) and each factor is a column of a varying numeric field (one
// that depends on a random parameter), optionally as (1 + x)^n or (1 - x)^n.
// Terms with the same factors are merged, so a per_year item whose growth
// and profile are fixed costs one multiply-add per iteration.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "libeval/copula.h"
#include "libeval/distributions.h"
#include "libeval/model.h"

namespace gevinst::sim {

enum class Target : int { costs = 0, benefits = 1, sroi = 2, fte0 = 3 };  ///< fte0 + t: FTE of year index t

struct Factor {
  int field = -1;
  int mode = 0;  ///< 0: x; +1: (1 + x)^power; -1: (1 - x)^power
  int power = 1;
  auto key() const { return std::tuple(field, mode, power); }
};

struct Term {
  double coef = 0;
  std::vector<Factor> factors;  ///< sorted by key
  int target = 0;
};

/// A value used while building terms: a varying field or a constant.
struct Val {
  int field = -1;
  double c = 0;
  bool varying() const { return field >= 0; }
};

struct Plan {
  int params = 0;
  std::vector<double> base;   ///< base value of every parameter (with overrides)
  std::vector<bool> varying;  ///< per parameter: random or depends on a random one
  std::vector<int> random;    ///< parameter indices drawn directly
  std::vector<DistSpec> random_spec;
  std::vector<int> correlated;  ///< parameter indices drawn through the copula
  std::vector<DistSpec> correlated_spec;
  Copula copula;
  std::vector<int> derived;  ///< varying, computed from others, in dependency order
  std::vector<const Program*> derived_program;
  std::vector<const Number*> fields;  ///< varying numeric fields, evaluated per block
  std::vector<Term> terms;
  std::vector<double> constant;  ///< per target: the fixed part
  int years = 0;
  bool has_fte = false, has_sroi = false;
  Val investment;  ///< explicit SROI investment; field -1 and c = 0 means auto
  bool investment_auto = true;
  std::string file;

  int targets() const { return 3 + (has_fte ? years : 0); }
};

/// Fills the drawing part of `plan` for `c` with `overrides`: params, base,
/// varying, random and correlated parameters with their distributions, the
/// copula and the derived parameters. Nothing random is not an error here.
/// Throws InputError on a bad distribution or inconsistent correlations.
void build_draws(const Case& c, const Overrides& overrides, Plan& plan);

/// Adds terms to a plan whose draws are built (build_draws) and whose
/// `constant` has a slot per target: every value a term uses is a varying
/// field or is folded into the term's coefficient.
class TermBuilder {
 public:
  TermBuilder(const Case& c, Plan& plan);

  /// `n` as a varying field, or its constant value (`dflt` when absent).
  Val val(const Number& n, double dflt);

  struct Part {
    Val v;
    int mode = 0;  ///< as Factor::mode
    int power = 1;
  };

  /// Adds coef x product(parts) to `target`, folding fixed parts into coef.
  void add(double coef, std::initializer_list<Part> parts, int target);

  /// The realisation share of `year` (fixed unless a step is varying).
  Val share(const Profile& p, int year);

 private:
  const Case& c_;
  Plan& plan_;
  std::map<const Number*, int> field_index_;
  std::map<std::vector<std::tuple<int, int, int>>, size_t> merged_;
};

/// What to do when a draw moves a field out of its range `c`.
std::string range_hint(Constraint c);

/// Compiles `c` for simulation under `perspective` with `overrides`.
/// Throws InputError when nothing is random or correlations are inconsistent.
Plan build_plan(const Case& c, Perspective perspective, const Overrides& overrides);

}  // namespace gevinst::sim
