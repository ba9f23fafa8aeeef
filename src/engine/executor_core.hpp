// Interleave engine — the type-erased executor: one work queue and its workers, shared by
// ThreadPoolExecutor / ProcessPoolExecutor (executor.hpp, templates on top) and by the
// interpreter's concurrent.futures and multiprocessing.Pool (PYTHON.md §9).
//
//   auto ex = ExecutorCore::create(PoolOptions{PoolKind::threads, 4});
//   ex->submit(item);                 // a detail::FutureCore subclass; run() does the work
//   ex->shutdown(/*wait=*/true);      // Python's shutdown(wait, cancel_futures)
//
// Workers (CPython 3.11's concurrent.futures/thread.py and process.py):
//   threads ✓: "ThreadPoolExecutor-<N>_<i>" (or "<thread_name_prefix>_<i>"), started on demand up
//     to max_workers (default min(32, cores + 4)), an idle worker reused first
//     (_adjust_thread_count); each item is a traced task "Task <submit index>".
//   processes ✓: each worker is a simulated process (own GIL) named "ForkProcess-<N>"; all
//     max_workers (default: the run's cores) start at the first submit and pay a process start
//     (state `starting`). An item runs in the worker process: what it shares with the
//     submitter is what it pickled (executor.hpp's ProcessCallItem; the interpreter's own).
//   initializer ✓: runs first on every worker (in its process); if it raises, the pool is
//     broken: CPython's BrokenThreadPool("A thread initializer failed, the thread pool is not
//     usable anymore") / BrokenProcessPool("A process in the process pool was terminated
//     abruptly while the future was running or pending.").
//   broken-pool detection ✓: a process worker that dies (initializer failure, terminate/kill
//     of its process, an exception escaping the worker) breaks the pool: every pending future
//     fails with BrokenProcessPool and submit() raises it.
//   max_tasks_per_child ✗.
// Idle workers block in block_until (state `idle`), so a run waiting on futures nobody can
// finish is reported as a deadlock. Costs: one lock and no allocation per submit (the item is
// the future's own allocation); a sleeping worker is woken at most once per burst.
//
// Thread-safety: every member from any worker of the run that created it. Lifetime: shared;
// workers hold a reference, so it outlives its last worker. The owner calls shutdown() or,
// from a finaliser that must not block, detach().
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/future.hpp"
#include "engine/runtime.hpp"
#include "engine/thread.hpp"

namespace interleave::engine {

// Raised by submit() after shutdown() (Python: RuntimeError "cannot schedule new futures after
// shutdown").
struct ExecutorShutdown : RuntimeError {
    using RuntimeError::RuntimeError;
};
// concurrent.futures.BrokenExecutor and its two kinds.
struct BrokenExecutor : RuntimeError {
    using RuntimeError::RuntimeError;
};
struct BrokenThreadPool : BrokenExecutor {
    using BrokenExecutor::BrokenExecutor;
};
struct BrokenProcessPool : BrokenExecutor {
    using BrokenExecutor::BrokenExecutor;
};

enum class PoolKind : uint8_t { threads, processes };

struct PoolOptions {
    PoolKind kind = PoolKind::threads;
    int max_workers = 0;             // <= 0: CPython's default (see above), from the run's cores
    std::string thread_name_prefix;  // threads only: replaces "ThreadPoolExecutor-<N>"
    // Runs first on every worker (processes: inside the worker process, after its start-up);
    // initargs are captured by it. An exception breaks the pool (see above).
    std::function<void()> initializer;
};

class ExecutorCore : public std::enable_shared_from_this<ExecutorCore> {
  public:
    // Makes an executor of the calling worker's run. Must be called on a run worker.
    static std::shared_ptr<ExecutorCore> create(PoolOptions options);
    ~ExecutorCore();
    ExecutorCore(const ExecutorCore&) = delete;
    ExecutorCore& operator=(const ExecutorCore&) = delete;

    // Queues `item` (takes over one reference) and starts a worker if none is idle. A
    // checkpoint first (stop, the GIL's drop request). Throws ExecutorShutdown after shutdown(),
    // BrokenThreadPool/BrokenProcessPool once broken (the item is released, never run).
    void submit(detail::FutureCore* item);
    // Python's shutdown(wait=True, cancel_futures=False). With wait, blocks (block_until) until
    // every worker has ended; queued work still runs unless cancel_futures, which cancels every
    // future that has not started. Idempotent. From one of its own workers, wait=true raises
    // std::logic_error instead of deadlocking (as BS::thread_pool does).
    void shutdown(bool wait = true, bool cancel_futures = false);
    // shutdown(wait=false) that hands the workers' OS threads to the run (joined at its end):
    // never blocks, never throws. For finalisers.
    void detach() noexcept;
    // shutdown(wait=true) that never throws (and, when the run is stopping, does not wait
    // through block_until). For RAII owners such as ThreadPoolExecutor's destructor.
    void close() noexcept;

    int max_workers() const { return max_workers_; }
    PoolKind kind() const { return kind_; }
    bool broken() const { return broken_.load(std::memory_order_acquire); }
    Runtime& runtime() const { return rt_; }

  private:
    ExecutorCore(Runtime& rt, PoolOptions options);
    detail::FutureCore* pop_locked();
    void start_worker(int index);
    void worker_body(std::string name);
    void work_loop(WorkerContext& ctx);
    void run_item(WorkerContext& ctx, detail::FutureCore& item, bool& span_open);
    void set_broken(const char* why);
    bool on_own_worker() const;  // m_ held
    void join_threads(bool detach);

    Runtime& rt_;
    const PoolKind kind_;
    const int max_workers_;
    const std::string prefix_;
    const std::function<void()> initializer_;
    const uint32_t task_prefix_;

    std::mutex m_;
    WaitCv cv_;       // work queued or shutdown
    WaitCv exit_cv_;  // a worker ended
    static constexpr int kSpinRounds = 256;
    detail::FutureCore* head_ = nullptr;  // queue: each node holds one reference
    detail::FutureCore* tail_ = nullptr;
    std::atomic<size_t> queued_{0};  // queue length, read without m_ by spinning workers
    uint32_t next_index_ = 0;
    int idle_tokens_ = 0;  // CPython's _idle_semaphore
    int sleepers_ = 0;     // workers blocked on cv_
    int waking_ = 0;       // of those, notified and not yet running
    int started_ = 0;
    int live_ = 0;
    bool shutdown_ = false;
    bool detached_ = false;
    std::atomic<bool> broken_{false};
    std::string broken_why_;
    std::vector<WorkerThread> threads_;
};

}  // namespace interleave::engine
