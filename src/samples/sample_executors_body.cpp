// The C++ body of `executors`: ThreadPoolExecutor.map, then ProcessPoolExecutor.map, each in
// its own scope as in its own `with` block (leaving it waits for the pool, like shutdown()).
#include <fmt/format.h>

#include <string>
#include <vector>

#include "engine/executor.hpp"
#include "engine/kernels.hpp"
#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {
namespace {

using namespace engine;

// A plain function: the process pool pickles its arguments and runs it in a worker process.
// Returns None in Python; 0 here (map's results are not used).
int pool_letter(std::string letter, long io_ms) {
    pause_ms(io_ms);
    print(fmt::format("Task {}: {}", letter, letter));
    return 0;
}

}  // namespace

void body_executors(Runtime&, const KnobValues& v) {
    const long io_ms = knob_int(v, "io_ms");
    const int workers = static_cast<int>(knob_int(v, "workers"));
    {
        ThreadPoolExecutor executor(workers);
        auto print_numbers = [io_ms](int n) {
            pause_ms(io_ms);
            print(fmt::format("Task {}: {}", n, n));
            return 0;
        };
        executor.map(print_numbers, std::vector<int>{0, 1, 2, 3, 4}).list();
    }
    {
        ProcessPoolExecutor executor(workers);
        const std::vector<std::string> letters = {"A", "B", "C", "D", "E"};
        executor.map(pool_letter, letters, std::vector<long>(letters.size(), io_ms)).list();
    }
}

}  // namespace interleave::samples::detail
