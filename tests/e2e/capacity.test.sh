# capacity: contract keys, hand-worked figures, options, formats, errors
# (docs/cli.md, "gevinst capacity"; docs/case-format.md, "Capacity release")
# and golden outputs of every example with a capacity section.
nat=examples/capacity-national-potential.yaml

# The worked example of docs/case-format.md, "Capacity release" (the same as
# tests/unit/capacity_test.cpp): 400, 720 and 720 hours in 2027-2029,
# realisable 0.8, 450 DKK an hour, 1,924 hours per FTE.
cat >"$TMP/spec.yaml" <<'EOF'
format: gevinst/1
case: {id: spec-example}
assumptions: {start_year: 2026, horizon: 4, discounting: {rate: 0.04}}
parameters: {patients: {value: 100, source: worked example in docs/case-format.md}}
parties: [{id: region, sector: region}]
capacity:
  target_fte: 0.5
  staff:
    nurse: {hour_cost: 450}
  activities:
    - id: home-visits-replaced
      staff: nurse
      party: region
      minutes_saved: 40
      events_per_year: "$patients * 12"
      from: 2027
      adoption: {2027: 0.5, 2028: 0.9}
      realisable: 0.8
scenarios:
  best: {patients: 200}
EOF
run capacity --format json "$TMP/spec.yaml"
expect_rc 0
json_valid
json_expr 'all(k in j for k in ["hours","realisable_hours","value","fte","fte_years","years","staff","activities"])'
json_expr 'all(k in j["years"][0] for k in ["year","hours","realisable_hours","fte","value"])'
json_expr 'abs(j["hours"] - 1840) < 1e-9 and abs(j["realisable_hours"] - 1472) < 1e-9 and abs(j["value"] - 662400) < 1e-6'
json_expr 'abs(j["fte"] - 576/1924) < 1e-12 and abs(j["fte_years"] - 1472/1924) < 1e-12 and j["steady_state_year"] == 2028'
json_expr '[y["hours"] for y in j["years"]] == [0, 400, 720, 720]'
json_expr 'j["staff"][0]["id"] == "nurse" and j["staff"][0]["hour_cost"] == 450'
json_expr 'j["activities"][0]["monetise"] is True and j["activities"][0]["party"] == "region"'
json_expr 'abs(j["target"]["share"] - 576/1924/0.5) < 1e-12'
json_expr '[s["name"] for s in j["scenarios"]] == ["base", "best"] and abs(j["scenarios"][1]["hours"] - 3680) < 1e-9'
# FTE x fte_hours = realisable hours in every year ("Capacity release").
json_expr 'all(abs(y["fte"] * 1924 - y["realisable_hours"]) < 1e-9 for y in j["years"])'

# The monetised value is what evaluate counts as capacity benefits.
run evaluate --format json "$TMP/spec.yaml"
expect_rc 0
json_expr 'any(i["derived_from_capacity"] and i["kind"] == "capacity" and abs(i["total"] - 662400) < 1e-6 for i in j["items"])'

# --scenario and --set.
run capacity --format json --scenario best "$TMP/spec.yaml"
expect_rc 0
json_expr 'j["scenario"] == "best" and abs(j["hours"] - 3680) < 1e-9'
run capacity --format json --set patients=50 "$TMP/spec.yaml"
expect_rc 0
json_expr 'abs(j["hours"] - 920) < 1e-9 and all(abs(s["hours"] - 920) < 1e-9 for s in j["scenarios"])'
run capacity --set patiens=1 "$TMP/spec.yaml"
expect_rc 1
expect_stderr_contains "did you mean 'patients'?"
expect_stdout_empty

# Formats: csv is the year table; md; Danish numbers.
run capacity --format csv "$TMP/spec.yaml"
expect_rc 0
expect_stdout_contains "year,hours,realisable_hours,fte,value,target_share"
expect_stdout_contains "2027,400,320,"
[ "$(wc -l <"$TMP/stdout")" -eq 5 ] || fail "csv should have a header and 4 years"
run capacity --format md "$TMP/spec.yaml"
expect_stdout_contains "| FTE freed at full effect |"
expect_stdout_contains "### By staff group"
run capacity --locale da "$nat"
expect_stdout_contains "179.724.504"
run capacity "$nat"
expect_stdout_contains "179,724,504"
expect_stdout_contains "10,000 FTE"
expect_stdout_contains "capacity benefit"

# A case without a capacity section: a clear error naming the file, exit 1.
printf 'format: gevinst/1\ncase: {id: plain}\nassumptions: {start_year: 2026, horizon: 2}\n' >"$TMP/plain.yaml"
run capacity "$TMP/plain.yaml"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "$TMP/plain.yaml:2:"
expect_stderr_contains "has no capacity section"
# An invalid file: FILE:LINE:COLUMN, exit 1; usage errors exit 2.
printf 'format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 0}\n' >"$TMP/bad.yaml"
run capacity "$TMP/bad.yaml"
expect_rc 1
expect_stderr_contains "$TMP/bad.yaml:3:"
run capacity no-such-file.yaml
expect_rc 2
expect_stdout_empty
run capacity --format xml "$nat"
expect_rc 2
expect_stdout_empty

# The national potential example validates with no warnings.
run validate --strict "$nat"
expect_rc 0
expect_stdout_contains "0 errors, 0 warnings"
[ "$(head -1 "$nat")" = '# yaml-language-server: $schema=gevinst.schema.json' ] ||
  fail "$nat does not start with the schema line"

# A benefit of kind capacity for a party that also gets a monetised activity:
# validate warns, evaluate says to check instead of claiming single counting.
cat >"$TMP/twice.yaml" <<'YAML'
format: gevinst/1
case: {id: twice}
assumptions: {start_year: 2026, horizon: 2}
parties: [{id: p, sector: region}]
costs: [{id: c, kind: operating, party: p, amount: 1000}]
benefits: [{id: nurse-time, kind: capacity, party: p, per_year: 45000}]
capacity:
  staff: {nurse: {hour_cost: 450}}
  activities:
    - {id: visits, staff: nurse, party: p, minutes_saved: 60, events_per_year: 100}
YAML
run validate "$TMP/twice.yaml"
expect_rc 0
expect_stdout_contains "twice.yaml:6:12: warning: benefit 'nurse-time' (kind capacity) goes to party 'p', which also gets the monetised capacity activity 'visits'; the same freed time may be counted twice (at benefits[0])"
run evaluate --format json "$TMP/twice.yaml"
expect_rc 0
json_expr 'any("(nurse-time); check that these are not the same freed time" in n for n in j["notes"])'
json_expr 'j["years"][0]["benefits"] == 45000 + 100 * 450'

# Golden outputs: every example with a capacity section, as table and JSON.
for f in examples/*.yaml; do
  grep -q '^capacity:' "$f" || continue
  name="$(basename "$f" .yaml)"
  run capacity "$f"
  expect_rc 0 "capacity $f"
  golden "capacity-${name#capacity-}.txt"
  run capacity --format json "$f"
  expect_rc 0 "capacity --format json $f"
  golden "capacity-${name#capacity-}.json"
done
run capacity --format csv --scenario worst "$nat"
golden "capacity-national-potential-worst.csv"

# --scenario base is the case's own values; an explicit hour_cost drops the preset's name.
run capacity --format json examples/capacity-national-potential.yaml
cp "$TMP/stdout" "$TMP/plain.json"
run capacity --format json --scenario base examples/capacity-national-potential.yaml
expect_rc 0 "--scenario base"
python3 -c 'import json,sys; a,b=(json.load(open(p)) for p in sys.argv[1:]); assert a["fte"] == b["fte"] and a["value"] == b["value"]' "$TMP/plain.json" "$TMP/stdout" || fail "--scenario base differs from the base case"
cat >"$TMP/preset.yaml" <<'YAML'
format: gevinst/1
case: {id: pre}
assumptions: {start_year: 2026, horizon: 2}
parties: [{id: p, sector: region}]
costs: [{id: c, kind: operating, party: p, per_year: 1}]
capacity:
  staff:
    nurse: {preset: dk-nurse-dsr-2019}
    nurse2: {preset: dk-nurse-dsr-2019, hour_cost: 500}
  activities:
    - {id: a, staff: nurse, party: p, minutes_saved: 60, events_per_year: 10}
    - {id: b, staff: nurse2, party: p, minutes_saved: 60, events_per_year: 10}
YAML
run capacity --format json "$TMP/preset.yaml"
expect_rc 0
json_expr '[(s["id"], s["preset"], s["hour_cost"]) for s in j["staff"]][1] == ("nurse2", None, 500)'
json_expr 'j["staff"][0]["preset"] == "dk-nurse-dsr-2019"'

# Danish (--lang da, which implies --locale da): words from the catalogue; the
# JSON keeps its English keys and is the same as without --lang.
kol=examples/kol-telemonitoring.yaml
run capacity --lang da "$kol"
expect_rc 0 "capacity --lang da"
expect_stdout_contains "Frigjorte årsværk ved fuld effekt                  2,2 årsværk fra 2028"
expect_stdout_contains "Pr. personalegruppe"
golden capacity-kol-telemonitoring-da.txt
for english in "freed hours" "monetised activities" "the business case" "count it twice"; do
  grep -qF -- "$english" "$TMP/stdout" && fail "capacity --lang da shows the English '$english'"
done
run capacity --lang da --format json "$kol"
golden capacity-kol-telemonitoring.json
finish "capacity: hand-worked figures, formats, errors and goldens"
