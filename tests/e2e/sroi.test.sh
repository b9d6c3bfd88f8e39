# sroi: contract keys, hand-worked figures, sensitivity, double counting,
# options, formats, errors (docs/cli.md, "gevinst sroi"; docs/case-format.md,
# "SROI") and golden outputs of every example with an sroi section.

# The impact map of tests/unit/sroi_test.cpp, worked cell by cell there:
# PV of outcomes 125,658.43 at 3.5 %, investment 50,000 (explicit), first-year
# impact 47,750, so ratio 2.5132, payback 50,000 / (47,750 / 12) = 12.565 months.
cat >"$TMP/map.yaml" <<'EOF'
format: gevinst/1
case: {id: impact-map, title: Day centre impact map}
assumptions: {start_year: 2026, horizon: 5, discounting: dk-fm-2021}
parties: [{id: council, sector: municipality}]
costs: [{id: service, kind: operating, party: council, per_year: 12000}]
sroi:
  investment: 50000
  outcomes:
    - {id: independence, stakeholder: older people, indicator: Living independently, quantity: 40, proxy: 1000,
       deadweight: 0.25, attribution: 0.10, drop_off: 0.20, duration: 3}
    - {id: confidence, stakeholder: older people, indicator: Feeling confident, quantity: 40, proxy: 250,
       deadweight: 0.5, drop_off: 0.5, duration: 2}
    - {id: carer-respite, stakeholder: carers, indicator: Respite hours, quantity: 25, proxy: 800,
       deadweight: 0.1, attribution: 0.2, start: 2027, duration: 5}
    - {id: gp-visits, stakeholder: nhs, indicator: GP visits avoided, quantity: 120, proxy: 30,
       attribution: 0.5, displacement: 0.25}
EOF
run sroi --format json "$TMP/map.yaml"
expect_rc 0
json_valid
json_expr 'all(k in j for k in ["ratio","net_ratio","pv_value","investment","outcomes","sensitivity"])'
json_expr 'all(k in j["outcomes"][0] for k in ["id","pv_value"])'
json_expr 'abs(j["pv_value"] - 125658.42966) < 1e-4 and j["investment"] == 50000 and j["investment_auto"] is False'
json_expr 'abs(j["ratio"] - 125658.42966 / 50000) < 1e-8 and abs(j["net_ratio"] - (125658.42966 / 50000 - 1)) < 1e-8'
json_expr 'abs(j["payback_months"] - 50000 / (47750 / 12)) < 1e-9'
json_expr '[o["id"] for o in j["outcomes"]] == ["independence", "confidence", "carer-respite", "gp-visits"]'
json_expr 'abs(sum(o["pv_value"] for o in j["outcomes"]) - j["pv_value"]) < 1e-6'
json_expr '[s["stakeholder"] for s in j["stakeholders"]] == ["older people", "carers", "nhs"]'
# Sensitivity: each adjustment at 0 and +0.25, then duration -1 year.
json_expr '[(s["factor"], s["change"]) for s in j["sensitivity"]] == [(f, c) for f in ["deadweight","attribution","displacement","drop_off"] for c in ["0","+0.25"]] + [("duration","-1 year")]'
json_expr 'all(s["ratio"] >= j["ratio"] - 1e-12 for s in j["sensitivity"] if s["change"] == "0")'
json_expr 'all(s["ratio"] <= j["ratio"] + 1e-12 for s in j["sensitivity"] if s["change"] != "0")'
# carer-respite runs past the horizon: a warning.
json_expr 'any("carer-respite" in w and "only 4 years" in w for w in j["warnings"])'

# The same stakeholder and indicator twice is flagged in every format.
cp "$TMP/map.yaml" "$TMP/double.yaml"
cat >>"$TMP/double.yaml" <<'EOF'
    - {id: gp-visits-again, stakeholder: nhs, indicator: GP visits avoided, quantity: 10, proxy: 30}
EOF
run sroi --format json "$TMP/double.yaml"
expect_rc 0
json_expr 'any("gp-visits" in w and "gp-visits-again" in w and "counted twice" in w for w in j["warnings"])'
run sroi "$TMP/double.yaml"
expect_stdout_contains "counted twice"
# In Danish, both warnings (counted twice, past the horizon) are Danish; JSON stays English.
run sroi --lang da "$TMP/double.yaml"
expect_rc 0
expect_stdout_contains "effekterne 'gp-visits' og 'gp-visits-again' har samme interessent (nhs)"
expect_stdout_contains "men tidshorisonten slutter i"
expect_stdout_contains "kun 4 år medregnes"
grep -qE "counted twice|the horizon ends|are counted" "$TMP/stdout" && fail "sroi --lang da shows an English warning"
run sroi --lang da --format json "$TMP/double.yaml"
json_expr 'any("counted twice" in w for w in j["warnings"])'

# investment: auto is the PV of all costs, the same as evaluate's pv_costs.
sed 's/  investment: 50000/  investment: auto/' "$TMP/map.yaml" >"$TMP/auto.yaml"
run evaluate --format json "$TMP/auto.yaml"
pv_costs="$(python3 -c 'import json,sys; print(repr(json.load(open(sys.argv[1]))["pv_costs"]))' "$TMP/stdout")"
run sroi --format json "$TMP/auto.yaml"
expect_rc 0
json_expr "j['investment_auto'] is True and abs(j['investment'] - $pv_costs) < 1e-6"

# Formats.
run sroi --format csv "$TMP/map.yaml"
expect_rc 0
expect_stdout_contains "year,impact,discount_factor,pv"
expect_stdout_contains "2026,33350,1,33350"
[ "$(wc -l <"$TMP/stdout")" -eq 6 ] || fail "csv should have a header and 5 years"
run sroi --format md "$TMP/map.yaml"
expect_stdout_contains "| SROI ratio |"
expect_stdout_contains "### Sensitivity of the ratio"
run sroi "$TMP/map.yaml"
expect_stdout_contains "2.51 : 1"
expect_stdout_contains "125,658"
expect_stdout_contains "12.6 months"
run sroi --locale da "$TMP/map.yaml"
expect_stdout_contains "125.658"
expect_stdout_contains "2,51 : 1"

# Errors: no sroi section, auto investment without costs, a share pushed out of
# [0, 1] by --set; all exit 1 with FILE:LINE on stderr and nothing on stdout.
printf 'format: gevinst/1\ncase: {id: plain}\nassumptions: {start_year: 2026, horizon: 2}\n' >"$TMP/plain.yaml"
run sroi "$TMP/plain.yaml"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "$TMP/plain.yaml:2:"
expect_stderr_contains "has no sroi section"
cat >"$TMP/nocost.yaml" <<'EOF'
format: gevinst/1
case: {id: no-costs}
assumptions: {start_year: 2026, horizon: 2}
parameters: {dw: {value: 0.1, source: test}}
sroi:
  outcomes: [{id: o, stakeholder: s, quantity: 1, proxy: 1, deadweight: "$dw"}]
EOF
run sroi "$TMP/nocost.yaml"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "the SROI ratio has no denominator"
sed 's/sroi:/sroi:\n  investment: 100/' "$TMP/nocost.yaml" >"$TMP/explicit.yaml"
run sroi --set dw=1.5 "$TMP/explicit.yaml"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "$TMP/explicit.yaml:7:"
expect_stderr_contains "share 1.5 is outside [0, 1]"
run sroi no-such-file.yaml
expect_rc 2
expect_stdout_empty

# First-year convention (docs/case-format.md, "First year"): one outcome of
# 1,000 a year for 3 years from start_year at 10 %; undiscounted 1,000 +
# 1,000/1.1 + 1,000/1.21 = 2,735.537...; discounted 1,000/1.1 + 1,000/1.21 +
# 1,000/1.331 = 2,486.852...
cat >"$TMP/first.yaml" <<'EOF'
format: gevinst/1
case: {id: first-year}
assumptions: {start_year: 2026, horizon: 4, discounting: {rate: 0.10}}
parties: [{id: p, sector: region}]
costs: [{id: kit, kind: investment, party: p, amount: 3000}]
sroi:
  investment: auto
  outcomes: [{id: o, stakeholder: s, quantity: 10, proxy: 100, start: 2026, duration: 3}]
EOF
run sroi --format json "$TMP/first.yaml"
expect_rc 0
json_expr 'j["first_year"] == "undiscounted" and abs(j["pv_value"] - 2735.5371900826) < 1e-6 and j["years"][0]["discount_factor"] == 1'
run sroi "$TMP/first.yaml"
expect_stdout_contains "First year      undiscounted: an outcome in year index t takes DF(t)"
sed -i 's/  investment: auto/  investment: auto\n  first_year: discounted/' "$TMP/first.yaml"
run sroi --format json "$TMP/first.yaml"
expect_rc 0
json_expr 'j["first_year"] == "discounted" and abs(j["pv_value"] - 2486.8519909842) < 1e-6 and j["investment"] == 3000'
run sroi "$TMP/first.yaml"
expect_stdout_contains "First year      discounted: an outcome in year index t takes DF(t + 1) (SROI guide)"
run sroi --format md "$TMP/first.yaml"
expect_stdout_contains "discounted: an outcome in year index t takes DF(t + 1)"

# Golden outputs: every example with an sroi section, as table and JSON.
for f in examples/*.yaml; do
  grep -q '^sroi:' "$f" || continue
  name="$(basename "$f" .yaml)"
  run sroi "$f"
  expect_rc 0 "sroi $f"
  golden "sroi-${name#sroi-}.txt"
  run sroi --format json "$f"
  expect_rc 0 "sroi --format json $f"
  golden "sroi-${name#sroi-}.json"
done

# Danish (--lang da, which implies --locale da): words from the catalogue; the
# JSON keeps its English keys and is the same as without --lang.
kol=examples/kol-telemonitoring.yaml
run sroi --lang da "$kol"
expect_rc 0 "sroi --lang da"
expect_stdout_contains "Dødvægt  Tilskrivning  Fortrængning  Aftagning"
expect_stdout_contains "Forholdets følsomhed"
golden sroi-kol-telemonitoring-da.txt
run sroi --lang da --format json "$kol"
golden sroi-kol-telemonitoring.json

finish "sroi: hand-worked figures, sensitivity, double counting, errors and goldens"
