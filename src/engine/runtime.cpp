// Runtime: worker registry, output, stop and limits, blocking waits, deadlock detection.
#include "engine/runtime.hpp"

#include <algorithm>
#include <stdexcept>

#include "engine/gil.hpp"
#include "engine/runtime_impl.hpp"

namespace interleave::engine {

namespace {
thread_local WorkerContext* t_ctx = nullptr;
}  // namespace

WorkerContext* current_worker() {
    return t_ctx;
}

Runtime::Runtime(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {
    new_process();  // process 0: the run's main process
    impl_->processes = 1;
}

Runtime::~Runtime() = default;

Runtime& Runtime::current() {
    if (!t_ctx || !t_ctx->runtime) throw std::logic_error("not inside an Interleave run");
    return *t_ctx->runtime;
}

const RunConfig& Runtime::config() const {
    return impl_->config;
}
Tracer& Runtime::tracer() {
    return impl_->tracer;
}

int64_t Runtime::now_ns() const {
    return impl_->clock.now_ns();
}
int64_t Runtime::deadline_after(double seconds) const {
    return impl_->clock.deadline_after(seconds);
}
int64_t Runtime::epoch_ns() const {
    return impl_->clock.epoch_ns();
}
Clock& Runtime::clock() {
    return impl_->clock;
}
const Machine& Runtime::machine() const {
    return impl_->machine;
}

// --- Workers ---------------------------------------------------------------------------------

uint16_t Runtime::new_process() {
    std::lock_guard<std::mutex> g(impl_->proc_mu);
    auto id = static_cast<uint16_t>(impl_->gils.size());
    impl_->gils.push_back(impl_->config.gil
                              ? std::make_unique<Gil>(*this, id, impl_->config.switch_interval_ms)
                              : nullptr);
    impl_->processes = static_cast<uint16_t>(impl_->gils.size());
    return id;
}

Gil* Runtime::gil_for(uint16_t process) {
    std::lock_guard<std::mutex> g(impl_->proc_mu);
    return process < impl_->gils.size() ? impl_->gils[process].get() : nullptr;
}

void Runtime::announce_worker() {
    std::lock_guard<std::mutex> g(impl_->reg_mu);
    ++impl_->pending;
    ++impl_->epoch;
}

std::thread Runtime::spawn_worker(std::string name, WorkerKind kind, uint16_t process,
                                  std::function<void()> fn, bool daemon) {
    announce_worker();
    try {
        return std::thread(
            [this, name = std::move(name), kind, process, fn = std::move(fn), daemon] {
                WorkerScope scope(*this, name, kind, process, /*announced=*/true, daemon);
                try {
                    fn();
                } catch (const RunStopped&) {
                } catch (const std::exception& e) {
                    notice("Exception in " + name + ": " + e.what());
                } catch (...) {
                    notice("Exception in " + name + ": unknown exception");
                }
            });
    } catch (...) {
        std::lock_guard<std::mutex> g(impl_->reg_mu);
        --impl_->pending;
        ++impl_->epoch;
        throw;
    }
}

void Runtime::adopt_thread(std::thread t) {
    std::lock_guard<std::mutex> g(impl_->reg_mu);
    impl_->adopted.push_back(std::move(t));
}

std::string Runtime::worker_name(uint16_t worker) const {
    std::lock_guard<std::mutex> g(impl_->reg_mu);
    return worker < impl_->workers.size() ? impl_->workers[worker].name : std::string("?");
}

std::vector<WorkerStats> Runtime::worker_stats() const {
    std::lock_guard<std::mutex> g(impl_->reg_mu);
    std::vector<WorkerStats> out;
    for (const auto& w : impl_->workers) {
        WorkerStats s;
        s.worker = w.id;
        s.name = w.name;
        s.process = w.process;
        s.gil_hold_ms = w.gil_hold_ns.load(std::memory_order_relaxed) / 1e6;
        s.gil_wait_ms = w.gil_wait_ns.load(std::memory_order_relaxed) / 1e6;
        s.gil_switches = w.gil_switches.load(std::memory_order_relaxed);
        s.gil_drop_requests = w.gil_drop_requests.load(std::memory_order_relaxed);
        s.cpu_ms = w.cpu_ns.load(std::memory_order_relaxed) / 1e6;
        s.alive = w.alive.load(std::memory_order_relaxed);
        out.push_back(std::move(s));
    }
    return out;
}

uint32_t Runtime::next_thread_number() {
    return ++impl_->thread_numbers;
}

uint32_t Runtime::next_serial(const std::string& key) {
    std::lock_guard<std::mutex> g(impl_->serial_mu);
    return impl_->serials[key]++;
}

void Runtime::count_task() {
    const uint32_t n = impl_->tasks.fetch_add(1, std::memory_order_relaxed) + 1;
    if (n > impl_->config.limits.tasks) [[unlikely]] {
        end_run(RunStatus::limit, "Task limit reached (" +
                                      std::to_string(impl_->config.limits.tasks) +
                                      " tasks): the run was stopped.");
        throw RunStopped{};
    }
}

uint32_t Runtime::new_task(std::string name) {
    count_task();
    return impl_->tracer.add_task(std::move(name));
}

uint32_t Runtime::task_prefix(std::string prefix) {
    return impl_->tracer.task_prefix(std::move(prefix));
}

uint32_t Runtime::new_task(uint32_t prefix, uint64_t number) {
    count_task();
    return impl_->tracer.add_task(prefix, number);
}

void Runtime::begin_task(uint32_t task) {
    WorkerContext* c = t_ctx;
    if (!c) return;
    c->record->task_stack.push_back(c->task);
    c->task = task;
    emit(EventKind::task_begin);
}

void Runtime::end_task() {
    WorkerContext* c = t_ctx;
    if (!c || c->record->task_stack.empty()) return;
    emit(EventKind::task_end);
    c->task = c->record->task_stack.back();
    c->record->task_stack.pop_back();
}

void Runtime::switch_task(uint32_t task) {
    WorkerContext* c = t_ctx;
    if (!c) return;
    if (c->record->task_stack.empty()) return begin_task(task);
    const int64_t t = now_ns();
    impl_->tracer.emit(c->worker, EventKind::task_end, c->task, 0, t);
    c->task = task;  // the stack keeps the parent: end pops it, begin pushes it back
    impl_->tracer.emit(c->worker, EventKind::task_begin, task, 0, t);
}

void Runtime::set_state(WorkerState s) {
    WorkerContext* c = t_ctx;
    if (!c || c->state == s) return;
    c->state = s;
    impl_->tracer.emit(c->worker, EventKind::state, c->task, static_cast<uint64_t>(s), now_ns());
}

void Runtime::set_state(WorkerState s, int64_t t) {
    WorkerContext* c = t_ctx;
    if (!c || c->state == s) return;
    c->state = s;
    impl_->tracer.emit(c->worker, EventKind::state, c->task, static_cast<uint64_t>(s), t);
}

void Runtime::emit(EventKind kind, uint64_t arg) {
    WorkerContext* c = t_ctx;
    if (!c) return;
    impl_->tracer.emit(c->worker, kind, c->task, arg, now_ns());
}

void Runtime::emit(EventKind kind, uint64_t arg, int64_t t) {
    WorkerContext* c = t_ctx;
    if (!c) return;
    impl_->tracer.emit(c->worker, kind, c->task, arg, t);
}

// --- Output ----------------------------------------------------------------------------------

void Runtime::print(std::string text) {
    print(std::move(text), OutputStream::out);
}

void Runtime::print(std::string text, OutputStream stream, bool newline) {
    checkpoint();
    WorkerContext* c = t_ctx;
    const size_t bytes = text.size() + sizeof(OutputLine);
    uint64_t index = 0;
    int64_t t = 0;
    bool stored = false;
    {
        std::lock_guard<std::mutex> g(impl_->out_mu);
        // Stamped under the output lock: lines are stored in time order, whatever the workers.
        t = now_ns();
        index = impl_->lines_total++;
        if (impl_->output.size() < impl_->config.limits.output_lines) {
            impl_->output.push_back(OutputLine{t / 1e6, c ? c->task : 0u,
                                               c ? c->worker : uint16_t{0}, std::move(text), t,
                                               stream, newline});
            stored = true;
        } else if (!impl_->truncated) {
            impl_->truncated = true;
            impl_->notices.push_back("Output truncated: only the first " +
                                     std::to_string(impl_->config.limits.output_lines) +
                                     " lines are kept; later lines are counted, not shown.");
        }
    }
    if (c) impl_->tracer.emit(c->worker, EventKind::print, c->task, index, t);
    if (stored) charge_memory(static_cast<std::ptrdiff_t>(bytes));
}

void Runtime::notice(std::string text) {
    std::lock_guard<std::mutex> g(impl_->out_mu);
    impl_->notices.push_back(std::move(text));
}

// --- Stop, limits ----------------------------------------------------------------------------

bool Runtime::stop_requested() const {
    if (impl_->stop.load(std::memory_order_acquire)) return true;
    const WorkerContext* c = t_ctx;
    return c && c->runtime == this && c->record->killed.load(std::memory_order_acquire);
}

void Runtime::check_stop() {
    if (stop_requested()) throw RunStopped{};
}

void Runtime::checkpoint() {
    check_stop();
    WorkerContext* c = t_ctx;
    if (c && c->holds_gil && !c->gil->check(*c)) throw RunStopped{};
}

void Runtime::charge_memory(std::ptrdiff_t bytes) {
    const int64_t now = impl_->memory.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    if (bytes > 0 && now > static_cast<int64_t>(impl_->config.limits.memory_bytes)) {
        end_run(
            RunStatus::limit,
            "Memory limit reached (" + std::to_string(impl_->config.limits.memory_bytes >> 20) +
                " MiB of engine-tracked memory: queues, channels, output): the run was stopped.");
        throw RunStopped{};
    }
}

void Runtime::end_run(RunStatus status, std::string text) {
    RunStatus expected = RunStatus::running;
    if (impl_->end_status.compare_exchange_strong(expected, status) && !text.empty())
        notice(std::move(text));
    {
        std::lock_guard<std::mutex> g(impl_->stop_mu);
        impl_->stop.store(true, std::memory_order_release);
    }
    impl_->stop_cv.notify_all();
    impl_->ctl_cv.notify_all();
}

// --- Blocking --------------------------------------------------------------------------------

std::shared_ptr<Runtime::WaitRecord> Runtime::enter_wait(WorkerState state,
                                                         const WaitTarget& target, bool timed,
                                                         std::function<bool()> probe) {
    WorkerContext* c = t_ctx;
    if (!c) throw std::logic_error("blocking wait outside an Interleave worker");
    auto rec = std::make_shared<WaitRecord>();
    rec->worker = c->worker;
    rec->previous = c->state;
    if (c->holds_gil) {
        // Releasing never blocks, so doing it with the primitive's mutex held is safe.
        c->gil->release(*c, state);
        rec->released_gil = true;
    } else {
        set_state(state);
    }
    if (!timed) {
        rec->target = target;
        rec->probe = std::move(probe);
        {
            std::lock_guard<std::mutex> g(impl_->reg_mu);
            impl_->waits.push_back(rec);
            ++impl_->epoch;
        }
        impl_->ctl_cv.notify_all();  // a deadlock may now be complete: let the controller look
    }
    return rec;
}

bool Runtime::leave_wait(const std::shared_ptr<WaitRecord>& rec) {
    {
        // After this, the detector never calls the probe again: our frame may go away.
        std::lock_guard<std::mutex> g(rec->mu);
        rec->active = false;
    }
    if (rec->probe) {
        std::lock_guard<std::mutex> g(impl_->reg_mu);
        auto& w = impl_->waits;
        w.erase(std::remove(w.begin(), w.end(), rec), w.end());
        ++impl_->epoch;
    }
    WorkerContext* c = t_ctx;
    if (rec->released_gil) return c->gil->acquire(*c);
    set_state(c->gil ? rec->previous : WorkerState::running);
    return true;
}

void Runtime::timed_wait(double seconds, WorkerState state) {
    check_stop();
    WorkerContext* c = t_ctx;
    bool released = false;
    WorkerState previous = c ? c->state : WorkerState::running;
    if (c && c->holds_gil) {
        c->gil->release(*c, state);
        released = true;
    } else {
        set_state(state);
    }
    {
        const int64_t deadline = deadline_after(seconds);
        std::unique_lock<std::mutex> lk(impl_->stop_mu);
        while (!stop_requested()) {
            const int64_t left = deadline - now_ns();
            if (left <= 0) break;
            impl_->stop_cv.wait_for(lk, std::chrono::nanoseconds(left));
        }
    }
    if (released) {
        if (!c->gil->acquire(*c)) throw RunStopped{};
    } else if (c) {
        set_state(c->gil ? previous : WorkerState::running);
    }
    check_stop();
}

// --- Interpreter shutdown, deadlock detection -------------------------------------------------

bool Runtime::Impl::stop_lone_daemons() {
    {
        std::lock_guard<std::mutex> g(reg_mu);
        if (pending != 0 || live == 0) return false;
        for (const auto& w : workers)
            if (w.alive.load(std::memory_order_relaxed) && !w.daemon) return false;
        for (auto& w : workers)
            if (w.alive.load(std::memory_order_relaxed)) w.killed.store(true);
    }
    {
        // Timed waits sleep on stop_cv with stop_requested() as their predicate.
        std::lock_guard<std::mutex> g(stop_mu);
    }
    stop_cv.notify_all();
    return true;
}

bool Runtime::Impl::detect_deadlock(Runtime& rt) {
    std::vector<std::shared_ptr<WaitRecord>> snap;
    uint64_t seen = 0;
    {
        std::lock_guard<std::mutex> g(reg_mu);
        if (live == 0 || pending > 0 || static_cast<int>(waits.size()) != live) return false;
        snap = waits;
        seen = epoch;
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
    std::sort(snap.begin(), snap.end(), [](auto& a, auto& b) { return a->worker < b->worker; });
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
    }
    rt.end_run(RunStatus::deadlock, report);
    return true;
}

// --- WorkerScope, GilReleased -----------------------------------------------------------------

WorkerScope::WorkerScope(Runtime& rt, std::string name, WorkerKind kind, uint16_t process,
                         bool announced, bool daemon) {
    auto& im = rt.impl();
    ctx_.runtime = &rt;
    ctx_.process = process;
    {
        std::lock_guard<std::mutex> g(im.reg_mu);
        ctx_.worker = im.tracer.add_worker(name, kind, process);
        while (im.workers.size() <= ctx_.worker) im.workers.emplace_back();
        WorkerRecord& r = im.workers[ctx_.worker];
        r.id = ctx_.worker;
        r.name = std::move(name);
        r.kind = kind;
        r.process = process;
        r.daemon = daemon;
        ctx_.record = &r;
        ++im.live;
        if (announced) --im.pending;
        ++im.epoch;
    }
    ctx_.gil = rt.gil_for(process);
    previous_ = t_ctx;
    t_ctx = &ctx_;
    if (ctx_.gil) {
        if (!rt.stop_requested()) ctx_.gil->acquire(ctx_);
    } else {
        rt.set_state(WorkerState::running);
    }
}

WorkerScope::~WorkerScope() {
    Runtime& rt = *ctx_.runtime;
    while (!ctx_.record->task_stack.empty()) rt.end_task();
    if (ctx_.holds_gil) ctx_.gil->release(ctx_, WorkerState::idle);
    rt.emit(EventKind::worker_exit);
    t_ctx = previous_;
    auto& im = rt.impl();
    {
        std::lock_guard<std::mutex> g(im.reg_mu);
        ctx_.record->alive.store(false, std::memory_order_relaxed);
        --im.live;
        ++im.epoch;
    }
    im.ctl_cv.notify_all();
}

GilReleased::GilReleased(WorkerState state) {
    WorkerContext* c = t_ctx;
    if (!c) return;
    if (c->holds_gil) {
        c->gil->release(*c, state);
        released_ = true;
    } else {
        c->runtime->set_state(state);
    }
}

GilReleased::~GilReleased() {
    WorkerContext* c = t_ctx;
    if (!c) return;
    if (released_) {
        if (!c->runtime->stop_requested()) c->gil->acquire(*c);  // false only when stopping
    } else if (!c->gil) {
        c->runtime->set_state(WorkerState::running);
    }
}

}  // namespace interleave::engine
