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
# -o to a path that cannot be written: exit 1 with the path and the reason,
# nothing on standard output, and no file (nor a temporary one) left behind.
kol=examples/kol-telemonitoring.yaml
for c in "evaluate $kol" "capacity $kol" "sroi $kol" "repay $kol" "sensitivity $kol" "simulate -n 100 $kol" \
         "batch $kol" "portfolio --budget 1e9 $kol" "validate $kol" "presets" "schema" "diff $kol $kol"; do
  run $c -o "$TMP/no/such/dir/out.txt"
  expect_rc 1 "$c -o into a missing folder"
  expect_stdout_empty
  expect_stderr_contains "gevinst: error: $TMP/no/such/dir/out.txt: cannot write: No such file or directory"
  [ ! -e "$TMP/no" ] || fail "$c -o created $TMP/no"
done
# A folder where the file should go: the folder is left as it was.
mkdir -p "$TMP/outdir/out.txt"
run evaluate "$kol" -o "$TMP/outdir/out.txt"
expect_rc 1 "-o naming a folder"
expect_stderr_contains "gevinst: error: $TMP/outdir/out.txt: cannot write: Is a directory"
[ "$(ls -A "$TMP/outdir")" = "out.txt" ] && [ -z "$(ls -A "$TMP/outdir/out.txt")" ] ||
  fail "-o naming a folder left files behind: $(ls -AR "$TMP/outdir")"
# A command that fails keeps an existing output file unchanged.
echo "previous contents" >"$TMP/keep.txt"
printf 'format: gevinst/1\ncase: {id: x}\n' >"$TMP/broken.yaml"
run evaluate "$TMP/broken.yaml" -o "$TMP/keep.txt"
expect_rc 1 "evaluate of an invalid case with -o"
[ "$(cat "$TMP/keep.txt")" = "previous contents" ] || fail "a failed run changed the -o file: $(head -3 "$TMP/keep.txt")"
[ "$(ls -A "$TMP" | grep -c '^keep\.txt')" -eq 1 ] || fail "a temporary file was left beside keep.txt: $(ls -A "$TMP")"
# -o replaces an existing file with the whole output, exactly what stdout gets.
run evaluate "$kol" -o "$TMP/keep.txt"
expect_rc 0
"$GEVINST" evaluate "$kol" >"$TMP/direct.txt"
cmp -s "$TMP/keep.txt" "$TMP/direct.txt" || fail "-o wrote something else than standard output gets"

# -o is atomic (docs/cli.md, "Output"): the output is written beside the
# target and renamed over it, so a reader never sees half a file and a run
# that fails leaves the old file as it was.
printf 'old report\n' >"$TMP/atomic.json"
run evaluate --format json -o "$TMP/atomic.json" tests/data/invalid/19-unknown-key.yaml
expect_rc 1
[ "$(cat "$TMP/atomic.json")" = "old report" ] || fail "a failed evaluate changed its -o file"
inode_before=$(stat -c %i "$TMP/atomic.json")
run evaluate --format json -o "$TMP/atomic.json" examples/kol-telemonitoring.yaml
expect_rc 0
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$TMP/atomic.json" || fail "-o did not write whole JSON"
[ "$(stat -c %i "$TMP/atomic.json")" != "$inode_before" ] || fail "-o wrote into the old file instead of renaming a new one over it"
ls -A "$TMP" | grep -q '^\.atomic\.json\.tmp' && fail "-o left its temporary file behind"
# A streaming batch killed half way leaves the old file whole (its temporary
# file, hidden beside it, is all that remains).
scripts/gen-cases 10000 "$TMP/many" >/dev/null || fail "gen-cases"
printf 'old records\n' >"$TMP/stream.jsonl"
"$GEVINST" batch --format jsonl --threads 1 -o "$TMP/stream.jsonl" "$TMP/many" 2>/dev/null &
pid=$!
seen=0
for _ in $(seq 100); do ls -A "$TMP" | grep -q '^\.stream\.jsonl\.tmp' && seen=1 && break; sleep 0.02; done
[ $seen = 1 ] || fail "batch -o wrote no temporary file beside the target"
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
[ "$(cat "$TMP/stream.jsonl")" = "old records" ] || fail "a killed batch left a partial -o file"

finish
