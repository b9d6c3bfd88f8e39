#include "cli/files.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace gevinst::cli {

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  // One record per file: `cases ./cases` or a symlinked directory name the
  // same file twice; the spelling of the first argument that reaches it is
  // kept (so --include by that path still matches).
  std::set<std::string> seen;
  std::vector<std::string> out;
  auto add = [&](std::string f) {
    std::error_code ec;
    std::string key = f == "-" ? f : fs::weakly_canonical(f, ec).string();
    if (ec) key = f;
    if (seen.insert(key).second) out.push_back(std::move(f));
  };
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec)) continue;
        auto ext = it->path().extension().string();
        if (ext == ".yaml" || ext == ".yml") found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      for (auto& f : found) add(std::move(f));
    } else {
      add(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> shard(const std::vector<std::string>& files, int k, int n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < files.size(); ++i)
    if (static_cast<int>(i % static_cast<size_t>(n)) == k - 1) out.push_back(files[i]);
  return out;
}

}  // namespace gevinst::cli
