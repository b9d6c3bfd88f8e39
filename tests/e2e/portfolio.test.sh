# portfolio: exact selection under a budget, include/exclude, objectives,
# cost bases, formats and exit codes (docs/cli.md, "gevinst portfolio"). The six cases in
# tests/data/portfolio have one year and no discounting: (NPV, cost) in
# millions a (11, 6), b (9, 5), c (9, 5), d (-1, 2), e (0.5, 1), f (0.3, 3).
data=tests/data/portfolio

# Budget 10: by NPV per krone a comes first (1.83), after which neither b nor c
# fits: greedy gets a + e + f = 11.8. Exact: b + c = 18 at cost 10.
run portfolio --budget 10e6 --format json "$data"
expect_rc 0
json_valid
json_expr 'all(k in j for k in ["selected","objective_value","budget_used","ranking"])'
json_expr '[s["id"] for s in j["selected"]] == ["case-b", "case-c"]'
json_expr 'j["objective_value"] == 18e6 and j["budget_used"] == 10e6 and j["optimal"]'
json_expr '[r["id"] for r in j["ranking"]] == ["case-a", "case-b", "case-c", "case-e", "case-f", "case-d"]'
json_expr 'abs(j["ranking"][0]["objective_per_krone"] - 11/6) < 1e-12'
golden portfolio-budget-10e6.json
# The budget as a plain number gives the same answer.
cp "$TMP/stdout" "$TMP/exp.json"
run portfolio --budget 10000000 --format json "$data"
cmp -s "$TMP/exp.json" "$TMP/stdout" || fail "--budget 10000000 differs from --budget 10e6"
run portfolio --budget 10e6 "$data"
expect_rc 0
golden portfolio-budget-10e6.txt
run portfolio --budget 10e6 --format md "$data"
golden portfolio-budget-10e6.md
run portfolio --budget 10e6 --format csv "$data"
golden portfolio-budget-10e6.csv

# Budget 11: a + b = 20 beats b + c + e = 18.5.
run portfolio --budget 11e6 --format json "$data"
json_expr '[s["id"] for s in j["selected"]] == ["case-a", "case-b"] and j["objective_value"] == 20e6'

# --include a forces it: then e + f fill the rest (11.8). --exclude b: a + e + f.
run portfolio --budget 10e6 --include case-a --format json "$data"
expect_rc 0
json_expr '[s["id"] for s in j["selected"]] == ["case-a", "case-e", "case-f"] and abs(j["objective_value"] - 11.8e6) < 1e-3'
json_expr '[r["forced"] for r in j["ranking"] if r["id"] == "case-a"] == ["include"]'
run portfolio --budget 10e6 --exclude case-b --exclude tests/data/portfolio/case-c.yaml --format json "$data"
json_expr '[s["id"] for s in j["selected"]] == ["case-a", "case-e", "case-f"]'
run portfolio --budget 10e6 --include case-d,case-b --format json "$data"
json_expr '[s["id"] for s in j["selected"]] == ["case-b", "case-d", "case-e"] and j["objective_value"] == 8.5e6'

# Objectives: fte (only e frees 5 FTE) and sroi (only f has outcomes: 12 mio.).
run portfolio --budget 2e6 --objective fte --format json "$data"
expect_rc 0
json_expr '[s["id"] for s in j["selected"]] == ["case-e"] and j["objective_value"] == 5'
run portfolio --budget 5e6 --objective sroi --format json "$data"
expect_rc 0
json_expr '[s["id"] for s in j["selected"]] == ["case-f"] and j["objective_value"] == 12e6'
json_expr '[r["objective_per_krone"] for r in j["ranking"] if r["id"] == "case-f"] == [4]'
json_expr 'all(r["objective"] is None and r["note"] == "no sroi section" for r in j["ranking"] if r["id"] != "case-f")'

# --cost-basis first-years 1: one-year cases cost the same undiscounted.
run portfolio --budget 10e6 --cost-basis first-years 1 --format json "$data"
expect_rc 0
json_expr 'j["cost_basis"] == "first-years" and j["first_years"] == 1 and j["objective_value"] == 18e6'
# The paths may follow "first-years N" directly.
run portfolio --budget 10e6 --format json --cost-basis first-years 1 "$data"
expect_rc 0 "path after --cost-basis first-years 1"
json_expr 'j["first_years"] == 1 and j["objective_value"] == 18e6'
run portfolio --cost-basis pv "$data" --budget 10e6 --format json
expect_rc 0
json_expr 'j["cost_basis"] == "pv" and j["cases"] == 6'

# Generated cases: the selection stays within the budget and is proven optimal.
python3 scripts/gen-cases 300 "$TMP/cases" --seed 7 >/dev/null
run portfolio --budget 5e8 --format json "$TMP/cases"
expect_rc 0
json_expr 'j["optimal"] and j["budget_used"] <= 5e8 and len(j["ranking"]) == 300'
json_expr 'abs(j["objective_value"] - sum(s["objective"] for s in j["selected"])) < 1e-3'

# Failures: included cases over the budget (1); an unknown id, a missing
# budget, a bad cost basis (2, nothing on stdout).
run portfolio --budget 5e6 --include case-a "$data"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "the included cases cost 6000000, more than the budget 5000000"
run portfolio --budget 5e6 --include case-z "$data"
expect_rc 2
expect_stdout_empty
expect_stderr_contains "no case 'case-z' among the inputs"
run portfolio "$data"
expect_rc 2
expect_stdout_empty
run portfolio --budget -1 "$data"
expect_rc 2
run portfolio --budget 1e6 --cost-basis first-years x "$data"
expect_rc 2
expect_stdout_empty
run portfolio --budget 1e6 --cost-basis npv "$data"
expect_rc 2
# An invalid case file: exit 1 with its error.
cp -r "$data" "$TMP/mixed"
cp tests/data/invalid/09-duplicate-key.yaml "$TMP/mixed/"
run portfolio --budget 1e7 "$TMP/mixed"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "09-duplicate-key.yaml:13:3: error: duplicate key 'horizon'"
# The spelling of the first path argument is kept when two name the same
# files, so --include by that spelling still matches.
run portfolio --budget 1e12 --format json "$data" "./$data" --include "$data/case-a.yaml"
expect_rc 0 "include by path with overlapping arguments"
json_expr 'len(j["ranking"]) == len(set(r["path"] for r in j["ranking"]))'
# One case id in two files would fund one project twice: refused, naming both.
mkdir -p "$TMP/dup/a" "$TMP/dup/b"
cp tests/data/invalid/rollout-solution.case "$TMP/dup/a/kol.yaml"
cp tests/data/invalid/rollout-solution.case "$TMP/dup/b/kol-copy.yaml"
run portfolio --budget 1e9 "$TMP/dup"
expect_rc 1 "portfolio with one id in two files"
expect_stdout_empty
expect_stderr_contains "$TMP/dup/b/kol-copy.yaml:4:7: error: case id 'kol-telemonitoring' is also the id of $TMP/dup/a/kol.yaml (at case.id)"
# --exclude-path leaves a file out of the directory scan (--exclude names cases).
run portfolio --budget 1e9 --exclude-path 'b/*' "$TMP/dup"
expect_rc 0 "portfolio --exclude-path"
# A negative budget is a usage error that says what a budget is.
run portfolio --budget -1 "$data"
expect_rc 2
expect_stderr_contains "the budget must be an amount >= 0, e.g. 25e6; got '-1'"
# --perspective: the objective of each case is its NPV under that
# perspective (evaluate -p P); virtual-physio has a negative NPV when only
# budget benefits count, so it is only selected under society.
mkdir -p "$TMP/pf"
cp examples/kol-telemonitoring.yaml examples/virtual-physio.yaml "$TMP/pf/"
for p in budget society; do
  run portfolio --budget 1e9 -p "$p" --format json "$TMP/pf"
  expect_rc 0 "portfolio -p $p"
  cp "$TMP/stdout" "$TMP/pf-$p.json"
  python3 - "$TMP/pf-$p.json" "$GEVINST" "$p" <<'PY' || fail "portfolio -p $p: objectives differ from evaluate -p $p"
import json, subprocess, sys
j = json.load(open(sys.argv[1]))
bad = []
for s in j["selected"]:
    e = json.loads(subprocess.run([sys.argv[2], "evaluate", "--format", "json", "-p", sys.argv[3], s["path"]],
                                  check=True, capture_output=True, text=True).stdout)
    if abs(s["objective"] - e["npv"]) > 1e-6:
        bad.append((s["id"], s["objective"], e["npv"]))
print(bad)
sys.exit(1 if bad else 0)
PY
done
python3 - "$TMP/pf-budget.json" "$TMP/pf-society.json" <<'PY' || fail "portfolio -p: the selection does not follow the perspective"
import json, sys
b, s = (json.load(open(p)) for p in sys.argv[1:])
assert [x["id"] for x in b["selected"]] == ["kol-telemonitoring"], b["selected"]
assert [x["id"] for x in s["selected"]] == ["kol-telemonitoring", "virtual-physio"], s["selected"]
assert b["perspective"] == "budget" and s["perspective"] == "society"
PY
# --constraints: a round with every constraint type (tests/data/portfolio/rounds/round.yaml,
# the optimum a + e = 11.5 worked out by enumeration in its comment).
rounds=tests/data/portfolio/rounds
run portfolio "$data" --constraints "$rounds/round.yaml" --format json
expect_rc 0 "portfolio --constraints"
json_valid
json_expr 'all(k in j for k in ["selected","objective_value","budget_used","ranking"])'
json_expr '[s["id"] for s in j["selected"]] == ["case-a", "case-e"] and j["objective_value"] == 11.5e6'
json_expr 'j["solver"] == "cbc" and j["optimal"] and j["gap"] == 0 and j["budget"] == 12e6'
json_expr 'j["yearly_budgets"] == [{"year": 2026, "budget": 13e6, "used": 7e6, "left": 6e6}]'
json_expr 'j["requires"] == [{"case": "case-b", "requires": "case-d"}] and j["exclusive"] == [["case-a", "case-c"]]'
json_expr '[(t["tag"], t["selected"]) for t in j["tags"]] == [("north", 1), ("south", 1)]'
golden portfolio-round.json
run portfolio "$data" --constraints "$rounds/round.yaml"
golden portfolio-round.txt
# --budget replaces the file's budget: with 20 (and 2026 still 13) a + e + ...
run portfolio "$data" --constraints "$rounds/round.yaml" --budget 20e6 --format json
json_expr 'j["budget"] == 20e6 and j["budget_used"] <= 13e6'
# The single-budget branch and bound and CBC agree; branch-and-bound refuses other constraints.
run portfolio --budget 10e6 --solver cbc --format json "$data"
expect_rc 0
json_expr 'j["solver"] == "cbc" and j["objective_value"] == 18e6'
run portfolio "$data" --constraints "$rounds/round.yaml" --solver branch-and-bound
expect_rc 2
# --write-mps writes the program for another solver.
run portfolio "$data" --constraints "$rounds/round.yaml" --write-mps "$TMP/round.mps" -q
expect_rc 0
grep -q '^ROWS' "$TMP/round.mps" && grep -q 'exclusive0' "$TMP/round.mps" || fail "--write-mps wrote no program"
# The shipped example round over the example cases.
run portfolio examples/ --constraints examples/portfolio-2027.yaml --format json
expect_rc 0 "example round"
json_expr 'j["optimal"] and [s["id"] for s in j["selected"]] == ["ai-triage", "ceiling-hoists", "derm-triage", "hospital-at-home", "virtual-physio"]'
golden portfolio-2027.json
run portfolio examples/ --constraints examples/portfolio-2027.yaml
golden portfolio-2027.txt
# Case ids that name no input: located errors with a guess, exit 1.
run portfolio "$data" --constraints "$rounds/unknown-case.yaml"
expect_rc 1 "unknown case ids"
expect_stdout_empty
expect_stderr_contains "$rounds/unknown-case.yaml:5:11: error: no case 'case-q' among the inputs (at requires.case-b)"
expect_stderr_contains "$rounds/unknown-case.yaml:7:14: error: no case 'cse-d' among the inputs (at exclusive[0][1])"
expect_stderr_contains "hint: did you mean 'case-d'?"
# Constraints no selection meets: exit 1.
run portfolio "$data" --constraints "$rounds/infeasible.yaml"
expect_rc 1 "infeasible round"
expect_stderr_contains "no selection meets every constraint"
# The invalid portfolio files of the corpus: exit 1 with their located first error.
for f in tests/data/invalid/portfolio-*.yaml; do
  run portfolio examples/ --constraints "$f"
  expect_rc 1 "portfolio --constraints $f"
  expect_stdout_empty
  expect_stderr_contains "$(head -1 "${f%.yaml}.expected")"
done
# --yearly-budget: a year's budget from the command line (one-year cases: as
# --budget 10e6, b + c = 18), and replacing the file's year (2026 at 6.5:
# with e committed only a + e = 11.5 at cost 7 > 6.5 fails; c + e 9.5 at 6).
run portfolio "$data" --yearly-budget 2026=10e6 --format json
expect_rc 0 "--yearly-budget"
json_expr '[s["id"] for s in j["selected"]] == ["case-b", "case-c"] and j["solver"] == "cbc" and j["budget"] is None'
run portfolio "$data" --constraints "$rounds/round.yaml" --yearly-budget 2026=6.5e6 --format json
json_expr '[s["id"] for s in j["selected"]] == ["case-c", "case-e"] and j["yearly_budgets"][0]["budget"] == 6.5e6'
run portfolio "$data" --yearly-budget 2026
expect_rc 2
expect_stderr_contains "'2026' is not YEAR=AMOUNT"
# Without --budget a constraints file is needed.
run portfolio "$data"
expect_rc 2
expect_stderr_contains "--budget (or --constraints FILE or --yearly-budget YEAR=AMOUNT) is required"
# Checked against a solver no one here wrote: a strongly correlated knapsack
# of Pisinger (2005) as 300 cases, solved by gevinst (CBC) and by GLPK on the
# same program (GLPK from libglpk-dev, scripts/bootstrap test; missing, it fails).
if ! cc -O2 -o "$TMP/glpk_mps" tests/data/bench/glpk_mps.c -lglpk 2>"$TMP/cc.err"; then
  fail "cannot build the GLPK check (install libglpk-dev: scripts/bootstrap test): $(head -3 "$TMP/cc.err")"
else
  python3 scripts/gen-cases 300 "$TMP/knap" --knapsack strongly-correlated --range 1000 >/dev/null
  run portfolio "$TMP/knap" --constraints "$TMP/knap/portfolio.yaml" --write-mps "$TMP/knap.mps" --format json
  expect_rc 0 "Pisinger strongly correlated"
  json_expr 'j["optimal"] and j["gap"] == 0'
  glpk=$("$TMP/glpk_mps" "$TMP/knap.mps" 60)
  python3 -c 'import json, sys; j = json.load(open(sys.argv[1])); g = sys.argv[2].split()
assert g[4] == "yes" and float(g[2]) == j["objective_value"], (g, j["objective_value"])' "$TMP/stdout" "$glpk" ||
    fail "GLPK and gevinst disagree: $glpk"
fi

# No case to choose from is an error, not an empty selection (a CI job with a
# wrong path must not pass): an empty folder, and a folder of constraints files only.
mkdir -p "$TMP/empty"
run portfolio --budget 100 "$TMP/empty"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "no case files (*.yaml, *.yml) found in $TMP/empty"
run portfolio --budget 100 tests/data/portfolio/rounds
expect_rc 1
expect_stdout_empty
expect_stderr_contains "found in tests/data/portfolio/rounds (only 3 rollout, actuals or portfolio documents)"

finish
