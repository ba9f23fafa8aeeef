// Runtime: construction, processes, the worker registry (spawn, WorkerScope, WorkerThread),
// tasks, trace, output, stop and limits. Waits: wait.cpp; shutdown and deadlocks: shutdown.cpp.
#include "engine/runtime.hpp"

#include <algorithm>
#include <stdexcept>
#include <system_error>

#include "engine/clock_source.hpp"
#include "engine/gil.hpp"
#include "engine/runtime_impl.hpp"
#include "engine/sim.hpp"

namespace interleave::engine {

namespace {
thread_local WorkerContext* t_ctx = nullptr;
}  // namespace

WorkerContext* current_worker() {
    return t_ctx;
}

Runtime::Impl& impl_of(Runtime& rt) noexcept {
    return *rt.impl_;
}

Runtime::Impl::Impl(RunConfig c)
    : config(std::move(c)), machine(config.machine), tracer(config.limits.trace_events) {}

Runtime::Impl::~Impl() = default;

void Runtime::Impl::set_breaker_all(uint32_t bits) {
    std::lock_guard<std::mutex> g(proc_mu);
    for (auto& p : processes) p.breaker.fetch_or(bits, std::memory_order_relaxed);
}

void Runtime::Impl::clear_breaker_all(uint32_t bits) {
    std::lock_guard<std::mutex> g(proc_mu);
    for (auto& p : processes) p.breaker.fetch_and(~bits, std::memory_order_relaxed);
}

Runtime::Runtime(RunConfig config) : impl_(std::make_unique<Impl>(std::move(config))) {
    if (impl_->machine.simulated()) impl_->sim = std::make_unique<Sim>(*this);
    new_process();  // process 0: the run's main process
    impl_->threads.prestart(impl_->config.prestart_threads);
}

Runtime::~Runtime() = default;

void Runtime::no_worker() {
    throw std::logic_error("blocking wait outside a worker of this Interleave run");
}

Runtime& Runtime::current() {
    if (!t_ctx || !t_ctx->runtime_) throw std::logic_error("not inside an Interleave run");
    return *t_ctx->runtime_;
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
const Clock& Runtime::clock() const {
    return impl_->clock;
}
const Machine& Runtime::machine() const {
    return impl_->machine;
}

// --- Processes -------------------------------------------------------------------------------

uint16_t Runtime::new_process() {
    std::lock_guard<std::mutex> g(impl_->proc_mu);
    auto id = static_cast<uint16_t>(impl_->processes.size());
    ProcessRecord& p = impl_->processes.emplace_back();
    if (impl_->config.gil)
        p.gil = std::make_unique<Gil>(*this, id, impl_->config.switch_interval_ms, &p.breaker);
    // A process started while the run stops is stopping from its first instruction.
    if (impl_->stop.load(std::memory_order_acquire))
        p.breaker.store(breaker::stop, std::memory_order_relaxed);
    return id;
}

Gil* Runtime::gil_for(uint16_t process) {
    std::lock_guard<std::mutex> g(impl_->proc_mu);
    return process < impl_->processes.size() ? impl_->processes[process].gil.get() : nullptr;
}

// --- Workers ---------------------------------------------------------------------------------

WorkerThread Runtime::spawn_worker(std::string name, WorkerKind kind, uint16_t process,
                                   std::function<void()> fn, bool daemon) {
    Impl& im = *impl_;
    uint16_t id = 0;
    {
        std::lock_guard<std::mutex> g(im.reg_mu);
        if (static_cast<size_t>(im.live) >= im.config.limits.threads)
            throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again),
                                    "can't start new thread");
        // Registered now, by the spawner: ids (and so names in the trace) follow the program,
        // not the order in which the OS happens to start threads.
        id = im.tracer.add_worker(name, kind, process);
        while (im.workers.size() <= id) im.workers.emplace_back();
        WorkerRecord& r = im.workers[id];
        r.id = id;
        r.name = name;
        r.kind = kind;
        r.process = process;
        r.daemon = daemon;
        ++im.live;
        ++im.epoch;
    }
    const WorkerContext* spawner = t_ctx && t_ctx->runtime_ == this ? t_ctx : nullptr;
    if (im.sim) im.sim->admit(id, spawner);
    WorkerThread handle;
    handle.rt_ = this;
    handle.worker_ = id;
    try {
        handle.job_ =
            im.threads.run([this, id, name = std::move(name), fn = std::move(fn)]() mutable {
                WorkerScope scope(*this, id);
                try {
                    fn();
                } catch (const RunStopped&) {
                } catch (const std::exception& e) {
                    notice("Exception in " + name + ": " + e.what());
                } catch (...) {
                    notice("Exception in " + name + ": unknown exception");
                }
                // What the body captured dies here, while this is still a worker of the run (a
                // captured engine object's destructor may use the run).
                try {
                    fn = nullptr;
                } catch (...) {
                }
            });
    } catch (...) {
        // No OS thread (the browser's worker pool ran dry, or the OS said no): the worker
        // never existed. It was registered in the tracer; it stays there, ended, with no
        // events.
        if (im.sim) im.sim->abandon_admission(id);
        {
            std::lock_guard<std::mutex> g(im.reg_mu);
            im.workers[id].alive.store(false, std::memory_order_release);
            --im.live;
            ++im.epoch;
        }
        im.ctl_cv.notify_all();
        throw;
    }
    return handle;
}

bool Runtime::wait_worker_exit(uint16_t worker, double timeout_s) {
    WorkerRecord* r = nullptr;
    {
        std::lock_guard<std::mutex> g(impl_->reg_mu);
        if (worker >= impl_->workers.size()) return true;
        r = &impl_->workers[worker];
    }
    const std::string what = r->name + ".join()";
    std::unique_lock<std::mutex> lk(impl_->exit_mu);
    return block_until(lk, impl_->exit_cv, WorkerState::lock_wait, WaitTarget{what, {}}, timeout_s,
                       [r] { return !r->alive.load(std::memory_order_acquire); });
}

bool Runtime::worker_alive(uint16_t worker) const {
    std::lock_guard<std::mutex> g(impl_->reg_mu);
    return worker < impl_->workers.size() &&
           impl_->workers[worker].alive.load(std::memory_order_relaxed);
}

bool Runtime::worker_is_daemon(uint16_t worker) const {
    std::lock_guard<std::mutex> g(impl_->reg_mu);
    return worker < impl_->workers.size() && impl_->workers[worker].daemon;
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
        s.running_ms = w.busy_ns.load(std::memory_order_relaxed) / 1e6;
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

// --- WorkerThread ----------------------------------------------------------------------------

WorkerThread& WorkerThread::operator=(WorkerThread&& o) noexcept {
    if (this != &o) {
        job_ = std::move(o.job_);
        rt_ = o.rt_;
        worker_ = o.worker_;
    }
    return *this;
}

WorkerThread::~WorkerThread() = default;

void WorkerThread::join() {
    if (!job_) throw std::logic_error("WorkerThread::join: not joinable");
    WorkerContext* c = t_ctx;
    // On a worker of the run, wait the engine's way first; the OS wait is then brief (the
    // thread is past its last engine action). The simulated machine needs this: an OS wait
    // with the baton held would never let the ending worker finish.
    if (c && &c->runtime() == rt_) {
        try {
            rt_->wait_worker_exit(worker_);
        } catch (const RunStopped&) {
            // Stopping: the worker ends by itself at its next cancellation point. On the
            // simulated machine it needs turns for that, so keep waiting the engine's way.
            impl_of(*rt_).await_exit(*c, worker_);
        }
    }
    impl_of(*rt_).threads.wait(*job_);
    job_.reset();
}

// --- WorkerScope -----------------------------------------------------------------------------

WorkerScope::WorkerScope(Runtime& rt, uint16_t worker) {
    auto& im = impl_of(rt);
    ctx_.runtime_ = &rt;
    ctx_.worker_ = worker;
    {
        std::lock_guard<std::mutex> g(im.reg_mu);
        ctx_.record_ = &im.workers[worker];
        ++im.epoch;
    }
    if (ctx_.record_->kind == WorkerKind::main &&
        !im.time_started.load(std::memory_order_acquire)) {
        if (!im.sim) im.clock.restart();  // virtual time starts at 0 by itself
        im.time_started.store(true, std::memory_order_release);
        im.time_started.notify_all();
    }
    ctx_.process_ = ctx_.record_->process;
    {
        ProcessRecord& p = im.process(ctx_.process_);
        ctx_.gil_ = p.gil.get();
        ctx_.breaker_ = &p.breaker;
    }
    if (!im.sim) ctx_.cpu_base_ns_ = std::max<int64_t>(0, platform::thread_cpu_ns());
    previous_ = t_ctx;
    t_ctx = &ctx_;
    if (im.sim) im.sim->attach(ctx_);  // waits for this worker's first turn
    if (ctx_.gil_) {
        if (!rt.stop_requested(ctx_)) ctx_.gil_->acquire(ctx_);
    } else {
        ctx_.set_state(WorkerState::running);
    }
}

WorkerScope::~WorkerScope() {
    Runtime& rt = *ctx_.runtime_;
    auto& im = impl_of(rt);
    while (!ctx_.record_->task_stack.empty()) ctx_.end_task();
    if (ctx_.holds_gil_) ctx_.gil_->release(ctx_, WorkerState::idle);
    const int64_t t = ctx_.now_ns();
    if (ctx_.record_->busy_since >= 0) {  // a free-threaded worker ends running
        ctx_.record_->busy_ns.fetch_add(t - ctx_.record_->busy_since, std::memory_order_relaxed);
        ctx_.record_->busy_since = -1;
    }
    ctx_.emit(EventKind::worker_exit, 0, t);
    // The OS thread's CPU time since this worker started on it is all the run's.
    if (!im.sim)
        if (const int64_t cpu = platform::thread_cpu_ns(); cpu > 0)
            im.workers_cpu_ns.fetch_add(cpu - ctx_.cpu_base_ns_, std::memory_order_relaxed);
    bool last_non_daemon = false;
    {
        std::lock_guard<std::mutex> g(im.reg_mu);
        ctx_.record_->alive.store(false, std::memory_order_release);
        --im.live;
        ++im.epoch;
        if (t > im.last_exit_ns.load(std::memory_order_relaxed))
            im.last_exit_ns.store(t, std::memory_order_relaxed);
        if (!ctx_.record_->daemon) {
            last_non_daemon = true;
            for (const auto& w : im.workers)
                if (w.alive.load(std::memory_order_relaxed) && !w.daemon) last_non_daemon = false;
        }
    }
    { std::lock_guard<std::mutex> g(im.exit_mu); }  // a waiter checks under exit_mu
    im.exit_cv.notify_all();
    im.ctl_cv.notify_all();
    // Interpreter shutdown on the simulated machine happens at this virtual instant, decided
    // here (the real machine's controller polls for it).
    if (im.sim && last_non_daemon) im.stop_lone_daemons();
    if (im.sim) im.sim->exit(ctx_);  // hands the turn on; nothing of the run is touched after
    t_ctx = previous_;
}

// --- Tasks and trace ---------------------------------------------------------------------------

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
    if (WorkerContext* c = t_ctx) c->begin_task(task);
}
void Runtime::end_task() {
    if (WorkerContext* c = t_ctx) c->end_task();
}
void Runtime::switch_task(uint32_t task) {
    if (WorkerContext* c = t_ctx) c->switch_task(task);
}
void Runtime::set_state(WorkerState s) {
    if (WorkerContext* c = t_ctx) c->set_state(s);
}
void Runtime::set_state(WorkerState s, int64_t t) {
    if (WorkerContext* c = t_ctx) c->set_state(s, t);
}
void Runtime::emit(EventKind kind, uint64_t arg) {
    if (WorkerContext* c = t_ctx) c->emit(kind, arg);
}
void Runtime::emit(EventKind kind, uint64_t arg, int64_t t) {
    if (WorkerContext* c = t_ctx) c->emit(kind, arg, t);
}

void WorkerContext::begin_task(uint32_t task) {
    record_->task_stack.push_back(task_);
    task_ = task;
    emit(EventKind::task_begin);
}

void WorkerContext::end_task() {
    if (record_->task_stack.empty()) return;
    emit(EventKind::task_end);
    task_ = record_->task_stack.back();
    record_->task_stack.pop_back();
}

void WorkerContext::switch_task(uint32_t task) {
    if (record_->task_stack.empty()) return begin_task(task);
    const int64_t t = now_ns();
    Tracer& tr = impl_of(*runtime_).tracer;
    tr.emit(worker_, EventKind::task_end, task_, 0, t);
    task_ = task;  // the stack keeps the parent: end pops it, begin pushes it back
    tr.emit(worker_, EventKind::task_begin, task, 0, t);
}

void WorkerContext::set_state(WorkerState s) {
    if (state_ == s) return;
    set_state(s, now_ns());
}

namespace {
// The states a thread enters to wait for something (WorkerContext::on_wait).
bool is_wait(WorkerState s) {
    return s == WorkerState::gil_wait || s == WorkerState::lock_wait ||
           s == WorkerState::queue_wait || s == WorkerState::io_wait;
}
}  // namespace

void WorkerContext::set_wait_line(int line) noexcept {
    record_->wait_line.store(line, std::memory_order_relaxed);
}

void WorkerContext::set_state(WorkerState s, int64_t t) {
    if (state_ == s) return;
    // Running time (time.thread_time in the browser and the simulated machine): the busy
    // states, as the usage view counts them.
    const bool was = is_busy(state_), now = is_busy(s);
    if (was && !now && record_->busy_since >= 0) {
        record_->busy_ns.fetch_add(t - record_->busy_since, std::memory_order_relaxed);
        record_->busy_since = -1;
    } else if (!was && now) {
        record_->busy_since = t;
    }
    if (on_wait && is_wait(s) && !is_wait(state_)) on_wait(*this);
    if ((state_ == WorkerState::running) != (s == WorkerState::running))  // OtherWorkProbe
        record_->running_gen.store(record_->running_gen.load(std::memory_order_relaxed) + 1,
                                   std::memory_order_release);
    state_ = s;
    impl_of(*runtime_).tracer.emit(worker_, EventKind::state, task_, static_cast<uint64_t>(s), t);
}

void WorkerContext::emit(EventKind kind, uint64_t arg) {
    impl_of(*runtime_).tracer.emit(worker_, kind, task_, arg, now_ns());
}

void WorkerContext::emit(EventKind kind, uint64_t arg, int64_t t) {
    impl_of(*runtime_).tracer.emit(worker_, kind, task_, arg, t);
}

bool WorkerContext::is_daemon() const noexcept {
    return record_->daemon;
}

void WorkerContext::set_breaker(uint32_t bits) noexcept {
    breaker_->fetch_or(bits, std::memory_order_relaxed);
}

void WorkerContext::clear_breaker(uint32_t bits) noexcept {
    breaker_->fetch_and(~bits, std::memory_order_relaxed);
}

int64_t WorkerContext::now_ns() const noexcept {
    if (sim_) return Sim::time_of(*sim_);
    return runtime_->impl_->clock.now_ns();
}

void WorkerContext::add_cpu_ns(int64_t ns) noexcept {
    record_->cpu_ns.fetch_add(ns, std::memory_order_relaxed);
}

int64_t WorkerContext::thread_time_ns() const noexcept {
    if (!sim_) {
        const int64_t cpu = platform::thread_cpu_ns();
        if (cpu >= 0) return cpu - cpu_base_ns_;
    }
    int64_t t = record_->busy_ns.load(std::memory_order_relaxed);
    if (record_->busy_since >= 0) t += now_ns() - record_->busy_since;
    return t;
}

bool WorkerContext::line_sample_due() noexcept {
    const uint64_t e = impl_of(*runtime_).line_epoch.load(std::memory_order_relaxed);
    if (e == line_epoch_) return false;
    line_epoch_ = e;
    // With the GIL this worker is the process's only runner: the period is served for it.
    if (gil_) clear_breaker(breaker::line_sample);
    return true;
}

void WorkerContext::print(std::string text, Stream stream) {
    runtime_->print(std::move(text), stream);
}

// --- Output ----------------------------------------------------------------------------------

void Runtime::print(std::string text, Stream stream, bool newline) {
    WorkerContext* c = t_ctx;
    if (c && c->runtime_ != this) c = nullptr;
    // The line appears at this worker's time after the checkpoint (the earliest event on the
    // simulated machine, so lines stay in time order); its cost is charged afterwards.
    if (c) {
        c->checkpoint();
        c->sync_shared();  // every process writes here: lines in time order (lookahead)
    } else {
        check_stop();
    }
    const size_t bytes = text.size() + sizeof(OutputLine);
    uint64_t index = 0;
    int64_t t = 0;
    bool stored = false;
    {
        std::lock_guard<std::mutex> g(impl_->out_mu);
        // Stamped under the output lock: lines are stored in time order, whatever the workers.
        t = c ? c->now_ns() : now_ns();
        index = impl_->lines_total++;
        if (impl_->output.size() < impl_->config.limits.output_lines) {
            impl_->output.push_back(OutputLine{t / 1e6, c ? c->task_ : 0u,
                                               c ? c->worker_ : uint16_t{0}, std::move(text), t,
                                               stream, newline});
            stored = true;
        } else if (!impl_->truncated) {
            impl_->truncated = true;
            impl_->notices.push_back("Output truncated: only the first " +
                                     std::to_string(impl_->config.limits.output_lines) +
                                     " lines are kept; later lines are counted, not shown.");
        }
    }
    if (c) c->emit(EventKind::print, index, t);
    if (stored) charge_memory(static_cast<std::ptrdiff_t>(bytes));
    if (c && c->sim_) c->charge_ns(Machine::kPrintNs);
}

void Runtime::notice(std::string text) {
    std::lock_guard<std::mutex> g(impl_->out_mu);
    impl_->notices.push_back(std::move(text));
}

// --- Stop, limits ----------------------------------------------------------------------------

bool Runtime::stop_requested(const WorkerContext& c) const {
    if (impl_->stop.load(std::memory_order_acquire)) return true;
    if (c.runtime_ != this) return false;
    // breaker::stop is set in a process's word when it is killed (and in every word on stop).
    return c.record_->killed.load(std::memory_order_acquire) ||
           (c.breaker_->load(std::memory_order_acquire) & breaker::stop);
}

bool Runtime::stop_requested() const {
    if (impl_->stop.load(std::memory_order_acquire)) return true;
    const WorkerContext* c = t_ctx;
    return c && stop_requested(*c);
}

bool Runtime::run_stopping() const {
    return impl_->stop.load(std::memory_order_acquire);
}

void Runtime::check_stop() {
    if (stop_requested()) throw RunStopped{};
}

void Runtime::checkpoint() {
    if (WorkerContext* c = t_ctx; c && c->runtime_ == this)
        c->checkpoint();
    else
        check_stop();
}

void WorkerContext::answer_heartbeat_slow() noexcept {
    if (sim_) return;  // the simulated machine never probes
    const uint32_t e = runtime_->impl_->heartbeat_epoch.load(std::memory_order_acquire);
    if (record_->heartbeat_epoch.load(std::memory_order_relaxed) != e) {
        record_->heartbeat_ns.store(now_ns(), std::memory_order_relaxed);
        record_->heartbeat_epoch.store(e, std::memory_order_release);
    }
}

void WorkerContext::checkpoint_slow() {
    Runtime& rt = *runtime_;
    // A heartbeat (OtherWorkProbe): this worker is on a CPU now. First, before a GIL hand-off.
    answer_heartbeat();
    if (sim_) Sim::yield_point(*this);  // may run earlier events of other workers first
    const bool stopping = rt.stop_requested(*this);
    const uint32_t b = breaker();
    // From here this worker does something others see (it unwinds, or the GIL changes hands):
    // it is no longer inside pure work (Sim::work sets that again when it goes on).
    if (sim_ && (stopping || (b & breaker::gil_drop))) Sim::end_pure(*this);
    if (stopping) throw RunStopped{};
    // kill_daemons is only ever set once every worker left is a daemon: stop_requested above
    // already saw this worker's `killed`.
    if ((b & breaker::gil_drop) && holds_gil_ && !gil_->check(*this)) throw RunStopped{};
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
    impl_->set_breaker_all(breaker::stop);
    if (impl_->sim) impl_->sim->on_stop();
    impl_->wake_all_waits();
    impl_->ctl_cv.notify_all();
}

void Runtime::kill_process(uint16_t process, int signal) {
    {
        std::lock_guard<std::mutex> g(impl_->proc_mu);
        if (process >= impl_->processes.size()) return;
        ProcessRecord& p = impl_->processes[process];
        int none = 0;
        if (!p.kill_signal.compare_exchange_strong(none, signal)) return;
        p.breaker.fetch_or(breaker::stop, std::memory_order_relaxed);
    }
    impl_->wake_all_waits();
}

int Runtime::process_kill_signal(uint16_t process) const {
    std::lock_guard<std::mutex> g(impl_->proc_mu);
    return process < impl_->processes.size()
               ? impl_->processes[process].kill_signal.load(std::memory_order_acquire)
               : 0;
}

void Runtime::request_line_samples() {
    impl_->line_epoch.fetch_add(1, std::memory_order_relaxed);
    impl_->set_breaker_all(breaker::line_sample);
}

}  // namespace interleave::engine
