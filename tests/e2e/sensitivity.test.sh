# sensitivity: contract keys, tornado order, break-even (spec section 10, cli.md).
psa=tests/data/bench/psa_case.yaml
run sensitivity --format json --range 0.2 "$psa"
expect_rc 0
json_expr 'all(k in j for k in ["base_npv","scenarios","parameters"])'
json_expr 'all(all(k in p for k in ["name","low_npv","high_npv","swing","break_even"]) for p in j["parameters"])'
json_expr 'all(a["swing"] >= b["swing"] for a, b in zip(j["parameters"], j["parameters"][1:]))'
json_expr '[p for p in j["parameters"] if p["name"] == "op_cost"][0]["break_even"] > 5000'
# Evaluating at the break-even value gives NPV ~ 0.
be=$(python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(repr([p for p in j["parameters"] if p["name"]=="op_cost"][0]["break_even"]))' "$TMP/stdout")
run evaluate --format json --set "op_cost=$be" "$psa"
json_expr 'abs(j["npv"]) < 1e-6 * (j["pv_costs"] + j["pv_benefits"])'
run sensitivity "$psa"
expect_rc 0
expect_stdout_contains "No parameter has low/high values"
run sensitivity --metric sroi "$psa"
expect_rc 1
expect_stderr_contains "needs an sroi section"
finish
