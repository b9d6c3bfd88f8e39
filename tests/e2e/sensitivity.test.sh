# sensitivity: contract keys, tornado order, break-even (docs/case-format.md,
# "Sensitivity"; docs/cli.md, "gevinst sensitivity").
psa=tests/data/bench/psa_case.yaml
run sensitivity --format json --range 0.2 "$psa"
expect_rc 0
json_expr 'all(k in j for k in ["base_npv","scenarios","parameters"])'
json_expr 'all(all(k in p for k in ["name","low_npv","high_npv","swing","break_even"]) for p in j["parameters"])'
json_expr 'all(a["swing"] >= b["swing"] for a, b in zip(j["parameters"], j["parameters"][1:]))'
json_expr '[p for p in j["parameters"] if p["name"] == "op_cost"][0]["break_even"] > 5000'
# Evaluating at the break-even value gives NPV ~ 0.
be=$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(repr([p for p in j["parameters"] if p["name"]=="op_cost"][0]["break_even"]))' "$TMP/stdout")
run evaluate --format json --set "op_cost=$be" "$psa"
json_expr 'abs(j["npv"]) < 1e-6 * (j["pv_costs"] + j["pv_benefits"])'
run sensitivity "$psa"
expect_rc 0
expect_stdout_contains "No parameter has low/high values"
run sensitivity --metric sroi "$psa"
expect_rc 1
expect_stderr_contains "needs an sroi section"
# CSV: scenario rows (base first) and parameter rows in tornado order, all 13 columns.
run sensitivity --format csv examples/kol-telemonitoring.yaml
expect_rc 0
python3 - "$TMP/stdout" <<'PY' || fail "sensitivity csv malformed"
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
assert rows[0][:3] == ["kind", "name", "npv"], rows[0]
assert all(len(r) == 13 for r in rows), [len(r) for r in rows]
assert rows[1][:2] == ["scenario", "base"] and rows[1][3] != "", rows[1]
swings = [float(r[10]) for r in rows if r[0] == "parameter"]
assert swings and swings == sorted(swings, reverse=True), swings
PY
# A parameter set to 0 (issue 13 item 1): the search starts from the size of
# its own evidence (case value 1,200, low 900, high 1,800), never tries a
# negative count, and finds the break-even that the table's high value shows.
run sensitivity --format json --set patients=0 examples/kol-telemonitoring.yaml
expect_rc 0
json_expr '[p for p in j["parameters"] if p["name"] == "patients"][0]["high_npv"] > 0'
json_expr '0 < [p for p in j["parameters"] if p["name"] == "patients"][0]["break_even"] < 1800'
json_expr '[p for p in j["parameters"] if p["name"] == "patients"][0]["break_even_search"][0] == 0'
json_expr '[p for p in j["parameters"] if p["name"] == "admissions_avoided"][0]["break_even_search"] == [0, 1]'
# --metric fte without capacity.target_fte: a located warning that says
# why there are no break-even values, and the table says so too.
run sensitivity --metric fte examples/kol-telemonitoring.yaml
expect_rc 0
expect_stderr_contains "examples/kol-telemonitoring.yaml:"
expect_stderr_contains "warning: --metric fte without capacity.target_fte"
expect_stdout_contains "Break-even: none, because the case sets no capacity.target_fte"
run sensitivity --metric fte -q examples/kol-telemonitoring.yaml
expect_rc 0
expect_stderr_empty
# With a target (ai-triage: target_fte 2) there is no such warning.
run sensitivity --metric fte examples/ai-triage.yaml
expect_rc 0
grep -q "target_fte" "$TMP/stderr" && fail "a warning about target_fte on a case that has one"
finish
