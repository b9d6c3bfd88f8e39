# simulate --fund: the fund under uncertainty (docs/cli.md, "simulate --fund:
# the fund under uncertainty"): goldens of examples/fund with a fixed seed,
# contract keys, the same numbers for 1 and 2 threads, the draws file
# recomputed in Python, sd 0 against repay --fund, and errors.
fund=examples/fund
run simulate --fund innovation-fund -n 2000 --seed 11 --threads 1 "$fund"
expect_rc 0
golden simulate-fund-innovation-fund.txt
run simulate --fund innovation-fund -n 2000 --seed 11 --threads 1 --common-factor 0.3 --target-probability 0.9 --format json "$fund"
expect_rc 0
golden simulate-fund-innovation-fund.json
cp "$TMP/stdout" "$TMP/one.json"
json_expr 'all(k in j for k in ["fund","iterations","seed","lent","repaid","repaid_ratio","prob_capital_preserved","forgiven","capital_at_risk","years","cases","gearing"])'
json_expr 'all(k in j["repaid"] for k in ["mean","sd","p05","p50","p95"]) and all(k in j["repaid_ratio"] for k in ["mean","p05","p50","p95"]) and all(k in j["forgiven"] for k in ["mean","p95"])'
json_expr 'all(set(["year","cumulative_cash"]) <= set(y) and all(k in y["cumulative_cash"] for k in ["p05","p50","p95"]) for y in j["years"]) and all(set(["id","expected_forgiven"]) <= set(c) for c in j["cases"])'
json_expr 'j["fund"] == "innovation-fund" and j["iterations"] == 2000 and j["seed"] == 11 and j["lent"] == 5000000 and j["common_factor"] == 0.3'
json_expr 'j["capital_at_risk"] <= 0 and 0 <= j["prob_capital_preserved"] <= 1 and j["gearing"] > 0 and j["gearing_probability"] >= 0.9'
json_expr '[c["id"] for c in j["cases"]] == ["ceiling-hoists", "derm-triage", "hospital-at-home"] and [y["year"] for y in j["years"]] == list(range(2026, 2033))'
json_expr 'j["provenance"]["seed"] == 11 and len(j["provenance"]["files"]) == 3'
run simulate --fund innovation-fund -n 2000 --seed 11 --threads 2 --common-factor 0.3 --target-probability 0.9 --format json "$fund"
expect_rc 0
python3 - "$TMP/one.json" "$TMP/stdout" <<'PY' || fail "results differ between 1 and 2 threads"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert b["threads"] == 2
for d in (a, b):
    d.pop("threads")
sys.exit(0 if a == b else 1)
PY

# The draws file: one row per iteration; its columns give the JSON's numbers.
run simulate --fund innovation-fund -n 3000 --seed 4 --draws "$TMP/draws.csv" --format json "$fund"
expect_rc 0
[ "$(wc -l <"$TMP/draws.csv")" -eq 3001 ] || fail "draws.csv should have 3000 rows and a header"
head -1 "$TMP/draws.csv" | grep -q '^iteration,lent,repaid,repaid_ratio,forgiven,granted,lowest_cumulative_cash,capital_preserved,cumulative_cash_2026,' || fail "draws header: $(head -1 "$TMP/draws.csv")"
python3 - "$TMP/draws.csv" "$TMP/stdout" <<'PY' || fail "the draws file does not give the JSON's numbers"
import csv, json, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
j = json.load(open(sys.argv[2]))
n = len(rows)
repaid = [float(r["repaid"]) for r in rows]
mean = sum(repaid) / n
kept = sum(int(r["capital_preserved"]) for r in rows) / n
forgiven = sum(float(r["forgiven"]) for r in rows) / n
lowest = sorted(float(r["lowest_cumulative_cash"]) for r in rows)
h = (n - 1) * 0.05  # R's type 7
q05 = lowest[int(h)] + (h - int(h)) * (lowest[int(h) + 1] - lowest[int(h)])
last = sorted(float(r["cumulative_cash_2032"]) for r in rows)
ok = (math.isclose(mean, j["repaid"]["mean"], rel_tol=1e-12) and kept == j["prob_capital_preserved"]
      and math.isclose(forgiven, j["forgiven"]["mean"], rel_tol=1e-9, abs_tol=1e-6)
      and math.isclose(q05, j["capital_at_risk"], rel_tol=1e-12)
      and math.isclose(last[(n - 1) // 2] if n % 2 else (last[n // 2 - 1] + last[n // 2]) / 2,
                       j["years"][-1]["cumulative_cash"]["p50"], rel_tol=1e-12)
      and all(int(r["capital_preserved"]) == (float(r["repaid"]) >= float(r["lent"]) - 1e-9 * float(r["lent"])) for r in rows))
sys.exit(0 if ok else 1)
PY

# CSV: one row per year.
run simulate --fund innovation-fund -n 500 --format csv "$fund"
expect_rc 0
expect_stdout_contains "year,cumulative_cash_mean,cumulative_cash_p05,cumulative_cash_p50,cumulative_cash_p95,prob_capital_preserved"
[ "$(wc -l <"$TMP/stdout")" -eq 8 ] || fail "CSV should have a header and 7 years"
run simulate --fund innovation-fund -n 500 --format md "$fund"
expect_rc 0
expect_stdout_contains "| Year |"

# Every distribution degenerate (normal sd 0): the numbers of repay --fund, sd 0.
mkdir -p "$TMP/sd0"
for f in "$fund"/*.yaml; do
  sed -E 's/dist: \{triangular: \[[^,]+, *([^,]+), *[^]]+\]\}/dist: {normal: [\1, 0]}/' "$f" >"$TMP/sd0/$(basename "$f")"
done
grep -q 'normal: \[0.15, 0\]' "$TMP/sd0/derm-triage.yaml" || fail "sd 0 copy not made"
run repay --fund innovation-fund --format json "$TMP/sd0"
cp "$TMP/stdout" "$TMP/repay.json"
run simulate --fund innovation-fund -n 1000 --format json "$TMP/sd0"
expect_rc 0
python3 - "$TMP/repay.json" "$TMP/stdout" <<'PY' || fail "sd 0 simulation differs from repay --fund"
import json, math, sys
d, s = (json.load(open(p)) for p in sys.argv[1:])
close = lambda a, b: math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-6)
ok = (close(s["lent"], d["totals"]["disbursed"]) and close(s["repaid"]["mean"], d["totals"]["repaid"])
      and close(s["repaid"]["p05"], d["totals"]["repaid"]) and s["repaid"]["sd"] < 1e-6
      and close(s["forgiven"]["mean"], d["totals"]["forgiven"]) and close(-s["capital_at_risk"], d["capital_needed"])
      and [y["year"] for y in s["years"]] == [y["year"] for y in d["years"]]
      and all(close(a["cumulative_cash"]["p50"], b["cumulative_cash"]) for a, b in zip(s["years"], d["years"])))
sys.exit(0 if ok else 1)
PY

# Errors: located diagnostics exit 1, usage errors exit 2.
run simulate --fund innovation-fnd -n 100 "$fund"
expect_rc 1
expect_stderr_contains "--fund: error: no loan or grant in the 3 case file(s) has 'innovation-fnd'"
expect_stderr_contains "did you mean 'innovation-fund'?"
run simulate --fund innovation-fund --common-factor 1.5 "$fund"
expect_rc 2
run simulate --fund innovation-fund --target-probability 1 "$fund"
expect_rc 2
run simulate --common-factor 0.3 examples/kol-telemonitoring.yaml
expect_rc 2
expect_stderr_contains "--common-factor needs --fund ID"
run simulate examples/kol-telemonitoring.yaml examples/ai-triage.yaml
expect_rc 2
run simulate --fund innovation-fund --perspective society "$fund"
expect_rc 2
expect_stderr_contains "--perspective does not apply to --fund"
mkdir -p "$TMP/wide"
sed -E 's/dist: \{triangular: \[0.05, 0.15, 0.25\]\}/dist: {normal: [0.15, 0.5]}/' "$fund/derm-triage.yaml" >"$TMP/wide/derm-triage.yaml"
run simulate --fund innovation-fund -n 2000 "$TMP/wide"
expect_rc 1
expect_stderr_contains "derm-triage.yaml:"
expect_stderr_contains "(seed 20261123)"
printf 'format: gevinst/1\ncase: {id: broken}\nassumptions: {start_year: 2026, horizon: x}\n' >"$TMP/wide/broken.yaml"
run simulate --fund innovation-fund -n 100 "$TMP/wide"
expect_rc 1
expect_stderr_contains "broken.yaml:3:"

# A fund view of no cases is an error for simulate --fund and repay --fund alike.
mkdir -p "$TMP/empty"
for cmd in simulate repay; do
  run $cmd --fund innovation-fund "$TMP/empty"
  expect_rc 1
  expect_stdout_empty
  expect_stderr_contains "no case files (*.yaml, *.yml) found in $TMP/empty"
done

finish "simulate --fund: goldens, contract keys, threads, draws, sd 0 = repay --fund, errors"
