#include <fmt/format.h>

#include "cli/render/repay.h"
#include "cli/render/repay_words.h"

namespace gevinst::cli {

using namespace repay_words;

// ---- the fund view ----

Json fund_json(const FundResult& f, const std::string& scenario) {
  Json j;
  j["fund"] = f.fund;
  j["label"] = text_or_null(f.label);
  j["currency"] = f.currency;
  j["scenario"] = text_or_null(scenario);
  j["files"] = f.files;
  j["capital_needed"] = num(f.capital_needed);
  j["capital_needed_year"] = num(f.capital_needed_year);
  j["refilled_year"] = num(f.refilled_year);
  j["totals"] = {{"disbursed", num(f.disbursed)},
                 {"granted", num(f.granted)},
                 {"repaid", num(f.repaid)},
                 {"interest", num(f.interest)},
                 {"forgiven", num(f.forgiven)}};
  Json years = Json::array();
  for (const FundYear& y : f.years)
    years.push_back({{"year", y.year},
                     {"disbursed", num(y.disbursed)},
                     {"granted", num(y.granted)},
                     {"repaid", num(y.repaid)},
                     {"interest", num(y.interest)},
                     {"forgiven", num(y.forgiven)},
                     {"balance", num(y.balance)},
                     {"net_cash", num(y.net_cash)},
                     {"cumulative_cash", num(y.cumulative_cash)}});
  j["years"] = std::move(years);
  Json cases = Json::array();
  for (const FundCaseRow& c : f.cases)
    cases.push_back({{"path", c.file},
                     {"case", c.case_id},
                     {"loans", c.loans},
                     {"grants", c.grants},
                     {"disbursed", num(c.disbursed)},
                     {"granted", num(c.granted)},
                     {"repaid", num(c.repaid)},
                     {"forgiven", num(c.forgiven)}});
  j["cases"] = std::move(cases);
  Json loans = Json::array();
  for (const FundLoan& L : f.loans)
    loans.push_back(
        {{"path", L.file},
         {"case", L.case_id},
         {"id", L.id},
         {"method", method_name(L.method)},
         {"borrower", L.borrower},
         {"principal", num(L.principal)},
         {"rate", num(L.rate)},
         {"disbursed", L.disbursed},
         {"last_year", L.last_year},
         {"total_paid", num(L.total_paid)},
         {"total_interest", num(L.total_interest)},
         {"forgiven", num(L.forgiven)},
         {"forgiven_because",
          L.forgiven_because == Forgiveness::none ? Json(nullptr) : Json(to_string(L.forgiven_because))},
         {"lender_pv", num(L.lender_pv)}});
  j["loans"] = std::move(loans);
  Json grants = Json::array();
  for (const FundGrant& g : f.grants)
    grants.push_back({{"path", g.file},
                      {"case", g.case_id},
                      {"id", g.id},
                      {"recipient", g.recipient},
                      {"total", num(g.total)},
                      {"first_year", g.first_year ? Json(g.first_year) : Json(nullptr)},
                      {"last_year", g.last_year ? Json(g.last_year) : Json(nullptr)}});
  j["grants"] = std::move(grants);
  j["notes"] = texts(f.notes);
  return j;
}

namespace {

Table fund_csv(const FundResult& f) {
  Table t;
  t.csv_numbers = CsvNumbers::g15;
  for (const char* h : {"year", "disbursed", "granted", "repaid", "interest", "forgiven", "balance",
                        "net_cash", "cumulative_cash"})
    t.column(h);
  for (const FundYear& y : f.years) {
    std::vector<Cell> row{Cell::of(std::to_string(y.year))};
    for (double v :
         {y.disbursed, y.granted, y.repaid, y.interest, y.forgiven, y.balance, y.net_cash, y.cumulative_cash})
      row.push_back(Cell::number(v));
    t.row(std::move(row));
  }
  return t;
}

std::string fund_title(const FundResult& f, const Style& st) {
  return f.label.empty() || f.label == f.fund ? st.trf("Fund {}", f.fund)
                                              : st.trf("Fund {}: {}", f.fund, f.label);
}

}  // namespace

Document fund_document(const FundResult& f, const std::string& scenario, const Style& st) {
  Fmt m{st.locale, f.currency};
  Document d;
  d.title = fund_title(f, st);
  d.line(st.trf("{} and {} in {} of {} case file(s); {}, undiscounted, by calendar year{}",
                loan_count(static_cast<int>(f.loans.size()), st),
                grant_count(static_cast<int>(f.grants.size()), st), f.cases.size(), f.files, f.currency,
                scenario.empty() ? "" : st.trf("; scenario {}", scenario)));
  const int last = f.years.empty() ? 0 : f.years.back().year;
  if (f.capital_needed_year)
    d.line(st.trf("Capital needed: {} (the lowest cumulative cash, in {}); {}", m.cash(f.capital_needed),
                  *f.capital_needed_year,
                  f.refilled_year ? st.trf("repayments refill the pool by {}", *f.refilled_year)
                                  : st.trf("repayments do not refill the pool by {}", last)));
  else
    d.line(st.tr("Capital needed: none (the fund is never out of pocket)"));
  Table t;
  t.column(st.tr("Year"));
  for (const std::string& h :
       {st.tr("Disbursed"), st.tr("Granted"), st.tr("Repaid"), st.tr("Interest"), st.tr("Forgiven"),
        st.tr("Outstanding"), st.tr("Net cash"), st.tr("Cumulative")})
    t.column(h, Align::right);
  for (const FundYear& y : f.years)
    t.row({Cell::of(std::to_string(y.year)), money_cell(y.disbursed), money_cell(y.granted),
           money_cell(y.repaid), money_cell(y.interest), money_cell(y.forgiven), money_cell(y.balance),
           money_cell(y.net_cash), money_cell(y.cumulative_cash)});
  t.row({Cell::of(st.tr("Total")), money_cell(f.disbursed), money_cell(f.granted), money_cell(f.repaid),
         money_cell(f.interest), money_cell(f.forgiven), Cell::of(""), Cell::of(""), Cell::of("")});
  d.table(std::move(t));
  d.line(
      st.tr("Interest is charged interest (paid or added to balances); outstanding is owed at the end of the "
            "year."));
  if (!f.loans.empty()) {
    d.heading(st.tr("Loans"));
    Table l;
    l.column(st.tr("Case")).column(st.tr("Loan")).column(st.tr("Method")).column(st.tr("Borrower"));
    // "Principal" here is the amount lent; in a schedule, the part of a payment that repays it.
    for (const std::string& h : {st.trc("loan amount", "Principal"), st.tr("Disbursed"), st.tr("Last year"),
                                 st.tr("Paid"), st.tr("Forgiven"), st.tr("Lender PV")})
      l.column(h, Align::right);
    for (const FundLoan& L : f.loans)
      l.row({Cell::of(L.case_id), Cell::of(L.id), Cell::of(method_label(L.method, st)),
             Cell::of(L.borrower_label), money_cell(L.principal), Cell::of(std::to_string(L.disbursed)),
             Cell::of(std::to_string(L.last_year)), money_cell(L.total_paid), money_cell(L.forgiven),
             money_cell(L.lender_pv)});
    d.table(std::move(l));
    d.line(st.tr("Lender PV is under each case's discounting, to its start year."));
  }
  if (!f.grants.empty()) {
    d.heading(st.tr("Grants"));
    Table g;
    g.column(st.tr("Case"))
        .column(st.tr("Grant"))
        .column(st.tr("Recipient"))
        .column(st.tr("Total"), Align::right)
        .column(st.tr("Years"), Align::right);
    for (const FundGrant& G : f.grants)
      g.row({Cell::of(G.case_id), Cell::of(G.id), Cell::of(G.recipient_label), money_cell(G.total),
             Cell::of(G.first_year == 0             ? "-"
                      : G.first_year == G.last_year ? std::to_string(G.first_year)
                                                    : fmt::format("{}–{}", G.first_year, G.last_year))});
    d.table(std::move(g));
  }
  d.section(st.tr("Notes"), st.phrases(f.notes));
  d.json = fund_json(f, scenario);
  d.csv.push_back(fund_csv(f));
  return d;
}

}  // namespace gevinst::cli
