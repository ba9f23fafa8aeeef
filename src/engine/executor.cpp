// Interleave engine — executors (executor_core.hpp): the shared work queue and its workers.
#include "engine/executor.hpp"

#include <algorithm>
#include <atomic>
#include <system_error>

#include "engine/gil.hpp"
#include "engine/machine.hpp"
#include "engine/process.hpp"
#include "engine/runtime.hpp"

namespace interleave::engine {

namespace detail {
SerialisingScope::SerialisingScope() {
    Runtime::current().set_state(WorkerState::serialising);
}
SerialisingScope::~SerialisingScope() {
    Runtime::current().set_state(WorkerState::running);
}
}  // namespace detail

using detail::FutureCore;
using detail::Ref;

namespace {
constexpr const char* kBrokenThreads =
    "A thread initializer failed, the thread pool is not usable anymore";
constexpr const char* kBrokenProcesses =
    "A process in the process pool was terminated abruptly while the future was running or "
    "pending.";

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}
}  // namespace

std::shared_ptr<ExecutorCore> ExecutorCore::create(PoolOptions o) {
    Runtime& rt = Runtime::current();
    const int cores = static_cast<int>(rt.machine().cpu_count());  // the run's, not the host's
    if (o.kind == PoolKind::threads) {
        if (o.max_workers <= 0) o.max_workers = std::min(32, cores + 4);
        // CPython increments its counter for every executor, prefix or not.
        const uint32_t n = rt.next_serial("ThreadPoolExecutor");
        if (o.thread_name_prefix.empty())
            o.thread_name_prefix = "ThreadPoolExecutor-" + std::to_string(n);
    } else if (o.max_workers <= 0) {
        o.max_workers = cores;
    }
    return std::shared_ptr<ExecutorCore>(new ExecutorCore(rt, std::move(o)));
}

ExecutorCore::ExecutorCore(Runtime& rt, PoolOptions o)
    : rt_(rt),
      kind_(o.kind),
      max_workers_(o.max_workers),
      prefix_(std::move(o.thread_name_prefix)),
      initializer_(std::move(o.initializer)),
      task_prefix_(rt.task_prefix("Task ")) {}

ExecutorCore::~ExecutorCore() {
    // Only reached once every worker ended (they hold a reference), so the queue is ours.
    while (head_) {
        FutureCore* f = pop_locked();
        f->cancel();
        f->release();
    }
}

FutureCore* ExecutorCore::pop_locked() {
    queued_.store(queued_.load(std::memory_order_relaxed) - 1, std::memory_order_relaxed);
    FutureCore* f = head_;
    head_ = f->next_;
    if (!head_) tail_ = nullptr;
    f->next_ = nullptr;
    return f;
}

void ExecutorCore::submit(FutureCore* item) {
    try {
        rt_.checkpoint();  // the eval loop's check: stop, and the GIL's drop request
    } catch (...) {
        item->release();
        throw;
    }
    std::unique_lock<std::mutex> lk(m_);
    if (broken_.load(std::memory_order_relaxed)) {
        const std::string why = broken_why_;
        lk.unlock();
        item->release();
        if (kind_ == PoolKind::threads) throw BrokenThreadPool(why);
        throw BrokenProcessPool(why);
    }
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
    // already woken (waiting for the GIL, say). A woken worker that leaves work behind wakes the
    // next sleeper (work_loop), so no item waits while a worker sleeps.
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

void ExecutorCore::start_worker(int index) {
    std::string name;
    uint16_t process = 0;
    if (kind_ == PoolKind::threads) {
        name = prefix_ + "_" + std::to_string(index);
        if (auto* ctx = current_worker()) process = ctx->process();
    } else {
        process = rt_.new_process();
        name = "ForkProcess-" + std::to_string(process_serial(rt_));
    }
    try {
        WorkerThread t = rt_.spawn_worker(
            name, kind_ == PoolKind::threads ? WorkerKind::pool_thread : WorkerKind::pool_process,
            process, [self = shared_from_this(), name] { self->worker_body(name); });
        std::lock_guard<std::mutex> g(m_);
        threads_.push_back(std::move(t));
    } catch (const std::system_error&) {
        {
            std::lock_guard<std::mutex> g(m_);
            --live_;
        }
        exit_cv_.notify_all();
        throw RuntimeError("can't start new thread");
    }
}

void ExecutorCore::worker_body(std::string name) {
    WorkerContext& ctx = *current_worker();
    // Still a worker of the run here, whatever happens: the deadlock detector must never see
    // shutdown() waiting on a count that only a non-worker thread could still change.
    struct Exit {
        ExecutorCore& self;
        ~Exit() {
            {
                std::lock_guard<std::mutex> g(self.m_);
                --self.live_;
            }
            self.exit_cv_.notify_all();
        }
    } exit{*this};
    ProcessImage image;  // a process worker's memory, for its whole life
    try {
        if (kind_ == PoolKind::processes) image = start_process_image(rt_);
        if (initializer_) {
            try {
                initializer_();
            } catch (const RunStopped&) {
                throw;
            } catch (const std::exception& e) {
                rt_.notice("Exception in initializer of " + name + ": " + e.what());
                set_broken(kind_ == PoolKind::threads ? kBrokenThreads : kBrokenProcesses);
                return;
            }
        }
        work_loop(ctx);
    } catch (const RunStopped&) {
        // A pool process terminated while the run goes on breaks the pool (CPython's
        // BrokenProcessPool); a stopping run just ends.
        if (kind_ == PoolKind::processes && !rt_.run_stopping()) set_broken(kBrokenProcesses);
        throw;
    }
}

void ExecutorCore::set_broken(const char* why) {
    FutureCore* pending = nullptr;
    {
        std::lock_guard<std::mutex> g(m_);
        if (!broken_.exchange(true, std::memory_order_acq_rel)) broken_why_ = why;
        pending = head_;
        head_ = tail_ = nullptr;
        queued_.store(0, std::memory_order_relaxed);
    }
    cv_.notify_all();  // idle workers leave
    const auto error = kind_ == PoolKind::threads
                           ? std::make_exception_ptr(BrokenThreadPool(why))
                           : std::make_exception_ptr(BrokenProcessPool(why));
    while (pending) {
        FutureCore* next = pending->next_;
        if (pending->set_running_or_notify_cancel()) pending->set_exception(error);
        pending->release();
        pending = next;
    }
}

void ExecutorCore::shutdown(bool wait, bool cancel_futures) {
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
    {
        std::unique_lock<std::mutex> lk(m_);
        if (on_own_worker())
            throw std::logic_error("shutdown(wait=true) from the pool's own worker would deadlock");
        const std::string what =
            std::string(kind_ == PoolKind::threads ? "ThreadPoolExecutor" : "ProcessPoolExecutor") +
            ".shutdown()";
        rt_.block_until(lk, exit_cv_, WorkerState::lock_wait, WaitTarget{what, {}}, -1,
                        [this] { return live_ == 0; });
    }
    join_threads(false);
}

void ExecutorCore::close() noexcept {
    {
        std::lock_guard<std::mutex> g(m_);
        if (detached_) return;  // its workers belong to the run now
    }
    // When the run is stopping, skip the blocking wait (it would only throw RunStopped):
    // throwing inside a destructor that runs during unwinding corrupts the in-flight exception
    // under Emscripten's JS exception handling.
    if (!rt_.stop_requested()) {
        try {
            shutdown(true, false);
            return;
        } catch (...) {
            // Stopping (RunStopped) or misuse: the workers see the stop at their next check.
        }
    }
    {
        std::lock_guard<std::mutex> g(m_);
        shutdown_ = true;
    }
    cv_.notify_all();
    join_threads(false);
}

void ExecutorCore::detach() noexcept {
    {
        std::lock_guard<std::mutex> g(m_);
        shutdown_ = true;
        detached_ = true;
    }
    cv_.notify_all();
    join_threads(true);
}

bool ExecutorCore::on_own_worker() const {
    const WorkerContext* c = current_worker();
    if (!c) return false;
    for (const auto& t : threads_)
        if (t.worker() == c->worker()) return true;
    return false;
}

void ExecutorCore::join_threads(bool detach) {
    std::vector<WorkerThread> ts;
    {
        std::lock_guard<std::mutex> g(m_);
        ts.swap(threads_);
    }
    for (auto& t : ts) {
        if (!t.joinable()) continue;
        if (detach)
            t.detach();
        else
            t.join();  // never throws RunStopped: waits through a stop
    }
}

void ExecutorCore::work_loop(WorkerContext& ctx) {
    const std::string what =
        std::string(kind_ == PoolKind::threads ? "ThreadPoolExecutor" : "ProcessPoolExecutor") +
        " work queue";
    // The span of the last item stays open until the next begins (one clock read for both) or
    // the worker goes idle.
    bool span_open = false;
    std::unique_lock<std::mutex> lk(m_);
    for (;;) {
        if (!head_) {
            if (span_open) {
                ctx.end_task();
                span_open = false;
            }
            if (shutdown_ || broken_.load(std::memory_order_relaxed)) return;
            // Free-threaded on the real machine only: spin briefly (state idle) before parking,
            // so a burst of submits costs no futex wake per item. Bounded (~50 µs) and yielding.
            // Under the GIL a spinner would have to re-take the GIL before parking, stealing
            // turns from busy threads, so it parks at once (as CPython's workers do); on the
            // simulated machine spinning would only burn real time.
            if (!ctx.gil() && !ctx.simulated()) {
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
                ctx.block_until(lk, cv_, WorkerState::idle, WaitTarget{what, {}}, -1, [this] {
                    return head_ != nullptr || shutdown_ ||
                           broken_.load(std::memory_order_relaxed);
                });
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

// Runs one item as a traced task. `span_open`: the previous item's span is still open (closed
// here, or switched to this item's).
void ExecutorCore::run_item(WorkerContext& ctx, FutureCore& item, bool& span_open) {
    // The eval loop's periodic check between work items: stop, and the GIL's drop request. A
    // worker about to wait for the GIL closes its span first: it is no longer running it.
    if (ctx.gil() && ctx.gil()->drop_requested() && span_open) {
        ctx.end_task();
        span_open = false;
    }
    ctx.checkpoint();
    if (!item.set_running_or_notify_cancel()) return;
    item.worker_.store(ctx.worker() + 1u, std::memory_order_relaxed);
    uint32_t task;
    try {
        task = rt_.new_task(task_prefix_, item.index_);  // "Task <index>", formatted on read
    } catch (...) {
        item.set_exception(std::current_exception());
        throw;
    }
    if (span_open)
        ctx.switch_task(task);
    else
        ctx.begin_task(task);
    span_open = true;  // a throw from run() leaves it to the worker's exit, which closes it
    try {
        item.run();
    } catch (const RunStopped&) {
        // The item did not complete: a stopping run cancels it; a pool process terminated under
        // it breaks the pool (CPython's BrokenProcessPool for the running future too).
        if (kind_ == PoolKind::processes && !rt_.run_stopping())
            item.set_exception(std::make_exception_ptr(BrokenProcessPool(kBrokenProcesses)));
        else
            item.set_stopped();
        throw;
    }
}

}  // namespace interleave::engine
