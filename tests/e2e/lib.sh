# Helpers for end-to-end tests. Each check prints what went wrong and
# increments $fails; a test file ends with `finish`.
fails=0
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

fail() { echo "  FAIL: $*"; fails=$((fails + 1)); }

# run ARGS... : runs gevinst, capturing stdout, stderr and the exit code.
run() {
  "$GEVINST" "$@" >"$TMP/stdout" 2>"$TMP/stderr"
  rc=$?
}

expect_rc() {
  [ "$rc" -eq "$1" ] || fail "expected exit $1, got $rc: ${*:2}; stderr: $(head -5 "$TMP/stderr")"
}

expect_stdout_contains() {
  grep -qF -- "$1" "$TMP/stdout" || fail "stdout lacks '$1'"
}

expect_stderr_contains() {
  grep -qF -- "$1" "$TMP/stderr" || fail "stderr lacks '$1'; stderr: $(head -5 "$TMP/stderr")"
}

expect_stdout_empty() {
  [ ! -s "$TMP/stdout" ] || fail "stdout not empty: $(head -3 "$TMP/stdout")"
}

expect_stderr_empty() {
  [ ! -s "$TMP/stderr" ] || fail "stderr not empty: $(head -3 "$TMP/stderr")"
}

# golden NAME : compares stdout with tests/e2e/golden/NAME (or writes it with UPDATE_GOLDEN=1).
# The tool version in provenance reads VERSION in goldens, so a release does
# not rewrite them; the files' SHA-256 stay, so an edited example shows.
golden() {
  local g="$E2E/golden/$1"
  [ -z "${GOLDEN_USED:-}" ] || echo "$1" >>"$GOLDEN_USED"
  sed 's/"tool_version": *"[^"]*"/"tool_version": "VERSION"/g' "$TMP/stdout" >"$TMP/stdout.golden"
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$(dirname "$g")"
    cp "$TMP/stdout.golden" "$g"
    return
  fi
  if [ ! -f "$g" ]; then fail "no golden file $g (run with UPDATE_GOLDEN=1)"; return; fi
  diff -u "$g" "$TMP/stdout.golden" >"$TMP/diff" || fail "output differs from golden $1:
$(head -40 "$TMP/diff")"
}

# json_valid : stdout parses as JSON (python3 is installed by scripts/bootstrap test).
json_valid() {
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/stdout" 2>"$TMP/jerr" || fail "stdout is not JSON: $(cat "$TMP/jerr")"
}

# json_expr EXPR : evaluates a Python expression over `j` (the stdout JSON); fails if falsy.
json_expr() {
  python3 - "$TMP/stdout" "$1" <<'PY' || fail "JSON check failed: $1"
import json, sys, math
j = json.load(open(sys.argv[1]))
ok = eval(sys.argv[2])
sys.exit(0 if ok else 1)
PY
}

finish() {
  if [ "$fails" -ne 0 ]; then echo "$fails check(s) failed"; exit 1; fi
  echo "${1:-all checks passed}"
}
