// The C++ body of `queue`: producer/consumer over a bounded Queue with a sentinel.
#include <fmt/format.h>

#include <optional>

#include "engine/kernels.hpp"
#include "engine/queue.hpp"
#include "engine/thread.hpp"
#include "samples/sample_defs.hpp"

namespace interleave::samples::detail {

using namespace engine;

void body_queue(Runtime&, const KnobValues& v) {
    const long items = knob_int(v, "tasks");
    const long io_ms = knob_int(v, "io_ms");
    // std::nullopt is Python's None: the sentinel that says "no more items".
    Queue<std::optional<long>> q(2, "q");
    Thread producer(
        [&] {
            for (long i = 0; i < items; ++i) {
                sleep(io_ms / 1000.0);  // making an item takes a while
                q.put(i);
                print(fmt::format("Producer: put {}", i));
            }
            q.put(std::nullopt);
            print("Producer: done");
        },
        "", false, "Producer");
    Thread consumer(
        [&] {
            for (;;) {
                const std::optional<long> item = q.get();  // waits while the queue is empty
                if (!item) break;
                print(fmt::format("Consumer: got {}", *item));
            }
            print("Consumer: done");
        },
        "", false, "Consumer");
    start_then_join(producer, consumer);
}

}  // namespace interleave::samples::detail
