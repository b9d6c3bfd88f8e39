# xlsx: `gevinst report CASE -o OUT.xlsx` (docs/cli.md, "The workbook"),
# checked by a real spreadsheet: LibreOffice recalculates every example's
# workbook headless and its Summary sheet must give the NPV, PV of costs and
# benefits, BCR, FTE and SROI figures of `evaluate`, `capacity` and `sroi
# --format json` within 1e-9 relative; then one parameter cell is changed
# and the recalculated NPV must be what `evaluate --set NAME=VALUE` gives.
# The Danish workbook (--lang da) of every case goes through the same
# recalculation and comparison: its sheets have Danish names (Parametre,
# Pengestrømme, ...) that the formulas and defined names refer to, and
# its labels come from cli/render/po/da.po.
#
# LibreOffice does not recalculate an .xlsx on load by default (it shows the
# cached results). A temporary profile (-env:UserInstallation) sets
# /org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode to 0 ("always
# recalculate"). The examples' workbooks also have their cached results
# stripped, so every number LibreOffice exports comes from a formula; the
# edited workbooks keep their (now stale) cached results, so they only pass
# when the recalculation on load really happens.
#
# soffice (Debian libreoffice-calc-nogui, installed by scripts/bootstrap
# test) is required: without it this test fails. It converts all workbooks
# in one run (CSV filter option 12 = -1: every sheet, LibreOffice >= 7.2).

SOFFICE="$(command -v soffice || command -v libreoffice || true)"
if [ -z "$SOFFICE" ]; then
  fail "soffice not found: install libreoffice-calc-nogui (scripts/bootstrap test)"
  finish
  exit 1
fi
check="$E2E/xlsx_check.py"
mkdir -p "$TMP/wb" "$TMP/csv" "$TMP/json" "$TMP/profile/user"

# results NAME CASE [--set NAME=VALUE]: gevinst's JSON of every section the case has.
results() {
  local name="$1" f="$2"
  shift 2
  "$GEVINST" evaluate "$f" "$@" --format json >"$TMP/json/$name.evaluate.json"
  grep -q '^capacity:' "$f" && "$GEVINST" capacity "$f" "$@" --format json >"$TMP/json/$name.capacity.json"
  grep -q '^sroi:' "$f" && "$GEVINST" sroi "$f" "$@" --format json >"$TMP/json/$name.sroi.json"
  grep -q '^financing:' "$f" && "$GEVINST" repay "$f" "$@" --format json >"$TMP/json/$name.repay.json"
  return 0
}

# Every example case, and a case that exercises every convention
# (tests/data/xlsx/conventions.yaml: mid-year timing, rate steps within the
# horizon, growth, every profile form, every loan method; prices.yaml: items
# in other years' prices, a nominal loan under inflation, SROI outcomes
# discounted from their first year). Each also in Danish, as da-NAME (the
# JSON has no language: the same figures are expected).
n=0
for f in examples/*.yaml examples/fund/*.yaml tests/data/xlsx/*.yaml; do
  grep -q '^format: gevinst/1' "$f" || continue  # cases only, not rollouts
  name="$(basename "$f" .yaml)"
  run report "$f" -o "$TMP/wb/$name.xlsx"
  expect_rc 0 "report $f"
  run report "$f" --lang da -o "$TMP/wb/da-$name.xlsx"
  expect_rc 0 "report $f --lang da"
  results "$name" "$f"
  for j in "$TMP/json/$name".*.json; do cp "$j" "$TMP/json/da-${j##*/}"; done
  n=$((n + 1))
done
[ "$n" -ge 9 ] || fail "expected at least 9 cases, found $n"
python3 "$check" strip "$TMP"/wb/*.xlsx || fail "could not strip the cached results"

# Changed parameters: the patients of the COPD case, and an effect below the
# conventions case's threshold (its if() and comparisons flip; every section
# and loan changes).
set_param() {  # set_param NAME CASE PARAMETER VALUE [REPORT OPTIONS...]
  run report "$2" -o "$TMP/$1.xlsx" "${@:5}"
  expect_rc 0 "report $2 ${*:5}"
  cp "$TMP/$1.xlsx" "$TMP/wb/$1.xlsx"
  python3 "$check" set "$TMP/wb/$1.xlsx" "p_$3" "$4" || fail "could not set p_$3 in $1"
  results "$1" "$2" --set "$3=$4"
}
set_param set-kol examples/kol-telemonitoring.yaml patients 900
set_param set-conventions tests/data/xlsx/conventions.yaml effect 0.2
# the defined name p_patients points into the sheet 'Parametre'
set_param da-set-kol examples/kol-telemonitoring.yaml patients 900 --lang da

# --scenario and --set through the command: the cells hold the values in force.
run report examples/kol-telemonitoring.yaml --scenario worst --set patients=1000 -o "$TMP/wb/cli-set.xlsx"
expect_rc 0 "report --scenario worst --set patients=1000"
results cli-set examples/kol-telemonitoring.yaml --scenario worst --set patients=1000
python3 "$check" strip "$TMP/wb/cli-set.xlsx"

# A simulation is listed as values (no formula recomputes it): the same
# seed gives simulate's figures.
run report examples/kol-telemonitoring.yaml -n 2000 --seed 7 -o "$TMP/sim.xlsx"
expect_rc 0 "report -n 2000 --seed 7"
"$GEVINST" simulate examples/kol-telemonitoring.yaml -n 2000 --seed 7 --format json >"$TMP/sim.json"

# A rollout has no workbook: a usage error before any output.
run report examples/rollout-kol-regions.yaml -o "$TMP/rollout.xlsx"
expect_rc 2 "report ROLLOUT -o .xlsx"
expect_stderr_contains "a rollout report is .html or .md"
[ ! -e "$TMP/rollout.xlsx" ] || fail "a rollout wrote $TMP/rollout.xlsx"
run report examples/kol-telemonitoring.yaml -o "$TMP/missing/kol.xlsx"
expect_rc 1 "report -o MISSING_DIR/kol.xlsx"
expect_stderr_contains "does not exist"

cat >"$TMP/profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
timeout 300 "$SOFFICE" -env:UserInstallation="file://$TMP/profile" --headless --norestore \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$TMP/csv" "$TMP"/wb/*.xlsx "$TMP/sim.xlsx" >"$TMP/soffice.log" 2>&1 || fail "soffice failed: $(tail -5 "$TMP/soffice.log")"

checked=0
for wbk in "$TMP"/wb/*.xlsx; do
  name="$(basename "$wbk" .xlsx)"
  sheet=Summary
  case "$name" in da-*) sheet=Oversigt ;; esac
  summary="$TMP/csv/$name-$sheet.csv"
  if [ ! -f "$summary" ]; then fail "LibreOffice wrote no $sheet sheet for $name"; continue; fi
  if grep -qE 'Err:|#(NAME|REF|VALUE|DIV/0|NUM|N/A)' "$TMP/csv/$name"-*.csv; then
    fail "$name: a formula gives an error: $(grep -hE 'Err:|#' "$TMP/csv/$name"-*.csv | head -3)"
  fi
  cap=-; sroi=-; repay=-
  [ -f "$TMP/json/$name.capacity.json" ] && cap="$TMP/json/$name.capacity.json"
  [ -f "$TMP/json/$name.sroi.json" ] && sroi="$TMP/json/$name.sroi.json"
  [ -f "$TMP/json/$name.repay.json" ] && repay="$TMP/json/$name.repay.json"
  if out="$(python3 "$check" compare "$summary" "$TMP/json/$name.evaluate.json" "$cap" "$sroi" "$repay")"; then
    checked=$((checked + out))
  else
    fail "$name: the recalculated workbook differs from gevinst:
$out"
  fi
done
[ "$checked" -ge 100 ] || fail "only $checked figures compared"

# The Danish workbook is Danish: sheet names, headings and labels, with
# the keys of column B, the defined names and the formulas as in English.
da="$TMP/csv/da-kol-telemonitoring"
for sheet in Oversigt Parametre Pengestrømme Kapacitet SROI Finansiering; do
  [ -f "$da-$sheet.csv" ] || fail "the Danish workbook has no sheet $sheet: $(ls "$TMP/csv" | grep '^da-kol-telemonitoring-')"
done
[ ! -e "$da-Summary.csv" ] && [ ! -e "$da-Parameters.csv" ] || fail "the Danish workbook has English sheet names"
python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("xl/workbook.xml").decode())' \
  "$TMP/wb/da-kol-telemonitoring.xlsx" | grep -qF "<definedName name=\"p_patients\">'Parametre'!\$B\$" ||
  fail "p_patients does not point into the sheet Parametre"
expect_csv() {  # expect_csv SHEET TEXT: a line of the Danish sheet's CSV starts with TEXT
  awk -v t="$2" 'index($0, t) == 1 { found = 1 } END { exit !found }' "$da-$1.csv" ||
    fail "the Danish sheet $1 lacks '$2'"
}
expect_csv Oversigt "Pengestrømme,nøgle,budget,organisation (valgt),samfund"
expect_csv Oversigt "Nutidsværdi,npv,"
expect_csv Oversigt "Nutidsværdi af omkostninger,pv_costs,"
expect_csv Oversigt "Frigjorte årsværk ved fuld effekt,capacity.fte,"
expect_csv Oversigt "SROI-forhold,sroi.ratio,"
expect_csv Oversigt "Tilskud fund-grant: nutidsværdi,financing.fund-grant.pv,"
expect_csv Parametre "Parameter,Værdi,Defineret navn,Enhed,Lav,Høj,Fordeling,Kilde,Gældende,I sagsfilen"
expect_csv Parametre "Timer pr. årsværk,"
expect_csv Pengestrømme "Diskonteringsfaktor DF(t),"
expect_csv Pengestrømme "  omkostninger: investering,,investering,"
expect_csv Pengestrømme "Netto (gevinster - omkostninger); NV = nutidsværdi,"
expect_csv Kapacitet "  Realiserbare timer,"
expect_csv SROI "  Dødvægt,"
expect_csv Finansiering "Finansiering: tilskud og lån"
# every loan method's schedule in Danish (the conventions case has them all)
grep -qF "Termin,År,Fase,Restgæld primo,Rente,Ydelse,Afdrag,Restgæld ultimo,DF" "$TMP/csv/da-conventions-Finansiering.csv" ||
  fail "the Danish loan schedule's header is not Danish"
if grep -hE '^(Totals|Assumptions|Discount factor|Perspective: |Year index|  Realisable hours|  Deadweight|Principal),' "$da"-*.csv; then
  fail "English labels in the Danish workbook"
fi

python3 - "$TMP/csv/sim-Summary.csv" "$TMP/sim.json" <<'PY' || fail "the workbook's simulation values differ from simulate --format json"
import csv, json, sys
rows = {r[1]: r[2:7] for r in csv.reader(open(sys.argv[1], encoding="utf-8")) if len(r) > 6 and r[1]}
j = json.load(open(sys.argv[2]))
want = {"simulation.npv": [j["npv"][k] for k in ["mean", "sd", "p05", "p50", "p95"]],
        "simulation.fte": [j["fte"][k] for k in ["mean", "sd", "p05", "p50", "p95"]],
        "simulation.prob_positive": [j["prob_positive"]], "simulation.evpi": [j["evpi"]]}
for key, values in want.items():
    got = [float(x) for x in rows[key][:len(values)]]
    for g, w in zip(got, values):
        assert abs(g - w) <= 1e-9 * max(abs(g), abs(w), 1e-300), (key, g, w)
PY

# The edited workbooks changed the NPV (so the comparison above is not vacuous).
python3 - "$TMP/json" <<'PY' || fail "--set did not change the NPV; the edit tests nothing"
import json, sys
d = sys.argv[1]
for a, b in [("kol-telemonitoring", "set-kol"), ("conventions", "set-conventions")]:
    if json.load(open(f"{d}/{a}.evaluate.json"))["npv"] == json.load(open(f"{d}/{b}.evaluate.json"))["npv"]:
        sys.exit(1)
PY

finish "$checked figures agree after recalculation in $("$SOFFICE" --version | head -1 | cut -d' ' -f1-2)"
