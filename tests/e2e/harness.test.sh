# The e2e harness itself (tests/e2e/run, lib.sh): UPDATE_GOLDEN=1 is refused
# under CI, and a full run fails on a golden file that no test compares.

# UPDATE_GOLDEN=1 with CI set: exit 2 before any test runs, with a message.
CI=1 UPDATE_GOLDEN=1 "$E2E/run" "$GEVINST" =version >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
expect_rc 2 "UPDATE_GOLDEN=1 under CI"
expect_stderr_contains "UPDATE_GOLDEN=1 is refused when CI is set"
expect_stdout_empty

# A copy of the harness with one test file that compares golden a.txt and
# sub/c.txt; the golden folder also holds b.txt, which nothing compares.
tree="$TMP/tree"
mkdir -p "$tree/tests/e2e/golden/sub"
cp "$E2E/run" "$E2E/lib.sh" "$tree/tests/e2e/"
printf 'run --version\ngolden a.txt\ngolden sub/c.txt\nfinish\n' >"$tree/tests/e2e/one.test.sh"
"$GEVINST" --version >"$tree/tests/e2e/golden/a.txt"
cp "$tree/tests/e2e/golden/a.txt" "$tree/tests/e2e/golden/sub/c.txt"
cp "$tree/tests/e2e/golden/a.txt" "$tree/tests/e2e/golden/b.txt"
"$tree/tests/e2e/run" "$GEVINST" >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
expect_rc 1 "a full run with an orphaned golden file"
expect_stdout_contains "FAIL golden files that no test compares"
expect_stdout_contains "tests/e2e/golden/b.txt"
grep -qF "golden/a.txt" "$TMP/stdout" && fail "a.txt is compared, yet reported as an orphan"
grep -qF "golden/sub/c.txt" "$TMP/stdout" && fail "sub/c.txt is compared, yet reported as an orphan"
# A filtered run checks only what it runs: no orphan check.
"$tree/tests/e2e/run" "$GEVINST" one >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
expect_rc 0 "a filtered run"
# Without the orphan, the full run passes.
rm "$tree/tests/e2e/golden/b.txt"
"$tree/tests/e2e/run" "$GEVINST" >"$TMP/stdout" 2>"$TMP/stderr"
rc=$?
expect_rc 0 "a full run without orphans"
finish "harness: UPDATE_GOLDEN under CI, orphaned golden files"
