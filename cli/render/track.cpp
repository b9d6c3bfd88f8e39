#include "cli/render/track.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/render/render.h"

namespace gevinst::cli {

namespace {

Json gate_json(const GateOutcome& g) {
  Json reasons = Json::array();
  for (const auto& s : g.reasons) reasons.push_back(text_or_null(s));
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

std::string ratio_text(const std::optional<double>& v) { return v ? fmt::format("{:.2f}", *v) : "-"; }

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
  j["brake_reasons"] = r.brake_reasons;
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
  j["notes"] = r.notes;
  return j;
}

Document track_document(const TrackResult& r) {
  Document d;
  d.title = fmt::format("Follow-up of {} as of {}", r.case_id, r.as_of);
  d.paragraph(
      fmt::format("Plan: {}; actuals: {}{}; elapsed years: {}; forecast: {}; perspective: {}.", r.case_file,
                  r.file, r.source.empty() ? "" : fmt::format(" ({})", r.source),
                  r.elapsed_years.empty() ? "none" : fmt::format("{}", fmt::join(r.elapsed_years, ", ")),
                  to_string(r.forecast_method), to_string(r.perspective)));
  Facts f;
  f.rows.push_back({"Realisation (benefits realised / planned)", ratio_text(r.realisation)});
  f.rows.push_back({"Cost ratio (costs realised / planned)", ratio_text(r.cost_ratio)});
  f.rows.push_back({"Brake signal", r.brake ? "RAISED" : "no"});
  d.facts(std::move(f));

  Table m;
  m.column("").column("Plan", Align::right).column("Realised", Align::right).column("Forecast", Align::right);
  m.row({Cell::of(fmt::format("NPV ({})", r.currency)), Cell::number(r.plan.npv, 0),
         Cell::number(r.realised_npv, 0), Cell::number(r.forecast.npv, 0)});
  m.row({Cell::of("BCR"), Cell::number(r.plan.bcr, 2), Cell::of(""), Cell::number(r.forecast.bcr, 2)});
  if (r.plan.fte)
    m.row({Cell::of("FTE"), Cell::number(r.plan.fte, 1), Cell::of(""), Cell::number(r.forecast.fte, 1)});
  d.section("Plan, realised and forecast:", std::move(m), "Plan, realised and forecast");

  Table it;
  it.column("Item").column("Kind").column("Planned", Align::right).column("Realised", Align::right);
  it.column("Ratio", Align::right).column("Not reported");
  for (const auto& i : r.items) {
    const bool low = i.ratio && *i.ratio < r.brake_below && i.kind != "cost";
    it.row({Cell::of(i.id), Cell::of(i.unit == "money" ? i.kind : fmt::format("{} ({})", i.kind, i.unit)),
            Cell::number(i.planned, 0), Cell::number(i.realised, 0),
            low ? Cell::emphasised(ratio_text(i.ratio)) : Cell::number(i.ratio, 2),
            Cell::of(i.not_reported.empty() ? "" : fmt::format("{}", fmt::join(i.not_reported, ", ")))});
  }
  d.section("Items over the reported years:", std::move(it), "Items");

  Table y;
  y.column("Year").column("").column("Planned costs", Align::right).column("Costs", Align::right);
  y.column("Planned benefits", Align::right)
      .column("Benefits", Align::right)
      .column("Realisation", Align::right);
  for (const auto& x : r.years)
    y.row({Cell::of(std::to_string(x.year)), Cell::of(x.elapsed ? "realised" : "forecast"),
           Cell::number(x.planned_costs, 0), Cell::number(x.costs, 0), Cell::number(x.planned_benefits, 0),
           Cell::number(x.benefits, 0), Cell::number(x.realisation, 2, "")});
  d.section("Years:", std::move(y), "Years");

  if (r.brake) {
    d.heading("Brake signal: review or stop the solution", "Brake signal");
    d.bullets(r.brake_reasons);
  }
  if (!r.gates.empty()) {
    Table g;
    g.column("Gate").column("After", Align::right).column("Status").column("Released", Align::right);
    g.column("Failed criteria");
    for (const auto& x : r.gates) {
      std::vector<std::string> failed;
      for (size_t k = 0; k < x.failed_criteria.size(); ++k)
        failed.push_back(x.reasons[k].empty() ? x.failed_criteria[k]
                                              : fmt::format("{} ({})", x.failed_criteria[k], x.reasons[k]));
      g.row({Cell::of(x.id), Cell::of(std::to_string(x.after)),
             x.status == "failed" ? Cell::emphasised(x.status) : Cell::of(x.status),
             Cell::number(x.released, 0), Cell::of(fmt::format("{}", fmt::join(failed, "; ")))});
    }
    d.section("Stage gates:", std::move(g), "Stage gates");
    d.paragraph(fmt::format("Released over passed gates: {} {}.",
                            format_number(r.released, 0, NumberLocale::en), r.currency));
  }
  for (const auto& l : r.loans) {
    Table t;
    t.column("Year").column("").column("Planned payment", Align::right).column("Due", Align::right);
    for (const auto& x : l.years)
      t.row({Cell::of(std::to_string(x.year)), Cell::of(x.elapsed ? "on actuals" : "on forecast"),
             Cell::number(x.planned_payment, 0), Cell::number(x.due, 0)});
    d.section(fmt::format("Gain-share loan {}:", l.id), std::move(t),
              fmt::format("Gain-share loan {}", l.id));
    d.paragraph(fmt::format("Forgiven: planned {}, now projected {}.",
                            format_number(l.planned_forgiven, 0, NumberLocale::en),
                            format_number(l.forgiven_projected, 0, NumberLocale::en)));
  }
  if (!r.notes.empty()) {
    d.heading("Notes:", "Notes");
    d.bullets(r.notes);
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

std::string gates_summary(const TrackResult& t) {
  int passed = 0, failed = 0;
  for (const auto& g : t.gates) {
    if (g.status == "passed") ++passed;
    if (g.status == "failed") ++failed;
  }
  return t.gates.empty() ? "" : fmt::format("{} passed, {} failed", passed, failed);
}

}  // namespace

TrackWriter::TrackWriter(Format f, NumberLocale loc, Perspective perspective) : format_(f), loc_(loc) {
  provenance_.perspective = to_string(perspective);
  table_.column("Path").column("Case").column("Status").column("As of");
  for (const char* h : {"Realisation", "Cost ratio", "Plan NPV", "Forecast NPV"})
    table_.column(h, Align::right);
  table_.column("Brake").column("Gates");
}

std::string TrackWriter::begin() const {
  if (format_ == Format::csv)
    return csv_row({"path", "case_id", "status", "as_of", "realisation", "cost_ratio", "plan_npv",
                    "forecast_npv", "realised_npv", "brake", "brake_reasons", "released", "error"});
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
                      exact_number(t ? t->realisation : std::nullopt),
                      exact_number(t ? t->cost_ratio : std::nullopt),
                      exact_number(t ? std::optional<double>(t->plan.npv) : std::nullopt),
                      exact_number(t ? std::optional<double>(t->forecast.npv) : std::nullopt),
                      exact_number(t ? std::optional<double>(t->realised_npv) : std::nullopt),
                      t ? (t->brake ? "true" : "false") : "",
                      t ? fmt::format("{}", fmt::join(t->brake_reasons, "; ")) : "",
                      exact_number(t ? std::optional<double>(t->released) : std::nullopt), r.error});
    case Format::json:
      provenance_.files.push_back({r.path, r.sha256});
      return std::string(was_first ? "\n    " : ",\n    ") + dump(record_json(r));
    default:
      table_.row({Cell::of(r.path), Cell::of(t ? t->case_id : "-"), Cell::of(r.status),
                  Cell::of(t ? t->as_of : ""), Cell::number(t ? t->realisation : std::nullopt, 2),
                  Cell::number(t ? t->cost_ratio : std::nullopt, 2),
                  Cell::number(t ? std::optional<double>(t->plan.npv) : std::nullopt, 0),
                  Cell::number(t ? std::optional<double>(t->forecast.npv) : std::nullopt, 0),
                  t && t->brake ? Cell::emphasised("brake") : Cell::of(t ? "no" : ""),
                  Cell::of(t ? gates_summary(*t) : "")});
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
  if (format_ == Format::json)
    return fmt::format("{}],\n  \"totals\": {},\n  \"provenance\": {}\n}}\n", first_ ? "" : "\n  ",
                       dump(totals), dump(provenance_json(provenance_)));
  if (format_ != Format::table && format_ != Format::md) return {};
  Document d;
  d.table(table_);
  if (!messages_.empty()) {
    d.gap();
    if (format_ == Format::md)
      d.bullets(messages_);
    else
      for (const auto& e : messages_) d.line(e);
    d.gap();
  }
  d.paragraph(fmt::format("{} actuals file{}: {} ok, {} invalid, {} error{}; brake signal on {}.", records_,
                          records_ == 1 ? "" : "s", records_ - invalid_ - errors_, invalid_, errors_,
                          errors_ == 1 ? "" : "s", brakes_));
  return render(d, format_, loc_);
}

}  // namespace gevinst::cli
