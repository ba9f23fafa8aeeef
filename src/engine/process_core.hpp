// Interleave engine — the type-erased process: multiprocessing.Process without templates, for
// the interpreter (PYTHON.md §9) and for Process<...> in process.hpp.
//
//   auto p = ProcessCore::create();                 // "Process-1" (CPython's counter, per run)
//   p->start([](const Pickled& args) { ... }, pickled_args);  // a new simulated process
//   p->join(); p->exitcode();                       // 0, 1, -15 (terminate), -9 (kill)
//
// What is modelled (CPython 3.11's multiprocessing.Process on Linux):
//   ✓ start once (RuntimeError "processes can only be started once"), join(timeout), is_alive,
//     name (settable before start), pid (the simulated process id), daemon (set before start)
//   ✓ isolation: the child is a simulated process with its own GIL; it receives only the bytes
//     of its pickled arguments (plus channel handles), so what it changes stays its own
//   ✓ start-up cost: state `starting` in the child (process.hpp: ProcessImage)
//   ✓ exitcode: 0 when entry returns; 1 when it raises (a notice "Process Process-1: <what>",
//     as CPython prints the traceback); n when it throws ProcessExit{n} (no notice); -15 after
//     terminate() or when the run stops it (SIGTERM); -9 after kill() (SIGKILL)
//   ✓ terminate()/kill(): every worker of the child process (its threads too) stops at its
//     next cancellation point (a blocked one within 20 ms on the real machine; at once on the
//     simulated one); no finally blocks run in the child, as with a signal
//   ✓ daemon: a daemonic child is stopped (exitcode -15) once only daemons are left, as
//     multiprocessing terminates daemonic children at exit
//   ✗ fork vs spawn semantics of module state (C++ globals ARE shared: do not use them),
//     sentinel, close(), kill of the parent
//
// Thread-safety: every member from any worker of the run that created it. Lifetime: shared;
// the child's worker holds a reference. Destroying the last handle of a started, non-daemon
// process waits for it (close()); a finaliser calls detach() first, which never blocks.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "engine/runtime.hpp"
#include "engine/serialise.hpp"

namespace interleave::engine {

// Thrown by a process entry to end its process with `code` and no notice (Python's
// sys.exit(n) / an uncaught exception in a child interpreter, which printed its own traceback).
struct ProcessExit {
    int code = 1;
};

class ProcessCore : public std::enable_shared_from_this<ProcessCore> {
  public:
    // A process of the calling worker's run. Must be called on a run worker.
    static std::shared_ptr<ProcessCore> create();
    ~ProcessCore();
    ProcessCore(const ProcessCore&) = delete;
    ProcessCore& operator=(const ProcessCore&) = delete;

    // Starts the child: a new simulated process whose worker pays the start-up cost, then runs
    // entry(args) (entry unpickles what it needs). RuntimeError if started twice, or "can't
    // start new thread" when no worker can be had.
    void start(std::function<void(const Pickled&)> entry, Pickled args);
    // Blocks (block_until, state lock_wait) until the child ends or timeout_s passes (< 0:
    // forever). Returns true if it ended. RuntimeError before start().
    bool join(double timeout_s = -1);
    bool is_alive() const;
    std::optional<int> exitcode() const;  // nullopt while not started or running
    const std::string& name() const { return name_; }
    void set_name(std::string name);  // before start (std::logic_error after)
    bool daemon() const { return daemon_; }
    void set_daemon(bool daemon);  // before start (std::logic_error after, as Python asserts)
    uint16_t pid() const { return pid_; }  // simulated process id; 0 before start
    // SIGTERM / SIGKILL: the child stops (see above). No effect once it ended.
    void terminate();
    void kill();
    // Lets the child run on without this handle; the run joins its OS thread at the end.
    void detach() noexcept;
    // What the destructor does: joins a started child (through block_until; when the run is
    // stopping, without it), or detaches a live daemon. Never throws.
    void close() noexcept;

  private:
    explicit ProcessCore(Runtime& rt);
    void signal(int sig);

    Runtime& rt_;
    mutable std::mutex m_;
    WaitCv cv_;
    std::string name_;
    bool daemon_ = false;
    bool started_ = false;
    bool finished_ = false;
    std::optional<int> exitcode_;
    uint16_t pid_ = 0;
    std::mutex join_m_;
    bool detached_ = false;  // join_m_
    WorkerThread thread_;
};

}  // namespace interleave::engine
