# The CI recipes in docs/ci/ (docs/cli.md, "CI recipes"): every gevinst line
# of github-actions.yml and gitlab-ci.yml is run here, as the CI system
# would run it (its env, each matrix shard), in a temporary repository of
# case files, so a recipe that drifts from the program fails this test.
# Needs git, python3-yaml and xmllint (scripts/bootstrap test).
XSD="$ROOT/tests/data/junit/junit.xsd"
repo="$TMP/repo"
mkdir -p "$repo/cases/rollouts" "$repo/ci"
cp "$ROOT/docs/ci/gevinst-ci" "$repo/ci/gevinst-ci"
cp examples/kol-telemonitoring.yaml examples/ai-triage.yaml examples/virtual-physio.yaml "$repo/cases/"
cp examples/rollout-kol-regions.yaml "$repo/cases/rollouts/"
sed -i 's|^solution: kol-telemonitoring.yaml|solution: ../kol-telemonitoring.yaml|' "$repo/cases/rollouts/rollout-kol-regions.yaml"
(cd "$repo" && git init -q -b main && git add -A && git -c user.name=t -c user.email=t@example.org commit -qm base &&
  git update-ref refs/remotes/origin/main main) || fail "git could not make the test repository"
# The pull request: fewer admissions avoided in the COPD case (an NPV loss
# of more than 1 mio., so the recipe's gate holds) and a new case.
sed -i '/^  admissions_avoided:/,/value:/s/value: 0.20/value: 0.15/' "$repo/cases/kol-telemonitoring.yaml"
cp examples/pay-for-performance.yaml "$repo/cases/"
(cd "$repo" && git add -A && git -c user.name=t -c user.email=t@example.org commit -qm change) || fail "git commit"

# Only ci/gevinst-ci runs gevinst in the recipes.
if grep -vhE '^[[:space:]]*#' docs/ci/github-actions.yml docs/ci/gitlab-ci.yml |
  grep -E '(^|[^-/])gevinst (validate|batch|rollout|diff|evaluate)'; then
  fail "a recipe runs gevinst directly; put the command in docs/ci/gevinst-ci"
fi

# Every `ci/gevinst-ci` line of both recipes with the env the CI system gives it.
python3 - "$ROOT/docs/ci" >"$TMP/steps" <<'PY' || fail "could not read the recipes"
import re, sys, yaml
ci = sys.argv[1]
def lines(run):
    return [l for l in run.splitlines() if "ci/gevinst-ci" in l]
def expand(env, subs):
    out = {}
    for k, v in (env or {}).items():
        v = str(v)
        for a, b in subs.items():
            v = re.sub(r"\$\{\{\s*" + re.escape(a) + r"\s*\}\}", b, v)
        if "${{" in v:
            sys.exit(f"unknown expression in {k}: {v}")
        out[k] = v
    return out
steps = []
gh = yaml.safe_load(open(f"{ci}/github-actions.yml"))
for name, job in gh["jobs"].items():
    shards = job.get("strategy", {}).get("matrix", {}).get("shard", [None])
    for shard in shards:
        subs = {"github.base_ref": "main", "github.token": "x", "github.event.pull_request.number": "1"}
        if shard is not None:
            subs["matrix.shard"] = str(shard)
        for step in job.get("steps", []):
            for l in lines(step.get("run", "")):
                steps.append((f"github {name}" + (f" shard {shard}" if shard else ""), expand({**job.get("env", {}), **step.get("env", {})}, subs), l))
gl = yaml.safe_load(open(f"{ci}/gitlab-ci.yml"))
for name, job in gl.items():
    if name == "default" or not isinstance(job, dict):
        continue
    total = int(job.get("parallel", 1))
    for index in range(1, total + 1):
        env = {"CI_NODE_INDEX": str(index), "CI_NODE_TOTAL": str(total)} if "parallel" in job else {}
        for l in job.get("script", []):
            if "ci/gevinst-ci" in l:
                steps.append((f"gitlab {name}" + (f" node {index}" if "parallel" in job else ""), env, l))
for where, env, line in steps:
    print("\x1f".join([where, " ".join(f"{k}={v!r}" for k, v in env.items()), line]))
PY
[ -s "$TMP/steps" ] || fail "no ci/gevinst-ci lines found in the recipes"
while IFS=$'\x1f' read -r where env line; do
  (cd "$repo" && eval "export GEVINST='$GEVINST' $env" && bash -c "$line" >"$TMP/out" 2>"$TMP/err")
  rc=$?
  case "$line" in
    *pr-comment*) want=1 ;;  # the gate holds: the COPD case loses more than 1 mio.
    *rollouts*) want=any ;;  # compliance depends on today's date against review_due
    *) want=0 ;;
  esac
  if [ "$want" != any ] && [ "$rc" -ne "$want" ]; then
    fail "$where: '$line' exited $rc, expected $want: $(head -3 "$TMP/err")"
  fi
  [ "$rc" -le 1 ] || fail "$where: '$line' exited $rc: $(head -3 "$TMP/err")"
  case "$line" in
    *"gevinst-ci validate cases"*) grep -q '^::error' "$TMP/out" && fail "$where: annotations for valid cases" ;;
  esac
done <"$TMP/steps"
grep -q 'validate cases/' "$TMP/steps" || fail "the GitHub recipe does not validate"

# What the steps left: a comment with the diff, JUnit reports valid against the schema.
grep -qF '## Case diff: origin/main:cases/kol-telemonitoring.yaml → cases/kol-telemonitoring.yaml' "$repo/comment.md" ||
  fail "comment.md lacks the diff of the changed case: $(head -5 "$repo/comment.md")"
grep -qF 'parameters.admissions_avoided.value' "$repo/comment.md" || fail "comment.md lacks the changed input"
grep -qF '## New case: cases/pay-for-performance.yaml' "$repo/comment.md" || fail "comment.md lacks the new case"
n=0
for x in "$repo"/reports/*.xml; do
  [ -f "$x" ] || continue
  n=$((n + 1))
  xmllint --noout --schema "$XSD" "$x" 2>"$TMP/xmlerr" || fail "$x is not valid JUnit: $(head -3 "$TMP/xmlerr")"
done
[ "$n" -ge 6 ] || fail "expected validate, 4 batch shards and a rollout report, found $n files"
# The shards together cover every case once.
cases="$(cat "$repo"/reports/batch-*.xml | grep -o '<testcase name="[^"]*"' | sort | uniq -c | awk '{print $1}' | sort -u)"
[ "$cases" = 1 ] || fail "a case is in more than one shard"
[ "$(cat "$repo"/reports/batch-*.xml | grep -c "<testcase ")" -eq 4 ] || fail "the shards do not cover the 4 case files"
ls "$repo"/reports/rollout-*.xml >/dev/null 2>&1 || fail "no rollout report"

# Usage: the script explains itself.
"$repo/ci/gevinst-ci" >/dev/null 2>"$TMP/err"
[ $? -eq 2 ] && grep -q 'pr-comment BASE OUT' "$TMP/err" || fail "ci/gevinst-ci without arguments should print its usage"

finish
