# gevinst presets: the list, and one preset's contents (docs/cli.md,
# "gevinst presets"), checked against the figures each preset file cites.

run presets
expect_rc 0 "presets"
for n in dk-fm-2013 dk-fm-2021 uk-green-book dk-net dk-gross dk-nurse-dsr-2019 dk-regions-2024 dk-regions-2027; do
  expect_stdout_contains "$n"
done

# Finansministeriet 2021: 3.5 % for years 1-35, 2.5 % for 36-70, 1.5 % after.
run presets dk-fm-2021 --format json
expect_rc 0 "presets dk-fm-2021"
json_expr 'j["preset"]["steps"] == [{"from_index": 1, "rate": 0.035}, {"from_index": 36, "rate": 0.025}, {"from_index": 71, "rate": 0.015}]'
run presets dk-fm-2021
expect_stdout_contains "and after"
expect_stdout_contains "3.50 %"
# Finansministeriet 2013 (in force until 2021): 4 % for years 1-35, 3 % for
# 36-70, 2 % after.
run presets dk-fm-2013 --format json
expect_rc 0 "presets dk-fm-2013"
json_expr 'j["preset"]["steps"] == [{"from_index": 1, "rate": 0.04}, {"from_index": 36, "rate": 0.03}, {"from_index": 71, "rate": 0.02}]'
# HM Treasury, The Green Book (2022), table 8: 3.5 % for years 0-30, 3.0 %
# for 31-75, 2.5 % for 76-125, 2.0 % for 126-200, 1.5 % for 201-300, 1.0 %
# from 301. (The factors these steps give are checked against Calc in
# calc.test.sh.)
run presets uk-green-book --format json
json_expr 'j["preset"]["steps"] == [{"from_index": 1, "rate": 0.035}, {"from_index": 31, "rate": 0.03}, {"from_index": 76, "rate": 0.025}, {"from_index": 126, "rate": 0.02}, {"from_index": 201, "rate": 0.015}, {"from_index": 301, "rate": 0.01}]'
# 37 h x 52 weeks = 1,924 gross hours; 1,628 net.
run presets dk-gross --format json
json_expr 'j["preset"]["hours"] == 1924'
run presets dk-net --format csv
[ "$(cat "$TMP/stdout")" = "$(printf 'hours\n1628')" ] || fail "dk-net csv: $(cat "$TMP/stdout")"
# Dansk Sygeplejeråd 2019: 40,850.33 x 12 / 1,924 = 254.78 DKK an hour.
run presets dk-nurse-dsr-2019 --format json
json_expr 'j["preset"]["hour_cost"] == 254.78'
# Statistics Denmark FOLK1A 2024K1: the regions sum to 5,961,249; Østdanmark =
# Hovedstaden 1,911,067 + Sjælland 852,953.
run presets dk-regions-2027 --format json
json_expr 'j["preset"]["total_population"] == 5961249 and {u["id"]: u["population"] for u in j["preset"]["units"]}["region-oestdanmark"] == 1911067 + 852953'
run presets dk-regions-2024 --format json
json_expr 'j["preset"]["valid_until"] == "2026-12-31" and j["preset"]["replaced_by"] == "dk-regions-2027" and len(j["preset"]["units"]) == 5'
run presets dk-regions-2027 --format csv --locale da
expect_stdout_contains "region-oestdanmark;Region Østdanmark;2764020"

# The price index: Økonomistyrelsen, "Fastprisberegninger", general price and
# wage increases 2024 4.0 %, 2025 2.8 %; chained from 1991 = 100.
run presets dk-fm-pl-2025 --format json
json_expr 'j["preset"]["kind"] == "price-index" and j["preset"]["base_year"] == 1991 and j["preset"]["years"][0] == {"year": 1991, "change": None, "index": 100}'
json_expr 'abs(j["preset"]["years"][-1]["index"] / j["preset"]["years"][-3]["index"] - 1.040 * 1.028) < 1e-12 and j["preset"]["years"][-1]["year"] == 2025'
run presets dk-fm-pl-2025
expect_rc 0
expect_stdout_contains "Økonomistyrelsen"
run presets
expect_stdout_contains "price-index  dk-fm-pl-2025"

# An unknown name is a usage error with the closest name.
run presets dk-fm-2012
expect_rc 2 "unknown preset"
expect_stderr_contains "no preset is called 'dk-fm-2012' (did you mean 'dk-fm-2013'?)"
finish "presets: list, contents of every kind, unknown name"
