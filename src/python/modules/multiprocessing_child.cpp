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

// _mp._inheriting while the child re-runs the program: True (spawn: a process start there is
// CPython's bootstrapping RuntimeError), "fork" (it raises multiprocessing._ForkPoint), False.
bool set_inheriting(ThreadState& ts, Value v) {
    Value m = import_module(ts, "_mp");
    return !m.is_null() && setattr(ts, m, intern_str(ts, "_inheriting"), v);
}

// Re-runs the main program as __mp_main__; for a fork, silently and up to its first process
// start. False with the exception raised.
bool rerun_main(ThreadState& ts, const Program& program, bool fork) {
    Module* main = ts.interp.main_module;
    Value inheriting = fork ? str_value(ts, "fork") : Value::true_();
    if (inheriting.is_null() || !set_inheriting(ts, inheriting)) return false;
    Rooted sys(ts), saved(ts), fork_point(ts);
    Str* stdout_name = intern_str(ts, "stdout");
    if (fork) {
        Value mp = import_module(ts, "multiprocessing");
        if (mp.is_null()) return false;
        Rooted km(ts, mp);
        sys = import_module(ts, "sys");
        if (sys.get().is_null()) return false;
        fork_point = getattr(ts, mp, intern_str(ts, "_ForkPoint"));
        if (fork_point.get().is_null()) return false;
        Value discard_type = getattr(ts, mp, intern_str(ts, "_Discard"));
        if (discard_type.is_null()) return false;
        Value discard = call0(ts, discard_type);
        if (discard.is_null()) return false;
        Rooted kd(ts, discard);
        saved = getattr(ts, sys, stdout_name);
        if (saved.get().is_null() || !setattr(ts, sys, stdout_name, discard)) return false;
    }
    bool ok = !eval_code(ts, program.main, main->dict, Value::from_ptr(main->dict)).is_null();
    if (!ok && fork && exc_matches(ts, fork_point.get().as<Type>())) {
        clear_exc(ts);
        ok = true;
    }
    if (ts.stopped) return false;
    if (fork) {
        Rooted pending(ts, ok ? Value::null() : fetch_exc(ts));  // the restore must not lose it
        if (!setattr(ts, sys, stdout_name, saved)) return false;
        if (!pending.get().is_null()) ts.curexc = pending;
    }
    return ok && set_inheriting(ts, Value::false_());
}

// After an emulated fork's re-run: the parent's globals replace the child's, and the main
// module is "__main__" again for the code that runs now (its functions and classes too).
bool take_fork_globals(ThreadState& ts, Value globals) {
    Dict* main = ts.interp.main_module->dict;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(globals.as<Dict>(), &pos, &k, &v))
        if (!dict_set(ts, main, k, v)) return false;
    Str* main_name = intern_str(ts, "__main__");
    Str* mp_main = intern_str(ts, "__mp_main__");
    auto rename = [&](Value x) {
        if (is_type(x, &function_type) && is_str(x.as<Function>()->module) &&
            str_eq(x.as<Function>()->module.as<Str>(), mp_main))
            x.as<Function>()->module = Value::from_ptr(main_name);
    };
    pos = 0;
    while (dict_next(main, &pos, &k, &v)) {
        rename(v);
        if (!is_typeobj(v) || !(v.as<Type>()->tflags & kTypeHeap)) continue;
        Dict* cd = v.as<Type>()->dict;
        Value m = dict_get_str(cd, names.__module__);
        if (!is_str(m) || !str_eq(m.as<Str>(), mp_main)) continue;
        if (!dict_set_str(ts, cd, names.__module__, Value::from_ptr(main_name))) return false;
        int64_t cpos = 0;
        Value ck, cv;
        while (dict_next(cd, &cpos, &ck, &cv)) rename(cv);
    }
    return dict_set_str(ts, main, names.__name__, Value::from_ptr(main_name));
}

int run_child(ThreadState& ts, const Program& program, const engine::Pickled& args, bool fork) {
    if (!init_interp(ts)) return report_uncaught(ts);
    Module* main = ts.interp.main_module;
    Str* mp_main = intern_str(ts, "__mp_main__");
    if (!dict_set_str(ts, main->dict, names.__name__, Value::from_ptr(mp_main)) ||
        !dict_set_str(ts, ts.interp.modules, mp_main, Value::from_ptr(main)) ||
        !rerun_main(ts, program, fork))
        return report_uncaught(ts);
    Value sent = pickle_loads(
        ts, std::string_view(reinterpret_cast<const char*>(args.bytes.data()), args.bytes.size()),
        &args.handles);
    if (sent.is_null()) return report_uncaught(ts);
    Rooted ks(ts, sent);
    Value obj = sent.as<Tuple>()->items[0];  // (process, fork globals or None): mp_p_start
    Value globals = sent.as<Tuple>()->items[1];
    if (is_dict(globals) && !take_fork_globals(ts, globals)) return report_uncaught(ts);
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

Value fork_globals(ThreadState& ts) {
    Dict* out = new_dict(ts);
    if (!out) return Value::null();
    Rooted ko(ts, Value::from_ptr(out));
    RootedVector items(ts);  // pickling may run Python code that changes the module's dict
    int64_t pos = 0;
    Value k, v;
    while (dict_next(ts.interp.main_module->dict, &pos, &k, &v)) {
        items.v.push_back(k);
        items.v.push_back(v);
    }
    for (size_t i = 0; i < items.v.size(); i += 2) {
        Value key = items.v[i], val = items.v[i + 1];
        if (!is_str(key)) continue;
        std::string_view name = str_view(key);
        if (name.size() > 4 && name.starts_with("__") && name.ends_with("__")) continue;
        Type* t = type_of(val);
        if (t == &module_type || t == &function_type || t == &builtin_function_type ||
            is_typeobj(val))
            continue;
        std::string bytes;
        PickleHandles handles;
        if (!pickle_dumps(ts, val, &bytes, &handles)) {
            if (ts.stopped || exc_matches(ts, &exc_MemoryError)) return Value::null();
            clear_exc(ts);
            continue;
        }
        if (!dict_set(ts, out, key, val)) return Value::null();
    }
    return Value::from_ptr(out);
}

std::function<void(const engine::Pickled&)> make_child_entry(
    ThreadState& parent, std::shared_ptr<engine::detail::Channel> notify,
    engine::Pickled token_clean, engine::Pickled token_dirty, bool fork) {
    std::shared_ptr<const Program> program = parent.interp.programs.front();
    InterpConfig cfg = parent.interp.config;
    auto sink = parent.interp.line_sink;
    auto tokens = std::make_shared<std::pair<engine::Pickled, engine::Pickled>>(
        std::move(token_clean), std::move(token_dirty));
    return [program, cfg, sink, notify, tokens, fork](const engine::Pickled& args) {
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
            code = run_child(ts, *program, args, fork);
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
