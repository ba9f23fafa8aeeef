#include "ui/console_model.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace interleave::ui {

void ConsoleModel::clear() {
    buf_.clear();
    lines_.clear();
    dropped_ = 0;
}

void ConsoleModel::add(double t_ms, uint32_t task, uint16_t worker, std::string_view text) {
    if (max_lines_ == 0) {
        ++dropped_;
        return;
    }
    if (lines_.size() >= max_lines_) drop_front(std::max<size_t>(1, max_lines_ / 4));
    Line l;
    l.offset = buf_.size();
    l.length = static_cast<uint32_t>(text.size());
    l.task = task;
    l.worker = worker;
    l.t_ms = t_ms;
    buf_.append(text);
    lines_.push_back(l);
}

void ConsoleModel::drop_front(size_t n) {
    n = std::min(n, lines_.size());
    if (n == 0) return;
    const size_t cut = n < lines_.size() ? lines_[n].offset : buf_.size();
    buf_.erase(0, cut);
    lines_.erase(lines_.begin(), lines_.begin() + static_cast<ptrdiff_t>(n));
    for (auto& l : lines_) l.offset -= cut;
    dropped_ += n;
}

bool ConsoleModel::matches(std::string_view line, std::string_view filter) {
    if (filter.empty()) return true;
    if (filter.size() > line.size()) return false;
    auto lower = [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    };
    for (size_t i = 0; i + filter.size() <= line.size(); ++i) {
        size_t j = 0;
        while (j < filter.size() && lower(line[i + j]) == lower(filter[j])) ++j;
        if (j == filter.size()) return true;
    }
    return false;
}

std::vector<size_t> ConsoleModel::filtered(std::string_view filter) const {
    std::vector<size_t> r;
    for (size_t i = 0; i < lines_.size(); ++i)
        if (matches(text(i), filter)) r.push_back(i);
    return r;
}

std::string ConsoleModel::copy_text(const std::vector<std::string>* worker_names) const {
    std::string out;
    out.reserve(buf_.size() + lines_.size() * 24);
    char head[64];
    for (size_t i = 0; i < lines_.size(); ++i) {
        const Line& l = lines_[i];
        std::snprintf(head, sizeof head, "[%10.3f ms] ", l.t_ms);
        out += head;
        if (worker_names && l.worker < worker_names->size()) {
            out += (*worker_names)[l.worker];
            out += "  ";
        }
        out += text(i);
        out += '\n';
    }
    return out;
}

}  // namespace interleave::ui
