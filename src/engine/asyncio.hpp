// Interleave engine — asyncio: an event loop on one thread; tasks are C++20 coroutines.
//
//   asyncio::Task<void> count(std::string name) {
//       for (int i = 0; i < 3; ++i) {
//           print(name + ": " + std::to_string(i));
//           co_await asyncio::sleep(0.01);          // other tasks run meanwhile
//       }
//   }
//   asyncio::Task<void> main_coro() {
//       co_await asyncio::gather(count("Async Task 1"), count("Async Task 2"));
//   }
//   asyncio::run(main_coro());   // on a run worker, like asyncio.run(main())
//
// What is modelled:
//   ✓ run(main): the loop runs on the calling worker; returns main's result or raises its error;
//     at the end, remaining tasks are cancelled and allowed to finish (as asyncio.run does)
//   ✓ create_task (default names "Async Task <n>"), TaskHandle: done/cancel/cancelled/result
//   ✓ gather(a, b, ...) / gather(vector): results in argument order; the first exception (in
//     time) propagates at once, the other tasks keep running; cancelling gather cancels them
//   ✓ sleep(s): a timer heap; sleep(0) yields. When nothing is ready the loop waits on a timed
//     wait (GIL released, state `idle`) until the next timer or a thread's result arrives
//   ✓ wait_for(aw, timeout): cancels the inner task on timeout and raises TimeoutError
//   ✓ Queue, Event (asyncio_queue.hpp); to_thread / run_in_executor / wrap_future: the work runs
//     on a pool thread ("asyncio_0", ...) while the loop keeps running other tasks
//   ✓ cancellation: CancelledError raised at the task's current await
//   ✓ trace: each step of a task is a task span ("Async Task 1") on the loop's worker, so tasks
//     interleave on one lane; repeated steps of the same task merge into one span
//   ✓ a blocking call inside a coroutine (engine sleep, cpu) stalls the whole loop, visibly
//   ✓ stop: the loop's waits go through block_until; on RunStopped every pending coroutine
//     frame is destroyed (destructors run, nothing leaks) and RunStopped propagates
//   ✓ deadlock: the loop idle with no timer pending is an untimed wait (e.g. every task waits
//     on a Queue nobody fills): reported like any other deadlock
//   ✗ I/O streams, subprocesses, signals, TaskGroup, asyncio.wait, shield, call_soon/call_later
//   ✗ "Task exception was never retrieved" is a notice at the end of run(), not at GC time
//
// Thread-safety: every function here must be called on the loop's thread from inside run()
// (coroutines), except run() itself (any run worker without a running loop).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/asyncio_queue.hpp"
#include "engine/asyncio_task.hpp"
#include "engine/executor.hpp"
#include "engine/future.hpp"
#include "engine/runtime.hpp"

namespace interleave::engine::asyncio {

// asyncio.create_task: schedules `coro` to run soon. `name` defaults to "Async Task <n>".
template <class T>
TaskHandle<T> create_task(Task<T> coro, std::string name = "") {
    detail::Loop& loop = detail::Loop::running();
    auto st = std::make_shared<detail::TaskState<T>>();
    auto h = coro.release();
    h.promise().root = st.get();
    st->frame = h;
    loop.adopt(st, std::move(name));
    return TaskHandle<T>(std::move(st));
}

// asyncio.run: runs `main` on a new event loop on the calling worker until it completes.
template <class T>
T run(Task<T> main) {
    detail::Loop loop(Runtime::current());
    auto st = std::make_shared<detail::TaskState<T>>();
    auto h = main.release();
    h.promise().root = st.get();
    st->frame = h;
    loop.adopt(st, "Async main");
    loop.run_until_done(*st);
    loop.finish();
    return st->result();
}

namespace detail {
void sleep_suspend(coro::coroutine_handle<> h, double seconds);

struct SleepAwaiter {
    double seconds;
    bool await_ready() const noexcept { return false; }
    void await_suspend(coro::coroutine_handle<> h) {
        if (seconds <= 0) {  // sleep(0), the hot path: straight to the back of the ready queue
            TaskBase& t = current_task();
            t.resume_point = h;
            t.loop->schedule(&t);
        } else {
            sleep_suspend(h, seconds);
        }
    }
    void await_resume() { check_cancel(); }
};

// Suspends until any of `*ts` is done (or the timeout passes); true if one is done.
// Trivially destructible on purpose: g++ 12 may destroy a brace-initialised temporary with a
// non-trivial destructor twice inside a co_await operand.
struct WaitAny {
    const std::vector<TaskBase*>* ts;
    double timeout_s = -1;
    bool await_ready() const noexcept {
        for (auto* t : *ts)
            if (t->done()) return true;
        return false;
    }
    void await_suspend(coro::coroutine_handle<> h);
    bool await_resume() {
        check_cancel();
        for (auto* t : *ts)
            if (t->done()) return true;
        return false;
    }
};

// gather's core: waits until all are done or one failed; rethrows the earliest failure.
Task<void> gather_wait(std::vector<std::shared_ptr<TaskBase>> ts);

template <class T>
struct FutureAwaiter {
    engine::Future<T> f;
    bool await_ready() const noexcept { return f.done(); }
    void await_suspend(coro::coroutine_handle<> h) {
        auto& me = current_task();
        const uint64_t gen = me.suspend(h);
        f.add_done_callback(
            [inbox = me.loop->inbox(), w = me.weak_from_this(), gen](const engine::Future<T>&) {
                inbox->post({w, gen});
            });
    }
    T await_resume() {
        check_cancel();
        return f.result();
    }
};

ThreadPoolExecutor& default_executor();
}  // namespace detail

// asyncio.sleep: `co_await asyncio::sleep(0.5);`. sleep(0) just lets other tasks run.
inline detail::SleepAwaiter sleep(double seconds) {
    return detail::SleepAwaiter{seconds};
}

// asyncio.gather(*coros): runs them as tasks; a tuple of results in argument order (void
// results are std::monostate).
template <class... Ts>
Task<std::tuple<detail::Wire<Ts>...>> gather(Task<Ts>... coros) {
    // Braced: the tasks are created (and so scheduled) left to right, as Python does.
    std::tuple<TaskHandle<Ts>...> hs{create_task(std::move(coros))...};
    std::vector<std::shared_ptr<detail::TaskBase>> all = std::apply(
        [](auto&... h) { return std::vector<std::shared_ptr<detail::TaskBase>>{h.state()...}; },
        hs);
    co_await detail::gather_wait(all);
    co_return std::apply(
        [](auto&... h) {
            auto one = [](auto& x) {
                using R = decltype(x.result());
                if constexpr (std::is_void_v<R>) {
                    x.result();
                    return std::monostate{};
                } else {
                    return x.result();
                }
            };
            return std::tuple<detail::Wire<Ts>...>{one(h)...};
        },
        hs);
}

// asyncio.gather(*list_of_coros): a vector of results in input order.
template <class T>
Task<std::vector<detail::Wire<T>>> gather(std::vector<Task<T>> coros) {
    std::vector<TaskHandle<T>> hs;
    std::vector<std::shared_ptr<detail::TaskBase>> all;
    for (auto& c : coros) {
        hs.push_back(create_task(std::move(c)));
        all.push_back(hs.back().state());
    }
    co_await detail::gather_wait(all);
    std::vector<detail::Wire<T>> out;
    out.reserve(hs.size());
    for (auto& h : hs) {
        if constexpr (std::is_void_v<T>) {
            h.result();
            out.emplace_back();
        } else {
            out.push_back(h.result());
        }
    }
    co_return out;
}

// asyncio.wait_for on a scheduled task: on timeout cancels it, waits for it to finish, raises
// TimeoutError. Cancelling the waiter cancels the task too.
template <class T>
Task<T> wait_for(TaskHandle<T> inner, double timeout_s) {
    std::vector<detail::TaskBase*> one(1, inner.state().get());
    bool in_time;
    try {
        in_time = co_await detail::WaitAny{&one, timeout_s};
    } catch (...) {
        inner.cancel();
        throw;
    }
    if (!in_time) {
        inner.cancel();
        while (!inner.done()) co_await detail::WaitAny{&one, -1};
        inner.state()->retrieved = true;
        throw TimeoutError();
    }
    co_return inner.result();
}

// asyncio.wait_for(coro, timeout): runs `aw` as a task and waits at most timeout_s for it.
template <class T>
Task<T> wait_for(Task<T> aw, double timeout_s) {
    return wait_for(create_task(std::move(aw)), timeout_s);
}

// asyncio.wrap_future: await a concurrent Future (from any executor) without blocking the loop.
template <class T>
detail::FutureAwaiter<T> wrap_future(engine::Future<T> f) {
    return detail::FutureAwaiter<T>{std::move(f)};
}

// loop.run_in_executor(executor, fn, *args): the work runs on `ex`; the loop keeps going.
template <class Ex, class F, class... A>
auto run_in_executor(Ex& ex, F fn, A... args)
    -> Task<typename decltype(ex.submit(fn, args...))::value_type> {
    using R = typename decltype(ex.submit(fn, args...))::value_type;
    auto f = ex.submit(std::move(fn), std::move(args)...);
    if constexpr (std::is_void_v<R>) {
        co_await wrap_future(std::move(f));
    } else {
        co_return co_await wrap_future(std::move(f));
    }
}

// asyncio.to_thread(fn, *args): runs fn on the loop's default ThreadPoolExecutor (threads
// "asyncio_0", "asyncio_1", ...).
template <class F, class... A>
auto to_thread(F fn, A... args) -> Task<std::invoke_result_t<F&, A&...>> {
    return run_in_executor(detail::default_executor(), std::move(fn), std::move(args)...);
}

}  // namespace interleave::engine::asyncio
