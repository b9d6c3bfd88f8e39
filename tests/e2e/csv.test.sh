# CSV for spreadsheets (docs/cli.md, "Common options" and "Output formats"):
# --locale da gives ';' and decimal commas, --bom a byte-order mark, and
# --table summary the headline metrics of evaluate and capacity.
kol=examples/kol-telemonitoring.yaml

run evaluate "$kol" --format json
cp "$TMP/stdout" "$TMP/evaluate.json"

# Summary: one row per perspective, the same numbers as the JSON, exactly.
run evaluate "$kol" --format csv --table summary
expect_rc 0 "evaluate --table summary"
python3 - "$TMP/stdout" "$TMP/evaluate.json" <<'PY' || fail "evaluate summary CSV differs from the JSON"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
j = json.load(open(sys.argv[2]))
assert [r["perspective"] for r in rows] == ["budget", "organisation", "society"], rows
for r in rows:
    p = j["perspectives"][r["perspective"]]
    for k in ("npv", "pv_costs", "pv_benefits", "bcr", "irr", "payback_years"):
        assert abs(float(r[k]) - p[k]) <= 1e-9 * max(1, abs(p[k])), (k, r[k], p[k])
    assert int(r["payback_year"]) == p["payback_year"]
PY

# Danish: the same figures with ';' and a decimal comma, no thousands separator.
run evaluate "$kol" --format csv --table summary --locale da
python3 - "$TMP/stdout" "$TMP/evaluate.json" <<'PY' || fail "Danish CSV is not ';'-separated with decimal commas"
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter=";"))
j = json.load(open(sys.argv[2]))
npv = rows[1]["npv"]
assert "," in npv and "." not in npv, npv
assert abs(float(npv.replace(",", ".")) - j["perspectives"]["organisation"]["npv"]) < 1e-6
PY

# The year table stays the default; --bom puts EF BB BF first.
run evaluate "$kol" --format csv --bom
[ "$(head -c 3 "$TMP/stdout" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || fail "--bom: no byte-order mark"
tail -c +4 "$TMP/stdout" | head -1 | grep -q '^year,costs_investment' || fail "evaluate CSV is not the year table"
run evaluate "$kol" --format csv
[ "$(head -c 4 "$TMP/stdout")" = "year" ] || fail "a byte-order mark without --bom"
run evaluate "$kol" --format json --bom
[ "$(head -c 1 "$TMP/stdout")" = "{" ] || fail "--bom changed JSON output"

# Capacity summary: the headline figures of the JSON.
run capacity "$kol" --format json
cp "$TMP/stdout" "$TMP/capacity.json"
run capacity "$kol" --format csv --table summary
expect_rc 0 "capacity --table summary"
python3 - "$TMP/stdout" "$TMP/capacity.json" <<'PY' || fail "capacity summary CSV differs from the JSON"
import csv, json, sys
(r,) = list(csv.DictReader(open(sys.argv[1])))
j = json.load(open(sys.argv[2]))
for k in ("fte", "fte_years", "hours", "realisable_hours", "value"):
    assert abs(float(r[k]) - j[k]) <= 1e-9 * max(1, abs(j[k])), (k, r[k], j[k])
assert abs(float(r["value_pv"]) - j["value_pv"]) < 1e-6
PY
run capacity "$kol" --table everything
expect_rc 2 "--table everything"

# Batch CSV follows the locale too.
run batch examples --format csv --locale da -q
expect_rc 0 "batch csv da"
head -1 "$TMP/stdout" | grep -q '^path;id;status;npv' || fail "batch CSV header is not ';'-separated"
finish "csv: summary tables, Danish separators, byte-order mark"
