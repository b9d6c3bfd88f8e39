# gevinst init: starter cases that validate with no errors and no warnings,
# never overwriting a file unless --force says so.

schema_line='# yaml-language-server: $schema=gevinst.schema.json'
# The schema the first line names is the one `gevinst schema -o` writes
# beside the case; each template validates against it.
run schema -o "$TMP/gevinst.schema.json"
expect_rc 0 "schema -o"

for t in small large; do
  f="$TMP/$t case.yaml"
  run init --template "$t" "$f"
  expect_rc 0 "init --template $t"
  expect_stdout_empty
  expect_stderr_contains "wrote"
  [ -s "$f" ] || fail "init --template $t wrote nothing"
  [ "$(head -1 "$f")" = "$schema_line" ] || fail "$t: first line is not the schema line: $(head -1 "$f")"
  grep -q "^  id: ${t}-case " "$f" || fail "$t: the case id is not taken from the file name"
  grep -q "^  template: $t " "$f" || fail "$t: case.template is not $t"
  python3 - "$TMP/gevinst.schema.json" "$f" <<'PY' || fail "$t: the template does not validate against the schema its first line names"
import json, sys, yaml, jsonschema
jsonschema.validate(yaml.safe_load(open(sys.argv[2])), json.load(open(sys.argv[1])))
PY
  run validate --strict "$f"
  expect_rc 0 "validate --strict of the $t template"
  expect_stdout_contains "0 errors, 0 warnings"
done

# The schema the first line names is written beside a new case when the
# folder has none, equal to what `schema` writes; an existing one is left
# alone, and --no-schema writes none.
mkdir -p "$TMP/fresh" "$TMP/noschema"
run init "$TMP/fresh/new.yaml"
expect_rc 0
expect_stderr_contains "wrote $TMP/fresh/gevinst.schema.json"
cmp -s "$TMP/gevinst.schema.json" "$TMP/fresh/gevinst.schema.json" || fail "init's schema differs from 'gevinst schema'"
echo '{"mine": true}' >"$TMP/fresh/gevinst.schema.json"
run init "$TMP/fresh/second.yaml"
expect_rc 0
[ "$(cat "$TMP/fresh/gevinst.schema.json")" = '{"mine": true}' ] || fail "init replaced an existing schema file"
run init --no-schema "$TMP/noschema/case.yaml"
expect_rc 0
[ ! -e "$TMP/noschema/gevinst.schema.json" ] || fail "--no-schema wrote a schema"
run init --actuals "$TMP/fresh/new.yaml" --as-of 2099-01-01 "$TMP/noschema/actuals.yaml"
expect_rc 0
[ "$(head -1 "$TMP/noschema/actuals.yaml")" = "$schema_line" ] || fail "the actuals template lacks the schema line"
[ -e "$TMP/noschema/gevinst.schema.json" ] || fail "init --actuals wrote no schema beside the actuals"

# The default template is small.
run init "$TMP/default.yaml"
expect_rc 0
grep -q "^  template: small " "$TMP/default.yaml" || fail "the default template is not small"

# The large template has every section of the format.
for key in capacity sroi financing scenarios correlations optimism_bias dist gain_share "method: grant" profile; do
  grep -q "$key" "$TMP/large case.yaml" || fail "the large template lacks $key"
done
# Danish terms in brackets where the domain uses them.
for term in årsværk gevinstprofil; do
  grep -q "$term" "$TMP/large case.yaml" || fail "the large template does not mention $term"
done

# An existing file is never overwritten without --force.
echo "my own work" >"$TMP/mine.yaml"
run init "$TMP/mine.yaml"
expect_rc 1
expect_stdout_empty
expect_stderr_contains "exists"
expect_stderr_contains "--force"
[ "$(cat "$TMP/mine.yaml")" = "my own work" ] || fail "init overwrote an existing file"

run init --force --template large "$TMP/mine.yaml"
expect_rc 0
grep -q "^  template: large " "$TMP/mine.yaml" || fail "--force did not overwrite"

# Letters beyond ASCII are spelled out in the id, not dropped.
run init "$TMP/My Case ÆØÅ.yaml"
expect_rc 0 "init of a name with Danish letters"
grep -q "^  id: my-case-aeoeaa " "$TMP/My Case ÆØÅ.yaml" || fail "ÆØÅ not transliterated: $(grep '  id:' "$TMP/My Case ÆØÅ.yaml")"
run init "$TMP/Café Ærø – Über.yaml"
grep -q "^  id: cafe-aeroe-ueber " "$TMP/Café Ærø – Über.yaml" || fail "é/Æ/ø/Ü not transliterated: $(grep '  id:' "$TMP/Café Ærø – Über.yaml")"
run validate --strict "$TMP/My Case ÆØÅ.yaml"
expect_rc 0 "the transliterated id validates"

# '-' prints the case.
run init --template large -
expect_rc 0
expect_stdout_contains "$schema_line"
expect_stdout_contains "format: gevinst/1"

# Usage errors: exit 2, nothing on standard output.
run init --template medium "$TMP/x.yaml"
expect_rc 2
expect_stdout_empty
[ ! -e "$TMP/x.yaml" ] || fail "init wrote a file on a usage error"
run init
expect_rc 2
expect_stdout_empty

run init --help
expect_rc 0
expect_stdout_contains "--template"
expect_stdout_contains "--force"
expect_stdout_contains "small"
expect_stdout_contains "large"
expect_stdout_contains "Examples:"

finish "init: both templates validate with --strict"
