// Interleave engine — ThreadPoolExecutor / ProcessPoolExecutor: Python's concurrent.futures.
//
//   {   // Python: with ThreadPoolExecutor(max_workers=2) as ex:
//       ThreadPoolExecutor ex(2);
//       Future<int> f = ex.submit(square, 7);          // f.result() == 49
//       for (int r : ex.map(square, std::vector{1, 2, 3})) print(std::to_string(r));
//   }   // the destructor is shutdown(wait=true), like leaving the `with` block
//
// Templates over the type-erased ExecutorCore (executor_core.hpp: workers, names, defaults,
// initializer and broken-pool behaviour are documented there). Here: submit() of C++ callables
// (threads) or plain functions with picklable arguments (processes; CPython pickles functions by
// name, so captures cannot travel), map (results in input order), shutdown, RAII.
// ProcessPoolExecutor: arguments and the result are pickled on the way in and out (state
// `serialising`), so the task works on copies.
//
// Thread-safety: submit/map/shutdown from any worker of the run that created the executor.
// Differences from CPython, because C++ has no interpreter exit to join threads at: the
// destructor always waits for the workers (even after shutdown(wait=false)), unless detach()
// handed them to the run first.
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

#include "engine/executor_core.hpp"
#include "engine/future.hpp"
#include "engine/runtime.hpp"
#include "engine/serialise.hpp"
#include "engine/thread.hpp"

namespace interleave::engine {

namespace detail {

// Marks the current worker's state as `serialising` for its lifetime (then `running`).
class SerialisingScope {
  public:
    SerialisingScope();
    ~SerialisingScope();
    SerialisingScope(const SerialisingScope&) = delete;
    SerialisingScope& operator=(const SerialisingScope&) = delete;
};

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
            throw;  // never stored as the task's exception: the executor completes it
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
            throw;  // the executor completes it (stopped, or its pool broken)
        } catch (...) {
            this->set_exception(std::current_exception());
        }
    }

  private:
    Fn fn_;
    Pickled args_;
};

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
    ~ExecutorBase() { core_->close(); }

    // Python's shutdown(wait=True, cancel_futures=False). With wait, blocks (through
    // block_until) until every worker has ended; queued work still runs unless cancel_futures,
    // which cancels every future that has not started. Idempotent.
    void shutdown(bool wait = true, bool cancel_futures = false) {
        core_->shutdown(wait, cancel_futures);
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

    int max_workers() const { return core_->max_workers(); }
    // Lets the workers finish on their own (shutdown(wait=false)) and hands them to the run:
    // the destructor then never blocks. For a GC finaliser.
    void detach() noexcept { core_->detach(); }
    const std::shared_ptr<ExecutorCore>& core() const { return core_; }

  protected:
    explicit ExecutorBase(std::shared_ptr<ExecutorCore> core) : core_(std::move(core)) {}
    Derived& self() { return static_cast<Derived&>(*this); }
    std::shared_ptr<ExecutorCore> core_;
};

class ThreadPoolExecutor : public ExecutorBase<ThreadPoolExecutor> {
  public:
    // max_workers <= 0: min(32, the run's cores + 4), as CPython. `initializer` runs first on
    // every worker (its failure breaks the pool). Must be called on a run worker.
    explicit ThreadPoolExecutor(int max_workers = 0, std::string thread_name_prefix = "",
                                std::function<void()> initializer = {})
        : ExecutorBase(ExecutorCore::create(PoolOptions{PoolKind::threads, max_workers,
                                                        std::move(thread_name_prefix),
                                                        std::move(initializer)})) {}

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
        core_->submit(item);
        return Future<R>(std::move(ref));
    }
};

class ProcessPoolExecutor : public ExecutorBase<ProcessPoolExecutor> {
  public:
    // max_workers <= 0: the run's cores, as CPython. `initializer(initargs...)` runs first in
    // every worker process: a plain function and picklable arguments, as for submit() (a
    // failure breaks the pool). Must be called on a run worker.
    explicit ProcessPoolExecutor(int max_workers = 0)
        : ExecutorBase(ExecutorCore::create(PoolOptions{PoolKind::processes, max_workers, {}, {}})) {}
    template <class F, class... A>
    ProcessPoolExecutor(int max_workers, F initializer, A&&... initargs)
        : ExecutorBase(ExecutorCore::create(PoolOptions{
              PoolKind::processes, max_workers, {},
              make_initializer(initializer, std::forward<A>(initargs)...)})) {}

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
        core_->submit(item);
        return Future<R>(std::move(ref));
    }

  private:
    // The initializer's arguments travel pickled, as a child process's would.
    template <class F, class... A>
    static std::function<void()> make_initializer(F initializer, A&&... initargs) {
        static_assert(std::is_empty_v<F> || std::is_pointer_v<F> || std::is_function_v<F>,
                      "ProcessPoolExecutor's initializer must be a plain function");
        using Fp = std::conditional_t<std::is_function_v<F>, F*, F>;
        using Tuple = std::tuple<std::decay_t<A>...>;
        static_assert(pickle::is_picklable_v<Tuple>, "initargs must be picklable");
        auto wire = std::make_shared<Pickled>(pickle::dumps(Tuple(std::forward<A>(initargs)...)));
        Fp fn = initializer;
        return [fn, wire] {
            Tuple args = [&] {
                detail::SerialisingScope s;
                return pickle::loads<Tuple>(*wire);
            }();
            std::apply(fn, args);
        };
    }
};

}  // namespace interleave::engine
