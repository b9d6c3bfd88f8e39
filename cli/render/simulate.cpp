#include "cli/render/simulate.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>

#include "cli/output.h"
#include "cli/render/business_case.h"
#include "cli/render/render.h"

namespace gevinst::cli {

namespace {

Json summary_json(const MetricSummary& s) {
  Json j;
  j["mean"] = num(s.mean);
  j["sd"] = num(s.sd);
  j["se"] = num(s.se);
  j["min"] = num(s.min);
  j["p05"] = num(s.p05);
  j["p50"] = num(s.p50);
  j["p95"] = num(s.p95);
  j["max"] = num(s.max);
  Json h = Json::array();
  for (const auto& b : s.histogram)
    h.push_back({{"low", num(b.low)}, {"high", num(b.high)}, {"count", b.count}});
  j["histogram"] = h;
  Json cv = Json::array();
  for (const auto& c : s.convergence)
    cv.push_back({{"iterations", c.iterations}, {"mean", num(c.mean)}, {"se", num(c.se)}});
  j["convergence"] = cv;
  return j;
}

Json to_json(const SimulationResult& r) {
  Json j;
  j["case"] = {{"id", r.case_id}};
  j["iterations"] = r.iterations;
  j["seed"] = r.seed;
  j["threads"] = r.threads;
  j["perspective"] = to_string(r.perspective);
  j["random_parameters"] = r.random_parameters;
  j["base_npv"] = num(r.base_npv);
  j["npv"] = summary_json(r.npv);
  j["prob_positive"] = num(r.prob_positive);
  j["evpi"] = num(r.evpi);
  j["fte"] = r.fte ? summary_json(*r.fte) : Json(nullptr);
  j["sroi_ratio"] = r.sroi_ratio ? summary_json(*r.sroi_ratio) : Json(nullptr);
  return j;
}

// One row per metric, for a spreadsheet; prob_positive and evpi belong to NPV.
Table csv_table(const SimulationResult& r) {
  Table t;
  for (const char* h : {"metric", "iterations", "seed", "mean", "sd", "se", "min", "p05", "p50", "p95", "max",
                        "prob_positive", "evpi"})
    t.column(h);
  auto n = [](double v) { return Cell::number(v, 0, ""); };
  auto row = [&](const char* name, const MetricSummary& m, bool npv) {
    t.row({Cell::of(name), Cell::of(std::to_string(r.iterations)), Cell::of(std::to_string(r.seed)),
           n(m.mean), n(m.sd), n(m.se), n(m.min), n(m.p05), n(m.p50), n(m.p95), n(m.max),
           npv ? n(r.prob_positive) : Cell::of(""), npv ? n(r.evpi) : Cell::of("")});
  };
  row("npv", r.npv, true);
  if (r.fte) row("fte", *r.fte, false);
  if (r.sroi_ratio) row("sroi_ratio", *r.sroi_ratio, false);
  return t;
}

void build(Document& d, const SimulationResult& r, const Style& st) {
  const std::string iterations = st.number(static_cast<double>(r.iterations), 0);
  const std::string perspective = perspective_label(r.perspective, st);
  d.title = r.threads == 1
                ? st.trf("Monte Carlo simulation of {}: {} iterations, seed {}, {} thread, {} perspective",
                         r.case_id, iterations, r.seed, r.threads, perspective)
                : st.trf("Monte Carlo simulation of {}: {} iterations, seed {}, {} threads, {} perspective",
                         r.case_id, iterations, r.seed, r.threads, perspective);
  d.paragraph(st.trf("Drawn: {}", fmt::join(r.random_parameters, ", ")));
  Table t;
  t.column("");
  t.column(st.tr("mean"), Align::right).column(st.tr("sd"), Align::right);
  for (const char* h : {"p05", "p50", "p95"}) t.column(h, Align::right);
  auto row = [&](const std::string& name, const MetricSummary& s, int dec) {
    t.row({Cell::of(name), Cell::number(s.mean, dec), Cell::number(s.sd, dec), Cell::number(s.p05, dec),
           Cell::number(s.p50, dec), Cell::number(s.p95, dec)});
  };
  row(st.tr("NPV"), r.npv, 0);
  if (r.fte) row(st.tr("FTE (largest year)"), *r.fte, 2);
  if (r.sroi_ratio) row(st.tr("SROI ratio"), *r.sroi_ratio, 2);
  d.table(std::move(t));
  d.line(st.trf("Probability that NPV > 0: {}", st.percent(r.prob_positive, 1)));
  d.line(st.trf("Expected value of perfect information (adopt or not): {}", st.number(r.evpi, 0)));
  d.line(st.trf("NPV at base values (deterministic): {}", st.number(r.base_npv, 0)));
  std::vector<std::string> steps;
  for (const auto& c : r.npv.convergence)
    steps.push_back(
        st.trf("{} after {}", st.number(c.se, 0), st.number(static_cast<double>(c.iterations), 0)));
  if (!steps.empty())
    d.line(st.trf("Convergence of the mean NPV (standard error): {}", fmt::join(steps, "; ")));
  BarChart chart{st.tr("Distribution of NPV"), {}, {}};
  for (const auto& b : r.npv.histogram) {
    chart.labels.push_back(st.number((b.low + b.high) / 2, 0));
    chart.values.push_back(static_cast<double>(b.count));
  }
  d.bars(std::move(chart));
}

}  // namespace

Document simulation_document(const SimulationResult& r, const Style& st) {
  Document d;
  build(d, r, st);
  d.json = to_json(r);
  d.csv.push_back(csv_table(r));
  return d;
}

std::optional<std::string> write_draws(const std::string& path, const SimulationResult& r) {
  StreamOutput out(path);
  if (!out.ok()) return out.error();
  std::vector<std::string> header = {"iteration"};
  for (const auto& p : r.random_parameters) header.push_back(p);
  header.push_back("npv");
  if (r.fte) header.push_back("fte");
  if (r.sroi_ratio) header.push_back("sroi_ratio");
  out.write(csv_row(header));
  fmt::memory_buffer buf;
  for (size_t i = 0; i < r.iterations; ++i) {
    fmt::format_to(std::back_inserter(buf), "{}", i + 1);
    for (const auto& d : r.draws) fmt::format_to(std::back_inserter(buf), ",{}", d[i]);
    fmt::format_to(std::back_inserter(buf), ",{}", r.npv_values[i]);
    if (r.fte) fmt::format_to(std::back_inserter(buf), ",{}", r.fte_values[i]);
    if (r.sroi_ratio) fmt::format_to(std::back_inserter(buf), ",{}", r.sroi_values[i]);
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
