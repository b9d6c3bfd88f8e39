// The financing sheet (docs/case-format.md, "Grants", "Loan schedules",
// "Gain-share"): grants per year as share x the listed costs, and each loan
// as an explicit balance schedule, one row per period:
//   interest = opening x i,  i = rate / periods_per_year
//   payment  = grace: the interest (interest-only) or 0 (capitalise);
//              annuity: A = Bg x i / (1 - (1 + i)^-n) (Bg / n at i = 0);
//              serial: Bg / n + interest; bullet: the interest;
//              gain-share: MIN(share x gains(year) / periods_per_year, due, cap left);
//              the last period of annuity, serial and bullet pays what is due
//   closing  = opening + interest - payment (a residue below 1e-9 x principal is paid off)
// and the lender's PV = -principal x DF(disbursed) + SUMPRODUCT(payment, DF).
#include <fmt/format.h>

#include <cmath>

#include "cli/render/workbook_book.h"
#include "cli/render/xlsx_formula.h"
#include "libeval/discounting.h"

namespace gevinst::cli::wb {

namespace {

enum Col { kPeriod = 0, kYear, kPhase, kOpen, kInterest, kPayment, kPrincipal, kClose, kDf, kGains };

const Financing* item_of(const Case& c, const std::string& id) {
  for (const Financing& f : c.financing)
    if (f.id == id) return &f;
  return nullptr;
}

// Sum of the business case rows of `ids` (costs, benefits or monetised
// activities; unmonetised activities from the capacity sheet) in `year`;
// "0" outside the horizon.
std::string listed(const Book& b, const std::vector<std::string>& ids, int year) {
  if (year < b.c->assumptions.start_year || year > b.c->assumptions.end_year()) return "0";
  std::string s;
  for (const std::string& id : ids) {
    std::string r;
    if (auto it = b.flows.cost.find(id); it != b.flows.cost.end())
      r = ref(b.sheet.flows, it->second, b.year_col(year));
    else if (auto jt = b.flows.benefit.find(id); jt != b.flows.benefit.end())
      r = ref(b.sheet.flows, jt->second, b.year_col(year));
    else if (auto kt = b.activity_value_row.find(id); kt != b.activity_value_row.end())
      r = ref(b.sheet.capacity, kt->second, b.year_col(year));
    if (!r.empty()) add_term(s, r, '+');
  }
  return s.empty() ? "0" : s;
}

// DF of a calendar year for a nominal loan flow: deflated with
// assumptions.inflation, x 1 / (1 + inflation)^t (docs/case-format.md, "Inflation").
std::string loan_df_formula(const Book& b, int year) {
  const Assumptions& a = b.c->assumptions;
  std::string f = df_formula(b, year);
  if (a.inflation != 0) f += fmt::format("/POWER(1+{},{})", formula_number(a.inflation), year - a.start_year);
  return f;
}

struct LoanWriter {
  Book& b;
  lxw_worksheet* ws;
  int row;

  std::string input(const std::string& label, const std::optional<std::string>& f, double v, lxw_format* fmt,
                    const std::string& basis = {}) {
    text(ws, row, kPeriod, label);
    put(b, ws, row, kYear, f, v, fmt);
    text(ws, row, kPhase, basis);
    return cell(row++, kYear, true);
  }

  void loan(const LoanResult& L, const Financing& f) {
    const LoanTerms& t = L.terms;
    const bool gain = t.method == LoanMethod::gain_share;
    const Style& st = b.st;
    text(ws, row++, kPeriod, (L.label.empty() ? L.id : L.label) + " (" + L.id + ")", b.f.heading);
    text(ws, row++, kPeriod,
         st.trf("Method {}, lender {}, borrower {}, disbursed {}", method_label(t.method, st), L.lender,
                L.borrower, t.disbursed),
         b.f.note);
    std::optional<std::string> pf;
    if (f.principal_share) {
      auto s = formula(b, *f.principal_share);
      std::string total;
      for (int y = b.c->assumptions.start_year; y <= b.c->assumptions.end_year(); ++y)
        add_term(total, listed(b, f.principal_of, y), '+');
      if (s) pf = grouped(*s) + "*(" + total + ")";
    } else {
      pf = formula(b, f.principal);
    }
    const std::string P =
        input(st.trc("loan amount", "Principal"), pf, t.principal, b.f.money,
              f.principal_share ? st.tr("share of the listed costs' total") : f.principal.text);
    const std::string rate = input(st.tr("Nominal rate per year"), f.rate.present ? formula(b, f.rate) : "0",
                                   t.rate, b.f.share, f.rate.present ? f.rate.text : st.trf("default {}", 0));
    const std::string i =
        input(st.tr("Period rate i = rate / periods per year"),
              rate + "/" + std::to_string(t.periods_per_year), t.rate / t.periods_per_year, b.f.factor);
    const int n = t.term;
    const std::string tiny = input(st.tr("Residue paid off below"), "1E-9*MAX(1," + P + ")",
                                   1e-9 * std::max(1.0, t.principal), b.f.number);
    std::string share, cap;
    if (gain) {
      share = input(st.tr("Share of the gains repaid"), formula(b, f.gain_share), t.gain_share, b.f.share,
                    f.gain_share.text);
      if (f.cap)
        cap = input(st.tr("Cap on total payments (cap x principal)"),
                    grouped(formula(b, *f.cap).value_or("0")) + "*" + P, t.cap.value_or(0) * t.principal,
                    b.f.money, f.cap->text);
    }
    const int bg_row = row++, a_row = row++;
    // "Principal" here is the part of a payment that repays the loan (Afdrag);
    // the loan itself (Hovedstol) above is "Principal" in the context "loan amount".
    const std::string heads[] = {st.tr("Period"),   st.tr("Year"),    st.tr("Phase"),     st.tr("Opening"),
                                 st.tr("Interest"), st.tr("Payment"), st.tr("Principal"), st.tr("Closing"),
                                 st.tr("DF"),       st.tr("Gains")};
    for (int k = 0; k < (gain ? 10 : 9); ++k) text(ws, row, k, heads[k], b.f.header);
    ++row;
    const int first = row, periods = t.principal > 0 ? t.grace + n : 0;
    const std::string bg = cell(bg_row, kYear, true);
    text(ws, bg_row, kPeriod, st.tr("Balance at the end of grace Bg"));
    put(b, ws, bg_row, kYear, periods ? cell(first + t.grace, kOpen) : P,
        t.grace < static_cast<int>(L.schedule.rows.size())
            ? L.schedule.rows[static_cast<size_t>(t.grace)].opening
            : t.principal,
        b.f.money);
    text(ws, a_row, kPeriod, st.tr("Annuity A = Bg x i / (1 - (1 + i)^-n)"));
    const double bgv = L.schedule.rows.size() > static_cast<size_t>(t.grace)
                           ? L.schedule.rows[static_cast<size_t>(t.grace)].opening
                           : 0;
    const double ti = t.rate / t.periods_per_year;
    put(b, ws, a_row, kYear,
        "IF(" + i + "=0," + bg + "/" + std::to_string(n) + "," + bg + "*" + i + "/(1-POWER(1+" + i + ",-" +
            std::to_string(n) + ")))",
        ti == 0 ? bgv / n : bgv * ti / (1 - std::pow(1 + ti, -n)), b.f.money);
    const std::string A = cell(a_row, kYear, true);
    for (int p = 1; p <= periods; ++p, ++row) {
      const ScheduleRow* sr = static_cast<size_t>(p) <= L.schedule.rows.size()
                                  ? &L.schedule.rows[static_cast<size_t>(p - 1)]
                                  : nullptr;
      const int year = t.disbursed + (p + t.periods_per_year - 1) / t.periods_per_year;
      const bool grace = p <= t.grace, last = p == periods;
      number(ws, row, kPeriod, p, nullptr);
      number(ws, row, kYear, year, nullptr);
      text(ws, row, kPhase, grace ? st.tr("grace") : st.tr("repayment"));
      const std::string open = cell(row, kOpen), interest = cell(row, kInterest);
      const std::string due = fmt::format("({}+{})", open, interest);
      // what the cap leaves: MAX(0, cap - payments so far)
      std::string left;
      if (!cap.empty()) {
        left.append(",MAX(0,").append(cap);
        if (p > 1)
          left.append("-SUM(")
              .append(cell(first, kPayment))
              .append(":")
              .append(cell(row - 1, kPayment))
              .append(")");
        left.append(")");
      }
      std::string raw;
      if (grace) {
        raw = t.grace_mode == GraceMode::capitalise ? "0"
              : gain && !left.empty()               ? fmt::format("MIN({}{})", interest, left)
                                                    : interest;
      } else if (gain) {
        const std::string offered =
            fmt::format("MAX(0,{}*{}/{})", share, cell(row, kGains), t.periods_per_year);
        raw = last && t.residual == Residual::due ? fmt::format("MIN({}{})", due, left)
                                                  : fmt::format("MIN({},{}{})", offered, due, left);
        put(b, ws, row, kGains, listed(b, L.gain_of, year),
            year <= b.c->assumptions.end_year() && year >= b.c->assumptions.start_year
                ? L.gains[static_cast<size_t>(year - b.c->assumptions.start_year)]
                : 0.0,
            b.f.money);
      } else if (last) {
        raw = due;
      } else if (t.method == LoanMethod::annuity) {
        raw = fmt::format("MIN({},{})", A, due);
      } else if (t.method == LoanMethod::serial) {
        raw = fmt::format("MIN({}/{}+{},{})", bg, n, interest, due);
      } else {
        raw = interest;
      }
      put(b, ws, row, kOpen, p == 1 ? P : cell(row - 1, kClose), sr ? sr->opening : 0, b.f.money);
      put(b, ws, row, kInterest, fmt::format("{}*{}", open, i), sr ? sr->interest : 0, b.f.money);
      put(b, ws, row, kPayment, fmt::format("IF({}-{}<{},{},{})", due, grouped(raw), tiny, due, raw),
          sr ? sr->payment : 0, b.f.money);
      put(b, ws, row, kPrincipal, cell(row, kPayment) + "-" + interest, sr ? sr->principal : 0, b.f.money);
      put(b, ws, row, kClose, due + "-" + cell(row, kPayment), sr ? sr->closing : 0, b.f.money);
      const Assumptions& as = b.c->assumptions;
      const std::vector<double> dfx = discount_factors(as.discounting, year - as.start_year + 1, as.timing);
      put(b, ws, row, kDf, loan_df_formula(b, year), dfx.back() * deflator(as, year), b.f.factor);
    }
    const int end = row;
    auto total = [&](const std::string& key, const std::string& label, const std::string& f, double v) {
      text(ws, row, kPeriod, label);
      put(b, ws, row, kYear, f, v, b.f.money);
      b.summary_cell["financing." + L.id + "." + key] = ref(b.sheet.financing, row++, kYear);
    };
    auto col_sum = [&](int col) {
      return periods ? "SUM(" + cell(first, col) + ":" + cell(end - 1, col) + ")" : std::string("0");
    };
    total("total_paid", st.tr("Total paid"), col_sum(kPayment), L.schedule.total_paid);
    total("total_interest", st.tr("Total interest"), col_sum(kInterest), L.schedule.total_interest);
    if (gain)
      total("forgiven", st.tr("Forgiven after the term"), periods ? cell(end - 1, kClose) : "0",
            L.schedule.forgiven);
    const std::string pays = periods
                                 ? "+SUMPRODUCT(" + cell(first, kPayment) + ":" + cell(end - 1, kPayment) +
                                       "," + cell(first, kDf) + ":" + cell(end - 1, kDf) + ")"
                                 : "";
    total("pv_lender", st.tr("Lender's PV = -principal x DF(disbursed) + SUMPRODUCT(payment, DF)"),
          "-" + P + "*" + loan_df_formula(b, t.disbursed) + pays, L.pv.lender);
    row += 1;
  }

  static std::string method_label(LoanMethod m, const Style& st) {
    switch (m) {
      case LoanMethod::annuity: return st.tr("annuity");
      case LoanMethod::serial: return st.tr("serial");
      case LoanMethod::bullet: return st.tr("bullet");
      case LoanMethod::gain_share: return st.tr("gain-share");
    }
    return "";
  }
};

}  // namespace

void write_financing(Book& b) {
  const FinancingResult& fr = b.d->bc->financing;
  if (!b.financing) return;
  lxw_worksheet* ws = b.financing;
  const Case& c = *b.c;
  const Style& st = b.st;
  text(ws, 0, 0, st.tr("Financing: grants and loans"), b.f.title);
  text(ws, 1, 0, st.tr("Transfers between parties; they never change the case's NPV."), b.f.note);
  int row = 3;
  if (!fr.grants.empty()) {
    text(ws, row++, 0, st.tr("Grants: share x the listed costs of each year"), b.f.heading);
    text(ws, row, 0, st.tr("Grant"), b.f.header);
    text(ws, row, 1, st.tr("Share"), b.f.header);
    for (int t = 0; t < b.horizon(); ++t) number(ws, row, 2 + t, c.assumptions.start_year + t, b.f.header);
    const int total_col = 2 + b.horizon(), last = total_col - 1;
    text(ws, row, total_col, st.tr("Total"), b.f.header);
    text(ws, row, total_col + 1, st.tr("PV"), b.f.header);
    ++row;
    for (const GrantResult& g : fr.grants) {
      const Financing* f = item_of(c, g.id);
      text(ws, row, 0, st.trf("{}: {} to {}", g.label.empty() ? g.id : g.label, g.payer, g.recipient));
      put(b, ws, row, 1, f ? formula(b, f->share) : std::nullopt, g.share, b.f.share);
      for (int t = 0; t < b.horizon(); ++t)
        put(b, ws, row, 2 + t,
            cell(row, 1, true) + "*(" + listed(b, g.of, c.assumptions.start_year + t) + ")",
            g.years[static_cast<size_t>(t)], b.f.money);
      put(b, ws, row, total_col, "SUM(" + range(row, 2, last) + ")", g.total, b.f.money);
      b.summary_cell["financing." + g.id + ".total"] = ref(b.sheet.financing, row, total_col);
      put(b, ws, row, total_col + 1,
          "SUMPRODUCT(" + ref(b.sheet.flows, kDfRow, kFirstYearCol, true) + ":" +
              cell(kDfRow, kFirstYearCol + b.horizon() - 1, true) + "," + range(row, 2, last) + ")",
          g.pv, b.f.money);
      b.summary_cell["financing." + g.id + ".pv"] = ref(b.sheet.financing, row, total_col + 1);
      ++row;
    }
    ++row;
  }
  LoanWriter w{b, ws, row};
  for (const LoanResult& L : fr.loans)
    if (const Financing* f = item_of(c, L.id)) w.loan(L, *f);
  worksheet_set_column(ws, 0, 0, 44, nullptr);
  worksheet_set_column(ws, 1, 2 + b.horizon(), 13, nullptr);
}

}  // namespace gevinst::cli::wb
