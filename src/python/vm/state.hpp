// Interp (one per simulated process) and ThreadState (one per Python thread).
//
// An Interp owns a process's heap, module table, builtins and output buffers. A ThreadState is
// what the eval loop and every builtin receive as their first argument: the exception being
// raised, the frame chain, the frame arena, recursion depths and the engine worker it runs on.
// It is passed down explicitly and never read from thread-local storage (PYTHON.md §6).
//
// Rooting rule: a Value that C++ code holds in a local across a call that can run Python code
// (and so reach a safepoint where the GC runs) must be reachable from a root: an argument
// still on a frame's value stack, a field of a reachable object, or a Rooted<>.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "python/objects/heap.hpp"
#include "python/objects/types.hpp"
#include "python/vm/frame.hpp"

namespace interleave::engine {
class Runtime;
class Gil;
class WorkerContext;
}  // namespace interleave::engine

namespace interleave::python {

class ThreadState;
struct ModuleDef;
struct Program;

// Native re-entries of the eval loop (a builtin calling back into Python) allowed on one
// thread: bounds the C++ stack (2 MiB pthread stacks, also in wasm).
constexpr int kMaxNativeDepth = 200;

struct InterpConfig {
#ifdef __EMSCRIPTEN__
    size_t heap_limit_bytes = 256u << 20;
#else
    size_t heap_limit_bytes = 512u << 20;
#endif
    std::string filename = "<main>";
    std::vector<std::string> argv;  // sys.argv
    bool free_threaded = false;
};

// A process's text stream (stdout or stderr): complete lines go to the engine as they end.
struct OutStream {
    std::mutex mu;        // guards `pending` in free-threaded runs (builtins/streams.cpp)
    std::string pending;  // the current partial line
    bool is_stderr = false;
};

// Owned by a std::shared_ptr (run_main's, a simulated process's): Python threads keep it alive
// (vm/thread_start.hpp).
class Interp : public std::enable_shared_from_this<Interp> {
  public:
    explicit Interp(InterpConfig config, engine::Runtime* rt = nullptr, uint16_t process = 0);
    ~Interp();
    Interp(const Interp&) = delete;
    Interp& operator=(const Interp&) = delete;

    Heap heap;
    InterpConfig config;
    engine::Runtime* rt = nullptr;  // null in unit tests without a run
    uint16_t process = 0;

    Dict* modules = nullptr;  // sys.modules
    Module* builtins_module = nullptr;
    Dict* builtins = nullptr;
    Module* sys_module = nullptr;
    Dict* interned = nullptr;  // runtime-interned strs (sys.intern, attribute names)
    Value memory_error;        // preallocated MemoryError instance
    int recursion_limit = 1000;
    int int_max_str_digits = 4300;  // sys.set_int_max_str_digits
    double switch_interval_s = 0.005;
    OutStream out, err;
    Module* main_module = nullptr;
    // Receives output lines instead of the engine (tests): (is_stderr, line).
    std::function<void(bool, std::string)> line_sink;
    std::vector<std::shared_ptr<const Program>> programs;  // code kept alive

    // Roots held by C++ for a long time (engine work items, module state): add returns a slot.
    size_t add_root(Value v);
    void set_root(size_t slot, Value v);
    Value root(size_t slot) const;
    void remove_root(size_t slot);

    void attach(ThreadState* ts);
    void detach(ThreadState* ts);
    // Marks from every root and sweeps. The calling thread's frames must be saved (safepoint)
    // and every other thread stopped at one.
    void collect(ThreadState& ts);

    const ModuleDef* find_native_module(std::string_view name) const;
    // Posts the heap-limit notice to the run (once).
    void note_memory_limit();
    // A collection may run now (see state.cpp).
    bool can_collect(ThreadState& ts);
    // Set when the run is free-threaded: containers take their lock byte.
    bool free_threaded = false;
    bool memory_noticed = false;
    // os._exit(n): the status (n & 0xFF) the process ends with, or -1. Set once, by the first
    // thread that calls it; read by whoever ends the process (run_main, a child's entry).
    std::atomic<int> os_exit_status{-1};
    // Interpreter shutdown has begun (the main thread joined the non-daemon threads): a daemon
    // thread that gets the GIL back unwinds at once, as CPython 3.11's daemons exit in
    // take_gil after finalization. Set by the main thread holding the GIL.
    std::atomic<bool> finalizing{false};
    // The engine worker of the interpreter's main thread (threading.main_thread()); whoever
    // creates the main ThreadState sets it (run_main does).
    uint16_t main_worker = 0;
    size_t thread_count() const;  // attached ThreadStates (any thread)

  private:
    mutable std::mutex mu_;
    std::vector<ThreadState*> threads_;
    std::vector<Value> roots_;
    std::vector<size_t> free_roots_;
};

class ThreadState {
  public:
    ThreadState(Interp& interp, engine::WorkerContext* ctx);
    ~ThreadState();
    ThreadState(const ThreadState&) = delete;
    ThreadState& operator=(const ThreadState&) = delete;

    Interp& interp;
    Heap& heap;
    engine::Runtime* rt = nullptr;
    engine::WorkerContext* ctx = nullptr;
    // ctx's thread_time_ns() when the CPU work was last counted: the time this thread ran
    // Python is added to the worker's CPU work (RunStats::cpu_ms, "CPU work" in the views) by
    // count_cpu().
    int64_t cpu_start_ns = 0;
    // Adds the CPU time run since the last count to the worker's CPU work, so the figure grows
    // during the run rather than when the thread ends (issue #8): called as the thread starts
    // to wait (engine on_wait: a lock, a queue, a sleep, the GIL), at each line sample (every
    // RunConfig::line_sample_ms of run time in the playground) and when the state goes. This
    // thread only; one CPU-clock read (a syscall natively, ~0.2-6 us).
    void count_cpu() noexcept;
    engine::Gil* gil = nullptr;

    Value curexc;            // the exception being raised (null: none)
    Value exc_info;          // the exception being handled (sys.exc_info()[1]); null: none
    bool stopped = false;    // the run is stopping: unwind everything, run no handler
    Frame* frame = nullptr;  // innermost running frame
    FrameArena arena;
    int py_depth = 0;
    int native_depth = 0;
    // Started by start_thread (vm/thread_start.hpp): not the interpreter's main thread.
    bool spawned = false;
    Value thread_obj;                               // threading.Thread object, if any
    std::vector<Value*> roots;                      // Rooted<> registrations (LIFO)
    std::vector<std::vector<Value>*> root_vectors;  // RootedVector registrations

    // The memoryview the last CALL made by calling memoryview itself and the value-stack slot it
    // went to (identity only, not roots). A BINARY_SUBSCR/STORE_SUBSCR with kSubscrOfCall whose
    // container is that view in that slot drops the view's export once it has used it: nothing
    // else can refer to a view that only ever sat in a value stack slot, so it dies there as
    // CPython's refcounting would free it (no collection at the next resize of its bytearray).
    // Every CALL and CALL_FUNCTION_EX clears it first, so a value that came any other way
    // never matches.
    const Object* temp_view = nullptr;
    const Value* temp_view_slot = nullptr;

    bool gen_returned = false;
    Value pending_throw;  // raised in the next frame run_frame enters (generator.throw)  // the
                          // last generator run from C++ returned (not yielded)
    std::vector<Value> repr_stack;  // objects being repr'd (Py_ReprEnter)

    bool has_exc() const { return !curexc.is_null(); }
};

// Keeps a Value reachable while C++ holds it across calls that may collect.
class Rooted {
  public:
    Rooted(ThreadState& ts, Value v = Value::null()) : ts_(ts), v_(v) { ts.roots.push_back(&v_); }
    ~Rooted() { ts_.roots.pop_back(); }
    Rooted(const Rooted&) = delete;
    Rooted& operator=(const Rooted&) = delete;
    Rooted& operator=(Value v) {
        v_ = v;
        return *this;
    }
    operator Value() const { return v_; }
    Value get() const { return v_; }
    Value* ptr() { return &v_; }

  private:
    ThreadState& ts_;
    Value v_;
};

// Keeps a vector of Values reachable (sorted(), list building from iterators).
class RootedVector {
  public:
    explicit RootedVector(ThreadState& ts);
    ~RootedVector();
    RootedVector(const RootedVector&) = delete;
    RootedVector& operator=(const RootedVector&) = delete;
    std::vector<Value> v;

  private:
    ThreadState& ts_;
};

}  // namespace interleave::python
