#include "cli/render_repay.h"

#include <fmt/format.h>

#include <cmath>

#include "cli/render_business_case.h"

namespace gevinst::cli {

namespace {

const char* method_name(Financing::Method m) {
  switch (m) {
    case Financing::Method::grant: return "grant";
    case Financing::Method::annuity: return "annuity";
    case Financing::Method::serial: return "serial";
    case Financing::Method::bullet: return "bullet";
    case Financing::Method::gain_share: return "gain-share";
  }
  return "annuity";
}

const char* frequency(int ppy) {
  switch (ppy) {
    case 1: return "yearly";
    case 2: return "half-yearly";
    case 4: return "quarterly";
    case 12: return "monthly";
  }
  return "";
}

std::string plural(int n, const char* word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

// A document of headings, lines, tables and bullets, rendered as text or Markdown.
struct Block {
  enum Kind { heading, line, table, bullets } kind;
  std::string text;
  Table t;
  std::vector<std::string> items;
};

struct Doc {
  std::vector<Block> blocks;
  void heading(std::string s) { blocks.push_back({Block::heading, std::move(s), {}, {}}); }
  void line(std::string s) { blocks.push_back({Block::line, std::move(s), {}, {}}); }
  void table(Table t) { blocks.push_back({Block::table, {}, std::move(t), {}}); }
  void bullets(std::vector<std::string> items) {
    if (!items.empty()) blocks.push_back({Block::bullets, {}, {}, std::move(items)});
  }

  std::string text(const std::string& title) const {
    std::string out = title + "\n";
    Block::Kind prev = Block::heading;
    for (const Block& b : blocks) {
      switch (b.kind) {
        case Block::heading: out += "\n" + b.text + "\n"; break;
        case Block::line: out += (prev == Block::table ? "\n" : "") + b.text + "\n"; break;
        case Block::table:
          // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "..." + std::string&&.
          if (prev == Block::line) out += '\n';
          out += b.t.render_text();
          break;
        case Block::bullets:
          for (const auto& s : b.items) out += "- " + s + "\n";
          break;
      }
      prev = b.kind;
    }
    return out;
  }

  std::string markdown(const std::string& title) const {
    std::string out = "## " + title + "\n\n";
    Block::Kind prev = Block::heading;
    for (const Block& b : blocks) {
      switch (b.kind) {
        case Block::heading: out += "\n### " + b.text + "\n\n"; break;
        case Block::line:
          out += (prev == Block::table || prev == Block::bullets ? "\n" : "") + b.text + "  \n";
          break;
        case Block::table:
          if (prev == Block::line) out += '\n';
          out += b.t.render_markdown();
          break;
        case Block::bullets:
          out += prev == Block::heading ? "" : "\n";
          for (const auto& s : b.items) out += "- " + s + "\n";
          break;
      }
      prev = b.kind;
    }
    return out;
  }
};

struct Fmt {
  NumberLocale loc;
  std::string currency;
  std::string money(double v) const { return format_number(v, 0, loc); }
  std::string cash(double v) const { return money(v) + " " + currency; }
  // 1.2 -> "1.2", 3 -> "3": as many decimals as needed, up to 4.
  std::string plain(double v) const {
    int d = 0;
    while (d < 4 && std::fabs(v * std::pow(10, d) - std::round(v * std::pow(10, d))) > 1e-9) ++d;
    return format_number(v, d, loc);
  }
  // 0.02 -> "2 %", 0.035 -> "3.5 %".
  std::string pct(double v) const { return plain(v * 100) + " %"; }
  std::string factor(double v) const { return plain(v); }
};

std::string join(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, ", ")); }

}  // namespace

std::string risk_line(const LoanResult& L, const std::string& currency, NumberLocale loc) {
  Fmt f{loc, currency};
  const LoanTerms& t = L.terms;
  const LoanSchedule& s = L.schedule;
  if (!(t.principal > 0)) return "Nothing is lent.";
  if (L.method != Financing::Method::gain_share)
    return fmt::format(
        "{} repays the {} in full by {} whatever the gains ({} with interest): the borrower, not {}, "
        "carries the risk that gains fall short.",
        L.borrower_label, f.cash(t.principal), L.last_year, f.cash(s.total_paid), L.lender_label);
  switch (L.forgiven_because) {
    case Forgiveness::gains_short:
      // With capitalised interest the forgiven balance can exceed the principal.
      return fmt::format(
          "{} carried {} {} because gains fell short: {} paid {} in all, and the balance left "
          "in {} (principal and unpaid interest) was forgiven.",
          L.lender_label, f.cash(s.forgiven),
          s.forgiven > t.principal + 0.005 ? fmt::format("(more than the {} lent, with the interest "
                                                         "added to the balance)",
                                                         f.cash(t.principal))
                                           : fmt::format("of the {}", f.cash(t.principal)),
          L.borrower_label, f.cash(s.total_paid), L.last_year);
    case Forgiveness::cap_reached:
      return fmt::format(
          "{} forgave {} of the {} because payments reached the cap ({} × the principal): {} paid {} "
          "in all.",
          L.lender_label, f.cash(s.forgiven), f.cash(t.principal), t.cap ? f.factor(*t.cap) : "-",
          L.borrower_label, f.cash(s.total_paid));
    case Forgiveness::none: break;
  }
  const bool ran_full_term = static_cast<int>(s.rows.size()) == t.grace + t.term;
  if (t.residual == Residual::due && ran_full_term)
    return fmt::format(
        "{} carried no loss: {} repaid the {} by {} ({} with interest), what the gains left falling "
        "due in the last period; the borrower carried that part of the risk.",
        L.lender_label, L.borrower_label, f.cash(t.principal), L.last_year, f.cash(s.total_paid));
  return fmt::format("{} carried no loss: the gains repaid the {} in full by {} ({} with interest).",
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
  j["discounting"] = {{"name", r.discounting.name},
                      {"source", r.discounting.source},
                      {"timing", r.timing == Timing::mid ? "mid" : "end"}};
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
    l["risk"] = risk_line(L, fr.currency, NumberLocale::en);
    l["notes"] = L.notes;
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
  Json transfers = Json::array();
  for (const Transfer& t : fr.transfers)
    transfers.push_back({{"year", t.year},
                         {"from", t.from},
                         {"to", t.to},
                         {"source", t.source},
                         {"kind", t.kind},
                         {"amount", num(t.amount)}});
  j["transfers"] = std::move(transfers);
  return j;
}

namespace {

Table loan_years_table(const LoanResult& L, const Fmt& f) {
  const bool gs = L.method == Financing::Method::gain_share;
  const bool periods = L.terms.periods_per_year > 1;
  Table t;
  t.header = {"Year"};
  if (periods) t.header.push_back("Periods");
  if (gs) {
    t.header.push_back("Gains");
    t.header.push_back(fmt::format("{} of gains", f.pct(L.terms.gain_share)));
  }
  for (const char* h : {"Opening", "Interest", "Payment", "Principal", "Closing", "Note"})
    t.header.push_back(h);
  t.right.assign(t.header.size(), true);
  t.right.front() = false;
  t.right.back() = false;
  double gains = 0, offered = 0, interest = 0, payment = 0, principal = 0;
  for (size_t k = 0; k < L.years.size(); ++k) {
    const LoanYear& y = L.years[k];
    std::vector<std::string> row{std::to_string(y.year)};
    if (periods)
      row.push_back(y.first_period == y.last_period ? std::to_string(y.first_period)
                                                    : fmt::format("{}–{}", y.first_period, y.last_period));
    if (gs) {
      row.push_back(f.money(y.gains));
      row.push_back(f.money(y.offered));
    }
    for (double v : {y.opening, y.interest, y.payment, y.principal, y.closing}) row.push_back(f.money(v));
    std::vector<std::string> note;
    const int n = y.last_period - y.first_period + 1;
    if (y.grace_periods == n)
      note.push_back("grace");
    else if (y.grace_periods > 0)
      note.push_back(fmt::format("{} in grace", plural(y.grace_periods, "period")));
    if (k + 1 == L.years.size() && L.schedule.forgiven > 0)
      note.push_back(fmt::format("{} forgiven", f.money(L.schedule.forgiven)));
    row.push_back(join(note));
    t.rows.push_back(std::move(row));
    gains += y.gains;
    offered += y.offered;
    interest += y.interest;
    payment += y.payment;
    principal += y.principal;
  }
  std::vector<std::string> total{"Total"};
  if (periods) total.push_back("");
  if (gs) {
    total.push_back(f.money(gains));
    total.push_back(f.money(offered));
  }
  for (const std::string& s :
       {std::string(), f.money(interest), f.money(payment), f.money(principal), std::string(), std::string()})
    total.push_back(s);
  t.rows.push_back(std::move(total));
  return t;
}

Table loan_periods_table(const LoanResult& L, const Fmt& f) {
  Table t;
  t.header = {"Period", "Year", "Opening", "Interest", "Payment", "Principal", "Closing", "Note"};
  t.right = {true, true, true, true, true, true, true, false};
  for (const ScheduleRow& r : L.schedule.rows)
    t.rows.push_back({std::to_string(r.period), std::to_string(r.year), f.money(r.opening),
                      f.money(r.interest), f.money(r.payment), f.money(r.principal), f.money(r.closing),
                      r.period <= L.terms.grace ? "grace" : ""});
  return t;
}

void describe_loan(Doc& d, const LoanResult& L, const RepayReport& r, const Fmt& f, bool periods) {
  const LoanTerms& t = L.terms;
  const LoanSchedule& s = L.schedule;
  d.heading(fmt::format("Loan {}{}", L.id, L.label.empty() ? "" : ": " + L.label));
  d.line(fmt::format("{}: {} lends {} to {} in {}", method_name(L.method), L.lender_label,
                     f.cash(t.principal), L.borrower_label, t.disbursed));
  std::string grace =
      t.grace == 0 ? "no grace"
                   : fmt::format("{} of grace ({})", plural(t.grace, "period"),
                                 t.grace_mode == GraceMode::capitalise ? "interest added to the balance"
                                                                       : "interest only");
  d.line(fmt::format("{} a year, {}; {}; {} to repay", f.pct(t.rate), frequency(t.periods_per_year), grace,
                     plural(t.term, "period")));
  if (L.method == Financing::Method::gain_share)
    d.line(fmt::format("repays {} of the realised gains of {}{}; after the term the balance {}",
                       f.pct(t.gain_share), join(L.gain_of),
                       t.cap ? fmt::format(", up to {} × the principal", f.factor(*t.cap)) : "",
                       t.residual == Residual::due ? "falls due (up to the cap)" : "is forgiven"));
  if (s.rows.empty())
    d.line("No schedule: nothing is lent.");
  else
    d.table(periods ? loan_periods_table(L, f) : loan_years_table(L, f));
  d.line(fmt::format("Paid {} in all ({} interest charged); forgiven {}", f.cash(s.total_paid),
                     f.money(s.total_interest), f.money(s.forgiven)));
  d.line(fmt::format("Present value to {}: lender {}, borrower {} (discounting {})", r.financing.start_year,
                     f.money(L.pv.lender), f.money(L.pv.borrower),
                     r.discounting.name.empty() ? "custom" : r.discounting.name));
  d.line("Risk: " + risk_line(L, f.currency, f.loc));
  d.bullets(L.notes);
}

void describe_grant(Doc& d, const GrantResult& g, const Fmt& f, int start_year) {
  d.heading(fmt::format("Grant {}{}", g.id, g.label.empty() ? "" : ": " + g.label));
  d.line(fmt::format("{} of {}, paid by {} to {} in the same year; never repaid", f.pct(g.share), join(g.of),
                     g.payer_label, g.recipient_label));
  Table t;
  t.header = {"Year", "Listed costs", "Grant"};
  t.right = {false, true, true};
  double base = 0;
  for (size_t k = 0; k < g.years.size(); ++k) {
    if (g.base[k] == 0 && g.years[k] == 0) continue;
    t.rows.push_back(
        {std::to_string(start_year + static_cast<int>(k)), f.money(g.base[k]), f.money(g.years[k])});
    base += g.base[k];
  }
  if (t.rows.empty()) {
    d.line("The listed costs are zero over the horizon: no grant is paid.");
    return;
  }
  t.rows.push_back({"Total", f.money(base), f.money(g.total)});
  d.table(std::move(t));
  d.line(fmt::format("Total {}; present value {}", f.cash(g.total), f.money(g.pv)));
}

Doc repay_doc(const RepayReport& r, NumberLocale loc, bool periods) {
  const FinancingResult& fr = r.financing;
  Fmt f{loc, fr.currency};
  Doc d;
  d.line(fmt::format("Financing and repayment schedules; {}, {}–{}; discounting {}{}", fr.currency,
                     fr.start_year, fr.start_year + fr.horizon - 1,
                     describe_discounting(r.discounting, r.timing, loc),
                     r.scenario.empty() ? "" : fmt::format("; scenario {}", r.scenario)));
  for (const LoanResult& L : fr.loans) describe_loan(d, L, r, f, periods);
  for (const GrantResult& g : fr.grants) describe_grant(d, g, f, fr.start_year);
  return d;
}

std::string title_of(const RepayReport& r) {
  return fmt::format("{} ({})", r.title.empty() ? r.case_id : r.title, r.case_id);
}

}  // namespace

std::string repay_table(const RepayReport& r, NumberLocale loc, bool periods) {
  return repay_doc(r, loc, periods).text(title_of(r));
}

std::string repay_markdown(const RepayReport& r, NumberLocale loc, bool periods) {
  return repay_doc(r, loc, periods).markdown(title_of(r));
}

std::string repay_csv(const RepayReport& r) {
  auto g = [](double v) { return fmt::format("{:.15g}", v); };
  std::string out =
      csv_row({"id", "method", "period", "year", "opening", "interest", "payment", "principal", "closing"});
  for (const LoanResult& L : r.financing.loans)
    for (const ScheduleRow& row : L.schedule.rows)
      out += csv_row({L.id, method_name(L.method), std::to_string(row.period), std::to_string(row.year),
                      g(row.opening), g(row.interest), g(row.payment), g(row.principal), g(row.closing)});
  for (const GrantResult& gr : r.financing.grants)
    for (size_t k = 0; k < gr.years.size(); ++k)
      if (gr.years[k] != 0)
        out += csv_row({gr.id, "grant", "", std::to_string(r.financing.start_year + static_cast<int>(k)), "",
                        "", g(gr.years[k]), "", ""});
  return out;
}

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
  j["notes"] = f.notes;
  return j;
}

namespace {

std::string fund_title(const FundResult& f) {
  return f.label.empty() || f.label == f.fund ? fmt::format("Fund {}", f.fund)
                                              : fmt::format("Fund {}: {}", f.fund, f.label);
}

Doc fund_doc(const FundResult& f, const std::string& scenario, NumberLocale loc) {
  Fmt m{loc, f.currency};
  Doc d;
  d.line(fmt::format("{} and {} in {} of {} case file(s); {}, undiscounted, by calendar year{}",
                     plural(static_cast<int>(f.loans.size()), "loan"),
                     plural(static_cast<int>(f.grants.size()), "grant"), f.cases.size(), f.files, f.currency,
                     scenario.empty() ? "" : fmt::format("; scenario {}", scenario)));
  const int last = f.years.empty() ? 0 : f.years.back().year;
  if (f.capital_needed_year)
    d.line(fmt::format("Capital needed: {} (the lowest cumulative cash, in {}); {}", m.cash(f.capital_needed),
                       *f.capital_needed_year,
                       f.refilled_year ? fmt::format("repayments refill the pool by {}", *f.refilled_year)
                                       : fmt::format("repayments do not refill the pool by {}", last)));
  else
    d.line("Capital needed: none (the fund is never out of pocket)");
  Table t;
  t.header = {"Year",     "Disbursed",   "Granted",  "Repaid",    "Interest",
              "Forgiven", "Outstanding", "Net cash", "Cumulative"};
  t.right.assign(t.header.size(), true);
  t.right.front() = false;
  for (const FundYear& y : f.years)
    t.rows.push_back({std::to_string(y.year), m.money(y.disbursed), m.money(y.granted), m.money(y.repaid),
                      m.money(y.interest), m.money(y.forgiven), m.money(y.balance), m.money(y.net_cash),
                      m.money(y.cumulative_cash)});
  t.rows.push_back({"Total", m.money(f.disbursed), m.money(f.granted), m.money(f.repaid), m.money(f.interest),
                    m.money(f.forgiven), "", "", ""});
  d.table(std::move(t));
  d.line(
      "Interest is charged interest (paid or added to balances); outstanding is owed at the end of the "
      "year.");
  if (!f.loans.empty()) {
    d.heading("Loans");
    Table l;
    l.header = {"Case",      "Loan",      "Method", "Borrower", "Principal",
                "Disbursed", "Last year", "Paid",   "Forgiven", "Lender PV"};
    l.right = {false, false, false, false, true, true, true, true, true, true};
    for (const FundLoan& L : f.loans)
      l.rows.push_back({L.case_id, L.id, method_name(L.method), L.borrower_label, m.money(L.principal),
                        std::to_string(L.disbursed), std::to_string(L.last_year), m.money(L.total_paid),
                        m.money(L.forgiven), m.money(L.lender_pv)});
    d.table(std::move(l));
    d.line("Lender PV is under each case's discounting, to its start year.");
  }
  if (!f.grants.empty()) {
    d.heading("Grants");
    Table g;
    g.header = {"Case", "Grant", "Recipient", "Total", "Years"};
    g.right = {false, false, false, true, true};
    for (const FundGrant& G : f.grants)
      g.rows.push_back({G.case_id, G.id, G.recipient_label, m.money(G.total),
                        G.first_year == 0             ? "-"
                        : G.first_year == G.last_year ? std::to_string(G.first_year)
                                                      : fmt::format("{}–{}", G.first_year, G.last_year)});
    d.table(std::move(g));
  }
  if (!f.notes.empty()) {
    d.heading("Notes");
    d.bullets(f.notes);
  }
  return d;
}

}  // namespace

std::string fund_table(const FundResult& f, const std::string& scenario, NumberLocale loc) {
  return fund_doc(f, scenario, loc).text(fund_title(f));
}

std::string fund_markdown(const FundResult& f, const std::string& scenario, NumberLocale loc) {
  return fund_doc(f, scenario, loc).markdown(fund_title(f));
}

std::string fund_csv(const FundResult& f) {
  auto g = [](double v) { return fmt::format("{:.15g}", v); };
  std::string out = csv_row({"year", "disbursed", "granted", "repaid", "interest", "forgiven", "balance",
                             "net_cash", "cumulative_cash"});
  for (const FundYear& y : f.years)
    out += csv_row({std::to_string(y.year), g(y.disbursed), g(y.granted), g(y.repaid), g(y.interest),
                    g(y.forgiven), g(y.balance), g(y.net_cash), g(y.cumulative_cash)});
  return out;
}

}  // namespace gevinst::cli
