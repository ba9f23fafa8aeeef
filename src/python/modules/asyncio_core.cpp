// _asyncio: the native core under the asyncio package (modules/asyncio_*.py, CPython 3.11's
// Lib/asyncio simplified). The Python side keeps the loop's ready queue and timer heap; this
// file gives it what only the engine has:
//   ✓ monotonic(): the loop's clock (loop.time()), the run's clock (virtual on the simulated
//     machine)
//   ✓ waker(): the loop's wake-up flag (a _asyncio.Waker: a mutex, an engine WaitCv, a bool),
//     as the self-pipe of CPython's selector loop
//   ✓ select(waker, timeout, report): the loop's idle wait, until `timeout` passes or wake()
//     is called (then it clears the flag). A timeout is an engine timed wait (GIL released,
//     state idle, free in virtual time, ends at once when the run stops); None (every task
//     waits, no timer) is an untimed engine wait: the deadlock report, with `report` naming
//     each task and its line, unless another Python thread can still wake the loop
//   ✓ wake(waker): call_soon_threadsafe from any Python thread cuts the loop's wait short
//   ✓ trace_new(name) / trace_switch(prev, new) / trace_end(): each task's steps are a task span
//     on the loop's lane (Runtime::new_task, begin_task, switch_task, end_task)
//   ✓ coro_info(coro), iscoroutine(x), thread_key(), format_exception(exc)
//   ✓ report_never_awaited(): a collection, then CPython's "coroutine '...' was never awaited"
//     RuntimeWarning for each coroutine freed unstarted (at asyncio.run's end and the program's,
//     not at the moment CPython's refcount frees it; the line is where it was created)
// Thread-safety: every function runs on the calling Python thread (the loop's), GIL held;
// wake() may be called from any Python thread of the run.
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "engine/runtime.hpp"
#include "python/builtins/builtins.hpp"
#include "python/modules/asyncio_modules.hpp"
#include "python/modules/module_def.hpp"
#include "python/objects/int.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/generator.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/traceback.hpp"

namespace interleave::python {

namespace {

bool no_run(ThreadState& ts, const char* what) {
    if (ts.rt && ts.ctx) return false;
    raisef(ts, &exc_RuntimeError, "asyncio {} needs an engine run (python::run_main)", what);
    return true;
}

Value a_monotonic(ThreadState& ts, const Value*, size_t, Tuple*) {
    if (no_run(ts, "loop.time()")) return Value::null();
    return Value::from_double(double(ts.rt->now_ns()) / 1e9);
}

Value a_thread_key(ThreadState& ts, const Value*, size_t, Tuple*) {
    return Value::from_small(ts.ctx ? int64_t(ts.ctx->worker()) : 0);
}

bool is_coro(Value v) {
    return is_type(v, &coroutine_type) ||
           (is_type(v, &generator_type) &&
            (v.as<Generator>()->frame.code->flags & kCoIterableCoroutine));
}

Value a_iscoroutine(ThreadState&, const Value* a, size_t n, Tuple*) {
    return Value::boolean(n == 1 && is_coro(a[0]));
}

Type asyncio_waker_type;

// The loop's wake-up flag. Shared so a wait in progress keeps it alive if the loop object is
// collected meanwhile.
struct WakerState {
    std::mutex m;
    engine::WaitCv cv;
    bool woken = false;
};
struct WakerObj : Object {
    std::shared_ptr<WakerState>* state = nullptr;
};

void waker_finalize(Object* o, Heap&) {
    delete static_cast<WakerObj*>(o)->state;
    static_cast<WakerObj*>(o)->state = nullptr;
}

Value a_waker(ThreadState& ts, const Value*, size_t, Tuple*) {
    auto* w = ts.heap.make<WakerObj>(&asyncio_waker_type, sizeof(WakerObj));
    if (!w) return raise_memory_error(ts);
    w->state = new std::shared_ptr<WakerState>(std::make_shared<WakerState>());
    return Value::from_ptr(w);
}

std::shared_ptr<WakerState> waker_arg(ThreadState& ts, Value v, const char* fn) {
    if (!is_type(v, &asyncio_waker_type) || !v.as<WakerObj>()->state) {
        raisef(ts, &exc_TypeError, "{}() needs the loop's _asyncio.Waker", fn);
        return nullptr;
    }
    return *v.as<WakerObj>()->state;
}

// select(waker, timeout, report)
Value a_select(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 3) return raise(ts, &exc_TypeError, "select() takes 3 arguments");
    if (no_run(ts, "event loop")) return Value::null();
    std::shared_ptr<WakerState> st = waker_arg(ts, a[0], "select");
    if (!st) return Value::null();
    int64_t deadline = engine::Runtime::kNever;
    std::string what = "asyncio event loop";
    if (a[1].is_none()) {
        if (is_str(a[2])) what = std::string(a[2].as<Str>()->view());
    } else {
        double s;
        if (!number_to_double(ts, a[1], &s)) return Value::null();
        deadline = ts.rt->deadline_after(s > 0 ? s : 0);
    }
    try {
        std::unique_lock<std::mutex> lk(st->m);
        const engine::WaitTarget target{std::move(what), {}};
        ts.ctx->block_until_deadline(lk, st->cv, engine::WorkerState::idle, target, deadline,
                                     [&] { return st->woken; });
        st->woken = false;
    } catch (const engine::RunStopped&) {
        return raise_stopped(ts);
    }
    return Value::none();
}

// wake(waker): any Python thread; never blocks beyond the flag's mutex.
Value a_wake(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1) return raise(ts, &exc_TypeError, "wake() takes 1 argument");
    std::shared_ptr<WakerState> st = waker_arg(ts, a[0], "wake");
    if (!st) return Value::null();
    std::lock_guard<std::mutex> g(st->m);
    st->woken = true;
    st->cv.notify_all();
    return Value::none();
}

Value a_trace_new(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1 || !is_str(a[0])) return raise(ts, &exc_TypeError, "trace_new(name: str)");
    if (!ts.rt) return Value::from_small(0);
    try {
        return Value::from_small(int64_t(ts.rt->new_task(std::string(a[0].as<Str>()->view()))));
    } catch (const engine::RunStopped&) {
        return raise_stopped(ts);
    }
}

Value a_trace_switch(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2 || !a[0].is_small() || !a[1].is_small())
        return raise(ts, &exc_TypeError, "trace_switch(prev: int, new: int)");
    if (!ts.ctx || a[1].as_small() <= 0) return Value::none();
    const auto task = uint32_t(a[1].as_small());
    if (a[0].as_small() == 0)
        ts.ctx->begin_task(task);
    else
        ts.ctx->switch_task(task);
    return Value::none();
}

Value a_trace_end(ThreadState& ts, const Value*, size_t, Tuple*) {
    if (ts.ctx) ts.ctx->end_task();
    return Value::none();
}

// The line a suspended frame waits at: its last instruction (the YIELD/SEND of the await).
int suspended_line(const Frame& f) {
    const uint16_t* start = f.code->code.data();
    if (!f.ip || f.ip <= start) return f.code->firstlineno;
    return f.code->position(int(f.ip - start) - 1).line;
}

// coro_info(coro) -> (qualname, filename, firstlineno, line, running): line is where the
// innermost awaited coroutine of the chain is suspended (0 once the coroutine finished).
Value a_coro_info(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1 || !(is_type(a[0], &coroutine_type) || is_type(a[0], &generator_type)))
        return raise(ts, &exc_TypeError, "coro_info(coroutine)");
    Generator* g = a[0].as<Generator>();
    const Code* code = g->frame.code;
    int line = 0;
    if (g->state == GenState::created) line = code->firstlineno;
    if (g->state == GenState::suspended || g->state == GenState::running)
        line = suspended_line(g->frame);
    Tuple* t = new_tuple(ts, 5);
    if (!t) return Value::null();
    Rooted keep(ts, Value::from_ptr(t));
    t->items[0] = Value::from_ptr(g->qualname ? g->qualname : code->qualname);
    t->items[1] = Value::from_ptr(code->filename);
    t->items[2] = Value::from_small(code->firstlineno);
    t->items[3] = Value::from_small(line);
    t->items[4] = Value::boolean(g->state == GenState::running);
    return Value::from_ptr(t);
}

Value a_format_exception(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1 || !is_exception_instance(a[0]))
        return raise(ts, &exc_TypeError, "format_exception(exception)");
    return str_value(ts, format_exception(ts, a[0]));
}

// The source line `line` of `filename` as a warning shows it (stripped), or "".
std::string source_line(ThreadState& ts, std::string_view filename, int line) {
    for (auto& p : ts.interp.programs) {
        if (p->filename != filename || line < 1 || size_t(line) > p->lines.size()) continue;
        const std::string& l = p->lines[size_t(line - 1)];
        size_t b = l.find_first_not_of(" \t\f\r\n");
        size_t e = l.find_last_not_of(" \t\f\r\n");
        return b == std::string::npos ? std::string() : l.substr(b, e - b + 1);
    }
    return {};
}

Value a_report_never_awaited(ThreadState& ts, const Value*, size_t, Tuple*) {
    if (!report_never_awaited(ts)) return Value::null();
    return Value::none();
}

const MethodDef kFunctions[] = {
    {"monotonic", a_monotonic},
    {"thread_key", a_thread_key},
    {"iscoroutine", a_iscoroutine},
    {"waker", a_waker},
    {"select", a_select},
    {"wake", a_wake},
    {"trace_new", a_trace_new},
    {"trace_switch", a_trace_switch},
    {"trace_end", a_trace_end},
    {"coro_info", a_coro_info},
    {"format_exception", a_format_exception},
    {"report_never_awaited", a_report_never_awaited},
};

}  // namespace

// CPython warns when a coroutine that never ran is freed. A tracing GC has no such moment:
// asyncio.run and the end of the program collect and report each coroutine freed unstarted,
// once per (name, place) as the warnings module's default filter does.
bool report_never_awaited(ThreadState& ts) {
    if (ts.interp.can_collect(ts)) ts.interp.collect(ts);
    std::vector<NeverAwaited> notes = std::move(ts.heap.never_awaited);
    ts.heap.never_awaited.clear();
    std::set<std::tuple<std::string, const Code*, int>> shown;
    std::string text;
    for (const NeverAwaited& n : notes) {
        if (!shown.insert({n.qualname, n.origin, n.line}).second) continue;
        std::string file = n.origin ? std::string(n.origin->filename->view()) : "sys";
        int line = n.origin ? n.line : 1;
        text += fmt::format("{}:{}: RuntimeWarning: coroutine '{}' was never awaited\n", file, line,
                            n.qualname);
        std::string src = n.origin ? source_line(ts, file, line) : std::string();
        if (!src.empty()) text += "  " + src + "\n";
        text += "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n";
    }
    return text.empty() || write_stream(ts, true, text);
}

void setup_asyncio_types(TypeBuilder& b) {
    b.init(asyncio_waker_type, "_asyncio.Waker", nullptr, sizeof(WakerObj), 0);
    asyncio_waker_type.finalize = waker_finalize;
    asyncio_waker_type.tflags |= kTypeHasFinalize;
}

bool init__asyncio(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kFunctions);
}

}  // namespace interleave::python
