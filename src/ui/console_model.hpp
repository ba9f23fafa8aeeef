// Interleave UI — the console's data: output lines in one text buffer with per-line offsets
// (ImGui's ExampleAppLog shape), each line tagged with time, task and worker; a bound on
// lines kept, with a count of what was dropped so the panel can say so. No ImGui here.
//
// Main thread only (owned by the console panel).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interleave::ui {

class ConsoleModel {
  public:
    struct Line {
        size_t offset = 0;  // into text()
        uint32_t length = 0;
        uint32_t task = 0;
        uint16_t worker = 0;
        double t_ms = 0;
    };

    explicit ConsoleModel(size_t max_lines = 20'000) : max_lines_(max_lines) {}

    void clear();
    // Appends one line (a '\n' inside `text` is kept in the line, not split). Past max_lines
    // the oldest quarter is dropped at once (amortised O(1)) and counted in dropped().
    void add(double t_ms, uint32_t task, uint16_t worker, std::string_view text);

    size_t size() const { return lines_.size(); }
    const Line& line(size_t i) const { return lines_[i]; }
    std::string_view text(size_t i) const {
        return std::string_view(buf_).substr(lines_[i].offset, lines_[i].length);
    }
    size_t dropped() const { return dropped_; }  // lines dropped by this model's bound
    size_t max_lines() const { return max_lines_; }

    // Case-insensitive substring match; an empty filter matches every line.
    static bool matches(std::string_view line, std::string_view filter);
    // Indices of the lines that match `filter` (recomputed by the panel when it changes).
    std::vector<size_t> filtered(std::string_view filter) const;

    // All stored lines as "[  12.345 ms] Thread-1  text\n" (what Copy puts on the clipboard).
    std::string copy_text(const std::vector<std::string>* worker_names = nullptr) const;

  private:
    void drop_front(size_t n);

    size_t max_lines_;
    std::string buf_;
    std::vector<Line> lines_;
    size_t dropped_ = 0;
};

}  // namespace interleave::ui
