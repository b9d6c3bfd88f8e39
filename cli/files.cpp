#include "cli/files.h"

#include <algorithm>
#include <filesystem>

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
  return out;
}

std::vector<std::string> shard(const std::vector<std::string>& files, int k, int n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < files.size(); ++i)
    if (static_cast<int>(i % static_cast<size_t>(n)) == k - 1) out.push_back(files[i]);
  return out;
}

}  // namespace gevinst::cli
