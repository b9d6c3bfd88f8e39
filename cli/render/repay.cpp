#include "cli/render/repay.h"

#include <fmt/format.h>

#include <cmath>

#include "cli/render/business_case.h"
#include "cli/render/repay_words.h"

namespace gevinst::cli {

using namespace repay_words;

std::string risk_line(const LoanResult& L, const std::string& currency, const Style& st) {
  Fmt f{st.locale, currency};
  const LoanTerms& t = L.terms;
  const LoanSchedule& s = L.schedule;
  if (!(t.principal > 0)) return st.tr("Nothing is lent.");
  if (L.method != Financing::Method::gain_share)
    return st.trf(
        "{} repays the {} in full by {} whatever the gains ({} with interest): the borrower, not {}, "
        "carries the risk that gains fall short.",
        L.borrower_label, f.cash(t.principal), L.last_year, f.cash(s.total_paid), L.lender_label);
  switch (L.forgiven_because) {
    case Forgiveness::gains_short:
      // With capitalised interest the forgiven balance can exceed the principal.
      return st.trf(
          "{} carried {} {} because gains fell short: {} paid {} in all, and the balance left "
          "in {} (principal and unpaid interest) was forgiven.",
          L.lender_label, f.cash(s.forgiven),
          s.forgiven > t.principal + 0.005
              ? st.trf("(more than the {} lent, with the interest added to the balance)", f.cash(t.principal))
              : st.trf("of the {}", f.cash(t.principal)),
          L.borrower_label, f.cash(s.total_paid), L.last_year);
    case Forgiveness::cap_reached:
      return st.trf(
          "{} forgave {} of the {} because payments reached the cap ({} × the principal): {} paid {} "
          "in all.",
          L.lender_label, f.cash(s.forgiven), f.cash(t.principal), t.cap ? f.factor(*t.cap) : "-",
          L.borrower_label, f.cash(s.total_paid));
    case Forgiveness::none: break;
  }
  const bool ran_full_term = static_cast<int>(s.rows.size()) == t.grace + t.term;
  if (t.residual == Residual::due && ran_full_term)
    return st.trf(
        "{} carried no loss: {} repaid the {} by {} ({} with interest), what the gains left falling "
        "due in the last period; the borrower carried that part of the risk.",
        L.lender_label, L.borrower_label, f.cash(t.principal), L.last_year, f.cash(s.total_paid));
  return st.trf("{} carried no loss: the gains repaid the {} in full by {} ({} with interest).",
                L.lender_label, f.cash(t.principal), L.last_year, f.cash(s.total_paid));
}

// ---- one case ----

Json repay_json(const RepayReport& r) {
  const FinancingResult& fr = r.financing;
  Json j;
  j["case"] = {{"id", r.case_id}, {"title", r.title}, {"file", r.file}};
  j["scenario"] = text_or_null(r.scenario);
  j["currency"] = fr.currency;
  j["start_year"] = fr.start_year;
  j["horizon"] = fr.horizon;
  j["discounting"] = discounting_json(r.discounting, r.timing);
  Json loans = Json::array();
  for (const LoanResult& L : fr.loans) {
    const LoanTerms& t = L.terms;
    const bool gs = L.method == Financing::Method::gain_share;
    Json l;
    l["id"] = L.id;
    l["label"] = text_or_null(L.label);
    l["method"] = method_name(L.method);
    l["lender"] = L.lender;
    l["borrower"] = L.borrower;
    l["principal"] = num(t.principal);
    l["disbursed"] = t.disbursed;
    l["rate"] = num(t.rate);
    l["periods_per_year"] = t.periods_per_year;
    l["grace"] = t.grace;
    l["grace_mode"] = t.grace_mode == GraceMode::capitalise ? "capitalise" : "interest-only";
    l["term"] = t.term;
    l["residual"] = t.residual == Residual::due ? "due" : "forgive";
    if (gs)
      l["gain_share"] = {
          {"share", num(t.gain_share)}, {"of", L.gain_of}, {"cap", t.cap ? num(*t.cap) : Json(nullptr)}};
    else
      l["gain_share"] = nullptr;
    l["total_paid"] = num(L.schedule.total_paid);
    l["total_interest"] = num(L.schedule.total_interest);
    l["forgiven"] = num(L.schedule.forgiven);
    l["forgiven_because"] =
        L.forgiven_because == Forgiveness::none ? Json(nullptr) : Json(to_string(L.forgiven_because));
    l["last_year"] = L.last_year;
    l["lender_pv"] = num(L.pv.lender);
    l["borrower_pv"] = num(L.pv.borrower);
    l["paid_after_horizon"] = num(L.paid_after_horizon);
    l["risk"] = risk_line(L, fr.currency);
    l["notes"] = texts(L.notes);
    Json years = Json::array();
    for (const LoanYear& y : L.years) {
      Json yj = {{"year", y.year},
                 {"first_period", y.first_period},
                 {"last_period", y.last_period},
                 {"grace_periods", y.grace_periods},
                 {"opening", num(y.opening)},
                 {"interest", num(y.interest)},
                 {"payment", num(y.payment)},
                 {"principal", num(y.principal)},
                 {"closing", num(y.closing)}};
      if (gs) {
        yj["gains"] = num(y.gains);
        yj["offered"] = num(y.offered);
      }
      years.push_back(std::move(yj));
    }
    l["years"] = std::move(years);
    Json sched = Json::array();
    for (const ScheduleRow& row : L.schedule.rows)
      sched.push_back({{"period", row.period},
                       {"year", row.year},
                       {"opening", num(row.opening)},
                       {"interest", num(row.interest)},
                       {"payment", num(row.payment)},
                       {"principal", num(row.principal)},
                       {"closing", num(row.closing)}});
    l["schedule"] = std::move(sched);
    loans.push_back(std::move(l));
  }
  j["loans"] = std::move(loans);
  Json grants = Json::array();
  for (const GrantResult& g : fr.grants) {
    Json gj;
    gj["id"] = g.id;
    gj["label"] = text_or_null(g.label);
    gj["payer"] = g.payer;
    gj["recipient"] = g.recipient;
    gj["share"] = num(g.share);
    gj["of"] = g.of;
    gj["total"] = num(g.total);
    gj["pv"] = num(g.pv);
    Json ys = Json::array();
    for (size_t t = 0; t < g.years.size(); ++t)
      ys.push_back({{"year", fr.start_year + static_cast<int>(t)},
                    {"base", num(g.base[t])},
                    {"amount", num(g.years[t])}});
    gj["years"] = std::move(ys);
    grants.push_back(std::move(gj));
  }
  j["grants"] = std::move(grants);
  j["transfers"] = transfers_json(fr.transfers);
  return j;
}

namespace {

Table loan_years_table(const LoanResult& L, const Fmt& f, const Style& st) {
  const bool gs = L.method == Financing::Method::gain_share;
  const bool periods = L.terms.periods_per_year > 1;
  Table t;
  t.column(st.tr("Year"));
  if (periods) t.column(st.tr("Periods"), Align::right);
  if (gs) {
    t.column(st.tr("Gains"), Align::right);
    t.column(st.trf("{} of gains", f.pct(L.terms.gain_share)), Align::right);
  }
  for (const std::string& h :
       {st.tr("Opening"), st.tr("Interest"), st.tr("Payment"), st.tr("Principal"), st.tr("Closing")})
    t.column(h, Align::right);
  t.column(st.tr("Note"));
  double gains = 0, offered = 0, interest = 0, payment = 0, principal = 0;
  for (size_t k = 0; k < L.years.size(); ++k) {
    const LoanYear& y = L.years[k];
    std::vector<Cell> row{Cell::of(std::to_string(y.year))};
    if (periods)
      row.push_back(Cell::of(y.first_period == y.last_period
                                 ? std::to_string(y.first_period)
                                 : fmt::format("{}–{}", y.first_period, y.last_period)));
    if (gs) {
      row.push_back(money_cell(y.gains));
      row.push_back(money_cell(y.offered));
    }
    for (double v : {y.opening, y.interest, y.payment, y.principal, y.closing}) row.push_back(money_cell(v));
    std::vector<std::string> note;
    const int n = y.last_period - y.first_period + 1;
    if (y.grace_periods == n)
      note.push_back(st.tr("grace"));
    else if (y.grace_periods > 0)
      note.push_back(st.trf("{} in grace", period_count(y.grace_periods, st)));
    if (k + 1 == L.years.size() && L.schedule.forgiven > 0)
      note.push_back(st.trf("{} forgiven", f.money(L.schedule.forgiven)));
    row.push_back(Cell::of(join(note)));
    t.row(std::move(row));
    gains += y.gains;
    offered += y.offered;
    interest += y.interest;
    payment += y.payment;
    principal += y.principal;
  }
  std::vector<Cell> total{Cell::of(st.tr("Total"))};
  if (periods) total.push_back(Cell::of(""));
  if (gs) {
    total.push_back(money_cell(gains));
    total.push_back(money_cell(offered));
  }
  for (Cell c : {Cell::of(""), money_cell(interest), money_cell(payment), money_cell(principal), Cell::of(""),
                 Cell::of("")})
    total.push_back(std::move(c));
  t.row(std::move(total));
  return t;
}

Table loan_periods_table(const LoanResult& L, const Style& st) {
  Table t;
  for (const std::string& h : {st.tr("Period"), st.tr("Year"), st.tr("Opening"), st.tr("Interest"),
                               st.tr("Payment"), st.tr("Principal"), st.tr("Closing")})
    t.column(h, Align::right);
  t.column(st.tr("Note"));
  for (const ScheduleRow& r : L.schedule.rows)
    t.row({Cell::of(std::to_string(r.period)), Cell::of(std::to_string(r.year)), money_cell(r.opening),
           money_cell(r.interest), money_cell(r.payment), money_cell(r.principal), money_cell(r.closing),
           Cell::of(r.period <= L.terms.grace ? st.tr("grace") : "")});
  return t;
}

void describe_loan(Document& d, const LoanResult& L, const RepayReport& r, const Fmt& f, const Style& st,
                   bool periods) {
  const LoanTerms& t = L.terms;
  const LoanSchedule& s = L.schedule;
  d.heading(st.trf("Loan {}{}", L.id, L.label.empty() ? "" : ": " + L.label));
  d.line(st.trf("{}: {} lends {} to {} in {}", method_label(L.method, st), L.lender_label,
                f.cash(t.principal), L.borrower_label, t.disbursed));
  std::string grace =
      t.grace == 0 ? st.tr("no grace")
                   : st.trf("{} of grace ({})", period_count(t.grace, st),
                            t.grace_mode == GraceMode::capitalise ? st.tr("interest added to the balance")
                                                                  : st.tr("interest only"));
  d.line(st.trf("{} a year, {}; {}; {} to repay", f.pct(t.rate), frequency(t.periods_per_year, st), grace,
                period_count(t.term, st)));
  if (L.method == Financing::Method::gain_share)
    d.line(st.trf("repays {} of the realised gains of {}{}; after the term the balance {}",
                  f.pct(t.gain_share), join(L.gain_of),
                  t.cap ? st.trf(", up to {} × the principal", f.factor(*t.cap)) : "",
                  t.residual == Residual::due ? st.tr("falls due (up to the cap)") : st.tr("is forgiven")));
  if (s.rows.empty())
    d.line(st.tr("No schedule: nothing is lent."));
  else
    d.table(periods ? loan_periods_table(L, st) : loan_years_table(L, f, st));
  d.line(st.trf("Paid {} in all ({} interest charged); forgiven {}", f.cash(s.total_paid),
                f.money(s.total_interest), f.money(s.forgiven)));
  d.line(st.trf("Present value to {}: lender {}, borrower {} (discounting {})", r.financing.start_year,
                f.money(L.pv.lender), f.money(L.pv.borrower),
                r.discounting.name.empty() ? st.tr("custom") : r.discounting.name));
  d.line(st.trf("Risk: {}", risk_line(L, f.currency, st)));
  d.bullets(st.phrases(L.notes));
}

void describe_grant(Document& d, const GrantResult& g, const Fmt& f, const Style& st, int start_year) {
  d.heading(st.trf("Grant {}{}", g.id, g.label.empty() ? "" : ": " + g.label));
  d.line(st.trf("{} of {}, paid by {} to {} in the same year; never repaid", f.pct(g.share), join(g.of),
                g.payer_label, g.recipient_label));
  Table t;
  t.column(st.tr("Year")).column(st.tr("Listed costs"), Align::right).column(st.tr("Grant"), Align::right);
  double base = 0;
  for (size_t k = 0; k < g.years.size(); ++k) {
    if (g.base[k] == 0 && g.years[k] == 0) continue;
    t.row({Cell::of(std::to_string(start_year + static_cast<int>(k))), money_cell(g.base[k]),
           money_cell(g.years[k])});
    base += g.base[k];
  }
  if (t.rows.empty()) {
    d.line(st.tr("The listed costs are zero over the horizon: no grant is paid."));
    return;
  }
  t.row({Cell::of(st.tr("Total")), money_cell(base), money_cell(g.total)});
  d.table(std::move(t));
  d.line(st.trf("Total {}; present value {}", f.cash(g.total), f.money(g.pv)));
}

Table schedules_csv(const RepayReport& r) {
  Table t;
  t.csv_numbers = CsvNumbers::g15;
  for (const char* h :
       {"id", "method", "period", "year", "opening", "interest", "payment", "principal", "closing"})
    t.column(h);
  auto n = [](double v) { return Cell::number(v); };
  // Each loan's and grant's rows end in a `total` row with the sums the
  // table's Total row shows (docs/cli.md, "gevinst repay").
  for (const LoanResult& L : r.financing.loans) {
    double interest = 0, payment = 0, principal = 0;
    for (const ScheduleRow& row : L.schedule.rows) {
      t.row({Cell::of(L.id), Cell::of(method_name(L.method)), Cell::of(std::to_string(row.period)),
             Cell::of(std::to_string(row.year)), n(row.opening), n(row.interest), n(row.payment),
             n(row.principal), n(row.closing)});
      interest += row.interest;
      payment += row.payment;
      principal += row.principal;
    }
    if (!L.schedule.rows.empty())
      t.row({Cell::of(L.id), Cell::of(method_name(L.method)), Cell::of("total"), Cell::of(""), Cell::of(""),
             n(interest), n(payment), n(principal), Cell::of("")});
  }
  for (const GrantResult& gr : r.financing.grants) {
    bool any = false;
    for (size_t k = 0; k < gr.years.size(); ++k)
      if (gr.years[k] != 0) {
        any = true;
        t.row({Cell::of(gr.id), Cell::of("grant"), Cell::of(""),
               Cell::of(std::to_string(r.financing.start_year + static_cast<int>(k))), Cell::of(""),
               Cell::of(""), n(gr.years[k]), Cell::of(""), Cell::of("")});
      }
    if (any)
      t.row({Cell::of(gr.id), Cell::of("grant"), Cell::of("total"), Cell::of(""), Cell::of(""), Cell::of(""),
             n(gr.total), Cell::of(""), Cell::of("")});
  }
  return t;
}

}  // namespace

Document repay_document(const RepayReport& r, const Style& st, bool periods) {
  const FinancingResult& fr = r.financing;
  Fmt f{st.locale, fr.currency};
  Document d;
  d.title = fmt::format("{} ({})", r.title.empty() ? r.case_id : r.title, r.case_id);
  d.line(st.trf("Financing and repayment schedules; {}, {}–{}; discounting {}{}", fr.currency, fr.start_year,
                fr.start_year + fr.horizon - 1, describe_discounting(r.discounting, r.timing, st),
                r.scenario.empty() ? "" : st.trf("; scenario {}", r.scenario)));
  for (const LoanResult& L : fr.loans) describe_loan(d, L, r, f, st, periods);
  for (const GrantResult& g : fr.grants) describe_grant(d, g, f, st, fr.start_year);
  d.json = repay_json(r);
  d.csv.push_back(schedules_csv(r));
  return d;
}

}  // namespace gevinst::cli
