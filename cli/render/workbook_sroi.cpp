// The SROI sheet (docs/case-format.md, "SROI"): the impact chain of each
// outcome as formulas over the parameters,
//   first-year impact = quantity x proxy x (1 - deadweight) x (1 - attribution) x (1 - displacement)
//   impact(k) = first-year impact x (1 - drop_off)^k,  k = year - start, 0 <= k < duration
//   PV = impact x DF(year)   (first_year: discounted: x DF(year + 1))
// and ratio = PV of outcomes / investment (auto: the PV of the case's costs
// on the business case sheet).
#include <fmt/format.h>

#include "cli/render/workbook_book.h"
#include "cli/render/xlsx_formula.h"
#include "libeval/parameters.h"

namespace gevinst::cli::wb {

namespace {

const Outcome& outcome_of(const Case& c, const std::string& id) {
  for (const Outcome& o : c.sroi.outcomes)
    if (o.id == id) return o;
  return c.sroi.outcomes.front();
}

}  // namespace

void write_sroi(Book& b) {
  if (!b.d->sroi || !b.sroi) return;
  lxw_worksheet* ws = b.sroi;
  const Case& c = *b.c;
  const SroiResult& r = *b.d->sroi;
  const Style& st = b.st;
  const int last = kFirstYearCol + b.horizon() - 1;
  text(ws, 0, 0, st.trf("SROI: {}", c.info.title.empty() ? c.info.id : c.info.title), b.f.title);
  // The guide's title is a publication's name: English in every language.
  text(ws, 1, 0,
       st.trf(
           "Following {} (Cabinet Office / SROI Network, 2012): impact = quantity x proxy x (1 - deadweight) "
           "x (1 - attribution) x (1 - displacement) x (1 - drop-off)^k.",
           "\"A guide to Social Return on Investment\""),
       b.f.note);
  year_header(b, ws, kYearRow, st.tr("Outcome"));
  text(ws, kYearRow, kIdCol, "id", b.f.header);  // the case file's key
  text(ws, kYearRow, kKindCol, st.tr("Stakeholder"), b.f.header);
  text(ws, kYearRow, kPartyCol, st.tr("Indicator"), b.f.header);
  text(ws, kYearRow, kSourceCol, st.tr("In the case file"), b.f.header);
  text(ws, kYearRow, kPvCol, st.tr("Input / total"), b.f.header);

  int row = kIndexRow + 2;
  std::vector<int> first_rows, impact_rows, pv_rows;
  for (const OutcomeResult& out : r.outcomes) {
    const Outcome& o = outcome_of(c, out.id);
    text(ws, row, kLabelCol, out.id, b.f.heading);
    text(ws, row, kIdCol, out.id);
    text(ws, row, kKindCol, out.stakeholder);
    text(ws, row, kPartyCol, out.indicator);
    text(ws, row, kSourceCol, out.proxy_source);
    ++row;
    auto input = [&](const std::string& label, const Number& n, double v, lxw_format* fmt) {
      text(ws, row, kLabelCol, "  " + label);
      text(ws, row, kSourceCol, n.present ? n.text : st.trf("default {}", 0));
      put(b, ws, row, kPvCol, n.present ? formula(b, n) : std::optional<std::string>("0"), v, fmt);
      return cell(row++, kPvCol, true);
    };
    const std::string q = input(st.tr("Quantity per year"), o.quantity, out.quantity, b.f.number);
    const std::string p = input(st.tr("Financial proxy"), o.proxy, out.proxy, b.f.money);
    const std::string dw = input(st.tr("Deadweight"), o.deadweight, out.deadweight, b.f.share);
    const std::string at = input(st.tr("Attribution"), o.attribution, out.attribution, b.f.share);
    const std::string di = input(st.tr("Displacement"), o.displacement, out.displacement, b.f.share);
    const std::string dr = input(st.tr("Drop-off per year"), o.drop_off, out.drop_off, b.f.share);
    text(ws, row, kLabelCol, "  " + st.tr("First-year impact"));
    text(ws, row, kSourceCol, st.trf("years {}-{}", out.start, out.start + out.duration - 1));
    put(b, ws, row, kPvCol, fmt::format("{}*{}*(1-{})*(1-{})*(1-{})", q, p, dw, at, di),
        out.first_year_impact, b.f.money);
    const std::string first = cell(row, kPvCol, true);
    first_rows.push_back(row++);
    const int fade_row = row++, impact_row = row++, pv_row = row++;
    text(ws, fade_row, kLabelCol, "  " + st.tr("Drop-off factor (1 - drop-off)^k"));
    text(ws, impact_row, kLabelCol, "  " + st.tr("Impact"));
    text(ws, pv_row, kLabelCol, "  " + st.tr("PV of impact"));
    double fade = 1.0;
    for (int t = 0; t < b.horizon(); ++t) {
      const int col = kFirstYearCol + t;
      const int k = c.assumptions.start_year + t - out.start;
      const bool in = k >= 0 && k < out.duration;
      put(b, ws, fade_row, col,
          !in      ? "0"
          : k == 0 ? "1"
                   : cell(fade_row, col - 1) + "*(1-" + dr + ")",
          in ? fade : 0.0, b.f.factor);
      if (in) fade *= 1 - out.drop_off;
      put(b, ws, impact_row, col, in ? first + "*" + cell(fade_row, col) : "0",
          out.impact[static_cast<size_t>(t)], b.f.money);
      // DF(t), or DF(t + 1) with first_year: discounted (docs/case-format.md, "First year").
      const int df_year = c.assumptions.start_year + t + (c.sroi.first_year_discounted ? 1 : 0);
      put(b, ws, pv_row, col, cell(impact_row, col) + "*" + df_formula(b, df_year),
          out.pv[static_cast<size_t>(t)], b.f.money);
    }
    double impact_sum = 0;
    for (double v : out.impact) impact_sum += v;
    put(b, ws, impact_row, kPvCol, "SUM(" + range(impact_row, kFirstYearCol, last) + ")", impact_sum,
        b.f.money);
    put(b, ws, pv_row, kPvCol, "SUM(" + range(pv_row, kFirstYearCol, last) + ")", out.pv_value, b.f.money);
    impact_rows.push_back(impact_row);
    pv_rows.push_back(pv_row);
    row += 1;
  }

  text(ws, row++, kLabelCol, st.tr("Totals"), b.f.heading);
  auto sum_rows = [&](const std::vector<int>& rows, int col) {
    std::string f;
    for (int x : rows) add_term(f, cell(x, col), '+');
    return f.empty() ? std::string("0") : f;
  };
  text(ws, row, kLabelCol, st.tr("Impact"));
  for (int t = 0; t < b.horizon(); ++t)
    put(b, ws, row, kFirstYearCol + t, sum_rows(impact_rows, kFirstYearCol + t),
        r.impact_by_year[static_cast<size_t>(t)], b.f.money);
  ++row;
  text(ws, row, kLabelCol, st.tr("PV of impact"));
  for (int t = 0; t < b.horizon(); ++t)
    put(b, ws, row, kFirstYearCol + t, sum_rows(pv_rows, kFirstYearCol + t),
        r.pv_by_year[static_cast<size_t>(t)], b.f.money);
  ++row;
  auto fact = [&](const std::string& key, const std::string& label, const std::string& f, double v,
                  lxw_format* fmt) {
    text(ws, row, kLabelCol, label);
    put(b, ws, row, kPvCol, f, v, fmt);
    b.summary_cell[key] = ref(b.sheet.sroi, row, kPvCol);
    return cell(row++, kPvCol, true);
  };
  const std::string pv =
      fact("sroi.pv_value", st.tr("PV of outcomes"), sum_rows(pv_rows, kPvCol), r.pv_value, b.f.money);
  std::string inv_formula;
  if (c.sroi.investment) {
    auto f = formula(b, *c.sroi.investment);
    inv_formula = f.value_or("");
    text(ws, row, kSourceCol, st.trf("investment {} (a present value)", c.sroi.investment->text));
  } else {
    inv_formula = ref(b.sheet.flows, b.flows.costs, kPvCol, true);
    text(ws, row, kSourceCol, st.trf("auto: the PV of all costs ({} sheet)", b.sheet.flows));
  }
  const std::string inv = fact("sroi.investment", st.tr("Investment"), inv_formula, r.investment, b.f.money);
  fact("sroi.ratio", st.tr("SROI ratio = PV of outcomes / investment"), pv + "/" + inv, r.ratio, b.f.number);
  fact("sroi.net_ratio", st.tr("Net SROI ratio = (PV - investment) / investment"),
       "(" + pv + "-" + inv + ")/" + inv, r.net_ratio, b.f.number);
  const std::string y1 = fact("sroi.first_year_impact", st.tr("First-year impact Y1"),
                              sum_rows(first_rows, kPvCol), r.first_year_impact, b.f.money);
  if (r.payback_months)
    fact("sroi.payback_months", st.tr("Payback in months = investment / (Y1 / 12)"), inv + "/(" + y1 + "/12)",
         *r.payback_months, b.f.number);
  worksheet_set_column(ws, kLabelCol, kLabelCol, 44, nullptr);
  worksheet_set_column(ws, kIdCol, kPartyCol, 16, nullptr);
  worksheet_set_column(ws, kSourceCol, kSourceCol, 30, nullptr);
  worksheet_set_column(ws, kPvCol, last, 12, nullptr);
  worksheet_freeze_panes(ws, kIndexRow + 1, kPvCol + 1);
}

}  // namespace gevinst::cli::wb
