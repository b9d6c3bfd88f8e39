#include "cli/files.h"

#include <algorithm>
#include <filesystem>
#include <set>

namespace gevinst::cli {

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec)) continue;
        auto ext = it->path().extension().string();
        if (ext == ".yaml" || ext == ".yml") out.push_back(it->path().string());
      }
    } else {
      out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  // One record per file: `cases ./cases` or a symlinked directory name the
  // same file twice; keep the first spelling in path order.
  std::set<std::string> seen;
  std::vector<std::string> unique_files;
  for (auto& f : out) {
    std::error_code ec;
    std::string key = f == "-" ? f : fs::weakly_canonical(f, ec).string();
    if (ec) key = f;
    if (seen.insert(key).second) unique_files.push_back(std::move(f));
  }
  return unique_files;
}

std::vector<std::string> shard(const std::vector<std::string>& files, int k, int n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < files.size(); ++i)
    if (static_cast<int>(i % static_cast<size_t>(n)) == k - 1) out.push_back(files[i]);
  return out;
}

}  // namespace gevinst::cli
