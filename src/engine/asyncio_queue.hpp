// Interleave engine — asyncio.Queue and asyncio.Event (part of asyncio.hpp; include that).
//
//   Queue ✓ put/get (awaitables; put waits while full), put_nowait/get_nowait (QueueFull /
//     QueueEmpty), qsize/empty/full, task_done/join ✓. Priority/LIFO queues ✗.
//   Event ✓ set/clear/is_set, wait (awaitable).
// Like Python's, these are not thread-safe: use them from coroutines on the loop's thread only
// (from other threads, hand work over with to_thread's Future instead). They may outlive the
// loop; waiting tasks are held weakly, so a Queue never keeps a task alive.
#pragma once

#include <deque>
#include <stdexcept>
#include <utility>

#include "engine/asyncio_task.hpp"

namespace interleave::engine::asyncio {

struct QueueEmpty : std::runtime_error {
    QueueEmpty() : std::runtime_error("asyncio.QueueEmpty") {}
};
struct QueueFull : std::runtime_error {
    QueueFull() : std::runtime_error("asyncio.QueueFull") {}
};

namespace detail {
// Suspends the current task on a wait list until woken (or cancelled).
struct WaitList {
    std::deque<WaitEntry>& list;
    bool await_ready() const noexcept { return false; }
    void await_suspend(coro::coroutine_handle<> h) {
        auto& me = current_task();
        const uint64_t gen = me.suspend(h);
        list.push_back({me.weak_from_this(), gen});
    }
    void await_resume() { check_cancel(); }
};
// Wakes the first entry still waiting; stale entries (cancelled, timed out) are dropped.
inline void wake_next(std::deque<WaitEntry>& list) {
    while (!list.empty()) {
        WaitEntry e = std::move(list.front());
        list.pop_front();
        if (wake_entry(e)) return;
    }
}
inline void wake_all(std::deque<WaitEntry>& list) {
    auto all = std::move(list);
    list.clear();
    for (auto& e : all) wake_entry(e);
}
}  // namespace detail

class Event {
  public:
    bool is_set() const { return set_; }
    // Wakes every waiter.
    void set() {
        set_ = true;
        detail::wake_all(waiters_);
    }
    void clear() { set_ = false; }

    struct Awaiter {
        Event& e;
        bool await_ready() const noexcept { return e.set_; }
        void await_suspend(coro::coroutine_handle<> h) {
            detail::WaitList{e.waiters_}.await_suspend(h);
        }
        bool await_resume() {
            detail::check_cancel();
            return true;
        }
    };
    // `co_await ev.wait();` returns true once the event is set.
    Awaiter wait() { return Awaiter{*this}; }

  private:
    bool set_ = false;
    std::deque<detail::WaitEntry> waiters_;
};

template <class T>
class Queue {
  public:
    // maxsize <= 0: unbounded.
    explicit Queue(int maxsize = 0) : maxsize_(maxsize > 0 ? static_cast<size_t>(maxsize) : 0) {}
    Queue(const Queue&) = delete;
    Queue& operator=(const Queue&) = delete;

    size_t qsize() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    bool full() const { return maxsize_ > 0 && items_.size() >= maxsize_; }
    size_t maxsize() const { return maxsize_; }

    // `co_await q.put(x);` waits while the queue is full.
    Task<void> put(T item) {
        while (full()) {
            try {
                co_await detail::WaitList{putters_};
            } catch (...) {
                // Like Python: a cancelled putter passes its wake-up on, so none is lost.
                if (!full()) detail::wake_next(putters_);
                throw;
            }
        }
        put_nowait(std::move(item));
    }
    // `T x = co_await q.get();` waits while the queue is empty.
    Task<T> get() {
        while (empty()) {
            try {
                co_await detail::WaitList{getters_};
            } catch (...) {
                if (!empty()) detail::wake_next(getters_);
                throw;
            }
        }
        co_return get_nowait();
    }
    void put_nowait(T item) {
        if (full()) throw QueueFull();
        items_.push_back(std::move(item));
        ++unfinished_;
        detail::wake_next(getters_);
    }
    T get_nowait() {
        if (empty()) throw QueueEmpty();
        T v = std::move(items_.front());
        items_.pop_front();
        detail::wake_next(putters_);
        return v;
    }
    // Marks one got item as processed; join() returns when every put item was.
    void task_done() {
        if (unfinished_ == 0) throw std::logic_error("task_done() called too many times");
        if (--unfinished_ == 0) all_done_.set();
    }
    Task<void> join() {
        if (unfinished_ > 0) {
            all_done_.clear();
            co_await all_done_.wait();
        }
    }

  private:
    size_t maxsize_;
    std::deque<T> items_;
    std::deque<detail::WaitEntry> getters_, putters_;
    size_t unfinished_ = 0;
    Event all_done_;
};

}  // namespace interleave::engine::asyncio
