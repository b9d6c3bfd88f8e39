// The business case sheet: discount factors, every cost and benefit per year
// as a formula over the parameters (docs/case-format.md, "Costs and
// benefits", "Realisation profiles", "Discounting", "Timing"), totals by
// kind and, per perspective, the benefits counted, the net and its PV: NPV,
// PV of costs and PV of benefits are the sheet's own SUMPRODUCTs.
#include <fmt/format.h>

#include <cmath>

#include "cli/render/business_case.h"
#include "cli/render/workbook_book.h"
#include "cli/render/xlsx_formula.h"
#include "libeval/flows.h"
#include "libeval/parameters.h"

namespace gevinst::cli::wb {

namespace {

// The share of `p` in `year` as a factor "*share", "" when it is exactly 1,
// nullopt when it is 0 (the value is then 0 that year).
std::optional<std::string> share_factor(const Book& b, const Profile& p, int year) {
  const std::string s = share_formula(b, p, year);
  if (s == "0") return std::nullopt;
  if (s == "1") return std::string();
  return std::string("*").append(grouped(s));
}

// The formula of item `f` in `year`: value(y) = base x (1 + growth)^(y - from) x share(y),
// amount x share(year) or amounts[y] x share(y). nullopt: 0 that year.
std::optional<std::string> item_formula(const Book& b, const FlowItem& f, int year, bool* as_value) {
  const Number* base = nullptr;
  std::string growth;
  switch (f.form) {
    case FlowItem::Form::amount:
      if (year == f.year) base = &f.amount;
      break;
    case FlowItem::Form::per_year:
      if (year >= f.from && year <= f.to) {
        base = &f.amount;
        if (f.growth.present) {
          auto g = formula(b, f.growth);
          if (!g) *as_value = true;
          growth = "*POWER(1+" + grouped(g.value_or("0")) + "," + std::to_string(year - f.from) + ")";
        }
      }
      break;
    case FlowItem::Form::amounts:
      for (const auto& [y, v] : f.amounts)
        if (y == year) base = &v;
      break;
  }
  if (!base) return std::nullopt;
  const auto share = share_factor(b, f.profile, year);
  if (!share) return std::nullopt;
  const auto fb = formula(b, *base);
  if (!fb) *as_value = true;
  // An item's own price_year: x index(case price_year) / index(item price_year)
  // (docs/case-format.md, "Prices").
  std::string price;
  if (f.price_factor != 1) price = fmt::format("*{}", formula_number(f.price_factor));
  if (growth.empty() && share->empty() && price.empty()) return fb.value_or("0");
  return grouped(fb.value_or("0")) + growth + *share + price;
}

// The item as the case file writes it: its keys (amount, per_year, growth,
// amounts) stay as written, the words between them are translated.
std::string form_basis(const FlowItem& f, const Style& st) {
  switch (f.form) {
    case FlowItem::Form::amount: return st.trf("amount {} in {}", f.amount.text, f.year);
    case FlowItem::Form::per_year:
      return "per_year " + f.amount.text + ", " + std::to_string(f.from) + "-" + std::to_string(f.to) +
             (f.growth.present ? ", growth " + f.growth.text : "");
    case FlowItem::Form::amounts: return st.tr("amounts by year");
  }
  return {};
}

std::string item_basis(const FlowItem& f, const Style& st) {
  std::string s = form_basis(f, st);
  if (f.price_factor != 1) s += st.trf(", {} prices x {:.6g}", f.price_year, f.price_factor);
  return s;
}

double pv_of(const std::vector<double>& df, const std::vector<double>& v) {
  double s = 0;
  for (size_t t = 0; t < df.size() && t < v.size(); ++t) s += df[t] * v[t];
  return s;
}

struct Writer {
  Book& b;
  lxw_worksheet* ws;
  int last = 0;  // last year column

  std::string sumproduct(int row) const {
    return "SUMPRODUCT(" + range(kDfRow, kFirstYearCol, last, true) + "," + range(row, kFirstYearCol, last) +
           ")";
  }

  // A row of yearly formulas f(t) with cached values v, and its PV.
  template <class F>
  void yearly(int row, const std::vector<double>& v, F f, lxw_format* fmt) {
    for (int t = 0; t < b.horizon(); ++t)
      put(b, ws, row, kFirstYearCol + t, f(t), v[static_cast<size_t>(t)], fmt);
    put(b, ws, row, kPvCol, sumproduct(row), pv_of(b.d->bc->discount_factors, v), fmt);
  }

  void discounting() {
    const Assumptions& a = b.c->assumptions;
    const bool mid = a.timing == Timing::mid;
    const int end_row = mid ? kDfRow + 1 : kDfRow;
    text(ws, kRateRow, kLabelCol, b.st.tr("Discount rate r(t)"));
    text(ws, kDfRow, kLabelCol,
         mid ? b.st.tr("Discount factor, mid-year") : b.st.tr("Discount factor DF(t)"));
    if (mid) text(ws, end_row, kLabelCol, b.st.tr("Discount factor, end of year"));
    auto rate_name = [&](int t) {
      size_t k = 0;
      for (size_t s = 0; s < a.discounting.steps.size(); ++s)
        if (a.discounting.steps[s].from_index <= t) k = s;
      return b.rate_names[k];
    };
    const std::vector<double> end = discount_factors(a.discounting, a.horizon, Timing::end);
    for (int t = 0; t < b.horizon(); ++t) {
      const int col = kFirstYearCol + t;
      if (t > 0) put(b, ws, kRateRow, col, rate_name(t), rate_for_index(a.discounting, t), b.f.share);
      // DF(0) = 1, DF(t) = DF(t-1) / (1 + r(t))
      put(b, ws, end_row, col, t == 0 ? "1" : cell(end_row, col - 1) + "/(1+" + cell(kRateRow, col) + ")",
          end[static_cast<size_t>(t)], b.f.factor);
      // DFmid(t) = DF(t) / sqrt(1 + r(t+1))
      if (mid)
        put(b, ws, kDfRow, col, cell(end_row, col) + "/SQRT(1+" + rate_name(t + 1) + ")",
            b.d->bc->discount_factors[static_cast<size_t>(t)], b.f.factor);
    }
  }

  // Rows first..last-1 summed with SUMIF on the kind column, per year; `kind`
  // as the kind column writes it (translated), so the criterion matches.
  void kind_total(int row, const std::string& label, const std::string& kind, int first, int end,
                  const std::vector<double>& v) {
    text(ws, row, kLabelCol, label);
    text(ws, row, kKindCol, kind);
    yearly(
        row, v,
        [&](int t) -> std::optional<std::string> {
          if (first >= end) return "0";
          const int col = kFirstYearCol + t;
          return "SUMIF(" + cell(first, kKindCol, true) + ":" + cell(end - 1, kKindCol, true) + ",\"" + kind +
                 "\"," + cell(first, col) + ":" + cell(end - 1, col) + ")";
        },
        b.f.money);
  }
};

}  // namespace

void write_flows(Book& b) {
  lxw_worksheet* ws = b.flows_ws;
  const Case& c = *b.c;
  const BusinessCase& bc = *b.d->bc;
  const Style& st = b.st;
  Writer w{b, ws, kFirstYearCol + b.horizon() - 1};
  text(ws, 0, 0, st.trf("Business case: {}", c.info.title.empty() ? c.info.id : c.info.title), b.f.title);
  text(ws, 1, 0,
       st.trf("Amounts in {}, undiscounted per year; the PV column is SUMPRODUCT(DF, row), discounted to {} "
              "(year index 0 is not discounted).",
              c.assumptions.currency, c.assumptions.start_year),
       b.f.note);
  year_header(b, ws, kYearRow, st.tr("Item"));
  // "id" is the case file's key, the same word in every language.
  const std::string heads[] = {"id", st.tr("Kind"), st.tr("Party"), st.tr("In the case file"), st.tr("PV")};
  for (int k = 0; k < 5; ++k) text(ws, kYearRow, kIdCol + k, heads[k], b.f.header);
  w.discounting();

  int row = kDfRow + 3;
  size_t item = 0;  // index into bc.items: costs, benefits, then derived capacity benefits
  auto item_rows = [&](const std::vector<FlowItem>& items, std::map<std::string, int>& rows) {
    for (const FlowItem& f : items) {
      const ItemSeries& s = bc.items[item++];
      text(ws, row, kLabelCol, f.label.empty() ? f.id : f.label);
      text(ws, row, kIdCol, f.id);
      text(ws, row, kKindCol, st.tr(f.is_cost ? to_string(f.cost_kind) : to_string(f.benefit_kind)));
      text(ws, row, kPartyCol, f.party);
      if (!f.is_cost && f.benefit_kind == BenefitKind::qualitative) {
        text(ws, row, kSourceCol, st.trf("described, not priced: {}", f.description));
        ++row;
        continue;
      }
      text(ws, row, kSourceCol, item_basis(f, st));
      rows[f.id] = row;
      w.yearly(
          row, s.values,
          [&](int t) -> std::optional<std::string> {
            bool as_value = false;
            auto fx = item_formula(b, f, c.assumptions.start_year + t, &as_value);
            if (as_value) return std::nullopt;
            return fx.value_or("0");
          },
          b.f.money);
      ++row;
    }
  };

  text(ws, row++, kLabelCol, st.tr("Costs"), b.f.heading);
  const int first_cost = row;
  item_rows(c.costs, b.flows.cost);
  const int end_cost = row;
  text(ws, row++, kLabelCol, st.tr("Benefits"), b.f.heading);
  const int first_benefit = row;
  item_rows(c.benefits, b.flows.benefit);
  for (; item < bc.items.size(); ++item) {
    const ItemSeries& s = bc.items[item];
    text(ws, row, kLabelCol, s.label);
    text(ws, row, kIdCol, s.id);
    text(ws, row, kKindCol, st.tr(to_string(BenefitKind::capacity)));
    text(ws, row, kPartyCol, s.party);
    text(ws, row, kSourceCol, st.trf("monetised capacity activity ({} sheet)", b.sheet.capacity));
    // Without a capacity sheet (no capacity results given) the values stay values.
    const auto it = b.activity_value_row.find(s.id);
    w.yearly(
        row, s.values,
        [&](int t) -> std::optional<std::string> {
          if (it == b.activity_value_row.end()) return std::nullopt;
          return ref(b.sheet.capacity, it->second, kFirstYearCol + t);
        },
        b.f.money);
    b.flows.benefit[s.id] = row++;
  }
  const int end_benefit = row;

  ++row;
  text(ws, row++, kLabelCol, st.tr("Totals"), b.f.heading);
  const Metrics& m0 = bc.perspectives[0];
  auto column_of = [&](auto get) {
    std::vector<double> v;
    for (const YearRow& y : m0.years) v.push_back(get(y));
    return v;
  };
  b.flows.costs = row;
  text(ws, row, kLabelCol, st.tr("Costs"));
  w.yearly(
      row, column_of([](const YearRow& y) { return y.costs; }),
      [&](int t) -> std::optional<std::string> {
        if (first_cost >= end_cost) return "0";
        return "SUM(" + cell(first_cost, kFirstYearCol + t) + ":" + cell(end_cost - 1, kFirstYearCol + t) +
               ")";
      },
      b.f.money);
  ++row;
  for (int k = 0; k < 4; ++k, ++row) {
    const std::string kind = st.tr(to_string(static_cast<CostKind>(k)));
    w.kind_total(row, "  " + st.trf("costs: {}", kind), kind, first_cost, end_cost,
                 column_of([k](const YearRow& y) { return y.costs_by_kind[static_cast<size_t>(k)]; }));
  }
  // Benefits by kind (every perspective counts a subset of these).
  const int kinds_row = row;
  const Metrics& all = bc.perspectives[2];
  for (int k = 0; k < 3; ++k, ++row) {
    std::vector<double> v;
    for (const YearRow& y : all.years) v.push_back(y.benefits_by_kind[static_cast<size_t>(k)]);
    const std::string kind = st.tr(to_string(static_cast<BenefitKind>(k)));
    w.kind_total(row, "  " + st.trf("benefits: {}", kind), kind, first_benefit, end_benefit, v);
  }
  for (int p = 0; p < 3; ++p) {
    const Metrics& m = bc.perspectives[static_cast<size_t>(p)];
    ++row;
    text(ws, row++, kLabelCol, st.trf("Perspective: {}", perspective_label(static_cast<Perspective>(p), st)),
         b.f.heading);
    std::vector<double> ben, net, cum;
    for (const YearRow& y : m.years) {
      ben.push_back(y.benefits);
      net.push_back(y.net);
      cum.push_back(y.cumulative);
    }
    b.flows.benefits_counted[p] = row;
    text(ws, row, kLabelCol, st.tr("Benefits counted"));
    w.yearly(
        row, ben,
        [&](int t) -> std::optional<std::string> {
          std::string s;
          for (int k = 0; k <= p; ++k) add_term(s, cell(kinds_row + k, kFirstYearCol + t), '+');
          return s;
        },
        b.f.money);
    ++row;
    b.flows.net[p] = row;
    text(ws, row, kLabelCol, st.tr("Net (benefits - costs); PV = NPV"));
    w.yearly(
        row, net,
        [&](int t) -> std::optional<std::string> {
          return cell(row - 1, kFirstYearCol + t) + "-" + cell(b.flows.costs, kFirstYearCol + t);
        },
        b.f.money);
    ++row;
    text(ws, row, kLabelCol, st.tr("Cumulative net"));
    for (int t = 0; t < b.horizon(); ++t)
      put(b, ws, row, kFirstYearCol + t,
          t == 0 ? cell(row - 1, kFirstYearCol)
                 : cell(row, kFirstYearCol + t - 1) + "+" + cell(row - 1, kFirstYearCol + t),
          cum[static_cast<size_t>(t)], b.f.money);
    ++row;
  }
  worksheet_set_column(ws, kLabelCol, kLabelCol, 40, nullptr);
  worksheet_set_column(ws, kIdCol, kPartyCol, 14, nullptr);
  worksheet_set_column(ws, kSourceCol, kSourceCol, 30, nullptr);
  worksheet_set_column(ws, kPvCol, w.last, 13, nullptr);
  worksheet_freeze_panes(ws, kIndexRow + 1, kPvCol + 1);
}

}  // namespace gevinst::cli::wb
