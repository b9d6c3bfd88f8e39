# Independent anchors through the command line: gevinst's JSON against the
# numbers LibreOffice Calc computes from formulas in tests/data/calc/finance.fods
# (written by gen_fods.py, exported to CSV by tests/data/calc/regen).
#
# 1. `regen --check` converts finance.fods headless and compares every sheet
#    with the committed CSVs, so the numbers below are Calc's, not edited.
# 2. tests/data/calc/case76.yaml (76 years, t = 0..75) under dk-fm-2021,
#    dk-fm-2013 and uk-green-book: each year's discount factor against the
#    Calc columns DF(t) = DF(t-1) / (1 + r(t)) with the published steps
#    (Finansministeriet 2021: 3.5 % years 1-35, 2.5 % 36-70, 1.5 % after;
#    Finansministeriet 2013: 4 %, 3 %, 2 % on the same years; HM Treasury,
#    The Green Book (2022), table 8: 3.5 % years 0-30, 3.0 % 31-75, 2.5 %
#    76-125, 2.0 % 126-200), the cumulative and discounted cumulative nets,
#    and NPV = SUMPRODUCT(DF; net), PV of costs and benefits, BCR = PVB / PVC,
#    payback = the first t - 1 + (-C(t-1)) / net(t) with C(t-1) < 0 <= C(t),
#    payback year = 2026 + ROUNDUP(payback; 0), and the same discounted.
# 3. A 200-year case under uk-green-book: every factor against sheet gb_years.
# 4. tests/data/calc/gain-share-grace-cap.yaml: `repay` against loan G10 of
#    sheets schedules and loans (payment = MIN(interest; 0.25 x P - paid so
#    far) during grace, then MIN(share x gains; B + interest; cap room)).
#
# soffice (Debian libreoffice-calc-nogui, scripts/bootstrap test) is
# required: without it this test fails.
calc=tests/data/calc
command -v soffice >/dev/null || fail "soffice not found: install libreoffice-calc-nogui (scripts/bootstrap test)"
"$calc/regen" --check >"$TMP/regen.out" 2>&1 || fail "regen --check: $(cat "$TMP/regen.out")"

# compare JSON CSV ROWS-PYTHON: evaluates the Python expression `checks`
# (a list of (what, got, want)) over `j` (JSON) and `rows` (CSV as dicts);
# each pair must agree within 1e-9 relative (exactly for integers).
compare() {
  python3 - "$1" "$2" "$3" <<'PY' >"$TMP/compare.out" || fail "against Calc ($2): $(head -20 "$TMP/compare.out")"
import csv, json, sys
j = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2])))
checks = eval("(" + sys.argv[3] + ")")
bad = 0
for what, got, want in checks:
    want = float(want) if isinstance(got, float) else type(got)(float(want)) if isinstance(got, int) else want
    ok = abs(got - want) <= 1e-9 * max(1.0, abs(want)) if isinstance(got, float) else got == want
    if not ok:
        bad += 1
        print(f"{what}: gevinst {got!r}, Calc {want!r}")
print(f"{len(checks)} values compared")
sys.exit(1 if bad or not checks else 0)
PY
}

for schedule in dk-fm-2021 dk-fm-2013 uk-green-book; do
  sed "s/^  discounting: dk-fm-2021$/  discounting: $schedule/" "$calc/case76.yaml" >"$TMP/case76-$schedule.yaml"
  grep -q "discounting: $schedule" "$TMP/case76-$schedule.yaml" || fail "could not set $schedule"
  run evaluate --format json "$TMP/case76-$schedule.yaml"
  expect_rc 0 "evaluate case76 under $schedule"
  cp "$TMP/stdout" "$TMP/case76-$schedule.json"
  compare "$TMP/case76-$schedule.json" "$calc/case76.csv" "[(k, j[k], r[k]) for r in rows if r['schedule'] == '$schedule'
    for k in ('npv', 'pv_costs', 'pv_benefits', 'bcr', 'payback_years', 'payback_year',
              'discounted_payback_years', 'discounted_payback_year')]"
  compare "$TMP/case76-$schedule.json" "$calc/case76_years.csv" "[(f'{k} {y[\"year\"]}', y[k], r[c]) for y, r in zip(j['years'], rows)
    for k, c in (('year', 'year'), ('costs', 'costs'), ('benefits', 'benefits'), ('net', 'net'), ('cumulative', 'cum'),
                 ('discount_factor', 'df_$schedule'), ('pv', 'dnet_$schedule'), ('cumulative_pv', 'dcum_$schedule'))]
    + [('years', len(j['years']), len(rows))]"
done

# The Green Book's steps over the longest horizon (200 years).
printf 'format: gevinst/1\ncase: {id: gb200}\nassumptions: {start_year: 2026, horizon: 200, discounting: uk-green-book}\nparties: [{id: region, sector: region}]\nbenefits: [{id: b, kind: budget, party: region, per_year: 1, from: 2026}]\n' >"$TMP/gb200.yaml"
run evaluate --format json "$TMP/gb200.yaml"
expect_rc 0 "evaluate 200 years under uk-green-book"
cp "$TMP/stdout" "$TMP/gb200.json"
compare "$TMP/gb200.json" "$calc/gb_years.csv" "[(f'DF({r[\"t\"]})', y['discount_factor'], r['df']) for y, r in zip(j['years'], rows)]
  + [('years', len(j['years']), len(rows))]"

# The gain-share loan whose cap binds during grace.
run repay --format json "$calc/gain-share-grace-cap.yaml"
expect_rc 0 "repay gain-share-grace-cap"
cp "$TMP/stdout" "$TMP/g10.json"
compare "$TMP/g10.json" "$calc/schedules.csv" "[(f'{k} {s[\"period\"]}', s[k], r[k]) for s, r in zip(j['loans'][0]['schedule'], [r for r in rows if r['id'] == 'G10'])
    for k in ('period', 'year', 'opening', 'interest', 'payment', 'principal', 'closing')]
  + [('periods', len(j['loans'][0]['schedule']), len([r for r in rows if r['id'] == 'G10']))]"
compare "$TMP/g10.json" "$calc/loans.csv" "[(k, j['loans'][0][k], r[k]) for r in rows if r['id'] == 'G10' for k in ('total_paid', 'total_interest', 'forgiven')]
  + [('lender_pv', j['loans'][0]['lender_pv'], r['lender_pv_3.5']) for r in rows if r['id'] == 'G10']"
json_expr 'j["loans"][0]["forgiven_because"] == "cap-reached"'
finish "calc: case76 under three schedules, 200 Green Book years, a capped gain-share loan"
