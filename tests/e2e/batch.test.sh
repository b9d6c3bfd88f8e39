# batch: one record per case file in path order whatever the thread count,
# invalid files as records, shards, formats and exit codes (docs/cli.md,
# "gevinst batch").
data=tests/data/portfolio

# Six valid cases: exit 0, contract keys, records in path order.
run batch --format jsonl "$data"
expect_rc 0
python3 - "$TMP/stdout" <<'PY' || fail "jsonl records"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
keys = ["path", "id", "status", "npv", "irr", "bcr", "payback_years", "fte", "sroi_ratio", "error", "sha256"]
assert len(recs) == 6, len(recs)
assert all(list(r) == keys for r in recs)
assert [r["path"] for r in recs] == sorted(r["path"] for r in recs)
assert all(r["status"] == "ok" and r["error"] is None for r in recs)
# case-a: NPV = 17,000,000 - 6,000,000 (one year, no discounting); case-e: 5 FTE; case-f: SROI 4.
by = {r["id"]: r for r in recs}
assert by["case-a"]["npv"] == 11e6 and by["case-e"]["fte"] == 5 and by["case-f"]["sroi_ratio"] == 4
assert by["case-a"]["fte"] is None and by["case-a"]["sroi_ratio"] is None
PY
golden batch-portfolio-data.jsonl
run batch --format csv "$data"
expect_rc 0
golden batch-portfolio-data.csv
run batch "$data"
expect_rc 0
golden batch-portfolio-data.txt
run batch --format json "$data"
expect_rc 0
json_valid
json_expr 'j["totals"]["cases"] == 6 and j["totals"]["ok"] == 6 and abs(j["totals"]["npv"] - sum(r["npv"] for r in j["records"])) < 1e-6'
json_expr 'j["totals"]["fte"] == 5'

# Generated cases plus an invalid file and a rollout (skipped): the same
# records in the same order on 1 and 3 threads; the invalid record carries
# its first error as FILE:LINE:COLUMN: error: MESSAGE; exit 1.
python3 scripts/gen-cases 40 "$TMP/cases" --seed 3 >/dev/null
cp tests/data/invalid/09-duplicate-key.yaml "$TMP/cases/zz-invalid.yaml"
cp tests/data/rollout/rollout.yaml "$TMP/cases/rollout.yaml"
run batch --format jsonl --threads 1 "$TMP/cases"
expect_rc 1
cp "$TMP/stdout" "$TMP/one.jsonl"
run batch --format jsonl --threads 3 "$TMP/cases"
expect_rc 1
cmp -s "$TMP/one.jsonl" "$TMP/stdout" || fail "records differ between 1 and 3 threads"
python3 - "$TMP/stdout" "$TMP/cases/zz-invalid.yaml" <<'PY' || fail "invalid record"
import json, re, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert len(recs) == 41, len(recs)          # 40 cases + the invalid file; the rollout is skipped
bad = [r for r in recs if r["status"] != "ok"]
assert len(bad) == 1 and bad[0]["path"] == sys.argv[2] and bad[0]["status"] == "invalid", bad
assert re.fullmatch(re.escape(sys.argv[2]) + r":13:3: error: duplicate key 'horizon' \(at assumptions\.horizon\)", bad[0]["error"]), bad[0]["error"]
assert bad[0]["npv"] is None and bad[0]["id"] is None
PY

# Shards: disjoint, and together exactly the whole set in the same records.
: >"$TMP/shards.jsonl"
for k in 1 2 3; do
  run batch --format jsonl --shard "$k/3" "$TMP/cases"
  cat "$TMP/stdout" >>"$TMP/shards.jsonl"
done
python3 - "$TMP/one.jsonl" "$TMP/shards.jsonl" <<'PY' || fail "shards do not partition the set"
import sys
whole = open(sys.argv[1]).read().splitlines()
parts = open(sys.argv[2]).read().splitlines()
assert len(parts) == len(whole) and sorted(parts) == sorted(whole)
PY
run batch --format jsonl --shard 2/3 "$TMP/cases"
python3 - "$TMP/cases" "$TMP/stdout" <<'PY' || fail "shard 2/3 is not every third file from the second"
import json, pathlib, sys
files = sorted(str(p) for p in pathlib.Path(sys.argv[1]).rglob("*.yaml"))
want = [f for f in files[1::3] if not f.endswith("/rollout.yaml")]   # the rollout file is skipped
assert [json.loads(l)["path"] for l in open(sys.argv[2])] == want
PY

# -o writes the file atomically; stdout stays empty.
run batch --format csv -o "$TMP/out.csv" "$data"
expect_rc 0
expect_stdout_empty
head -1 "$TMP/out.csv" | grep -qx 'path,id,status,npv,irr,bcr,payback_years,fte,sroi_ratio,error' || fail "csv header"

# Usage errors: exit 2, nothing on stdout.
for bad in 0/2 3/2 2 a/b 1/0; do
  run batch --shard "$bad" "$data"
  expect_rc 2 "--shard $bad"
  expect_stdout_empty
done
run batch no-such-dir
expect_rc 2
expect_stdout_empty
run batch --format xml "$data"
expect_rc 2
# Two spellings of one directory (and a symlink to it) still give one record per file.
ln -s "$TMP/cases" "$TMP/cases-link"
run batch --format jsonl "$TMP/cases"
n_once=$(wc -l <"$TMP/stdout")
run batch --format jsonl "$TMP/cases" "$TMP/./cases" "$TMP/cases-link"
[ "$(wc -l <"$TMP/stdout")" -eq "$n_once" ] || fail "overlapping paths gave $(wc -l <"$TMP/stdout") records, not $n_once"

# A directory without case files fails (a CI job with a wrong path must not
# pass by evaluating nothing), like validate.
mkdir -p "$TMP/empty"
for f in jsonl table; do
  run batch --format "$f" "$TMP/empty"
  expect_rc 1
  expect_stdout_empty
  expect_stderr_contains "no case files (*.yaml, *.yml) found in $TMP/empty"
done
# One case id in two files: a warning naming both paths; the records stay.
mkdir -p "$TMP/dup/a" "$TMP/dup/b"
cp tests/data/invalid/rollout-solution.case "$TMP/dup/a/kol.yaml"
cp tests/data/invalid/rollout-solution.case "$TMP/dup/b/kol-copy.yaml"
run batch --format csv "$TMP/dup"
expect_rc 0 "batch with one id in two files"
expect_stderr_contains "$TMP/dup/b/kol-copy.yaml:4:7: warning: case id 'kol-telemonitoring' is also the id of $TMP/dup/a/kol.yaml (at case.id)"
[ "$(grep -c kol-telemonitoring "$TMP/stdout")" -eq 2 ] || fail "batch lost a record of a duplicate id"
# -q: the duplicate-id warning is a note on standard error; -q drops it and
# keeps the records.
run batch --format csv -q "$TMP/dup"
expect_rc 0 "batch -q"
[ ! -s "$TMP/stderr" ] || fail "batch -q wrote to stderr: $(head -3 "$TMP/stderr")"
[ "$(grep -c kol-telemonitoring "$TMP/stdout")" -eq 2 ] || fail "batch -q lost a record"
# --perspective: each record is evaluate's result under that perspective.
for p in budget organisation society; do
  run batch --format jsonl -p "$p" examples/kol-telemonitoring.yaml examples/virtual-physio.yaml
  expect_rc 0 "batch -p $p"
  cp "$TMP/stdout" "$TMP/batch-$p.jsonl"
  python3 - "$TMP/batch-$p.jsonl" "$GEVINST" "$p" <<'PY' || fail "batch -p $p differs from evaluate -p $p"
import json, subprocess, sys
bad = []
for line in open(sys.argv[1]):
    r = json.loads(line)
    e = json.loads(subprocess.run([sys.argv[2], "evaluate", "--format", "json", "-p", sys.argv[3], r["path"]],
                                  check=True, capture_output=True, text=True).stdout)
    for k in ("npv", "irr", "bcr", "payback_years"):
        if r[k] != e[k]:
            bad.append((r["id"], k, r[k], e[k]))
print(bad)
sys.exit(1 if bad else 0)
PY
done
cmp -s "$TMP/batch-budget.jsonl" "$TMP/batch-society.jsonl" && fail "batch gives the same records under budget and society"
finish
