# gevinst schema: a valid JSON Schema (draft 2020-12) that accepts every
# example and starter case, and rejects structurally broken files that the
# loader rejects too. Needs python3 with jsonschema and yaml (Debian:
# python3-jsonschema, python3-yaml; scripts/bootstrap test installs them).

run schema
expect_rc 0
json_valid
json_expr 'j["$schema"] == "https://json-schema.org/draft/2020-12/schema"'
json_expr 'j["$id"] == "https://gevinst.dk/schema/gevinst-1.json"'
json_expr 'j["then"] == {"$ref": "#/$defs/rollout"} and j["else"]["then"] == {"$ref": "#/$defs/actuals"} and j["else"]["else"]["then"] == {"$ref": "#/$defs/portfolio"} and j["else"]["else"]["else"] == {"$ref": "#/$defs/case"}'
# Preset names come from the binary's presets.
json_expr '"dk-fm-2021" in j["$defs"]["discounting"]["anyOf"][0]["enum"]'
json_expr '"dk-regions-2024" in j["$defs"]["rollout"]["properties"]["units_preset"]["enum"]'
# Descriptions are what editors show on hover.
json_expr 'all("description" in v for v in j["$defs"]["case"]["properties"].values())'
cp "$TMP/stdout" "$TMP/schema.json"

# -o writes the same document and nothing to standard output.
run schema -o "$TMP/schema-o.json"
expect_rc 0
expect_stdout_empty
cmp -s "$TMP/schema.json" "$TMP/schema-o.json" || fail "schema -o differs from standard output"

run schema --help
expect_rc 0
expect_stdout_contains "JSON Schema"
expect_stdout_contains "-o,--output"

run schema --bogus
expect_rc 2
expect_stdout_empty

# The examples carry the schema they are written against: examples/gevinst.schema.json
# is what this binary's `schema` writes, and each example's first line points to it by
# a relative path, so an editor opened on a clone validates and completes offline.
cmp -s "$TMP/schema.json" examples/gevinst.schema.json ||
  fail "examples/gevinst.schema.json is not what 'gevinst schema' writes; run: build/gevinst schema -o examples/gevinst.schema.json"
for f in examples/*.yaml examples/*/*.yaml; do
  line=$(head -1 "$f")
  case "$line" in
    '# yaml-language-server: $schema='*) target="$(dirname "$f")/${line#*\$schema=}"
      [ -f "$target" ] || fail "$f: its schema line points to $target, which does not exist" ;;
    *) fail "$f does not start with a yaml-language-server schema line" ;;
  esac
done

# check.py SCHEMA valid|invalid FILE...: every file passes (or fails) the schema.
cat >"$TMP/check.py" <<'PY'
import json, sys
import yaml
from jsonschema import Draft202012Validator

class Loader(yaml.SafeLoader):
    pass

# Dates stay strings, as in YAML 1.2 editors and in gevinst's reader.
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

def norm(x):  # YAML year keys (2027:) are integers; JSON keys are strings
    if isinstance(x, dict):
        return {str(k): norm(v) for k, v in x.items()}
    if isinstance(x, list):
        return [norm(v) for v in x]
    return x

schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
want, bad = sys.argv[2], 0
for path in sys.argv[3:]:
    doc = norm(yaml.load(open(path, encoding="utf-8"), Loader=Loader))
    errors = list(validator.iter_errors(doc))
    if want == "valid" and errors:
        bad += 1
        print(f"{path}: the schema rejects it:")
        for e in errors[:5]:
            print("    at", "/".join(map(str, e.absolute_path)) or "(root)", ":", e.message[:200])
    elif want == "invalid" and not errors:
        bad += 1
        print(f"{path}: the schema accepts it")
sys.exit(1 if bad else 0)
PY

python3 -c 'import jsonschema, yaml' 2>"$TMP/pyerr" || fail "python3 lacks jsonschema or yaml: $(cat "$TMP/pyerr")"

# Good files: the examples, both starter cases, and edge forms the loader accepts.
mkdir -p "$TMP/good" "$TMP/bad"
"$GEVINST" init -q --template small "$TMP/good/small.yaml" || fail "init small"
"$GEVINST" init -q --template large "$TMP/good/large.yaml" || fail "init large"
cat >"$TMP/good/base.yaml" <<'EOF'
format: gevinst/1
case: {id: base}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: region, sector: region}]
costs:
  - {id: devices, kind: investment, party: region, amount: 1000}
  - {id: running, kind: operating, party: region, per_year: 100}
benefits:
  - {id: saved, kind: budget, party: region, per_year: 600}
EOF
cat >"$TMP/good/forms.yaml" <<'EOF'
format: gevinst/1
case: {id: forms, stage: scaling, evidence: hta, template: small}
assumptions:
  start_year: 2026
  horizon: 4
  price_year: 2025
  currency: EUR
  discounting: {schedule: [{from_index: 1, rate: 0.04}, {from_index: 3, rate: 0.03}]}
  timing: mid
  fte_hours: dk-net
parameters:
  n: 10
  m: "$n * 2"
  k: {value: 0.5, low: 0.4, high: 0.6, dist: {uniform: [0.4, 0.6]}, source: test}
parties:
  - {id: region, sector: region}
  - {id: kommune, sector: municipality}
costs:
  - {id: series, kind: other, party: region, amounts: {2026: 10, 2027: "$m"}, profile: {2026: 0.5}}
  - {id: ops, kind: operating, party: region, per_year: 1, from: 2027, to: 2028, growth: -0.1}
benefits:
  - {id: b1, kind: capacity, party: region, amount: 5, year: 2027, profile: {linear: {from: 2026, years: 2}}}
  - {id: b2, kind: societal, party: kommune, per_year: 3, profile: {logistic: {midpoint: 2027}}}
  - {id: b3, kind: qualitative, party: kommune, description: Better days}
capacity:
  staff: {doctor: {hour_cost: 900}}
  activities:
    - {id: act, staff: doctor, party: region, hours_saved: 0.5, events_per_year: 100, monetise: no}
financing:
  - {id: loan, method: annuity, lender: kommune, borrower: region, principal: 100, term: 3, periods_per_year: 4}
  - {id: loan2, method: bullet, lender: kommune, borrower: region, principal: {share: 0.5, of: series}, term: 2, residual: due}
sroi:
  investment: 1000
  outcomes: [{id: o1, stakeholder: citizens, quantity: 1, proxy: 2}]
EOF
shopt -s nullglob
examples=(examples/*.yaml examples/*/*.yaml)
shopt -u nullglob
[ ${#examples[@]} -ge 4 ] || fail "expected at least 4 examples/*.yaml, found ${#examples[@]}"
good=("${examples[@]}" "$TMP"/good/*.yaml)
python3 "$TMP/check.py" "$TMP/schema.json" valid "${good[@]}" || fail "the schema rejects valid files (above)"
for f in "${good[@]}"; do
  run validate "$f"
  expect_rc 0 "gevinst validate $f"
done

# Bad files: one structural defect each. The loader must reject every one
# (so the schema is no stricter than gevinst) and so must the schema.
bad() { cat >"$TMP/bad/$1.yaml"; }
bad unknown-top-key <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
benefit: []
EOF
bad missing-case-id <<'EOF'
format: gevinst/1
case: {title: No id}
assumptions: {start_year: 2026, horizon: 3}
EOF
bad missing-assumptions <<'EOF'
format: gevinst/1
case: {id: x}
EOF
bad wrong-stage <<'EOF'
format: gevinst/1
case: {id: x, stage: pilot}
assumptions: {start_year: 2026, horizon: 3}
EOF
bad wrong-sector <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: county}]
EOF
bad wrong-cost-kind <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}]
costs: [{id: c, kind: capital, party: r, amount: 1}]
EOF
bad two-amount-forms <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}]
costs: [{id: c, kind: operating, party: r, amount: 1, per_year: 2}]
EOF
bad no-amount <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}]
benefits: [{id: b, kind: budget, party: r}]
EOF
bad per-year-with-year <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}]
costs: [{id: c, kind: operating, party: r, per_year: 2, year: 2026}]
EOF
bad unknown-flow-key <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}]
costs: [{id: c, kind: operating, party: r, ammount: 1}]
EOF
bad bad-id <<'EOF'
format: gevinst/1
case: {id: My Case}
assumptions: {start_year: 2026, horizon: 3}
EOF
bad share-above-one <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}]
benefits: [{id: b, kind: budget, party: r, per_year: 1, profile: {2026: 1.5}}]
EOF
bad horizon-expression <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: "$years"}
parameters: {years: 3}
EOF
bad unknown-discounting <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3, discounting: dk-fm-2099}
EOF
bad two-dist-kinds <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parameters: {p: {value: 1, source: s, dist: {normal: [1, 0.1], uniform: [0, 2]}}}
EOF
bad qualitative-with-amount <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}]
benefits: [{id: b, kind: qualitative, party: r, amount: 1, description: d}]
EOF
bad minutes-and-hours <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}]
capacity:
  staff: {nurse: {hour_cost: 400}}
  activities: [{id: a, staff: nurse, party: r, minutes_saved: 5, hours_saved: 1, events_per_year: 10}]
EOF
bad grant-with-lender <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}, {id: f, sector: state}]
costs: [{id: c, kind: investment, party: r, amount: 10}, {id: o, kind: operating, party: r, per_year: 1}]
financing: [{id: g, method: grant, payer: f, recipient: r, share: 0.5, of: [c], lender: f}]
EOF
bad gain-share-without-gains <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}, {id: f, sector: state}]
financing: [{id: l, method: gain-share, lender: f, borrower: r, principal: 100, term: 2}]
EOF
bad wrong-method <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parties: [{id: r, sector: region}, {id: f, sector: state}]
financing: [{id: l, method: mortgage, lender: f, borrower: r, principal: 100, term: 2}]
EOF
bad correlation-pair <<'EOF'
format: gevinst/1
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
parameters: {p: {value: 1, source: s, dist: {normal: [1, 0.1]}}}
correlations: [[p, 0.5]]
EOF
bad wrong-format <<'EOF'
format: gevinst/2
case: {id: x}
assumptions: {start_year: 2026, horizon: 3}
EOF
# Rollouts point at a valid solution, so the loader sees only the defect.
cp "$TMP/good/base.yaml" "$TMP/bad/solution.yml"
bad rollout-unknown-key <<'EOF'
format: gevinst-rollout/1
solution: solution.yml
criteria: ["npv >= 0"]
units: [{id: a}]
owner: nobody
EOF
bad rollout-missing-criteria <<'EOF'
format: gevinst-rollout/1
solution: solution.yml
units: [{id: a}]
EOF
bad rollout-wrong-status <<'EOF'
format: gevinst-rollout/1
solution: solution.yml
criteria: ["npv >= 0"]
units: [{id: a, decision: {status: rejected}}]
EOF
bad rollout-bad-date <<'EOF'
format: gevinst-rollout/1
solution: solution.yml
review_due: 30-06-2027
criteria: ["npv >= 0"]
units: [{id: a}]
EOF
bad rollout-unknown-unit-key <<'EOF'
format: gevinst-rollout/1
solution: solution.yml
criteria: ["npv >= 0"]
units: [{id: a, patients: 100}]
EOF

badfiles=("$TMP"/bad/*.yaml)
# Structural defects from the shared invalid-file corpus (tests/data/invalid).
for n in 14-missing-format 15-wrong-format 16-top-level-list 17-missing-case-id 18-invalid-id \
  19-unknown-key 20-missing-start-year 21-horizon-zero 22-horizon-201 23-unknown-discount-preset \
  24-schedule-first-index 26-rate-minus-one 34-share-above-one 35-two-amount-forms 36-no-amount \
  37-qualitative-with-amount 45-periods-per-year 46-invalid-stage 47-structural-expression \
  62-discount-rate-percent 63-transposed-key 65-missing-principal 66-percent-sign \
  68-unknown-distribution 71-empty-value 72-boolean-for-number 75-invalid-parameter-name \
  82-implausible-inflation 83-unknown-first-year \
  portfolio-01-unknown-key portfolio-02-negative-budget portfolio-03-bad-year \
  portfolio-05-exclusive-of-one portfolio-08-bad-count; do
  f="tests/data/invalid/$n.yaml"
  if [ -f "$f" ]; then badfiles+=("$f"); else fail "missing corpus file $f"; fi
done
python3 "$TMP/check.py" "$TMP/schema.json" invalid "${badfiles[@]}" || fail "the schema accepts broken files (above)"
for f in "${badfiles[@]}"; do
  run validate "$f"
  expect_rc 1 "gevinst validate $f"
done

finish "schema: ${#good[@]} valid and ${#badfiles[@]} broken files checked"
