// The process's stdout/stderr: complete lines to the engine (Runtime::print), partial lines kept
// until the next newline or a flush (PYTHON.md §7).
#include <mutex>
#include <vector>

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
    // Complete lines are taken out under the stream's mutex (free-threaded runs: several
    // threads write at once) and handed to the engine after it is released: Runtime::print
    // is a checkpoint, which must not run with an interpreter lock held.
    std::vector<std::string> lines;
    {
        std::unique_lock<std::mutex> g(s.mu, std::defer_lock);
        if (ts.interp.free_threaded) g.lock();
        size_t start = 0;
        for (;;) {
            size_t nl = text.find('\n', start);
            if (nl == std::string_view::npos) {
                s.pending.append(text.substr(start));
                break;
            }
            std::string line = std::move(s.pending);
            s.pending.clear();
            line.append(text.substr(start, nl - start));
            lines.push_back(std::move(line));
            start = nl + 1;
        }
    }
    for (std::string& line : lines)
        if (!emit_line(ts, err, std::move(line))) return false;
    return true;
}

bool flush_streams(ThreadState& ts) {
    for (bool err : {false, true}) {
        OutStream& s = err ? ts.interp.err : ts.interp.out;
        std::string line;
        {
            std::unique_lock<std::mutex> g(s.mu, std::defer_lock);
            if (ts.interp.free_threaded) g.lock();
            if (s.pending.empty()) continue;
            line = std::move(s.pending);
            s.pending.clear();
        }
        if (!emit_line(ts, err, std::move(line), false)) return false;
    }
    return true;
}

void discard_partial_lines(ThreadState& ts) {
    for (OutStream* s : {&ts.interp.out, &ts.interp.err}) {
        std::unique_lock<std::mutex> g(s->mu, std::defer_lock);
        if (ts.interp.free_threaded) g.lock();
        s->pending.clear();
    }
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
