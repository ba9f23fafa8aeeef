// The text model under random edit sequences: replace() against a plain std::string doing the
// same edits by byte offset; every command (typing, Enter, Backspace, Tab, comment, paste, cut,
// caret moves) with undo/redo interleaved, checking after each step that the text is the one
// recorded for that undo depth, that undo walks back through every earlier state to the start
// and redo forward to the last, and that the caret and anchor are always on code-point
// boundaries. Seeds are fixed: a failure names its seed and step, and replays.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "ui/editor/text_model.hpp"

using interleave::ui::TextModel;
using interleave::ui::TextPos;
namespace utf8 = interleave::ui::utf8;

namespace {

// Pieces that exercise the code paths: multi-byte characters (2, 3 and 4 bytes), blanks,
// colons and keywords for auto-indent, brackets, comments, line breaks, CRLF, invalid bytes.
const std::vector<std::string> kPieces = {"a",
                                          "Z",
                                          "_",
                                          " ",
                                          "    ",
                                          "\t",
                                          ":",
                                          "#",
                                          "(",
                                          ")",
                                          "[",
                                          "]",
                                          "'",
                                          "\"",
                                          "\n",
                                          "\r\n",
                                          "\xC3\xA9",
                                          "\xE2\x82\xAC",
                                          "\xF0\x9F\x98\x80",
                                          "return",
                                          "pass",
                                          "if x:",
                                          "\xFF",
                                          "\xE2\x82",
                                          "x = 1  # c"};

std::string random_text(std::mt19937& rng, int max_pieces) {
    std::string s;
    const int n = std::uniform_int_distribution<int>(0, max_pieces)(rng);
    for (int i = 0; i < n; ++i) s += kPieces[rng() % kPieces.size()];
    return s;
}

TextPos random_pos(std::mt19937& rng, const TextModel& m) {
    const int line = std::uniform_int_distribution<int>(0, m.line_count() - 1)(rng);
    const int len = static_cast<int>(m.line(line).size());
    return {line, std::uniform_int_distribution<int>(0, len + 1)(rng)};  // may be mid-character
}

bool on_boundary(const TextModel& m, TextPos p) {
    return p.line >= 0 && p.line < m.line_count() && p.col >= 0 &&
           static_cast<size_t>(p.col) <= m.line(p.line).size() &&
           utf8::is_boundary(m.line(p.line), static_cast<size_t>(p.col));
}

}  // namespace

TEST_CASE("random replace() sequences match a plain string, and undo/redo walk every state") {
    for (unsigned seed = 1; seed <= 40; ++seed) {
        CAPTURE(seed);
        std::mt19937 rng(seed);
        const std::string start = utf8::sanitize(random_text(rng, 12));
        TextModel m(start);
        std::string expect = start;
        std::vector<std::string> states{start};
        for (int step = 0; step < 120; ++step) {
            CAPTURE(step);
            TextPos a = m.clamp(random_pos(rng, m)), b = m.clamp(random_pos(rng, m));
            if (b < a) std::swap(a, b);
            const std::string text = random_text(rng, 4);
            const size_t oa = m.offset_of(a), ob = m.offset_of(b);
            expect.replace(oa, ob - oa, utf8::sanitize(text));
            const TextPos end = m.replace({a, b}, text);
            REQUIRE(m.text() == expect);
            REQUIRE(m.size_bytes() == expect.size());
            REQUIRE(m.offset_of(end) == oa + utf8::sanitize(text).size());
            REQUIRE(on_boundary(m, m.cursor()));
            if (m.undo_depth() == states.size())
                states.push_back(expect);
            else  // an empty range replaced by nothing is no step
                REQUIRE((a == b && utf8::sanitize(text).empty()));
        }
        REQUIRE(m.undo_depth() == states.size() - 1);
        for (size_t i = states.size() - 1; i-- > 0;) {
            REQUIRE(m.undo());
            REQUIRE(m.text() == states[i]);
        }
        REQUIRE_FALSE(m.undo());
        for (size_t i = 1; i < states.size(); ++i) {
            REQUIRE(m.redo());
            REQUIRE(m.text() == states[i]);
        }
        REQUIRE_FALSE(m.redo());
    }
}

TEST_CASE("random command sequences: the text always matches its undo depth's state") {
    for (unsigned seed = 1; seed <= 60; ++seed) {
        CAPTURE(seed);
        std::mt19937 rng(seed * 7919u);
        TextModel m(utf8::sanitize(random_text(rng, 10)));
        // states[d] = the text at undo depth d; entries past the depth are what redo brings.
        std::vector<std::string> states{m.text()};
        for (int step = 0; step < 300; ++step) {
            CAPTURE(step);
            const size_t before = m.undo_depth();
            const int op = static_cast<int>(rng() % 22);
            switch (op) {
                case 0:
                case 1:
                case 2: {  // typing one character, sometimes multi-byte
                    const std::string& p = kPieces[rng() % kPieces.size()];
                    m.type_text(p.substr(0, static_cast<size_t>(utf8::char_len(p, 0))));
                    break;
                }
                case 3:
                    m.newline();
                    break;
                case 4:
                    m.backspace();
                    break;
                case 5:
                    m.delete_forward();
                    break;
                case 6:
                    m.tab();
                    break;
                case 7:
                    m.shift_tab();
                    break;
                case 8:
                    m.toggle_comment();
                    break;
                case 9:
                    m.paste(random_text(rng, 5));
                    break;
                case 10:
                    (void)m.cut();
                    break;
                case 11:
                    m.set_cursor(random_pos(rng, m), rng() % 2);
                    break;
                case 12:
                    m.set_selection(random_pos(rng, m), random_pos(rng, m));
                    break;
                case 13:
                    m.move_word_left(rng() % 2);
                    break;
                case 14:
                    m.move_down(rng() % 2, 1 + static_cast<int>(rng() % 3));
                    break;
                case 15:
                    m.move_home(rng() % 2);
                    break;
                case 16:
                    m.select_word_at(random_pos(rng, m));
                    break;
                case 17:
                    m.delete_word_left();
                    break;
                case 18:
                case 19: {
                    const bool ok = m.undo();
                    REQUIRE(ok == (before > 0));
                    break;
                }
                case 20: {
                    const bool had = m.can_redo();
                    REQUIRE(m.redo() == had);
                    break;
                }
                default:
                    m.replace({random_pos(rng, m), random_pos(rng, m)}, random_text(rng, 3));
                    break;
            }
            const size_t d = m.undo_depth();
            if (op == 18 || op == 19 || op == 20) {
                REQUIRE(d < states.size());
            } else if (d == before + 1) {
                states.resize(d);  // a new step: what redo could bring is gone
                states.push_back(m.text());
            } else {
                REQUIRE(d == before);  // merged into the open step, or nothing happened
                if (m.text() != states[d]) {
                    states.resize(d + 1);
                    states[d] = m.text();
                }
            }
            REQUIRE(m.text() == states[d]);
            REQUIRE(on_boundary(m, m.cursor()));
            REQUIRE(on_boundary(m, m.anchor()));
            REQUIRE(m.text().find('\r') == std::string::npos);
            REQUIRE(utf8::sanitize(m.text()) == m.text());  // always valid UTF-8
        }
        // Back to the very first state, then forward to the last.
        const size_t depth = m.undo_depth();
        const std::vector<std::string> kept(states.begin(),
                                            states.begin() + static_cast<long>(depth) + 1);
        for (size_t d = depth; d-- > 0;) {
            REQUIRE(m.undo());
            REQUIRE(m.text() == kept[d]);
        }
        for (size_t d = 1; d <= depth; ++d) {
            REQUIRE(m.redo());
            REQUIRE(m.text() == kept[d]);
        }
    }
}
