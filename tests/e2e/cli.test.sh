# The command line itself: unknown commands are named with a suggestion,
# usage errors exit 2 with nothing on standard output (docs/cli.md,
# "Exit codes").
run frobnicate
expect_rc 2
expect_stdout_empty
expect_stderr_contains "gevinst: error: unknown command 'frobnicate'"
expect_stderr_contains "gevinst --help"

run evalute examples/kol-telemonitoring.yaml
expect_rc 2
expect_stdout_empty
expect_stderr_contains "unknown command 'evalute'; did you mean 'evaluate'?"

run
expect_rc 2
expect_stdout_empty

# A format a command does not offer is a usage error naming the choices.
run evaluate --format xml examples/kol-telemonitoring.yaml
expect_rc 2
expect_stdout_empty
expect_stderr_contains "xml not in {table,json,csv,md}"
run validate --format table examples/kol-telemonitoring.yaml  # table is validate's text
expect_rc 0

# -o (or --draws) naming an input file is refused before any work: the case
# stays as it was (issue: "gevinst evaluate same.yaml -o same.yaml").
cp examples/kol-telemonitoring.yaml "$TMP/same.yaml"
run evaluate "$TMP/same.yaml" -o "$TMP/same.yaml"
expect_rc 2
expect_stdout_empty
expect_stderr_contains "is the input file"
cmp -s "$TMP/same.yaml" examples/kol-telemonitoring.yaml || fail "the input was overwritten"
run simulate -n 10 "$TMP/same.yaml" --draws "$TMP/same.yaml"
expect_rc 2
mkdir -p "$TMP/cases" && cp "$TMP/same.yaml" "$TMP/cases/a.yaml"
run batch "$TMP/cases" -o "$TMP/cases/./a.yaml"  # another spelling of a file below a directory
expect_rc 2
cmp -s "$TMP/cases/a.yaml" examples/kol-telemonitoring.yaml || fail "the case in the directory was overwritten"
run evaluate "$TMP/same.yaml" -o "$TMP/out.txt"
expect_rc 0
finish
