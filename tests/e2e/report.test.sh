# report: HTML and Markdown reports of cases and rollouts (docs/cli.md,
# "gevinst report"). Headless Chromium opens every example's HTML report:
# the page shows the headline numbers exactly as `evaluate --format json`
# gives them (formatted as the report formats them), asks the network for
# nothing (the HTML names no remote resource, and Chromium's network log of
# the visit holds no http(s) URL), its screenshot is not blank, and the PDF
# it prints has the recorded number of pages. Chromium must be installed
# (scripts/bootstrap test): without it this test fails.
if ! command -v chromium >/dev/null; then
  fail "chromium is not installed; run scripts/bootstrap test"
  finish
fi
kol=examples/kol-telemonitoring.yaml
version="$("$GEVINST" --version | cut -d' ' -f2)"

# ---- Usage and input errors: nothing is computed or written.
run report "$kol" -o "$TMP/r.txt"
expect_rc 2
expect_stderr_contains "unknown report format '.txt'"
run report "$kol"
expect_rc 2
expect_stderr_contains "--output is required"
run report "$kol" -o "$TMP/no/such/dir/r.html"
expect_rc 1
expect_stderr_contains "the directory $TMP/no/such/dir does not exist"
[ ! -e "$TMP/no" ] || fail "a missing output directory was created"
cp "$kol" "$TMP/case.md"  # a case file whose name ends in .md
run report "$TMP/case.md" -o "$TMP/case.md"
expect_rc 2
expect_stderr_contains "is the input file"
cmp -s "$kol" "$TMP/case.md" || fail "-o replaced the input file"
printf 'format: gevinst/1\ncase:\n  id: x\n  title: [unclosed\n' >"$TMP/bad.yaml"
run report "$TMP/bad.yaml" -o "$TMP/bad.html"
expect_rc 1
expect_stderr_contains "$TMP/bad.yaml:"
[ ! -e "$TMP/bad.html" ] || fail "a report was written for an invalid case"
run report examples/rollout-kol-regions.yaml -o "$TMP/ro.html" --set patients=1
expect_rc 2
expect_stderr_contains "apply to a case, not to a rollout"
run report "$kol" -o "$TMP/r.html" --lang fr
expect_rc 2
# An actuals file: the follow-up report (what track shows); no workbook.
fu=examples/follow-up/kol-telemonitoring-2027.yaml
run report "$fu" -o "$TMP/fu.xlsx"
expect_rc 2
expect_stderr_contains "a follow-up report is .html or .md"
run report "$fu" -o "$TMP/fu-da.md" --lang da
expect_rc 0
grep -qF "## Opfølgning på kol-telemonitoring pr. 2028-03-31" "$TMP/fu-da.md" || fail "no Danish follow-up heading"
grep -qF "| Realiseringsgrad (realiserede / planlagte gevinster) | 0,67 |" "$TMP/fu-da.md" ||
  fail "the Danish follow-up report lacks the realisation 0,67"

# ---- Danish: the report and the evaluate table are golden files.
strip_version() { sed "s/gevinst $version/gevinst VERSION/" "$1" >"$TMP/stdout"; }
run report "$kol" -o "$TMP/kol-da.md" --lang da
expect_rc 0
strip_version "$TMP/kol-da.md"
expect_stdout_contains "### Sammenfatning til beslutning"
expect_stdout_contains "| Nutidsværdi | 4.969.210 | 18.753.900 | 20.033.885 |"
expect_stdout_contains "Kapacitetsfrigørelse"
golden report-kol-da.md
# The capacity, SROI, financing and sensitivity sections are Danish too: none
# of the English headings and labels they used to show is left.
for english in "Year by year" "By staff group" "FTE freed at full effect" "Hours freed" "Impact map" \
  "Sensitivity of the ratio" "Deadweight" "Listed costs" "Grant fund-grant" "Financing and repayment" \
  "Break-even:" "NPV at low" "| Result |" "| Total |" "(PV " "does not reach" " between " "no IRR"; do
  grep -qF -- "$english" "$TMP/kol-da.md" && fail "the Danish report shows the English '$english'"
done
# The parameter table's range in Danish numbers, as the file gives them.
grep -qF "| 0,10 – 0,30 |" "$TMP/kol-da.md" && grep -qF "| 4.000 – 7.000 |" "$TMP/kol-da.md" ||
  fail "the Danish report's parameter ranges are not in Danish numbers"
# The simulation section in Danish: no English label or sentence left.
run report "$kol" -o "$TMP/kol-da-sim.md" --lang da --iterations 2000 --seed 7
expect_rc 0 "report --lang da --iterations"
grep -qF "Sandsynlighed for, at nutidsværdien > 0:" "$TMP/kol-da-sim.md" || fail "no Danish P(NPV > 0) in the report"
for english in "Drawn:" "| mean |" "| sd |" "Probability that" "Expected value of perfect" "NPV at base values" \
  "Convergence of the mean" "FTE (largest year)" "SROI ratio" " after 100"; do
  grep -qF -- "$english" "$TMP/kol-da-sim.md" && fail "the Danish report's simulation shows the English '$english'"
done
# The notes are Danish too (issue 12): no English note sentence is left.
for english in "in present value" "out of pocket" "fall on different parties" "freed hours" \
  "monetised activities" "capacity benefits are" "the horizon" "(present values)"; do
  grep -qF -- "$english" "$TMP/kol-da.md" && fail "the Danish report's notes show the English '$english'"
done
run report "$kol" -o "$TMP/kol-da.html" --lang da
expect_rc 0
strip_version "$TMP/kol-da.html"
expect_stdout_contains '<html lang="da">'
golden report-kol-da.html
run evaluate "$kol" --lang da
expect_rc 0
expect_stdout_contains "Tilbagebetalingstid"
golden evaluate-kol-da.txt
expect_stdout_contains "The 11 North Jutland municipalities taber 5,2 mio. kr. i nutidsværdi"
# --locale overrides the locale --lang implies.
run report "$kol" -o "$TMP/kol-da-en.md" --lang da --locale en
grep -qF "| Nutidsværdi | 4,969,210 |" "$TMP/kol-da-en.md" || fail "--locale en after --lang da not honoured"
# Lint warnings: the report lists each under Warnings, in English as
# validate words them, and in Danish with --lang da (Danish numbers; YAML
# keys, values and ids as written). tests/data/lints/every-lint.yaml sets
# off each lint of a case once.
lints=tests/data/lints/every-lint.yaml
run validate "$lints"
expect_rc 0
expect_stdout_contains "(0 errors, 11 warnings)"
run report "$lints" -o "$TMP/lints-en.md" -q
expect_rc 0
sed -n '/^### Warnings$/,/^### /p' "$TMP/lints-en.md" >"$TMP/lints-en.txt"
[ "$(grep -c '^- ' "$TMP/lints-en.txt")" -eq 11 ] || fail "the English report does not list the 11 warnings"
grep -qF -- "- $lints:9: parameters.visits: parameter 'visits' has no source (say where the number comes from: {value: ..., source: \"Pilot evaluation 2025, table 4\"})" "$TMP/lints-en.txt" ||
  fail "the English report words the no-source warning differently"
run report "$lints" -o "$TMP/lints-da.md" --lang da -q
expect_rc 0
sed -n '/^### Advarsler$/,/^### /p' "$TMP/lints-da.md" >"$TMP/lints-da.txt"
[ "$(grep -c '^- ' "$TMP/lints-da.txt")" -eq 11 ] || fail "the Danish report does not list the 11 warnings"
for danish in \
  "- $lints:9: parameters.visits: parameteren 'visits' har ingen kilde (angiv, hvor tallet kommer fra: {value: ..., source: \"Pilotevaluering 2025, tabel 4\"})" \
  "træk af 'uptake' (normal nær -1,5) giver capacity.activities[0].realisable = -1,5, som skal være en andel mellem 0 og 1" \
  "- $lints:12: costs: sagen har en investering (2026), men ingen driftsomkostning fra da af" \
  "tilføj f.eks. profile: {linear: {from: 2027, years: 3}})" \
  "personalegruppen 'porter' bruges ikke af nogen kapacitetsaktivitet (fjern den, eller angiv den i en aktivitet: staff: porter)" \
  "effekten 'travel' har en finansiel proxy, men ingen proxy_source" \
  "effekten 'travel-again' gentager interessenten 'patients' og indikatoren 'Hours of travel avoided' fra effekten 'travel'" \
  "lånet 'fund-loan' tilbagebetales af kapacitetsaktiviteten 'calls', som ikke er værdisat (monetise: false)" \
  "'residual' har ingen virkning for denne metode"; do
  grep -qF -- "$danish" "$TMP/lints-da.txt" || fail "the Danish report's warnings lack: $danish"
done
for english in "has no source" "say where" "simulate would" "which must be" "no operating cost" \
  "realisation profile" "counted twice" "is not used by" "financial proxy but" "repeats stakeholder" \
  "not monetised" "has no effect" "remove it" "use a distribution"; do
  grep -qF -- "$english" "$TMP/lints-da.txt" && fail "the Danish report's warnings show the English '$english'"
done

# ---- A simulation on request: the histogram and P(NPV > 0) as simulate gives it.
run report "$kol" -o "$TMP/sim.html" --iterations 2000 --seed 7
expect_rc 0
run simulate "$kol" --iterations 2000 --seed 7 --format json
p=$(python3 -c 'import json,sys; print("%.1f %%" % (json.load(open(sys.argv[1]))["prob_positive"] * 100))' "$TMP/stdout")
grep -qF "P(NPV &gt; 0) = $p" "$TMP/sim.html" || fail "the simulation's P(NPV > 0) = $p is not in the report"
grep -qF '"seed": 7' "$TMP/stdout" && grep -qF "<dd>7</dd>" "$TMP/sim.html" || fail "the seed is not in the provenance block"

# ---- Every example in Chromium, three at a time.
chrome() {  # NAME: opens $TMP/NAME.html; writes NAME.dom, NAME.png, NAME.pdf, NAME.netlog
  local n="$1"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$TMP/profile-$n" --host-resolver-rules="MAP * ~NOTFOUND" \
    --log-net-log="$TMP/$n.netlog" --window-size=900,1400 --screenshot="$TMP/$n.png" \
    --print-to-pdf="$TMP/$n.pdf" --no-pdf-header-footer --dump-dom "file://$TMP/$n.html" \
    >"$TMP/$n.dom" 2>"$TMP/$n.chrome-log"
}
# The requests a page made (not the browser's own): URL requests whose
# initiator is the page's origin, which for a file:// page is "null".
page_requests() {
  python3 - "$TMP/$1.netlog" <<'PY'
import json, sys
for e in json.load(open(sys.argv[1]))["events"]:
    p = e.get("params") or {}
    if p.get("initiator") in ("null", "file://") and str(p.get("url", "")).split(":")[0] in ("http", "https"):
        print(p["url"])
PY
}
# A canary page that does load remote resources: the check above must see them.
printf '<!DOCTYPE html><p>canary</p><img src="http://canary.invalid/a.png">\n' >"$TMP/canary.html"
names=(canary)
for f in examples/*.yaml examples/follow-up/*.yaml; do
  grep -q '^format: gevinst-portfolio/1' "$f" && continue  # constraints, not a case or rollout
  n="$(basename "$f" .yaml)"
  run report "$f" -o "$TMP/$n.html" --today 2027-07-01 -q
  expect_rc 0
  grep -qiE 'https?://|src=|href=|url\(|@import|<script' "$TMP/$n.html" && fail "$n.html names a remote resource"
  names+=("$n")
done
running=0
for n in "${names[@]}"; do
  chrome "$n" &
  running=$((running + 1))
  if [ $running -ge 3 ]; then wait -n; running=$((running - 1)); fi
done
wait
: >"$TMP/pages"
page_requests canary | grep -q "canary.invalid" || fail "the network check does not see a page's remote image"
for f in examples/*.yaml examples/follow-up/*.yaml; do
  grep -q '^format: gevinst-portfolio/1' "$f" && continue
  n="$(basename "$f" .yaml)"
  [ -s "$TMP/$n.dom" ] || { fail "$n: chromium gave no DOM: $(tail -3 "$TMP/$n.chrome-log")"; continue; }
  if grep -q 'format: gevinst-actuals/1' "$f"; then
    "$GEVINST" track "$f" --format json >"$TMP/$n.json"
  elif grep -q 'format: gevinst-rollout/1' "$f"; then
    "$GEVINST" rollout "$f" --today 2027-07-01 --format json >"$TMP/$n.json" 2>/dev/null
  else
    "$GEVINST" evaluate "$f" --format json >"$TMP/$n.json"
  fi
  python3 - "$TMP/$n.json" "$TMP/$n.dom" <<'PY' || fail "$n: the page lacks numbers of the JSON"
import json, sys
j = json.load(open(sys.argv[1]))
dom = open(sys.argv[2], encoding="utf-8").read()

def money(v):  # the report's format: whole units, "," thousands; never "-0"
    s = f"{v:,.0f}"
    return "0" if s == "-0" else s

want = []
if "as_of" in j:  # a follow-up: plan, realised and forecast NPV, the ratios
    want = [money(j["plan"]["npv"]), money(j["realised"]["npv"]), money(j["forecast"]["npv"]),
            f"{j['realisation']:.2f}", f"{j['cost_ratio']:.2f}"]
elif "units" in j:  # a rollout: each judged unit's NPV
    want = [money(u["npv"]) for u in j["units"] if u["npv"] is not None]
else:
    for name, m in j["perspectives"].items():
        want += [money(m["npv"]), money(m["pv_costs"]), money(m["pv_benefits"])]
        if m["bcr"] is not None:
            want.append(f"{m['bcr']:.2f}")
        if m["irr"] is not None:
            want.append(f"{m['irr'] * 100:.1f} %")
missing = [w for w in want if f">{w}<" not in dom]
if missing:
    print("  missing:", missing)
sys.exit(1 if missing or not want else 0)
PY
  page_requests "$n" >"$TMP/$n.requests"
  [ ! -s "$TMP/$n.requests" ] || fail "$n: the page requested $(head -1 "$TMP/$n.requests")"
  c=$(python3 "$E2E/png_colours.py" "$TMP/$n.png" 2>&1)
  [ "${c:-0}" -gt 20 ] 2>/dev/null || fail "$n: the screenshot looks blank ($c colours)"
  pages=$(python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page(?!s)", open(sys.argv[1], "rb").read())))' "$TMP/$n.pdf")
  echo "$n $pages" >>"$TMP/pages"
done
cp "$TMP/pages" "$TMP/stdout"
golden report-pdf-pages.txt
finish "$((${#names[@]} - 1)) examples opened in Chromium"
