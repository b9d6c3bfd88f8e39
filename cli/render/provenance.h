// Where a result's numbers came from (docs/cli.md, "Provenance"): the tool's
// version, each input file's path and SHA-256, the perspective, scenario,
// --set overrides and seed. JSON documents carry it as `provenance`; text
// and Markdown name the overrides under the title, since nothing else there
// would show that the numbers are not the case's own. CSV stays plain rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/render/catalogue.h"
#include "cli/render/json.h"

namespace gevinst::cli {

struct Provenance {
  struct File {
    std::string path;    ///< as given ("<stdin>" for "-")
    std::string sha256;  ///< of the bytes read
  };
  std::vector<File> files;
  std::optional<std::string> perspective;  ///< unset: the command has none
  std::string scenario;                    ///< empty: the base case
  std::vector<std::string> overrides;      ///< the --set values, NAME=VALUE as given
  std::optional<std::uint64_t> seed;       ///< set by the commands that draw
};

/// The version this binary reports (`gevinst --version` without the name).
const char* tool_version();

/// {"tool_version", "files": [{"path", "sha256"}], "perspective",
///  "scenario", "overrides": {NAME: VALUE}, "seed"}; a VALUE that is a plain
/// number is a JSON number, an expression stays text; null where unset.
Json provenance_json(const Provenance& p);

/// "Changed with --set: patients=0, price=2" (empty without overrides), in
/// the words of `st`.
std::string overrides_line(const Provenance& p, const Style& st = {});

}  // namespace gevinst::cli
