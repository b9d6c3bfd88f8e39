// gevinst repay CASE: financing and repayment schedules; gevinst repay
// --fund ID PATH...: one lender across many case files.
#include "cli/render/repay.h"

#include <fmt/format.h>

#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/render/render.h"
#include "libeval/case_files.h"
#include "libeval/financing.h"
#include "libeval/fund.h"

namespace gevinst::cli {

namespace {

struct Options {
  std::vector<std::string> paths;
  std::string scenario, loan, fund;
  std::vector<std::string> sets;
  bool periods = false;
  OutputOptions out;
};

[[noreturn]] void no_financing(const Case& c) {
  SourceLoc loc = c.info.loc.line > 0 ? c.info.loc : SourceLoc{1, 1};
  throw InputError{{Diagnostic{
      c.file, loc, Severity::error, "financing", fmt::format("case '{}' has no financing section", c.info.id),
      "add one: financing: [{id: fund-loan, method: gain-share, "
      "lender: fund, borrower: region, principal: 1.0e6, term: 8, gain_share: {share: 0.5, "
      "of: [benefit-id]}}]"}}};
}

// Keeps the one item --loan names (a loan or a grant) and its transfers.
void narrow(FinancingResult& f, const Case& c, const std::string& id) {
  std::erase_if(f.loans, [&](const LoanResult& L) { return L.id != id; });
  std::erase_if(f.grants, [&](const GrantResult& g) { return g.id != id; });
  std::erase_if(f.transfers, [&](const Transfer& t) { return t.source != id; });
  if (!f.loans.empty() || !f.grants.empty()) return;
  std::vector<std::string> ids;
  for (const auto& item : c.financing) ids.push_back(item.id);
  std::string guess = did_you_mean(id, ids);
  throw InputError{{Diagnostic{c.file,
                               {},
                               Severity::error,
                               "financing",
                               fmt::format("the case has no loan or grant '{}'", id),
                               guess.empty() ? fmt::format("financing ids: {}", fmt::join(ids, ", "))
                                             : fmt::format("did you mean '{}'?", guess)}}};
}

Provenance provenance(const Options& o, const Session& s) {
  Provenance p;
  p.files = s.sources.files();
  p.scenario = o.scenario;
  p.overrides = o.sets;
  return p;
}

int run_case(const Options& o, Session& s) {
  auto loaded = load_case_or_report(o.paths.front(), s.sources);
  if (!loaded) return Exit::invalid;
  const Case& c = *loaded->model;
  if (c.financing.empty()) no_financing(c);
  RepayReport r;
  r.case_id = c.info.id;
  r.title = c.info.title;
  r.file = c.file;
  r.scenario = o.scenario;
  r.discounting = c.assumptions.discounting;
  r.timing = c.assumptions.timing;
  r.financing = evaluate_case_financing(c, fund_overrides(c, o.scenario, o.sets));
  if (!o.loan.empty()) narrow(r.financing, c, o.loan);
  Document d = repay_document(r, o.out.style(), o.periods);
  d.provenance = provenance(o, s);
  return emit(o.out, d);
}

int run_fund(const Options& o, Session& s) {
  auto files = read_fund_cases(o.paths, o.out.quiet, 0, s);
  if (!files) return Exit::invalid;
  std::vector<FundCase> cases;
  for (const CaseFile& file : *files) {
    const Case& c = *file.model;
    cases.push_back({c.file, c.info.id, c.assumptions.currency,
                     evaluate_case_financing(c, fund_overrides(c, o.scenario, o.sets))});
  }
  FundResult f;
  try {
    f = evaluate_fund(cases, o.fund);
  } catch (InputError& e) {
    for (auto& d : e.diagnostics)
      if (d.file.empty()) d.file = "--fund";  // the library names no option
    throw;
  }
  Document d = fund_document(f, o.scenario, o.out.style());
  d.provenance = provenance(o, s);
  return emit(o.out, d);
}

}  // namespace

void add_repay(CLI::App& root, Session& s) {
  auto o = std::make_shared<Options>();
  CLI::App* app =
      root.add_subcommand("repay", "Financing: grants and loan repayment schedules; a fund across cases");
  app->description(
      "Financing and risk sharing: every grant year by year and every loan's schedule\n"
      "(opening balance, interest, payment, principal part, closing balance),\n"
      "totals paid, interest and forgiven, the lender's and borrower's present\n"
      "value, and who carried the risk. Gain-share loans repay from the realised gains of\n"
      "the case as evaluated (after profiles, under --scenario and --set), so a case that\n"
      "realises less repays less and the lender forgives the rest.\n\n"
      "Tables show one row per calendar year; --periods shows every period (monthly,\n"
      "quarterly). JSON and CSV always carry every period.\n\n"
      "With --fund ID the paths are case files or directories (searched for *.yaml): the\n"
      "loans and grants of lender/payer ID across them, per year disbursed, granted,\n"
      "repaid, forgiven, outstanding and the fund's cumulative cash; the capital the pool\n"
      "needs is the lowest cumulative cash. --scenario and --set apply to every case.\n\n"
      "Examples:\n"
      "  gevinst repay examples/pay-for-performance.yaml\n"
      "  gevinst repay examples/pay-for-performance.yaml --set readmission_reduction=0.1\n"
      "  gevinst repay case.yaml --loan fund-loan --periods\n"
      "  gevinst repay case.yaml --format json -o schedules.json\n"
      "  gevinst repay --fund innovation-fund examples/fund\n"
      "  gevinst repay --fund innovation-fund examples/fund --scenario worst --format csv\n"
      "  gevinst repay examples/pay-for-performance.yaml --lang da   # på dansk: afdrag, restgæld ...");
  app->add_option("paths", o->paths,
                  "Case file ('-' reads standard input); with --fund: case files or directories")
      ->required()
      ->check(ExistingPathOrStdin)
      ->type_name("CASE|PATH...");
  app->add_option("--loan,-l", o->loan, "Only this loan (or grant) id");
  add_scenario_options(app, o->scenario, o->sets);
  app->add_option("--fund", o->fund, "Fund view: the loans and grants of this lender/payer id across PATH...")
      ->type_name("ID");
  app->add_flag("--periods", o->periods, "Tables: every period instead of one row per year");
  add_output_options(app, o->out, document_formats());
  add_lang_option(app, o->out);
  app->callback([o, &s, app] {
    imply_locale(app, o->out);
    if (o->fund.empty() && o->paths.size() != 1)
      throw CLI::ValidationError("repay", "give one CASE, or --fund ID with case files or directories");
    if (!o->fund.empty() && !o->loan.empty())
      throw CLI::ValidationError("--loan", "--loan applies to one case, not to --fund");
    if (!o->fund.empty() && o->periods)
      throw CLI::ValidationError("--periods", "--periods applies to one case, not to --fund");
    s.run = [o, &s] { return o->fund.empty() ? run_case(*o, s) : run_fund(*o, s); };
  });
}

}  // namespace gevinst::cli
