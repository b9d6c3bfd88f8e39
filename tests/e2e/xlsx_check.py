#!/usr/bin/env python3
"""Helpers of tests/e2e/xlsx.test.sh: edit a workbook's cells, and compare
the sheets LibreOffice recalculated (exported as CSV) with gevinst's JSON.

  xlsx_check.py strip FILE.xlsx              drop the cached values of formula cells
  xlsx_check.py set FILE.xlsx NAME VALUE     set the cell the defined name NAME points to
  xlsx_check.py compare SUMMARY.csv EVALUATE.json CAPACITY.json|- SROI.json|- [REPAY.json]
"""
import csv
import json
import re
import shutil
import sys
import zipfile


def rewrite(path, edit):
    """Rewrites the zip at `path`, passing each member's text through edit(name, text)."""
    tmp = path + ".tmp"
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith(".xml"):
                data = edit(item.filename, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    shutil.move(tmp, path)


def strip(path):
    # <c r="G12" s="3"><f>...</f><v>123</v></c> -> without <v>: the number
    # LibreOffice shows can only come from evaluating the formula.
    def edit(name, text):
        if not name.startswith("xl/worksheets/"):
            return text
        return re.sub(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1", text)

    rewrite(path, edit)


def sheet_file(z, sheet_name):
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % re.escape(sheet_name), wb).group(1)
    target = re.search(r'Id="%s" Type="[^"]+" Target="([^"]+)"' % rid, rels).group(1)
    return "xl/" + target


def set_cell(path, name, value):
    with zipfile.ZipFile(path) as z:
        wb = z.read("xl/workbook.xml").decode()
        m = re.search(r'<definedName name="%s">([^<]+)</definedName>' % re.escape(name), wb)
        if not m:
            sys.exit("no defined name %s in %s" % (name, path))
        sheet, cell = m.group(1).rsplit("!", 1)
        sheet = sheet.strip("'")
        cell = cell.replace("$", "")
        target = sheet_file(z, sheet)
    done = []

    def edit(member, text):
        if member != target:
            return text
        new, n = re.subn(r'(<c r="%s"[^>]*>)<v>[^<]*</v>(</c>)' % cell, r"\g<1><v>%s</v>\2" % value, text)
        done.append(n)
        return new

    rewrite(path, edit)
    if done != [1]:
        sys.exit("cell %s of %s (%s) is not a plain number" % (cell, sheet, name))


def close(a, b, what, errors, scale=0.0):
    # 1e-9 relative; LibreOffice's CSV has 15 significant digits. A figure
    # that is a difference of large amounts (a lender's PV near 0) is
    # compared relative to the amounts it comes from (`scale`).
    if a is None or b is None:
        if a != b:
            errors.append("%s: workbook %r, gevinst %r" % (what, a, b))
        return
    if abs(a - b) > 1e-9 * max(abs(a), abs(b), scale) + 1e-12:
        errors.append("%s: workbook %.15g, gevinst %.15g" % (what, a, b))


def compare(summary, evaluate, capacity, sroi, repay="-"):
    rows = {}
    with open(summary, newline="", encoding="utf-8") as f:
        for r in csv.reader(f):
            if len(r) >= 5 and r[1]:
                rows[r[1]] = r[2:5]

    def num(key, col=0):
        if key not in rows:
            return "missing"
        text = rows[key][col]
        if text in ("", "none", "ingen"):  # "none" in the Danish workbook too
            return None
        try:
            return float(text)
        except ValueError:
            return "not a number: " + text

    errors = []
    checked = 0
    ev = json.load(open(evaluate))
    for p, name in enumerate(["budget", "organisation", "society"]):
        m = ev["perspectives"][name]
        for key in ["npv", "pv_costs", "pv_benefits", "bcr"]:
            got = num(key, p)
            if isinstance(got, str):
                errors.append("%s (%s): %s" % (key, name, got))
            else:
                close(got, m[key], "%s (%s)" % (key, name), errors)
                checked += 1
    if capacity != "-":
        cap = json.load(open(capacity))
        for key in ["fte", "fte_years", "hours", "realisable_hours", "value", "value_pv"]:
            got = num("capacity." + key)
            if isinstance(got, str):
                errors.append("capacity.%s: %s" % (key, got))
            else:
                close(got, cap[key], "capacity." + key, errors)
                checked += 1
    if sroi != "-":
        s = json.load(open(sroi))
        for key in ["ratio", "net_ratio", "pv_value", "investment", "payback_months"]:
            got = num("sroi." + key)
            if isinstance(got, str):
                errors.append("sroi.%s: %s" % (key, got))
            else:
                close(got, s[key], "sroi." + key, errors)
                checked += 1
    if repay != "-":
        r = json.load(open(repay))
        pairs = []
        for g in r["grants"]:
            pairs += [(g["id"] + ".total", g["total"], 0), (g["id"] + ".pv", g["pv"], 0)]
        for loan in r["loans"]:
            p = loan["principal"]
            pairs += [(loan["id"] + ".total_paid", loan["total_paid"], p),
                      (loan["id"] + ".total_interest", loan["total_interest"], p),
                      (loan["id"] + ".pv_lender", loan["lender_pv"], p)]
            if loan["method"] == "gain-share":
                pairs.append((loan["id"] + ".forgiven", loan["forgiven"], p))
        for key, want, scale in pairs:
            got = num("financing." + key)
            if isinstance(got, str):
                errors.append("financing.%s: %s" % (key, got))
            else:
                close(got, want, "financing." + key, errors, scale)
                checked += 1
    for e in errors:
        print("  %s: %s" % (summary.rsplit("/", 1)[-1], e))
    if errors:
        sys.exit(1)
    print(checked)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "strip":
        for p in sys.argv[2:]:
            strip(p)
    elif cmd == "set":
        set_cell(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "compare":
        compare(*sys.argv[2:7])
    else:
        sys.exit(__doc__)
