// The process's stdout/stderr: complete lines to the engine (Runtime::print), partial lines kept
// until the next newline or a flush (PYTHON.md §7).
#include "engine/runtime.hpp"
#include "python/builtins/builtins.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

bool emit_line(ThreadState& ts, bool err, std::string line, bool newline = true) {
    Interp& in = ts.interp;
    if (in.line_sink) {
        in.line_sink(err, std::move(line));
        return true;
    }
    if (!in.rt) return true;
    try {
        in.rt->print(std::move(line), err ? engine::Stream::err : engine::Stream::out,
                     newline);
    } catch (const engine::RunStopped&) {
        raise_stopped(ts);
        return false;
    }
    return true;
}

}  // namespace

bool write_stream(ThreadState& ts, bool err, std::string_view text) {
    OutStream& s = err ? ts.interp.err : ts.interp.out;
    size_t start = 0;
    for (;;) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            s.pending.append(text.substr(start));
            return true;
        }
        std::string line = std::move(s.pending);
        s.pending.clear();
        line.append(text.substr(start, nl - start));
        if (!emit_line(ts, err, std::move(line))) return false;
        start = nl + 1;
    }
}

bool flush_streams(ThreadState& ts) {
    for (bool err : {false, true}) {
        OutStream& s = err ? ts.interp.err : ts.interp.out;
        if (s.pending.empty()) continue;
        std::string line = std::move(s.pending);
        s.pending.clear();
        if (!emit_line(ts, err, std::move(line), false)) return false;
    }
    return true;
}

int system_exit_code(ThreadState& ts, Value exc) {
    Tuple* a = exc.as<BaseException>()->args;
    Value code = (!a || a->size == 0) ? Value::none() : (a->size == 1 ? a->items[0] : Value::from_ptr(a));
    if (code.is_none()) return 0;
    if (code.is_small()) return int(code.as_small() & 0xFF) == code.as_small() ? int(code.as_small()) : int(code.as_small() & 0xFF);
    if (code.is_bool()) return code.is_true() ? 1 : 0;
    std::string s;
    if (!str_utf8(ts, code, &s)) {
        clear_exc(ts);
        s = "";
    }
    flush_streams(ts);
    write_stream(ts, true, s + "\n");
    return 1;
}

}  // namespace interleave::python

namespace interleave::python {

void wait_for_threads(ThreadState&) {
    // Threads are joined by the threading module's shutdown (modules/threading.cpp) once it
    // exists; until then a program has only its main thread.
}

}  // namespace interleave::python
