#include "cli/version.h"

namespace gevinst::cli {

std::string version_line(const std::string& version, const std::string& commit) {
  std::string line = "gevinst " + version;
  if (!commit.empty()) line += " (" + commit + ")";
  return line;
}

}  // namespace gevinst::cli
