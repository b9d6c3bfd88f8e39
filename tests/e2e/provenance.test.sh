# Provenance (docs/cli.md, "Provenance"): every JSON document names the tool
# version, each input's SHA-256 (checked against coreutils' sha256sum), the
# perspective, scenario, --set values and seed; text names the --set values.
kol=examples/kol-telemonitoring.yaml
kol_sha=$(sha256sum "$kol" | cut -d' ' -f1)
version=$("$GEVINST" --version | cut -d' ' -f2)

run evaluate --format json --scenario worst --set patients=0 --set "kit_cost=2 * 3" -p society "$kol"
expect_rc 0
json_expr "j['provenance']['tool_version'] == '$version'"
json_expr "j['provenance']['files'] == [{'path': '$kol', 'sha256': '$kol_sha'}]"
json_expr "j['provenance']['perspective'] == 'society' and j['provenance']['scenario'] == 'worst'"
json_expr "j['provenance']['overrides'] == {'patients': 0, 'kit_cost': '2 * 3'} and j['provenance']['seed'] is None"

# --set shows in text and Markdown, under the line that names the scenario.
run evaluate --set patients=0 "$kol"
expect_rc 0
sed -n 3p "$TMP/stdout" | grep -qx "Changed with --set: patients=0" || fail "text: no --set line under the subtitle: $(head -4 "$TMP/stdout")"
run evaluate --format md --set patients=0 "$kol"
expect_stdout_contains "Changed with --set: patients=0"
# Without --set the output is the case's own: no such line.
run evaluate "$kol"
grep -q "Changed with --set" "$TMP/stdout" && fail "a --set line without --set"

# Commands without a perspective say null; standard input is named <stdin>.
run capacity --format json "$kol"
json_expr "j['provenance']['perspective'] is None and j['provenance']['files'][0]['sha256'] == '$kol_sha'"
"$GEVINST" sroi --format json - <"$kol" >"$TMP/stdout"
json_expr "j['provenance']['files'] == [{'path': '<stdin>', 'sha256': '$kol_sha'}]"

# simulate records its seed.
run simulate --format json --iterations 200 --seed 42 "$kol"
json_expr "j['provenance']['seed'] == 42 and j['provenance']['perspective'] == 'organisation'"
run sensitivity --format json "$kol"
json_expr "j['provenance']['files'][0]['sha256'] == '$kol_sha'"

# repay, the fund view and portfolio list every file they read.
run repay --format json examples/pay-for-performance.yaml
json_expr "j['provenance']['files'][0]['sha256'] == '$(sha256sum examples/pay-for-performance.yaml | cut -d' ' -f1)'"
run repay --fund innovation-fund --format json examples/fund
json_expr "sorted(f['path'] for f in j['provenance']['files']) == sorted('examples/fund/' + n for n in ['ceiling-hoists.yaml', 'derm-triage.yaml', 'hospital-at-home.yaml'])"
run portfolio --budget 5e7 --format json examples
json_expr "len(j['provenance']['files']) == len(j['ranking']) and j['provenance']['perspective'] == 'organisation'"

# A rollout lists its solution's file too.
run rollout --format json --today 2026-06-01 examples/rollout-kol-regions.yaml
json_expr "{f['path'].split('/')[-1] for f in j['provenance']['files']} == {'rollout-kol-regions.yaml', 'kol-telemonitoring.yaml'}"
json_expr "all(len(f['sha256']) == 64 for f in j['provenance']['files'])"

# batch: each JSONL record names its file's hash; JSON ends with provenance.
run batch --format jsonl "$kol" tests/data/invalid/19-unknown-key.yaml
json_lines_ok=$(python3 -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
print(all(len(r["sha256"]) == 64 for r in recs))' "$TMP/stdout")
[ "$json_lines_ok" = True ] || fail "batch jsonl records without sha256"
grep -qF "\"sha256\":\"$kol_sha\"" "$TMP/stdout" || fail "batch jsonl: wrong sha256 for $kol"
run batch --format json "$kol"
json_expr "j['provenance']['files'] == [{'path': '$kol', 'sha256': '$kol_sha'}]"
finish
