// start_thread and PyThreadHandle (see thread_start.hpp).
#include "python/vm/thread_start.hpp"

#include <system_error>

#include "python/builtins/builtins.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/traceback.hpp"

namespace interleave::python {

namespace {

// CPython 3.11's _thread: "Exception ignored in thread started by: <callable>" + traceback.
void default_on_exception(ThreadState& ts, Value callable, Value exc) {
    Rooted keep(ts, exc);
    std::string who = "<object repr() failed>";
    Value r = repr(ts, callable);
    if (!r.is_null())
        who = std::string(str_view(r));
    else
        clear_exc(ts);
    if (ts.stopped) return;
    std::string text = "Exception ignored in thread started by: " + who + "\n";
    text += format_exception(ts, exc);
    flush_streams(ts);
    write_stream(ts, true, text);
}

}  // namespace

PyThreadHandle::PyThreadHandle(engine::Runtime& rt, engine::WorkerThread os, uint16_t worker)
    : rt_(rt), os_(std::move(os)), worker_(worker) {}

int64_t PyThreadHandle::ident() const noexcept {
    return thread_ident_of(worker_);
}
int64_t PyThreadHandle::native_id() const noexcept {
    return thread_native_id_of(worker_);
}

bool PyThreadHandle::is_alive() const {
    return rt_.worker_alive(worker_);
}

int PyThreadHandle::join(ThreadState& ts, double timeout_s) {
    bool ended = false;
    try {
        ended = rt_.wait_worker_exit(worker_, timeout_s);
    } catch (const engine::RunStopped&) {
        raise_stopped(ts);
        return -1;
    }
    if (!ended) return 0;
    // The worker has ended: reaping its OS thread is immediate (the GIL stays held).
    std::lock_guard<std::mutex> g(os_mu_);
    if (os_.joinable()) os_.join();
    return 1;
}

int64_t thread_ident_of(uint16_t worker) noexcept {
    // Shaped like a 64-bit pthread_t (stack addresses 8 MiB apart), stable across runs.
    return int64_t(0x7f1c2a000000) + int64_t(worker) * 0x800000;
}

int64_t thread_native_id_of(uint16_t worker) noexcept {
    return 4200 + int64_t(worker);
}

int64_t current_thread_ident(ThreadState& ts) noexcept {
    return thread_ident_of(ts.ctx ? ts.ctx->worker() : 0);
}

std::shared_ptr<PyThreadHandle> start_thread(ThreadState& ts, Value callable, Value args,
                                             Value kwargs, ThreadStartOptions options) {
    Interp& interp = ts.interp;
    if (!interp.rt || !ts.ctx) {
        raise(ts, &exc_RuntimeError, "can't start new thread: no engine run (python::run_main)");
        return nullptr;
    }
    if (interp.finalizing.load(std::memory_order_relaxed)) {
        raise(ts, &exc_RuntimeError, "can't create new thread at interpreter shutdown");
        return nullptr;
    }
    std::shared_ptr<Interp> owner = interp.weak_from_this().lock();
    if (!owner) {
        raise(ts, &exc_RuntimeError,
              "can't start new thread: the interpreter is not owned by a shared_ptr");
        return nullptr;
    }
    // The callable and its arguments travel as interpreter roots until the thread takes them.
    struct Slots {
        size_t fn, args, kwargs, obj;
    };
    Slots s{interp.add_root(callable), interp.add_root(args), interp.add_root(kwargs),
            interp.add_root(options.thread_obj)};
    auto release_slots = [](Interp& in, const Slots& sl) {
        in.remove_root(sl.fn);
        in.remove_root(sl.args);
        in.remove_root(sl.kwargs);
        in.remove_root(sl.obj);
    };
    auto on_exception = options.on_exception ? options.on_exception : default_on_exception;
    engine::Runtime& rt = *interp.rt;
    std::string name = options.name;
    if (name.empty()) name = "Thread-" + std::to_string(rt.next_thread_number());
    // One of the run's tasks (RunStats::tasks, the timeline's task row, output attribution), as
    // the engine's own Thread and Process register theirs: a thread is something the program
    // started. May end the run (RunLimits::tasks): then the caller unwinds as at a stop.
    uint32_t task = 0;
    try {
        task = rt.new_task(name);
    } catch (const engine::RunStopped&) {
        release_slots(interp, s);
        raise_stopped(ts);
        return nullptr;
    }
    auto body = [owner, s, release_slots, on_exception, task]() mutable {
        std::shared_ptr<Interp> keep = std::move(owner);
        Interp& in = *keep;
        {
            engine::WorkerContext* ctx = engine::current_worker();
            if (ctx) ctx->begin_task(task);
            ThreadState nts(in, ctx);
            if (ctx) ctx->user = &nts;
            nts.spawned = true;
            // This worker holds the process's GIL from its start (or runs free-threaded).
            Rooted fn(nts, in.root(s.fn)), args(nts, in.root(s.args)),
                kwargs(nts, in.root(s.kwargs));
            nts.thread_obj = in.root(s.obj);
            release_slots(in, s);
            if (thread_may_continue(nts)) {
                Value r = call_ex(nts, fn, args, kwargs);
                if (r.is_null() && !nts.stopped) {
                    Value exc = fetch_exc(nts);
                    if (!exc.is_null() && !is_subtype(type_of(exc), &exc_SystemExit))
                        on_exception(nts, fn, exc);
                    if (!nts.stopped) clear_exc(nts);
                }
            }
            if (ctx) ctx->user = nullptr;
        }
        // `keep` goes last: the interpreter may be destroyed here, on this worker.
    };
    try {
        engine::WorkerThread os =
            rt.spawn_worker(name, options.kind, interp.process, std::move(body), options.daemon);
        const uint16_t w = os.worker();
        return std::make_shared<PyThreadHandle>(rt, std::move(os), w);
    } catch (const std::system_error&) {
        release_slots(interp, s);
        raise(ts, &exc_RuntimeError, "can't start new thread");
    } catch (const engine::RunStopped&) {
        release_slots(interp, s);
        raise_stopped(ts);
    }
    return nullptr;
}

}  // namespace interleave::python
