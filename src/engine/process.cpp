// Interleave engine — Process, process channels, process start-up (see process.hpp).
#include "engine/process.hpp"

#include <algorithm>
#include <cstring>

#include <system_error>

#include "engine/executor.hpp"
#include "engine/machine.hpp"
#include "engine/runtime.hpp"

namespace interleave::engine {

// --- Process image (start-up cost) -----------------------------------------------------------

ProcessImage::ProcessImage(Runtime* rt, std::vector<uint8_t> bytes)
    : rt_(rt), bytes_(std::move(bytes)), charged_(bytes_.size()) {}
ProcessImage::ProcessImage(ProcessImage&& o) noexcept
    : rt_(std::exchange(o.rt_, nullptr)),
      bytes_(std::move(o.bytes_)),
      charged_(std::exchange(o.charged_, 0)),
      checksum_(o.checksum_) {}
ProcessImage& ProcessImage::operator=(ProcessImage&& o) noexcept {
    if (this != &o) {
        this->~ProcessImage();
        new (this) ProcessImage(std::move(o));
    }
    return *this;
}
ProcessImage::~ProcessImage() {
    if (rt_ && charged_) rt_->charge_memory(-static_cast<std::ptrdiff_t>(charged_));
}

namespace {
// On the simulated machine, before an access other processes can see: their earlier events
// happen first (sim.hpp, lookahead: interpreted code may have run ahead of them).
void sync_shared_here() {
    if (WorkerContext* c = current_worker()) c->sync_shared();
}

// The "parent's memory": a deterministic pattern, built once per program.
const std::vector<uint8_t>& parent_image() {
    static const std::vector<uint8_t> image = [] {
        std::vector<uint8_t> v(kProcessImageBytes);
        uint64_t x = 0x9E3779B97F4A7C15ull;
        for (size_t i = 0; i + 8 <= v.size(); i += 8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            std::memcpy(v.data() + i, &x, 8);
        }
        return v;
    }();
    return image;
}
}  // namespace

ProcessImage start_process_image(Runtime& rt) {
    WorkerContext& ctx = *current_worker();
    ctx.set_state(WorkerState::starting);
    const auto& parent = parent_image();
    ProcessImage img;
    rt.charge_memory(static_cast<std::ptrdiff_t>(parent.size()));
    img.rt_ = &rt;
    if (ctx.simulated()) {
        // The simulated machine charges a process start by its constant; the bytes are only
        // accounted (a real copy would cost real time and say nothing).
        img.charged_ = parent.size();
        ctx.charge_ns(Machine::kProcessStartNs);
        ctx.checkpoint();
        img.checksum_ = 0;
        ctx.set_state(WorkerState::running);
        return img;
    }
    img.bytes_.resize(parent.size());
    img.charged_ = parent.size();
    // Copy, then checksum the copy a few times, in chunks: the real work of fork (page copies)
    // and of a fresh interpreter initialising its state (~3 ms natively), with a cancellation
    // point per chunk so stop() stays prompt.
    constexpr size_t kChunk = 256u << 10;
    constexpr int kInitPasses = 4;
    uint64_t h = 1469598103934665603ull;
    for (size_t off = 0; off < parent.size(); off += kChunk) {
        rt.check_stop();
        std::memcpy(img.bytes_.data() + off, parent.data() + off,
                    std::min(kChunk, parent.size() - off));
    }
    for (int pass = 0; pass < kInitPasses; ++pass) {
        for (size_t off = 0; off < parent.size(); off += kChunk) {
            rt.check_stop();
            const size_t end = std::min(off + kChunk, parent.size());
            for (size_t i = off; i + 8 <= end; i += 8) {
                uint64_t w;
                std::memcpy(&w, img.bytes_.data() + i, 8);
                h = (h ^ w) * 1099511628211ull;
            }
        }
    }
    img.checksum_ = h;
    ctx.set_state(WorkerState::running);
    return img;
}

uint32_t process_serial(Runtime& rt) {
    sync_shared_here();  // numbered in virtual-time order across processes
    return rt.next_serial("process") + 1;
}

namespace detail {

void serialising_begin() {
    Runtime::current().set_state(WorkerState::serialising);
}
void serialising_end() {
    Runtime::current().set_state(WorkerState::running);
}

Pickled pickle_traced(const std::function<void(Pickled&)>& dump) {
    serialising_begin();
    struct End {
        ~End() { serialising_end(); }
    } end;
    Pickled out;
    dump(out);
    charge_pickle(out);
    return out;
}

void charge_pickle(const Pickled& msg) {
    WorkerContext* c = current_worker();
    if (!c || !c->simulated()) return;
    c->charge_ns(Machine::kPickleNsPerMessage +
                 static_cast<int64_t>(msg.size()) * Machine::kPickleNsPerByte);
    c->checkpoint();
}

// --- Channel ---------------------------------------------------------------------------------

Channel::~Channel() {
    if (charged_to_ && charged_) {
        try {
            charged_to_->charge_memory(-charged_);
        } catch (...) {
        }
    }
}

bool Channel::put(Pickled msg, double timeout_s, const char* what) {
    Runtime& rt = Runtime::current();
    const auto bytes = static_cast<std::ptrdiff_t>(msg.size() + 16 * msg.handles.size());
    sync_shared_here();  // sent at the sender's time: never seen before it
    std::unique_lock<std::mutex> lk(m_);
    if (maxsize_ > 0) {
        if (!rt.block_until(lk, not_full_, WorkerState::queue_wait, WaitTarget{what, {}}, timeout_s,
                            [this] { return items_.size() < maxsize_; }))
            return false;
    }
    // Charged while in flight; the channel outlives single runs only in misuse (then the
    // runtime pointer is stale), so the runtime is fixed at first use.
    if (!charged_to_) charged_to_ = &rt;
    if (charged_to_ == &rt) {
        rt.charge_memory(bytes);
        charged_ += bytes;
    }
    items_.push_back(std::move(msg));
    lk.unlock();
    not_empty_.notify_one();
    return true;
}

std::optional<Pickled> Channel::get(double timeout_s, const char* what) {
    Runtime& rt = Runtime::current();
    sync_shared_here();
    std::unique_lock<std::mutex> lk(m_);
    if (!rt.block_until(lk, not_empty_, WorkerState::queue_wait, WaitTarget{what, {}}, timeout_s,
                        [this] { return !items_.empty() || closed_; }))
        return std::nullopt;
    if (items_.empty()) throw EOFError();
    Pickled msg = std::move(items_.front());
    items_.pop_front();
    const auto bytes = static_cast<std::ptrdiff_t>(msg.size() + 16 * msg.handles.size());
    if (charged_to_ == &rt && charged_ >= bytes) {
        charged_ -= bytes;
        rt.charge_memory(-bytes);
    }
    lk.unlock();
    not_full_.notify_one();
    return msg;
}

bool Channel::poll(double timeout_s, const char* what) {
    sync_shared_here();  // exact, not early: a message sent later is not seen yet
    std::unique_lock<std::mutex> lk(m_);
    if (!items_.empty() || closed_) return true;
    if (timeout_s == 0) return false;
    return Runtime::current().block_until(lk, not_empty_, WorkerState::queue_wait,
                                          WaitTarget{what, {}}, timeout_s,
                                          [this] { return !items_.empty() || closed_; });
}

void Channel::close() {
    sync_shared_here();
    {
        std::lock_guard<std::mutex> g(m_);
        closed_ = true;
    }
    not_empty_.notify_all();
}

size_t Channel::size() const {
    sync_shared_here();
    std::lock_guard<std::mutex> g(m_);
    return items_.size();
}

}  // namespace detail

// --- Process ---------------------------------------------------------------------------------

std::shared_ptr<ProcessCore> ProcessCore::create() {
    return std::shared_ptr<ProcessCore>(new ProcessCore(Runtime::current()));
}

ProcessCore::ProcessCore(Runtime& rt) : rt_(rt) {
    name_ = "Process-" + std::to_string(process_serial(rt));
}

ProcessCore::~ProcessCore() = default;

void ProcessCore::start(std::function<void(const Pickled&)> entry, Pickled args) {
    sync_shared_here();
    {
        std::lock_guard<std::mutex> g(m_);
        if (started_) throw RuntimeError("processes can only be started once");
        started_ = true;
    }
    pid_ = rt_.new_process();
    auto self = shared_from_this();
    auto fn = [self, entry = std::move(entry), args = std::move(args)]() mutable {
        Runtime& rt = self->rt_;
        int code = 0;
        uint32_t task = 0;
        try {
            task = rt.new_task(self->name_);
            rt.begin_task(task);
            ProcessImage image = start_process_image(rt);  // fork/spawn's cost
            entry(args);
        } catch (const RunStopped&) {
            const int sig = rt.process_kill_signal(self->pid_);
            code = sig ? -sig : -15;
        } catch (const ProcessExit& e) {
            code = e.code;
        } catch (const std::exception& e) {
            code = 1;
            rt.notice("Process " + self->name_ + ": " + e.what());
        } catch (...) {
            code = 1;
            rt.notice("Process " + self->name_ + ": unknown exception");
        }
        if (task) rt.end_task();
        args = Pickled{};    // the child's memory goes with it (handles included)
        sync_shared_here();  // its end is seen (is_alive, exitcode, join) at its time
        // Still a worker here: join() waits on a flag only a worker may set (deadlock
        // detection exactness).
        {
            std::lock_guard<std::mutex> g(self->m_);
            self->exitcode_ = code;
            self->finished_ = true;
        }
        self->cv_.notify_all();
    };
    try {
        WorkerThread t =
            rt_.spawn_worker(name_, WorkerKind::process_main, pid_, std::move(fn), daemon_);
        std::lock_guard<std::mutex> g(join_m_);
        thread_ = std::move(t);
    } catch (const std::system_error&) {
        std::lock_guard<std::mutex> g(m_);
        started_ = false;
        throw RuntimeError("can't start new thread");
    }
}

bool ProcessCore::join(double timeout_s) {
    sync_shared_here();
    std::unique_lock<std::mutex> lk(m_);
    if (!started_) throw RuntimeError("can only join a started process");
    const std::string what = name_ + ".join()";
    const bool done = rt_.block_until(lk, cv_, WorkerState::lock_wait, WaitTarget{what, {}},
                                      timeout_s, [this] { return finished_; });
    lk.unlock();
    if (done) {
        std::lock_guard<std::mutex> g(join_m_);
        if (thread_.joinable()) thread_.join();  // past its last engine action: brief
    }
    return done;
}

bool ProcessCore::is_alive() const {
    sync_shared_here();
    std::lock_guard<std::mutex> g(m_);
    return started_ && !finished_;
}

std::optional<int> ProcessCore::exitcode() const {
    sync_shared_here();
    std::lock_guard<std::mutex> g(m_);
    return exitcode_;
}

void ProcessCore::set_name(std::string n) {
    std::lock_guard<std::mutex> g(m_);
    if (started_) throw std::logic_error("set the name before start()");
    name_ = std::move(n);
}

void ProcessCore::set_daemon(bool d) {
    std::lock_guard<std::mutex> g(m_);
    if (started_) throw std::logic_error("cannot set daemon status of active process");
    daemon_ = d;
}

void ProcessCore::signal(int sig) {
    sync_shared_here();  // the target stops at this time (or, ahead, at its next check)
    {
        std::lock_guard<std::mutex> g(m_);
        if (!started_ || finished_) return;
    }
    rt_.kill_process(pid_, sig);
}

void ProcessCore::terminate() {
    signal(15);
}

void ProcessCore::kill() {
    signal(9);
}

void ProcessCore::detach() noexcept {
    std::lock_guard<std::mutex> g(join_m_);
    detached_ = true;
    thread_.detach();
}

void ProcessCore::close() noexcept {
    {
        std::lock_guard<std::mutex> g(join_m_);
        if (detached_) return;  // the run joins it
    }
    bool started, finished;
    {
        std::lock_guard<std::mutex> g(m_);
        started = started_;
        finished = finished_;
    }
    if (!started) return;
    if (daemon_ && !finished && !rt_.stop_requested()) return detach();
    // Stopping: no blocking wait that would only throw (see ExecutorCore::close).
    if (!rt_.stop_requested()) {
        try {
            join(-1);
            return;
        } catch (...) {
            // The run is stopping: the child sees it at its next cancellation point.
        }
    }
    std::lock_guard<std::mutex> g(join_m_);
    if (thread_.joinable()) thread_.join();  // never throws RunStopped: waits through a stop
}

}  // namespace interleave::engine
