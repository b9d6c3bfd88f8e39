# gevinst validate: the invalid-input corpus, report formats, exit codes.
# Sourced by tests/e2e/run from the repository root, with lib.sh loaded.

corpus=tests/data/invalid
valid="$corpus/rollout-solution.case"   # a valid case (not *.yaml, so directory runs skip it)

# 1. Every corpus file: exit 1, nothing on stderr (a sanitizer report or a
#    crash would show there), and the whole report (every diagnostic with its
#    source line, caret and hint, then the summary) is the sidecar's. Each
#    .yaml has its .expected and each .expected its .yaml; the corpus size is
#    pinned, so a file lost in a move shows too.
corpus_size=111
n=0
for f in "$corpus"/*.yaml; do
  n=$((n + 1))
  exp="${f%.yaml}.expected"
  if [ ! -f "$exp" ]; then fail "$f has no sidecar $exp"; continue; fi
  run validate "$f"
  expect_rc 1 "validate $f"
  [ ! -s "$TMP/stderr" ] || fail "$f: stderr not empty: $(head -3 "$TMP/stderr")"
  diff -u "$exp" "$TMP/stdout" >"$TMP/diff" || fail "$f: report differs from $exp:
$(head -30 "$TMP/diff")"
done
for exp in "$corpus"/*.expected; do
  [ -f "${exp%.expected}.yaml" ] || fail "$exp has no corpus file ${exp%.expected}.yaml"
done
[ "$n" -eq "$corpus_size" ] || fail "the corpus has $n files, expected $corpus_size (update corpus_size with the corpus)"

# 2. A valid file: exit 0, no diagnostics.
run validate "$valid"
expect_rc 0 "validate $valid"
expect_stdout_contains "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"

# 3. Warnings pass, --strict makes them fail. A parameter without a source is a lint.
sed 's/cost_per_admission: {value: 32000, source: "DRG 2025"}/cost_per_admission: 32000/' "$valid" >"$TMP/warn.yaml"
run validate "$TMP/warn.yaml"
expect_rc 0 "warnings alone"
expect_stdout_contains "$TMP/warn.yaml:17:3: warning: parameter 'cost_per_admission' has no source (at parameters.cost_per_admission)"
run validate --strict "$TMP/warn.yaml"
expect_rc 1 "--strict with a warning"
expect_stdout_contains "; --strict: warnings fail"
# -q still shows the warnings that make --strict fail, and only them.
run validate --strict -q "$TMP/warn.yaml"
expect_rc 1 "--strict -q with a warning"
expect_stdout_contains "$TMP/warn.yaml:17:3: warning: parameter 'cost_per_admission' has no source"
run validate -q "$TMP/warn.yaml"
expect_rc 0 "-q with a warning"
expect_stdout_empty
# --no-lints: the lint is not run, so --strict passes too; errors stay.
run validate --no-lints --strict "$TMP/warn.yaml"
expect_rc 0 "--no-lints --strict with a lint warning"
expect_stdout_contains "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)"
grep -qF "has no source" "$TMP/stdout" && fail "--no-lints still reports the lint"
run validate --no-lints "$corpus/19-unknown-key.yaml"
expect_rc 1 "--no-lints with an error"
expect_stdout_contains "error: unknown key 'discountng'"

# 4. One run reports every problem: the five-error file gives five distinct errors.
f="$corpus/64-five-errors.yaml"
run validate "$f"
count="$(grep -F ': error: ' "$TMP/stdout" | sort -u | wc -l)"
[ "$count" -eq 5 ] || fail "$f: expected 5 distinct errors, got $count: $(grep -F ': error: ' "$TMP/stdout")"
for want in "5:3: error: unknown key 'titel'" "7:10: error: 'scailing' is not one of" \
            "35:11: error: year 2040 is outside the horizon 2026..2035" "38:12: error: unknown party 'regoin'" \
            "48:43: error: 1.5 must be a share between 0 and 1"; do
  expect_stdout_contains "$f:$want"
done
expect_stdout_contains "1 file checked: 0 valid, 1 invalid (5 errors, 0 warnings)"

# 5. The text report shows the source line, a caret under the column and the hint.
run validate "$corpus/19-unknown-key.yaml"
cat >"$TMP/want" <<'EOF'
tests/data/invalid/19-unknown-key.yaml:12:3: error: unknown key 'discountng' (at assumptions.discountng)
    discountng: dk-fm-2021
    ^
  hint: did you mean 'discounting'?
1 file checked: 0 valid, 1 invalid (1 error, 0 warnings)
EOF
diff -u "$TMP/want" "$TMP/stdout" >"$TMP/diff" || fail "text report differs: $(cat "$TMP/diff")"

# 6. Alias bomb and deep nesting fail fast (well under a second each).
for f in "$corpus/10-billion-laughs.yaml" "$corpus/11-deep-nesting.yaml"; do
  t0=$(date +%s%N)
  run validate "$f"
  ms=$((($(date +%s%N) - t0) / 1000000))
  expect_rc 1 "$f"
  [ "$ms" -lt 1000 ] || fail "$f took $ms ms"
done

# 7. A file over the size limit (8 MiB), from disk and from standard input.
python3 -c 'import sys; sys.stdout.write("format: gevinst/1\n" + ("# padding\n" * 838861))' >"$TMP/big.yaml"
size=$(stat -c %s "$TMP/big.yaml")
run validate "$TMP/big.yaml"
expect_rc 1 "oversized file"
expect_stdout_contains "$TMP/big.yaml:1:1: error: file is $size bytes; the limit is 8388608 bytes"
run validate - <"$TMP/big.yaml"
expect_rc 1 "oversized stdin"
expect_stdout_contains "<stdin>:1:1: error: file is more than 8388608 bytes; the limit is 8388608 bytes"

# 8. Standard input is named <stdin>.
run validate - <"$corpus/19-unknown-key.yaml"
expect_rc 1 "stdin"
expect_stdout_contains "<stdin>:12:3: error: unknown key 'discountng' (at assumptions.discountng)"
run validate - <"$valid"
expect_rc 0 "valid stdin"

# 9. A missing file is a usage error: exit 2, nothing on standard output.
run validate "$TMP/does-not-exist.yaml"
expect_rc 2 "missing file"
expect_stdout_empty
run validate "$valid" "$TMP/does-not-exist.yaml"
expect_rc 2 "one missing file among valid ones"
expect_stdout_empty

# 10. A directory: every *.yaml below it, nothing else (the .case and .expected files are skipped).
run validate "$corpus"
expect_rc 1 "directory"
expect_stdout_contains "$n files checked: 0 valid, $n invalid"
for f in "$corpus"/*.yaml; do grep -qF -- "$f" "$TMP/stdout" || fail "directory run does not mention $f"; done
grep -qF "rollout-solution.case:" "$TMP/stdout" && fail "directory run read rollout-solution.case"
mkdir -p "$TMP/tree/sub"
cp "$valid" "$TMP/tree/sub/a.yml"
cp "$corpus/19-unknown-key.yaml" "$TMP/tree/b.yaml"
echo "not a case" >"$TMP/tree/notes.txt"
run validate "$TMP/tree"
expect_rc 1 "small tree"
expect_stdout_contains "2 files checked: 1 valid, 1 invalid (1 error, 0 warnings)"
run validate "$TMP/tree/sub"
expect_rc 0 "valid subtree (.yml)"

# 11. --format json: the contract keys.
run validate --format json "$corpus/19-unknown-key.yaml" "$corpus/01-empty-file.yaml" "$corpus/03-binary-garbage.yaml" "$valid"
expect_rc 1 "json"
json_valid
json_expr 'len(j["files"]) == 4'
json_expr 'all(isinstance(f["path"], str) and isinstance(f["valid"], bool) and isinstance(f["diagnostics"], list) for f in j["files"])'
json_expr 'all(set(d) >= {"line", "column", "severity", "message", "path"} for f in j["files"] for d in f["diagnostics"])'
json_expr 'all(d["severity"] in ("error", "warning", "note") for f in j["files"] for d in f["diagnostics"])'
json_expr '{f["path"]: f["valid"] for f in j["files"]} == {"tests/data/invalid/19-unknown-key.yaml": False, "tests/data/invalid/01-empty-file.yaml": False, "tests/data/invalid/03-binary-garbage.yaml": False, "tests/data/invalid/rollout-solution.case": True}'
json_expr '[f for f in j["files"] if f["path"].endswith("19-unknown-key.yaml")][0]["diagnostics"] == [{"line": 12, "column": 3, "severity": "error", "message": "unknown key '"'"'discountng'"'"'", "path": "assumptions.discountng", "hint": "did you mean '"'"'discounting'"'"'?", "file": "tests/data/invalid/19-unknown-key.yaml"}]'
json_expr '[f for f in j["files"] if f["path"].endswith("01-empty-file.yaml")][0]["diagnostics"][0]["line"] == 1'
# A file-level problem (binary, too large, empty) is reported at 1:1, so every error has FILE:LINE:COLUMN.
json_expr '[(d["line"], d["column"], d["path"]) for f in j["files"] if f["path"].endswith("03-binary-garbage.yaml") for d in f["diagnostics"]] == [(1, 1, "")]'
json_expr '[f for f in j["files"] if f["valid"]][0]["diagnostics"] == []'
run validate --format json --strict "$TMP/warn.yaml"
expect_rc 1 "json --strict"
json_expr 'j["files"][0]["valid"] is False and j["files"][0]["diagnostics"][0]["severity"] == "warning"'

# 12. --format github: workflow commands, one per diagnostic.
run validate --format github "$corpus/19-unknown-key.yaml" "$TMP/warn.yaml"
expect_rc 1 "github"
grep -qxF "::error file=tests/data/invalid/19-unknown-key.yaml,line=12,col=3,title=gevinst::unknown key 'discountng' (at assumptions.discountng)%0Ahint: did you mean 'discounting'?" "$TMP/stdout" ||
  fail "github error line missing: $(head -3 "$TMP/stdout")"
grep -qE "^::warning file=$TMP/warn.yaml,line=17,col=3,title=gevinst::parameter 'cost_per_admission' has no source" "$TMP/stdout" ||
  fail "github warning line missing: $(cat "$TMP/stdout")"
expect_stdout_contains "2 files checked: 1 invalid, 1 error, 1 warning"
[ "$(grep -c '^::' "$TMP/stdout")" -eq 2 ] || fail "github: expected 2 annotations"
run validate --format github "$corpus/57-unclosed-quote.yaml"
grep -qF '::error file=tests/data/invalid/57-unclosed-quote.yaml,line=5,col=10,title=gevinst::unclosed' "$TMP/stdout" ||
  fail "github: unclosed quote annotation: $(cat "$TMP/stdout")"

# 13. A rollout whose solution case is invalid: the solution's errors follow,
#     under the solution's file name, with the solution's source lines.
sed "s#solution: rollout-solution.case#solution: $ROOT/$corpus/19-unknown-key.yaml#" "$corpus/51-rollout-unknown-result.yaml" |
  sed 's/payback_yaers/payback_years/' >"$TMP/rollout.yaml"
run validate "$TMP/rollout.yaml"
expect_rc 1 "rollout with an invalid solution"
expect_stdout_contains "error: the solution case '$ROOT/$corpus/19-unknown-key.yaml' is invalid (1 error) (at solution)"
run validate --format json "$TMP/rollout.yaml"
json_expr '[d["file"] for d in j["files"][0]["diagnostics"]] == ["'"$TMP/rollout.yaml"'", "'"$ROOT/$corpus/19-unknown-key.yaml"'"]'
run validate --format github "$TMP/rollout.yaml"
expect_stdout_contains "::error file=$ROOT/$corpus/19-unknown-key.yaml,line=12,col=3,title=gevinst::unknown key 'discountng'"
run validate "$TMP/rollout.yaml"
grep -A1 -F "$ROOT/$corpus/19-unknown-key.yaml:12:3: error: unknown key 'discountng'" "$TMP/stdout" | grep -qF "discountng: dk-fm-2021" ||
  fail "solution error not shown with the solution's source line: $(cat "$TMP/stdout")"

# The size limit holds for streams without a size: standard input and devices.
head -c 9000000 /dev/zero | "$GEVINST" validate - >"$TMP/stdout" 2>"$TMP/stderr"; rc=$?
expect_rc 1
expect_stdout_contains "<stdin>:1:1: error: file is more than 8388608 bytes; the limit is 8388608 bytes"
run validate /dev/zero
expect_rc 1
expect_stdout_contains "/dev/zero:1:1: error: file is more than 8388608 bytes"
# A folder without case files fails: a CI job pointed at the wrong path must not pass.
mkdir -p "$TMP/empty-dir"
run validate "$TMP/empty-dir"
expect_rc 1
expect_stderr_contains "no case files (*.yaml, *.yml) found in $TMP/empty-dir"
# table is another name for the text report (every command takes --format table).
run validate --format table examples/ai-triage.yaml
expect_rc 0
expect_stdout_contains "1 file checked: 1 valid"
# Control characters from YAML escapes are shown escaped, never raw: a key
# cannot start a line of its own (a GitHub workflow command) in the text report.
printf 'format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 2}\n"x\\n::error file=evil.yaml::injected": 1\n' >"$TMP/inject.yaml"
run validate "$TMP/inject.yaml"
expect_rc 1
grep -q '^::error' "$TMP/stdout" && fail "a raw newline from a key reached the report"
expect_stdout_contains "unknown key 'x\n::error"
# ... nor in GitHub annotations (an ESC or newline from a key stays escaped).
printf 'format: gevinst/1\ncase: {id: x}\nassumptions: {start_year: 2026, horizon: 2}\n"bad\\nkey\\e[31m": 1\n' >"$TMP/esc.yaml"
run validate --format github "$TMP/esc.yaml"
expect_rc 1
grep -q "$(printf '\033')" "$TMP/stdout" && fail "a raw ESC reached the github report"
expect_stdout_contains "unknown key 'bad\\nkey\\x1B[31m'"
# One case id in two files: a warning at the second file's case.id naming the first.
mkdir -p "$TMP/dup/a" "$TMP/dup/b"
cp "$valid" "$TMP/dup/a/kol.yaml"
cp "$valid" "$TMP/dup/b/kol-copy.yaml"
run validate "$TMP/dup"
expect_rc 0 "validate with one id in two files"
expect_stdout_contains "$TMP/dup/b/kol-copy.yaml:4:7: warning: case id 'kol-telemonitoring' is also the id of $TMP/dup/a/kol.yaml (at case.id)"
expect_stdout_contains "2 files checked: 2 valid, 0 invalid (0 errors, 1 warning)"
run validate --strict "$TMP/dup"
expect_rc 1 "validate --strict with one id in two files"
# Directory scans: dot-folders and node_modules are not entered, .YAML and
# .YML match, --exclude leaves out by relative path, and a dangling link or a
# folder link is a warning.
scan="$TMP/scan"
mkdir -p "$scan/.git" "$scan/node_modules/x" "$scan/drafts" "$scan/sub" "$TMP/elsewhere"
cp "$valid" "$scan/A.YAML"
cp "$valid" "$scan/sub/b.Yml"
cp tests/data/invalid/19-unknown-key.yaml "$scan/.git/bad.yaml"
cp tests/data/invalid/19-unknown-key.yaml "$scan/node_modules/x/bad.yaml"
cp tests/data/invalid/19-unknown-key.yaml "$scan/drafts/bad.yaml"
ln -s "$TMP/elsewhere" "$scan/linked"
ln -s "$TMP/nothing.yaml" "$scan/gone.yaml"
run validate --exclude 'drafts/*' --no-lints "$scan"
expect_rc 0 "validate of a scanned tree"
expect_stdout_contains "2 files checked: 2 valid, 0 invalid"
expect_stderr_contains "gevinst: warning: $scan/gone.yaml is a symbolic link to nothing (its target does not exist); skipped"
expect_stderr_contains "gevinst: warning: $scan/linked is a link to a folder; folder links are not followed"
run validate --exclude drafts --no-lints -q "$scan"
expect_rc 0 "--exclude of a folder"
[ ! -s "$TMP/stderr" ] || fail "-q printed scan warnings: $(cat "$TMP/stderr")"
run batch --exclude 'drafts/*' --format csv "$scan"
expect_rc 0 "batch --exclude"
run batch --format csv "$scan"
expect_rc 1 "batch without --exclude reads drafts/"
# Danish number habits get hints about the decimal mark and thousands separators.
run validate tests/data/invalid/77-decimal-comma.yaml
expect_stdout_contains "hint: the decimal mark is a point, not a comma: write 0.30; inside { } a comma separates entries"
run validate tests/data/invalid/78-thousands-separators.yaml
expect_stdout_contains "hint: numbers have no thousands separators and a decimal point: write 1200000 or 1.2e6"
run validate tests/data/invalid/79-quoted-decimal-comma.yaml
expect_stdout_contains "hint: the decimal mark is a point, not a comma: write 2.5e4; a comma only separates a function's arguments"
# A duplicate key names its YAML path, also inside a list.
printf 'format: gevinst/1\ncase: {id: x}\ncosts:\n  - {id: a, label: A}\n  - id: b\n    label: B\n    label: C\n' >"$TMP/dupkey.yaml"
run validate "$TMP/dupkey.yaml"
expect_stdout_contains "$TMP/dupkey.yaml:7:5: error: duplicate key 'label' (at costs[1].label)"
# An invalid start_year is an error; the investment-without-operation lint
# (docs/cli.md, "gevinst validate") does not fire on the year 0 it would read.
printf 'format: gevinst/1\ncase: {id: x, title: X}\nassumptions: {start_year: abc, horizon: 5, discounting: {rate: 0.04}}\nparties: [{id: region, sector: region}]\ncosts:\n  - {id: devices, kind: investment, party: region, amount: 1e6}\n' >"$TMP/badyear.yaml"
run validate "$TMP/badyear.yaml"
expect_rc 1
expect_stdout_contains "error: expected a calendar year, got 'abc' (at assumptions.start_year)"
grep -qF "investment (" "$TMP/stdout" && fail "a lint read the invalid start_year: $(grep -F 'investment (' "$TMP/stdout")"
expect_stdout_contains "(1 error, 0 warnings)"
finish "validate: $n corpus files and report formats"
