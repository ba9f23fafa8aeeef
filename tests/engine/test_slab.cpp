// Slab allocation for future states: distinct, aligned objects; frees from any thread, before
// or after the allocating thread exits; empty slabs reused.
#include <doctest/doctest.h>

#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/slab.hpp"
#include "engine_test_util.hpp"

using namespace interleave::engine::detail;
using interleave::engine::testing::reps;

namespace {
uintptr_t slab_base(void* p) {
    return reinterpret_cast<uintptr_t>(p) & ~(uintptr_t{kSlabBytes} - 1);
}
}  // namespace

TEST_CASE("slab: objects from two threads, freed by a third, stay intact (stress)" *
          doctest::timeout(60)) {
    for (int rep = 0; rep < reps(10); ++rep) {
        struct Item {
            unsigned char* p;
            size_t size;
            unsigned char fill;
        };
        std::mutex m;
        std::condition_variable cv;
        std::deque<Item> handoff;
        int producing = 2;
        auto produce = [&](int id) {
            for (int i = 0; i < 20'000; ++i) {
                const size_t size = 16 + static_cast<size_t>((i * 37 + id) % 500);
                auto* p = static_cast<unsigned char*>(slab_alloc(size));
                const auto fill = static_cast<unsigned char>(i + id);
                std::memset(p, fill, size);
                std::lock_guard<std::mutex> g(m);
                handoff.push_back({p, size, fill});
                cv.notify_one();
            }
            std::lock_guard<std::mutex> g(m);
            --producing;  // this thread exits now: its last slab is retired, maybe still in use
            cv.notify_one();
        };
        std::thread a(produce, 1), b(produce, 2);
        size_t freed = 0, corrupt = 0, misaligned = 0;
        // Held back before freeing, so objects from both threads are live at once.
        std::vector<Item> live;
        for (;;) {
            std::unique_lock<std::mutex> lk(m);
            cv.wait(lk, [&] { return !handoff.empty() || producing == 0; });
            if (handoff.empty()) break;
            Item it = handoff.front();
            handoff.pop_front();
            lk.unlock();
            misaligned += reinterpret_cast<uintptr_t>(it.p) % 16 != 0;
            live.push_back(it);
            if (live.size() < 64) continue;
            for (const Item& x : live) {
                for (size_t k = 0; k < x.size; ++k) corrupt += x.p[k] != x.fill;
                slab_free(x.p);
                ++freed;
            }
            live.clear();
        }
        for (const Item& x : live) {
            for (size_t k = 0; k < x.size; ++k) corrupt += x.p[k] != x.fill;
            slab_free(x.p);
            ++freed;
        }
        a.join();
        b.join();
        CHECK(freed == 40'000);
        CHECK(corrupt == 0);
        CHECK(misaligned == 0);
    }
}

TEST_CASE("slab: an empty slab is reused by the next thread" * doctest::timeout(10)) {
    if (!kSlabsKept) return;  // ASan: plain operator new; wasm: malloc reuses freed slabs
    uintptr_t first = 0, second = 0;
    std::thread([&] {
        void* p = slab_alloc(64);
        first = slab_base(p);
        slab_free(p);
    }).join();  // the thread's exit retires its slab; with nothing live it goes to the cache
    std::thread([&] {
        void* p = slab_alloc(64);
        second = slab_base(p);
        slab_free(p);
    }).join();
    CHECK(first == second);
}

TEST_CASE("slab: a thread's slab is given back when it exits and its objects are freed" *
          doctest::timeout(10)) {
    const size_t before = slabs_in_use();
    void* kept = nullptr;
    std::thread([&] {
        for (int i = 0; i < 100; ++i) slab_free(slab_alloc(64));
        kept = slab_alloc(64);  // outlives the thread: its slab must wait for it
    }).join();
    CHECK(slabs_in_use() == before + (kSlabPooled ? 1 : 0));
    slab_free(kept);  // the last object of a retired slab
    CHECK(slabs_in_use() == before);
}
