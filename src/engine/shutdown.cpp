// Interpreter shutdown (daemon threads) and exact deadlock detection.
#include <algorithm>

#include "engine/runtime.hpp"
#include "engine/runtime_impl.hpp"

namespace interleave::engine {

bool Runtime::Impl::stop_lone_daemons() {
    bool any = false;
    {
        std::lock_guard<std::mutex> g(reg_mu);
        if (live == 0) return false;
        for (const auto& w : workers)
            if (w.alive.load(std::memory_order_relaxed) && !w.daemon) return false;
        for (auto& w : workers) {
            if (w.alive.load(std::memory_order_relaxed) &&
                !w.killed.load(std::memory_order_relaxed)) {
                w.killed.store(true);
                any = true;
            }
        }
    }
    if (any) {
        // Every worker left is a daemon: the bit sends each to checkpoint_slow, which stops it.
        set_breaker_all(breaker::kill_daemons);
        wake_all_waits();
    }
    return true;  // only daemons are left, being stopped: no deadlock to look for
}

std::string Runtime::Impl::deadlock_report(Runtime& rt,
                                           std::vector<std::shared_ptr<WaitRecord>> snap) {
    std::sort(snap.begin(), snap.end(), [](auto& a, auto& b) { return a->worker < b->worker; });
    std::vector<int> lines;  // read under reg_mu (the holder probes below must not hold it)
    {
        std::lock_guard<std::mutex> g(reg_mu);
        for (auto& r : snap)
            lines.push_back(workers[r->worker].wait_line.load(std::memory_order_relaxed));
    }
    std::string report = "Deadlock: ";
    for (size_t i = 0; i < snap.size(); ++i) {
        auto& r = snap[i];
        std::string who = rt.worker_name(r->worker);
        std::string holder;
        {
            std::lock_guard<std::mutex> g(r->mu);
            if (r->active && r->target.holder) holder = r->target.holder();
        }
        if (i) report += "; ";
        report += who + " waits for " + r->target.what;
        if (!holder.empty()) report += " held by " + holder;
        // Where the waiter is stuck, when its interpreter said (WorkerContext::set_wait_line).
        if (const int line = lines[i]; line > 0)
            report += " (waiting at line " + std::to_string(line) + ")";
    }
    return report;
}

bool Runtime::Impl::detect_deadlock(Runtime& rt) {
    std::vector<std::shared_ptr<WaitRecord>> snap;
    std::vector<uint16_t> procs;
    uint64_t seen = 0;
    {
        std::lock_guard<std::mutex> g(reg_mu);
        if (live == 0 || static_cast<int>(waits.size()) != live) return false;
        snap = waits;
        seen = epoch;
        for (auto& r : snap) procs.push_back(workers[r->worker].process);
    }
    // A waiter whose process was terminated or killed leaves its wait at its next stop check
    // (within a 20 ms slice on the real machine): not a deadlock.
    {
        std::lock_guard<std::mutex> g(proc_mu);
        for (uint16_t p : procs)
            if (p < processes.size() && processes[p].kill_signal.load(std::memory_order_acquire))
                return false;
    }
    // Probes take primitive mutexes: never call them holding reg_mu (workers take reg_mu while
    // holding a primitive's mutex in enter_wait).
    for (auto& r : snap) {
        std::lock_guard<std::mutex> g(r->mu);
        if (!r->active || r->probe()) return false;
    }
    {
        std::lock_guard<std::mutex> g(reg_mu);
        if (epoch != seen) return false;
    }
    // Deadlocked: nobody can change any probe's answer, so the report below is stable.
    rt.end_run(RunStatus::deadlock, deadlock_report(rt, std::move(snap)));
    return true;
}

}  // namespace interleave::engine
