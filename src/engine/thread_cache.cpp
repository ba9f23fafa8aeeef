// Interleave engine — ThreadCache (thread_cache.hpp): parked OS threads for a run's workers.
#include "engine/thread_cache.hpp"

#include <system_error>

namespace interleave::engine {

ThreadCache::~ThreadCache() {
    close_and_join();
}

void ThreadCache::prestart(size_t n) noexcept {
    std::lock_guard<std::mutex> g(mu_);
    for (size_t i = 0; i < n && !closing_; ++i) {
        try {
            threads_.emplace_back([this] { park_loop(); });
        } catch (...) {
            return;  // fewer parked threads: run() starts more on demand
        }
        ++idle_;
    }
}

std::shared_ptr<ThreadCache::Job> ThreadCache::run(std::function<void()> fn) {
    auto job = std::make_shared<Job>();
    job->fn = std::move(fn);
    std::lock_guard<std::mutex> g(mu_);
    queue_.push_back(job);
    // Each queued job needs a thread of its own: an idle one per job (parked, or started and
    // not parked yet: in the browser a thread started ahead may still be waiting for its Web
    // Worker to begin), or a new one. The lock is held while creating it, so no thread can
    // take this job meanwhile.
    if (idle_ < queue_.size()) {
        try {
            threads_.emplace_back([this] { park_loop(); });
        } catch (...) {
            queue_.pop_back();
            throw;
        }
        ++idle_;
    }
    work_cv_.notify_one();
    return job;
}

void ThreadCache::wait(const Job& job) {
    std::unique_lock<std::mutex> lk(mu_);
    done_cv_.wait(lk, [&] { return job.done; });
}

void ThreadCache::close_and_join() noexcept {
    std::vector<std::thread> ts;
    {
        std::lock_guard<std::mutex> g(mu_);
        closing_ = true;
        ts.swap(threads_);
    }
    work_cv_.notify_all();
    for (auto& t : ts)
        if (t.joinable()) t.join();
}

size_t ThreadCache::threads() const {
    std::lock_guard<std::mutex> g(mu_);
    return threads_.size();
}

void ThreadCache::park_loop() {
    std::unique_lock<std::mutex> lk(mu_);
    for (;;) {
        work_cv_.wait(lk, [this] { return closing_ || !queue_.empty(); });
        if (queue_.empty()) return;  // closing, nothing left to run
        --idle_;
        std::shared_ptr<Job> job = std::move(queue_.front());
        queue_.pop_front();
        lk.unlock();
        job->fn();
        job->fn = nullptr;  // what the job captured dies on this thread, before `done`
        lk.lock();
        job->done = true;
        ++idle_;
        done_cv_.notify_all();
    }
}

}  // namespace interleave::engine
