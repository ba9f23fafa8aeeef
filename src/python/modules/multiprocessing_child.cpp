// The child's side of a process start (see multiprocessing_child.hpp).
#include "python/modules/multiprocessing_child.hpp"

#include "engine/process_core.hpp"
#include "engine/runtime.hpp"
#include "python/builtins/builtins.hpp"
#include "python/interp.hpp"
#include "python/modules/pickle_codec.hpp"
#include "python/vm/call.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/traceback.hpp"

namespace interleave::python {

Value import_module(ThreadState& ts, std::string_view name);

void strip_internal_frames(ThreadState& ts, Value exc) {
    if (!is_exception_instance(exc) || ts.interp.programs.empty()) return;
    const std::string& main_file = ts.interp.programs.front()->filename;
    auto* e = exc.as<BaseException>();
    Value tb = e->traceback;
    while (!tb.is_null() && !tb.is_none()) {
        auto* t = tb.as<Traceback>();
        std::string_view f = t->code->filename->view();
        if (f == main_file || f.empty() || f.front() != '<') break;
        if (t->next.is_null() || t->next.is_none()) break;  // keep at least one entry
        tb = t->next;
    }
    e->traceback = tb;
}

namespace {

// An uncaught exception at the child's top level: SystemExit's code, or the traceback and 1.
int report_uncaught(ThreadState& ts) {
    if (ts.stopped) return 0;
    Value exc = fetch_exc(ts);
    if (exc.is_null()) return 1;
    Rooted keep(ts, exc);
    if (is_subtype(type_of(exc), &exc_SystemExit)) return system_exit_code(ts, exc);
    std::string text = format_exception(ts, exc);
    flush_streams(ts);
    write_stream(ts, true, text);
    return 1;
}

bool set_inheriting(ThreadState& ts, bool on) {
    Value m = import_module(ts, "_mp");
    return !m.is_null() && setattr(ts, m, intern_str(ts, "_inheriting"), Value::boolean(on));
}

int run_child(ThreadState& ts, const Program& program, const engine::Pickled& args) {
    if (!init_interp(ts)) return report_uncaught(ts);
    Module* main = ts.interp.main_module;
    Str* mp_main = intern_str(ts, "__mp_main__");
    if (!dict_set_str(ts, main->dict, names.__name__, Value::from_ptr(mp_main)) ||
        !dict_set_str(ts, ts.interp.modules, mp_main, Value::from_ptr(main)) ||
        !set_inheriting(ts, true))
        return report_uncaught(ts);
    if (eval_code(ts, program.main, main->dict, Value::from_ptr(main->dict)).is_null())
        return report_uncaught(ts);
    if (!set_inheriting(ts, false)) return report_uncaught(ts);
    Value obj = pickle_loads(
        ts, std::string_view(reinterpret_cast<const char*>(args.bytes.data()), args.bytes.size()),
        &args.handles);
    if (obj.is_null()) return report_uncaught(ts);
    Rooted ko(ts, obj);
    Value mp = import_module(ts, "multiprocessing");
    if (mp.is_null()) return report_uncaught(ts);
    Value boot = getattr(ts, mp, intern_str(ts, "_bootstrap"));
    if (boot.is_null()) return report_uncaught(ts);
    Value r = call1(ts, boot, obj);
    if (r.is_null()) return report_uncaught(ts);
    int64_t code = 1;
    if (r.is_small()) code = r.as_small();
    return int(code);
}

}  // namespace

std::function<void(const engine::Pickled&)> make_child_entry(
    ThreadState& parent, std::shared_ptr<engine::detail::Channel> notify,
    engine::Pickled token_clean, engine::Pickled token_dirty) {
    std::shared_ptr<const Program> program = parent.interp.programs.front();
    InterpConfig cfg = parent.interp.config;
    auto sink = parent.interp.line_sink;
    auto tokens = std::make_shared<std::pair<engine::Pickled, engine::Pickled>>(
        std::move(token_clean), std::move(token_dirty));
    return [program, cfg, sink, notify, tokens](const engine::Pickled& args) {
        bool clean = false;
        struct Notify {
            const std::shared_ptr<engine::detail::Channel>& ch;
            const std::shared_ptr<std::pair<engine::Pickled, engine::Pickled>>& t;
            const bool& clean;
            ~Notify() {
                if (!ch) return;
                try {  // unbounded: never blocks, also while the child is being stopped
                    ch->put(clean ? t->first : t->second, -1, "Process exit");
                } catch (...) {
                }
            }
        } notify_on_exit{notify, tokens, clean};
        engine::WorkerContext* ctx = engine::current_worker();
        engine::Runtime& rt = engine::Runtime::current();
        InterpConfig c = cfg;
        c.free_threaded = ctx && ctx->gil() == nullptr;
        int code = 0;
        bool stopped = false;
        int os_exit = -1;
        {
            // Shared: the child's Python threads keep it alive (vm/thread_start.hpp).
            auto owner = std::make_shared<Interp>(c, &rt, ctx ? ctx->process() : 0);
            Interp& interp = *owner;
            interp.line_sink = sink;
            interp.programs.push_back(program);
            interp.main_worker = ctx ? ctx->worker() : 0;
            ThreadState ts(interp, ctx);
            code = run_child(ts, *program, args);
            if (!ts.stopped) wait_for_threads(ts);
            interp.finalizing.store(true, std::memory_order_relaxed);
            // os._exit(n) from any of its threads: exitcode n, nothing flushed, and never a
            // clean end (a pool sees its worker vanish, even with n == 0).
            os_exit = interp.os_exit_status.load(std::memory_order_acquire);
            if (os_exit >= 0) {
                discard_partial_lines(ts);
            } else {
                flush_streams(ts);
                stopped = ts.stopped;
            }
        }
        if (os_exit > 0) throw engine::ProcessExit{os_exit};
        if (os_exit == 0) return;
        if (stopped) throw engine::RunStopped{};
        if (code != 0) throw engine::ProcessExit{code};
        clean = true;
    };
}

}  // namespace interleave::python
