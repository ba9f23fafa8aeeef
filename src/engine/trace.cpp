// Tracer: per-worker single-writer chunked buffers, a run-wide event budget, registries.
#include "engine/trace.hpp"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <deque>
#include <thread>
#include <unordered_map>

#include "engine/block_cache.hpp"

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#endif

namespace interleave::engine {

const char* to_string(WorkerState s) {
    switch (s) {
        case WorkerState::idle:
            return "idle";
        case WorkerState::running:
            return "running";
        case WorkerState::gil_wait:
            return "gil_wait";
        case WorkerState::lock_wait:
            return "lock_wait";
        case WorkerState::queue_wait:
            return "queue_wait";
        case WorkerState::io_wait:
            return "io_wait";
        case WorkerState::starting:
            return "starting";
        case WorkerState::serialising:
            return "serialising";
        case WorkerState::ready:
            return "ready";
        case WorkerState::count_:
            break;
    }
    return "?";
}

const char* to_string(EventKind k) {
    switch (k) {
        case EventKind::task_begin:
            return "task_begin";
        case EventKind::task_end:
            return "task_end";
        case EventKind::state:
            return "state";
        case EventKind::gil_acquire:
            return "gil_acquire";
        case EventKind::gil_release:
            return "gil_release";
        case EventKind::gil_drop_request:
            return "gil_drop_request";
        case EventKind::print:
            return "print";
        case EventKind::worker_exit:
            return "worker_exit";
        case EventKind::py_span:
            return "py_span";
        case EventKind::py_line:
            return "py_line";
    }
    return "?";
}

namespace {

// A worker's events live in segments that grow: five small ones (1024 events, doubling), so
// a run with many short-lived workers stays small, then fixed 2 MiB segments backed by a
// transparent huge page where the OS offers one. Fresh memory costs a page fault per 4 KiB
// page (~4 ns per 24-byte event on this project's VMs); a huge page is one fault per 2 MiB.
constexpr size_t kGrant = 512;  // budget taken per slow-path call; divides every segment
constexpr size_t kSmallSegments = 5;
constexpr size_t kFirstSegment = 1024;  // events
constexpr size_t kSmallTotal = kFirstSegment * ((size_t{1} << kSmallSegments) - 1);
constexpr size_t kHugeBytes = size_t{2} << 20;
constexpr size_t kHugeSegment = kHugeBytes / sizeof(TraceEvent) / kGrant * kGrant;  // 87040
constexpr size_t kPageShift = 8;  // worker table: 256 pages of 256 buffers
constexpr size_t kPage = size_t{1} << kPageShift;

// Segment k holds events [segment_start(k), segment_start(k) + segment_size(k)).
constexpr size_t segment_size(size_t k) {
    return k < kSmallSegments ? kFirstSegment << k : kHugeSegment;
}
constexpr size_t segment_start(size_t k) {
    return k <= kSmallSegments ? kFirstSegment * ((size_t{1} << k) - 1)
                               : kSmallTotal + (k - kSmallSegments) * kHugeSegment;
}
constexpr size_t segment_of(size_t n) {
    return n < kSmallTotal ? static_cast<size_t>(std::bit_width(n / kFirstSegment + 1)) - 1
                           : kSmallSegments + (n - kSmallTotal) / kHugeSegment;
}
static_assert(segment_of(0) == 0 && segment_of(kFirstSegment) == 1);
static_assert(segment_of(kSmallTotal - 1) == kSmallSegments - 1);
static_assert(segment_of(kSmallTotal) == kSmallSegments);
static_assert(segment_of(segment_start(7) + kHugeSegment - 1) == 7);
static_assert(kHugeSegment % kGrant == 0 && kFirstSegment % kGrant == 0);

// Freed 2 MiB segments are kept for the next run (up to 32 MiB natively): a playground runs
// again and again. In wasm, memory never goes back to the system, so malloc reuses it anyway.
detail::BlockCache& segment_cache() {
#ifdef __EMSCRIPTEN__
    constexpr size_t kKeep = 0;
#else
    constexpr size_t kKeep = 16;
#endif
    static auto* c = new detail::BlockCache(kKeep);  // never destroyed: tracers may outlive main
    return *c;
}

// Raw storage, not `new TraceEvent[]`: value-initialising a segment was a second pass over
// memory emit() writes anyway. TraceEvent is an implicit-lifetime aggregate; every slot is
// fully written before it is published.
TraceEvent* alloc_segment(size_t k) {
    if (k < kSmallSegments)
        return static_cast<TraceEvent*>(std::malloc(sizeof(TraceEvent) * segment_size(k)));
    if (void* seg = segment_cache().take()) return static_cast<TraceEvent*>(seg);
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
    // 2 MiB aligned, so the whole segment can be one huge page: map twice that, trim.
    void* p =
        mmap(nullptr, 2 * kHugeBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return nullptr;
    auto* base = static_cast<char*>(p);
    auto* aligned = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(base) + kHugeBytes - 1) &
                                            ~(uintptr_t{kHugeBytes} - 1));
    if (aligned != base) munmap(base, static_cast<size_t>(aligned - base));
    munmap(aligned + kHugeBytes, static_cast<size_t>(base + 2 * kHugeBytes - aligned) - kHugeBytes);
    madvise(aligned, kHugeBytes, MADV_HUGEPAGE);  // a hint: without THP, plain pages
    return reinterpret_cast<TraceEvent*>(aligned);
#else
    return static_cast<TraceEvent*>(std::malloc(kHugeBytes));
#endif
}

void free_segment(TraceEvent* seg, size_t k) {
    if (!seg) return;
    if (k < kSmallSegments) return std::free(seg);
    if (segment_cache().keep(seg)) return;
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
    munmap(seg, kHugeBytes);
#else
    std::free(seg);
#endif
}

// One worker's events. `count` is the only field readers look at besides the segment
// directory: the writer fills slot n, then publishes n+1 with a release store, so a reader
// that loads count with acquire sees every event below it fully written.
struct Buffer {
    explicit Buffer(size_t max_events)
        : dir_size(segment_of(max_events) + 2), dir(new std::atomic<TraceEvent*>[dir_size]) {
        for (size_t i = 0; i < dir_size; ++i) dir[i].store(nullptr, std::memory_order_relaxed);
    }
    ~Buffer() {
        for (size_t i = 0; i < dir_size; ++i)
            free_segment(dir[i].load(std::memory_order_relaxed), i);
    }
    std::atomic<size_t> count{0};
    // Writer-private: slots [0, capacity) are backed by segments; `cur` is the segment of the
    // next slot when count < capacity, and `cur_start` the index of its first slot.
    size_t capacity = 0;
    size_t cur_start = 0;
    TraceEvent* cur = nullptr;
    size_t dir_size;
    std::unique_ptr<std::atomic<TraceEvent*>[]> dir;
};

// Task registry: entries in chunks found through a fixed directory, ids handed out by an
// atomic counter, so registering a task takes no lock. A name is an interned string id plus an
// optional number, formatted only when read.
constexpr size_t kTaskChunkShift = 14;  // 16384 entries (256 KiB) per chunk
constexpr size_t kTaskChunk = size_t{1} << kTaskChunkShift;
constexpr size_t kTaskDir = size_t{1} << 14;  // up to 2^28 tasks per run
constexpr uint64_t kNoNumber = ~uint64_t{0};

struct TaskEntry {
    uint64_t number = kNoNumber;
    uint32_t name = 0;               // index into Impl::names
    std::atomic<uint32_t> ready{0};  // 1 once number/name are written (release)
};

}  // namespace

struct Tracer::Impl {
    explicit Impl(size_t max) : max_events(max), budget(max) {
        for (auto& p : pages) p.store(nullptr, std::memory_order_relaxed);
    }
    ~Impl() {
        for (auto& p : pages) delete[] p.load(std::memory_order_relaxed);
        for (size_t i = 0; i < kTaskDir; ++i) delete[] task_dir[i].load(std::memory_order_relaxed);
    }

    // Reserves an id and writes its entry. Only a lost allocation race takes the slow path.
    uint32_t add_task(uint32_t name, uint64_t number) {
        const size_t i = task_next.fetch_add(1, std::memory_order_relaxed);
        const size_t c = i >> kTaskChunkShift;
        if (c >= kTaskDir) std::abort();  // 2^28 tasks: far past every RunLimits::tasks
        TaskEntry* chunk = task_dir[c].load(std::memory_order_acquire);
        if (!chunk) {
            auto* fresh = new TaskEntry[kTaskChunk];
            if (task_dir[c].compare_exchange_strong(chunk, fresh, std::memory_order_acq_rel,
                                                    std::memory_order_acquire)) {
                chunk = fresh;
            } else {
                delete[] fresh;  // someone else installed it; `chunk` is theirs
            }
        }
        TaskEntry& e = chunk[i & (kTaskChunk - 1)];
        e.number = number;
        e.name = name;
        e.ready.store(1, std::memory_order_release);
        return static_cast<uint32_t>(i + 1);
    }

    uint32_t intern(std::string s) {  // caller holds mu
        auto it = name_ids.find(s);
        if (it != name_ids.end()) return it->second;
        auto id = static_cast<uint32_t>(names.size());
        names.push_back(s);
        name_ids.emplace(std::move(s), id);
        return id;
    }

    Buffer* buffer(uint16_t w) const {
        auto* page = pages[w >> kPageShift].load(std::memory_order_acquire);
        return page ? page[w & (kPage - 1)].load(std::memory_order_acquire) : nullptr;
    }

    // Slow path: the granted slots are used up. Takes another grant from the run-wide budget
    // (small grants keep the budget fair across workers) and, at a segment boundary, a new one.
    bool grow(Buffer& b, size_t n) {
        const size_t k = segment_of(n);
        if (k >= b.dir_size) return false;
        size_t left = budget.load(std::memory_order_relaxed);
        size_t take = 0;
        do {
            take = std::min(left, kGrant);
            if (take == 0) return false;
        } while (!budget.compare_exchange_weak(left, left - take, std::memory_order_relaxed));
        if (n == segment_start(k)) {
            TraceEvent* seg = alloc_segment(k);
            if (!seg) return false;
            b.dir[k].store(seg, std::memory_order_release);
            b.cur = seg;
            b.cur_start = n;
        }
        // Grants divide segments evenly and a partial grant only happens once the budget is
        // empty, so capacity never crosses the end of `cur`.
        b.capacity = n + take;
        return true;
    }

    size_t max_events;
    std::atomic<size_t> budget;
    mutable std::mutex mu;  // registries and `buffers` growth; never taken by emit()
    std::vector<WorkerInfo> workers;
    std::vector<std::unique_ptr<Buffer>> buffers;  // index = worker id
    std::atomic<std::atomic<Buffer*>*> pages[256];

    // Task names: strings (under mu; a reader that saw an entry ready also sees its string)
    // and the lock-free entry table.
    std::deque<std::string> names;
    std::unordered_map<std::string, uint32_t> name_ids;  // prefixes only (interned)
    std::unique_ptr<std::atomic<TaskEntry*>[]> task_dir =
        std::make_unique<std::atomic<TaskEntry*>[]>(kTaskDir);  // value-initialised: all null
    alignas(64) std::atomic<size_t> task_next{0};  // own cache line: every pool item bumps it
};

Tracer::Tracer(size_t max_events) : impl_(std::make_unique<Impl>(max_events)) {}
Tracer::~Tracer() = default;

uint16_t Tracer::add_worker(std::string name, WorkerKind kind, uint16_t process) {
    std::lock_guard<std::mutex> g(impl_->mu);
    // Worker ids are uint16_t; 65535 workers in one run is far past every limit we set.
    auto id = static_cast<uint16_t>(impl_->workers.size());
    impl_->workers.push_back(WorkerInfo{id, std::move(name), kind, process});
    impl_->buffers.push_back(std::make_unique<Buffer>(impl_->max_events));
    auto& page_slot = impl_->pages[id >> kPageShift];
    auto* page = page_slot.load(std::memory_order_relaxed);
    if (!page) {
        page = new std::atomic<Buffer*>[kPage];
        for (size_t i = 0; i < kPage; ++i) page[i].store(nullptr, std::memory_order_relaxed);
        page_slot.store(page, std::memory_order_release);
    }
    page[id & (kPage - 1)].store(impl_->buffers.back().get(), std::memory_order_release);
    return id;
}

uint32_t Tracer::add_task(std::string name) {
    uint32_t index = 0;
    {
        // Free-form names are stored as they are (not interned: they are mostly unique).
        std::lock_guard<std::mutex> g(impl_->mu);
        index = static_cast<uint32_t>(impl_->names.size());
        impl_->names.push_back(std::move(name));
    }
    return impl_->add_task(index, kNoNumber);
}

uint32_t Tracer::task_prefix(std::string prefix) {
    std::lock_guard<std::mutex> g(impl_->mu);
    return impl_->intern(std::move(prefix));
}

uint32_t Tracer::add_task(uint32_t prefix, uint64_t number) {
    return impl_->add_task(prefix, number);
}

void Tracer::drop(int64_t t_ns) {
    dropped_.fetch_add(1, std::memory_order_relaxed);
    // The earliest, whichever writer drops first: a CAS only while t_ns is earlier than what
    // is stored (once the budget is gone every emit drops; they all read and move on).
    int64_t seen = first_drop_ns_.load(std::memory_order_relaxed);
    while ((seen < 0 || t_ns < seen) &&
           !first_drop_ns_.compare_exchange_weak(seen, t_ns, std::memory_order_relaxed)) {
    }
}

void Tracer::emit(uint16_t worker, EventKind kind, uint32_t task, uint64_t arg, int64_t t_ns) {
    Buffer* b = impl_->buffer(worker);
    if (!b) {
        drop(t_ns);
        return;
    }
    // Single writer: a relaxed load of our own counter is exact.
    size_t n = b->count.load(std::memory_order_relaxed);
    if (n >= b->capacity) [[unlikely]] {
        if (!impl_->grow(*b, n)) {
            drop(t_ns);
            return;
        }
    }
    TraceEvent& e = b->cur[n - b->cur_start];
    e.t_ns = t_ns;
    e.task = task;
    e.worker = worker;
    e.kind = kind;
    e.pad_ = 0;
    e.arg = arg;
    b->count.store(n + 1, std::memory_order_release);
}

std::vector<WorkerInfo> Tracer::workers() const {
    std::lock_guard<std::mutex> g(impl_->mu);
    return impl_->workers;
}

std::vector<TaskInfo> Tracer::tasks() const {
    const size_t n = impl_->task_next.load(std::memory_order_acquire);
    std::vector<const TaskEntry*> entries(n);
    for (size_t i = 0; i < n; ++i) {
        // Id i+1 is handed out: its writer is a few instructions from publishing the chunk and
        // the entry, and never waits for anything a reader holds.
        const TaskEntry* chunk = nullptr;
        while (!(chunk = impl_->task_dir[i >> kTaskChunkShift].load(std::memory_order_acquire)))
            std::this_thread::yield();
        const TaskEntry* e = &chunk[i & (kTaskChunk - 1)];
        while (!e->ready.load(std::memory_order_acquire)) std::this_thread::yield();
        entries[i] = e;
    }
    std::vector<TaskInfo> out(n);
    std::lock_guard<std::mutex> g(impl_->mu);
    for (size_t i = 0; i < n; ++i) {
        out[i].id = static_cast<uint32_t>(i + 1);
        out[i].name = impl_->names[entries[i]->name];
        if (entries[i]->number != kNoNumber) out[i].name += std::to_string(entries[i]->number);
    }
    return out;
}

std::string Tracer::name(uint32_t id) const {
    std::lock_guard<std::mutex> g(impl_->mu);
    return id < impl_->names.size() ? impl_->names[id] : std::string();
}

size_t Tracer::task_count() const {
    return impl_->task_next.load(std::memory_order_acquire);
}

void Tracer::read(Cursor& cursor, std::vector<TraceEvent>& out, size_t max_events) const {
    std::vector<Buffer*> bufs;
    {
        std::lock_guard<std::mutex> g(impl_->mu);
        bufs.reserve(impl_->buffers.size());
        for (auto& b : impl_->buffers) bufs.push_back(b.get());
    }
    if (cursor.next.size() < bufs.size()) cursor.next.resize(bufs.size(), 0);
    for (size_t w = 0; w < bufs.size() && max_events > 0; ++w) {
        Buffer& b = *bufs[w];
        size_t end = b.count.load(std::memory_order_acquire);
        size_t i = cursor.next[w];
        if (end - i > max_events) end = i + max_events;
        max_events -= end - i;
        while (i < end) {
            // Segment by segment; a segment's pointer was published before any count past it.
            const size_t k = segment_of(i);
            const TraceEvent* seg = b.dir[k].load(std::memory_order_acquire);
            const size_t seg_end = std::min(end, segment_start(k) + segment_size(k));
            const TraceEvent* from = seg + (i - segment_start(k));
            out.insert(out.end(), from, from + (seg_end - i));
            i = seg_end;
        }
        cursor.next[w] = end;
    }
}

std::vector<TraceEvent> Tracer::all_sorted() const {
    Cursor c;
    std::vector<TraceEvent> ev;
    read(c, ev);
    std::stable_sort(ev.begin(), ev.end(),
                     [](const TraceEvent& a, const TraceEvent& b) { return a.t_ns < b.t_ns; });
    return ev;
}

size_t Tracer::size() const {
    std::lock_guard<std::mutex> g(impl_->mu);
    size_t n = 0;
    for (auto& b : impl_->buffers) n += b->count.load(std::memory_order_acquire);
    return n;
}

}  // namespace interleave::engine
