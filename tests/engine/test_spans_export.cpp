// SpanBuilder and the Chrome-trace export, parsed back and checked: metadata, small tids,
// perfect nesting of X slices per track, the GIL track.
#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <variant>

#include "engine/kernels.hpp"
#include "engine/spans.hpp"
#include "engine/sync.hpp"
#include "engine/thread.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine;
using namespace interleave::engine::testing;

namespace {

// A minimal JSON reader: enough to check our own export strictly (throws on malformed input).
struct Json {
    std::variant<std::nullptr_t, bool, double, std::string, std::vector<Json>,
                 std::map<std::string, Json>>
        v;
    const Json& operator[](const std::string& k) const {
        static const Json null;
        auto& m = std::get<std::map<std::string, Json>>(v);
        auto it = m.find(k);
        return it == m.end() ? null : it->second;
    }
    bool has(const std::string& k) const {
        auto* m = std::get_if<std::map<std::string, Json>>(&v);
        return m && m->count(k);
    }
    const std::string& str() const { return std::get<std::string>(v); }
    double num() const { return std::get<double>(v); }
    const std::vector<Json>& arr() const { return std::get<std::vector<Json>>(v); }
};

struct Parser {
    const std::string& s;
    size_t i = 0;
    void ws() {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    }
    char peek() {
        ws();
        if (i >= s.size()) throw std::runtime_error("unexpected end");
        return s[i];
    }
    void expect(char c) {
        if (peek() != c)
            throw std::runtime_error(std::string("expected ") + c + " at " + std::to_string(i));
        ++i;
    }
    std::string string() {
        expect('"');
        std::string out;
        while (i < s.size() && s[i] != '"') {
            if (s[i] == '\\') {
                ++i;
                char e = s.at(i++);
                if (e == 'n')
                    out += '\n';
                else if (e == 't')
                    out += '\t';
                else if (e == 'r')
                    out += '\r';
                else if (e == 'u') {
                    out += static_cast<char>(std::stoi(s.substr(i, 4), nullptr, 16));
                    i += 4;
                } else
                    out += e;
            } else {
                if (static_cast<unsigned char>(s[i]) < 0x20)
                    throw std::runtime_error("raw control char");
                out += s[i++];
            }
        }
        expect('"');
        return out;
    }
    Json value() {
        char c = peek();
        Json j;
        if (c == '{') {
            ++i;
            std::map<std::string, Json> m;
            if (peek() == '}') {
                ++i;
            } else {
                for (;;) {
                    std::string k = string();
                    expect(':');
                    m[k] = value();
                    if (peek() == ',') {
                        ++i;
                        continue;
                    }
                    expect('}');
                    break;
                }
            }
            j.v = std::move(m);
        } else if (c == '[') {
            ++i;
            std::vector<Json> a;
            if (peek() == ']') {
                ++i;
            } else {
                for (;;) {
                    a.push_back(value());
                    if (peek() == ',') {
                        ++i;
                        continue;
                    }
                    expect(']');
                    break;
                }
            }
            j.v = std::move(a);
        } else if (c == '"') {
            j.v = string();
        } else if (s.compare(i, 4, "true") == 0) {
            i += 4;
            j.v = true;
        } else if (s.compare(i, 5, "false") == 0) {
            i += 5;
            j.v = false;
        } else if (s.compare(i, 4, "null") == 0) {
            i += 4;
        } else {
            size_t used = 0;
            j.v = std::stod(s.substr(i, 40), &used);
            if (used == 0) throw std::runtime_error("bad number");
            i += used;
        }
        return j;
    }
};

Json parse(const std::string& s) {
    Parser p{s};
    Json j = p.value();
    p.ws();
    if (p.i != s.size()) throw std::runtime_error("trailing data");
    return j;
}

// Slices per (pid, tid) must nest perfectly: each slice ends before or at its parent's end.
// Times are compared in integer nanoseconds (the export writes exact nanosecond digits).
void check_nesting(const std::vector<Json>& events) {
    std::map<std::pair<int, int>, std::vector<std::pair<int64_t, int64_t>>> tracks;
    for (auto& e : events) {
        if (e["ph"].str() != "X") continue;
        auto b = static_cast<int64_t>(std::llround(e["ts"].num() * 1000));
        auto d = static_cast<int64_t>(std::llround(e["dur"].num() * 1000));
        CHECK(d > 0);
        tracks[{int(e["pid"].num()), int(e["tid"].num())}].push_back({b, b + d});
    }
    for (auto& kv : tracks) {
        const auto key = kv.first;
        auto& slices = kv.second;
        // Order as Perfetto does: by start, longer first.
        std::stable_sort(slices.begin(), slices.end(), [](auto& a, auto& b) {
            return a.first != b.first ? a.first < b.first : a.second > b.second;
        });
        std::vector<int64_t> stack;  // open ends
        for (auto& sl : slices) {
            const int64_t b = sl.first, e = sl.second;
            while (!stack.empty() && stack.back() <= b) stack.pop_back();
            if (!stack.empty()) {
                INFO("pid " << key.first << " tid " << key.second << " slice " << b << ".." << e);
                REQUIRE(e <= stack.back());
            }
            stack.push_back(e);
        }
    }
}

}  // namespace

TEST_CASE("spans: state, task and GIL spans from events" * doctest::timeout(10)) {
    std::vector<TraceEvent> ev = {
        {0, 0, 0, EventKind::gil_acquire, 0, 0},
        {0, 0, 0, EventKind::state, 0, uint64_t(WorkerState::running)},
        {10, 1, 0, EventKind::task_begin, 0, 0},
        {20, 1, 0, EventKind::state, 0, uint64_t(WorkerState::io_wait)},
        {20, 1, 0, EventKind::gil_release, 0, 0},
        {30, 1, 0, EventKind::task_end, 0, 0},
        {40, 0, 0, EventKind::worker_exit, 0, 0},
    };
    SpanBuilder sb;
    sb.add(ev);
    REQUIRE(sb.tasks().size() == 1);
    CHECK(sb.tasks()[0].begin_ns == 10);
    CHECK(sb.tasks()[0].end_ns == 30);
    REQUIRE(sb.gil().size() == 1);
    CHECK(sb.gil()[0].end_ns == 20);
    // running 0..10 (no task), running 10..20 (task 1), io 20..30 (task 1), io 30..40 (none)
    REQUIRE(sb.states().size() == 4);
    CHECK(sb.states()[1].task == 1);
    CHECK(sb.states()[2].state == WorkerState::io_wait);
    CHECK(sb.states()[3].task == 0);
    CHECK(sb.last_ns() == 40);
    std::vector<Span> s;
    std::vector<GilSpan> g;
    std::vector<TaskSpan> t;
    sb.open_spans(50, s, g, t);
    CHECK(s.empty());
}

TEST_CASE("export: parses, has metadata, small tids, nested slices, GIL track" *
          doctest::timeout(30)) {
    auto run = run_sync([](Runtime& rt) {
        Lock l("l");
        auto body = [&](const char* tag) {
            for (int i = 0; i < 5; ++i) {
                {
                    std::lock_guard<Lock> g(l);
                    print(std::string(tag) + ": \"" + std::to_string(i) + "\"\n\t");
                }
                cpu(1);
                // A nested task inside the thread's task.
                uint32_t inner = rt.new_task(std::string("inner ") + tag);
                rt.begin_task(inner);
                io(0.5);
                rt.end_task();
            }
        };
        Thread a([&] { body("A"); }, "Thread-A"), b([&] { body("B"); });
        a.start();
        b.start();
        a.join();
        b.join();
        uint16_t p = rt.new_process();
        rt.spawn_worker("Process-1", WorkerKind::process_main, p, [] { cpu(2); }).join();
    });
    REQUIRE(run->status() == RunStatus::finished);
    const std::string text = run->export_chrome_trace();
    Json doc;
    REQUIRE_NOTHROW(doc = parse(text));
    const auto& events = doc["traceEvents"].arr();
    REQUIRE(!events.empty());
    std::set<std::string> thread_names, process_names;
    std::set<int> tids;
    int x_slices = 0, prints = 0, gil_slices = 0;
    for (auto& e : events) {
        const std::string ph = e["ph"].str();
        CHECK(e.has("pid"));
        if (ph == "M") {
            if (e["name"].str() == "thread_name") thread_names.insert(e["args"]["name"].str());
            if (e["name"].str() == "process_name") process_names.insert(e["args"]["name"].str());
            continue;
        }
        tids.insert(int(e["tid"].num()));
        if (ph == "X") {
            ++x_slices;
            if (e["cat"].str() == "gil") ++gil_slices;
        }
        if (ph == "i" && e["name"].str() == "print") {
            ++prints;
            CHECK(e["args"]["text"].str().find("\"") != std::string::npos);
        }
    }
    CHECK(thread_names.count("MainThread"));
    CHECK(thread_names.count("Thread-A"));
    CHECK(thread_names.count("Thread-1"));
    CHECK(thread_names.count("Process-1"));
    CHECK(thread_names.count("GIL"));
    CHECK(process_names.count("MainProcess"));
    CHECK(process_names.count("Process-1"));
    for (int t : tids) CHECK(t < 64);  // small integers
    CHECK(x_slices > 10);
    CHECK(gil_slices > 0);
    CHECK(prints == 10);
    check_nesting(events);
}

TEST_CASE("export: nesting holds under GIL contention (stress)" * doctest::timeout(60)) {
    for (int rep = 0; rep < reps(10); ++rep) {
        RunConfig cfg;
        cfg.switch_interval_ms = 0.5;
        cfg.gil = rep % 2 == 0;
        auto run = run_sync(
            [](Runtime& rt) {
                auto work = [&] {
                    for (int i = 0; i < 4; ++i) {
                        uint32_t t = rt.new_task("job");
                        rt.begin_task(t);
                        cpu(1);
                        rt.end_task();
                        io(0.2);
                    }
                };
                Thread a(work), b(work), c(work);
                a.start();
                b.start();
                c.start();
            },
            cfg);
        REQUIRE(run->status() == RunStatus::finished);
        Json doc = parse(run->export_chrome_trace());
        check_nesting(doc["traceEvents"].arr());
    }
}
