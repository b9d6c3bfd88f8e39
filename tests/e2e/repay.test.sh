# repay: contract keys, hand-worked schedules, invariants, the
# pay-for-performance example, the fund view, errors (docs/cli.md, "gevinst
# repay"; docs/case-format.md, "Financing") and golden outputs of the
# financing examples.
p4p=examples/pay-for-performance.yaml
fund=examples/fund

# A gain-share loan at rate 0, worked by hand: gains of `admissions` are
# 400,000 x effect x profile (0.5 in 2027, 1 from 2028); the loan takes half:
# 100,000, 200,000, 200,000, 200,000 repaid, 300,000 forgiven. An annuity of
# 1,000,000 at 5 % over 3 years pays 1,000,000 x 0.05 / (1 - 1.05^-3) =
# 367,208.56 a year (Calc: PMT(5%;3;-1000000)).
cat >"$TMP/hand.yaml" <<'EOF'
format: gevinst/1
case: {id: hand, title: Hand-worked loans}
assumptions: {start_year: 2026, horizon: 5, discounting: {rate: 0.04}}
parameters: {effect: {value: 1, source: test}}
parties: [{id: region, sector: region}, {id: fund, sector: state}, {id: kommune, sector: municipality}]
costs:
  - {id: devices, kind: investment, party: region, amount: 1e6, year: 2026}
  - {id: operation, kind: operating, party: region, per_year: 1e5, from: 2027}
benefits:
  - {id: admissions, kind: budget, party: region, per_year: "4e5 * $effect", from: 2027, profile: {2027: 0.5, 2028: 1}}
financing:
  - {id: gs, method: gain-share, lender: fund, borrower: region, principal: 1e6, rate: 0, term: 4,
     gain_share: {share: 0.5, of: [admissions]}}
  - {id: ann, method: annuity, lender: fund, borrower: kommune, principal: 1e6, rate: 0.05, term: 3}
  - {id: grant, method: grant, payer: fund, recipient: region, share: 0.7, of: [devices]}
scenarios:
  none: {effect: 0}
EOF
run repay --format json "$TMP/hand.yaml"
expect_rc 0
json_valid
json_expr 'all(k in j for k in ["loans", "grants"])'
json_expr 'all(k in l for l in j["loans"] for k in ["id","method","total_paid","total_interest","forgiven","schedule","principal","lender_pv","borrower_pv","risk"])'
json_expr 'all(k in r for l in j["loans"] for r in l["schedule"] for k in ["period","year","opening","interest","payment","principal","closing"])'
json_expr 'all(k in g for g in j["grants"] for k in ["id","years"])'
json_expr '[r["payment"] for r in j["loans"][0]["schedule"]] == [100000, 200000, 200000, 200000]'
json_expr 'j["loans"][0]["method"] == "gain-share" and abs(j["loans"][0]["forgiven"] - 300000) < 1e-6'
json_expr 'j["loans"][0]["forgiven_because"] == "gains-short" and "carried 300,000 DKK of the 1,000,000 DKK because gains fell short" in j["loans"][0]["risk"]'
json_expr '[y["gains"] for y in j["loans"][0]["years"]] == [200000, 400000, 400000, 400000]'
json_expr 'all(abs(r["payment"] - 367208.5646312882) < 1e-6 for r in j["loans"][1]["schedule"])'
json_expr 'abs(j["loans"][1]["total_interest"] - (3 * 367208.5646312882 - 1e6)) < 1e-6'
# Lender PV at 4 %: -1e6 + 367,208.56 x (1/1.04 + 1/1.04^2 + 1/1.04^3).
json_expr 'abs(j["loans"][1]["lender_pv"] - (-1e6 + 367208.5646312882 * sum(1.04 ** -k for k in (1, 2, 3)))) < 1e-6'
json_expr 'j["loans"][1]["borrower_pv"] == -j["loans"][1]["lender_pv"]'
json_expr '[(y["year"], y["amount"]) for y in j["grants"][0]["years"]][:2] == [(2026, 700000), (2027, 0)]'
# Transfers: the disbursements, the repayments within the horizon and the grant.
json_expr 'sorted({t["kind"] for t in j["transfers"]}) == ["disbursement", "grant", "repayment"]'

# CSV carries the totals the table shows: a `total` row after each loan's
# schedule (interest, payment, principal) and after each grant's years
# (docs/cli.md, "gevinst repay").
run repay --format csv "$TMP/hand.yaml"
expect_rc 0
expect_stdout_contains 'gs,gain-share,total,,,0,700000,700000,'
expect_stdout_contains 'ann,annuity,total,,,101625.69'
expect_stdout_contains 'grant,grant,total,,,,700000,,'

# Zero gains: the gain-share loan is fully forgiven, nothing is paid.
run repay --format json --scenario none --loan gs "$TMP/hand.yaml"
expect_rc 0
json_expr 'len(j["loans"]) == 1 and j["grants"] == [] and j["loans"][0]["total_paid"] == 0'
json_expr 'abs(j["loans"][0]["forgiven"] - 1e6) < 1e-6 and j["scenario"] == "none"'
run repay --format json --set effect=0 --loan gs "$TMP/hand.yaml"
json_expr 'abs(j["loans"][0]["forgiven"] - 1e6) < 1e-6'

# Invariants on every loan of every financing example, in every scenario:
# closing = opening + interest - payment >= 0; principal parts sum to
# principal - forgiven; payments sum to total_paid.
invariants='all(
  all(r["closing"] >= 0 and abs(r["opening"] + r["interest"] - r["payment"] - r["closing"]) < 1e-6 * max(1, l["principal"]) for r in l["schedule"])
  and abs(sum(r["principal"] for r in l["schedule"]) - (l["principal"] - l["forgiven"])) < 1e-6 * max(1, l["principal"])
  and abs(sum(r["payment"] for r in l["schedule"]) - l["total_paid"]) < 1e-6 * max(1, l["principal"])
  for l in j["loans"])'
for f in "$p4p" "$TMP/hand.yaml" $fund/*.yaml examples/kol-telemonitoring.yaml; do
  for s in "" $(python3 -c 'import sys,re; t=open(sys.argv[1]).read(); m=re.search(r"^scenarios:\n((?:  .*\n)*)", t, re.M); print(" ".join(re.findall(r"^  ([a-z0-9_-]+):", m.group(1), re.M)) if m else "")' "$f"); do
    run repay --format json ${s:+--scenario "$s"} "$f"
    expect_rc 0 "repay $f $s"
    json_expr "$invariants"
  done
done

# The pay-for-performance example: the vendor's fee switches at the threshold.
run evaluate --format json --set readmission_reduction=0.2 "$p4p"
json_expr '[i for i in j["items"] if i["id"] == "vendor-contract"][0]["values"] == [0] + [1.2e6] * 7'
run evaluate --format json --set readmission_reduction=0.19 "$p4p"
json_expr '[i for i in j["items"] if i["id"] == "vendor-contract"][0]["values"] == [0] + [0.8e6] * 7'
# Its grant is 70 % of the implementation costs year by year; the loan's
# principal is the other 30 % of their total (4,400,000).
run repay --format json "$p4p"
json_expr '[round(y["amount"]) for y in j["grants"][0]["years"]][:2] == [2800000, 280000]'
json_expr 'abs(j["loans"][0]["principal"] - 1320000) < 1e-6 and j["loans"][0]["forgiven"] == 0'
# Less realised, less repaid: with no reduction the loan is forgiven (the
# borrower pays only the grace year's interest).
run repay --format json --set readmission_reduction=0 "$p4p"
json_expr 'abs(j["loans"][0]["total_paid"] - 26400) < 1e-6 and j["loans"][0]["forgiven"] > 1320000'
# Financing never changes the case's NPV: evaluate with and without the section.
run evaluate --format json "$p4p"
cp "$TMP/stdout" "$TMP/with.json"
sed '/^financing:/,/^scenarios:/{/^scenarios:/!d}' "$p4p" >"$TMP/nofin.yaml"
run evaluate --format json "$TMP/nofin.yaml"
python3 - "$TMP/with.json" "$TMP/stdout" <<'PY' || fail "financing changed the case NPV or transfers do not net to zero"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
assert a["npv"] == b["npv"] and a["perspectives"] == b["perspectives"], (a["npv"], b["npv"])
assert b["transfers"] == [] and a["transfers"] != []
assert abs(sum(p["npv"] for p in a["parties"]) - a["npv"]) < 1e-6
for k in range(len(a["years"])):
    assert abs(sum(p["years"][k]["transfers_in"] - p["years"][k]["transfers_out"] for p in a["parties"])) < 1e-6
PY

# Tables: yearly by default, every period with --periods; Danish numbers.
run repay examples/fund/derm-triage.yaml
expect_rc 0
expect_stdout_contains "Periods"
[ "$(grep -c '^20[0-9][0-9] ' "$TMP/stdout")" -eq 4 ] || fail "derm-triage: expected 4 yearly rows"
run repay --periods examples/fund/derm-triage.yaml
[ "$(grep -cE '^ +[0-9]+  20[0-9][0-9] ' "$TMP/stdout")" -eq 13 ] || fail "derm-triage --periods: expected 13 period rows"
run repay --locale da "$p4p"
expect_stdout_contains "1.320.000"

# The fund view: three cases, one lender; KommuneKredit's loan is left out.
run repay --fund innovation-fund --format json "$fund"
expect_rc 0
json_valid
json_expr 'j["fund"] == "innovation-fund" and j["files"] == 3 and len(j["loans"]) == 3 and len(j["grants"]) == 1'
json_expr 'all(k in y for y in j["years"] for k in ["year","disbursed","granted","repaid","forgiven","balance","net_cash","cumulative_cash"])'
json_expr 'abs(j["capital_needed"] + min(y["cumulative_cash"] for y in j["years"])) < 1e-6'
json_expr 'abs(j["totals"]["disbursed"] - 5e6) < 1e-6 and abs(j["totals"]["granted"] - 2e5) < 1e-6'
json_expr 'all(l["id"] != "kommunekredit-loan" for l in j["loans"]) and any("kommunekredit" in n for n in j["notes"])'
# B(y) = B(y-1) + disbursed + interest - repaid - forgiven; ends at zero.
json_expr 'all(abs(y["balance"] - ((j["years"][k-1]["balance"] if k else 0) + y["disbursed"] + y["interest"] - y["repaid"] - y["forgiven"])) < 1e-6 for k, y in enumerate(j["years"])) and j["years"][-1]["balance"] < 1e-6'
# The fund's repayments are the cases' own schedules, added up.
total=0
for f in $fund/*.yaml; do
  run repay --format json "$f"
  total=$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(float(sys.argv[2]) + sum(l["total_paid"] for l in j["loans"] if l["lender"] == "innovation-fund"))' "$TMP/stdout" "$total")
done
run repay --fund innovation-fund --format json "$fund"
json_expr "abs(j['totals']['repaid'] - $total) < 1e-6"
# A worse scenario for every case: less repaid, something forgiven.
run repay --fund innovation-fund --format json --scenario worst "$fund"
expect_rc 0
json_expr 'j["scenario"] == "worst" and j["totals"]["forgiven"] > 0 and j["refilled_year"] is None'
# A fund id no loan names: exit 1, the lenders listed.
run repay --fund innovation "$fund"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "no loan or grant in the 3 case file(s) has 'innovation' as lender or payer"
expect_stderr_contains "lenders: innovation-fund, kommunekredit"
# A scenario one case lacks is an error naming that case.
run repay --fund innovation-fund --scenario best "$fund"
expect_rc 1
expect_stderr_contains "no scenario named 'best'"
run repay --fund innovation-fund --set bed_days_saved=1 "$fund"
expect_rc 1
expect_stderr_contains "ceiling-hoists.yaml"
expect_stderr_contains "--set: the case has no parameter 'bed_days_saved'"
# The example's fund across files: only the pay-for-performance case lends from `fund`.
run repay --fund fund --format json "$p4p" "$fund"
expect_rc 0
json_expr 'j["files"] == 4 and [c["case"] for c in j["cases"]] == ["pay-for-performance"]'

# Errors: no financing section, unknown loan, invalid file, usage.
printf 'format: gevinst/1\ncase: {id: plain}\nassumptions: {start_year: 2026, horizon: 2}\n' >"$TMP/plain.yaml"
run repay "$TMP/plain.yaml"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "$TMP/plain.yaml:2:"
expect_stderr_contains "has no financing section"
run repay --loan fund-lon "$p4p"
expect_rc 1
expect_stderr_contains "did you mean 'fund-loan'?"
sed 's/    term: 5/    term: 0/' "$p4p" >"$TMP/bad.yaml"
run repay "$TMP/bad.yaml"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "$TMP/bad.yaml:$(grep -n '^    term: 5' "$p4p" | cut -d: -f1):"
run repay "$TMP/hand.yaml" "$p4p"
expect_rc 2
expect_stdout_empty
run repay --fund fund --loan gs "$TMP/hand.yaml"
expect_rc 2
run repay --format xml "$p4p"
expect_rc 2
run repay no-such-file.yaml
expect_rc 2
expect_stdout_empty

# The examples validate with no warnings and start with the schema line.
run validate --strict "$p4p" "$fund"
expect_rc 0
expect_stdout_contains "4 files checked: 4 valid, 0 invalid (0 errors, 0 warnings)"
[ "$(head -1 "$p4p")" = '# yaml-language-server: $schema=gevinst.schema.json' ] ||
  fail "$p4p does not start with the schema line"
for f in $fund/*.yaml; do
  [ "$(head -1 "$f")" = '# yaml-language-server: $schema=../gevinst.schema.json' ] ||
    fail "$f does not start with the schema line"
done

# Golden outputs of the financing examples (and of the COPD case's grants).
run repay examples/kol-telemonitoring.yaml
golden repay-kol-telemonitoring.txt
run repay --format json examples/kol-telemonitoring.yaml
golden repay-kol-telemonitoring.json
# residual has no effect on an amortising loan: a warning, not silence.
cat >"$TMP/residual.yaml" <<'YAML'
format: gevinst/1
case: {id: residual}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: fund, sector: state}, {id: region, sector: region}]
costs: [{id: c, kind: operating, party: region, per_year: 100}]
financing:
  - {id: l, method: annuity, lender: fund, borrower: region, principal: 1000, rate: 0.02, term: 2, residual: due}
YAML
run validate "$TMP/residual.yaml"
expect_rc 0
expect_stdout_contains "warning: 'residual' has no effect on this method: the loan is repaid in full by its term (at financing[0].residual)"
run repay "$p4p"
golden repay-pay-for-performance.txt
run repay --format json "$p4p"
golden repay-pay-for-performance.json
run repay --scenario worst "$p4p"
golden repay-pay-for-performance-worst.txt
run repay --format md --scenario worst "$p4p"
golden repay-pay-for-performance-worst.md
run repay --format csv "$p4p"
golden repay-pay-for-performance.csv
for f in $fund/*.yaml; do
  run repay "$f"
  golden "repay-fund-$(basename "$f" .yaml).txt"
done
run repay --periods examples/fund/derm-triage.yaml
golden repay-fund-derm-triage-periods.txt
run repay --fund innovation-fund "$fund"
golden repay-fund-innovation-fund.txt
run repay --fund innovation-fund --format json "$fund"
golden repay-fund-innovation-fund.json
run repay --fund innovation-fund --scenario worst --format csv "$fund"
golden repay-fund-innovation-fund-worst.csv
# Danish (--lang da, which implies --locale da): the schedules and the fund
# view in words from the catalogue; the JSON (its risk line too) stays English.
run repay --lang da "$p4p"
expect_rc 0 "repay --lang da"
expect_stdout_contains "Restgæld primo   Rente     Ydelse     Afdrag  Restgæld ultimo"
expect_stdout_contains "Risiko: National implementation fund fik intet tab"
golden repay-pay-for-performance-da.txt
run repay --lang da --format json "$p4p"
golden repay-pay-for-performance.json
run repay --lang da --periods examples/fund/derm-triage.yaml
expect_rc 0 "repay --lang da --periods"
expect_stdout_contains "Termin"
run repay --lang da --fund innovation-fund "$fund"
expect_rc 0 "repay --fund --lang da"
expect_stdout_contains "Hovedstol"
golden repay-fund-innovation-fund-da.txt
# The notes are Danish too (issue 12), with Danish numbers.
expect_stdout_contains "tilskud på 200.000 tilbagebetales aldrig"
for english in "left out" "never repaid" "refill the pool" "forgives"; do
  grep -qF -- "$english" "$TMP/stdout" && fail "repay --fund --lang da shows the English '$english'"
done
run repay --lang da "$fund/ceiling-hoists.yaml"
expect_rc 0 "repay --lang da ceiling-hoists"
expect_stdout_contains "betales efter tidshorisonten"
for english in "after the horizon" "past the horizon" "the schedule is nominal"; do
  grep -qF -- "$english" "$TMP/stdout" && fail "repay --lang da shows the English '$english'"
done

# Capitalised interest can make the forgiven balance exceed the amount lent; the risk line says so.
cat >"$TMP/over.yaml" <<'YAML'
format: gevinst/1
case: {id: over}
assumptions: {start_year: 2026, horizon: 3, discounting: {rate: 0.04}}
parties: [{id: region, sector: region}, {id: fund, sector: state}]
costs: [{id: devices, kind: investment, party: region, amount: 1e6, year: 2026}]
benefits: [{id: b, kind: budget, party: region, per_year: 6e5}]
financing:
  - {id: gs, method: gain-share, lender: fund, borrower: region, principal: 1e6, rate: 0.05, term: 5, disbursed: 2027, gain_share: {share: 0.1, of: [b]}}
YAML
run repay "$TMP/over.yaml"
expect_rc 0
expect_stdout_contains "(more than the 1,000,000 DKK lent, with the interest added to the balance) because gains fell short"
# Nominal loan, real discounting (docs/case-format.md, "Inflation"): a bullet
# loan of 1,000 at 5 %, inflation 2 %, real rate 3 %; the schedule stays
# nominal (50, then 1,050), the lender's PV is
# =-1000+NPV((1+0.03)*(1+0.02)-1;50;1050) = -1.1146984840 and the transfers
# are deflated: 50 / 1.02, 1,050 / 1.02^2.
cat >"$TMP/nominal.yaml" <<'YAML'
format: gevinst/1
case: {id: nominal-loan}
assumptions: {start_year: 2026, horizon: 3, inflation: 0.02, discounting: {rate: 0.03}}
parties: [{id: region, sector: region}, {id: fund, sector: state}]
costs: [{id: kit, kind: investment, party: region, amount: 1000}]
financing:
  - {id: loan, method: bullet, lender: fund, borrower: region, principal: 1000, disbursed: 2026, rate: 0.05, term: 2}
YAML
run repay --format json "$TMP/nominal.yaml"
expect_rc 0
json_expr '[round(r["payment"], 9) for r in j["loans"][0]["schedule"]] == [50, 1050]'
json_expr 'abs(j["loans"][0]["lender_pv"] - (-1.1146984840077)) < 1e-9'
json_expr 'abs(j["transfers"][2]["amount"] - 1050 / 1.0404) < 1e-9'
json_expr 'any("deflated by 2 % a year" in n for n in j["loans"][0]["notes"])'
run evaluate --format json "$TMP/nominal.yaml"
json_expr 'abs([p for p in j["parties"] if p["party"] == "fund"][0]["npv"] - (-1.1146984840077)) < 1e-9'

finish "repay: hand-worked schedules, invariants, pay-for-performance, fund view, errors and goldens"
