// The C++ bodies of the article's threading and multiprocessing samples: the Python
// text line by line, against the engine (Thread, Process, print, sleep).
#include <fmt/format.h>

#include <string>

#include "engine/kernels.hpp"
#include "engine/process.hpp"
#include "engine/thread.hpp"
#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {
namespace {

using namespace engine;

// Process targets: plain functions, their arguments pickled into the child.
void process_numbers(long io_ms) {
    for (int i = 0; i < 5; ++i) {
        print(fmt::format("Process 1: {}", i));
        pause_ms(io_ms);
    }
}

void process_letters(long io_ms) {
    for (char letter : std::string("ABCDE")) {
        print(fmt::format("Process 2: {}", letter));
        pause_ms(io_ms);
    }
}

}  // namespace

void body_threading(Runtime&, const KnobValues& v) {
    const long io_ms = knob_int(v, "io_ms");
    auto print_numbers = [io_ms] {
        for (int i = 0; i < 5; ++i) {
            print(fmt::format("Thread 1: {}", i));
            pause_ms(io_ms);
        }
    };
    auto print_letters = [io_ms] {
        for (char letter : std::string("ABCDE")) {
            print(fmt::format("Thread 2: {}", letter));
            pause_ms(io_ms);
        }
    };
    Thread thread1(print_numbers, "", false, "Thread 1");
    Thread thread2(print_letters, "", false, "Thread 2");
    start_then_join(thread1, thread2);
}

void body_multiprocessing(Runtime&, const KnobValues& v) {
    const long io_ms = knob_int(v, "io_ms");
    Process process1(process_numbers, io_ms);
    Process process2(process_letters, io_ms);
    start_then_join(process1, process2);
}

}  // namespace interleave::samples::detail
