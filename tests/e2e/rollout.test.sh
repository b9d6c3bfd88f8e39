# rollout: verdicts, compliance judged against --today, drafted explanations,
# formats and exit codes (docs/case-format.md, "Rollouts"; docs/cli.md,
# "gevinst rollout"). The test
# rollout's figures are worked by hand in tests/data/rollout/rollout.yaml.
ro=tests/data/rollout/rollout.yaml

run rollout --format json --today 2027-07-01 "$ro"
expect_rc 1   # unit-a declined a scale verdict without explanation; unit-c pending after review_due
json_valid
json_expr 'j["non_compliant"] == 2 and len(j["units"]) == 3'
json_expr 'all(all(k in u for k in ["id","verdict","failed_criteria","decision","compliant","npv","fte"]) for u in j["units"])'
json_expr '[u["verdict"] for u in j["units"]] == ["scale", "explain", "scale"]'
json_expr '[u["compliant"] for u in j["units"]] == [False, True, False]'
json_expr 'j["units"][1]["failed_criteria"] == ["npv >= 0", "fte >= 1", "payback_years <= 4"]'
json_expr 'j["units"][0]["decision"] == "declined" and j["units"][2]["decision"] == "pending"'
# NPV = 1,000 x patients - 1,000,000; unit-c has 10,000 x 120,000 / 1,000,000 = 1,200 patients.
json_expr '[u["npv"] for u in j["units"]] == [500000, -200000, 200000] and j["units"][2]["parameters"]["patients"] == 1200'
json_expr 'j["units"][1]["explanation"].startswith("NPV \u2212200,000 kr. at 800 patients; breaks even at 1,000 patients.")'
json_expr 'j["units"][1]["criteria"][2]["reason"].startswith("payback_years is null")'
golden rollout-test.json

# On the review date itself a pending decision is not yet overdue.
run rollout --format json --today 2027-06-30 "$ro"
expect_rc 1
json_expr 'j["non_compliant"] == 1 and j["units"][2]["compliant"]'

run rollout --today 2027-07-01 "$ro"
expect_rc 1
golden rollout-test.txt
run rollout --today 2027-07-01 --format md "$ro"
expect_rc 1
golden rollout-test.md
run rollout --today 2027-07-01 --format csv "$ro"
expect_rc 1
golden rollout-test.csv

# Every unit compliant: exit 0.
run rollout --today 2030-01-01 tests/data/rollout/compliant.yaml
expect_rc 0
expect_stdout_contains "0 non-compliant"

# The examples: five regions (2024) and the four regions of 2027 with per-capita parameters.
run rollout --today 2027-09-01 examples/rollout-kol-regions.yaml
expect_rc 1
golden rollout-kol-regions.txt
# Units of dk-regions-2024 judged from 1 January 2027 get a note pointing to
# dk-regions-2027 (issue 13 item 11); the day before, none.
run rollout --today 2027-01-01 --format json examples/rollout-kol-regions.yaml
json_expr 'len(j["notes"]) == 1 and "units_preset: dk-regions-2027" in j["notes"][0] and "Region \u00d8stdanmark" in j["notes"][0]'
json_expr '[u["id"] for u in j["units"] if u["note"]] == ["region-hovedstaden", "region-sjaelland"]'
run rollout --today 2026-12-31 --format json examples/rollout-kol-regions.yaml
json_expr 'j["notes"] == [] and all(u["note"] is None for u in j["units"])'
run rollout --today 2027-09-01 --format json examples/rollout-2027-regions.yaml
expect_rc 1
json_expr '[u["id"] for u in j["units"]] == ["region-oestdanmark", "region-syddanmark", "region-midtjylland", "region-nordjylland"]'
# Populations from the preset dk-regions-2027 (FOLK1A, 1 January 2024); shares of 5,961,249.
json_expr 'j["total_population"] == 5961249 and j["units"][0]["population"] == 2764020'
json_expr 'abs(j["units"][3]["parameters"]["national_population"] - 593135) < 1e-6'
golden rollout-2027-regions.json
run rollout --today 2027-09-01 examples/rollout-2027-regions.yaml
golden rollout-2027-regions.txt

# --lang da: the table's words, the notes, the compliance findings and the
# drafted explanations in Danish (numbers in the Danish locale); ids,
# labels and criteria as written; the JSON stays English.
rollout_english_left() {  # FILE: fails on any English word or sentence of the rollout
  for english in "Judged on" "units preset" "no longer a unit" "the five regions were replaced" "health reform" \
    "Assess the current" "still pending" "the verdict is" "declined without" "breaks even" "reaches" \
    "fails" "Explain" "Non-compliant" "NON-COMPLIANT" "compliant " "scale" "adopted" "pending" "declined" \
    "units:" "(needs" "does not hold" "is null" "cannot be evaluated" "recorded explanation" "FTE" "NPV" \
    "| Unit |" "Verdict" "Decision" "Solution:"; do
    grep -qF -- "$english" "$1" && fail "the Danish rollout shows the English '$english'"
  done
  grep -qE ' at [0-9−-]' "$1" && fail "the Danish rollout shows an English 'at' before a number"
}
run rollout --today 2027-09-01 --lang da examples/rollout-kol-regions.yaml
expect_rc 1
golden rollout-kol-regions-da.txt
expect_stdout_contains "- Vurderet den 2027-09-01, efter at enhedsforudindstillingen dk-regions-2024 udløb den 2026-12-31. Den 1. januar 2027 blev de fem regioner erstattet af fire"
expect_stdout_contains "- Region Sjælland: ikke længere en enhed efter 2026-12-31: findes ikke i enhedsforudindstillingen dk-regions-2027"
rollout_english_left "$TMP/stdout"
run rollout --today 2027-09-01 --lang da examples/rollout-2027-regions.yaml
expect_rc 1
golden rollout-2027-regions-da.txt
expect_stdout_contains "- gevinst-omkostningsforhold 0,84 ved 0,35 single carer share; når 0,9 ved 0,377 single carer share"
rollout_english_left "$TMP/stdout"
run rollout --today 2027-07-01 --lang da --format md "$ro"
expect_stdout_contains "- nutidsværdi -200.000 kr. ved 800 patients; går i nul ved 1.000 patients"
expect_stdout_contains '- "payback_years <= 4" er ikke opfyldt: payback_years har ingen værdi: sagen er ikke tilbagebetalt inden for tidshorisonten'
rollout_english_left "$TMP/stdout"
run rollout --today 2027-09-01 --lang da --format json examples/rollout-2027-regions.yaml
cp "$TMP/stdout" "$TMP/rollout-da.json"
run rollout --today 2027-09-01 --format json examples/rollout-2027-regions.yaml
cmp -s "$TMP/stdout" "$TMP/rollout-da.json" || fail "--lang da changed the rollout's JSON"
run report examples/rollout-kol-regions.yaml --today 2027-09-01 --lang da -o "$TMP/rollout-da.md"
expect_rc 0
grep -qF "beslutningen afventer stadig efter revurderingsdatoen 2027-06-30" "$TMP/rollout-da.md" ||
  fail "the Danish rollout report lacks the Danish compliance finding"
grep -qF "Region Hovedstaden: ikke længere en enhed efter 2026-12-31" "$TMP/rollout-da.md" ||
  fail "the Danish rollout report lacks the Danish unit note"
rollout_english_left "$TMP/rollout-da.md"

# Invalid input: exit 1 with FILE:LINE:COLUMN on standard error.
run rollout tests/data/rollout/typo.yaml
expect_rc 1
expect_stdout_empty
expect_stderr_contains "tests/data/rollout/typo.yaml:7:18: error: the solution has no parameter 'patiens'"
# A case file is not a rollout.
run rollout tests/data/rollout/solution.yaml
expect_rc 1
expect_stdout_empty
expect_stderr_contains "this is a case file (format gevinst/1), not a rollout"

# A unit whose parameters break the solution is reported as an error and the
# other units are still assessed; it has no verdict or compliance finding
# (null), and the run exits 1 because of the error.
run rollout --format json --today 2026-12-01 tests/data/rollout/unit-error.yaml
expect_rc 1
expect_stderr_contains "tests/data/rollout/per-patient.yaml:14:"
expect_stderr_contains "division by zero"
expect_stderr_contains "tests/data/rollout/unit-error.yaml:6:5: note: while evaluating the solution with the parameters of unit 'a'"
json_expr 'j["errors"] == 1 and j["non_compliant"] == 0'
json_expr 'j["units"][0]["error"].startswith("division by zero") and j["units"][0]["npv"] is None and j["units"][0]["compliant"] is None and j["units"][0]["verdict"] is None'
json_expr 'j["units"][1]["error"] is None and j["units"][1]["npv"] == -400 and j["units"][1]["compliant"]'
# The break-even is printed where the criterion holds: NPV = -1000 + 3000 / patients = 0 at 3.
json_expr '"breaks even at 3 patients" in j["units"][1]["explanation"]'

# --no-explain: the same verdicts and figures, without the drafted
# explanations and their break-even lines.
run rollout --format json --today 2027-09-01 examples/rollout-2027-regions.yaml
cp "$TMP/stdout" "$TMP/explained.json"
run rollout --format json --no-explain --today 2027-09-01 examples/rollout-2027-regions.yaml
expect_rc 1 "rollout --no-explain"
python3 - "$TMP/explained.json" "$TMP/stdout" <<'PY' >"$TMP/noexplain.out" 2>&1 || fail "--no-explain: $(tail -3 "$TMP/noexplain.out")"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
explained = [u["id"] for u in a["units"] if u["explanation"]]
assert explained, "the rollout drafts no explanation, so --no-explain tests nothing"
assert all(u["explanation"] is None for u in b["units"]), [u["explanation"] for u in b["units"]]
for u, v in zip(a["units"], b["units"]):
    for k in ("id", "verdict", "failed_criteria", "compliant", "results"):
        assert u[k] == v[k], (u["id"], k)
PY
run rollout --no-explain --today 2027-09-01 examples/rollout-2027-regions.yaml
expect_rc 1
grep -qF "reaches" "$TMP/stdout" && fail "--no-explain still prints break-even lines: $(grep -F reaches "$TMP/stdout")"

# --perspective: each unit's results are the solution's under that
# perspective with the unit's parameters (evaluate -p P --set ...), and the
# verdicts follow (Nordjylland's payback is 6.2 years when only budget
# benefits count: above the criterion payback_years <= 6).
for p in budget organisation society; do
  run rollout --format json -p "$p" --today 2027-09-01 examples/rollout-kol-regions.yaml
  cp "$TMP/stdout" "$TMP/rollout-$p.json"
  json_expr 'j["perspective"] == "'"$p"'" and j["provenance"]["perspective"] == "'"$p"'"'
  python3 - "$TMP/rollout-$p.json" "$GEVINST" "$p" <<'PY' || fail "rollout -p $p: results differ from evaluate -p $p"
import json, subprocess, sys
j = json.load(open(sys.argv[1]))
bad = []
for u in j["units"]:
    sets = [a for k, v in u["parameters"].items() for a in ("--set", f"{k}={v!r}")]
    e = json.loads(subprocess.run([sys.argv[2], "evaluate", "--format", "json", "-p", sys.argv[3], *sets, j["solution"]],
                                  check=True, capture_output=True, text=True).stdout)
    for k in ("npv", "bcr", "pv_costs", "pv_benefits"):
        if abs(u["results"][k] - e[k]) > 1e-6 * max(1, abs(e[k])):
            bad.append((u["id"], k, u["results"][k], e[k]))
print(bad)
sys.exit(1 if bad else 0)
PY
done
python3 - "$TMP"/rollout-{budget,organisation}.json <<'PY' || fail "rollout -p budget: Nordjylland's verdict does not follow the perspective"
import json, sys
b, o = ({u["id"]: u for u in json.load(open(p))["units"]} for p in sys.argv[1:])
n = "region-nordjylland"
assert b[n]["verdict"] == "explain" and b[n]["failed_criteria"] == ["payback_years <= 6"], b[n]["failed_criteria"]
assert o[n]["verdict"] == "scale", o[n]["failed_criteria"]
PY

# Usage errors: exit 2, nothing on stdout.
run rollout --today 2027-02-30 "$ro"
expect_rc 2
expect_stdout_empty
run rollout --today tomorrow "$ro"
expect_rc 2
run rollout no-such-rollout.yaml
expect_rc 2
expect_stdout_empty
finish
