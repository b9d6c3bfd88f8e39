// Expanding command-line paths into case files.
#pragma once

#include <string>
#include <vector>

namespace gevinst::cli {

/// Files named directly are kept as given; directories are searched
/// recursively for *.yaml and *.yml. The result is sorted by path and
/// free of duplicates (also of two spellings of one file, compared by
/// canonical path), so every run sees the same order.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths);

/// A stable shard: keeps files whose index in the sorted list i satisfies
/// i % n == k - 1 (k in 1..n). The union over k = 1..n is the whole list.
std::vector<std::string> shard(const std::vector<std::string>& files, int k, int n);

}  // namespace gevinst::cli
