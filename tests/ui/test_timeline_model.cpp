// The timeline model: spans sorted into lanes, GIL holds kept in time order even when the
// tracer delivers them grouped by worker.
#include <doctest/doctest.h>

#include <vector>

#include "ui/timeline_model.hpp"

using namespace interleave;

TEST_CASE("GIL holds from several workers end up sorted by time in their process lane") {
    ui::TimelineModel m;
    // Worker 1's holds, then worker 2's (as one read of the tracer delivers them).
    m.add_gil({0, 10, 1, 0});
    m.add_gil({20, 30, 1, 0});
    m.add_gil({40, 50, 1, 0});
    m.add_gil({10, 20, 2, 0});
    m.add_gil({30, 40, 2, 0});
    m.add_gil({5, 7, 3, 1});  // another process: its own lane
    REQUIRE(m.gil.size() == 2);
    REQUIRE(m.gil[0].size() == 5);
    for (size_t i = 1; i < m.gil[0].size(); ++i)
        CHECK(m.gil[0][i - 1].end_ns <= m.gil[0][i].end_ns);
    CHECK(m.gil[0][1].worker == 2);
    CHECK(m.gil[1].size() == 1);
    CHECK(m.span_count() == 6);
    CHECK(m.end_ns == 50);
}

TEST_CASE("a batch of GIL holds delivered worker by worker is merged in time order") {
    // 8 workers taking turns on one GIL (and a second process), delivered as one tracer read
    // concatenates them: worker by worker. In two batches, the second overlapping the first.
    ui::TimelineModel m, one_by_one;
    for (int batch = 0; batch < 2; ++batch) {
        std::vector<engine::GilSpan> holds;
        for (uint16_t w = 0; w < 8; ++w)
            for (int k = 0; k < 500; ++k) {
                const int64_t t = (batch * 400 + k) * 80 + w * 10;
                holds.push_back({t, t + 10, w, 0});
            }
        holds.push_back({batch * 5, batch * 5 + 3, 9, 1});
        m.add_gil_batch(holds.data(), holds.size());
        for (const auto& h : holds) one_by_one.add_gil(h);
    }
    REQUIRE(m.gil.size() == 2);
    CHECK(m.gil[0].size() == 8000);
    CHECK(m.gil[1].size() == 2);
    CHECK(m.span_count() == 8002);
    for (size_t i = 1; i < m.gil[0].size(); ++i)
        REQUIRE(m.gil[0][i - 1].end_ns <= m.gil[0][i].end_ns);
    CHECK(m.end_ns == one_by_one.end_ns);
    for (size_t i = 0; i < m.gil[0].size(); ++i)
        CHECK(m.gil[0][i].end_ns == one_by_one.gil[0][i].end_ns);
}

TEST_CASE("states and task depths go to their worker's lanes") {
    ui::TimelineModel m;
    m.add_state({0, 5, 1, 2, engine::WorkerState::running});
    m.add_task({0, 100, 7, 2, 1});
    m.add_task({0, 200, 3, 2, 0});
    REQUIRE(m.states.size() == 3);
    CHECK(m.states[2].size() == 1);
    REQUIRE(m.tasks[2].size() == 2);
    CHECK(m.tasks[2][0].front().task == 3);
    CHECK(m.tasks[2][1].front().task == 7);
    m.clear();
    CHECK(m.span_count() == 0);
    CHECK(m.states.empty());
}
