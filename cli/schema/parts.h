// Internal to the schema builder (schema_json.cpp, schema_case.cpp,
// schema_rollout.cpp): small constructors for JSON Schema fragments.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace gevinst::cli {

namespace schema {

using J = nlohmann::ordered_json;

/// What a numeric field's literal must satisfy (the loader's Constraint).
enum class Num { any, share, nonnegative, positive, rate, correlation };

/// {"$ref": "#/$defs/<def>"}
J ref(const std::string& def);
/// `body` with "description" first (editors show it on hover).
J described(const std::string& d, const J& body);
/// A number field: a literal satisfying `c`, or an expression string.
J number(const std::string& d, Num c = Num::any);
/// A structural integer: a literal whole number in [min, max], never an expression.
J integer(const std::string& d, int min, int max);
J text(const std::string& d);
/// A closed object: only `properties` are allowed (the loader's check_keys).
J object(const std::string& d, const J& properties, const std::vector<std::string>& required);
/// An enum of preset names, or any string when the binary ships none.
J names_or_string(const std::string& d, const std::vector<std::string>& names);
/// A mapping of calendar years (keys like 2027) to `value`.
J year_map(const std::string& d, const J& value);

}  // namespace schema

/// Adds the definitions of the case document ("case" and its parts) to `defs`.
void add_case_defs(schema::J& defs);
/// Adds the definitions of the rollout document ("rollout" and its parts).
void add_rollout_defs(schema::J& defs);
/// Adds the definitions of the actuals document ("actuals") and the case's
/// "follow_up" and "stage_gate".
void add_follow_up_defs(schema::J& defs);
/// Adds the definition of the portfolio constraints file ("portfolio").
void add_portfolio_defs(schema::J& defs);

}  // namespace gevinst::cli
