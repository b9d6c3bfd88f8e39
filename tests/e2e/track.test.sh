# track: follow-up on actuals (docs/case-format.md, "Follow-up"; docs/cli.md,
# "gevinst track"). The test plan's figures are worked by hand in
# tests/data/follow_up/plan.yaml and behind-2027.yaml.
dir=tests/data/follow_up
kol=examples/follow-up/kol-telemonitoring-2027.yaml

# Behind plan: ratios, trend forecast, brake by consecutive years, gates.
run track --format json "$dir/behind-2027.yaml"
expect_rc 0
json_valid
json_expr 'all(k in j for k in ["case","as_of","elapsed_years","realisation","cost_ratio","items","plan","forecast","realised","brake","brake_reasons","gates","loans"])'
json_expr 'j["case"]["id"] == "follow-up-test-plan" and j["as_of"] == "2028-03-31" and j["elapsed_years"] == [2026, 2027]'
json_expr 'abs(j["realisation"] - 8/14) < 1e-12 and abs(j["cost_ratio"] - 1) < 1e-12'
json_expr '{i["id"]: i["ratio"] for i in j["items"]} == {"platform": 1.0, "operation": 1.0, "admissions": 0.6, "travel": None, "visits": 0.5}'
json_expr 'all(all(k in i for k in ["id","planned","realised","ratio"]) for i in j["items"])'
json_expr 'j["plan"]["npv"] == 1400000 and j["forecast"]["npv"] == 0 and j["realised"]["npv"] == -400000'
json_expr 'j["brake"] and len(j["brake_reasons"]) == 1'
json_expr '[(g["id"], g["status"], g["released"]) for g in j["gates"]] == [("gate-1", "failed", 0), ("gate-2", "failed", 0), ("gate-3", "not due", 0)]'
json_expr 'j["gates"][0]["failed_criteria"] == ["realisation >= 0.8"]'
json_expr '[l["id"] for l in j["loans"]] == ["share-loan", "grace-loan"] and all(all(k in y for k in ["year","planned_payment","due"]) for l in j["loans"] for y in l["years"])'
json_expr '[y["due"] for y in j["loans"][0]["years"]] == [150000, 150000, 150000] and j["loans"][0]["forgiven_projected"] == 550000'
json_expr 'j["provenance"]["files"][0]["path"] == "tests/data/follow_up/behind-2027.yaml" and len(j["provenance"]["files"]) == 2'

# --forecast overrides the plan's method: plan keeps 600,000 a year, parameters (600 patients) 360,000.
run track --format json --forecast plan "$dir/behind-2027.yaml"
json_expr 'j["forecast"]["npv"] == 800000 and j["forecast_method"] == "plan"'
run track --format json --forecast parameters "$dir/behind-2027.yaml"
json_expr 'j["forecast"]["npv"] == 320000'
# --fail-on-brake turns the brake into exit 1 (for CI).
run track --fail-on-brake "$dir/behind-2027.yaml"
expect_rc 1 "--fail-on-brake with a brake"
expect_stdout_contains "Brake signal"
# Actuals equal to the plan: realisation 1, forecast = plan, no brake, gates 1 and 2 pass.
run track --format json --fail-on-brake "$dir/as-planned-2027.yaml"
expect_rc 0
json_expr 'j["realisation"] == 1 and j["forecast"]["npv"] == j["plan"]["npv"] and not j["brake"] and j["released"] == 500000'
json_expr 'all(y["due"] == y["planned_payment"] for l in j["loans"] for y in l["years"])'
# --perspective society also counts travel (never reported: its ratio stays null).
run track --format json --perspective society "$dir/as-planned-2027.yaml"
json_expr 'j["perspective"] == "society" and j["plan"]["npv"] == 1800000'

# The example: COPD telemonitoring, admissions at 60 % of plan for two years.
run track "$kol"
expect_rc 0
golden track-kol-telemonitoring.txt
run track --format json "$kol"
json_expr 'j["brake"] and [g["status"] for g in j["gates"]] == ["failed", "not due"]'
json_expr 'abs([i for i in j["items"] if i["id"] == "fewer-admissions"][0]["ratio"] - 0.6) < 1e-12'
golden track-kol-telemonitoring.json
run track --format md "$kol"
golden track-kol-telemonitoring.md
run track --format csv "$kol"
golden track-kol-telemonitoring.csv
# Danish: words from the catalogue, numbers in the Danish locale (--lang da
# implies --locale da).
run track --lang da "$kol"
expect_rc 0
golden track-kol-telemonitoring-da.txt
expect_stdout_contains "Realiseringsgrad (realiserede / planlagte gevinster)    0,67"
expect_stdout_contains "Frigivet ved beståede beslutningspunkter: 0 DKK."
# The library's sentences too: brake reasons, gate reasons and notes in
# Danish words and numbers; no English sentence is left.
expect_stdout_contains "- den fremskrevne nutidsværdi -8,9 mio. kr. er under 0, mens planens nutidsværdi er 18,8 mio. kr."
expect_stdout_contains "- realiseringsgrad under 0,7 i hvert af de seneste 2 forløbne år (2026 0,67, 2027 0,67)"
expect_stdout_contains "IKKE BESTÅET"
english_left() {  # FILE: fails on any English sentence of the follow-up
  for english in "not reported in" "stays out of the ratios" "is below 0 while" "realisation below" \
    "elapsed year" "is null" "the actuals give" "divides by zero" "not a finite number" "item-year" \
    "the plan has no" "the plan states"; do
    grep -qF -- "$english" "$1" && fail "the Danish follow-up shows the English '$english'"
  done
}
english_left "$TMP/stdout"
# Behind plan, with items not reported: the notes.
run track --lang da "$dir/behind-2027.yaml"
expect_rc 0
expect_stdout_contains "- gevinsten 'travel' er ikke indberettet for 2026, 2027; den holdes uden for graderne"
expect_stdout_contains "- aktiviteten 'visits' er ikke indberettet for 2027;"
english_left "$TMP/stdout"
# A directory: the records table and its totals in Danish too.
run track --lang da "$dir"
expect_stdout_contains "2 filer med realiserede tal: 2 ok, 0 ugyldige, 0 med fejl; bremsesignal på 1."
expect_stdout_contains "0 bestået, 2 ikke bestået"
for english in "actuals file" "passed" "failed" "Forecast NPV" "BRAKE"; do
  grep -qF -- "$english" "$TMP/stdout" && fail "the Danish track records show the English '$english'"
done
run report "$kol" --lang da -o "$TMP/track-da.md"
expect_rc 0
grep -qF "realiseringsgrad under 0,7 i hvert af de seneste 2 forløbne år" "$TMP/track-da.md" ||
  fail "the Danish follow-up report lacks the Danish brake reason"
english_left "$TMP/track-da.md"

# Directories: one record per actuals file in path order, a broken file is a
# record, cases beside them are skipped; jsonl streams.
mkdir -p "$TMP/follow/b"
cp "$dir/behind-2027.yaml" "$TMP/follow/a.yaml"
cp "$dir/as-planned-2027.yaml" "$TMP/follow/b/c.yaml"
cp "$dir/plan.yaml" "$TMP/follow/plan.yaml"
cp "$dir/plan.yaml" "$TMP/follow/b/plan.yaml"
printf 'format: gevinst-actuals/1\ncase: plan.yaml\nas_of: "2028-03-31"\nyears:\n  2026: {costs: {platfrom: 1}}\n' >"$TMP/follow/b/broken.yaml"
run track --format jsonl "$TMP/follow"
expect_rc 1 "a broken actuals file in the directory"
n="$(wc -l <"$TMP/stdout")"
[ "$n" -eq 3 ] || fail "expected 3 records, got $n"
python3 - "$TMP/stdout" <<'PY' || fail "jsonl records"
import json, sys
rs = [json.loads(l) for l in open(sys.argv[1])]
assert [r["path"].split("/follow/")[1] for r in rs] == ["a.yaml", "b/broken.yaml", "b/c.yaml"], rs
assert [r["status"] for r in rs] == ["ok", "invalid", "ok"]
assert "did you mean 'platform'" not in rs[1]["error"] and ":5:18: error: the plan has no cost 'platfrom'" in rs[1]["error"], rs[1]["error"]
assert rs[0]["brake"] and not rs[2]["brake"] and rs[0]["case"]["id"] == "follow-up-test-plan"
PY
rm "$TMP/follow/b/broken.yaml"
run track "$TMP/follow"
expect_rc 0
expect_stdout_contains "2 actuals files: 2 ok, 0 invalid, 0 errors; brake signal on 1."
run track --fail-on-brake --format csv "$TMP/follow"
expect_rc 1 "--fail-on-brake over a directory"
run track "$dir/plan.yaml"
expect_rc 1 "a case is not actuals"
expect_stderr_contains "this is a case file, not actuals"
mkdir -p "$TMP/empty"
run track "$TMP/empty"
expect_rc 1 "no actuals found"

# A bad actuals file: FILE:LINE:COLUMN and exit 1; a usage error exits 2.
run track tests/data/invalid/actuals-01-unknown-cost.yaml
expect_rc 1
expect_stderr_contains "tests/data/invalid/actuals-01-unknown-cost.yaml:7:13: error: the plan has no cost 'devises'"
expect_stderr_contains "did you mean 'devices'?"
run track --forecast sideways "$dir/behind-2027.yaml"
expect_rc 2 "unknown forecast method"
expect_stdout_empty

# init --actuals writes a template that validates and tracks.
run init --actuals "$TMP/follow/plan.yaml" --as-of 2027-06-30 "$TMP/follow/new.yaml"
expect_rc 0
grep -qF '# admissions: 500000   # plan 500,000' "$TMP/follow/new.yaml" || fail "template lacks the planned admissions"
grep -qF 'case: "plan.yaml"' "$TMP/follow/new.yaml" || fail "template's case path is not relative to it"
run validate "$TMP/follow/new.yaml"
expect_rc 0 "the actuals template validates"
run track "$TMP/follow/new.yaml"
expect_rc 0 "the actuals template tracks"

finish
