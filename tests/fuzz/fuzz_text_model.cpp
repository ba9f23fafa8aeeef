// libFuzzer target: the editor's text model under any sequence of commands. The input is a
// script: each byte picks a command (typing, Enter, Backspace, Tab, comment, paste, caret and
// selection moves, undo, redo, find, bracket match), and the bytes after some commands are
// their text. After every command: the caret and anchor are on code-point boundaries, the text
// is valid UTF-8 without '\r', and its size agrees with its lines. At the end: undo walks back
// through every recorded state to the first text, and redo forward to the last.
//
// Build and run: see cmake/fuzz.cmake.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ui/editor/text_model.hpp"

using interleave::ui::TextModel;
using interleave::ui::TextPos;
namespace utf8 = interleave::ui::utf8;

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_text_model: invariant broken: %s\n", what);
    std::abort();
}

struct Reader {
    const uint8_t* p;
    const uint8_t* end;
    bool more() const { return p < end; }
    uint8_t byte() { return p < end ? *p++ : 0; }
    std::string_view text() {  // a length byte (0..15), then that many bytes
        const size_t n = std::min<size_t>(byte() % 16, static_cast<size_t>(end - p));
        const std::string_view s(reinterpret_cast<const char*>(p), n);
        p += n;
        return s;
    }
    TextPos pos(const TextModel& m) {
        const int line = byte() % m.line_count();
        return {line, static_cast<int>(byte() % (m.line(line).size() + 2))};
    }
};

bool on_boundary(const TextModel& m, TextPos p) {
    return p.line >= 0 && p.line < m.line_count() && p.col >= 0 &&
           static_cast<size_t>(p.col) <= m.line(p.line).size() &&
           utf8::is_boundary(m.line(p.line), static_cast<size_t>(p.col));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Reader r{data, data + size};
    TextModel m(r.text());
    std::vector<std::string> states{m.text()};  // states[d]: the text at undo depth d
    int commands = 0;
    while (r.more() && ++commands < 400) {
        const size_t before = m.undo_depth();
        const uint8_t op = r.byte() % 24;
        bool history = false;
        switch (op) {
            case 0:
                m.type_text(r.text());
                break;
            case 1:
                m.newline();
                break;
            case 2:
                m.backspace();
                break;
            case 3:
                m.delete_forward();
                break;
            case 4:
                m.tab();
                break;
            case 5:
                m.shift_tab();
                break;
            case 6:
                m.toggle_comment();
                break;
            case 7:
                m.paste(r.text());
                break;
            case 8:
                (void)m.cut();
                break;
            case 9:
                m.set_cursor(r.pos(m), r.byte() & 1);
                break;
            case 10: {
                const TextPos a = r.pos(m);
                m.set_selection(a, r.pos(m));
                break;
            }
            case 11:
                m.move_word_left(r.byte() & 1);
                break;
            case 12:
                m.move_word_right(r.byte() & 1);
                break;
            case 13:
                m.move_up(r.byte() & 1, 1 + r.byte() % 4);
                break;
            case 14:
                m.move_down(r.byte() & 1, 1 + r.byte() % 4);
                break;
            case 15:
                m.move_home(r.byte() & 1);
                break;
            case 16:
                m.select_word_at(r.pos(m));
                break;
            case 17:
                m.delete_word_left();
                break;
            case 18:
                m.delete_word_right();
                break;
            case 19:
                history = true;
                if (m.undo() != (before > 0)) fail("undo");
                break;
            case 20: {
                history = true;
                const bool can = m.can_redo();
                if (m.redo() != can) fail("redo");
                break;
            }
            case 21:
                (void)m.find_next(r.text(), r.byte() & 1, r.byte() & 1);
                break;
            case 22: {
                const auto b = m.match_bracket(r.pos(m));
                if (b && !(b->open < b->close)) fail("bracket pair out of order");
                break;
            }
            default: {
                const TextPos a = r.pos(m);
                m.replace({a, r.pos(m)}, r.text());
                break;
            }
        }
        const size_t d = m.undo_depth();
        if (history) {
            if (d >= states.size() || m.text() != states[d])
                fail("undo/redo reached a state never seen");
        } else if (d == before + 1) {
            states.resize(d);
            states.push_back(m.text());
        } else {
            if (d != before) fail("an edit changed the undo depth by more than one");
            if (m.text() != states[d]) {
                states.resize(d + 1);
                states[d] = m.text();
            }
        }
        if (!on_boundary(m, m.cursor()) || !on_boundary(m, m.anchor()))
            fail("caret off a boundary");
        const std::string t = m.text();
        if (t.size() != m.size_bytes()) fail("size_bytes disagrees with text");
        if (t.find('\r') != std::string::npos) fail("a CR in the text");
        if (utf8::sanitize(t) != t) fail("invalid UTF-8 in the text");
    }
    const size_t depth = m.undo_depth();
    for (size_t d = depth; d-- > 0;) {
        if (!m.undo() || m.text() != states[d]) fail("undo all");
    }
    for (size_t d = 1; d <= depth; ++d) {
        if (!m.redo() || m.text() != states[d]) fail("redo all");
    }
    return 0;
}
