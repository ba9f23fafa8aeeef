// interleave-cli run PATH.py: run a Python program on the engine as `python3 PATH.py` would.
#pragma once

#include <atomic>
#include <string>
#include <vector>

namespace interleave::app {

// True if `arg` names a Python program for `run` (ends in .py, or is "-" for stdin).
bool is_python_path(const std::string& arg);
// Runs args[0] (PATH.py or "-") with the options after it (--gil=on|off,
// --switch_interval_ms=X, --json, --trace FILE, --timeout S). Returns the process exit status:
// the program's (0, 1 for an uncaught exception, sys.exit's code), 2 bad usage, 3 deadlock,
// 4 stopped (--timeout or a limit), 6 trace file not written, 130 interrupted.
int run_python_file(const std::vector<std::string>& args, const std::atomic<bool>* interrupted);

}  // namespace interleave::app
