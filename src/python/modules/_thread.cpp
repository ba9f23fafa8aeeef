// _thread (CPython 3.11's Modules/_threadmodule.c, the playground's part): the lock type over
// engine::Lock, thread start over vm/thread_start.hpp, identities. threading (threading.cpp)
// and queue (queue.cpp) are Python source over these.
//
//   ✓ lock: acquire(blocking=True, timeout=-1) / release / locked / with, CPython's errors
//     and repr; a blocked acquire releases the GIL and waits in the engine (lock_wait state,
//     deadlock reports "Lock at line N held by Thread-1", stop)
//   ✓ start_new_thread(function, args[, kwargs]) -> ident (a daemon-like thread, as CPython's)
//   ✓ get_ident, get_native_id, allocate_lock, LockType, error, TIMEOUT_MAX, stack_size
//   ✓ threading's helpers: _start (a Thread's engine worker and its handle), _main_ident,
//     _format_exception (the excepthook's traceback without threading's own frames)
//   ✓ the pools' helper: _run_task (a work item as its own task of the run, as the engine's
//     C++ executors trace theirs)
//   ✗ interrupt_main, _local (threading.local is Python source), RLock (threading's own)
#include <cmath>
#include <memory>

#include "engine/sync.hpp"
#include "python/builtins/builtins.hpp"
#include "python/modules/module_def.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/thread_start.hpp"
#include "python/vm/traceback.hpp"

namespace interleave::python {

Type thread_lock_type, thread_handle_type;

namespace {

constexpr double kTimeoutMax = 9223372036.0;  // CPython's TIMEOUT_MAX on 64-bit Linux

struct LockObj : Object {
    engine::Lock* lock = nullptr;
};

struct HandleObj : Object {
    std::shared_ptr<PyThreadHandle>* handle = nullptr;
};

bool is_internal_file(const Str* filename) {
    std::string_view f = filename->view();
    return f == "<threading>" || f == "<queue>" || f.starts_with("<concurrent.futures");
}

// The line of the innermost frame of the user's code (skipping threading's and queue's own),
// for naming a lock in deadlock reports.
int user_line(ThreadState& ts) {
    for (Frame* f = ts.frame; f; f = f->back) {
        if (is_internal_file(f->code->filename)) continue;
        const int offset = f->ip ? int(f->ip - f->code->code.data()) - 1 : 0;
        return f->code->position(offset < 0 ? 0 : offset).line;
    }
    return 0;
}

// Positional and keyword arguments of a native call, by parameter name. args/n exclude self.
bool bind_args(ThreadState& ts, const char* fn, const Value* args, size_t n, Tuple* kw,
               std::initializer_list<const char*> params, Value* out) {
    const size_t nkw = kw ? size_t(kw->size) : 0;
    const size_t npos = n - nkw;
    if (npos > params.size())
        return raisef(ts, &exc_TypeError, "{}() takes at most {} arguments ({} given)", fn,
                      params.size(), npos),
               false;
    for (size_t i = 0; i < params.size(); ++i) out[i] = i < npos ? args[i] : Value::null();
    for (size_t k = 0; k < nkw; ++k) {
        std::string_view name = str_view(kw->items[k]);
        size_t i = 0;
        for (const char* p : params) {
            if (name == p) break;
            ++i;
        }
        if (i == params.size())
            return raisef(ts, &exc_TypeError, "{}() got an unexpected keyword argument '{}'", fn,
                          name),
                   false;
        if (!out[i].is_null())
            return raisef(ts, &exc_TypeError, "{}() got multiple values for argument '{}'", fn,
                          name),
                   false;
        out[i] = args[npos + k];
    }
    return true;
}

// acquire()'s (blocking, timeout) as CPython's lock_acquire_parse_args checks them.
bool acquire_args(ThreadState& ts, const Value* args, size_t n, Tuple* kw, bool* blocking,
                  double* timeout) {
    Value v[2];
    if (!bind_args(ts, "acquire", args, n, kw, {"blocking", "timeout"}, v)) return false;
    *blocking = true;
    *timeout = -1;
    if (!v[0].is_null()) {
        int t = truthy(ts, v[0]);
        if (t < 0) return false;
        *blocking = t != 0;
    }
    if (!v[1].is_null() && !number_to_double(ts, v[1], timeout)) return false;
    if (!*blocking && *timeout != -1)
        return raise(ts, &exc_ValueError, "can't specify a timeout for a non-blocking call"), false;
    if (*timeout < 0 && *timeout != -1)
        return raise(ts, &exc_ValueError, "timeout value must be positive"), false;
    if (*timeout > kTimeoutMax)
        return raise(ts, &exc_OverflowError, "timeout value is too large"), false;
    return true;
}

LockObj* self_lock(Value v) {
    return v.as<LockObj>();
}

Value lock_acquire(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    bool blocking;
    double timeout;
    if (!acquire_args(ts, a + 1, n - 1, kw, &blocking, &timeout)) return Value::null();
    engine::Lock* lock = self_lock(a[0])->lock;
    bool ok = false;
    try {
        ok = lock->acquire(blocking, timeout);
    } catch (const engine::RunStopped&) {
        return raise_stopped(ts);
    }
    if (!thread_may_continue(ts)) {
        if (ok) lock->unlock();
        return Value::null();
    }
    return Value::boolean(ok);
}

Value lock_release(ThreadState& ts, const Value* a, size_t, Tuple*) {
    try {
        self_lock(a[0])->lock->release();
    } catch (const engine::RuntimeError&) {
        return raise(ts, &exc_RuntimeError, "release unlocked lock");
    }
    return Value::none();
}

Value lock_exit(ThreadState& ts, const Value* a, size_t, Tuple*) {
    return lock_release(ts, a, 1, nullptr);
}

Value lock_locked(ThreadState&, const Value* a, size_t, Tuple*) {
    return Value::boolean(self_lock(a[0])->lock->locked());
}

Value lock_repr(ThreadState& ts, Value self) {
    return str_value(
        ts, fmt::format("<{} _thread.lock object at {:#x}>",
                        self_lock(self)->lock->locked() ? "locked" : "unlocked", object_id(self)));
}

void lock_finalize(Object* o, Heap&) {
    delete static_cast<LockObj*>(o)->lock;
    static_cast<LockObj*>(o)->lock = nullptr;
}

Value new_lock(ThreadState& ts) {
    if (!ts.rt)
        return raise(ts, &exc_RuntimeError, "threading needs an engine run (python::run_main)");
    LockObj* l = ts.heap.make<LockObj>(&thread_lock_type, sizeof(LockObj));
    if (!l) return raise_memory_error(ts);
    const int line = user_line(ts);
    l->lock = new engine::Lock(line > 0 ? fmt::format("at line {}", line) : std::string());
    return Value::from_ptr(l);
}

Value lock_new(ThreadState& ts, Type*, const Value*, size_t, Tuple*) {
    return new_lock(ts);
}

const MethodDef kLockMethods[] = {
    {"acquire", lock_acquire}, {"acquire_lock", lock_acquire}, {"__enter__", lock_acquire},
    {"release", lock_release}, {"release_lock", lock_release}, {"__exit__", lock_exit},
    {"locked", lock_locked},   {"locked_lock", lock_locked},
};

// --- thread handles (threading.Thread's engine side) ---------------------------------------

PyThreadHandle& handle_of(Value v) {
    return **v.as<HandleObj>()->handle;
}

Value handle_join(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    Value v[1];
    if (!bind_args(ts, "join", a + 1, n - 1, kw, {"timeout"}, v)) return Value::null();
    double timeout = -1;
    if (!v[0].is_null() && !v[0].is_none()) {
        if (!number_to_double(ts, v[0], &timeout)) return Value::null();
        if (timeout < 0) timeout = 0;
    }
    Rooted keep(ts, a[0]);
    const int r = handle_of(a[0]).join(ts, timeout);
    if (r < 0 || !thread_may_continue(ts)) return Value::null();
    return Value::boolean(r == 1);
}

Value handle_is_alive(ThreadState&, const Value* a, size_t, Tuple*) {
    return Value::boolean(handle_of(a[0]).is_alive());
}

Value handle_ident(ThreadState& ts, Value self) {
    return int_from_i64(ts, handle_of(self).ident());
}

Value handle_native_id(ThreadState& ts, Value self) {
    return int_from_i64(ts, handle_of(self).native_id());
}

void handle_finalize(Object* o, Heap&) {
    delete static_cast<HandleObj*>(o)->handle;  // never blocks (see PyThreadHandle)
    static_cast<HandleObj*>(o)->handle = nullptr;
}

const MethodDef kHandleMethods[] = {{"join", handle_join}, {"is_alive", handle_is_alive}};
const GetSetDef kHandleGetSets[] = {{"ident", handle_ident}, {"native_id", handle_native_id}};

// --- module functions ---------------------------------------------------------------------

Value t_get_ident(ThreadState& ts, const Value*, size_t, Tuple*) {
    return int_from_i64(ts, current_thread_ident(ts));
}

Value t_get_native_id(ThreadState& ts, const Value*, size_t, Tuple*) {
    return int_from_i64(ts, thread_native_id_of(ts.ctx ? ts.ctx->worker() : 0));
}

Value t_main_ident(ThreadState& ts, const Value*, size_t, Tuple*) {
    return int_from_i64(ts, thread_ident_of(ts.interp.main_worker));
}

Value t_allocate_lock(ThreadState& ts, const Value*, size_t n, Tuple*) {
    if (n != 0) return raise(ts, &exc_TypeError, "allocate_lock() takes no arguments");
    return new_lock(ts);
}

Value t_count(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_small(int64_t(ts.interp.thread_count()) - 1);
}

Value t_stack_size(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n > 1) return raise(ts, &exc_TypeError, "stack_size expected at most 1 argument");
    if (n == 1) {
        int64_t size;
        if (!int_to_i64(ts, a[0], &size)) return Value::null();
        if (size != 0 && size < 32768)
            return raise(ts, &exc_ValueError, "size not valid: 32768 bytes");
        // ✗ the engine's worker stacks have a fixed size; the request is remembered only.
    }
    return Value::from_small(0);
}

// start_new_thread(function, args[, kwargs]): a raw thread (not joined at exit).
Value t_start_new_thread(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (kw && kw->size)
        return raise(ts, &exc_TypeError, "start_new_thread() takes no keyword arguments");
    if (n < 2 || n > 3)
        return raisef(ts, &exc_TypeError, "start_new_thread expected at least 2 arguments, got {}",
                      n);
    if (!is_callable(a[0])) return raise(ts, &exc_TypeError, "first arg must be callable");
    if (!is_tuple(a[1])) return raise(ts, &exc_TypeError, "2nd arg must be a tuple");
    if (n == 3 && !is_dict(a[2]))
        return raise(ts, &exc_TypeError, "optional 3rd arg must be a dictionary");
    ThreadStartOptions o;
    o.daemon = true;
    auto h = start_thread(ts, a[0], a[1], n == 3 ? a[2] : Value::null(), std::move(o));
    if (!h) return Value::null();
    return int_from_i64(ts, h->ident());
}

// _start(callable, name, daemon, thread) -> handle: threading.Thread.start's engine side.
Value t_start(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 4 || !is_str(a[1]))
        return raise(ts, &exc_TypeError, "_start(callable, name, daemon, thread)");
    int daemon = truthy(ts, a[2]);
    if (daemon < 0) return Value::null();
    HandleObj* ho = ts.heap.make<HandleObj>(&thread_handle_type, sizeof(HandleObj));
    if (!ho) return raise_memory_error(ts);
    Rooted keep(ts, Value::from_ptr(ho));
    ThreadStartOptions o;
    o.name = std::string(str_view(a[1]));
    o.daemon = daemon != 0;
    o.thread_obj = a[3];
    auto h = start_thread(ts, a[0], Value::null(), Value::null(), std::move(o));
    if (!h) return Value::null();
    ho->handle = new std::shared_ptr<PyThreadHandle>(std::move(h));
    return Value::from_ptr(ho);
}

// _format_exception(exc) -> str: the traceback text without threading's own frames (the
// thread's _bootstrap and run), as the playground shows a thread's exception (PYTHON.md §10).
Value t_format_exception(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1 || !is_exception_instance(a[0]))
        return raise(ts, &exc_TypeError, "_format_exception(exc)");
    auto* e = a[0].as<BaseException>();
    Value saved = e->traceback;
    Value tb = saved;
    while (tb.is_ptr() && is_type(tb, &traceback_type) &&
           is_internal_file(tb.as<Traceback>()->code->filename) &&
           tb.as<Traceback>()->next.is_ptr())
        tb = tb.as<Traceback>()->next;
    e->traceback = tb;
    std::string text = format_exception(ts, a[0]);
    e->traceback = saved;
    return str_value(ts, text);
}

// _run_task(name, fn, /, *args, **kwargs) -> fn(*args, **kwargs), run as its own task of the
// run on this worker (RunStats::tasks, the timeline's task row, output attribution), nested in
// the thread's own task: a pool's work item, as engine::ExecutorCore::run_item traces its
// items. Outside an engine run it is a plain call. A run past RunLimits::tasks stops here.
Value t_run_task(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    const size_t nkw = kw ? size_t(kw->size) : 0;
    if (n - nkw < 2 || !is_str(a[0]))
        return raise(ts, &exc_TypeError, "_run_task(name, fn, /, *args, **kwargs)");
    if (!ts.rt || !ts.ctx) return call(ts, a[1], a + 2, n - 2, kw);
    uint32_t task = 0;
    try {
        task = ts.rt->new_task(std::string(str_view(a[0])));
    } catch (const engine::RunStopped&) {
        return raise_stopped(ts);
    }
    engine::WorkerContext* ctx = ts.ctx;
    ctx->begin_task(task);
    Value r = call(ts, a[1], a + 2, n - 2, kw);
    ctx->end_task();
    return r;
}

const MethodDef kFunctions[] = {
    {"get_ident", t_get_ident},
    {"get_native_id", t_get_native_id},
    {"allocate_lock", t_allocate_lock},
    {"allocate", t_allocate_lock},
    {"start_new_thread", t_start_new_thread},
    {"start_new", t_start_new_thread},
    {"stack_size", t_stack_size},
    {"_count", t_count},
    {"_start", t_start},
    {"_main_ident", t_main_ident},
    {"_format_exception", t_format_exception},
    {"_run_task", t_run_task},
};

}  // namespace

void setup_thread_types(TypeBuilder& b) {
    b.init(thread_lock_type, "_thread.lock", nullptr, sizeof(LockObj), 0);
    thread_lock_type.repr = lock_repr;
    thread_lock_type.new_ = lock_new;
    thread_lock_type.finalize = lock_finalize;
    thread_lock_type.tflags |= kTypeHasFinalize;
    b.methods(thread_lock_type, kLockMethods);
    b.init(thread_handle_type, "_thread._ThreadHandle", nullptr, sizeof(HandleObj), 0);
    thread_handle_type.finalize = handle_finalize;
    thread_handle_type.tflags |= kTypeHasFinalize;
    b.methods(thread_handle_type, kHandleMethods);
    b.getsets(thread_handle_type, kHandleGetSets);
}

bool init__thread(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kFunctions) &&
           add_value(ts, m, "LockType", Value::from_ptr(&thread_lock_type)) &&
           add_value(ts, m, "error", Value::from_ptr(&exc_RuntimeError)) &&
           add_value(ts, m, "TIMEOUT_MAX", Value::from_double(kTimeoutMax));
}

}  // namespace interleave::python
