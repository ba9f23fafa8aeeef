// Interleave engine — Queue<T>, as Python's queue.Queue (FIFO, thread-safe, optional bound).
//
//   Queue<int> q(maxsize);             // maxsize <= 0: unbounded
//   q.put(x);  q.put(x, true, 0.5);    // block / timeout like Python; Full when it gives up
//   int v = q.get();  q.get(false);    // Empty when nothing arrives in time
//   q.put_nowait(x); q.get_nowait();
//   q.task_done(); q.join();           // unfinished-task counting; ValueError on too many
//   q.qsize(); q.empty(); q.full();    // approximate, as in Python
//
// Blocking goes through Runtime::block_until (GIL released, state queue_wait, stop-aware,
// deadlock-visible as "Queue <name>.get()" / ".put()"). Items are charged to the run's memory
// limit (sizeof(T) each). Thread-safety: any worker of the run that uses it; the queue must
// outlive every wait on it. Header-only template.
#pragma once

#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

#include "engine/runtime.hpp"
#include "engine/sync.hpp"

namespace interleave::engine {

struct Empty : std::runtime_error {
    Empty() : std::runtime_error("queue.Empty") {}
};
struct Full : std::runtime_error {
    Full() : std::runtime_error("queue.Full") {}
};

namespace detail {
// "Queue#N", numbered per run from 1 (0 outside a run), so runs name them alike.
inline std::string queue_name(std::string name) {
    if (!name.empty()) return name;
    WorkerContext* c = current_worker();
    return "Queue#" + std::to_string(c ? c->runtime().next_serial("Queue#") + 1 : 0);
}
}  // namespace detail

template <class T>
class Queue {
  public:
    explicit Queue(long maxsize = 0, std::string name = {})
        : maxsize_(maxsize), name_(detail::queue_name(std::move(name))) {}
    ~Queue() {
        // Give back what the items still inside were charged (never throws: negative charge).
        if (charged_rt_ && !items_.empty())
            charged_rt_->charge_memory(-static_cast<std::ptrdiff_t>(items_.size() * sizeof(T)));
    }
    Queue(const Queue&) = delete;
    Queue& operator=(const Queue&) = delete;

    void put(T item, bool block = true, double timeout_s = -1) {
        Runtime& rt = Runtime::current();
        std::unique_lock<std::mutex> lk(m_);
        if (maxsize_ > 0 && size() >= maxsize_) {
            if (!block) throw Full();
            WaitTarget target{"Queue " + name_ + ".put()", {}};
            if (!rt.block_until(lk, not_full_, WorkerState::queue_wait, target, timeout_s,
                                [this] { return size() < maxsize_; }))
                throw Full();
        }
        rt.charge_memory(static_cast<std::ptrdiff_t>(sizeof(T)));  // may end the run
        charged_rt_ = &rt;
        items_.push_back(std::move(item));
        ++unfinished_;
        lk.unlock();
        not_empty_.notify_one();
    }

    T get(bool block = true, double timeout_s = -1) {
        Runtime& rt = Runtime::current();
        std::unique_lock<std::mutex> lk(m_);
        if (items_.empty()) {
            if (!block) throw Empty();
            WaitTarget target{"Queue " + name_ + ".get()", {}};
            if (!rt.block_until(lk, not_empty_, WorkerState::queue_wait, target, timeout_s,
                                [this] { return !items_.empty(); }))
                throw Empty();
        }
        T item = std::move(items_.front());
        items_.pop_front();
        lk.unlock();
        rt.charge_memory(-static_cast<std::ptrdiff_t>(sizeof(T)));
        not_full_.notify_one();
        return item;
    }

    void put_nowait(T item) { put(std::move(item), false); }
    T get_nowait() { return get(false); }

    void task_done() {
        std::lock_guard<std::mutex> g(m_);
        if (unfinished_ == 0) throw ValueError("task_done() called too many times");
        if (--unfinished_ == 0) all_done_.notify_all();
    }

    // Blocks until every item put has been matched by task_done().
    void join() {
        Runtime& rt = Runtime::current();
        std::unique_lock<std::mutex> lk(m_);
        WaitTarget target{"Queue " + name_ + ".join()", {}};
        rt.block_until(lk, all_done_, WorkerState::queue_wait, target, -1,
                       [this] { return unfinished_ == 0; });
    }

    long qsize() const {
        std::lock_guard<std::mutex> g(m_);
        return size();
    }
    bool empty() const { return qsize() == 0; }
    bool full() const {
        std::lock_guard<std::mutex> g(m_);
        return maxsize_ > 0 && size() >= maxsize_;
    }
    long maxsize() const { return maxsize_; }
    const std::string& name() const { return name_; }

  private:
    long size() const { return static_cast<long>(items_.size()); }
    mutable std::mutex m_;
    WaitCv not_empty_, not_full_, all_done_;
    std::deque<T> items_;
    long maxsize_;
    size_t unfinished_ = 0;
    std::string name_;
    Runtime* charged_rt_ = nullptr;
};

}  // namespace interleave::engine
