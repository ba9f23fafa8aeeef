// Interleave engine — executors (see executor.hpp): the shared work queue and its workers.
#include "engine/executor.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "engine/gil.hpp"
#include "engine/machine.hpp"
#include "engine/process.hpp"
#include "engine/runtime.hpp"

namespace interleave::engine::detail {

SerialisingScope::SerialisingScope() {
    Runtime::current().set_state(WorkerState::serialising);
}
SerialisingScope::~SerialisingScope() {
    Runtime::current().set_state(WorkerState::running);
}

uint32_t run_serial(Runtime& rt, const char* key) {
    return rt.next_serial(key);
}

namespace {
thread_local const ExecutorCore* tl_pool = nullptr;  // the pool the calling worker belongs to
}  // namespace

class ExecutorCore : public std::enable_shared_from_this<ExecutorCore> {
  public:
    ExecutorCore(Runtime& rt, PoolKind kind, int max_workers, std::string prefix)
        : rt_(rt), kind_(kind), max_workers_(max_workers), prefix_(std::move(prefix)) {}

    ~ExecutorCore() {
        // Only reached once every worker ended (they hold a reference), so the queue is ours.
        while (head_) {
            FutureCore* f = pop_locked();
            f->cancel();
            f->release();
        }
    }

    void submit(FutureCore* item) {
        try {
            rt_.checkpoint();  // the eval loop's check: stop, and the GIL's drop request
        } catch (...) {
            item->release();
            throw;
        }
        std::unique_lock<std::mutex> lk(m_);
        if (shutdown_) {
            lk.unlock();
            item->release();
            throw ExecutorShutdown("cannot schedule new futures after shutdown");
        }
        item->index_ = next_index_++;
        item->runtime_ = &rt_;
        item->next_ = nullptr;
        if (tail_)
            tail_->next_ = item;
        else
            head_ = item;
        tail_ = item;
        // Written only under m_: a plain store, not an RMW (spinners only read it).
        queued_.store(queued_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        // Each sleeping worker is notified once: a burst of submits does not notify again one
        // already woken (waiting for the GIL, say). A woken worker that leaves work behind
        // wakes the next sleeper (below), so no item waits while a worker sleeps.
        const bool wake = sleepers_ > waking_;
        waking_ += wake;
        int spawn = 0;
        if (kind_ == PoolKind::threads) {
            // CPython's _adjust_thread_count: reuse an idle worker, else start one.
            if (idle_tokens_ > 0)
                --idle_tokens_;
            else if (started_ < max_workers_)
                spawn = 1;
        } else if (started_ == 0) {
            spawn = max_workers_;  // fork start method: the whole pool at the first submit
        }
        const int first = started_;
        started_ += spawn;
        live_ += spawn;
        lk.unlock();
        // Waking only when a worker sleeps keeps the fast path free of futex calls.
        if (wake) cv_.notify_one();
        for (int i = 0; i < spawn; ++i) start_worker(first + i);
    }

    void shutdown(bool wait, bool cancel_futures) {
        FutureCore* cancelled = nullptr;
        {
            std::lock_guard<std::mutex> g(m_);
            shutdown_ = true;
            if (cancel_futures) {
                cancelled = head_;
                head_ = tail_ = nullptr;
                queued_.store(0, std::memory_order_relaxed);
            }
        }
        cv_.notify_all();
        while (cancelled) {
            FutureCore* next = cancelled->next_;
            cancelled->cancel();
            cancelled->release();
            cancelled = next;
        }
        if (!wait) return;
        if (tl_pool == this)
            throw std::logic_error("shutdown(wait=true) from the pool's own worker would deadlock");
        {
            std::unique_lock<std::mutex> lk(m_);
            const std::string what =
                std::string(kind_ == PoolKind::threads ? "ThreadPoolExecutor"
                                                       : "ProcessPoolExecutor") +
                ".shutdown()";
            rt_.block_until(lk, exit_cv_, WorkerState::lock_wait, WaitTarget{what, {}}, -1,
                            [this] { return live_ == 0; });
        }
        join_threads();
    }

    void destroy() noexcept {
        // When the run is stopping, skip the blocking wait (it would only throw RunStopped):
        // throwing inside a destructor that runs during unwinding corrupts the in-flight
        // exception under Emscripten's JS exception handling.
        if (!rt_.stop_requested()) {
            try {
                shutdown(true, false);
                return;
            } catch (...) {
                // Stopping (RunStopped) or misuse: the workers see the stop within 100 ms; a plain
                // join is then bounded.
            }
        }
        {
            std::lock_guard<std::mutex> g(m_);
            shutdown_ = true;
        }
        cv_.notify_all();
        join_threads();
    }

    int max_workers() const { return max_workers_; }

  private:
    static void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
    }

    FutureCore* pop_locked() {
        queued_.store(queued_.load(std::memory_order_relaxed) - 1, std::memory_order_relaxed);
        FutureCore* f = head_;
        head_ = f->next_;
        if (!head_) tail_ = nullptr;
        f->next_ = nullptr;
        return f;
    }

    void join_threads() {
        std::vector<std::thread> ts;
        {
            std::lock_guard<std::mutex> g(m_);
            ts.swap(threads_);
        }
        for (auto& t : ts)
            if (t.joinable()) t.join();
    }

    void start_worker(int index) {
        std::string name;
        uint16_t process = 0;
        if (kind_ == PoolKind::threads) {
            name = prefix_ + "_" + std::to_string(index);
            if (auto* ctx = current_worker()) process = ctx->process;
        } else {
            process = rt_.new_process();
            name = "ForkProcess-" + std::to_string(process_serial(rt_));
        }
        try {
            // Announced before the thread exists, so a result() racing its start-up is never
            // taken for a deadlock.
            rt_.announce_worker();
            std::thread t([self = shared_from_this(), name = std::move(name), process]() mutable {
                self->worker_main(std::move(name), process);
            });
            std::lock_guard<std::mutex> g(m_);
            threads_.push_back(std::move(t));
        } catch (...) {
            std::lock_guard<std::mutex> g(m_);
            --live_;
            exit_cv_.notify_all();
            throw;
        }
    }

    void worker_main(std::string name, uint16_t process) {
        tl_pool = this;
        {
            WorkerScope scope(
                rt_, name,
                kind_ == PoolKind::threads ? WorkerKind::pool_thread : WorkerKind::pool_process,
                process, /*announced=*/true);
            try {
                if (kind_ == PoolKind::threads) {
                    work_loop(scope.context());
                } else {
                    ProcessImage image = start_process_image(rt_);  // fork/spawn's real cost
                    work_loop(scope.context());
                }
            } catch (const RunStopped&) {
            } catch (const std::exception& e) {
                rt_.notice("Exception in " + name + ": " + e.what());
            } catch (...) {
                rt_.notice("Exception in " + name);
            }
            // Still a worker of the run here: the deadlock detector must never see shutdown()
            // waiting on a count that only a non-worker thread could still change.
            {
                std::lock_guard<std::mutex> g(m_);
                --live_;
            }
            exit_cv_.notify_all();
        }
        tl_pool = nullptr;
    }

    void work_loop(WorkerContext& ctx) {
        const std::string what =
            std::string(kind_ == PoolKind::threads ? "ThreadPoolExecutor" : "ProcessPoolExecutor") +
            " work queue";
        // The span of the last item stays open until the next begins (one clock read for
        // both) or the worker goes idle.
        bool span_open = false;
        std::unique_lock<std::mutex> lk(m_);
        for (;;) {
            if (!head_) {
                if (span_open) {
                    rt_.end_task();
                    span_open = false;
                }
                if (shutdown_) return;
                // Free-threaded only: spin briefly (state idle) before parking, so a burst of
                // submits costs no futex wake per item. Bounded (~50 µs) and yielding. Under the
                // GIL a spinner would have to re-take the GIL before parking, stealing turns
                // from busy threads, so it parks at once (as CPython's workers do).
                if (!ctx.gil) {
                    lk.unlock();
                    {
                        GilReleased idle(WorkerState::idle);
                        for (int i = 0; i < kSpinRounds && !queued_.load(std::memory_order_relaxed);
                             ++i) {
                            if ((i & 15) == 15)
                                std::this_thread::yield();
                            else
                                cpu_relax();
                        }
                    }
                    rt_.check_stop();
                    lk.lock();
                    if (head_ || shutdown_) continue;
                }
                ++sleepers_;
                try {
                    rt_.block_until(lk, cv_, WorkerState::idle, WaitTarget{what, {}}, -1,
                                    [this] { return head_ != nullptr || shutdown_; });
                } catch (...) {
                    if (!lk.owns_lock()) lk.lock();  // block_until may throw unlocked
                    --sleepers_;
                    waking_ = std::min(waking_, sleepers_);
                    throw;
                }
                --sleepers_;
                if (waking_ > 0) --waking_;  // it returns only with work or shutdown: woken
                continue;
            }
            FutureCore* item = pop_locked();
            const bool wake_next = head_ && sleepers_ > waking_;
            waking_ += wake_next;
            lk.unlock();
            if (wake_next) cv_.notify_one();
            Ref<FutureCore> hold(item);  // the queue's reference, released after the run
            run_item(ctx, *item, span_open);
            lk.lock();
            if (kind_ == PoolKind::threads) ++idle_tokens_;
        }
    }

    // Runs one item as a traced task. `span_open`: the previous item's span is still open
    // (closed here, or switched to this item's).
    void run_item(WorkerContext& ctx, FutureCore& item, bool& span_open) {
        // The eval loop's periodic check between work items: stop, and the GIL's drop request.
        // A worker about to wait for the GIL closes its span first: it is no longer running it.
        rt_.check_stop();
        if (ctx.gil && ctx.gil->drop_requested()) {
            if (span_open) rt_.end_task();
            span_open = false;
            if (!ctx.gil->check(ctx)) throw RunStopped{};
        }
        if (!item.set_running_or_notify_cancel()) return;
        item.worker_.store(ctx.worker + 1u, std::memory_order_relaxed);
        uint32_t task;
        try {
            task = rt_.new_task(task_prefix_, item.index_);  // "Task <index>", formatted on read
        } catch (...) {
            item.set_exception(std::current_exception());
            throw;
        }
        if (span_open)
            rt_.switch_task(task);
        else
            rt_.begin_task(task);
        span_open = true;  // a throw from run() leaves it to WorkerScope, which closes it
        item.run();
    }

    Runtime& rt_;
    const uint32_t task_prefix_ = rt_.task_prefix("Task ");  // engine-perf: interned once
    const PoolKind kind_;
    const int max_workers_;
    const std::string prefix_;

    std::mutex m_;
    std::condition_variable cv_;       // work queued or shutdown
    std::condition_variable exit_cv_;  // a worker ended
    static constexpr int kSpinRounds = 256;
    FutureCore* head_ = nullptr;     // queue: each node holds one reference
    std::atomic<size_t> queued_{0};  // queue length, read without m_ by spinning workers
    FutureCore* tail_ = nullptr;
    uint32_t next_index_ = 0;
    int idle_tokens_ = 0;  // CPython's _idle_semaphore
    int sleepers_ = 0;     // workers blocked on cv_
    int waking_ = 0;       // of those, notified and not yet running
    int started_ = 0;
    int live_ = 0;
    bool shutdown_ = false;
    std::vector<std::thread> threads_;
};

std::shared_ptr<ExecutorCore> make_executor(PoolKind kind, int max_workers, std::string prefix) {
    Runtime& rt = Runtime::current();
    const int cores = static_cast<int>(rt.machine().cpu_count());  // the run's, not the host's
    if (kind == PoolKind::threads) {
        if (max_workers <= 0) max_workers = std::min(32, cores + 4);
        // CPython increments its counter for every executor, prefix or not.
        const uint32_t n = run_serial(rt, "ThreadPoolExecutor");
        if (prefix.empty()) prefix = "ThreadPoolExecutor-" + std::to_string(n);
    } else if (max_workers <= 0) {
        max_workers = cores;
    }
    return std::make_shared<ExecutorCore>(rt, kind, max_workers, std::move(prefix));
}

void executor_submit(ExecutorCore& core, FutureCore* item) {
    core.submit(item);
}
void executor_shutdown(ExecutorCore& core, bool wait, bool cancel_futures) {
    core.shutdown(wait, cancel_futures);
}
void executor_destroy(ExecutorCore& core) noexcept {
    core.destroy();
}
int executor_max_workers(const ExecutorCore& core) {
    return core.max_workers();
}

}  // namespace interleave::engine::detail
