# diff: contract keys, the Shapley attribution worked by hand, structural
# changes, REV:PATH through git in a temporary repository, --fail-if, errors
# (docs/cli.md, "gevinst diff"), and the Markdown pull-request comment as a
# golden file.

# NPV = patients x saving - cost (one year, no discounting). From (100, 50,
# 3000) to (120, 60, 3600): NPV 2000 -> 3600. Shapley values (Shapley 1953),
# worked in tests/unit/attribution_test.cpp: patients 1100, saving 1100,
# cost -600.
mkdir -p "$TMP/work"
cat >"$TMP/work/old.yaml" <<'EOF2'
format: gevinst/1
case: {id: t, title: Test}
assumptions: {start_year: 2026, horizon: 1, discounting: none}
parameters:
  patients: {value: 100, source: trial}
  saving: {value: 50, source: trial}
  cost: {value: 3000, source: tender}
parties: [{id: r, sector: region}]
costs:
  - {id: run, kind: operating, party: r, amount: "$cost", year: 2026}
benefits:
  - {id: gain, kind: budget, party: r, amount: "$patients * $saving", year: 2026}
EOF2
sed -e 's/value: 100,/value: 120,/' -e 's/value: 50,/value: 60,/' -e 's/value: 3000,/value: 3600,/' \
  "$TMP/work/old.yaml" >"$TMP/work/new.yaml"
cd "$TMP/work" || exit 1
run diff old.yaml new.yaml --format json
expect_rc 0
json_valid
json_expr 'all(k in j for k in ["inputs", "results", "attribution"])'
json_expr 'all(all(k in i for k in ["path", "old", "new"]) for i in j["inputs"])'
json_expr 'all(k in j["results"]["npv"] for k in ["old", "new", "change"])'
json_expr 'all(all(k in a for k in ["input", "npv_change"]) for a in j["attribution"])'
json_expr 'j["results"]["npv"] == {"old": 2000, "new": 3600, "change": 1600}'
json_expr '[(i["path"], i["old"], i["new"]) for i in j["inputs"]] == [("parameters.patients.value", "100", "120"), ("parameters.saving.value", "50", "60"), ("parameters.cost.value", "3000", "3600")]'
json_expr '{a["input"]: round(a["npv_change"], 9) for a in j["attribution"]} == {"parameters.patients.value": 1100, "parameters.saving.value": 1100, "parameters.cost.value": -600}'
json_expr 'j["method"] == "shapley" and abs(sum(a["npv_change"] for a in j["attribution"]) - 1600) < 1e-9'
json_expr 'j["results"]["bcr"]["old"] == 5000 / 3000 and j["results"]["bcr"]["new"] == 7200 / 3600'

# The same change read from standard input.
run diff - new.yaml --format json <old.yaml
expect_rc 0
json_expr 'j["old"] == "<stdin>" and j["results"]["npv"]["change"] == 1600'

# --fail-if: a gate in CI.
run diff old.yaml new.yaml --fail-if "npv_change < 0"
expect_rc 0
run diff new.yaml old.yaml --fail-if "npv_change < -1000"
expect_rc 1
expect_stderr_contains '--fail-if "npv_change < -1000" holds (npv_change = -1,600.00)'
expect_stdout_contains 'Why the NPV changed'
run diff old.yaml new.yaml --fail-if "bcr_change > 0.3 and 1"
expect_rc 2
run diff old.yaml new.yaml --fail-if "npv_chnage < 0"
expect_rc 2
expect_stderr_contains "did you mean 'npv_change'?"
expect_stdout_empty
run diff old.yaml new.yaml --fail-if "fte_new > 0"
expect_rc 1
expect_stderr_contains 'no value for fte_new'

# An item added with the parameter it uses: one structural input.
cp new.yaml added.yaml
sed -i 's/^  cost: /  bonus: {value: 700, source: trial}\n  cost: /' added.yaml
echo '  - {id: extra, kind: budget, party: r, amount: "$bonus", year: 2026}' >>added.yaml
run diff new.yaml added.yaml --format json
expect_rc 0
json_expr '[(a["input"], a["npv_change"]) for a in j["attribution"]] == [("parameters.bonus + benefits[1]", 700)]'
json_expr 'all(i["structural"] and i["kind"] == "added" for i in j["inputs"])'

# Errors: a version with errors is located (exit 1); a missing file and two
# standard inputs are usage errors.
printf 'format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: zero}\n' >bad.yaml
run diff old.yaml bad.yaml
expect_rc 1
expect_stderr_contains 'bad.yaml:3:'
expect_stdout_empty
run diff old.yaml missing.yaml
expect_rc 2
run diff - - <old.yaml
expect_rc 2
run diff old.yaml "$ROOT/examples/rollout-kol-regions.yaml"
expect_rc 1
expect_stderr_contains 'diff compares case files'

# REV:PATH through git, in a temporary repository (git must be installed:
# scripts/bootstrap test).
mkdir -p repo/cases
cp old.yaml repo/cases/t.yaml
(cd repo && git init -q && git add cases/t.yaml && git -c user.name=t -c user.email=t@example.org commit -qm old) ||
  fail "git could not make the test repository"
cp new.yaml repo/cases/t.yaml
cd repo || exit 1
run diff HEAD:cases/t.yaml cases/t.yaml --format json
expect_rc 0
json_expr 'j["old"] == "HEAD:cases/t.yaml" and j["results"]["npv"]["change"] == 1600'
(cd cases && "$GEVINST" diff HEAD:./t.yaml t.yaml --format json >"$TMP/stdout" 2>"$TMP/stderr")
json_expr 'j["results"]["npv"]["change"] == 1600'
run diff HEAD:cases/nothing.yaml cases/t.yaml
expect_rc 1
expect_stderr_contains 'HEAD:cases/nothing.yaml: error: git cannot read it'
run diff no-such-rev:cases/t.yaml cases/t.yaml
expect_rc 1
expect_stderr_contains 'no-such-rev:cases/t.yaml: error:'
cd "$ROOT" || exit 1

# The pull-request comment on a realistic change to an example: five
# parameters, a cost added, a horizon two years longer.
cp examples/kol-telemonitoring.yaml "$TMP/work/kol-old.yaml"
sed -e '/^  patients:/,/value:/s/value: 1200/value: 1500/' \
  -e '/^  kit_cost:/,/value:/s/value: 5000/value: 6500/' \
  -e '/^  monitoring_cost:/,/value:/s/value: 3500/value: 4000/' \
  -e '/^  admissions_avoided:/,/value:/s/value: 0.20/value: 0.18/' \
  -e '/^  nurse_hour_cost:/,/value:/s/value: 420/value: 450/' \
  -e 's/^  horizon: 10/  horizon: 12/' \
  examples/kol-telemonitoring.yaml >"$TMP/work/kol-new.yaml"
# A cost added after the kits: training material for the municipalities.
sed -i 's/^costs:$/costs:\n  - {id: material, label: Training material, kind: implementation, party: region, amount: 250000, year: 2026}/' \
  "$TMP/work/kol-new.yaml"
cd "$TMP/work" || exit 1
run diff kol-old.yaml kol-new.yaml --format md
expect_rc 0
golden diff/kol.md
run diff kol-old.yaml kol-new.yaml --format json
json_expr 'len(j["attribution"]) == 7 and j["method"] == "shapley"'
json_expr 'abs(sum(a["npv_change"] for a in j["attribution"]) - j["results"]["npv"]["change"]) < 1e-6'
json_expr 'any(i["path"] == "assumptions.horizon" and i["structural"] for i in j["inputs"])'
cd "$ROOT" || exit 1

finish
