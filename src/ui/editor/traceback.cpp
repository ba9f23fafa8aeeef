// Reading tracebacks back into program places (traceback.hpp).
#include "ui/editor/traceback.hpp"

#include <cctype>
#include <charconv>
#include <utility>

namespace interleave::ui {
namespace {

bool starts_with(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}

// '  File "NAME", line N[, in F]' -> NAME and N; false when the line is not a frame line.
bool parse_frame(std::string_view s, std::string_view* file, int* line) {
    if (!starts_with(s, "  File \"")) return false;
    s.remove_prefix(8);
    const size_t q = s.find("\", line ");
    if (q == std::string_view::npos) return false;
    *file = s.substr(0, q);
    s.remove_prefix(q + 8);
    int n = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
    if (r.ec != std::errc() || n <= 0) return false;
    const std::string_view rest(r.ptr, static_cast<size_t>(s.data() + s.size() - r.ptr));
    if (!rest.empty() && !starts_with(rest, ", in ")) return false;
    *line = n;
    return true;
}

// "ZeroDivisionError: division by zero", "KeyboardInterrupt", "mod.MyError: x".
bool parse_exception(std::string_view s, std::string* type, std::string* message) {
    size_t i = 0;
    while (i < s.size() &&
           (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '.'))
        ++i;
    if (i == 0 || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    if (i < s.size() && s.substr(i, 2) != ": " && s.substr(i) != ":") return false;
    *type = std::string(s.substr(0, i));
    *message = i + 2 <= s.size() ? std::string(s.substr(i + 2)) : std::string();
    return true;
}

}  // namespace

int traceback_line(std::string_view text, std::string_view filename) {
    std::string_view file;
    int line = 0;
    return parse_frame(text, &file, &line) && file == filename ? line : 0;
}

std::pair<int, int> caret_byte_columns(std::string_view s, int char_begin, int char_end) {
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) ++i;
    auto at = [&](int chars) {
        size_t k = i;
        for (int c = 0; c < chars && k < s.size(); ++c) {
            ++k;
            while (k < s.size() && (static_cast<unsigned char>(s[k]) & 0xc0) == 0x80) ++k;
        }
        return static_cast<int>(k);
    };
    if (char_begin < 0 || char_end <= char_begin) return {-1, -1};
    return {at(char_begin), at(char_end)};
}

void TracebackReader::clear() {
    out_.clear();
    in_traceback_ = chained_ = after_frame_ = after_source_ = false;
    thread_.clear();
    frame_.reset();
}

bool TracebackReader::feed(std::string_view s) {
    const bool after_frame = std::exchange(after_frame_, false);
    const bool after_source = std::exchange(after_source_, false);
    if (starts_with(s, "Exception in thread ") && !s.empty() && s.back() == ':') {
        thread_ = std::string(s.substr(20, s.size() - 21));
        return false;
    }
    if (s == "Traceback (most recent call last):") {
        in_traceback_ = true;
        return false;
    }
    if (s == "During handling of the above exception, another exception occurred:" ||
        s == "The above exception was the direct cause of the following exception:") {
        chained_ = !out_.empty();
        return false;
    }
    std::string_view file;
    int line = 0;
    if (parse_frame(s, &file, &line)) {
        in_traceback_ = true;  // a SyntaxError starts here
        if (file == filename_) {
            Diagnostic d;
            d.line = line - 1;
            frame_ = d;
            after_frame_ = true;
        }
        return false;
    }
    if (!in_traceback_) return false;
    if (starts_with(s, "    ")) {
        if (after_frame) {  // the frame's source line, stripped, after four spaces
            after_source_ = true;
            source_indent_ = 4;
        } else if (after_source && frame_ && s.find_first_not_of(" ^~") == std::string_view::npos) {
            const size_t b = s.find_first_of("^~");
            const size_t e = s.find_last_of("^~") + 1;
            // 3.11 marks the failing operator with ^ inside ~: the whole range is underlined.
            frame_->col_begin = static_cast<int>(b) - source_indent_;
            frame_->col_end = static_cast<int>(e) - source_indent_;
        }
        return false;
    }
    if (starts_with(s, "  ") || s.empty()) return false;  // other frames' lines, blank lines
    std::string type, message;
    if (!parse_exception(s, &type, &message)) {
        in_traceback_ = false;
        frame_.reset();
        return false;
    }
    bool done = false;
    if (frame_) {
        Diagnostic d = *frame_;
        d.type = std::move(type);
        d.message = std::move(message);
        d.thread = thread_;
        if (chained_ && !out_.empty()) {  // the chain's last exception stands for it
            d.thread = out_.back().thread;
            out_.pop_back();
        }
        out_.push_back(std::move(d));
        done = true;
    }
    in_traceback_ = chained_ = false;
    frame_.reset();
    thread_.clear();
    return done;
}

}  // namespace interleave::ui
