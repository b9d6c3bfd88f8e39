// Tests for libeval/load_portfolio (portfolio_file.h): the constraints file
// read from strings, its diagnostics, and its case ids resolved.
#include "libeval/portfolio_file.h"

#include "support.h"

using namespace gevinst;

namespace {

const char* kRound = R"(format: gevinst-portfolio/1
title: Round 2027
budget: 60e6
yearly_budgets: {2028: 8000000, 2027: 12000000}
committed: [b]
excluded: c
requires:
  a: b
  d: [b, c]
exclusive:
  - [a, d]
tags:
  north: {cases: [a, b], max: 1}
)";

std::vector<CaseFigures> figures_abcd() {
  std::vector<CaseFigures> f(4);
  const char* ids[] = {"a", "b", "c", "d"};
  for (size_t i = 0; i < 4; ++i) {
    f[i].id = ids[i];
    f[i].start_year = 2027;
    f[i].year_costs = {1, 2, 3};
  }
  f[3].start_year = 2028;  // d's first year is 2028
  return f;
}

}  // namespace

TEST_CASE("load_portfolio_text reads every key") {
  auto r = load_portfolio_text(kRound, "round.yaml");
  REQUIRE_MESSAGE(r.ok(), test::dump(r.diags, r.source));
  const PortfolioSpec& s = *r.spec;
  CHECK(s.title == "Round 2027");
  CHECK(s.budget == 60e6);
  REQUIRE(s.years.size() == 2);
  CHECK(s.years[0].year == 2027);  // sorted by year
  CHECK(s.years[1].amount == 8e6);
  REQUIRE(s.committed.size() == 1);
  CHECK(s.committed[0].id == "b");
  CHECK(s.excluded[0].id == "c");
  REQUIRE(s.dependencies.size() == 3);
  CHECK(s.dependencies[2].first.id == "d");
  CHECK(s.dependencies[2].second.id == "c");
  CHECK(s.dependencies[2].second.path == "requires.d[1]");
  REQUIRE(s.tags.size() == 1);
  CHECK(s.tags[0].max == 1);
  CHECK_FALSE(s.tags[0].min);
}

TEST_CASE("resolve_portfolio maps ids to items and costs to years") {
  auto r = load_portfolio_text(kRound, "round.yaml");
  REQUIRE(r.ok());
  auto figures = figures_abcd();
  std::vector<PortfolioItem> items(4);
  Diagnostics d("round.yaml");
  auto k = resolve_portfolio(*r.spec, figures, items, d);
  REQUIRE(k);
  CHECK(items[1].include);
  CHECK(items[2].exclude);
  CHECK(k->year_costs[0] == std::vector<double>{1, 2});  // a: 2027, 2028
  CHECK(k->year_costs[3] == std::vector<double>{0, 1});  // d starts in 2028
  CHECK(k->dependencies == std::vector<std::pair<size_t, size_t>>{{0, 1}, {3, 1}, {3, 2}});
  CHECK(k->exclusive == std::vector<std::vector<size_t>>{{0, 3}});
  CHECK(k->counts[0].members == std::vector<size_t>{0, 1});
}

TEST_CASE("resolve_portfolio, unknown case ids") {
  auto r = load_portfolio_text("format: gevinst-portfolio/1\ncommitted: [a, bb]\n", "round.yaml");
  REQUIRE(r.ok());
  auto figures = figures_abcd();
  std::vector<PortfolioItem> items(4);
  Diagnostics d("round.yaml");
  CHECK_FALSE(resolve_portfolio(*r.spec, figures, items, d));
  REQUIRE(d.all().size() == 1);
  CHECK(format_diagnostic(d.all()[0], r.source) ==
        "round.yaml:2:16: error: no case 'bb' among the inputs (at committed[1])\n"
        "  committed: [a, bb]\n"
        "                 ^\n"
        "  hint: did you mean 'b'?\n");
}

TEST_CASE("load_portfolio_text, error handling") {
  auto first = [](const char* text) {
    auto r = load_portfolio_text(text, "p.yaml");
    CHECK_FALSE(r.ok());
    return r.diags.all().empty() ? std::string() : r.diags.all()[0].message;
  };
  SUBCASE("format") { CHECK(first("format: gevinst/1\n") == "unsupported format 'gevinst/1'"); }
  SUBCASE("unknown key") { CHECK(first("format: gevinst-portfolio/1\nbudgt: 5\n") == "unknown key 'budgt'"); }
  SUBCASE("amount") {
    CHECK(first("format: gevinst-portfolio/1\nbudget: lots\n") == "expected an amount, got 'lots'");
  }
  SUBCASE("year") {
    CHECK(first("format: gevinst-portfolio/1\nyearly_budgets: {1066: 5}\n") == "1066 is not a calendar year");
  }
  SUBCASE("duplicate case") {
    CHECK(first("format: gevinst-portfolio/1\ncommitted: [a, a]\n") == "case 'a' is listed twice");
  }
  SUBCASE("tag without limits") {
    CHECK(first("format: gevinst-portfolio/1\ntags: {x: {cases: [a]}}\n") ==
          "tag 'x' has neither min nor max");
  }
  SUBCASE("exclusive group not a list") {
    CHECK(first("format: gevinst-portfolio/1\nexclusive: [a]\n") ==
          "expected a list of cases, got a single value");
  }
}

TEST_CASE("sniff_document_kind knows portfolio files") {
  CHECK(sniff_document_kind("format: gevinst-portfolio/1\nbudget: 5\n") == DocumentKind::portfolio_v1);
  CHECK(sniff_document_kind("{format: gevinst-portfolio/1, budget: 5}\n") == DocumentKind::portfolio_v1);
}
