#include "cli/render/diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gevinst::cli {

namespace {

// Values in tables are cut to this many characters (JSON has them whole).
constexpr size_t kShownValue = 48;

std::string shorten(const std::optional<std::string>& v) {
  if (!v) return "—";
  std::string s = printable(*v);
  if (display_width(s) <= kShownValue) return s;
  size_t cut = 0, width = 0;
  while (cut < s.size() && width < kShownValue - 1) {
    ++cut;
    while (cut < s.size() && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) ++cut;
    ++width;
  }
  return s.substr(0, cut) + "…";
}

bool is_money(const std::string& name) {
  return name.starts_with("npv.") || name.starts_with("loans.") || name.starts_with("grants.");
}

Cell value_cell(const std::string& name, const std::optional<double>& v) {
  if (name == "irr") return Cell::percent(v, 1, "none");
  if (is_money(name)) return Cell::number(v, 0, "none");
  return Cell::number(v, 2, "none");
}

Json value_pair(const ResultChange& r) {
  return {{"old", num(r.old_value)}, {"new", num(r.new_value)}, {"change", num(r.change())}};
}

Json text_json(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }

std::string input_label(const InputChange& in) {
  std::string s = in.path;
  if (!in.item.empty()) s += fmt::format(" ({})", in.item);
  if (in.kind != InputChange::Kind::changed) s += fmt::format(", {}", to_string(in.kind));
  return s;
}

Json diff_json(const CaseDiff& d) {
  Json j;
  j["old"] = d.old_file;
  j["new"] = d.new_file;
  j["perspective"] = to_string(d.perspective);
  j["currency"] = d.currency;
  Json inputs = Json::array();
  for (const auto& in : d.inputs)
    inputs.push_back({{"path", in.path},
                      {"old", text_json(in.old_value)},
                      {"new", text_json(in.new_value)},
                      {"kind", to_string(in.kind)},
                      {"item", text_or_null(in.item)},
                      {"structural", in.structural},
                      {"descriptive", in.descriptive}});
  j["inputs"] = std::move(inputs);
  Json results;
  results["npv"] = {{"old", num(d.npv_old)}, {"new", num(d.npv_new)}, {"change", num(d.npv_change())}};
  Json by_perspective, loans, grants;
  for (const auto& r : d.results) {
    if (r.name.starts_with("npv."))
      by_perspective[r.name.substr(4)] = value_pair(r);
    else if (r.name.starts_with("loans."))
      loans[r.name.substr(6)] = value_pair(r);
    else if (r.name.starts_with("grants."))
      grants[r.name.substr(7)] = value_pair(r);
    else
      results[r.name] = value_pair(r);
  }
  results["npv_by_perspective"] = std::move(by_perspective);
  results["loans"] = std::move(loans);
  results["grants"] = std::move(grants);
  j["results"] = std::move(results);
  j["method"] = to_string(d.method);
  Json attribution = Json::array();
  for (const auto& a : d.attribution) {
    Json paths = Json::array();
    for (size_t i : a.changes) paths.push_back(d.inputs[i].path);
    attribution.push_back(
        {{"input", a.input}, {"npv_change", num(a.npv_change)}, {"paths", std::move(paths)}});
  }
  j["attribution"] = std::move(attribution);
  j["notes"] = d.notes;
  return j;
}

struct DiffBuilder {
  const CaseDiff& d;
  NumberLocale loc;

  std::string money(double v) const { return fmt::format("{} {}", format_number(v, 0, loc), d.currency); }
  std::string signed_money(double v) const {
    std::string s = money(v);
    return v > 0 && format_number(v, 0, loc) != "0" ? "+" + s : s;
  }

  Facts headline() const {
    Facts f;
    f.value_align = Align::left;
    f.value_header = "Value";
    f.rows.push_back({fmt::format("NPV ({})", to_string(d.perspective)),
                      fmt::format("{} → {}", money(d.npv_old), money(d.npv_new))});
    f.rows.push_back({"Change", signed_money(d.npv_change())});
    size_t attributed = 0, text_only = 0;
    for (const auto& in : d.inputs) (in.descriptive ? text_only : attributed) += 1;
    f.rows.push_back({"Inputs changed", text_only
                                            ? fmt::format("{} (and {} text only)", attributed, text_only)
                                            : std::to_string(attributed)});
    return f;
  }

  // Largest effect first, so the reader sees what matters; ties in file order.
  Table attribution() const {
    Table t;
    t.column("Input").column("Old").column("New").column(fmt::format("NPV change ({})", d.currency),
                                                         Align::right);
    std::vector<size_t> order(d.attribution.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return std::fabs(d.attribution[a].npv_change) > std::fabs(d.attribution[b].npv_change);
    });
    for (size_t k : order) {
      const Attribution& a = d.attribution[k];
      for (size_t n = 0; n < a.changes.size(); ++n) {
        const InputChange& in = d.inputs[a.changes[n]];
        t.row({Cell::of(input_label(in)), Cell::of(shorten(in.old_value)), Cell::of(shorten(in.new_value)),
               n == 0 ? Cell::number(a.npv_change, 0) : Cell::of("(together)")});
      }
    }
    t.row({Cell::emphasised("Total"), Cell::of(""), Cell::of(""), Cell::number(d.npv_change(), 0)});
    return t;
  }

  Table results() const {
    Table t;
    t.column("Result").column("Old", Align::right).column("New", Align::right).column("Change", Align::right);
    for (const auto& r : d.results) {
      if (!r.changed()) continue;
      t.row({Cell::of(diff_result_label(r.name)), value_cell(r.name, r.old_value),
             value_cell(r.name, r.new_value), value_cell(r.name, r.change())});
    }
    return t;
  }

  Table text_changes() const {
    Table t;
    t.column("Input").column("Old").column("New");
    for (const auto& in : d.inputs)
      if (in.descriptive)
        t.row({Cell::of(input_label(in)), Cell::of(shorten(in.old_value)), Cell::of(shorten(in.new_value))});
    return t;
  }

  std::string method() const {
    switch (d.method) {
      case CaseDiff::Method::shapley:
        return "Each input's share is its Shapley value: its effect averaged over every order of applying "
               "the "
               "changes; the shares add up to the change.";
      case CaseDiff::Method::sequential:
        return "Each input's share is the change from applying it after the inputs before it in the file; "
               "the "
               "shares add up to the change.";
      case CaseDiff::Method::whole:
      case CaseDiff::Method::none: break;
    }
    return {};
  }

  Document document() const {
    Document doc;
    doc.title = fmt::format("Case diff: {} → {}", d.old_file, d.new_file);
    doc.facts(headline());
    if (d.inputs.empty()) {
      doc.paragraph("No changes: the two versions mean the same.");
    } else {
      if (!d.attribution.empty()) {
        doc.heading("Why the NPV changed", "NPV change by input");
        doc.table(attribution());
        if (std::string m = method(); !m.empty()) doc.paragraph(m);
      }
      doc.section("Results that changed", results());
      doc.section("Text only (not attributed)", text_changes());
      doc.section("Notes", d.notes);
    }
    doc.json = diff_json(d);
    Table csv;
    csv.column("input").column("old").column("new").column("kind").column("npv_change");
    for (const auto& a : d.attribution)
      for (size_t n = 0; n < a.changes.size(); ++n) {
        const InputChange& in = d.inputs[a.changes[n]];
        csv.row({Cell::of(in.path), Cell::of(in.old_value.value_or("")), Cell::of(in.new_value.value_or("")),
                 Cell::of(to_string(in.kind)), n == 0 ? Cell::number(a.npv_change) : Cell::of("")});
      }
    doc.csv.push_back(std::move(csv));
    return doc;
  }
};

}  // namespace

std::string diff_result_label(const std::string& name) {
  if (name.starts_with("npv.")) return "NPV, " + name.substr(4);
  if (name == "bcr") return "Benefit-cost ratio";
  if (name == "irr") return "IRR";
  if (name == "payback_years") return "Payback (years)";
  if (name == "discounted_payback_years") return "Discounted payback (years)";
  if (name == "fte") return "FTE freed at full effect";
  if (name == "sroi_ratio") return "SROI ratio";
  if (name == "loans.paid") return "Loans: paid";
  if (name == "loans.interest") return "Loans: interest";
  if (name == "loans.forgiven") return "Loans: forgiven";
  if (name == "grants.total") return "Grants: total";
  return name;
}

Document diff_document(const CaseDiff& d, NumberLocale loc) { return DiffBuilder{d, loc}.document(); }

}  // namespace gevinst::cli
