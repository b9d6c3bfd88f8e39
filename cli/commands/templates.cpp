// The starter cases of `gevinst init`. Each one must pass
// `gevinst validate --strict` (tests/e2e/init.test.sh checks it); the
// figures are illustrative and every parameter says so in its source.
#include "cli/commands/templates.h"

#include <filesystem>

namespace gevinst::cli {

namespace {

// {{ID}} is replaced by the case id.
constexpr std::string_view kSmall =
    R"yaml(# yaml-language-server: $schema=gevinst.schema.json
# (editors check this file against that schema; gevinst init wrote it beside this file,
# and `gevinst schema -o gevinst.schema.json` writes it anew after an upgrade)
# A small gevinst case (format gevinst/1): a pilot with a few parameters, two
# parties, an investment, an operating cost and one benefit with a benefit
# realisation profile (gevinstprofil). The figures are an illustrative example:
# replace them with your own and keep a source on every parameter.
#
#   gevinst validate --strict THIS-FILE    check it (errors point at FILE:LINE:COLUMN)
#   gevinst evaluate THIS-FILE             NPV, IRR, payback, who pays and who gains
#   gevinst init --template large FILE     a starter case with every section
format: gevinst/1                # the format and its version; always gevinst/1

case:
  id: {{ID}}                     # the case's id: lower-case letters, digits, - and _
  title: Telemonitoring after discharge (pilot)
  owner: Region Example          # who owns the business case
  stage: evaluation              # needs | development | evaluation | implementation | scaling
  evidence: pilot                # none | pilot | documented | hta (health technology assessment)
  template: small                # small | large: the calculation template this case follows

assumptions:
  start_year: 2026               # the first year of the calculation (year index 0)
  horizon: 5                     # years covered: 2026 to 2030
  discounting: dk-fm-2021        # the Ministry of Finance's discount rate: 3.5 % a year
  fte_hours: 1924                # hours per full-time equivalent (årsværk): 37 h x 52 weeks

# Named inputs. Use them in amounts as "$name". Every parameter has a source:
# where the number comes from (a report, a table, or "assumption" and why).
parameters:
  patients:
    value: 150                   # patients offered telemonitoring each year
    source: "Example figure: replace with the pilot's enrolment (e.g. pilot plan, section 2)"
  kit_cost:
    value: 4000                  # DKK per measuring kit (tablet, oximeter, scale)
    source: "Example figure: replace with the supplier's quote"
  monitoring_per_patient:
    value: 2500                  # DKK per patient per year: nurses' time reading measurements
    source: "Example figure: replace with the municipality's time registration"
  readmissions_avoided:
    value: 0.15                  # readmissions avoided per patient per year
    low: 0.05                    # low and high feed the sensitivity analysis
    high: 0.25
    source: "Example figure: replace with the pilot evaluation's result"
  cost_per_readmission:
    value: 30000                 # DKK per readmission avoided
    source: "Example figure: replace with the DRG rate of the relevant group"

# Who pays and who gains. sector: region, municipality, general-practice,
# state, citizen, private or other.
parties:
  - {id: region, label: Region Example, sector: region}
  - {id: municipality, label: Example Municipality, sector: municipality}

# Costs (omkostninger). kind: investment (anskaffelse), implementation
# (implementering), operating (drift) or other. Each has exactly one of
# amount (one-off, in `year`), per_year (every year from..to) or amounts
# ({2026: ..., 2027: ...}).
costs:
  - id: kits
    label: Measuring kits
    kind: investment
    party: region                # the party that pays
    amount: "$patients * $kit_cost"
    year: 2026
  - id: monitoring
    label: Reading and responding to measurements
    kind: operating
    party: municipality
    per_year: "$patients * $monitoring_per_patient"   # from 2026 to 2030 by default

# Benefits (gevinster). kind: budget (frees cash), capacity (frees staff
# time), societal (outside public budgets) or qualitative (described only).
benefits:
  - id: fewer-readmissions
    label: Fewer readmissions
    kind: budget
    party: region                # the party that receives it
    per_year: "$patients * $readmissions_avoided * $cost_per_readmission"
    # Benefit realisation profile (gevinstprofil): the share realised from each
    # year on; before 2026 nothing, from 2028 the full benefit.
    profile: {2026: 0.3, 2027: 0.7, 2028: 1.0}
)yaml";

constexpr std::string_view kLarge =
    R"yaml(# yaml-language-server: $schema=gevinst.schema.json
# (editors check this file against that schema; gevinst init wrote it beside this file,
# and `gevinst schema -o gevinst.schema.json` writes it anew after an upgrade)
# A large gevinst case (format gevinst/1): every section of the format with
# each key explained. The figures are an illustrative example (telemonitoring
# of patients with a chronic disease at home): replace them with your own and
# give every parameter a source.
#
#   gevinst validate --strict THIS-FILE    check it (errors point at FILE:LINE:COLUMN)
#   gevinst evaluate THIS-FILE             NPV, IRR, payback, who pays and who gains
#   gevinst capacity THIS-FILE             staff hours and FTE freed
#   gevinst sroi | repay | sensitivity | simulate THIS-FILE
format: gevinst/1                  # the format and its version; always gevinst/1

case:
  id: {{ID}}                       # the case's id: lower-case letters, digits, - and _
  title: Telemonitoring at home (example)
  owner: Region Example            # who owns the business case
  description: >-
    Patients measure oxygen saturation, pulse and weight at home; a municipal
    team reads the measurements and acts early, so fewer patients are
    admitted and fewer nurse visits are needed.
  stage: implementation            # needs | development | evaluation | implementation | scaling
  evidence: documented             # none | pilot | documented | hta (health technology assessment)
  template: large                  # small | large: the calculation template this case follows

assumptions:
  start_year: 2026                 # the first year (year index t = 0); a literal year
  horizon: 10                      # years covered: 2026 to 2035
  price_year: 2026                 # all amounts are fixed prices of this year (default: start_year);
                                   # an item in other prices states its own price_year, converted
                                   # with price_index: dk-fm-pl-2025 (then price_year: 2025 at most)
  inflation: 0                     # deflates nominal loan flows in the parties' PVs (0: none)
  currency: DKK                    # ISO currency code of every amount (default DKK)
  discounting: dk-fm-2021          # the Ministry of Finance's rate (3.5 % years 1-35, 2.5 % 36-70,
                                   # 1.5 % after); or {rate: 0.04}, or
                                   # {schedule: [{from_index: 1, rate: 0.035}, {from_index: 36, rate: 0.025}]}
  timing: end                      # flows fall at the end of each year (end) or in the middle (mid)
  fte_hours: 1924                  # hours per full-time equivalent (årsværk): 37 h x 52 weeks;
                                   # the preset dk-net (1628 productive hours) is an alternative
  optimism_bias:                   # corrections for optimism (optimismetillæg), as shares
    investment: 0.10               # investment costs are raised by 10 %
    implementation: 0.10           # implementation costs by 10 %
    operating: 0.05                # operating costs by 5 %
    other: 0.0                     # other costs unchanged
    benefits: 0.10                 # every benefit is lowered by 10 %

# Named inputs, used in amounts as "$name". A parameter is a number, an
# expression ("$a * $b") or a mapping:
#   value   the base case
#   low, high   the range for one-way sensitivity (gevinst sensitivity)
#   dist    the distribution for Monte Carlo (gevinst simulate):
#           normal, lognormal, beta, gamma: [mean, sd]; uniform: [min, max];
#           triangular, pert: [min, mode, max]
#   source  where the number comes from (a report, a table, or "assumption" and why)
#   label, unit   a readable name and the unit
parameters:
  patients:
    value: 500
    low: 350
    high: 650
    dist: {triangular: [350, 500, 650]}
    label: Patients monitored
    unit: patients per year
    source: "Example figure: replace with your target group analysis"
  kit_cost:
    value: 6000
    low: 5000
    high: 8000
    dist: {pert: [5000, 6000, 8000]}
    unit: DKK per patient
    source: "Example figure: replace with the supplier's quote"
  monitoring_cost:
    value: 3500
    unit: DKK per patient per year
    source: "Example figure: replace with the municipality's time registration"
  admissions_avoided:
    value: 0.25
    low: 0.10
    high: 0.35
    dist: {beta: [0.25, 0.06]}
    unit: admissions per patient per year
    source: "Example figure: replace with the effect found in your evaluation"
  cost_per_admission:
    value: 35000
    low: 28000
    high: 42000
    dist: {gamma: [35000, 5000]}
    unit: DKK per admission
    source: "Example figure: replace with the DRG rate of the relevant group"
  visits_replaced:
    value: 6
    unit: nurse visits per patient per year
    source: "Example figure: replace with the municipality's visit statistics"
  travel_hours:
    value: 1.5
    unit: hours per avoided visit to hospital
    source: "Example figure: replace with a travel-time estimate for your area"
  hour_value:
    value: 100
    unit: DKK per hour of patients' time
    source: "Example figure: replace with a published value of time"

# Who pays and who gains. sector: region, municipality, general-practice,
# state, citizen, private or other.
parties:
  - {id: region, label: Region Example, sector: region}
  - {id: municipality, label: Example Municipality, sector: municipality}
  - {id: patients, label: Patients and relatives, sector: citizen}
  - {id: fund, label: National implementation fund, sector: state}

# Costs (omkostninger). Each item has:
#   id, label   its id (unique in the whole case) and a readable name
#   kind        investment (anskaffelse), implementation (implementering:
#               training, backfill of staff, frikøb), operating (drift), other
#   party       the party that pays
#   exactly one of:
#     amount    a one-off amount in `year` (default start_year)
#     per_year  a recurring amount from `from` to `to` (defaults: the whole
#               horizon), growing by `growth` a year (0.02 = 2 % real growth)
#     amounts   an explicit series {2026: ..., 2027: ...}
#   profile     optional: the share incurred each year (a phased roll-out)
costs:
  - id: kits
    label: Measuring kits
    kind: investment
    party: region
    amount: "$patients * $kit_cost"
    year: 2026
  - id: kits-renewal
    label: Renewal of kits after five years
    kind: investment
    party: region
    amount: "$patients * $kit_cost * 0.8"
    year: 2031
  - id: training
    label: Training of staff, including backfill (frikøb)
    kind: implementation
    party: municipality
    amounts: {2026: 400000, 2027: 150000}
  - id: monitoring
    label: Reading and responding to measurements
    kind: operating
    party: municipality
    per_year: "$patients * $monitoring_cost"
    from: 2026
    to: 2035
  - id: licences
    label: Platform licence and support
    kind: operating
    party: region
    per_year: 250000
    growth: 0.02                   # 2 % real growth a year after `from`

# Benefits (gevinster). kind: budget (frees cash; budgetmæssig gevinst),
# capacity (frees staff time valued at its cost), societal (outside public
# budgets: patients' time, labour market) or qualitative (described, never
# priced). The same amount forms as costs; `profile` is the benefit
# realisation profile (gevinstprofil): a year map {2027: 0.4, 2028: 1.0},
# a linear ramp {linear: {from: 2027, years: 3}} or a logistic curve
# {logistic: {midpoint: 2028, steepness: 1.5}}.
benefits:
  - id: fewer-admissions
    label: Fewer admissions
    kind: budget
    party: region                  # the party that receives it
    per_year: "$patients * $admissions_avoided * $cost_per_admission"
    from: 2027
    profile: {2027: 0.4, 2028: 0.8, 2029: 1.0}
  - id: less-travel
    label: Patients' travel time saved
    kind: societal
    party: patients
    per_year: "$patients * 2 * $travel_hours * $hour_value"
    from: 2027
    profile: {linear: {from: 2027, years: 3}}
  - id: safety
    label: Patients feel safer at home
    kind: qualitative
    party: patients
    description: Patients report more control over their illness and feel safer at home.

# Capacity release (kapacitetsfrigørelse): staff time freed, in hours and FTE
# (årsværk). Per activity and year: hours = minutes_saved / 60 x events x
# adoption; realisable hours = hours x realisable; FTE = realisable hours /
# fte_hours; value = realisable hours x hour_cost.
capacity:
  staff:                           # staff groups and their fully loaded cost per hour
    nurse: {hour_cost: 420, label: Municipal nurse, source: "Example figure: replace with your pay scale incl. overhead"}
  activities:
    - id: home-visits-replaced
      label: Nurse visits replaced by remote follow-up
      staff: nurse                 # the staff group whose time is freed
      party: municipality          # who gets the time back
      minutes_saved: 45            # per event (or hours_saved)
      events_per_year: "$patients * $visits_replaced"
      from: 2027                   # first year (default start_year); `to` is the last
      adoption: {logistic: {midpoint: 2028, steepness: 1.5}}   # share of events affected
      realisable: 0.7              # share of freed time that can really be used elsewhere
      monetise: true               # add its value as a capacity benefit of the party
  target_fte: 5                    # an FTE target to compare with (optional)

# SROI (social return on investment): ratio = PV of outcomes / investment.
# Per outcome and year k = 0 .. duration-1: quantity x proxy x (1 - deadweight)
# x (1 - attribution) x (1 - displacement) x (1 - drop_off)^k.
sroi:
  investment: auto                 # auto = PV of all the case's costs; or a present value
  first_year: undiscounted         # an outcome in year index t takes DF(t); discounted: DF(t + 1)
  outcomes:
    - id: patient-time
      stakeholder: patients        # who experiences the outcome
      indicator: Hours of travel avoided
      quantity: "$patients * 2 * $travel_hours"   # units of outcome per year
      proxy: "$hour_value"         # financial proxy: value of one unit
      proxy_source: "Example: the value of time used for the societal benefit above"
      start: 2027                  # first year (default start_year)
      duration: 5                  # years the outcome lasts
      deadweight: 0.10             # share that would have happened anyway
      attribution: 0.20            # share caused by others
      displacement: 0.0            # share moved rather than created
      drop_off: 0.10               # share by which it fades each year after the first

# Financing and risk sharing (risikodeling): transfers between parties.
financing:
  - id: fund-grant
    method: grant                  # a transfer, never repaid
    payer: fund
    recipient: region
    share: 0.5                     # of the listed costs, year by year (co-financing)
    of: [kits]
  - id: fund-loan
    method: gain-share             # annuity | serial | bullet | gain-share
    lender: fund
    borrower: municipality
    principal: {share: 0.5, of: [training]}   # or an amount
    disbursed: 2026                # the year the loan is paid out
    rate: 0.02                     # nominal interest per year
    periods_per_year: 1            # 1 | 2 | 4 | 12
    grace: 1                       # periods before repayment starts
    grace_mode: interest-only      # during grace: pay interest (interest-only) or add it (capitalise)
    term: 6                        # repayment periods after grace
    gain_share:                    # repayment from realised gains
      share: 0.5                   # of the gains listed in `of`, each year
      of: [home-visits-replaced]   # benefit or capacity-activity ids
      cap: 1.2                     # total repaid at most 1.2 x the principal
    residual: forgive              # forgive (the lender bears the shortfall) | due

# Scenarios override parameter values (gevinst sensitivity, --scenario NAME).
scenarios:
  worst: {patients: 350, admissions_avoided: 0.10}
  best: {patients: 650, admissions_avoided: 0.35}

# Correlations between parameters that have a dist: [a, b, rho], -1 <= rho <= 1.
correlations:
  - [patients, kit_cost, -0.3]
)yaml";

struct Template {
  std::string_view name, text;
};
constexpr Template kTemplates[] = {{"small", kSmall}, {"large", kLarge}};

}  // namespace

const std::vector<std::string>& template_names() {
  static const std::vector<std::string> names = {"small", "large"};
  return names;
}

std::optional<std::string> render_template(std::string_view name, std::string_view case_id) {
  for (const auto& t : kTemplates) {
    if (t.name != name) continue;
    std::string out(t.text);
    const std::string_view mark = "{{ID}}";
    if (size_t pos = out.find(mark); pos != std::string::npos) out.replace(pos, mark.size(), case_id);
    return out;
  }
  return std::nullopt;
}

namespace {
// Latin letters U+00C0..U+00FF spelled in ASCII: Danish æ ø å as ae oe aa
// (the Danish habit, so "Ærø" is "aeroe"), German ä ö ü as ae oe ue, accents
// dropped (é -> e); "" for × and ÷, which separate words.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "ae", "aa", "ae", "c", "e",  "e", "e", "e", "i",  "i", "i",  "i",   // À..Ï
    "d", "n", "o", "o", "o",  "o",  "oe", "",  "oe", "u", "u", "u", "ue", "y", "th", "ss",  // Ð..ß
    "a", "a", "a", "a", "ae", "aa", "ae", "c", "e",  "e", "e", "e", "i",  "i", "i",  "i",   // à..ï
    "d", "n", "o", "o", "o",  "o",  "oe", "",  "oe", "u", "u", "u", "ue", "y", "th", "y"};  // ð..ÿ
}  // namespace

std::string case_id_from_path(std::string_view path, std::string_view fallback) {
  std::string stem = std::filesystem::path(path).stem().string();
  std::string id;
  auto separate = [&] {
    if (!id.empty() && id.back() != '-') id += '-';  // spaces, dots, other characters
  };
  for (size_t i = 0; i < stem.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(stem[i]);
    if (c >= 'A' && c <= 'Z') {
      id += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
      id += static_cast<char>(c);
    } else if ((c == 0xC3) && i + 1 < stem.size() &&
               (static_cast<unsigned char>(stem[i + 1]) & 0xC0) == 0x80) {
      // UTF-8 for U+00C0..U+00FF: transliterate rather than drop the letter.
      const char* latin = kLatin1[static_cast<unsigned char>(stem[i + 1]) & 0x3F];
      ++i;
      if (*latin)
        id += latin;
      else
        separate();
    } else {
      // Any other character, a multi-byte one as a whole: one separator.
      if (c >= 0xC0)
        while (i + 1 < stem.size() && (static_cast<unsigned char>(stem[i + 1]) & 0xC0) == 0x80) ++i;
      separate();
    }
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '_')) id.pop_back();
  size_t first = id.find_first_not_of("-_");
  id = first == std::string::npos ? std::string{} : id.substr(first);
  if (id.size() > 100) id.resize(100);
  return id.empty() ? std::string(fallback) : id;
}

}  // namespace gevinst::cli
