// The heap: cycles are collected, nothing reachable is freed, the memory limit is a
// MemoryError (never a crash).
#include <doctest/doctest.h>

#include "py_test_util.hpp"
#include "python/objects/heap.hpp"
#include "python/objects/types.hpp"

using interleave::python::testing::run_source;

TEST_CASE("garbage cycles are collected: a loop making cycles stays under a small heap limit" *
          doctest::timeout(60)) {
    // 300k cycles of two lists and an instance (~100 bytes each) would need ~60 MiB uncollected.
    auto r = run_source(R"(
class Node:
    pass
for i in range(300000):
    a = [i]
    b = [a]
    a.append(b)
    n = Node()
    n.me = n
print('done')
)",
                        24u << 20);
    INFO(r.err);
    CHECK(r.out == "done\n");
    CHECK(r.result.exit_code == 0);
}

TEST_CASE("bytearray buffers and complex numbers are freed by collections and kept while live" *
          doctest::timeout(60)) {
    // ~200 MiB of bytearray buffers and complex objects over the run, a 24 MiB heap: only
    // collection (finalizers freeing the buffers) keeps it under; the live ones stay intact.
    auto r = run_source(R"(
keep = [bytearray(("k%d" % i).encode()) for i in range(50)]
z = 0j
for i in range(20000):
    buf = bytearray(10000)
    buf[0:2] = b"ab"
    buf += b"!" * 100
    del buf[5:5000]
    z = z + complex(1, -1) * 1j ** 2
    keep[i % 50].append(65 + i % 26)
print('done', len(buf), z, sum(len(k) for k in keep), keep[7][:3])
)",
                        24u << 20);
    INFO(r.err);
    CHECK(r.out == "done 5105 (-20000+20000j) 20140 bytearray(b'k7H')\n");
    CHECK(r.result.exit_code == 0);
}

TEST_CASE("memoryviews' exports survive collections and die with their views" *
          doctest::timeout(60)) {
    // Views and bytearrays made and dropped by the thousand (collections run on the way, a
    // view often dying in the same collection as its bytearray: the export is given back before
    // anything is freed, which ASan checks); a live view keeps its bytearray exported across
    // collections; a dropped one stops counting at the resize's own collection.
    auto r = run_source(R"(
live = bytearray(b"live")
held = memoryview(live)[1:]
for i in range(60000):
    b = bytearray(200)
    m = memoryview(b).cast("I")
    m[0] = i
    if i % 3 == 0:
        m.release()
        b.append(1)
try:
    live.append(1)
except BufferError as e:
    print("held:", e)
held.release()
memoryview(live).cast("c")[0]
live.append(33)
print(bytes(live), m[0])
)",
                        24u << 20);
    INFO(r.err);
    CHECK(r.out == "held: Existing exports of data: object cannot be re-sized\nb'live!' 59999\n");
    CHECK(r.result.exit_code == 0);
}

TEST_CASE("nothing reachable is freed while collections run" * doctest::timeout(60)) {
    auto r = run_source(R"(
keep = [[j for j in range(i % 7)] for i in range(2000)]
d = {str(i): (i, [i] * 3) for i in range(2000)}
for k in range(200000):
    tmp = [k, str(k), (k,)]
print(sum(len(x) for x in keep), sum(v[0] + sum(v[1]) for v in d.values()))
def g():
    data = list(range(1000))
    for i in range(50000):
        junk = [i] * 10
        yield data[i % 1000]
print(sum(g()))
)",
                        64u << 20);
    INFO(r.err);
    CHECK(r.out == "5995 7996000\n24975000\n");
}

TEST_CASE(
    "the __dict__ of str, bytes, tuple, int and float subclass instances is traced and freed" *
    doctest::timeout(60)) {
    // The dict sits after a str's, bytes' or tuple's items (an int's or float's after its
    // value): kept instances keep their attributes across collections, and 100k dropped ones,
    // each with a dict and a list (~300 bytes), must be freed for the run to fit its 24 MiB heap.
    auto r = run_source(R"(
class S(str): pass
class B(bytes): pass
class T(tuple): pass
class I(int): pass
class F(float): pass
keep = []
for i in range(100000):
    for v in (S("s" * (i % 9)), B(b"b" * (i % 11)), T((i,) * (i % 5)), I(i * 2**40), F(i / 4)):
        v.i = [i]
        if i % 1000 == 7:
            keep.append(v)
print(len(keep), all(v.i == [k // 5 * 1000 + 7] for k, v in enumerate(keep)))
print(keep[-5:], [type(v).__name__ for v in keep[-5:]])
)",
                        24u << 20);
    INFO(r.err);
    CHECK(r.out ==
          "500 True\n['sssssss', b'bbbbbbb', (99007, 99007), 108859347731218432, 24751.75]"
          " ['S', 'B', 'T', 'I', 'F']\n");
    CHECK(r.result.exit_code == 0);
}

TEST_CASE("a runaway allocation is a MemoryError and the program goes on" * doctest::timeout(60)) {
    auto r = run_source(R"(
try:
    x = [0] * (10 ** 9)
except MemoryError:
    print('MemoryError')
try:
    s = 'ab' * (10 ** 10)
except MemoryError:
    print('MemoryError again')
print('alive')
)",
                        32u << 20);
    CHECK(r.out == "MemoryError\nMemoryError again\nalive\n");
}

TEST_CASE("heap: freed slots are reused and the byte count returns after a collection" *
          doctest::timeout(30)) {
    using namespace interleave::python;
    init_builtin_types();
    Heap h(0);
    for (int i = 0; i < 10000; ++i) REQUIRE(h.alloc(&object_type, 48) != nullptr);
    size_t before = h.stats().bytes_in_use;
    h.collect([](GcVisitor&) {});  // no roots: everything is garbage
    CHECK(h.stats().objects_freed == 10000);
    for (int i = 0; i < 10000; ++i) REQUIRE(h.alloc(&object_type, 48) != nullptr);
    CHECK(h.stats().bytes_in_use == before);  // the same pages, no new arena
}
