// The CLI's --trace file (interleave-cli run SAMPLE and run FILE.py): opened (created or
// emptied) before the run, so a path that cannot be written is said at once with the system's
// reason and nothing runs; written after the run, saying why if that fails (a full disk shows
// up when the file is closed). Main thread of the CLI; no state beyond the open file.
#pragma once

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace interleave::app {

class TraceFile {
  public:
    TraceFile() = default;
    TraceFile(const TraceFile&) = delete;
    TraceFile& operator=(const TraceFile&) = delete;
    ~TraceFile() {
        if (f_) std::fclose(f_);
    }

    // False (and the reason on stderr) when `path` cannot be opened for writing.
    bool open(const std::string& path) {
        path_ = path;
        f_ = std::fopen(path.c_str(), "wb");
        if (!f_) say(errno);
        return f_ != nullptr;
    }
    bool is_open() const { return f_ != nullptr; }

    // Writes `text` and closes the file; false (and the reason on stderr) if either fails.
    bool write_and_close(const std::string& text) {
        if (!f_) return false;
        errno = 0;
        const bool wrote = std::fwrite(text.data(), 1, text.size(), f_) == text.size();
        int err = errno;
        const bool closed = std::fclose(f_) == 0;
        if (!closed && err == 0) err = errno;
        f_ = nullptr;
        if (wrote && closed) return true;
        say(err ? err : EIO);
        return false;
    }

  private:
    void say(int err) const {
        fmt::print(stderr, "interleave-cli: cannot write the trace to {}: {}\n", path_,
                   std::strerror(err));
    }
    std::FILE* f_ = nullptr;
    std::string path_;
};

}  // namespace interleave::app
