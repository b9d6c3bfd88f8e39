# --format junit (docs/cli.md, "Output formats"): validate, batch and rollout
# write JUnit XML, one test case per file or unit, failures located at
# FILE:LINE:COLUMN; every output is checked against the JUnit schema in
# tests/data/junit/junit.xsd with xmllint (scripts/bootstrap test installs
# libxml2-utils; a missing xmllint fails this test).
XSD="$ROOT/tests/data/junit/junit.xsd"
schema_valid() {
  xmllint --noout --schema "$XSD" "$TMP/stdout" 2>"$TMP/xmlerr" || fail "not valid JUnit XML ($1): $(head -5 "$TMP/xmlerr")"
}
# xpath EXPR EXPECTED : the XPath value over stdout.
xpath() {
  local got
  got="$(xmllint --xpath "$1" "$TMP/stdout" 2>/dev/null)"
  [ "$got" = "$2" ] || fail "xpath $1: expected '$2', got '$got'"
}

# validate: the examples pass; an invalid file fails at its line and column.
run validate --format junit examples/
expect_rc 0
schema_valid "validate examples"
xpath 'string(/testsuites/@tests)' "$(find examples -name '*.yaml' | wc -l | tr -d ' ')"
xpath 'count(//failure)' 0

cp examples/kol-telemonitoring.yaml "$TMP/good.yaml"
printf 'format: gevinst/1\ncase: {id: x, title: X}\nassumptions: {start_year: 2026, horizon: zero}\n' >"$TMP/bad.yaml"
run validate --format junit "$TMP/good.yaml" "$TMP/bad.yaml"
expect_rc 1
schema_valid "validate with an error"
xpath 'string(/testsuites/@failures)' 1
xpath "count(//testcase[@name='$TMP/good.yaml']/failure)" 0
xpath "starts-with(//testcase[@name='$TMP/bad.yaml']/failure[1]/@message, '$TMP/bad.yaml:3:')" true
# Warnings are not failures unless --strict.
printf 'format: gevinst/1\ncase: {id: w, title: W}\nassumptions: {start_year: 2026, horizon: 2}\nparameters: {n: {value: 3}}\nparties: [{id: r, sector: region}]\ncosts: [{id: c, kind: other, party: r, amount: "$n", year: 2026}]\n' >"$TMP/warn.yaml"
run validate --format junit "$TMP/warn.yaml"
expect_rc 0
schema_valid "validate warnings"
xpath 'count(//failure)' 0
xpath 'contains(//system-out, "warning")' true
run validate --strict --format junit "$TMP/warn.yaml"
expect_rc 1
schema_valid "validate --strict"
xpath 'string(//failure[1]/@type)' warning

# The whole invalid corpus: one failing test case per file, all schema-valid
# (binary and control characters in messages included).
run validate --format junit tests/data/invalid/
expect_rc 1
schema_valid "invalid corpus"
xpath 'string(/testsuites/@tests)' "$(ls tests/data/invalid/*.yaml | wc -l | tr -d ' ')"

# batch: one test case per file, invalid files fail at FILE:LINE:COLUMN.
run batch --format junit "$TMP/good.yaml" "$TMP/bad.yaml"
expect_rc 1
schema_valid "batch"
xpath 'string(/testsuites/testsuite/@tests)' 2
xpath "starts-with(//testcase[@name='$TMP/bad.yaml']/failure/@message, '$TMP/bad.yaml:3:')" true
run batch --format junit --shard 1/2 examples/
schema_valid "batch shard"

# rollout: one test case per unit; non-compliant units fail at their decision.
run rollout --format junit --today 2027-09-01 examples/rollout-2027-regions.yaml
expect_rc 1
schema_valid "rollout"
xpath 'string(/testsuites/@tests)' 4
xpath 'string(/testsuites/@failures)' 2
xpath 'starts-with(//testcase[@name="Region Syddanmark"]/failure/@message, "examples/rollout-2027-regions.yaml:")' true
run rollout --format junit --today 2027-09-01 examples/rollout-2027-regions.yaml -o "$TMP/r.xml"
[ -s "$TMP/r.xml" ] || fail "rollout -o wrote nothing"

# track: one test case per actuals file; an invalid file fails at its first
# error, a brake signal fails only with --fail-on-brake (as the exit code).
fu=examples/follow-up/kol-telemonitoring-2027.yaml
mkdir -p "$TMP/fu"
cp tests/data/invalid/actuals-04-gap.yaml "$TMP/fu/bad.yaml"
run track --format junit "$fu"
expect_rc 0
schema_valid "track"
xpath 'string(/testsuites/@tests)' 1
xpath 'string(/testsuites/@failures)' 0
xpath 'contains(//system-out, "brake raised")' true
run track --format junit --fail-on-brake "$fu"
expect_rc 1
schema_valid "track --fail-on-brake"
xpath 'string(//failure/@type)' brake
run track --format junit "$TMP/fu"
expect_rc 1
schema_valid "track invalid"
xpath "starts-with(//testcase[@name='$TMP/fu/bad.yaml']/failure/@message, '$TMP/fu/bad.yaml:')" true

# A command that cannot produce JUnit says so (usage, exit 2).
run evaluate --format junit examples/kol-telemonitoring.yaml
expect_rc 2
expect_stderr_contains 'this command does not produce junit'
expect_stdout_empty

finish
