#include "libeval/case_files.h"

#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "libeval/digest.h"
#include "libeval/portfolio_file.h"

namespace gevinst {

std::vector<std::string> expand_paths(const std::vector<std::string>& paths) {
  return expand_paths(paths, ScanOptions{});
}

namespace {
bool is_case_extension(std::string ext) {
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".yaml" || ext == ".yml";
}
bool excluded(const std::filesystem::path& rel, const ScanOptions& opt) {
  std::string r = rel.generic_string();
  for (const auto& g : opt.exclude)
    if (::fnmatch(g.c_str(), r.c_str(), 0) == 0) return true;
  return false;
}
}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, const ScanOptions& opt,
                                      std::vector<std::string>* notes) {
  namespace fs = std::filesystem;
  // One entry per file: `cases ./cases` or a symlinked directory name the
  // same file twice; the spelling of the first argument that reaches it is
  // kept (so a command's --include by that path still matches).
  std::set<std::string> seen;
  std::vector<std::string> out;
  auto add = [&](std::string f) {
    std::error_code ec;
    std::string key = f == "-" ? f : fs::weakly_canonical(f, ec).string();
    if (ec) key = f;
    if (seen.insert(key).second) out.push_back(std::move(f));
  };
  auto say = [&](std::string s) {
    if (notes) notes->push_back(std::move(s));
  };
  for (const auto& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const fs::path& path = it->path();
        const fs::path rel = path.lexically_relative(p);
        if (it->is_symlink(ec)) {
          std::error_code tec;
          if (!fs::exists(path, tec)) {
            if (is_case_extension(path.extension().string()) && !excluded(rel, opt))
              say(fmt::format("{} is a symbolic link to nothing (its target does not exist); skipped",
                              path.string()));
            continue;
          }
          if (fs::is_directory(path, tec)) {
            if (!excluded(rel, opt))
              say(fmt::format("{} is a link to a folder; folder links are not followed", path.string()));
            continue;
          }
        } else if (it->is_directory(ec)) {
          const std::string name = path.filename().string();
          if ((!name.empty() && name[0] == '.') || name == "node_modules" || excluded(rel, opt))
            it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(ec)) continue;
        if (is_case_extension(path.extension().string()) && !excluded(rel, opt))
          found.push_back(path.string());
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

std::vector<std::pair<size_t, size_t>> duplicate_ids(const std::vector<std::string>& ids) {
  std::map<std::string_view, size_t> first;
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i].empty()) continue;
    auto [it, fresh] = first.emplace(ids[i], i);
    if (!fresh) out.emplace_back(it->second, i);
  }
  return out;
}

std::vector<std::string> shard(const std::vector<std::string>& files, int k, int n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < files.size(); ++i)
    if (static_cast<int>(i % static_cast<size_t>(n)) == k - 1) out.push_back(files[i]);
  return out;
}

std::string_view CaseFile::source_of(const Diagnostic& d) const {
  if (d.file == path) return source;
  if (rollout && !rollout->solution_source.empty()) return rollout->solution_source;
  if (actuals && !actuals->case_source.empty()) return actuals->case_source;
  return {};
}

namespace {
void take(CaseFile& f, const Diagnostics& d) {
  f.diags = d.all();
  f.errors = d.error_count();
  f.warnings = d.warning_count();
}
}  // namespace

CaseFile read_case_file(const std::string& path, const CaseFileOptions& opt) {
  const std::string name = path == "-" ? "<stdin>" : path;
  Diagnostics d(name);
  auto text = read_file_text(path, d, LoadOptions{}.limits.max_bytes);
  if (!text) {
    CaseFile f;
    f.path = name;
    take(f, d);
    return f;
  }
  return case_file_from_text(std::move(*text), name, opt);
}

CaseFile case_file_from_text(std::string text, const std::string& path, const CaseFileOptions& opt) {
  CaseFile f;
  f.path = path;
  f.sha256 = sha256_hex(text);
  LoadOptions lo;
  lo.lints = opt.lints;
  f.kind = sniff_document_kind(text);
  if (f.kind == DocumentKind::actuals_v1 ||
      (f.kind == DocumentKind::unknown && opt.unknown_as == DocumentKind::actuals_v1)) {
    if (opt.load_actuals) {
      ActualsLoadResult r = load_actuals_text(text, f.path, lo);
      take(f, r.diags);
      f.source = r.source;
      f.actuals = std::move(r);
    } else {
      f.source = std::move(text);
    }
    return f;
  }
  if (f.kind == DocumentKind::portfolio_v1) {
    if (opt.load_portfolios) {
      PortfolioLoadResult r = load_portfolio_text(text, f.path, lo);
      take(f, r.diags);
      f.source = r.source;
    } else {
      f.source = std::move(text);
    }
    return f;
  }
  const bool rollout = f.kind == DocumentKind::rollout_v1 ||
                       (f.kind == DocumentKind::unknown && opt.unknown_as == DocumentKind::rollout_v1);
  if (rollout) {
    if (opt.load_rollouts) {
      RolloutLoadResult r = load_rollout_text(text, f.path, lo);
      take(f, r.diags);
      f.source = r.source;
      f.rollout = std::move(r);
    } else {
      f.source = std::move(text);
    }
    return f;
  }
  LoadResult r = load_case_text(text, f.path, lo);
  take(f, r.diags);
  f.source = std::move(r.source);
  f.model = std::move(r.model);
  if (f.errors > 0) f.model.reset();
  return f;
}

}  // namespace gevinst
