# simulate: determinism, contract keys, draws (docs/case-format.md, "Monte
# Carlo"; docs/cli.md, "gevinst simulate").
psa=tests/data/bench/psa_case.yaml
run simulate --format json -n 20000 --seed 5 --threads 1 "$psa"
expect_rc 0
cp "$TMP/stdout" "$TMP/one.json"
json_expr 'all(k in j for k in ["iterations","seed","npv","prob_positive","evpi"]) and all(k in j["npv"] for k in ["mean","sd","p05","p50","p95"])'
json_expr 'j["iterations"] == 20000 and j["seed"] == 5 and j["npv"]["p05"] < j["npv"]["p50"] < j["npv"]["p95"]'
json_expr 'j["fte"] is not None and j["sroi_ratio"] is None'
run simulate --format json -n 20000 --seed 5 --threads 2 "$psa"
python3 - "$TMP/one.json" "$TMP/stdout" <<'PY' || fail "results differ between 1 and 2 threads"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
a.pop("threads"); b.pop("threads")
sys.exit(0 if a == b else 1)
PY
run simulate -n 5000 --draws "$TMP/draws.csv" "$psa"
expect_rc 0
[ "$(wc -l <"$TMP/draws.csv")" -eq 5001 ] || fail "draws.csv should have 5000 rows and a header"
head -1 "$TMP/draws.csv" | grep -q '^iteration,patients,admissions_avoided,cost_per_admission,device_cost,op_cost,nurse_minutes,npv,fte$' || fail "draws header: $(head -1 "$TMP/draws.csv")"
run simulate -n 1 "$psa"
expect_rc 2
printf 'format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 2}\n' >"$TMP/fixed.yaml"
run simulate "$TMP/fixed.yaml"
expect_rc 1
expect_stderr_contains "no parameter has a distribution"
# CSV: one row per metric with the summary.
run simulate --format csv -n 2000 examples/kol-telemonitoring.yaml
expect_rc 0
expect_stdout_contains "metric,iterations,seed,mean,sd,se,min,p05,p50,p95,max,prob_positive,evpi"
[ "$(wc -l <"$TMP/stdout")" -eq 4 ] || fail "simulate csv: expected a header and npv, fte, sroi_ratio rows"
# Usage errors: threads out of 0..1024, a negative seed, a seed beyond 64 bits.
for bad in "--threads -3" "--seed -1" "--seed 99999999999999999999"; do
  run simulate $bad examples/kol-telemonitoring.yaml
  expect_rc 2 "simulate $bad"
  expect_stdout_empty
done
finish
