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
finish
