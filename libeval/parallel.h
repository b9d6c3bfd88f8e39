// The one thread pool: independent jobs on a few threads, with progress,
// and (parallel_ordered) results handed on in input order. Used by
// simulate, batch, validate and portfolio.
//
//   parallel_for(files.size(), {.threads = 2}, [&](size_t, size_t i) { out[i] = check(files[i]); });
//   parallel_ordered<Record>(n, {}, [&](size_t i) { return evaluate(i); },
//                            [&](size_t i, Record&& r) { write(r); });   // i = 0, 1, 2, ...
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

namespace gevinst {

/// Number of worker threads: `requested` if > 0, else the hardware's (at least 1).
int thread_count(int requested);

struct PoolOptions {
  int threads = 0;  ///< 0 = all cores
  /// Called from the calling thread about every 50 ms with the number of
  /// jobs finished, and once at the end with the total.
  std::function<void(std::size_t done)> progress;
};

/// Calls job(worker, i) for every i in [0, n), each exactly once, on
/// min(thread_count(threads), n) workers; `worker` in [0, workers) lets a
/// job keep per-thread scratch. Returns the number of workers used.
/// Jobs must not throw.
int parallel_for(std::size_t n, const PoolOptions& opt,
                 const std::function<void(std::size_t, std::size_t)>& job);

/// Runs job(i) for every i in [0, n) on the pool and hands the results to
/// sink(i, result) on the calling thread in index order, as soon as a result
/// and all before it are done. Workers run at most 32 results per thread
/// ahead of the sink, so memory stays flat for any n. Jobs must not throw.
template <class R>
void parallel_ordered(std::size_t n, const PoolOptions& opt, const std::function<R(std::size_t)>& job,
                      const std::function<void(std::size_t, R&&)>& sink);

// ---- implementation ----

namespace detail {
/// Starts `workers` threads running `work` and joins them when `watch`
/// (run on the calling thread meanwhile) returns.
void run_workers(int workers, const std::function<void()>& work, const std::function<void()>& watch);
}  // namespace detail

template <class R>
void parallel_ordered(std::size_t n, const PoolOptions& opt, const std::function<R(std::size_t)>& job,
                      const std::function<void(std::size_t, R&&)>& sink) {
  if (n == 0) return;
  const int workers =
      static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(thread_count(opt.threads)), n));
  const std::size_t window = static_cast<std::size_t>(workers) * 32;
  std::vector<std::optional<R>> ring(window);
  std::mutex m;
  std::condition_variable ready, space;
  std::size_t written = 0, next = 0;
  auto work = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(m);
        if (next >= n) return;
        i = next++;
        space.wait(lock, [&] { return i < written + window; });
      }
      R r = job(i);
      {
        std::lock_guard lock(m);
        ring[i % window] = std::move(r);
      }
      ready.notify_all();
    }
  };
  auto watch = [&] {
    for (std::size_t k = 0; k < n; ++k) {
      std::optional<R> r;
      {
        std::unique_lock lock(m);
        while (!ring[k % window]) {
          ready.wait_for(lock, std::chrono::milliseconds(50));
          if (!ring[k % window] && opt.progress) {
            lock.unlock();
            opt.progress(k);
            lock.lock();
          }
        }
        r = std::move(ring[k % window]);
        ring[k % window].reset();
        written = k + 1;
      }
      space.notify_all();
      sink(k, std::move(*r));
      if (opt.progress) opt.progress(k + 1);
    }
  };
  detail::run_workers(workers, work, watch);
}

}  // namespace gevinst
