// Running independent jobs on a few threads, results in input order.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace gevinst::cli {

/// Number of worker threads: `requested` if > 0, else the hardware's.
inline int thread_count(int requested) {
  if (requested > 0) return requested;
  unsigned h = std::thread::hardware_concurrency();
  return h ? static_cast<int>(h) : 1;
}

/// Calls job(i) for i in [0, n) on `threads` threads; each index once.
/// `done` (if set) is called from the calling thread with the count finished.
inline void parallel_for(size_t n, int threads, const std::function<void(size_t)>& job,
                         const std::function<void(size_t)>& done = {}) {
  std::atomic<size_t> next{0}, finished{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) {
      job(i);
      ++finished;
    }
  };
  int t = std::max(1, std::min<int>(threads, static_cast<int>(n)));
  std::vector<std::thread> pool;
  // With progress to report, the calling thread only watches; otherwise it works too.
  for (int i = done ? 0 : 1; i < t; ++i) pool.emplace_back(worker);
  if (done) {
    while (finished.load() < n) {
      done(finished.load());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  } else {
    worker();
  }
  for (auto& th : pool) th.join();
  if (done) done(n);
}

}  // namespace gevinst::cli
