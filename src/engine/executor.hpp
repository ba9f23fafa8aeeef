// Interleave engine — ThreadPoolExecutor / ProcessPoolExecutor: Python's concurrent.futures.
//
//   {   // Python: with ThreadPoolExecutor(max_workers=2) as ex:
//       ThreadPoolExecutor ex(2);
//       Future<int> f = ex.submit(square, 7);          // f.result() == 49
//       for (int r : ex.map(square, std::vector{1, 2, 3})) print(std::to_string(r));
//   }   // the destructor is shutdown(wait=true), like leaving the `with` block
//
// ThreadPoolExecutor ✓: workers named "ThreadPoolExecutor-<N>_<i>" (N counts executors in the
//   run; `thread_name_prefix` replaces the first part, as in CPython), started on demand up to
//   max_workers (default min(32, cores + 4)), reused when idle; submit ✓ map ✓ (results in input
//   order) shutdown(wait, cancel_futures) ✓; each work item is a traced task "Task <i>" (i = its
//   submit index in this executor). Idle workers block in block_until (state `idle`), so a run
//   waiting on futures nobody can finish is reported as a deadlock. initializer/initargs ✗.
// ProcessPoolExecutor ✓: each worker is a simulated process (Runtime::new_process: its own GIL),
//   named "ForkProcess-<N>" like CPython 3.11 on Linux; all max_workers (default: cores) start at
//   the first submit and pay a real start-up cost (state `starting`, see process.hpp). The
//   callable must be a plain function or a capture-less lambda (CPython pickles functions by
//   name); arguments and the result are pickled on the way in and out (state `serialising`),
//   so the task works on copies. max_tasks_per_child ✗, broken-pool detection ✗.
//
// Thread-safety: submit/map/shutdown from any worker of the run that created the executor.
// Differences from CPython, all because C++ has no interpreter exit to join threads at: the
// destructor always waits for the workers (even after shutdown(wait=false)).
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/future.hpp"
#include "engine/runtime.hpp"
#include "engine/serialise.hpp"
#include "engine/thread.hpp"

namespace interleave::engine {

// Raised by submit() after shutdown() (Python: RuntimeError "cannot schedule new futures after
// shutdown").
struct ExecutorShutdown : RuntimeError {
    using RuntimeError::RuntimeError;
};

namespace detail {

// The shared, type-erased part of an executor: the work queue and its workers (executor.cpp).
class ExecutorCore;

enum class PoolKind : uint8_t { threads, processes };

// Marks the current worker's state as `serialising` for its lifetime (then `running`).
class SerialisingScope {
  public:
    SerialisingScope();
    ~SerialisingScope();
    SerialisingScope(const SerialisingScope&) = delete;
    SerialisingScope& operator=(const SerialisingScope&) = delete;
};

// Per-run counters for Python-style names: 0, 1, 2, ... for each `key` within one run.
uint32_t run_serial(Runtime& rt, const char* key);

// submit()'s work item: the callable and its arguments live in the future's own allocation.
template <class R, class Call>
class CallItem final : public FutureState<R> {
  public:
    explicit CallItem(Call c) : call_(std::move(c)) {}
    void run() override {
        try {
            if constexpr (std::is_void_v<R>) {
                call_();
                this->set_result();
            } else {
                this->set_result(call_());
            }
        } catch (const RunStopped&) {
            this->set_stopped();  // never stored as the task's exception
            throw;                // the worker must exit
        } catch (...) {
            this->set_exception(std::current_exception());
        }
    }

  private:
    Call call_;
};

// Pickle-able result type: void travels as None.
template <class R>
using WireType = std::conditional_t<std::is_void_v<R>, std::monostate, R>;

// A process-pool work item: a function pointer plus pickled arguments; run() unpickles them in
// the worker process, calls, and pickles the result back.
template <class R, class Fn, class... Args>
class ProcessCallItem final : public FutureState<R> {
  public:
    ProcessCallItem(Fn fn, Pickled args) : fn_(fn), args_(std::move(args)) {}
    void run() override {
        try {
            std::tuple<Args...> args = [&] {
                SerialisingScope s;
                return pickle::loads<std::tuple<Args...>>(args_);
            }();
            if constexpr (std::is_void_v<R>) {
                std::apply(fn_, std::move(args));
                SerialisingScope s;
                (void)pickle::loads<std::monostate>(pickle::dumps(std::monostate{}));
                this->set_result();
            } else {
                R r = std::apply(fn_, std::move(args));
                // Pickled in the child, unpickled for the parent: the caller gets a copy.
                SerialisingScope s;
                R copy = pickle::loads<R>(pickle::dumps(r));
                this->set_result(std::move(copy));
            }
        } catch (const RunStopped&) {
            this->set_stopped();
            throw;
        } catch (...) {
            this->set_exception(std::current_exception());
        }
    }

  private:
    Fn fn_;
    Pickled args_;
};

std::shared_ptr<ExecutorCore> make_executor(PoolKind kind, int max_workers, std::string prefix);
// Queues `item` (takes its reference) and starts a worker if none is idle. Throws
// ExecutorShutdown after shutdown().
void executor_submit(ExecutorCore& core, FutureCore* item);
void executor_shutdown(ExecutorCore& core, bool wait, bool cancel_futures);
void executor_destroy(ExecutorCore& core) noexcept;  // shutdown(wait=true) that never throws
int executor_max_workers(const ExecutorCore& core);

}  // namespace detail

// Results of Executor::map, in input order. Iterating blocks on each result in turn and raises
// the first (in input order) task exception, as Python's map generator does.
template <class R>
class [[nodiscard]] MapResults {
  public:
    explicit MapResults(std::vector<Future<R>> fs, double timeout_s)
        : fs_(std::move(fs)), timeout_s_(timeout_s) {}

    size_t size() const { return fs_.size(); }
    const std::vector<Future<R>>& futures() const { return fs_; }

    // Python: list(ex.map(...)). Blocks for all; rethrows the first exception in input order.
    auto list() const {
        if constexpr (std::is_void_v<R>) {
            for (const auto& f : fs_) f.result(timeout_s_);
        } else {
            std::vector<R> out;
            out.reserve(fs_.size());
            for (const auto& f : fs_) out.push_back(f.result(timeout_s_));
            return out;
        }
    }
    void wait() const {
        for (const auto& f : fs_) f.result(timeout_s_);
    }

    class iterator {
      public:
        using value_type = R;
        using difference_type = std::ptrdiff_t;
        iterator() = default;
        iterator(const MapResults* owner, size_t i) : owner_(owner), i_(i) {}
        R operator*() const { return owner_->fs_[i_].result(owner_->timeout_s_); }
        iterator& operator++() {
            ++i_;
            return *this;
        }
        bool operator==(const iterator& o) const { return i_ == o.i_; }
        bool operator!=(const iterator& o) const { return i_ != o.i_; }

      private:
        const MapResults* owner_ = nullptr;
        size_t i_ = 0;
    };
    iterator begin() const { return iterator(this, 0); }
    iterator end() const { return iterator(this, fs_.size()); }

  private:
    std::vector<Future<R>> fs_;
    double timeout_s_;
};

// Common part of both pools: lifetime (RAII = shutdown(wait=true)), map, shutdown.
template <class Derived>
class ExecutorBase {
  public:
    ExecutorBase(const ExecutorBase&) = delete;
    ExecutorBase& operator=(const ExecutorBase&) = delete;
    ~ExecutorBase() { detail::executor_destroy(*core_); }

    // Python's shutdown(wait=True, cancel_futures=False). With wait, blocks (through
    // block_until) until every worker has ended; queued work still runs unless cancel_futures,
    // which cancels every future that has not started. Idempotent.
    void shutdown(bool wait = true, bool cancel_futures = false) {
        detail::executor_shutdown(*core_, wait, cancel_futures);
    }

    // Python's map(fn, *iterables, timeout=None): submits fn(a[i], b[i], ...) for every i (up to
    // the shortest range) now, and returns the results in input order. `timeout_s` bounds each
    // wait while iterating.
    template <class F, class Range, class... Ranges>
    auto map(F fn, const Range& range, const Ranges&... more) {
        return map_timeout(-1, fn, range, more...);
    }
    template <class F, class Range, class... Ranges>
    auto map_timeout(double timeout_s, F fn, const Range& range, const Ranges&... more) {
        using R =
            std::invoke_result_t<F&, decltype(*std::begin(range)), decltype(*std::begin(more))...>;
        size_t n = static_cast<size_t>(std::distance(std::begin(range), std::end(range)));
        ((n = std::min(n, static_cast<size_t>(std::distance(std::begin(more), std::end(more))))),
         ...);
        std::vector<Future<R>> fs;
        fs.reserve(n);
        auto it = std::make_tuple(std::begin(range), std::begin(more)...);
        for (size_t i = 0; i < n; ++i) {
            std::apply([&](auto&... its) { fs.push_back(self().submit(fn, *its...)); }, it);
            std::apply([](auto&... its) { (++its, ...); }, it);
        }
        return MapResults<R>(std::move(fs), timeout_s);
    }

    int max_workers() const { return detail::executor_max_workers(*core_); }

  protected:
    explicit ExecutorBase(std::shared_ptr<detail::ExecutorCore> core) : core_(std::move(core)) {}
    Derived& self() { return static_cast<Derived&>(*this); }
    std::shared_ptr<detail::ExecutorCore> core_;
};

class ThreadPoolExecutor : public ExecutorBase<ThreadPoolExecutor> {
  public:
    // max_workers <= 0: min(32, hardware cores + 4), as CPython. Must be called on a run worker.
    explicit ThreadPoolExecutor(int max_workers = 0, std::string thread_name_prefix = "")
        : ExecutorBase(detail::make_executor(detail::PoolKind::threads, max_workers,
                                             std::move(thread_name_prefix))) {}

    // Schedules fn(args...) and returns its Future at once. fn and args are copied (decayed)
    // into the future's single allocation. Throws ExecutorShutdown after shutdown().
    template <class F, class... A>
    Future<std::invoke_result_t<std::decay_t<F>&, std::decay_t<A>&...>> submit(F&& fn,
                                                                               A&&... args) {
        using R = std::invoke_result_t<std::decay_t<F>&, std::decay_t<A>&...>;
        auto call = [fn = std::forward<F>(fn),
                     tup = std::make_tuple(std::forward<A>(args)...)]() mutable -> R {
            return std::apply(fn, tup);
        };
        auto* item = new detail::CallItem<R, decltype(call)>(std::move(call));
        detail::Ref<detail::FutureState<R>> ref(item);  // our reference, for the Future
        item->add_ref_unshared();                       // the queue's reference
        detail::executor_submit(*core_, item);
        return Future<R>(std::move(ref));
    }
};

class ProcessPoolExecutor : public ExecutorBase<ProcessPoolExecutor> {
  public:
    // max_workers <= 0: the number of hardware cores, as CPython. Must be called on a run worker.
    explicit ProcessPoolExecutor(int max_workers = 0)
        : ExecutorBase(detail::make_executor(detail::PoolKind::processes, max_workers, "")) {}

    // Pickles args on the calling worker (state `serialising`), then schedules fn on a worker
    // process. fn: a plain function or capture-less lambda; args and result must be picklable.
    template <class F, class... A>
    auto submit(F fn, A&&... args) {
        static_assert(std::is_empty_v<F> || std::is_pointer_v<F> || std::is_function_v<F>,
                      "ProcessPoolExecutor needs a plain function or capture-less lambda: "
                      "a process cannot see the parent's captured state");
        using Fp = std::conditional_t<std::is_function_v<F>, F*, F>;
        using R = std::invoke_result_t<Fp&, std::decay_t<A>&...>;
        static_assert(pickle::is_picklable_v<detail::WireType<R>>, "the result must be picklable");
        Pickled wire;
        {
            detail::SerialisingScope s;
            wire = pickle::dumps(std::tuple<std::decay_t<A>...>(std::forward<A>(args)...));
        }
        auto* item = new detail::ProcessCallItem<R, Fp, std::decay_t<A>...>(fn, std::move(wire));
        detail::Ref<detail::FutureState<R>> ref(item);
        item->add_ref_unshared();
        detail::executor_submit(*core_, item);
        return Future<R>(std::move(ref));
    }
};

}  // namespace interleave::engine
