// Free-threaded containers (gil=off): threads share sets, lists and dicts and use the
// operations that take the object's lock (obj_lock.hpp): set add/discard/pop/contains/copy/|/<=,
// list insert/remove/index/count/in/extend/pop/reverse/slice get and assignment/sort, dict
// popitem. Each check is an invariant that holds whatever the interleaving; TSan (./build.sh
// test's tsan stage) checks that no access races. Run with the GIL on and off.
#include <doctest/doctest.h>

#include <string>

#include "test_threads_util.hpp"

using namespace interleave;
using namespace interleave::python::testing;

namespace {

// Runs `src` with the GIL on and off (stress_reps(3) times each): it finishes, prints `out`.
void check_gil_on_and_off(const std::string& src, const std::string& out) {
    for (int i = 0; i < stress_reps(3); ++i) {
        for (bool gil : {true, false}) {
            CAPTURE(gil);
            engine::RunConfig cfg;
            cfg.gil = gil;
            PyRun r = run_python(src, cfg);
            CHECK(r.status == engine::RunStatus::finished);
            CHECK(r.out == out);
            CHECK(r.err == "");
        }
    }
}

}  // namespace

TEST_CASE("free-threaded sets, lists and dicts shared by threads keep their invariants" *
          doctest::timeout(300)) {
    const std::string src = R"(import threading
N, T = 300, 4
ins = list(range(100))
ext = list(range(50))
srt = list(range(200, 0, -1))
rev = list(range(100))
keys = set()
popset = set()
d = {}
pops = [0] * T
bad = []
def worker(k):
    other = {(k, -1), (k, -2)}
    for i in range(N):
        item = (k, i)
        ins.insert(i % 50, item)
        if ins.index(item) < 0 or ins.count(item) != 1 or item not in ins:
            bad.append("list lookup")
        ins.remove(item)
        ext.extend([k, i, -i])
        for _ in range(3):
            ext.pop()
        rev.reverse()
        rev[10:20] = rev[30:40]
        srt.sort()
        snap = rev[::3] + ins[:5]
        if len(snap) < 34:
            bad.append("slice")
        keys.add(item)
        if item not in keys:
            bad.append("set lookup")
        if i % 3 == 0:
            keys.discard(item)
        both = keys | other
        if not other <= both or len(keys.copy()) < 0:
            bad.append("set ops")
        for j in range(3):
            popset.add((k, i, j))
        for j in range(3):
            popset.pop()
        d[item] = i
        try:
            d.popitem()
            pops[k] += 1
        except KeyError:
            pass
ts = [threading.Thread(target=worker, args=(k,)) for k in range(T)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(ins) == list(range(100)), len(ext), srt == sorted(range(1, 201)), len(rev))
print(keys == {(k, i) for k in range(T) for i in range(N) if i % 3}, len(popset))
print(len(d) + sum(pops) == T * N, bad)
)";
    check_gil_on_and_off(src, "True 50 True 100\nTrue 0\nTrue []\n");
}

TEST_CASE("free-threaded bytearray shared by threads: mutators and readers never tear it" *
          doctest::timeout(300)) {
    // Appenders, slice writers and poppers resize one bytearray while readers run the shared
    // bytes methods, slots and repr on it: every byte stays one the program wrote, lengths add up.
    const std::string src = R"(import threading
N, T = 300, 4
buf = bytearray(b"x" * 64)
bad = []
def worker(k):
    global buf
    mine = bytes([65 + k])
    for i in range(N):
        buf.append(65 + k)
        buf.extend(mine * 3)
        buf[0:4] = mine * 4
        buf += mine
        if i % 2:
            del buf[-2:]
        snap = bytes(buf)
        up = buf.upper()
        if not set(snap) <= set(b"xABCD") or buf.find(b"z") != -1 or not up.isupper():
            bad.append("bytes")
        if mine not in buf or len(buf[5:40]) != 35 or not repr(buf).startswith("bytearray(b'"):
            bad.append("read")
        parts = buf.split(b"x")
        if sum(len(p) for p in parts) > len(buf) + 1000:
            bad.append("split")
        buf.pop()
ts = [threading.Thread(target=worker, args=(k,)) for k in range(T)]
for t in ts: t.start()
for t in ts: t.join()
print(len(buf) == 64 + T * N * 4 - T * (N // 2) * 2, bad)
)";
    check_gil_on_and_off(src, "True []\n");
}

TEST_CASE("free-threaded bytearray: every other reader sees one consistent buffer" *
          doctest::timeout(300)) {
    // Two threads grow and shrink one bytearray while two others read it every other way a
    // program can: pickling, indexing and iteration, b"".join, ==, +, * and % formatting,
    // int.from_bytes, bytearray()/copy(), hex() and decode(). Whatever the interleaving, what a
    // reader sees holds only bytes the program wrote and is as long as one of the sizes the
    // buffer can go through (64..80: both writers may have extended it); TSan checks that no
    // read races the resizes.
    const std::string src = R"(import pickle, threading
N = 300
buf = bytearray(b"x" * 64)
ok = set(b"xAB")
bad = []
def writer(k):
    mine = bytes([65 + k])
    for i in range(N):
        buf.extend(mine * 8)
        buf[i % 8] = 65 + k
        del buf[-8:]
def reader(k):
    for i in range(N):
        seen = [pickle.loads(pickle.dumps(buf)), bytes(buf[j] for j in range(-4, 4)),
                bytes(x for x in buf), b"".join([buf, b"-", buf]).split(b"-")[0],
                (buf + b"")[:], bytes(buf * 2)[:len(buf)], (b"%s" % buf)[:],
                int.from_bytes(buf, "big").to_bytes(80, "big").lstrip(b"\0"),
                bytearray(buf), buf.copy(), bytes.fromhex(buf.hex()), buf.decode().encode()]
        if buf == buf and buf != b"" and any(not set(s) <= ok for s in seen):
            bad.append(seen)
        if any(not 8 <= len(s) <= 80 for s in seen):
            bad.append([len(s) for s in seen])
ts = [threading.Thread(target=writer, args=(k,)) for k in range(2)]
ts += [threading.Thread(target=reader, args=(k,)) for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
print(len(buf), bad[:1])
)";
    check_gil_on_and_off(src, "64 []\n");
}

TEST_CASE("free-threaded memoryview of a shared bytearray: resizes wait for its views" *
          doctest::timeout(300)) {
    // Threads write and read through views of one bytearray while others try to grow and
    // shrink it: a resize while any view is unreleased is refused (BufferError, as CPython), so
    // a view never sees the size change under it, and once every view is released the
    // bytearray resizes again (the export count is back at zero). Views are released by `with`:
    // a dropped view would count until a collection, and free-threaded collections wait for a
    // single thread.
    const std::string src = R"(import threading
N, T = 300, 4
buf = bytearray(b"x" * 64)
bad = []
def viewer(k):
    for i in range(N):
        with memoryview(buf) as v, v[8:40:2] as part, v[::-3] as back:
            n = len(v)
            v[i % n] = 65 + k
            part[1:3] = b"yy"
            snap = v.tobytes() + part.tobytes() + bytes(back)
            if len(v.tobytes()) != n or n != len(buf) or not set(snap) <= set(b"xyABCD"):
                bad.append(snap)
def resizer(k):
    for i in range(N):
        try:
            buf.extend(b"x" * 8)
        except BufferError:
            continue
        while True:
            try:
                del buf[-8:]
                break
            except BufferError:
                pass
ts = [threading.Thread(target=viewer, args=(k,)) for k in range(T)]
ts += [threading.Thread(target=resizer, args=(k,)) for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
buf.append(0)
print(len(buf) == 65, bad[:1])
)";
    check_gil_on_and_off(src, "True []\n");
}

TEST_CASE("a memoryview used once and dropped gives its export back at once" *
          doctest::timeout(300)) {
    // memoryview(buf)[i] and memoryview(buf)[i] = v: the view dies in that expression, as
    // CPython frees it there, so the resize right after succeeds. Free-threaded with a second
    // thread alive no collection can run, so this holds only because the VM drops the view's
    // export itself (ThreadState::temp_view); a view kept in a name still blocks the resize.
    const std::string src = R"(import threading
buf = bytearray(b"x" * 8)
done = threading.Event()
errors = []
def worker():
    for i in range(2000):
        try:
            memoryview(buf)[0]
            memoryview(buf)[1] = 65 + i % 26
            buf.append(i & 0x7F)
            del buf[-1]
        except BufferError as e:
            errors.append(str(e))
    m = memoryview(buf)
    try:
        buf.append(0)
    except BufferError as e:
        errors.append(str(e))
    m.release()
    done.set()
idle = threading.Thread(target=done.wait)
idle.start()
w = threading.Thread(target=worker)
w.start()
w.join()
idle.join()
print(len(buf), errors)
)";
    check_gil_on_and_off(src, "8 ['Existing exports of data: object cannot be re-sized']\n");
}
