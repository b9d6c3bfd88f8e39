// What `gevinst --version` prints (docs/cli.md, "Version").
#pragma once

#include <string>

namespace gevinst::cli {

/// `git describe --tags --always --dirty` of the checkout the binary was
/// built from (e.g. "v0.1.0-3-g87b81c6-dirty"), or "" when it was built
/// outside a git checkout. Defined in a file the build generates
/// (cmake/version.cmake), so a new commit recompiles only that file.
const char* build_commit();

/// "gevinst VERSION" plus " (COMMIT)" when build_commit() is known.
/// version_line("0.1.0", "87b81c6") == "gevinst 0.1.0 (87b81c6)"
std::string version_line(const std::string& version, const std::string& commit);

}  // namespace gevinst::cli
