// Errors at their line (issue #10 item 4): the run's output is read as it arrives; each
// traceback it completes (the main thread's, a thread's, a SyntaxError's) becomes a diagnostic
// in the editor, on the innermost line of the program, a thread's in that thread's colour.
#include <functional>

#include "ui/editor/traceback.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

uint32_t thread_color(const Playground& p, const std::string& thread) {
    // The lane's colour when a task bears the thread's name ("Thread-1 (worker)", or the
    // engine's "Thread-1"); else a colour of the same palette chosen by the name, so a thread
    // keeps one colour however often its errors are drawn.
    for (const auto& t : p.tasks)
        if (t.name == thread || (thread.rfind(t.name, 0) == 0 && thread.size() > t.name.size() &&
                                 thread[t.name.size()] == ' '))
            return task_color(t.id);
    return task_color(static_cast<uint32_t>(std::hash<std::string>{}(thread) % 64));
}

void Playground::poll_run_errors() {
    // A new run (or a cleared console) starts over; the run's own errors then replace what the
    // last run marked.
    const size_t end = console.dropped() + console.size();
    if (run.get() != errors_run_ || end < errors_fed_) {
        errors_run_ = run.get();
        errors_fed_ = 0;
        tracebacks_.clear();
        editor.clear_error();
    }
    bool changed = false;
    for (size_t abs = std::max(errors_fed_, console.dropped()); abs < end; ++abs)
        changed |= tracebacks_.feed(console.text(abs - console.dropped()));
    errors_fed_ = end;
    if (changed) show_diagnostics(tracebacks_.diagnostics());
}

void Playground::show_diagnostics(std::vector<Diagnostic> list) {
    for (Diagnostic& d : list) {
        if (d.line < 0 || d.line >= editor.model().line_count()) continue;
        const auto cols = caret_byte_columns(editor.model().line(d.line), d.col_begin, d.col_end);
        d.col_begin = cols.first;
        d.col_end = cols.second;
        if (!d.thread.empty()) d.color = thread_color(*this, d.thread);
    }
    editor.set_diagnostics(list);
}

}  // namespace interleave::ui
