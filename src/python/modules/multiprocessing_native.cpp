// _mp: the native half of multiprocessing and concurrent.futures' process pool (the Python
// half is multiprocessing_py*.cpp). Handles on shared engine objects (channels, processes,
// locks, shared memory), pickling across them, and the child's side of a process start.
#include <atomic>
#include <cmath>

#include "engine/machine.hpp"
#include "engine/process.hpp"
#include "engine/runtime.hpp"
#include "engine/sync.hpp"
#include "python/builtins/builtins.hpp"
#include "python/modules/module_def.hpp"
#include "python/modules/multiprocessing_child.hpp"
#include "python/modules/multiprocessing_handle.hpp"
#include "python/modules/pickle_codec.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/traceback.hpp"

namespace interleave::python {

Type mp_handle_type;

namespace {

struct HandleObj : Object {
    std::shared_ptr<MpShared> p;
};

struct MpChannel final : MpShared {
    explicit MpChannel(size_t maxsize) : ch(std::make_shared<engine::detail::Channel>(maxsize)) {}
    const char* kind() const override { return "Channel"; }
    std::shared_ptr<engine::detail::Channel> ch;
    std::atomic<int64_t> writers{0};  // Connection ends that may still send (pipes' EOF)
};
struct MpProcess final : MpShared {
    const char* kind() const override { return "Process"; }
    std::shared_ptr<engine::ProcessCore> core = engine::ProcessCore::create();
    ~MpProcess() override {
        if (core) core->detach();  // a GC'd handle never blocks; the run joins the thread
    }
};
struct MpLock final : MpShared {
    const char* kind() const override { return "Lock"; }
    engine::Lock l{"Lock"};
};
struct MpRLock final : MpShared {
    const char* kind() const override { return "RLock"; }
    engine::RLock l{"RLock"};
};
struct MpSemaphore final : MpShared {
    MpSemaphore(size_t v, bool bounded) : s(v, "Semaphore"), bounded(bounded), bound(v) {}
    const char* kind() const override { return "Semaphore"; }
    engine::Semaphore s;
    bool bounded;
    size_t bound;
};
struct MpEvent final : MpShared {
    const char* kind() const override { return "Event"; }
    engine::Event e{"Event"};
};
struct MpCondition final : MpShared {
    const char* kind() const override { return "Condition"; }
    engine::Condition c{"Condition"};
};
// Value/Array's shared memory: numbers of one typecode, read and written whole.
struct MpMemory final : MpShared {
    const char* kind() const override { return "SharedMemory"; }
    std::mutex m;
    bool is_float = false;
    std::vector<int64_t> ints;
    std::vector<double> floats;
};

void handle_trace(Object*, GcVisitor&) {}
void handle_finalize(Object* o, Heap&) {
    static_cast<HandleObj*>(o)->~HandleObj();
}
Value handle_repr(ThreadState& ts, Value self) {
    return str_value(
        ts, fmt::format("<_mp.Handle {} at {:#x}>", mp_handle_kind(self), object_id(self)));
}

MpShared* arg_shared(ThreadState& ts, const Value* a, size_t n, const char* fn) {
    if (n < 1) {
        raisef(ts, &exc_TypeError, "{}() missing its handle", fn);
        return nullptr;
    }
    return mp_shared(ts, a[0], fn);
}
template <class T>
T* arg_as(ThreadState& ts, const Value* a, size_t n, const char* fn) {
    MpShared* s = arg_shared(ts, a, n, fn);
    if (!s) return nullptr;
    T* t = dynamic_cast<T*>(s);
    if (!t) raisef(ts, &exc_TypeError, "{}(): wrong kind of handle ({})", fn, s->kind());
    return t;
}
// timeout argument: None -> -1 (forever); a number of seconds >= 0.
bool arg_timeout(ThreadState& ts, const Value* a, size_t n, size_t i, double* out) {
    *out = -1;
    if (i >= n || a[i].is_none()) return true;
    if (!number_to_double(ts, a[i], out)) return false;
    if (std::isnan(*out)) return raise(ts, &exc_ValueError, "timeout is NaN"), false;
    if (*out < 0) *out = 0;
    return true;
}
bool arg_bool(ThreadState& ts, const Value* a, size_t n, size_t i, bool dflt, bool* out) {
    *out = dflt;
    if (i >= n) return true;
    int t = truthy(ts, a[i]);
    if (t < 0) return false;
    *out = t != 0;
    return true;
}

// Engine calls: blocking ones release the GIL; their exceptions become Python's.
template <class F>
Value guarded(ThreadState& ts, F&& f) {
    if (!ts.rt)
        return raise(ts, &exc_RuntimeError,
                     "multiprocessing needs an engine run (python::run_main)");
    try {
        return f();
    } catch (const engine::RunStopped&) {
        return raise_stopped(ts);
    } catch (const engine::EOFError&) {
        return raise(ts, &exc_EOFError, "");
    } catch (const engine::RuntimeError& e) {
        return raise(ts, &exc_RuntimeError, e.what());
    } catch (const std::logic_error& e) {
        return raise(ts, &exc_AssertionError, e.what());
    } catch (const std::exception& e) {
        return raise(ts, &exc_OSError, e.what());
    }
}

// --- channels ----------------------------------------------------------------------------------

Value mp_channel(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    int64_t maxsize = 0;
    if (n >= 1 && !index_i64(ts, a[0], &maxsize)) return Value::null();
    return new_mp_handle(ts, std::make_shared<MpChannel>(maxsize > 0 ? size_t(maxsize) : 0));
}
bool pickle_message(ThreadState& ts, Value obj, engine::Pickled* msg) {
    std::string bytes;
    engine::detail::serialising_begin();
    bool ok = pickle_dumps(ts, obj, &bytes, &msg->handles);
    engine::detail::serialising_end();
    if (!ok) return false;
    msg->bytes.assign(bytes.begin(), bytes.end());
    engine::detail::charge_pickle(*msg);
    return true;
}
Value unpickle_message(ThreadState& ts, const engine::Pickled& msg) {
    engine::detail::serialising_begin();
    engine::detail::charge_pickle(msg);
    Value v = pickle_loads(
        ts, std::string_view(reinterpret_cast<const char*>(msg.bytes.data()), msg.bytes.size()),
        &msg.handles);
    engine::detail::serialising_end();
    return v;
}
// put(h, obj, block=True, timeout=None) -> False when full (the caller raises queue.Full)
Value mp_put(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* c = arg_as<MpChannel>(ts, a, n, "put");
    if (!c) return Value::null();
    if (n < 2) return raise(ts, &exc_TypeError, "put() missing the object");
    bool block;
    double timeout;
    if (!arg_bool(ts, a, n, 2, true, &block) || !arg_timeout(ts, a, n, 3, &timeout))
        return Value::null();
    return guarded(ts, [&] {
        engine::Pickled msg;
        if (!pickle_message(ts, a[1], &msg)) return Value::null();
        return Value::boolean(c->ch->put(std::move(msg), block ? timeout : 0, "Queue.put()"));
    });
}
// get(h, block=True, timeout=None) -> (True, obj) or (False, None) on timeout
Value mp_get(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* c = arg_as<MpChannel>(ts, a, n, "get");
    if (!c) return Value::null();
    bool block;
    double timeout;
    if (!arg_bool(ts, a, n, 1, true, &block) || !arg_timeout(ts, a, n, 2, &timeout))
        return Value::null();
    auto ch = c->ch;  // the handle may be collected while we wait
    return guarded(ts, [&] {
        auto msg = ch->get(block ? timeout : 0, "Queue.get()");
        Value items[2] = {Value::false_(), Value::none()};
        if (msg) {
            items[0] = Value::true_();
            items[1] = unpickle_message(ts, *msg);
            if (items[1].is_null()) return Value::null();
        }
        Tuple* t = new_tuple_from(ts, items, 2);
        return t ? Value::from_ptr(t) : Value::null();
    });
}
Value mp_poll(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* c = arg_as<MpChannel>(ts, a, n, "poll");
    double timeout;
    if (!c || !arg_timeout(ts, a, n, 1, &timeout)) return Value::null();
    if (n < 2) timeout = 0;
    auto ch = c->ch;
    return guarded(ts, [&] { return Value::boolean(ch->poll(timeout, "Connection.poll()")); });
}
Value mp_close(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* c = arg_as<MpChannel>(ts, a, n, "close");
    if (!c) return Value::null();
    c->ch->close();
    return Value::none();
}
// writers(h, delta): a pipe end that writes to h was made (+1) or closed (-1); the reader sees
// EOF once none is left, as with the file descriptors every process holds in CPython.
Value mp_writers(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* c = arg_as<MpChannel>(ts, a, n, "writers");
    int64_t d = 0;
    if (!c || n < 2 || !index_i64(ts, a[1], &d)) return Value::null();
    if (c->writers.fetch_add(d) + d <= 0 && d < 0) c->ch->close();
    return Value::none();
}
Value mp_qsize(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* c = arg_as<MpChannel>(ts, a, n, "qsize");
    if (!c) return Value::null();
    return Value::from_small(int64_t(c->ch->size()));
}

// --- processes ---------------------------------------------------------------------------------

Value mp_process(ThreadState& ts, const Value*, size_t, Tuple*) {
    return guarded(ts, [&] { return new_mp_handle(ts, std::make_shared<MpProcess>()); });
}
Value mp_p_name(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* p = arg_as<MpProcess>(ts, a, n, "p_name");
    if (!p) return Value::null();
    if (n >= 2) {
        if (!is_str(a[1])) return raise(ts, &exc_TypeError, "name must be a string");
        return guarded(ts, [&] {
            p->core->set_name(std::string(str_view(a[1])));
            return Value::none();
        });
    }
    return str_value(ts, p->core->name());
}
Value mp_p_daemon(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* p = arg_as<MpProcess>(ts, a, n, "p_daemon");
    if (!p) return Value::null();
    bool d;
    if (!arg_bool(ts, a, n, 1, false, &d)) return Value::null();
    return guarded(ts, [&] {
        p->core->set_daemon(d);
        return Value::none();
    });
}
// start(h, obj, notify_channel=None, token=None, fork=False): pickles (obj, the main module's
// globals for a fork, else None) (with handles) in the parent; the child re-runs __main__ as
// __mp_main__, unpickles them and calls multiprocessing._bootstrap(obj)
// (multiprocessing_child.hpp). When the child ends by any means, `token` is put on
// notify_channel as (token, clean_exit).
Value mp_p_start(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* p = arg_as<MpProcess>(ts, a, n, "p_start");
    if (!p) return Value::null();
    if (n < 2) return raise(ts, &exc_TypeError, "p_start() missing the process object");
    std::shared_ptr<engine::detail::Channel> notify;
    if (n >= 3 && !a[2].is_none()) {
        auto* c = mp_shared(ts, a[2], "p_start");
        if (!c) return Value::null();
        auto* ch = dynamic_cast<MpChannel*>(c);
        if (!ch) return raise(ts, &exc_TypeError, "p_start(): notify must be a channel");
        notify = ch->ch;
    }
    const bool fork = n >= 5 && a[4].is_true();
    return guarded(ts, [&] {
        Value pair[2] = {a[1], Value::none()};
        if (fork && (pair[1] = fork_globals(ts)).is_null()) return Value::null();
        Tuple* sent = new_tuple_from(ts, pair, 2);
        if (!sent) return Value::null();
        engine::Pickled args;
        if (!pickle_message(ts, Value::from_ptr(sent), &args)) return Value::null();
        engine::Pickled clean, dirty;
        if (notify) {
            for (int k = 0; k < 2; ++k) {
                Value pair[2] = {n >= 4 ? a[3] : Value::none(), Value::boolean(k == 0)};
                Tuple* t = new_tuple_from(ts, pair, 2);
                if (!t) return Value::null();
                if (!pickle_message(ts, Value::from_ptr(t), k == 0 ? &clean : &dirty))
                    return Value::null();
            }
        }
        p->core->start(
            make_child_entry(ts, std::move(notify), std::move(clean), std::move(dirty), fork),
            std::move(args));
        return Value::none();
    });
}
Value mp_p_join(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* p = arg_as<MpProcess>(ts, a, n, "p_join");
    double timeout;
    if (!p || !arg_timeout(ts, a, n, 1, &timeout)) return Value::null();
    auto core = p->core;
    return guarded(ts, [&] { return Value::boolean(core->join(timeout)); });
}
Value mp_p_alive(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* p = arg_as<MpProcess>(ts, a, n, "p_alive");
    return p ? Value::boolean(p->core->is_alive()) : Value::null();
}
Value mp_p_exitcode(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* p = arg_as<MpProcess>(ts, a, n, "p_exitcode");
    if (!p) return Value::null();
    auto c = p->core->exitcode();
    return c ? Value::from_small(*c) : Value::none();
}
Value mp_p_pid(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* p = arg_as<MpProcess>(ts, a, n, "p_pid");
    if (!p) return Value::null();
    // os.getpid() in that process (mp_getpid): 1000 + the engine's process id.
    return p->core->pid() ? Value::from_small(int64_t(p->core->pid()) + 1000) : Value::none();
}
Value mp_p_signal(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* p = arg_as<MpProcess>(ts, a, n, "p_signal");
    if (!p) return Value::null();
    int64_t sig = 15;
    if (n >= 2 && !index_i64(ts, a[1], &sig)) return Value::null();
    return guarded(ts, [&] {
        if (sig == 9)
            p->core->kill();
        else
            p->core->terminate();
        return Value::none();
    });
}

// --- locks, semaphores, events, conditions -------------------------------------------------------

Value mp_sync(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 1 || !is_str(a[0])) return raise(ts, &exc_TypeError, "sync(kind[, value])");
    std::string_view kind = str_view(a[0]);
    int64_t value = 1;
    if (n >= 2 && !index_i64(ts, a[1], &value)) return Value::null();
    if (value < 0) return raise(ts, &exc_ValueError, "semaphore initial value must be >= 0");
    return guarded(ts, [&]() -> Value {
        if (kind == "Lock") return new_mp_handle(ts, std::make_shared<MpLock>());
        if (kind == "RLock") return new_mp_handle(ts, std::make_shared<MpRLock>());
        if (kind == "Semaphore" || kind == "BoundedSemaphore")
            return new_mp_handle(
                ts, std::make_shared<MpSemaphore>(size_t(value), kind == "BoundedSemaphore"));
        if (kind == "Event") return new_mp_handle(ts, std::make_shared<MpEvent>());
        if (kind == "Condition") return new_mp_handle(ts, std::make_shared<MpCondition>());
        return raisef(ts, &exc_ValueError, "unknown kind {}", kind);
    });
}
// acquire(h, block=True, timeout=None) -> bool
Value mp_acquire(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    MpShared* s = arg_shared(ts, a, n, "acquire");
    bool block;
    double timeout;
    if (!s || !arg_bool(ts, a, n, 1, true, &block) || !arg_timeout(ts, a, n, 2, &timeout))
        return Value::null();
    if (!block) timeout = -1;
    std::shared_ptr<MpShared> keep(mp_handle_ptr(a[0]), s);
    return guarded(ts, [&]() -> Value {
        if (auto* l = dynamic_cast<MpLock*>(s)) return Value::boolean(l->l.acquire(block, timeout));
        if (auto* r = dynamic_cast<MpRLock*>(s))
            return Value::boolean(r->l.acquire(block, timeout));
        if (auto* m = dynamic_cast<MpSemaphore*>(s))
            return Value::boolean(m->s.acquire(block, timeout));
        if (auto* c = dynamic_cast<MpCondition*>(s))
            return Value::boolean(c->c.acquire(block, timeout));
        return raise(ts, &exc_TypeError, "acquire(): not a lock");
    });
}
Value mp_release(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    MpShared* s = arg_shared(ts, a, n, "release");
    if (!s) return Value::null();
    return guarded(ts, [&]() -> Value {
        if (auto* l = dynamic_cast<MpLock*>(s)) {
            if (!l->l.locked())
                return raise(ts, &exc_ValueError, "semaphore or lock released too many times");
            l->l.release();
        } else if (auto* r = dynamic_cast<MpRLock*>(s)) {
            try {
                r->l.release();
            } catch (const engine::RuntimeError&) {
                return raise(ts, &exc_AssertionError,
                             "attempt to release recursive lock not owned by thread");
            }
        } else if (auto* m = dynamic_cast<MpSemaphore*>(s)) {
            if (m->bounded && m->s.value() >= m->bound)
                return raise(ts, &exc_ValueError, "semaphore or lock released too many times");
            m->s.release();
        } else if (auto* c = dynamic_cast<MpCondition*>(s)) {
            c->c.release();
        } else {
            return raise(ts, &exc_TypeError, "release(): not a lock");
        }
        return Value::none();
    });
}
Value mp_sem_value(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    MpShared* s = arg_shared(ts, a, n, "sem_value");
    if (!s) return Value::null();
    if (auto* m = dynamic_cast<MpSemaphore*>(s)) return Value::from_small(int64_t(m->s.value()));
    if (auto* l = dynamic_cast<MpLock*>(s)) return Value::from_small(l->l.locked() ? 0 : 1);
    return raise(ts, &exc_TypeError, "get_value(): not a semaphore");
}
// event(h, op, timeout): op "set", "clear", "is_set", "wait"
Value mp_event(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* e = arg_as<MpEvent>(ts, a, n, "event");
    if (!e) return Value::null();
    if (n < 2 || !is_str(a[1])) return raise(ts, &exc_TypeError, "event(h, op)");
    std::string_view op = str_view(a[1]);
    double timeout;
    if (!arg_timeout(ts, a, n, 2, &timeout)) return Value::null();
    std::shared_ptr<MpShared> keep(mp_handle_ptr(a[0]), e);
    return guarded(ts, [&]() -> Value {
        if (op == "set")
            e->e.set();
        else if (op == "clear")
            e->e.clear();
        else if (op == "is_set")
            return Value::boolean(e->e.is_set());
        else if (op == "wait")
            return Value::boolean(e->e.wait(timeout));
        return Value::none();
    });
}
// cond(h, op, arg): op "wait" (timeout), "notify" (n), "notify_all"
Value mp_cond(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* c = arg_as<MpCondition>(ts, a, n, "cond");
    if (!c) return Value::null();
    if (n < 2 || !is_str(a[1])) return raise(ts, &exc_TypeError, "cond(h, op)");
    std::string_view op = str_view(a[1]);
    double timeout = -1;
    int64_t count = 1;
    if (op == "wait" && !arg_timeout(ts, a, n, 2, &timeout)) return Value::null();
    if (op == "notify" && n >= 3 && !index_i64(ts, a[2], &count)) return Value::null();
    std::shared_ptr<MpShared> keep(mp_handle_ptr(a[0]), c);
    return guarded(ts, [&]() -> Value {
        if (op == "wait") return Value::boolean(c->c.wait(timeout));
        if (op == "notify")
            c->c.notify(size_t(std::max<int64_t>(count, 0)));
        else
            c->c.notify_all();
        return Value::none();
    });
}

// --- shared memory -----------------------------------------------------------------------------

// memory(typecode, n): n zeros; 'd'/'f' floats, other typecodes integers.
Value mp_memory(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 2 || !is_str(a[0])) return raise(ts, &exc_TypeError, "memory(typecode, n)");
    int64_t size;
    if (!index_i64(ts, a[1], &size)) return Value::null();
    if (size < 0 || size > (1 << 26)) return raise(ts, &exc_ValueError, "bad shared memory size");
    auto m = std::make_shared<MpMemory>();
    std::string_view tc = str_view(a[0]);
    m->is_float = tc == "d" || tc == "f";
    if (m->is_float)
        m->floats.assign(size_t(size), 0.0);
    else
        m->ints.assign(size_t(size), 0);
    return new_mp_handle(ts, std::move(m));
}
Value mp_mem_get(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* m = arg_as<MpMemory>(ts, a, n, "mem_get");
    int64_t i;
    if (!m || n < 2 || !index_i64(ts, a[1], &i)) return Value::null();
    std::lock_guard<std::mutex> g(m->m);
    size_t len = m->is_float ? m->floats.size() : m->ints.size();
    if (i < 0 || size_t(i) >= len) return raise(ts, &exc_IndexError, "invalid index");
    return m->is_float ? Value::from_double(m->floats[size_t(i)])
                       : int_from_i64(ts, m->ints[size_t(i)]);
}
Value mp_mem_set(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* m = arg_as<MpMemory>(ts, a, n, "mem_set");
    int64_t i;
    if (!m || n < 3 || !index_i64(ts, a[1], &i)) return Value::null();
    double d = 0;
    int64_t iv = 0;
    if (m->is_float) {
        if (!number_to_double(ts, a[2], &d)) return Value::null();
    } else {
        if (a[2].is_double())
            return raise(ts, &exc_TypeError, "'float' object cannot be interpreted as an integer");
        if (!index_i64(ts, a[2], &iv)) return Value::null();
    }
    std::lock_guard<std::mutex> g(m->m);
    size_t len = m->is_float ? m->floats.size() : m->ints.size();
    if (i < 0 || size_t(i) >= len) return raise(ts, &exc_IndexError, "invalid index");
    if (m->is_float)
        m->floats[size_t(i)] = d;
    else
        m->ints[size_t(i)] = iv;
    return Value::none();
}
Value mp_mem_len(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    auto* m = arg_as<MpMemory>(ts, a, n, "mem_len");
    if (!m) return Value::null();
    std::lock_guard<std::mutex> g(m->m);
    return Value::from_small(int64_t(m->is_float ? m->floats.size() : m->ints.size()));
}

// --- misc --------------------------------------------------------------------------------------

Value mp_cpu_count(ThreadState& ts, const Value*, size_t, Tuple*) {
    if (!ts.rt) return Value::from_small(1);
    return Value::from_small(int64_t(ts.rt->machine().cpu_count()));
}
Value mp_getpid(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_small(int64_t(ts.interp.process) + 1000);
}
// format_exc(exc): the traceback as the child prints it, without multiprocessing's own frames.
Value mp_format_exc(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 1 || !is_exception_instance(a[0])) return raise(ts, &exc_TypeError, "format_exc(exc)");
    strip_internal_frames(ts, a[0]);
    return str_value(ts, format_exception(ts, a[0]));
}
Value mp_write_err(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 1 || !is_str(a[0])) return raise(ts, &exc_TypeError, "write_err(text)");
    flush_streams(ts);
    if (!write_stream(ts, true, str_view(a[0]))) return Value::null();
    flush_streams(ts);
    return Value::none();
}
const MethodDef kFunctions[] = {
    {"channel", mp_channel},
    {"put", mp_put},
    {"get", mp_get},
    {"poll", mp_poll},
    {"close", mp_close},
    {"qsize", mp_qsize},
    {"writers", mp_writers},
    {"process", mp_process},
    {"p_name", mp_p_name},
    {"p_daemon", mp_p_daemon},
    {"p_start", mp_p_start},
    {"p_join", mp_p_join},
    {"p_alive", mp_p_alive},
    {"p_exitcode", mp_p_exitcode},
    {"p_pid", mp_p_pid},
    {"p_signal", mp_p_signal},
    {"sync", mp_sync},
    {"acquire", mp_acquire},
    {"release", mp_release},
    {"sem_value", mp_sem_value},
    {"event", mp_event},
    {"cond", mp_cond},
    {"memory", mp_memory},
    {"mem_get", mp_mem_get},
    {"mem_set", mp_mem_set},
    {"mem_len", mp_mem_len},
    {"cpu_count", mp_cpu_count},
    {"getpid", mp_getpid},
    {"format_exc", mp_format_exc},
    {"write_err", mp_write_err},
};

}  // namespace

void setup_mp_types(TypeBuilder& b) {
    b.init(mp_handle_type, "_mp.Handle", nullptr, sizeof(HandleObj), 0);
    mp_handle_type.repr = handle_repr;
    mp_handle_type.trace = handle_trace;
    mp_handle_type.finalize = handle_finalize;
}

bool is_mp_handle(Value v) {
    return is_type(v, &mp_handle_type);
}
const char* mp_handle_kind(Value v) {
    auto* h = v.as<HandleObj>();
    return h->p ? h->p->kind() : "Handle";
}
std::shared_ptr<void> mp_handle_ptr(Value v) {
    return std::static_pointer_cast<void>(v.as<HandleObj>()->p);
}
Value new_mp_handle_void(ThreadState& ts, const std::shared_ptr<void>& obj) {
    return new_mp_handle(ts, std::static_pointer_cast<MpShared>(obj));
}
Value new_mp_handle(ThreadState& ts, std::shared_ptr<MpShared> obj) {
    Object* raw = ts.heap.alloc(&mp_handle_type, sizeof(HandleObj));
    if (!raw) return raise_memory_error(ts);
    uint8_t gc = raw->gc;
    auto* h = new (raw) HandleObj();
    h->type = &mp_handle_type;
    h->gc = gc;
    h->p = std::move(obj);
    return Value::from_ptr(h);
}
MpShared* mp_shared(ThreadState& ts, Value v, const char* fn) {
    if (!is_mp_handle(v) || !v.as<HandleObj>()->p) {
        raisef(ts, &exc_TypeError, "{}(): expected a multiprocessing handle, not '{}'", fn,
               type_name(v));
        return nullptr;
    }
    // The object is shared with other processes: on the simulated machine, their earlier
    // events happen first (engine sim.hpp, lookahead), so this access is in time order.
    if (ts.ctx) ts.ctx->sync_shared();
    return v.as<HandleObj>()->p.get();
}

bool init_mp_native(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kFunctions) && add_value(ts, m, "_inheriting", Value::false_());
}

}  // namespace interleave::python
