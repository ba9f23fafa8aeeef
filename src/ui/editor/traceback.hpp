// Interleave UI — reading CPython 3.11's traceback text back into places in the program
// (issue #10 item 4): the editor marks where an uncaught exception or a SyntaxError happened,
// and the console makes a traceback's "line N" clickable. The run's output is the one source:
// the main thread's traceback and each thread's ("Exception in thread Thread-1 (f):", as
// CPython 3.11's threading.excepthook prints it) read the same way, live.
//
// Layouts read (Lib/traceback.py, 3.11):
//   Traceback (most recent call last):
//     File "<main>", line 14, in worker
//       total = total + 1 / n
//                       ~~^~~        (3.11's position carets; absent when they'd span the line)
//   ZeroDivisionError: division by zero
// and a SyntaxError's, which has no "Traceback" header and no "in f":
//     File "<main>", line 2
//       print(x
//            ^
//   SyntaxError: '(' was never closed
// Chained exceptions ("During handling of the above exception, ..." / "The above exception
// was the direct cause of ...") mark the last one only.
//
// Pure, no ImGui; main thread (owned by the playground). Cost: O(line) per line fed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/editor/code_editor.hpp"  // Diagnostic

namespace interleave::ui {

// The 1-based line number of a traceback frame line that names `filename`
// ('  File "<main>", line 14, in worker' -> 14); 0 when the line is not one.
int traceback_line(std::string_view text, std::string_view filename = "<main>");

// Byte columns on `line_text` of CPython's caret columns, which count characters from the
// line's first non-blank character (the traceback shows the line stripped).
std::pair<int, int> caret_byte_columns(std::string_view line_text, int char_begin, int char_end);

class TracebackReader {
  public:
    explicit TracebackReader(std::string filename = "<main>") : filename_(std::move(filename)) {}

    // One output line (no '\n'). Returns true when it completed a traceback: diagnostics()
    // then has it (a chained exception replaces the one it was chained to). The diagnostic's
    // columns are CPython's caret columns (characters from the stripped line's start), or -1:
    // convert them with caret_byte_columns against the program's line.
    bool feed(std::string_view line);
    const std::vector<Diagnostic>& diagnostics() const { return out_; }
    void clear();

  private:
    std::string filename_;
    std::vector<Diagnostic> out_;
    bool in_traceback_ = false;
    bool chained_ = false;             // the next exception replaces the last one
    std::string thread_;               // from "Exception in thread NAME:"
    std::optional<Diagnostic> frame_;  // the innermost frame in the program so far
    bool after_frame_ = false;         // the last line was a frame line of ours (source follows)
    bool after_source_ = false;        // the last line was its source line (carets may follow)
    int source_indent_ = 0;            // where the shown source line starts
};

}  // namespace interleave::ui
