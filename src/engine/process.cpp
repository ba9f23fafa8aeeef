// Interleave engine — Process, process channels, process start-up (see process.hpp).
#include "engine/process.hpp"

#include <algorithm>
#include <cstring>

#include "engine/executor.hpp"
#include "engine/runtime.hpp"

namespace interleave::engine {

// --- Process image (start-up cost) -----------------------------------------------------------

ProcessImage::ProcessImage(Runtime* rt, std::vector<uint8_t> bytes)
    : rt_(rt), bytes_(std::move(bytes)) {}
ProcessImage::ProcessImage(ProcessImage&& o) noexcept
    : rt_(std::exchange(o.rt_, nullptr)), bytes_(std::move(o.bytes_)), checksum_(o.checksum_) {}
ProcessImage& ProcessImage::operator=(ProcessImage&& o) noexcept {
    if (this != &o) {
        this->~ProcessImage();
        new (this) ProcessImage(std::move(o));
    }
    return *this;
}
ProcessImage::~ProcessImage() {
    if (rt_ && !bytes_.empty()) rt_->charge_memory(-static_cast<std::ptrdiff_t>(bytes_.size()));
}

namespace {
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
    rt.set_state(WorkerState::starting);
    const auto& parent = parent_image();
    ProcessImage img;
    rt.charge_memory(static_cast<std::ptrdiff_t>(parent.size()));
    img.rt_ = &rt;
    img.bytes_.resize(parent.size());
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
    rt.set_state(WorkerState::running);
    return img;
}

uint32_t process_serial(Runtime& rt) {
    return detail::run_serial(rt, "process") + 1;
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
    return out;
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
    std::unique_lock<std::mutex> lk(m_);
    if (!items_.empty() || closed_) return true;
    if (timeout_s == 0) return false;
    return Runtime::current().block_until(lk, not_empty_, WorkerState::queue_wait,
                                          WaitTarget{what, {}}, timeout_s,
                                          [this] { return !items_.empty() || closed_; });
}

void Channel::close() {
    {
        std::lock_guard<std::mutex> g(m_);
        closed_ = true;
    }
    not_empty_.notify_all();
}

size_t Channel::size() const {
    std::lock_guard<std::mutex> g(m_);
    return items_.size();
}

// --- Process ---------------------------------------------------------------------------------

class ProcessCore {
  public:
    ProcessCore(Runtime& rt, std::function<void(const Pickled&)> entry)
        : rt_(rt), entry_(std::move(entry)) {
        name_ = "Process-" + std::to_string(process_serial(rt));
    }

    void start(Pickled args) {
        {
            std::lock_guard<std::mutex> g(m_);
            if (started_) throw RuntimeError("processes can only be started once");
            started_ = true;
        }
        pid_ = rt_.new_process();
        args_ = std::move(args);
        rt_.announce_worker();
        thread_ = std::thread([this] { main(); });
    }

    bool join(double timeout_s) {
        std::unique_lock<std::mutex> lk(m_);
        if (!started_) throw RuntimeError("can only join a started process");
        const std::string what = name_ + ".join()";
        const bool done = rt_.block_until(lk, cv_, WorkerState::lock_wait, WaitTarget{what, {}},
                                          timeout_s, [this] { return finished_; });
        lk.unlock();
        if (done) join_thread();
        return done;
    }

    bool alive() const {
        std::lock_guard<std::mutex> g(m_);
        return started_ && !finished_;
    }
    std::optional<int> exitcode() const {
        std::lock_guard<std::mutex> g(m_);
        return exitcode_;
    }
    const std::string& name() const { return name_; }
    void set_name(std::string n) {
        std::lock_guard<std::mutex> g(m_);
        if (started_) throw std::logic_error("set the name before start()");
        name_ = std::move(n);
    }
    uint16_t pid() const { return pid_; }

    void destroy() noexcept {
        bool started;
        {
            std::lock_guard<std::mutex> g(m_);
            started = started_;
        }
        if (!started) return;
        // Stopping: no blocking wait that would only throw (see ExecutorCore::destroy).
        if (!rt_.stop_requested()) {
            try {
                join(-1);
                return;
            } catch (...) {
                // The run is stopping: the child sees it at its next cancellation point.
            }
        }
        join_thread();
    }

  private:
    void join_thread() {
        std::lock_guard<std::mutex> g(join_m_);
        if (thread_.joinable()) thread_.join();
    }

    void main() {
        int code = 0;
        {
            WorkerScope scope(rt_, name_, WorkerKind::process_main, pid_, /*announced=*/true);
            uint32_t task = 0;
            try {
                task = rt_.new_task(name_);
                rt_.begin_task(task);
                ProcessImage image = start_process_image(rt_);  // fork/spawn's real cost
                entry_(args_);
            } catch (const RunStopped&) {
                code = -15;
            } catch (const std::exception& e) {
                code = 1;
                rt_.notice("Process " + name_ + ": " + e.what());
            } catch (...) {
                code = 1;
                rt_.notice("Process " + name_ + ": unknown exception");
            }
            if (task) rt_.end_task();
            args_ = Pickled{};  // the child's memory goes with it (handles included)
            // Still a worker here: join() waits on a flag only a worker may set (deadlock
            // detection exactness).
            {
                std::lock_guard<std::mutex> g(m_);
                exitcode_ = code;
                finished_ = true;
            }
            cv_.notify_all();
        }
    }

    Runtime& rt_;
    std::function<void(const Pickled&)> entry_;
    mutable std::mutex m_;
    std::condition_variable cv_;
    std::mutex join_m_;
    std::thread thread_;
    std::string name_;
    Pickled args_;
    uint16_t pid_ = 0;
    bool started_ = false;
    bool finished_ = false;
    std::optional<int> exitcode_;
};

std::shared_ptr<ProcessCore> make_process(std::function<void(const Pickled&)> entry) {
    return std::make_shared<ProcessCore>(Runtime::current(), std::move(entry));
}
void process_start(ProcessCore& p, Pickled args) {
    p.start(std::move(args));
}
bool process_join(ProcessCore& p, double timeout_s) {
    return p.join(timeout_s);
}
bool process_alive(const ProcessCore& p) {
    return p.alive();
}
std::optional<int> process_exitcode(const ProcessCore& p) {
    return p.exitcode();
}
const std::string& process_name(const ProcessCore& p) {
    return p.name();
}
void process_set_name(ProcessCore& p, std::string name) {
    p.set_name(std::move(name));
}
uint16_t process_pid(const ProcessCore& p) {
    return p.pid();
}
void process_destroy(ProcessCore& p) noexcept {
    p.destroy();
}

}  // namespace detail
}  // namespace interleave::engine
