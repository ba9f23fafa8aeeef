// compile_program and run_main (see interp.hpp).
#include "python/interp.hpp"

#include "engine/runtime.hpp"
#include "python/builtins/builtins.hpp"
#include "python/compiler/compile_source.hpp"
#include "python/modules/asyncio_modules.hpp"
#include "python/vm/call.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/traceback.hpp"

namespace interleave::python {

namespace {

std::vector<std::string> split_lines(std::string_view src) {
    std::vector<std::string> lines;
    size_t start = 0;
    for (size_t i = 0; i < src.size(); ++i) {
        if (src[i] == '\n' || src[i] == '\r') {
            lines.emplace_back(src.substr(start, i - start));
            if (src[i] == '\r' && i + 1 < src.size() && src[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }
    if (start < src.size()) lines.emplace_back(src.substr(start));
    return lines;
}

std::string syntax_error_text(const SyntaxErrorInfo& e) {
    std::string out;
    if (e.kind == SyntaxErrorKind::RecursionError) {
        return "RecursionError: " + e.msg + "\n";
    }
    // A parser error with no source text (lineno past the end) prints no source line.
    const bool has_text = !e.text.empty();
    out += format_syntax_error_location(e.filename, e.lineno, has_text ? &e.text : nullptr,
                                        e.offset, e.end_lineno, e.end_offset);
    out += fmt::format("{}: {}\n", name_of(e.kind), e.msg);
    return out;
}

}  // namespace

CompileResult compile_program(std::string_view source, std::string filename) {
    CompileResult result;
    SourceCompileOutput out = compile_source(source, filename);
    if (!out.code) {
        result.error = out.error;
        if (result.error.filename.empty()) result.error.filename = filename;
        if (result.error.text.empty() && out.error.lineno > 0) {
            auto lines = split_lines(source);
            if (size_t(out.error.lineno) <= lines.size())
                result.error.text = lines[size_t(out.error.lineno - 1)] + "\n";
        }
        result.error_text = syntax_error_text(result.error);
        return result;
    }
    init_builtin_types();
    auto program = std::make_shared<Program>();
    program->filename = filename;
    program->source = std::string(source);
    program->lines = split_lines(source);
    for (const SyntaxErrorInfo& w : out.warnings) {
        program->warnings_text +=
            fmt::format("{}:{}: SyntaxWarning: {}\n", filename, w.lineno, w.msg);
        if (w.lineno > 0 && size_t(w.lineno) <= program->lines.size()) {
            const std::string& l = program->lines[size_t(w.lineno - 1)];
            size_t b = l.find_first_not_of(" \t\f");
            size_t e = l.find_last_not_of(" \t\f\r\n");
            if (b != std::string::npos)
                program->warnings_text += "  " + l.substr(b, e - b + 1) + "\n";
        }
    }
    program->main = materialize_code(*program, *out.code);
    result.program = std::move(program);
    return result;
}

namespace {

// The functions atexit.register() collected (a program that never imported atexit has none),
// as CPython's finalization runs them after threading's shutdown; not after os._exit() or a
// stopped run.
void run_atexit_callbacks(ThreadState& ts) {
    if (ts.stopped || ts.interp.os_exit_status.load() >= 0) return;
    Value mod = dict_get_str(ts.interp.modules, intern_str(ts, "atexit"));
    if (mod.is_null()) return;
    Rooted keep(ts, mod);
    Value pending = fetch_exc(ts);
    Rooted keep_exc(ts, pending);
    Value run = getattr_opt(ts, mod, intern_str(ts, "_run_exitfuncs"));
    if (!run.is_null() && call0(ts, run).is_null()) clear_exc(ts);
    clear_exc(ts);
    if (!pending.is_null()) ts.curexc = pending;
}

RunResult run_with(engine::Runtime* rt, std::shared_ptr<const Program> program,
                   RunOptions options) {
    RunResult result;
    InterpConfig cfg;
    if (options.heap_limit_bytes) cfg.heap_limit_bytes = options.heap_limit_bytes;
    cfg.filename = program->filename;
    cfg.argv = options.argv;
    if (cfg.argv.empty()) cfg.argv.push_back(program->filename);
    engine::WorkerContext* ctx = rt ? engine::current_worker() : nullptr;
    cfg.free_threaded = ctx && ctx->gil() == nullptr;
    // Shared: Python threads keep the interpreter alive (vm/thread_start.hpp); a daemon thread
    // still running when this returns is the last owner.
    auto interp_owner = std::make_shared<Interp>(cfg, rt, ctx ? ctx->process() : 0);
    Interp& interp = *interp_owner;
    interp.line_sink = options.line_sink;
    interp.programs.push_back(program);
    ThreadState ts(interp, ctx);
    if (ctx) ctx->user = &ts;
    interp.main_worker = ctx ? ctx->worker() : 0;
    Value r = Value::null();
    if (init_interp(ts)) {
        Module* main = interp.main_module;
        if (!options.main_file.empty()) {
            Value file = str_value(ts, options.main_file);
            if (file.is_null() || !dict_set_str(ts, main->dict, names.__file__, file))
                return result;
        }
        if (!program->warnings_text.empty()) write_stream(ts, true, program->warnings_text);
        r = eval_code(ts, program->main, main->dict, Value::from_ptr(main->dict));
    }
    // A coroutine never awaited (`main()` without asyncio.run): CPython warns when it is freed,
    // before the traceback of an exception raised after it.
    auto warn_never_awaited = [&] {
        if (ts.stopped || interp.os_exit_status.load() >= 0) return;
        Value pending = fetch_exc(ts);
        Rooted keep(ts, pending);
        if (!report_never_awaited(ts)) clear_exc(ts);
        if (!pending.is_null()) ts.curexc = pending;
    };
    warn_never_awaited();
    if (r.is_null()) {
        if (ts.stopped) {
            result.stopped = true;
        } else {
            Value exc = fetch_exc(ts);
            Rooted keep(ts, exc);
            if (!exc.is_null() && is_subtype(type_of(exc), &exc_SystemExit)) {
                result.exit_code = system_exit_code(ts, exc);
            } else if (!exc.is_null()) {
                ErrorInfo info;
                info.traceback = format_exception(ts, exc);
                info.type = exception_type_name(exc);
                info.message = exception_message(ts, exc);
                info.line = exception_line(exc);
                flush_streams(ts);
                write_stream(ts, true, info.traceback);
                result.error = std::move(info);
                result.exit_code = 1;
            }
        }
    }
    if (!result.stopped) wait_for_threads(ts);
    warn_never_awaited();  // ... and those of the threads
    run_atexit_callbacks(ts);
    // Finalizing: daemon threads that get the GIL from now on unwind without running Python.
    interp.finalizing.store(true, std::memory_order_relaxed);
    // os._exit(n), from any thread: status n, nothing flushed, not a stopped run.
    const int os_exit = interp.os_exit_status.load(std::memory_order_acquire);
    if (os_exit >= 0) {
        discard_partial_lines(ts);
        result.stopped = false;
        result.exit_code = os_exit;
    } else {
        flush_streams(ts);
        if (ts.stopped) result.stopped = true;
    }
    if (ctx) ctx->user = nullptr;
    return result;
}

}  // namespace

RunResult run_main(engine::Runtime& rt, std::shared_ptr<const Program> program,
                   RunOptions options) {
    return run_with(&rt, std::move(program), std::move(options));
}

RunResult run_detached(std::shared_ptr<const Program> program, RunOptions options) {
    return run_with(nullptr, std::move(program), std::move(options));
}

}  // namespace interleave::python
