# evaluate: contract keys, options, formats and errors (docs/cli.md,
# "gevinst evaluate").
psa=tests/data/bench/psa_case.yaml

run evaluate --format json "$psa"
expect_rc 0
json_valid
json_expr 'all(k in j for k in ["case","perspective","npv","irr","irr_note","bcr","payback_years","payback_year","discounted_payback_years","pv_costs","pv_benefits","years","perspectives","parties"])'
json_expr 'j["case"]["id"] == "psa-bench-kol" and j["perspective"] == "organisation"'
json_expr 'all(k in j["years"][0] for k in ["year","costs","benefits","net","discount_factor","pv","cumulative_pv","costs_by_kind","benefits_by_kind"])'
json_expr 'set(j["perspectives"]) == {"budget","organisation","society"}'
json_expr 'all(k in j["parties"][0] for k in ["party","npv","years"]) and all(k in j["parties"][0]["years"][0] for k in ["year","pays","receives","transfers_in","transfers_out","net"])'
# NPV is the sum of the PVs, and the first year is not discounted
# (docs/case-format.md, "Discounting").
json_expr 'abs(j["npv"] - sum(y["pv"] for y in j["years"])) < 1e-6 and j["years"][0]["discount_factor"] == 1'
json_expr 'abs(j["years"][1]["discount_factor"] - 1/1.035) < 1e-15'
# No IRR reason when an IRR exists; payback null when it never pays back.
json_expr 'j["irr"] is not None and j["irr_note"] is None and j["payback_years"] is None'

# --set and --perspective
run evaluate --format json --set op_cost=4000 --perspective budget "$psa"
expect_rc 0
json_expr 'j["perspective"] == "budget" and j["npv"] == j["perspectives"]["budget"]["npv"]'
run evaluate --format json --set "op_cost=5500 - 1500" "$psa"
expect_rc 0
json_expr 'j["payback_years"] is not None'
run evaluate --set op_cots=1 "$psa"
expect_rc 1
expect_stderr_contains "did you mean 'op_cost'?"
expect_stdout_empty
run evaluate --scenario nope "$psa"
expect_rc 1
expect_stderr_contains "no scenario named 'nope'"

# Usage errors: exit 2, nothing on stdout.
run evaluate no-such-file.yaml
expect_rc 2
expect_stdout_empty
run evaluate --perspective everyone "$psa"
expect_rc 2
expect_stdout_empty
run evaluate --set op_cost "$psa"
expect_rc 2
expect_stdout_empty
expect_stderr_contains "'op_cost' is not NAME=VALUE"

# Standard input, CSV, Markdown, Danish numbers, atomic -o.
"$GEVINST" evaluate --format json - <"$psa" >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
expect_rc 0
json_expr 'j["case"]["id"] == "psa-bench-kol"'
run evaluate --format csv "$psa"
expect_rc 0
expect_stdout_contains "year,costs_investment,costs_implementation,costs_operating,costs_other,costs,"
[ "$(wc -l <"$TMP/stdout")" -eq 11 ] || fail "csv should have a header and 10 years"
run evaluate --format md "$psa"
expect_stdout_contains "| NPV |"
run evaluate --locale da "$psa"
expect_stdout_contains "-1.829.130"
run evaluate --format json -o "$TMP/out.json" "$psa"
expect_rc 0
expect_stdout_empty
[ -s "$TMP/out.json" ] || fail "-o did not write the file"
ls -a "$TMP" | grep -q '\.tmp\.' && fail "temporary file left behind"

# An invalid case gives FILE:LINE:COLUMN on stderr and exit 1.
printf 'format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 0}\n' >"$TMP/bad.yaml"
run evaluate "$TMP/bad.yaml"
expect_rc 1
expect_stderr_contains "bad.yaml:3:"
# Golden outputs: every example case (examples/ and examples/fund/) as JSON,
# and the table for the main example. Rollout files are not cases.
for f in examples/*.yaml examples/fund/*.yaml; do
  grep -q '^format: gevinst/1' "$f" || continue
  name="$(basename "$f" .yaml)"
  run evaluate --format json "$f"
  expect_rc 0 "evaluate --format json $f"
  golden "evaluate-$name.json"
done
run evaluate examples/kol-telemonitoring.yaml
golden "evaluate-kol-telemonitoring.txt"
run evaluate --format md --perspective society examples/virtual-physio.yaml
golden "evaluate-virtual-physio-society.md"
# JSON is YAML: every example written as JSON (keys quoted, as JSON does)
# evaluates to the same numbers.
for f in examples/*.yaml examples/fund/*.yaml; do
  grep -q '^format: gevinst/1' "$f" || continue
  python3 -c 'import json, sys, yaml; print(json.dumps(yaml.load(open(sys.argv[1]), Loader=yaml.SafeLoader)))' "$f" >"$TMP/case.json" ||
    { fail "could not convert $f to JSON"; continue; }
  run evaluate --format json "$TMP/case.json"
  expect_rc 0 "evaluate $f as JSON"
  [ "$rc" -eq 0 ] || continue
  cp "$TMP/stdout" "$TMP/from-json.json"
  run evaluate --format json "$f"
  python3 - "$TMP/from-json.json" "$TMP/stdout" <<'PY' || fail "$f: JSON and YAML give different results"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert a["perspectives"] == b["perspectives"] and a["years"] == b["years"]
PY
done
# Danish numbers also in the discounting line.
run evaluate --locale da examples/kol-telemonitoring.yaml
expect_stdout_contains "dk-fm-2021 (3,5 % from year 1; 2,5 % from year 36; 1,5 % from year 71)"
# --set that moves a field out of its range is an error at that field.
run evaluate --set "realisable_share=1.4" examples/ai-triage.yaml
expect_rc 1
expect_stdout_empty
expect_stderr_contains "error: share 1.4 is outside [0, 1] evaluating \"\$realisable_share\" (at capacity.activities[0].realisable)"
grep -qE '^examples/ai-triage.yaml:180:[0-9]+: error: ' "$TMP/stderr" || fail "no FILE:LINE:COLUMN error for an out-of-range --set: $(head -3 "$TMP/stderr")"
# Prices: the header names the price year, not the first year, and says how
# other years' prices and nominal loans were brought to it (docs/cli.md, "Prices").
run evaluate tests/data/xlsx/prices.yaml
expect_rc 0
expect_stdout_contains "DKK 2025, 2026–2029; perspective organisation"
expect_stdout_contains "Amounts in 2025 prices. Items priced in another year are converted with the price index dk-fm-pl-2025."
expect_stdout_contains "deflated at 2.0 % inflation a year"
run evaluate --format json tests/data/xlsx/prices.yaml
json_expr 'j["price_year"] == 2025 and j["price_index"] == "dk-fm-pl-2025" and j["inflation"] == 0.02 and j["start_year"] == 2026'
run evaluate --lang da tests/data/xlsx/prices.yaml
expect_stdout_contains "Beløb i 2025-priser."
finish "evaluate: contract keys, options, formats, errors and goldens"
