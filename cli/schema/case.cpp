// Schema definitions of the case document (format gevinst/1), section by
// section as in docs/case-format.md and the loader.
#include "cli/schema/parts.h"
#include "libeval/presets.h"

namespace gevinst::cli {

namespace {

using namespace schema;

J info_def() {
  return object(
      "What the case is: its id, title, owner and how far it has come.",
      {{"id",
        described("The case's id, unique among the cases you compare: e.g. kol-telemonitoring.", ref("id"))},
       {"title", text("A one-line title.")},
       {"owner", text("Who owns the case (e.g. Region Nordjylland).")},
       {"description", text("A longer description of the solution and the case.")},
       {"stage",
        {{"description",
          "How far the solution has come: needs, development, evaluation, implementation "
          "or scaling. At implementation and scaling, benefits without a realisation "
          "profile (gevinstprofil) get a warning."},
         {"enum", {"needs", "development", "evaluation", "implementation", "scaling"}}}},
       {"evidence",
        {{"description",
          "The strength of the evidence: none < pilot < documented < hta "
          "(a health technology assessment). Rollout criteria compare with it."},
         {"enum", {"none", "pilot", "documented", "hta"}}}},
       {"template",
        {{"description", "The calculation template size the case follows: small or large."},
         {"enum", {"small", "large"}}}}},
      {"id"});
}

J discounting_def() {
  J step =
      object("One step: the rate that discounts year indices t >= from_index, until the next step.",
             {{"from_index", integer("The year index t (start_year has t = 0) from which the rate applies; "
                                     "the first step has from_index 1, later steps increase.",
                                     1, 1000000000)},
              {"rate",
               {{"description", "The real discount rate, a literal fraction: 0.035 = 3.5 %."},
                {"type", "number"},
                {"exclusiveMinimum", -1},
                {"maximum", 1}}}},
             {"from_index", "rate"});
  J inline_rate = {{"type", "object"},
                   {"properties",
                    {{"rate",
                      {{"description", "One constant real rate for every year, a literal fraction: 0.035."},
                       {"type", "number"},
                       {"exclusiveMinimum", -1},
                       {"maximum", 1}}},
                     {"schedule",
                      {{"description",
                        "A step schedule: [{from_index: 1, rate: 0.035}, "
                        "{from_index: 36, rate: 0.025}]."},
                       {"type", "array"},
                       {"minItems", 1},
                       {"items", step}}}}},
                   {"additionalProperties", false},
                   {"oneOf", J::array({{{"required", {"rate"}}}, {{"required", {"schedule"}}}})}};
  J preset = {{"enum", discount_preset_names()}};
  return {
      {"description",
       "How flows are discounted to start_year: a preset name (dk-fm-2021, the Danish Ministry of Finance's "
       "3.5 / 2.5 / 1.5 % since 2021, is the default), {rate: 0.035} or {schedule: [...]}. "
       "DF(0) = 1, DF(t) = DF(t-1) / (1 + r(t))."},
      {"default", "dk-fm-2021"},
      {"anyOf", J::array({preset, inline_rate})}};
}

J assumptions_def() {
  J fte_hours = {
      {"description",
       "Hours per full-time equivalent (årsværk), used to turn freed hours into FTE: a number of "
       "hours or a preset name. Default 1924 (37 hours x 52 weeks)."},
      {"default", 1924},
      {"anyOf", J::array({{{"type", "number"}, {"exclusiveMinimum", 0}, {"maximum", 8784}},
                          names_or_string("An hours-per-FTE preset.", fte_hours_preset_names())})}};
  J optimism =
      object("Optimism bias corrections: costs are raised and benefits lowered by these shares.",
             {{"investment", number("Share added to investment costs, e.g. 0.24.", Num::nonnegative)},
              {"implementation", number("Share added to implementation costs.", Num::nonnegative)},
              {"operating", number("Share added to operating costs.", Num::nonnegative)},
              {"other", number("Share added to other costs.", Num::nonnegative)},
              {"benefits", number("Share taken off every benefit, between 0 and 1.", Num::share)}},
             {});
  return object(
      "The calculation's frame: years, prices, currency, discounting and hours per FTE.",
      {{"start_year",
        integer("The first year of the horizon (year index t = 0), a literal year.", 1900, 2200)},
       {"horizon", integer("Number of years covered: start_year .. start_year + horizon - 1.", 1, 200)},
       {"price_year",
        integer("The year whose fixed prices all amounts are in; default start_year. Items with another "
                "price_year are converted to it with price_index.",
                1900, 2200)},
       {"price_index",
        {{"description",
          "A price index preset that converts items stating their own price_year: amount x "
          "index(price_year) / index(item's price_year)."},
         {"enum", price_index_preset_names()}}},
       {"inflation",
        {{"description",
          "Yearly inflation that deflates nominal loan flows before they enter the parties' present "
          "values: flow / (1 + inflation)^t, t = year - start_year; default 0 (no deflation)."},
         {"type", "number"},
         {"minimum", -0.05},
         {"maximum", 0.5},
         {"default", 0}}},
       {"currency",
        {{"description", "ISO 4217 currency code of every amount; default DKK."},
         {"type", "string"},
         {"pattern", "^[A-Z]{3}$"},
         {"default", "DKK"}}},
       {"discounting", ref("discounting")},
       {"timing",
        {{"description",
          "When in a year its flows fall: end (the default, the spreadsheet convention) "
          "or mid (every flow half a year later)."},
         {"enum", {"end", "mid"}},
         {"default", "end"}}},
       {"fte_hours", fte_hours},
       {"optimism_bias", optimism}},
      {"start_year", "horizon"});
}

J dist_def() {
  auto args = [](const std::string& d, int n) {
    return J{
        {"description", d},
        {"type", "array"},
        {"minItems", n},
        {"maxItems", n},
        {"items", number("A distribution argument (a number, or an expression over fixed parameters).")}};
  };
  return {{"description", "The parameter's distribution for Monte Carlo simulation: exactly one kind."},
          {"type", "object"},
          {"minProperties", 1},
          {"maxProperties", 1},
          {"properties",
           {{"normal", args("[mean, sd].", 2)},
            {"lognormal", args("[mean, sd] of the variable itself (not of its log).", 2)},
            {"beta", args("[mean, sd] of a share; needs sd^2 < mean (1 - mean).", 2)},
            {"gamma", args("[mean, sd]; mean > 0.", 2)},
            {"uniform", args("[min, max].", 2)},
            {"triangular", args("[min, mode, max].", 3)},
            {"pert", args("[min, mode, max].", 3)}}},
          {"additionalProperties", false}};
}

J parameter_def() {
  J full = object(
      "A parameter with its documentation and uncertainty.",
      {{"value", number("The base-case value.")},
       {"low", number("Low value for one-way sensitivity.")},
       {"high", number("High value for one-way sensitivity.")},
       {"dist", ref("dist")},
       {"source", text("Where the number comes from: a publication, a table, or \"assumption\" with the "
                       "reasoning. Parameters without a source get a warning.")},
       {"label", text("A readable name.")},
       {"unit", text("The unit, e.g. patients/year, DKK, share.")},
       {"description", text("What the parameter means.")}},
      {"value"});
  return {{"description",
           "A named input: a number, an expression over other parameters, or "
           "{value, low, high, dist, source}."},
          {"anyOf", J::array({{{"type", "number"}}, ref("expression"), full})}};
}

J profile_def() {
  J steps = year_map(
      "Year -> share realised from that year on (0 before the first listed year): "
      "{2027: 0.4, 2028: 0.8, 2029: 1.0}.",
      number("The share realised, between 0 and 1.", Num::share));
  J linear = object("A linear ramp.",
                    {{"linear", object("Share (year - from + 1) / years, capped at 1; 0 before from.",
                                       {{"from", described("The first year of the ramp.", ref("year"))},
                                        {"years", integer("Years until full realisation.", 1, 1000000000)}},
                                       {"from", "years"})}},
                    {"linear"});
  J logistic = object(
      "A logistic adoption curve.",
      {{"logistic", object("Share 1 / (1 + exp(-steepness (year - midpoint))).",
                           {{"midpoint",
                             {{"description", "The calendar year of 50 % realisation (a literal number)."},
                              {"type", "number"}}},
                            {"steepness",
                             {{"description", "How fast the curve rises, > 0; default 1."},
                              {"type", "number"},
                              {"exclusiveMinimum", 0},
                              {"default", 1}}}},
                           {"midpoint"})}},
      {"logistic"});
  return {{"description",
           "Benefit realisation profile (gevinstprofil) or adoption curve: the share realised each "
           "year. A year map {2027: 0.4, 2028: 1.0}, {linear: {from, years}} or "
           "{logistic: {midpoint, steepness}}. Without it the share is 1."},
          {"oneOf", J::array({steps, linear, logistic})}};
}

J flow_properties(bool cost) {
  J kind = cost ? J{{"description",
                     "What the cost is: investment (anskaffelse), implementation (implementering: "
                     "training, backfill, frikøb), operating (drift) or other."},
                    {"enum", {"investment", "implementation", "operating", "other"}}}
                : J{{"description",
                     "What the benefit is: budget (frees cash), capacity (frees staff time valued at "
                     "its cost), societal (outside public budgets, e.g. patients' time) or qualitative "
                     "(described, never priced)."},
                    {"enum", {"budget", "capacity", "societal", "qualitative"}}};
  return {
      {"id", described("The item's id, unique across costs, benefits, activities, outcomes and financing.",
                       ref("id"))},
      {"label", text("A readable name.")},
      {"kind", kind},
      {"party", described(cost ? "The party that pays it (an id under parties)."
                               : "The party that receives it (an id under parties).",
                          ref("id"))},
      {"amount", number("A one-off amount in `year`.", Num::nonnegative)},
      {"year", described("The year of a one-off amount; default start_year.", ref("year"))},
      {"per_year", number("A recurring amount per year, from `from` to `to`.", Num::nonnegative)},
      {"from", described("First year of a per_year amount; default start_year.", ref("year"))},
      {"to", described("Last year of a per_year amount; default the last year of the horizon.", ref("year"))},
      {"growth",
       number("Compound real growth per year after `from` (per_year only): 0.01 = 1 %.", Num::rate)},
      {"amounts", year_map("An explicit series: {2026: 300000, 2027: 320000}.",
                           number("The amount in that year.", Num::nonnegative))},
      {"profile", ref("profile")},
      {"price_year",
       integer("The year whose prices this item's amounts are in, when not the case's price_year; "
               "needs assumptions.price_index.",
               1900, 2200)},
      {"description", text(cost ? "What the cost covers."
                                : "What the benefit is and how it shows "
                                  "(required for qualitative benefits).")},
      {"source", text("Where the figures come from.")}};
}

// Exactly one of amount, per_year and amounts, each with its own companions.
J flow_forms() {
  J amount = {{"required", {"amount"}},
              {"properties",
               {{"per_year", false}, {"amounts", false}, {"from", false}, {"to", false}, {"growth", false}}}};
  J per_year = {{"required", {"per_year"}},
                {"properties", {{"amount", false}, {"amounts", false}, {"year", false}}}};
  J amounts = {{"required", {"amounts"}},
               {"properties",
                {{"amount", false},
                 {"per_year", false},
                 {"year", false},
                 {"from", false},
                 {"to", false},
                 {"growth", false}}}};
  return J::array({amount, per_year, amounts});
}

J cost_def() {
  J c = object("A cost: one of amount (one-off), per_year (recurring) or amounts (a series).",
               flow_properties(true), {"id", "kind", "party"});
  c["oneOf"] = flow_forms();
  return c;
}

J benefit_def() {
  J b = object(
      "A benefit: one of amount, per_year or amounts; a qualitative benefit has a description and no amount.",
      flow_properties(false), {"id", "kind", "party"});
  b["if"] = {{"properties", {{"kind", {{"const", "qualitative"}}}}}, {"required", {"kind"}}};
  b["then"] = {{"required", {"description"}},
               {"properties", {{"amount", false}, {"per_year", false}, {"amounts", false}}}};
  b["else"] = {{"oneOf", flow_forms()}};
  return b;
}

J party_def() {
  return object(
      "A party that pays or receives: region, municipality, patients, a fund...",
      {{"id", described("The party's id, used by costs, benefits, activities and financing.", ref("id"))},
       {"label", text("A readable name, e.g. Region Nordjylland.")},
       {"sector",
        {{"description", "The party's sector."},
         {"enum", {"region", "municipality", "general-practice", "state", "citizen", "private", "other"}}}}},
      {"id", "sector"});
}

J capacity_def() {
  J group =
      object("A staff group: its fully loaded hour cost, or a staff preset.",
             {{"hour_cost", number("Fully loaded cost of one hour of this staff group.", Num::nonnegative)},
              {"label", text("A readable name.")},
              {"preset", names_or_string("A staff preset giving the hour cost.", staff_preset_names())},
              {"source", text("Where the hour cost comes from.")}},
             {});
  group["anyOf"] = J::array({{{"required", {"hour_cost"}}}, {{"required", {"preset"}}}});
  J activity = object(
      "An activity whose staff time is freed (kapacitetsfrigørelse): hours = time saved per event x events x "
      "adoption; realisable hours = hours x realisable; FTE = realisable hours / fte_hours; value = "
      "realisable "
      "hours x hour cost.",
      {{"id", described("The activity's id (unique across the case).", ref("id"))},
       {"label", text("A readable name.")},
       {"staff", text("The staff group whose time is freed (a key under capacity.staff).")},
       {"party", described("Who gets the time back (a party id).", ref("id"))},
       {"minutes_saved", number("Minutes saved per event (or give hours_saved).", Num::nonnegative)},
       {"hours_saved", number("Hours saved per event (or give minutes_saved).", Num::nonnegative)},
       {"events_per_year", number("How many times a year the activity happens.", Num::nonnegative)},
       {"from", described("First year; default start_year.", ref("year"))},
       {"to", described("Last year; default the last year of the horizon.", ref("year"))},
       {"adoption",
        described("Share of events affected each year (same forms as a profile).", ref("profile"))},
       {"realisable", number("Share of freed time that can really be redeployed; default 1.", Num::share)},
       {"monetise",
        described("Add the value as a capacity benefit of the party; default true.", ref("boolean"))},
       {"source", text("Where the time and event figures come from.")},
       {"description", text("What changes in the work.")}},
      {"id", "staff", "party", "events_per_year"});
  activity["oneOf"] = J::array({{{"required", {"minutes_saved"}}}, {{"required", {"hours_saved"}}}});
  return object(
      "Capacity release: staff groups and the activities whose time is freed, in hours and FTE (årsværk).",
      {{"staff",
        {{"description", "Staff groups by name: nurse: {hour_cost: 450}."},
         {"type", "object"},
         {"additionalProperties", group}}},
       {"activities",
        {{"description", "The activities whose time is freed."}, {"type", "array"}, {"items", activity}}},
       {"target_fte", number("An FTE target to compare the freed FTE with.", Num::positive)}},
      {"staff"});
}

J sroi_def() {
  J outcome = object(
      "An SROI outcome: impact(k) = quantity x proxy x (1 - deadweight) x (1 - attribution) x (1 - "
      "displacement) "
      "x (1 - drop_off)^k for k = 0 .. duration - 1.",
      {{"id", described("The outcome's id (unique across the case).", ref("id"))},
       {"stakeholder", text("Who experiences the outcome, e.g. patients.")},
       {"indicator", text("How the outcome is counted, e.g. hours of travel avoided.")},
       {"quantity", number("Units of outcome per year.", Num::nonnegative)},
       {"proxy", number("Financial proxy: the value of one unit.", Num::nonnegative)},
       {"proxy_source", text("Where the proxy comes from.")},
       {"start", described("First year of the outcome; default start_year.", ref("year"))},
       {"duration", integer("Years the outcome lasts; default 1.", 1, 200)},
       {"deadweight", number("Share that would have happened anyway; default 0.", Num::share)},
       {"attribution", number("Share caused by others; default 0.", Num::share)},
       {"displacement", number("Share moved rather than created; default 0.", Num::share)},
       {"drop_off",
        number("Share by which the outcome fades each year after the first; default 0.", Num::share)},
       {"description", text("What the outcome is.")},
       {"source", text("Where the quantity comes from.")}},
      {"id", "stakeholder", "quantity", "proxy"});
  return object("Social return on investment: ratio = PV of outcomes / investment.",
                {{"investment",
                  {{"description", "auto (the PV of all the case's costs, the default) or a present value."},
                   {"default", "auto"},
                   {"anyOf", J::array({{{"const", "auto"}},
                                       {{"type", "number"}, {"exclusiveMinimum", 0}},
                                       ref("expression")})}}},
                 {"first_year",
                  {{"description",
                    "How an outcome's years are discounted: undiscounted (the default: year index t takes "
                    "DF(t)) or discounted (the SROI guide's habit: DF(t + 1)). The investment takes DF(t)."},
                   {"enum", {"undiscounted", "discounted"}},
                   {"default", "undiscounted"}}},
                 {"outcomes",
                  {{"description", "The outcomes with their financial proxies."},
                   {"type", "array"},
                   {"items", outcome}}}},
                {"outcomes"});
}

J financing_defs(J& defs) {
  defs["grant"] = object(
      "A grant: a transfer of a share of the listed costs, year by year, never repaid.",
      {{"id", ref("id")},
       {"label", text("A readable name.")},
       {"method", {{"const", "grant"}}},
       {"payer", described("The party that pays the grant.", ref("id"))},
       {"recipient", described("The party that receives it.", ref("id"))},
       {"share",
        number("The share of the listed costs it covers, e.g. 0.7 (co-financing up to 70 %).", Num::share)},
       {"of", described("The cost ids it co-finances.", ref("idList"))},
       {"description", text("What the grant is.")}},
      {"id", "method", "payer", "recipient", "share", "of"});
  J principal = {{"description",
                  "The loan amount, or {share, of}: a share of the undiscounted total of the listed costs."},
                 {"anyOf", J::array({{{"type", "number"}, {"exclusiveMinimum", 0}},
                                     ref("expression"),
                                     object("A share of listed costs.",
                                            {{"share", number("The share, between 0 and 1.", Num::share)},
                                             {"of", described("The cost ids.", ref("idList"))}},
                                            {"share", "of"})})}};
  J gain_share = object(
      "Repayment from realised gains: payment = min(share x gains of the year, balance + interest, remaining "
      "cap).",
      {{"share", number("Share of the realised gains paid each year.", Num::share)},
       {"of", described("Benefit or capacity-activity ids whose gains repay the loan.", ref("idList"))},
       {"cap", number("Total repaid <= cap x principal, e.g. 1.2.", Num::positive)}},
      {"share", "of"});
  J loan = object(
      "A loan: annuity, serial, bullet or gain-share (repaid from realised gains, the rest forgiven: "
      "risikodeling).",
      {{"id", ref("id")},
       {"label", text("A readable name.")},
       {"method", {{"enum", {"annuity", "serial", "bullet", "gain-share"}}}},
       {"lender", described("The party that lends.", ref("id"))},
       {"borrower", described("The party that borrows.", ref("id"))},
       {"principal", principal},
       {"disbursed", described("The year the loan is paid out; default start_year.", ref("year"))},
       {"rate", number("Nominal interest rate per year, e.g. 0.02; default 0.", Num::rate)},
       {"periods_per_year",
        {{"description", "Payments per year; default 1."}, {"enum", {1, 2, 4, 12}}, {"default", 1}}},
       {"grace", integer("Periods before repayment starts; default 0.", 0, 2400)},
       {"grace_mode",
        {{"description", "During grace: pay interest only (default) or add it to the balance."},
         {"enum", {"interest-only", "capitalise"}},
         {"default", "interest-only"}}},
       {"term", integer("Repayment periods after grace.", 1, 2400)},
       {"gain_share", gain_share},
       {"residual",
        {{"description", "The balance left after the term: forgive (the lender bears it; default) or due."},
         {"enum", {"forgive", "due"}},
         {"default", "forgive"}}},
       {"description", text("What the loan is.")}},
      {"id", "method", "lender", "borrower", "principal", "term"});
  loan["if"] = {{"properties", {{"method", {{"const", "gain-share"}}}}}, {"required", {"method"}}};
  loan["then"] = {{"required", {"gain_share"}}};
  loan["else"] = {{"properties", {{"gain_share", false}}}};
  defs["loan"] = loan;
  return {{"description", "A financing item: a grant or a loan, transfers between parties."},
          {"type", "object"},
          {"required", {"id", "method"}},
          {"properties",
           {{"id", described("The item's id (unique across the case).", ref("id"))},
            {"method",
             {{"description", "grant (never repaid), annuity, serial, bullet or gain-share."},
              {"enum", {"grant", "annuity", "serial", "bullet", "gain-share"}}}}}},
          {"if", {{"properties", {{"method", {{"const", "grant"}}}}}, {"required", {"method"}}}},
          {"then", ref("grant")},
          {"else", ref("loan")}};
}

}  // namespace

void add_case_defs(J& defs) {
  defs["discounting"] = discounting_def();
  defs["dist"] = dist_def();
  defs["parameter"] = parameter_def();
  defs["profile"] = profile_def();
  defs["cost"] = cost_def();
  defs["benefit"] = benefit_def();
  defs["party"] = party_def();
  defs["financing"] = financing_defs(defs);
  J scenario = {{"description", "Parameter overrides: {patients: 900, admissions_avoided: 0.15}."},
                {"type", "object"},
                {"propertyNames", ref("parameterName")},
                {"additionalProperties", number("The parameter's value in this scenario.")}};
  J correlation = {
      {"description", "[parameter_a, parameter_b, rho]: both parameters have a dist; -1 <= rho <= 1."},
      {"type", "array"},
      {"prefixItems", J::array({ref("parameterName"), ref("parameterName"),
                                number("The rank correlation.", Num::correlation)})},
      {"minItems", 3},
      {"maxItems", 3}};
  defs["case"] = object(
      "A business case (format gevinst/1).",
      {{"format", {{"description", "Always gevinst/1 for a case file."}, {"const", "gevinst/1"}}},
       {"case", info_def()},
       {"assumptions", assumptions_def()},
       {"parameters",
        {{"description", "Named inputs used in expressions as $name."},
         {"type", "object"},
         {"propertyNames", ref("parameterName")},
         {"additionalProperties", ref("parameter")}}},
       {"parties", {{"description", "Who pays and who gains."}, {"type", "array"}, {"items", ref("party")}}},
       {"costs",
        {{"description", "Costs (omkostninger), each paid by a party."},
         {"type", "array"},
         {"items", ref("cost")}}},
       {"benefits",
        {{"description", "Benefits (gevinster), each received by a party."},
         {"type", "array"},
         {"items", ref("benefit")}}},
       {"capacity", capacity_def()},
       {"sroi", sroi_def()},
       {"financing",
        {{"description", "Grants and loans between parties (co-financing, gain-share repayment)."},
         {"type", "array"},
         {"items", ref("financing")}}},
       {"scenarios",
        {{"description", "Named scenarios overriding parameter values: worst: {patients: 900}."},
         {"type", "object"},
         {"additionalProperties", scenario}}},
       {"correlations",
        {{"description", "Correlations between uncertain parameters for Monte Carlo."},
         {"type", "array"},
         {"items", correlation}}},
       {"follow_up",
        described("How actuals are followed up against this plan (gevinst track).", ref("follow_up"))},
       {"stage_gates",
        {{"description", "Funds released phase by phase when the actuals meet the criteria."},
         {"type", "array"},
         {"items", ref("stage_gate")}}}},
      {"format", "case", "assumptions"});
}

}  // namespace gevinst::cli
