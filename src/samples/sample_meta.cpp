// What each sample is: id, title, "what you will see", its program (the embedded .py file),
// and its knobs. Values in the text are listed in the order the text has them,
// then the run settings: gil/switch_interval_ms wherever threads of one process compete for
// the GIL.
#include <string_view>

#include "samples/sample_defs.hpp"

// The programs, embedded by cmake/samples.cmake from src/samples/python/<id>_sample.py.
#define INTERLEAVE_SAMPLE_PROGRAM(id)                                       \
    extern "C" const unsigned char interleave_sample_##id##_py[];           \
    extern "C" const unsigned int interleave_sample_##id##_py_size;         \
    namespace {                                                             \
    std::string_view program_##id() {                                       \
        return {reinterpret_cast<const char*>(interleave_sample_##id##_py), \
                interleave_sample_##id##_py_size};                          \
    }                                                                       \
    }
INTERLEAVE_SAMPLE_PROGRAM(threading)
INTERLEAVE_SAMPLE_PROGRAM(multiprocessing)
INTERLEAVE_SAMPLE_PROGRAM(asyncio)
INTERLEAVE_SAMPLE_PROGRAM(executors)
INTERLEAVE_SAMPLE_PROGRAM(choosing)
INTERLEAVE_SAMPLE_PROGRAM(race)
INTERLEAVE_SAMPLE_PROGRAM(queue)
INTERLEAVE_SAMPLE_PROGRAM(convoy)
INTERLEAVE_SAMPLE_PROGRAM(blocking_async)
INTERLEAVE_SAMPLE_PROGRAM(deadlock)
#undef INTERLEAVE_SAMPLE_PROGRAM

namespace interleave::samples::detail {
namespace {

Sample sample(std::string id, std::string title, std::string summary, bool article,
              std::string_view text, std::vector<KnobSpec> knobs) {
    Sample s;
    s.id = std::move(id);
    s.title = std::move(title);
    s.summary = std::move(summary);
    s.from_article = article;
    s.text = text;
    s.knobs = std::move(knobs);
    for (auto& k : machine_knobs()) s.knobs.push_back(std::move(k));  // every sample
    return s;
}

}  // namespace

Sample make_threading() {
    return sample("threading", "Threading",
                  "Two threads print numbers and letters; their lines interleave.", true,
                  program_threading(),
                  {knob_io_ms(100, 0, 2000,
                              "Pause after each print (time.sleep); 0 = the article's exact code"),
                   knob_gil(), knob_switch_interval()});
}

Sample make_multiprocessing() {
    return sample(
        "multiprocessing", "Multiprocessing",
        "The same two loops in two processes: each has its own interpreter and GIL.", true,
        program_multiprocessing(),
        {knob_io_ms(100, 0, 2000,
                    "Pause after each print (time.sleep); 0 = the article's exact code")});
}

Sample make_asyncio() {
    return sample("asyncio", "Asyncio",
                  "Two coroutines on one thread take turns at each await asyncio.sleep.", true,
                  program_asyncio(), {knob_time_scale(1.0)});
}

Sample make_executors() {
    return sample("executors", "Executors",
                  "ThreadPoolExecutor.map, then ProcessPoolExecutor.map: pools reuse a few "
                  "workers for many calls.",
                  true, program_executors(),
                  {knob_workers(2),
                   knob_io_ms(100, 0, 2000, "Work (time.sleep) in each call before it prints"),
                   knob_gil(), knob_switch_interval()});
}

Sample make_choosing() {
    return sample(
        "choosing", "Choosing a model",
        "One job, CPU- or I/O-bound, run sequentially, with threads, processes, asyncio or a "
        "pool: compare wall time and busy cores.",
        true, program_choosing(),
        {choice_knob(
             "model", "Model", "MODEL", "How the tasks run",
             {"sequential", "threads", "processes", "asyncio", "thread_pool", "process_pool"},
             "threads"),
         choice_knob("work", "Work", "WORK",
                     "cpu = computing (needs the GIL); io = waiting (releases it)", {"cpu", "io"},
                     "cpu"),
         knob_tasks("TASKS", 4, 1, 16, "How many tasks (one job each)"), knob_workers(2),
         knob_cpu_ms(200, 1, 5000, "CPU work per task, in ms of one core (work=cpu)"),
         knob_io_ms(200, 1, 5000, "I/O wait per task, in ms (work=io)"), knob_gil(),
         knob_switch_interval()});
}

Sample make_race() {
    return sample(
        "race", "Race condition",
        "Threads add to a shared counter with read-then-write; updates get lost unless a Lock "
        "guards it.",
        false, program_race(),
        {choice_knob("lock", "Lock", "USE_LOCK", "on = `with lock:` around the read-modify-write",
                     {"off", "on"}, "off", {"False", "True"}),
         knob_tasks("THREADS", 2, 2, 8, "How many threads"),
         integer_knob("count", "Increments", "INCREMENTS",
                      "How many times each thread adds 1 to the shared counter", 1000, 1, 100000),
         knob_gil(), knob_switch_interval()});
}

Sample make_queue() {
    return sample("queue", "Producer / consumer",
                  "A producer puts items in a Queue(maxsize=2), a consumer takes them until the "
                  "sentinel None.",
                  false, program_queue(),
                  {knob_tasks("ITEMS", 5, 1, 100, "How many items the producer makes"),
                   knob_io_ms(100, 0, 2000, "Time to make one item (time.sleep)"), knob_gil(),
                   knob_switch_interval()});
}

Sample make_convoy() {
    return sample("convoy", "GIL convoy",
                  "A CPU-bound thread makes an I/O thread's short waits slow: it must wait for "
                  "the GIL after each one.",
                  false, program_convoy(),
                  {knob_tasks("ROUND_TRIPS", 10, 1, 100, "Round trips the I/O thread makes"),
                   knob_io_ms(2, 1, 100, "The I/O wait of one round trip, in ms"),
                   knob_cpu_ms(500, 10, 5000, "CPU work of the CPU-bound thread, in ms"),
                   knob_gil(), knob_switch_interval()});
}

Sample make_blocking_async() {
    return sample("blocking_async", "Blocking the event loop",
                  "time.sleep inside a coroutine stalls every task on the loop; await "
                  "asyncio.sleep does not.",
                  false, program_blocking_async(),
                  {choice_knob("blocking", "Blocking call", "BLOCKING",
                               "on = time.sleep (blocks the loop); off = await asyncio.sleep",
                               {"on", "off"}, "on", {"True", "False"}),
                   knob_time_scale(1.0)});
}

Sample make_deadlock() {
    return sample(
        "deadlock", "Deadlock",
        "Two threads take two locks in opposite order and wait for each other "
        "forever; the engine detects it.",
        false, program_deadlock(),
        {knob_io_ms(100, 0, 2000,
                    "Pause while holding the first lock; 0 = the deadlock may not happen"),
         knob_gil(), knob_switch_interval()});
}

}  // namespace interleave::samples::detail
