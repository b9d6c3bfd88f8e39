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
# --metric fte against the closed form of tests/data/sensitivity/fte-closed-form.yaml:
# FTE = patients x 12 x minutes / 60 / 1924, target 4.5.
fte=tests/data/sensitivity/fte-closed-form.yaml
run sensitivity --metric fte --format json "$fte"
expect_rc 0 "sensitivity --metric fte"
json_expr 'j["metric"] == "fte" and abs(j["base_value"] - 1000 * 12 * 30 / 60 / 1924) < 1e-12 and j["break_even_target"] == 4.5'
json_expr '[p["name"] for p in j["parameters"]] == ["patients", "minutes"]'
json_expr 'all(abs(a - b) < 1e-12 for a, b in zip([v for p in j["parameters"] for v in (p["low_npv"], p["high_npv"], p["swing"])], [962 * 6 / 1924, 1924 * 6 / 1924, 3, 1000 * 12 * 20 / 60 / 1924, 1000 * 12 * 40 / 60 / 1924, 1000 * 12 * 20 / 60 / 1924]))'
json_expr 'abs(j["parameters"][0]["break_even"] - 4.5 * 1924 * 60 / (12 * 30)) < 1e-6 and abs(j["parameters"][1]["break_even"] - 4.5 * 1924 * 60 / (12 * 1000)) < 1e-6'
json_expr '[(s["name"], s["fte"]) for s in j["scenarios"]] == [("small", 481 * 6 / 1924)]'
# --scenario small (patients 481) and --set minutes=60: base FTE 481 x 12 x 60 / 60 / 1924 = 3,
# break-evens 4.5 x 1924 / 12 = 721.5 patients and 4.5 x 1924 x 60 / (12 x 481) = 90 minutes.
run sensitivity --metric fte --scenario small --set minutes=60 --format json "$fte"
expect_rc 0 "sensitivity --scenario --set"
json_expr 'abs(j["base_value"] - 3) < 1e-12 and j["provenance"]["scenario"] == "small" and j["provenance"]["overrides"] == {"minutes": 60}'
json_expr 'abs(j["parameters"][0]["break_even"] - 721.5) < 1e-6 and abs(j["parameters"][1]["break_even"] - 90) < 1e-6'
# An unknown scenario is an error.
run sensitivity --metric fte --scenario huge "$fte"
expect_rc 1 "unknown scenario"
expect_stderr_contains "no scenario named 'huge'"
# Markdown: a golden file.
run sensitivity --metric fte --format md "$fte"
expect_rc 0 "sensitivity --format md"
golden sensitivity-fte-closed-form.md
# Danish (--lang da, which implies --locale da): words from the catalogue; the
# JSON keeps its English keys and is the same as without --lang.
run sensitivity --lang da examples/kol-telemonitoring.yaml
expect_rc 0 "sensitivity --lang da"
expect_stdout_contains "Følsomhed af nutidsværdien for kol-telemonitoring: basis 18.753.900"
expect_stdout_contains "Nulpunktsværdi: den parameterværdi, hvor nutidsværdien = 0"
golden sensitivity-kol-telemonitoring-da.txt
run sensitivity --format json examples/kol-telemonitoring.yaml
cp "$TMP/stdout" "$TMP/sens-en.json"
run sensitivity --lang da --format json examples/kol-telemonitoring.yaml
cmp -s "$TMP/sens-en.json" "$TMP/stdout" || fail "sensitivity --lang da changed the JSON"
run sensitivity --lang da --metric fte --format md "$fte"
expect_rc 0 "sensitivity --lang da --metric fte"
expect_stdout_contains "Nulpunktsværdi: den parameterværdi, hvor årsværk = 4,50"
# The library's notes in Danish too: why a parameter has no break-even value,
# and (evaluate) why a perspective has no IRR; no English sentence is left.
run sensitivity --lang da examples/kol-telemonitoring.yaml
expect_stdout_contains "visits_replaced: nutidsværdien når ikke nul for visits_replaced mellem 0 og 606"
run evaluate --lang da examples/ai-triage.yaml
expect_stdout_contains "ingen intern rente: nettopengestrømmen bliver aldrig positiv (omkostningerne overstiger gevinsterne i alle år)"
cp "$TMP/stdout" "$TMP/irr-da.txt"
run sensitivity --lang da examples/ai-triage.yaml
cat "$TMP/stdout" >>"$TMP/irr-da.txt"
for english in "does not reach" " between " "cannot be evaluated" "no break-even" "no IRR" "no unique IRR" \
  "net cash flow" "the IRR" "IRR none"; do
  grep -qF -- "$english" "$TMP/irr-da.txt" && fail "the Danish sensitivity or evaluate output shows the English '$english'"
done
finish
