#include "cli/render/track.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/render/render.h"

namespace gevinst::cli {

namespace {

Json gate_json(const GateOutcome& g) {
  Json reasons = Json::array();
  for (const auto& s : g.reasons) reasons.push_back(text_or_null(s.text()));
  return Json{{"id", g.id},
              {"status", g.status},
              {"failed_criteria", g.failed_criteria},
              {"released", g.released},
              {"after", g.after},
              {"amount", num(g.amount)},
              {"from", g.from},
              {"to", g.to},
              {"release_year", g.release_year},
              {"reasons", reasons}};
}

Json loan_json(const LoanTrack& l) {
  Json years = Json::array();
  for (const auto& y : l.years)
    years.push_back(Json{{"year", y.year},
                         {"planned_payment", num(y.planned_payment)},
                         {"due", num(y.due)},
                         {"elapsed", y.elapsed},
                         {"planned_gains", num(y.planned_gains)},
                         {"gains", num(y.gains)}});
  return Json{{"id", l.id},
              {"years", years},
              {"forgiven_projected", num(l.forgiven_projected)},
              {"planned_forgiven", num(l.planned_forgiven)},
              {"planned_paid", num(l.planned_paid)},
              {"paid_projected", num(l.paid_projected)},
              {"lender", l.lender},
              {"borrower", l.borrower}};
}

std::string ratio_text(const std::optional<double>& v, NumberLocale loc) {
  return v ? format_number(*v, 2, loc) : "-";
}

// Planned and realised (then forecast) benefits per year, the elapsed years
// named in the labels.
Chart track_chart(const TrackResult& r, const Style& st) {
  Chart c;
  c.kind = Chart::Kind::bars;
  c.title = st.tr("Benefits per year: planned, and realised or forecast");
  c.x_label = st.tr("Year");
  c.y_label = r.currency;
  Chart::Series planned{st.tr("Planned benefits"), {}}, actual{st.tr("Realised or forecast benefits"), {}};
  for (const auto& y : r.years) {
    c.labels.push_back(y.elapsed ? std::to_string(y.year) : st.trf("{} (forecast)", y.year));
    planned.values.push_back(y.planned_benefits);
    actual.values.push_back(y.benefits);
  }
  c.series = {std::move(planned), std::move(actual)};
  c.description =
      st.trf("Benefits planned and realised in the elapsed years {}, forecast after; realisation {}.",
             fmt::join(r.elapsed_years, ", "), ratio_text(r.realisation, st.locale));
  return c;
}

}  // namespace

Json track_json(const TrackResult& r) {
  Json j;
  j["case"] = {{"id", r.case_id}, {"file", r.case_file}};
  j["actuals"] = r.file;
  j["as_of"] = r.as_of;
  j["source"] = text_or_null(r.source);
  j["perspective"] = to_string(r.perspective);
  j["forecast_method"] = to_string(r.forecast_method);
  j["currency"] = r.currency;
  j["elapsed_years"] = r.elapsed_years;
  j["realisation"] = num(r.realisation);
  j["cost_ratio"] = num(r.cost_ratio);
  Json items = Json::array();
  for (const auto& i : r.items) {
    Json by_year = Json::array();
    for (size_t t = 0; t < i.planned_by_year.size(); ++t)
      by_year.push_back(Json{{"year", r.elapsed_years[t]},
                             {"planned", num(i.planned_by_year[t])},
                             {"realised", num(i.realised_by_year[t])}});
    items.push_back(Json{{"id", i.id},
                         {"planned", num(i.planned)},
                         {"realised", num(i.realised)},
                         {"ratio", num(i.ratio)},
                         {"kind", i.kind},
                         {"unit", i.unit},
                         {"not_reported", i.not_reported},
                         {"years", by_year}});
  }
  j["items"] = items;
  j["plan"] = {{"npv", num(r.plan.npv)}, {"bcr", num(r.plan.bcr)}, {"fte", num(r.plan.fte)}};
  j["forecast"] = {{"npv", num(r.forecast.npv)}, {"bcr", num(r.forecast.bcr)}, {"fte", num(r.forecast.fte)}};
  j["realised"] = {{"npv", num(r.realised_npv)}};
  j["brake"] = r.brake;
  j["brake_reasons"] = texts(r.brake_reasons);
  Json gates = Json::array();
  for (const auto& g : r.gates) gates.push_back(gate_json(g));
  j["gates"] = gates;
  j["released"] = num(r.released);
  Json loans = Json::array();
  for (const auto& l : r.loans) loans.push_back(loan_json(l));
  j["loans"] = loans;
  Json years = Json::array();
  for (const auto& y : r.years)
    years.push_back(Json{{"year", y.year},
                         {"elapsed", y.elapsed},
                         {"planned_costs", num(y.planned_costs)},
                         {"planned_benefits", num(y.planned_benefits)},
                         {"costs", num(y.costs)},
                         {"benefits", num(y.benefits)},
                         {"realisation", num(y.realisation)},
                         {"cost_ratio", num(y.cost_ratio)},
                         {"discount_factor", num(y.discount_factor)},
                         {"planned_fte", num(y.planned_fte)},
                         {"fte", num(y.fte)}});
  j["years"] = years;
  j["notes"] = texts(r.notes);
  return j;
}

Document track_document(const TrackResult& r, const Style& st) {
  const NumberLocale loc = st.locale;
  Document d;
  d.title = st.trf("Follow-up of {} as of {}", r.case_id, r.as_of);
  d.paragraph(
      st.trf("Plan: {}; actuals: {}{}; elapsed years: {}; forecast: {}; perspective: {}.", r.case_file,
             r.file, r.source.empty() ? "" : fmt::format(" ({})", r.source),
             r.elapsed_years.empty() ? st.tr("none") : fmt::format("{}", fmt::join(r.elapsed_years, ", ")),
             st.tr(to_string(r.forecast_method)), st.tr(to_string(r.perspective))));
  Facts f;
  f.value_header = st.tr("Value");
  f.rows.push_back({st.tr("Realisation (benefits realised / planned)"), ratio_text(r.realisation, loc)});
  f.rows.push_back({st.tr("Cost ratio (costs realised / planned)"), ratio_text(r.cost_ratio, loc)});
  f.rows.push_back({st.tr("Brake signal"), r.brake ? st.tr("RAISED") : st.tr("no")});
  d.facts(std::move(f));

  Table m;
  m.column("")
      .column(st.tr("Plan"), Align::right)
      .column(st.tr("Realised"), Align::right)
      .column(st.tr("Forecast"), Align::right);
  m.row({Cell::of(st.trf("NPV ({})", r.currency)), Cell::number(r.plan.npv, 0),
         Cell::number(r.realised_npv, 0), Cell::number(r.forecast.npv, 0)});
  m.row({Cell::of(st.tr("BCR")), Cell::number(r.plan.bcr, 2), Cell::of(""), Cell::number(r.forecast.bcr, 2)});
  if (r.plan.fte)
    m.row(
        {Cell::of(st.tr("FTE")), Cell::number(r.plan.fte, 1), Cell::of(""), Cell::number(r.forecast.fte, 1)});
  d.section(st.tr("Plan, realised and forecast:"), std::move(m), st.tr("Plan, realised and forecast"));

  Table it;
  it.column(st.tr("Item"))
      .column(st.tr("Kind"))
      .column(st.tr("Planned"), Align::right)
      .column(st.tr("Realised"), Align::right);
  it.column(st.tr("Ratio"), Align::right).column(st.tr("Not reported"));
  for (const auto& i : r.items) {
    const bool low = i.ratio && *i.ratio < r.brake_below && i.kind != "cost";
    it.row(
        {Cell::of(i.id),
         Cell::of(i.unit == "money" ? st.tr(i.kind) : fmt::format("{} ({})", st.tr(i.kind), st.tr(i.unit))),
         Cell::number(i.planned, 0), Cell::number(i.realised, 0),
         low ? Cell::emphasised(ratio_text(i.ratio, loc)) : Cell::number(i.ratio, 2),
         Cell::of(i.not_reported.empty() ? "" : fmt::format("{}", fmt::join(i.not_reported, ", ")))});
  }
  d.section(st.tr("Items over the reported years:"), std::move(it), st.tr("Items"));

  Table y;
  y.column(st.tr("Year"))
      .column("")
      .column(st.tr("Planned costs"), Align::right)
      .column(st.tr("Costs"), Align::right);
  y.column(st.tr("Planned benefits"), Align::right)
      .column(st.tr("Benefits"), Align::right)
      .column(st.tr("Realisation"), Align::right);
  for (const auto& x : r.years)
    y.row({Cell::of(std::to_string(x.year)), Cell::of(x.elapsed ? st.tr("realised") : st.tr("forecast")),
           Cell::number(x.planned_costs, 0), Cell::number(x.costs, 0), Cell::number(x.planned_benefits, 0),
           Cell::number(x.benefits, 0), Cell::number(x.realisation, 2, "")});
  d.section(st.tr("Years:"), std::move(y), st.tr("Years"));
  d.chart(track_chart(r, st));

  if (r.brake) {
    d.heading(st.tr("Brake signal: review or stop the solution"), st.tr("Brake signal"));
    d.bullets(st.phrases(r.brake_reasons));
  }
  if (!r.gates.empty()) {
    Table g;
    g.column(st.tr("Gate"))
        .column(st.tr("After"), Align::right)
        .column(st.tr("Status"))
        .column(st.tr("Released"), Align::right);
    g.column(st.tr("Failed criteria"));
    for (const auto& x : r.gates) {
      std::vector<std::string> failed;
      for (size_t k = 0; k < x.failed_criteria.size(); ++k)
        failed.push_back(x.reasons[k].pattern.empty()
                             ? x.failed_criteria[k]
                             : fmt::format("{} ({})", x.failed_criteria[k], st.phrase(x.reasons[k])));
      g.row({Cell::of(x.id), Cell::of(std::to_string(x.after)),
             x.status == "failed" ? Cell::emphasised(st.tr(x.status)) : Cell::of(st.tr(x.status)),
             Cell::number(x.released, 0), Cell::of(fmt::format("{}", fmt::join(failed, "; ")))});
    }
    d.section(st.tr("Stage gates:"), std::move(g), st.tr("Stage gates"));
    d.paragraph(st.trf("Released over passed gates: {} {}.", format_number(r.released, 0, loc), r.currency));
  }
  for (const auto& l : r.loans) {
    Table t;
    t.column(st.tr("Year"))
        .column("")
        .column(st.tr("Planned payment"), Align::right)
        .column(st.tr("Due"), Align::right);
    for (const auto& x : l.years)
      t.row({Cell::of(std::to_string(x.year)),
             Cell::of(x.elapsed ? st.tr("on actuals") : st.tr("on forecast")),
             Cell::number(x.planned_payment, 0), Cell::number(x.due, 0)});
    d.section(st.trf("Gain-share loan {}:", l.id), std::move(t), st.trf("Gain-share loan {}", l.id));
    d.paragraph(st.trf("Forgiven: planned {}, now projected {}.", format_number(l.planned_forgiven, 0, loc),
                       format_number(l.forgiven_projected, 0, loc)));
  }
  if (!r.notes.empty()) {
    d.heading(st.tr("Notes:"), st.tr("Notes"));
    d.bullets(st.phrases(r.notes));
  }
  d.json = track_json(r);
  Table csv;
  for (const char* h : {"item", "kind", "unit", "year", "planned", "realised"}) csv.column(h);
  for (const auto& i : r.items)
    for (size_t t = 0; t < i.planned_by_year.size(); ++t)
      csv.row({Cell::of(i.id), Cell::of(i.kind), Cell::of(i.unit),
               Cell::of(std::to_string(r.elapsed_years[t])), Cell::number(i.planned_by_year[t], 0, ""),
               Cell::number(i.realised_by_year[t], 0, "")});
  d.csv.push_back(std::move(csv));
  return d;
}

namespace {

Json record_json(const TrackRecord& r) {
  Json j;
  j["path"] = r.path;
  j["status"] = r.status;
  if (r.result) {
    Json t = track_json(*r.result);
    for (auto it = t.begin(); it != t.end(); ++it) j[it.key()] = it.value();
  }
  j["error"] = text_or_null(r.error);
  j["sha256"] = text_or_null(r.sha256);
  return j;
}

std::string gates_summary(const TrackResult& t, const Style& st = Style{}) {
  int passed = 0, failed = 0;
  for (const auto& g : t.gates) {
    if (g.status == "passed") ++passed;
    if (g.status == "failed") ++failed;
  }
  return t.gates.empty() ? "" : st.trf("{} passed, {} failed", passed, failed);
}

// A record's status in the table: ok, invalid, error.
std::string track_status_word(const std::string& status, const Style& st) {
  if (status == "ok") return st.trc("track records", "ok");
  if (status == "invalid") return st.trc("track records", "invalid");
  if (status == "error") return st.trc("track records", "error");
  return status;
}

}  // namespace

TrackWriter::TrackWriter(Format f, const Style& st, Perspective perspective, bool brake_fails)
    : format_(f), loc_(st.locale), style_(st), brake_fails_(brake_fails) {
  provenance_.perspective = to_string(perspective);
  junit_.name = "track";
  table_.column(st.trc("track records", "Path"))
      .column(st.trc("track records", "Case"))
      .column(st.trc("track records", "Status"))
      .column(st.trc("track records", "As of"));
  table_.column(st.trc("track records", "Realisation"), Align::right)
      .column(st.trc("track records", "Cost ratio"), Align::right)
      .column(st.trc("track records", "Plan NPV"), Align::right)
      .column(st.trc("track records", "Forecast NPV"), Align::right);
  table_.column(st.trc("track records", "Brake")).column(st.trc("track records", "Gates"));
}

std::string TrackWriter::begin() const {
  if (format_ == Format::csv)
    return csv_row({"path", "case_id", "status", "as_of", "realisation", "cost_ratio", "plan_npv",
                    "forecast_npv", "realised_npv", "brake", "brake_reasons", "released", "error"},
                   csv_separator(loc_));
  if (format_ == Format::json) return "{\n  \"records\": [";
  return {};
}

std::string TrackWriter::add(const TrackRecord& r) {
  const bool was_first = first_;
  first_ = false;
  ++records_;
  if (r.status == "invalid") ++invalid_;
  if (r.status == "error") ++errors_;
  if (r.result && r.result->brake) ++brakes_;
  const TrackResult* t = r.result ? &*r.result : nullptr;
  switch (format_) {
    case Format::jsonl: return dump(record_json(r)) + "\n";
    case Format::csv:
      return csv_row({r.path, t ? t->case_id : "", r.status, t ? t->as_of : "",
                      exact_number(t ? t->realisation : std::nullopt, loc_),
                      exact_number(t ? t->cost_ratio : std::nullopt, loc_),
                      exact_number(t ? std::optional<double>(t->plan.npv) : std::nullopt, loc_),
                      exact_number(t ? std::optional<double>(t->forecast.npv) : std::nullopt, loc_),
                      exact_number(t ? std::optional<double>(t->realised_npv) : std::nullopt, loc_),
                      t ? (t->brake ? "true" : "false") : "",
                      t ? fmt::format("{}", fmt::join(texts(t->brake_reasons), "; ")) : "",
                      exact_number(t ? std::optional<double>(t->released) : std::nullopt, loc_), r.error},
                     csv_separator(loc_));
    case Format::junit: {
      // An invalid file fails at its first error (FILE:LINE:COLUMN: ...), a
      // file that cannot be evaluated is an error, and a brake signal fails
      // with --fail-on-brake (the exit code's rule); otherwise the brake,
      // failed gates and the ratios are the test case's output.
      JUnitCase c{r.path, "gevinst.track", {}, {}};
      if (r.status == "invalid")
        c.problems.push_back({JUnitProblem::Kind::failure, r.error, "invalid", ""});
      else if (!t)
        c.problems.push_back({JUnitProblem::Kind::error, r.error, r.status, ""});
      else {
        const std::string reasons = fmt::format("{}", fmt::join(texts(t->brake_reasons), "; "));
        if (t->brake && brake_fails_)
          c.problems.push_back({JUnitProblem::Kind::failure,
                                fmt::format("{}: brake signal: {}", r.path, reasons), "brake", ""});
        c.system_out = fmt::format("{}: realisation {}, cost ratio {}, forecast NPV {}; brake {}{}; gates {}",
                                   t->case_id, exact_number(t->realisation), exact_number(t->cost_ratio),
                                   exact_number(t->forecast.npv), t->brake ? "raised: " : "no", reasons,
                                   t->gates.empty() ? "none" : gates_summary(*t));
      }
      junit_.cases.push_back(std::move(c));
      return {};
    }
    case Format::json:
      provenance_.files.push_back({r.path, r.sha256});
      return std::string(was_first ? "\n    " : ",\n    ") + dump(record_json(r));
    default:
      table_.row({Cell::of(r.path), Cell::of(t ? t->case_id : "-"),
                  Cell::of(track_status_word(r.status, style_)), Cell::of(t ? t->as_of : ""),
                  Cell::number(t ? t->realisation : std::nullopt, 2),
                  Cell::number(t ? t->cost_ratio : std::nullopt, 2),
                  Cell::number(t ? std::optional<double>(t->plan.npv) : std::nullopt, 0),
                  Cell::number(t ? std::optional<double>(t->forecast.npv) : std::nullopt, 0),
                  t && t->brake ? Cell::emphasised(style_.trc("track records", "brake"))
                                : Cell::of(t ? style_.trc("track records", "no") : ""),
                  Cell::of(t ? gates_summary(*t, style_) : "")});
      if (!r.error.empty()) messages_.push_back(r.error);
      return {};
  }
}

std::string TrackWriter::end() const {
  const Json totals{{"files", records_},
                    {"ok", records_ - invalid_ - errors_},
                    {"invalid", invalid_},
                    {"error", errors_},
                    {"brake", brakes_}};
  if (format_ == Format::junit) return render_junit({"gevinst track", {junit_}});
  if (format_ == Format::json)
    return fmt::format("{}],\n  \"totals\": {},\n  \"provenance\": {}\n}}\n", first_ ? "" : "\n  ",
                       dump(totals), dump(provenance_json(provenance_)));
  if (format_ != Format::table && format_ != Format::md) return {};
  const int ok = records_ - invalid_ - errors_;
  const Style& st = style_;
  std::string summary;
  if (records_ == 1)
    summary = errors_ == 1 ? st.trf("{} actuals file: {} ok, {} invalid, {} error; brake signal on {}.",
                                    records_, ok, invalid_, errors_, brakes_)
                           : st.trf("{} actuals file: {} ok, {} invalid, {} errors; brake signal on {}.",
                                    records_, ok, invalid_, errors_, brakes_);
  else
    summary = errors_ == 1 ? st.trf("{} actuals files: {} ok, {} invalid, {} error; brake signal on {}.",
                                    records_, ok, invalid_, errors_, brakes_)
                           : st.trf("{} actuals files: {} ok, {} invalid, {} errors; brake signal on {}.",
                                    records_, ok, invalid_, errors_, brakes_);
  return render_records_end(table_, messages_, summary, format_, loc_);
}

}  // namespace gevinst::cli
