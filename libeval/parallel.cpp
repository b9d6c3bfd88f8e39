#include "libeval/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace gevinst {

int thread_count(int requested) {
  if (requested > 0) return requested;
  unsigned h = std::thread::hardware_concurrency();
  return h ? static_cast<int>(h) : 1;
}

namespace detail {
void run_workers(int workers, const std::function<void()>& work, const std::function<void()>& watch) {
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(workers));
  for (int i = 0; i < workers; ++i) pool.emplace_back(work);
  watch();
  for (auto& t : pool) t.join();
}
}  // namespace detail

int parallel_for(std::size_t n, const PoolOptions& opt,
                 const std::function<void(std::size_t, std::size_t)>& job) {
  if (n == 0) return 0;
  const int workers =
      static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(thread_count(opt.threads)), n));
  std::atomic<std::size_t> next{0}, finished{0};
  std::atomic<int> ids{0};
  auto work = [&] {
    const auto w = static_cast<std::size_t>(ids++);
    for (std::size_t i = next++; i < n; i = next++) {
      job(w, i);
      ++finished;
    }
  };
  auto watch = [&] {
    if (!opt.progress) return;
    while (finished.load() < n) {
      opt.progress(finished.load());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  };
  detail::run_workers(workers, work, watch);
  if (opt.progress) opt.progress(n);
  return workers;
}

}  // namespace gevinst
