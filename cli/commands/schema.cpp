// gevinst schema: print the JSON Schema of case, rollout and actuals files.
#include <iostream>
#include <memory>

#include "cli/commands/commands.h"
#include "cli/output.h"
#include "cli/schema/json.h"

namespace gevinst::cli {

namespace {

struct SchemaOptions {
  std::string output = "-";
};

}  // namespace

void add_schema(CLI::App& root, Session& s) {
  auto o = std::make_shared<SchemaOptions>();
  CLI::App* app = root.add_subcommand("schema", "Print the JSON Schema of case, rollout and actuals files");
  app->footer(
      "Print the JSON Schema (draft 2020-12) of case files (format gevinst/1), rollout\n"
      "files (gevinst-rollout/1) and actuals (gevinst-actuals/1), for editors with YAML\n"
      "schema support and for CI.\n"
      "The schema checks structure (keys, enums, required fields); `gevinst validate`\n"
      "checks the rest (expressions, years inside the horizon, references between ids).\n\n"
      "Examples:\n"
      "  gevinst schema -o gevinst.schema.json\n"
      "  # then, as the first line of a case file (VS Code with the YAML extension):\n"
      "  # yaml-language-server: $schema=./gevinst.schema.json\n"
      "Exit: 0 ok, 1 the output file cannot be written, 2 usage.");
  app->add_option("-o,--output", o->output,
                  "Write the schema to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  app->callback([o, &s] {
    s.run = [o] {
      OutputOptions out;
      out.output = o->output;
      return emit(out, schema_json());
    };
  });
}

}  // namespace gevinst::cli
