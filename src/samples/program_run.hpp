// Interleave samples — running Python text on the engine: one engine Run of a program, with the
// program's own outcome beside the Run's (its exit code, the uncaught exception it ended with,
// or the SyntaxError that kept it from starting).
//
// The one path by which Python runs in the product: the playground (desktop and web: the
// editor's text), `interleave-cli run SAMPLE` (the sample's text with its knob values) and
// `interleave-cli run FILE.py` all call ProgramRun::start. What the views show (timeline, GIL,
// cores, console, stats, trace) is the engine Run's; this adds what only the interpreter knows.
//
//   auto p = ProgramRun::start(text, "<main>", config);
//   while (!p->run()->done()) { poll p->run() }
//   if (auto e = p->error()) { underline e->line; print e->traceback }
//
// As CPython 3.11 runs `python3 FILE.py`:
//   ✓ A SyntaxError (IndentationError, TabError) is found before anything runs; the Run still
//     starts and its MainThread writes CPython's text for it to stderr ("  File "<main>", line
//     3", the source line, the caret line, "SyntaxError: msg"), and ends: exit code 1, as
//     python3 exits. The caller learns of it at once (error() is set before start returns).
//   ✓ An uncaught exception: the traceback on stderr (python::run_main), exit code 1.
//   ✓ sys.exit(n): exit code n, no error.
//   ✓ The engine's own outcomes (deadlock, stop, limits) stay the Run's status and notices.
//   ✗ The column of a runtime exception is not reported (0): the traceback's carets show it.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/run.hpp"

namespace interleave::samples {

// What the editor underlines and the automation reports (window.interleave.state().error,
// `--json`'s "error").
struct ProgramError {
    std::string type;       // "SyntaxError", "IndentationError", "ZeroDivisionError", ...
    std::string message;    // SyntaxError's msg, or str(exc)
    int line = 0;           // 1-based line in the program; 0: unknown
    int column = 0;         // 1-based character column (SyntaxError's offset); 0: unknown
    int end_line = 0;       // SyntaxError's end (0: unknown)
    int end_column = 0;     // exclusive, 1-based (0: unknown)
    std::string traceback;  // the text written to stderr (CPython's layout)
};

class ProgramRun {
  public:
    // Compiles `source` (UTF-8) on the calling thread — O(source), about a millisecond per
    // thousand lines — and starts it as __main__ on a new engine Run with `config`. `filename`
    // is what tracebacks name ("<main>" in the playground; the path for a file). `argv` is
    // sys.argv (empty: [filename]); `main_file` is __main__.__file__ (empty: not defined, as
    // for a program typed in the playground, CPython's `-c`). Never blocks; any thread. Never
    // throws for bad source.
    [[nodiscard]] static std::shared_ptr<ProgramRun> start(std::string_view source,
                                                           std::string filename,
                                                           const engine::RunConfig& config,
                                                           std::vector<std::string> argv = {},
                                                           std::string main_file = {});

    // The engine Run: output, trace, stats, status, stop. Never null.
    const std::shared_ptr<engine::Run>& run() const { return run_; }

    // --- The program's outcome (any thread; short lock) --------------------------------------
    // True once the program's main code has returned (set before run()->done() turns true).
    bool ended() const;
    // Like python3's exit status: 0, 1 for an uncaught exception or a SyntaxError, sys.exit's
    // code. 0 while running, and for a run that was stopped.
    int exit_code() const;
    // The SyntaxError (from the start) or the uncaught exception (once ended); nullopt if none.
    std::optional<ProgramError> error() const;
    bool stopped() const;  // the engine stopped the program (Stop, a limit): no traceback

  private:
    struct State {
        mutable std::mutex mu;
        bool ended = false, stopped = false;
        int exit_code = 0;
        std::optional<ProgramError> error;
    };
    std::shared_ptr<engine::Run> run_;
    std::shared_ptr<State> state_ = std::make_shared<State>();  // shared with the Run's body
};

// The error as JSON: {"type", "message", "line", "column", "traceback"} (line/column null when
// unknown), or null. For --json and window.interleave.state().
std::string error_json(const std::optional<ProgramError>& error);

}  // namespace interleave::samples
