#include "cli/render/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cli/render/business_case.h"
#include "cli/render/capacity.h"
#include "cli/render/report_charts.h"
#include "cli/render/sensitivity.h"
#include "cli/render/simulate.h"
#include "cli/render/sroi.h"

namespace gevinst::cli {

void append_part(Document& d, const std::string& title, const Document& part) {
  d.heading(title);
  for (Block b : part.blocks) {
    if (b.kind == Block::Kind::heading) b.level = std::min(b.level + 1, 4);
    d.blocks.push_back(std::move(b));
  }
}

namespace {

// A parameter's value as a reader expects it: up to 4 decimals, no trailing zeros.
std::string plain_number(double v, const Style& st) {
  int decimals = 0;
  for (double scaled = std::fabs(v); decimals < 4 && std::fabs(scaled - std::round(scaled)) > 1e-9;
       ++decimals)
    scaled *= 10;
  return st.number(v, decimals);
}

// A low or high value as the case file writes it; a number in the style's
// locale where that is not English, with the decimals the file gives
// ("0.10" -> "0,10", "4000" -> "4.000"). An expression stays as written.
std::string range_end(const Number& n, const Style& st) {
  if (st.locale == NumberLocale::en || !n.program.is_constant()) return n.text;
  const std::string& t = n.text;
  const size_t digits = t.find_first_not_of("0123456789", t.starts_with('-') ? 1 : 0);
  if (digits == std::string::npos) return st.number(n.program.constant_value(), 0);
  if (t[digits] == '.' && t.find_first_not_of("0123456789", digits + 1) == std::string::npos)
    return st.number(n.program.constant_value(), static_cast<int>(t.size() - digits - 1));
  return plain_number(n.program.constant_value(), st);
}

Table parameters_table(const Case& c, const std::vector<double>& values, const Style& st) {
  Table t;
  t.column(st.tr("Parameter"))
      .column(st.tr("Value"), Align::right)
      .column(st.tr("Unit"))
      .column(st.tr("Range"))
      .column(st.tr("Distribution"))
      .column(st.tr("Source"));
  for (size_t i = 0; i < c.parameters.size(); ++i) {
    const Parameter& p = c.parameters[i];
    std::string range;
    if (p.low || p.high)
      range =
          fmt::format("{} – {}", p.low ? range_end(*p.low, st) : "", p.high ? range_end(*p.high, st) : "");
    std::string name = p.label.empty() ? p.name : fmt::format("{} ({})", p.label, p.name);
    t.row({Cell::of(std::move(name)), Cell::of(i < values.size() ? plain_number(values[i], st) : "-"),
           Cell::of(p.unit), Cell::of(std::move(range)), Cell::of(p.dist ? st.tr("yes") : ""),
           Cell::of(p.source.empty() ? st.tr("(no source given)") : p.source)});
  }
  return t;
}

// Each lint warning as "FILE:LINE: PATH: MESSAGE (HINT)", its message and
// hint in the style's language when the library gave them as phrases.
std::vector<std::string> warning_lines(const std::vector<Diagnostic>& warnings, const Style& st) {
  std::vector<std::string> out;
  for (const auto& d : warnings) {
    std::string where = d.loc.line > 0 ? fmt::format("{}:{}", d.file, d.loc.line) : d.file;
    std::string path = d.yaml_path.empty() ? "" : d.yaml_path + ": ";
    std::string message = d.message_phrase.pattern.empty() ? d.message : st.phrase(d.message_phrase);
    std::string hint = d.hint_phrase.pattern.empty() ? d.hint : st.phrase(d.hint_phrase);
    out.push_back(fmt::format("{}: {}{}{}", where, path, message, hint.empty() ? "" : " (" + hint + ")"));
  }
  return out;
}

// Puts `c` first in `part`.
void lead_with(Document& part, Chart c) {
  Block b;
  b.kind = Block::Kind::chart;
  b.chart = std::move(c);
  part.blocks.insert(part.blocks.begin(), std::move(b));
}

// The simulation's part without its text histogram: the report draws it.
Document without_text_charts(Document d) {
  std::erase_if(d.blocks, [](const Block& b) { return b.kind == Block::Kind::bars; });
  return d;
}

}  // namespace

std::string plain_reading(const BusinessCase& bc, const Style& st) {
  const Metrics& m = bc.selected();
  const std::string who = perspective_label(bc.perspective, st);
  // Sentences joined by spaces (appended, not concatenated: GCC 12 warns
  // falsely on " " + std::string).
  std::string s;
  auto add = [&s](const std::string& sentence) {
    if (!s.empty()) s += ' ';
    s += sentence;
  };
  add(st.trf(
      "Over the {} years {}–{}, the case costs {} and returns {} in present value: a net present value of {} "
      "from the {} perspective.",
      bc.horizon, bc.start_year, bc.start_year + bc.horizon - 1, st.money(m.pv_costs, bc.currency),
      st.money(m.pv_benefits, bc.currency), st.money(m.npv, bc.currency), who));
  if (m.bcr) add(st.trf("Each {} of cost returns {} in benefits.", bc.currency, st.number(*m.bcr, 2)));
  if (m.payback_year)
    add(st.trf("It pays back in {}, after {} years.", *m.payback_year,
               st.number(m.payback_years.value_or(0), 1)));
  else
    add(st.tr("It does not pay back within the horizon."));
  add((m.npv >= 0 ? st.tr("On these numbers the case is worth doing.")
                  : st.tr("On these numbers the case does not pay for itself.")));
  const Metrics& budget = bc.perspectives[0];
  if (bc.perspective != Perspective::budget && (budget.npv >= 0) != (m.npv >= 0))
    add(st.trf("In cash alone (the budget perspective) the NPV is {}.", st.money(budget.npv, bc.currency)));
  return s;
}

Facts provenance_facts(const Provenance& p, const Style& st) {
  Facts f;
  f.value_header = st.tr("Value");
  f.value_align = Align::left;
  f.rows.emplace_back(st.tr("Tool version"), std::string("gevinst ") + tool_version());
  for (const auto& file : p.files) f.rows.emplace_back(st.tr("File"), file.path + "  SHA-256 " + file.sha256);
  if (p.perspective) f.rows.emplace_back(st.tr("Perspective"), *p.perspective);
  f.rows.emplace_back(st.tr("Scenario"), p.scenario.empty() ? st.tr("base case") : p.scenario);
  f.rows.emplace_back(st.tr("Overrides (--set)"),
                      p.overrides.empty() ? st.tr("none") : fmt::format("{}", fmt::join(p.overrides, ", ")));
  if (p.seed) f.rows.emplace_back(st.tr("Seed"), std::to_string(*p.seed));
  return f;
}

Document case_report(const CaseReportInputs& in, const Provenance& p, const Style& st) {
  const BusinessCase& bc = in.business_case;
  const std::string& cur = bc.currency;
  const BusinessCaseTables t = business_case_tables(bc, st);
  Document d;
  d.title = fmt::format("{} ({})", bc.title.empty() ? bc.case_id : bc.title, bc.case_id);
  d.paragraph(st.trf("{} {}, {}–{}; perspective {}; discounting {}{}", cur, bc.start_year, bc.start_year,
                     bc.start_year + bc.horizon - 1, perspective_label(bc.perspective, st),
                     describe_discounting(bc.discounting, bc.timing, st),
                     bc.scenario.empty() ? "" : st.trf("; scenario {}", bc.scenario)));

  d.heading(st.tr("Decision summary"));
  d.paragraph(plain_reading(bc, st));
  d.table(t.headline);

  d.heading(st.trf("Costs and benefits per year ({})", cur));
  d.chart(cash_flow_chart(bc, st));
  d.table(t.years);

  if (!bc.parties.empty()) {
    d.heading(st.tr("Who pays and who gains"));
    d.chart(parties_chart(bc, st));
    d.table(t.parties);
    d.table(t.party_years);
  }
  if (in.capacity) {
    Document part = capacity_document(*in.capacity, st);
    lead_with(part, capacity_chart(*in.capacity, st));
    append_part(d, st.tr("Capacity release"), part);
  }
  if (in.sroi) {
    Document part = sroi_document(*in.sroi, st);
    lead_with(part, sroi_chart(*in.sroi, st));
    append_part(d, st.tr("Social return on investment (SROI)"), part);
  }
  if (in.financing) {
    Document part = repay_document(*in.financing, st, false);
    if (!in.financing->financing.loans.empty()) {
      lead_with(part, financing_chart(*in.financing, st));
    }
    append_part(d, st.tr("Financing"), part);
  }
  if (in.sensitivity) {
    Document part = sensitivity_document(*in.sensitivity, bc.perspective, st);
    lead_with(part, tornado_chart(*in.sensitivity, cur, st));
    append_part(d, st.tr("Sensitivity and break-even values"), part);
  }
  if (in.simulation) {
    Document part = without_text_charts(simulation_document(*in.simulation, st));
    lead_with(part, histogram_chart(*in.simulation, cur, st));
    append_part(d, st.tr("Simulation"), part);
  }
  if (in.model) {
    d.heading(st.tr("Parameters"));
    d.table(parameters_table(*in.model, bc.params, st));
  }
  d.section(st.tr("Notes"), st.phrases(bc.notes));
  d.section(st.tr("Warnings"), warning_lines(in.warnings, st));
  d.heading(st.tr("Provenance"));
  d.facts(provenance_facts(p, st));
  return d;
}

}  // namespace gevinst::cli
