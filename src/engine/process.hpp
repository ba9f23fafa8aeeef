// Interleave engine — Process, ProcessQueue, Pipe: Python's multiprocessing, simulated.
//
// A Process is an isolated worker: a simulated process (Runtime::new_process) with its own GIL,
// running its target on a fresh worker thread. Isolation is by construction: the target is a
// plain function (or capture-less lambda) and its arguments are pickled by start() and
// unpickled in the child (serialise.hpp), so the child works on its own copy and whatever it
// changes is invisible to the parent. Results and messages come back only through a
// ProcessQueue or a Pipe, which carry pickled bytes. The untyped core (process_core.hpp) has
// the full checklist: exit codes, terminate/kill, daemon.
//
//   void worker(ProcessQueue<int> q, std::vector<int> data) { data.push_back(1);  // a copy
//                                                             q.put(int(data.size())); }
//   ProcessQueue<int> q;
//   Process p(worker, q, std::vector<int>{1, 2});   // name "Process-1"
//   p.start(); int n = q.get(); p.join();           // n == 3; the parent's vector is untouched
//
//   start-up cost ✓ (state `starting` in the child): on the real machine a fresh thread plus
//     copying a 4 MiB process image and checksumming it 4 times, a model of fork's page copying
//     / spawn's interpreter start (~3 ms natively, more in wasm; the parent image is built once
//     per program, ~5 ms); on the simulated machine Machine::kProcessStartNs of virtual time.
//   pickling cost ✓: real work on the real machine; Machine::kPickleNsPerMessage +
//     kPickleNsPerByte per byte of virtual time on the simulated one.
//   shared memory (Value/Array) ✗, module globals ✗: C++ globals ARE shared between simulated
//     processes — do not use them.
//   ProcessQueue ✓ put/get(block, timeout), put_nowait/get_nowait, qsize/empty; bytes in flight
//     count toward the run's memory limit. Pipe ✓ send/recv/poll (duplex or one-way).
//
// Thread-safety: every call from a worker of the run. Pickling is traced as `serialising` on
// the worker that does it (parent for arguments and put, child for get, and vice versa).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/process_core.hpp"
#include "engine/queue.hpp"
#include "engine/serialise.hpp"
#include "engine/thread.hpp"

namespace interleave::engine {

class Runtime;

// ProcessQueue raises queue.Empty / queue.Full: engine::Empty / engine::Full (queue.hpp).
// EOFError: recv() on a pipe whose other end was closed, with nothing left to read.
struct EOFError : std::runtime_error {
    EOFError() : std::runtime_error("EOFError") {}
};

// A process's private memory: what fork copies / spawn initialises. Charged to the run's memory
// limit while alive.
class ProcessImage {
  public:
    ProcessImage() = default;
    ProcessImage(Runtime* rt, std::vector<uint8_t> bytes);
    ProcessImage(ProcessImage&&) noexcept;
    ProcessImage& operator=(ProcessImage&&) noexcept;
    ~ProcessImage();
    size_t size() const { return bytes_.size(); }
    uint64_t checksum() const { return checksum_; }

  private:
    Runtime* rt_ = nullptr;
    std::vector<uint8_t> bytes_;
    size_t charged_ = 0;  // bytes charged to the run's memory (the simulated machine copies none)
    uint64_t checksum_ = 0;
    friend ProcessImage start_process_image(Runtime& rt);
};

// The child side of a process start: state `starting`, copy and checksum the parent's image
// (a cancellation point every 256 KiB), then state `running`. Call on the new process's worker.
ProcessImage start_process_image(Runtime& rt);
inline constexpr size_t kProcessImageBytes = 4u << 20;

// CPython's process counter, shared by Process and pool processes: 1, 2, ... per run.
uint32_t process_serial(Runtime& rt);

namespace detail {

// A one-way channel of pickled messages. Shared by every end that refers to it.
class Channel {
  public:
    explicit Channel(size_t maxsize) : maxsize_(maxsize) {}
    ~Channel();
    // Blocks (queue_wait) while full; false on timeout. Charges the bytes to the run.
    bool put(Pickled msg, double timeout_s, const char* what);
    // Blocks (queue_wait) while empty; nullopt on timeout. Throws EOFError if closed and empty.
    std::optional<Pickled> get(double timeout_s, const char* what);
    bool poll(double timeout_s, const char* what);  // a message is ready (or closed)
    void close();                                   // the writer went away
    size_t size() const;

  private:
    mutable std::mutex m_;
    WaitCv not_empty_, not_full_;
    std::deque<Pickled> items_;
    size_t maxsize_;
    bool closed_ = false;
    Runtime* charged_to_ = nullptr;
    std::ptrdiff_t charged_ = 0;
};

Pickled pickle_traced(const std::function<void(Pickled&)>& dump);  // state `serialising`
void serialising_begin();
void serialising_end();
// The simulated machine's cost of (un)pickling `msg` (Machine::kPickleNs*), then a checkpoint;
// nothing on the real machine, where the work itself took the time. In a serialising scope.
void charge_pickle(const Pickled& msg);

}  // namespace detail

// multiprocessing.Queue for values of type T (pickled per message).
template <class T>
class ProcessQueue {
  public:
    static_assert(pickle::is_picklable_v<T>, "ProcessQueue<T> needs a picklable T");
    // maxsize <= 0: unbounded.
    explicit ProcessQueue(int maxsize = 0)
        : ch_(std::make_shared<detail::Channel>(maxsize > 0 ? static_cast<size_t>(maxsize) : 0)) {}
    explicit ProcessQueue(std::shared_ptr<detail::Channel> ch) : ch_(std::move(ch)) {}

    // Pickles on the caller (state `serialising`), then enqueues; blocks while full unless
    // !block. Raises Full on timeout or when full and !block.
    void put(const T& v, bool block = true, double timeout_s = -1) {
        Pickled msg = detail::pickle_traced([&](Pickled& out) { pickle::dump_into(out, v); });
        if (!ch_->put(std::move(msg), block ? timeout_s : 0, "Queue.put()")) throw Full();
    }
    void put_nowait(const T& v) { put(v, false); }
    // Blocks while empty unless !block; raises Empty on timeout. Unpickles on the caller.
    T get(bool block = true, double timeout_s = -1) {
        auto msg = ch_->get(block ? timeout_s : 0, "Queue.get()");
        if (!msg) throw Empty();
        detail::serialising_begin();
        struct End {
            ~End() { detail::serialising_end(); }
        } end;
        detail::charge_pickle(*msg);
        return pickle::loads<T>(*msg);
    }
    T get_nowait() { return get(false); }
    size_t qsize() const { return ch_->size(); }
    bool empty() const { return ch_->size() == 0; }

    const std::shared_ptr<detail::Channel>& channel() const { return ch_; }

  private:
    std::shared_ptr<detail::Channel> ch_;
};

// One end of a Pipe: send() what the other end recv()s.
template <class T>
class Connection {
  public:
    Connection(std::shared_ptr<detail::Channel> in, std::shared_ptr<detail::Channel> out)
        : in_(std::move(in)), out_(std::move(out)) {}

    void send(const T& v) {
        if (!out_) throw std::logic_error("connection is read-only");
        Pickled msg = detail::pickle_traced([&](Pickled& o) { pickle::dump_into(o, v); });
        out_->put(std::move(msg), -1, "Connection.send()");
    }
    // Blocks until a message arrives. Raises EOFError if the other end closed and nothing is
    // left; TimeoutError (future.hpp) is not used: pass a timeout to poll() first if needed.
    T recv() {
        if (!in_) throw std::logic_error("connection is write-only");
        auto msg = in_->get(-1, "Connection.recv()");
        detail::serialising_begin();
        struct End {
            ~End() { detail::serialising_end(); }
        } end;
        detail::charge_pickle(*msg);
        return pickle::loads<T>(*msg);
    }
    // True if recv() would not block. timeout_s < 0 waits until then.
    bool poll(double timeout_s = 0) { return in_ && in_->poll(timeout_s, "Connection.poll()"); }
    // Closes the writing side: the peer's recv() raises EOFError once drained.
    void close() {
        if (out_) out_->close();
    }

    const std::shared_ptr<detail::Channel>& in() const { return in_; }
    const std::shared_ptr<detail::Channel>& out() const { return out_; }

  private:
    std::shared_ptr<detail::Channel> in_, out_;
};

// multiprocessing.Pipe(duplex): two connected ends. One-way: first receives, second sends.
template <class T>
std::pair<Connection<T>, Connection<T>> Pipe(bool duplex = true) {
    auto a = std::make_shared<detail::Channel>(0);
    if (!duplex) return {Connection<T>(a, nullptr), Connection<T>(nullptr, a)};
    auto b = std::make_shared<detail::Channel>(0);
    return {Connection<T>(a, b), Connection<T>(b, a)};
}

// Queues and pipe ends travel to a child by reference, as multiprocessing's do.
namespace pickle {
template <class T>
struct Codec<ProcessQueue<T>> {
    static void dump(Writer& w, const ProcessQueue<T>& q) {
        HandleCodec<detail::Channel>::dump(w, q.channel());
    }
    static ProcessQueue<T> load(Reader& r) {
        return ProcessQueue<T>(HandleCodec<detail::Channel>::load(r));
    }
};
template <class T>
struct Codec<Connection<T>> {
    static void dump(Writer& w, const Connection<T>& c) {
        w.tag(Tag::tuple);
        w.varint(2);
        dump_end(w, c.in());
        dump_end(w, c.out());
    }
    static Connection<T> load(Reader& r) {
        r.expect(Tag::tuple);
        if (r.varint() != 2) throw PickleError("pickle: bad connection");
        auto in = load_end(r);
        auto out = load_end(r);
        return Connection<T>(std::move(in), std::move(out));
    }

  private:
    static void dump_end(Writer& w, const std::shared_ptr<detail::Channel>& c) {
        if (c)
            HandleCodec<detail::Channel>::dump(w, c);
        else
            w.tag(Tag::none);
    }
    static std::shared_ptr<detail::Channel> load_end(Reader& r) {
        if (r.peek(Tag::none)) {
            r.expect(Tag::none);
            return nullptr;
        }
        return HandleCodec<detail::Channel>::load(r);
    }
};
}  // namespace pickle

// multiprocessing.Process.
class Process {
  public:
    // target: a plain function or capture-less lambda; args must be picklable (copied now into
    // this Process object, pickled by start()). Named "Process-<N>" (N counts processes in the
    // run, from 1). Must be called on a run worker.
    template <class F, class... A>
    explicit Process(F target, A&&... args) : core_(ProcessCore::create()) {
        static_assert(std::is_empty_v<F> || std::is_pointer_v<F> || std::is_function_v<F>,
                      "Process needs a plain function or capture-less lambda: a process cannot "
                      "see the parent's captured state");
        using Fp = std::conditional_t<std::is_function_v<F>, F*, F>;
        using Tuple = std::tuple<std::decay_t<A>...>;
        static_assert(pickle::is_picklable_v<Tuple>, "Process arguments must be picklable");
        Fp fn = target;
        entry_ = [fn](const Pickled& wire) {
            Tuple args = [&] {
                detail::serialising_begin();
                struct End {
                    ~End() { detail::serialising_end(); }
                } end;
                detail::charge_pickle(wire);
                return pickle::loads<Tuple>(wire);
            }();
            std::apply(fn, args);  // lvalues: a target taking T& mutates the child's copy
        };
        auto tup = std::make_shared<Tuple>(std::forward<A>(args)...);
        pickler_ = [tup] {
            return detail::pickle_traced([&](Pickled& out) { pickle::dump_into(out, *tup); });
        };
    }
    Process(Process&&) = default;
    Process& operator=(Process&&) = default;
    ~Process() {
        if (core_) core_->close();
    }

    // Pickles the arguments (state `serialising`) and starts the child. Once only.
    void start() { core_->start(entry_, pickler_()); }
    // Blocks (through block_until) until the child ends or timeout_s passes. Returns !is_alive().
    bool join(double timeout_s = -1) { return core_->join(timeout_s); }
    bool is_alive() const { return core_->is_alive(); }
    std::optional<int> exitcode() const { return core_->exitcode(); }
    const std::string& name() const { return core_->name(); }
    void set_name(std::string n) { core_->set_name(std::move(n)); }  // before start
    bool daemon() const { return core_->daemon(); }
    void set_daemon(bool d) { core_->set_daemon(d); }  // before start
    uint16_t pid() const { return core_->pid(); }      // simulated process id
    void terminate() { core_->terminate(); }            // exitcode -15
    void kill() { core_->kill(); }                      // exitcode -9
    // Lets the child run on without this object (a GC dropping the handle): never blocks.
    void detach() noexcept { core_->detach(); }
    const std::shared_ptr<ProcessCore>& core() const { return core_; }

  private:
    std::shared_ptr<ProcessCore> core_;
    std::function<void(const Pickled&)> entry_;
    std::function<Pickled()> pickler_;
};

}  // namespace interleave::engine
