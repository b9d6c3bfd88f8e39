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
# Correlated normals (tests/data/simulate/correlated-normals.yaml): the
# per-draw values of --draws have the listed correlations and NPV = x + y
# has the closed-form variance sx^2 + sy^2 + 2 rho sx sy = 260, each within
# 4 standard errors at n = 20000: SE(r) = (1 - rho^2) / sqrt(n) (Fisher),
# SE(s^2) = sigma^2 sqrt(2 / (n - 1)) for normal data, SE(mean) = sigma / sqrt(n).
run simulate -n 20000 --seed 11 --draws "$TMP/corr.csv" tests/data/simulate/correlated-normals.yaml
expect_rc 0 "simulate correlated-normals"
python3 - "$TMP/corr.csv" <<'PY' || fail "correlated draws: $(cat "$TMP/corr.out")"
import csv, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
n = len(rows)
col = {k: [float(r[k]) for r in rows] for k in ("x", "y", "z", "npv")}
mean = {k: sum(v) / n for k, v in col.items()}
def cov(a, b):
    return sum((p - mean[a]) * (q - mean[b]) for p, q in zip(col[a], col[b])) / (n - 1)
def corr(a, b):
    return cov(a, b) / math.sqrt(cov(a, a) * cov(b, b))
out = open(sys.argv[1][:-4] + ".out", "w")
bad = []
def near(what, got, want, se):
    print(f"{what}: {got:.5f}, expected {want} +- 4 x {se:.5f}", file=out)
    if abs(got - want) > 4 * se:
        bad.append(what)
near("n", n, 20000, 0.1)
for a, b, rho in (("x", "y", -0.6), ("x", "z", 0.7), ("y", "z", 0.0)):
    near(f"corr({a},{b})", corr(a, b), rho, (1 - rho * rho) / math.sqrt(n))
for k, m, s in (("x", 100, 10), ("y", 50, 20), ("z", 30, 5)):
    near(f"sd({k})^2", cov(k, k), s * s, s * s * math.sqrt(2 / (n - 1)))
near("mean(npv)", mean["npv"], 150, math.sqrt(260 / n))
near("var(npv)", cov("npv", "npv"), 260, 260 * math.sqrt(2 / (n - 1)))
near("max |npv - (x + y)|", max(abs(v - p - q) for v, p, q in zip(col["npv"], col["x"], col["y"])), 0, 1e-9 / 4)
sys.exit(1 if bad else 0)
PY
# The text report at a fixed draw sequence is a golden file (summary table,
# EVPI, convergence, histogram); the thread count is fixed too, as the
# header names it.
run simulate -n 2000 --seed 7 --threads 2 examples/kol-telemonitoring.yaml
expect_rc 0 "simulate text"
golden simulate-kol-telemonitoring.txt
# Danish (--lang da, which implies --locale da): the same draws with words
# from the catalogue and Danish numbers; none of the English sentences and
# labels is left. JSON keeps its English keys and is the same as without --lang.
run simulate --lang da -n 2000 --seed 7 --threads 2 examples/kol-telemonitoring.yaml
expect_rc 0 "simulate --lang da"
expect_stdout_contains "Sandsynlighed for, at nutidsværdien > 0: 79,7 %"
golden simulate-kol-telemonitoring-da.txt
for english in "Monte Carlo simulation" "iterations" "thread" "perspective" "Drawn:" "mean" " sd " \
  "NPV" "FTE" "largest year" "SROI ratio" "Probability" "Expected value" "base values" "Convergence" \
  "standard error" " after " "Distribution of"; do
  grep -qF -- "$english" "$TMP/stdout" && fail "simulate --lang da shows the English '$english'"
done
run simulate --format json -n 200 --seed 3 --threads 1 examples/kol-telemonitoring.yaml
cp "$TMP/stdout" "$TMP/sim-en.json"
run simulate --lang da --format json -n 200 --seed 3 --threads 1 examples/kol-telemonitoring.yaml
expect_rc 0
cmp -s "$TMP/sim-en.json" "$TMP/stdout" || fail "simulate --lang da changed the JSON"
# The fund view in Danish: its table and sentences, no English left; the
# JSON is the same as without --lang.
run simulate --lang da --fund innovation-fund -n 200 --seed 5 --threads 1 examples/fund
expect_rc 0 "simulate --fund --lang da"
expect_stdout_contains "Fonden innovation-fund (Regional innovation fund (example)) under usikkerhed: 200 iterationer"
expect_stdout_contains "Sandsynlighed for, at kapitalen bevares (tilbagebetalt >= udlånt):"
expect_stdout_contains "Akkumuleret likviditet pr. år (viftediagram)"
for english in "under uncertainty" "Drawn" "Repaid" "Forgiven" "Lent" "Probability" "Capital at risk" \
  "Cumulative cash" "Cases" "Means over the draws" "capital preserved" " mean "; do
  grep -qF -- "$english" "$TMP/stdout" && fail "simulate --fund --lang da shows the English '$english'"
done
run simulate --format json --fund innovation-fund -n 200 --seed 5 --threads 1 examples/fund
cp "$TMP/stdout" "$TMP/fund-en.json"
run simulate --lang da --format json --fund innovation-fund -n 200 --seed 5 --threads 1 examples/fund
cmp -s "$TMP/fund-en.json" "$TMP/stdout" || fail "simulate --fund --lang da changed the JSON"
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
