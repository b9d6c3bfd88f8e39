#include "cli/render/fund_simulate.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/output.h"
#include "cli/render/render.h"
#include "cli/render/repay_words.h"

namespace gevinst::cli {

using namespace repay_words;

namespace {

Json summary_json(const DrawSummary& s) {
  return {{"mean", num(s.mean)}, {"sd", num(s.sd)},   {"se", num(s.se)},
          {"p05", num(s.p05)},   {"p50", num(s.p50)}, {"p95", num(s.p95)}};
}

Json to_json(const FundSimulation& r, const std::string& scenario) {
  Json j;
  j["fund"] = r.fund;
  j["label"] = text_or_null(r.label);
  j["currency"] = r.currency;
  j["scenario"] = text_or_null(scenario);
  j["files"] = r.files;
  j["iterations"] = r.iterations;
  j["seed"] = r.seed;
  j["threads"] = r.threads;
  j["common_factor"] = num(r.common_factor);
  j["random_parameters"] = r.random_parameters;
  j["lent"] = num(r.lent);
  j["repaid"] = summary_json(r.repaid);
  j["repaid_ratio"] = r.repaid_ratio ? Json{{"mean", num(r.repaid_ratio->mean)},
                                            {"p05", num(r.repaid_ratio->p05)},
                                            {"p50", num(r.repaid_ratio->p50)},
                                            {"p95", num(r.repaid_ratio->p95)}}
                                     : Json(nullptr);
  j["prob_capital_preserved"] = num(r.prob_capital_preserved);
  j["forgiven"] = {{"mean", num(r.forgiven.mean)}, {"p95", num(r.forgiven.p95)}};
  j["granted"] = {{"mean", num(r.granted.mean)}, {"p95", num(r.granted.p95)}};
  j["capital_at_risk"] = num(r.capital_at_risk);
  Json years = Json::array();
  for (const FundSimYear& y : r.years)
    years.push_back({{"year", y.year},
                     {"cumulative_cash",
                      {{"mean", num(y.cumulative_cash.mean)},
                       {"p05", num(y.cumulative_cash.p05)},
                       {"p50", num(y.cumulative_cash.p50)},
                       {"p95", num(y.cumulative_cash.p95)}}},
                     {"prob_capital_preserved", num(y.prob_capital_preserved)}});
  j["years"] = std::move(years);
  Json cases = Json::array();
  for (const FundSimCase& c : r.cases)
    cases.push_back({{"id", c.id},
                     {"path", c.file},
                     {"loans", c.loans},
                     {"grants", c.grants},
                     {"lent", num(c.lent)},
                     {"repaid", num(c.repaid)},
                     {"granted", num(c.granted)},
                     {"expected_forgiven", num(c.expected_forgiven)}});
  j["cases"] = std::move(cases);
  j["target_probability"] = num(r.target_probability);
  j["gearing"] = num(r.gearing);
  j["gearing_probability"] = num(r.gearing_probability);
  return j;
}

Table years_csv(const FundSimulation& r) {
  Table t;
  t.csv_numbers = CsvNumbers::g15;
  for (const char* h : {"year", "cumulative_cash_mean", "cumulative_cash_p05", "cumulative_cash_p50",
                        "cumulative_cash_p95", "prob_capital_preserved"})
    t.column(h);
  for (const FundSimYear& y : r.years)
    t.row({Cell::of(std::to_string(y.year)), Cell::number(y.cumulative_cash.mean),
           Cell::number(y.cumulative_cash.p05), Cell::number(y.cumulative_cash.p50),
           Cell::number(y.cumulative_cash.p95), Cell::number(y.prob_capital_preserved)});
  return t;
}

}  // namespace

Document fund_simulation_document(const FundSimulation& r, const std::string& scenario, const Style& st) {
  const NumberLocale loc = st.locale;
  Fmt m{loc, r.currency};
  Document d;
  const std::string fund =
      r.label.empty() || r.label == r.fund ? r.fund : fmt::format("{} ({})", r.fund, r.label);
  const std::string iterations = format_number(static_cast<double>(r.iterations), 0, loc);
  d.title = r.threads == 1 ? st.trf("Fund {} under uncertainty: {} iterations, seed {}, {} thread", fund,
                                    iterations, r.seed, r.threads)
                           : st.trf("Fund {} under uncertainty: {} iterations, seed {}, {} threads", fund,
                                    iterations, r.seed, r.threads);
  int loans = 0, grants = 0;
  for (const FundSimCase& c : r.cases) {
    loans += c.loans;
    grants += c.grants;
  }
  d.line(st.trf("{} and {} in {} of {} case file(s); {}, undiscounted, by calendar year{}",
                loan_count(loans, st), grant_count(grants, st), r.cases.size(), r.files, r.currency,
                scenario.empty() ? "" : st.trf("; scenario {}", scenario)));
  d.line(r.common_factor > 0
             ? st.trf("Cases joined by a common factor: the normal scores of any two drawn "
                      "parameters of different cases correlate {} (one shared national factor)",
                      m.plain(r.common_factor))
             : st.tr("Cases drawn independently (no common factor)"));
  d.paragraph(r.random_parameters.empty() ? st.tr("Drawn: nothing (every case is a constant)")
                                          : st.trf("Drawn: {}", fmt::join(r.random_parameters, ", ")));
  Table t;
  t.column("");
  for (const char* h : {"mean", "sd", "p05", "p50", "p95"}) t.column(st.tr(h), Align::right);
  auto row = [&](const std::string& name, const DrawSummary& s, int dec) {
    t.row({Cell::of(name), Cell::number(s.mean, dec), Cell::number(s.sd, dec), Cell::number(s.p05, dec),
           Cell::number(s.p50, dec), Cell::number(s.p95, dec)});
  };
  row(st.tr("Repaid"), r.repaid, 0);
  if (r.repaid_ratio) row(st.tr("Repaid ÷ lent"), *r.repaid_ratio, 3);
  row(st.tr("Forgiven"), r.forgiven, 0);
  if (r.granted.mean != 0 || r.granted.p95 != 0) row(st.tr("Granted"), r.granted, 0);
  d.table(std::move(t));
  d.line(st.trf("Lent: {} (mean over the draws)", m.cash(r.lent)));
  d.line(st.trf("Probability that the capital is preserved (repaid >= lent): {}",
                format_percent(r.prob_capital_preserved, 1, loc)));
  d.line(st.trf("Expected forgiven: {}; in 5 % of draws more than {}", m.cash(r.forgiven.mean),
                m.cash(r.forgiven.p95)));
  d.line(
      st.trf("Capital at risk: {} (5 % quantile of the lowest cumulative cash: the pool needs {} to "
             "cover 95 % of draws)",
             m.cash(r.capital_at_risk), m.cash(-r.capital_at_risk)));
  if (r.target_probability) {
    const std::string p = format_percent(*r.target_probability, 1, loc);
    if (r.gearing)
      d.line(
          st.trf("Gearing at P(capital preserved) >= {}: {} × the book ({} more than the {} lent; "
                 "P = {} there)",
                 p, format_number(*r.gearing, 3, loc), m.cash((*r.gearing - 1) * r.lent), m.cash(r.lent),
                 format_percent(*r.gearing_probability, 1, loc)));
    else
      d.line(
          st.trf("Gearing at P(capital preserved) >= {}: no limit found up to {} × the book "
                 "(the loans keep their capital at any size)",
                 p, format_number(1024, 0, loc)));
  }
  d.heading(st.tr("Cumulative cash by year (fan chart)"));
  Table y;
  y.column(st.tr("Year"));
  for (const char* h : {"p05", "p50", "p95"}) y.column(st.tr(h), Align::right);
  y.column(st.tr("mean"), Align::right);
  y.column(st.tr("P(capital preserved)"), Align::right);
  for (const FundSimYear& fy : r.years)
    y.row({Cell::of(std::to_string(fy.year)), money_cell(fy.cumulative_cash.p05),
           money_cell(fy.cumulative_cash.p50), money_cell(fy.cumulative_cash.p95),
           money_cell(fy.cumulative_cash.mean), Cell::percent(fy.prob_capital_preserved, 1)});
  d.table(std::move(y));
  d.line(
      st.tr("P(capital preserved) by year: the share of draws in which what was repaid so far covers what "
            "was lent so far."));
  d.heading(st.tr("Cases"));
  Table c;
  c.column(st.tr("Case"));
  c.column(st.tr("Loans"), Align::right);
  c.column(st.tr("Grants"), Align::right);
  c.column(st.tr("Lent"), Align::right);
  c.column(st.tr("Repaid"), Align::right);
  c.column(st.tr("Granted"), Align::right);
  c.column(st.tr("Expected forgiven"), Align::right);
  for (const FundSimCase& fc : r.cases)
    c.row({Cell::of(fc.id), Cell::of(std::to_string(fc.loans)), Cell::of(std::to_string(fc.grants)),
           money_cell(fc.lent), money_cell(fc.repaid), money_cell(fc.granted),
           money_cell(fc.expected_forgiven)});
  d.table(std::move(c));
  d.line(st.tr("Means over the draws; expected forgiven is each case's share of the fund's shortfall."));
  d.json = to_json(r, scenario);
  d.csv.push_back(years_csv(r));
  return d;
}

std::optional<std::string> write_fund_draws(const std::string& path, const FundSimulation& r) {
  StreamOutput out(path);
  if (!out.ok()) return out.error();
  std::vector<std::string> header = {
      "iteration",        "lent", "repaid", "repaid_ratio", "forgiven", "granted", "lowest_cumulative_cash",
      "capital_preserved"};
  for (const FundSimYear& y : r.years) header.push_back(fmt::format("cumulative_cash_{}", y.year));
  out.write(csv_row(header));
  fmt::memory_buffer buf;
  for (size_t i = 0; i < r.draw_lent.size(); ++i) {
    const double lent = r.draw_lent[i], repaid = r.draw_repaid[i];
    const bool kept = capital_kept(repaid, lent);
    fmt::format_to(std::back_inserter(buf), "{},{},{},", i + 1, lent, repaid);
    if (lent > 0) fmt::format_to(std::back_inserter(buf), "{}", repaid / lent);
    fmt::format_to(std::back_inserter(buf), ",{},{},{},{}", r.draw_forgiven[i], r.draw_granted[i],
                   r.draw_lowest[i], kept ? 1 : 0);
    for (const auto& cash : r.draw_cash) fmt::format_to(std::back_inserter(buf), ",{}", cash[i]);
    buf.push_back('\n');
    if (buf.size() > (1 << 20)) {
      out.write({buf.data(), buf.size()});
      buf.clear();
    }
  }
  out.write({buf.data(), buf.size()});
  return out.commit();
}

}  // namespace gevinst::cli
