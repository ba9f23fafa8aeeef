// The heap of one simulated process: a non-moving mark-sweep collector with precise roots
// (PYTHON.md §6).
//
// Objects live in size-classed slots of 16 KiB pages carved from 256 KiB arenas (free lists per
// size class); objects over 2 KiB are allocated one by one. Variable-size payloads owned by an
// object (list items, dict tables) come from alloc_buffer/free_buffer, counted the same way.
// Every byte is counted against the heap's limit: an allocation past it fails (the caller
// raises MemoryError; the interpreter also posts a limit notice), never aborts.
//
// Collection happens only at safepoints (the eval loop's breaker checks), never inside an
// allocation: code between two safepoints may hold Values in C++ locals freely. What C++ holds
// across a call that can run Python code (and so reach a safepoint) must be reachable from a
// root: a frame's value stack, an object reachable from one, or a Rooted<> (thread_state.hpp).
//
// Immortal heaps (builtin statics, a program's constants and code) never collect; their
// objects carry kGcImmortal and are skipped by marking.
//
// Thread-safety: allocation by the thread holding the GIL, or any attached thread when the
// heap is in free-threaded mode (then a mutex guards the free lists). collect() runs with the
// world stopped.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "python/objects/object.hpp"

namespace interleave::python {

// Marks objects reachable from what it is shown (explicit mark stack: no recursion).
class GcVisitor {
  public:
    void visit(Value v) {
        if (v.is_ptr()) visit(v.as_ptr());
    }
    void visit(const Object* o) {
        if (o == nullptr || (o->gc & (kGcMarked | kGcImmortal))) return;
        const_cast<Object*>(o)->gc |= kGcMarked;
        stack_.push_back(const_cast<Object*>(o));
    }
    void visit_range(const Value* begin, const Value* end) {
        for (const Value* p = begin; p < end; ++p) visit(*p);
    }
    void drain();  // traces everything pushed until the stack is empty

  private:
    std::vector<Object*> stack_;
};

struct Code;

// A coroutine freed before it ever ran, noted by its finalizer for the interpreter to report
// as CPython does ("RuntimeWarning: coroutine 'f' was never awaited"): where it was created.
struct NeverAwaited {
    std::string qualname;
    const Code* origin = nullptr;  // the creating frame's code (immortal), or null
    int line = 0;
};

struct HeapStats {
    size_t bytes_in_use = 0;  // arenas + large objects + buffers
    size_t live_after_gc = 0;
    uint64_t collections = 0;
    uint64_t objects_freed = 0;
};

// A byte count read without the heap's mutex (collection_due(), fits()) while free-threaded
// writers update it under the mutex: relaxed atomic loads and stores, no read-modify-write
// (no lock prefix on the single-threaded hot path).
class RelaxedCount {
  public:
    operator size_t() const noexcept { return v_.load(std::memory_order_relaxed); }
    RelaxedCount& operator=(size_t x) noexcept {
        v_.store(x, std::memory_order_relaxed);
        return *this;
    }
    RelaxedCount& operator+=(size_t x) noexcept { return *this = size_t(*this) + x; }
    RelaxedCount& operator-=(size_t x) noexcept { return *this = size_t(*this) - x; }

  private:
    std::atomic<size_t> v_{0};
};

class Heap {
  public:
    static constexpr size_t kArenaBytes = 256 * 1024;
    static constexpr size_t kPageBytes = 16 * 1024;
    static constexpr size_t kLargeThreshold = 2048;

    // limit_bytes: the MemoryError threshold (0: none). immortal: never collects, marks objects.
    explicit Heap(size_t limit_bytes, bool immortal = false);
    ~Heap();  // frees everything (finalizers run)
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Zeroed memory for an object of `size` bytes with its header set; nullptr past the limit.
    Object* alloc(Type* type, size_t size);
    template <class T, class... A>
    T* make(Type* type, size_t size, A&&... args) {
        Object* raw = alloc(type, size);
        if (!raw) return nullptr;
        uint8_t gc = raw->gc;
        const uint8_t lock = raw->lock.load(std::memory_order_relaxed);  // kObjLockable
        T* t = new (raw) T(std::forward<A>(args)...);
        static_cast<Object*>(t)->type = type;
        static_cast<Object*>(t)->gc = gc;
        static_cast<Object*>(t)->lock.store(lock, std::memory_order_relaxed);
        return t;
    }
    // Payload memory owned by an object (freed by its finalize/trace owner). nullptr past the
    // limit. free_buffer needs the size given to alloc_buffer/realloc_buffer.
    void* alloc_buffer(size_t bytes);
    void* realloc_buffer(void* p, size_t old_bytes, size_t new_bytes);
    void free_buffer(void* p, size_t bytes);
    // Would `bytes` more fit under the limit? (for sizes computed before allocating)
    bool fits(size_t bytes) const { return limit_ == 0 || bytes_in_use_ + bytes <= limit_; }

    bool immortal() const { return immortal_; }
    // True once enough was allocated since the last collection that one is due.
    bool collection_due() const { return allocated_since_gc_ >= threshold_; }
    // Marks from `roots` (a callback that visits every root), then sweeps. World stopped.
    template <class Roots>
    void collect(Roots&& roots) {
        GcVisitor v;
        roots(v);
        v.drain();
        release_unreachable_exports();
        sweep();
    }
    // `o` holds an export of another object's buffer (a memoryview of a bytearray). If `o`
    // becomes unreachable, release(o) runs after marking and before anything is freed, so it
    // may still touch the exporter even when that dies in the same collection (a finalizer may
    // not: sweep order is arbitrary). CPython's refcounting releases such a view at once; here
    // it is released at the next collection. Any thread allowed to allocate. O(1).
    using ExportRelease = void (*)(Object* o);
    void watch_export(Object* o, ExportRelease release);
    HeapStats stats() const;
    // Filled by the coroutine finalizer during a sweep; drained by the interpreter (asyncio's
    // report at the end of asyncio.run). Same lock discipline as the heap itself.
    std::vector<NeverAwaited> never_awaited;
    size_t limit() const { return limit_; }
    void set_limit(size_t bytes) { limit_ = bytes; }
    // Free-threaded mode: allocation takes a mutex (set before a second thread starts).
    void set_shared(bool shared) { shared_ = shared; }

  private:
    struct Page {
        char* base = nullptr;
        uint16_t size_class = 0;
        uint16_t slot_size = 0;
        uint32_t slots = 0;
        uint32_t used = 0;  // slots handed out from the bump pointer so far
    };
    struct Large {
        Object* obj;
        size_t size;
    };
    Object* alloc_locked(Type* type, size_t size);
    Object* refill(int cls);
    bool new_page(int cls);
    void sweep();
    void release_unreachable_exports();
    void free_object(Object* o);
    bool charge(size_t bytes);

    size_t limit_;
    bool immortal_;
    bool shared_ = false;
    std::mutex mu_;
    std::vector<char*> arenas_;
    size_t arena_pages_left_ = 0;  // unused pages in the newest arena
    std::vector<Page> pages_;
    std::vector<Object*> free_[64];
    std::vector<Large> large_;
    std::vector<std::pair<Object*, ExportRelease>> exports_;  // watch_export's, until unreachable
    RelaxedCount bytes_in_use_;
    RelaxedCount allocated_since_gc_;
    size_t threshold_ = 8u << 20;
    size_t live_after_gc_ = 0;
    uint64_t collections_ = 0;
    uint64_t freed_ = 0;
};

}  // namespace interleave::python
