// Interleave engine — the OS threads a run's workers run on, kept and reused (an internal
// header: Runtime::Impl owns one; spawn_worker and WorkerThread use it).
//
// Why: in the browser (Emscripten 3.1.6) a thread created by another thread does not start until
// the page's main thread hands it a Web Worker, between two frames: 17-36 ms under load, so a
// Python `Thread.start()` looked slow and staggered starts that CPython makes in microseconds
// (issue #8 item 8). Threads started ahead, by Run::start on the page's main thread, and kept
// parked for the run, start a worker with a notify instead. Natively the same path runs (so the
// sanitizer suites test it), where it only saves the thread creation.
//
//   ThreadCache c;
//   c.prestart(8);                 // caller's thread; best effort
//   auto job = c.run([]{ ... });   // a parked thread runs it, or a new one
//   c.wait(*job);                  // until the function has returned (a brief OS wait)
//   c.close_and_join();            // when no job is running any more (the run's end)
//
// A reused thread keeps its thread_locals and its OS CPU clock: WorkerScope measures CPU time
// from its own start (WorkerContext::cpu_base_), and engine thread_locals are scoped (t_ctx,
// the asyncio loop) or meant to outlive a worker (the slab allocator's current slab).
// Thread safety: every member may be called from any thread, except close_and_join (once, when
// every job has ended) and the destructor.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace interleave::engine {

class ThreadCache {
  public:
    struct Job {
        std::function<void()> fn;  // must not throw; destroyed on its thread before `done`
        bool done = false;         // guarded by the cache's mutex
    };

    ThreadCache() = default;
    ThreadCache(const ThreadCache&) = delete;
    ThreadCache& operator=(const ThreadCache&) = delete;
    ~ThreadCache();  // close_and_join()

    // Starts up to `n` parked threads (fewer when the OS or the browser's pool says no; never
    // throws). Cost: one thread creation each.
    void prestart(size_t n) noexcept;
    // Runs `fn` on a parked thread (a notify) or, when none is parked, on a new thread.
    // Throws std::system_error when no thread could be started (the job was not queued).
    std::shared_ptr<Job> run(std::function<void()> fn);
    // Blocks (an OS wait) until `job`'s function has returned and been destroyed.
    void wait(const Job& job);
    // Parked threads exit; every thread is joined. Jobs still queued run first.
    void close_and_join() noexcept;

    size_t threads() const;  // OS threads started so far (tests)

  private:
    void park_loop();

    mutable std::mutex mu_;
    std::condition_variable work_cv_;  // idle threads wait for a job or closing_
    std::condition_variable done_cv_;  // a job finished
    std::deque<std::shared_ptr<Job>> queue_;
    size_t idle_ = 0;  // threads started and not running a job (parked, or not parked yet)
    bool closing_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace interleave::engine
