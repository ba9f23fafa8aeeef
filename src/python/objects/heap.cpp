// The mark-sweep heap (see heap.hpp).
#include "python/objects/heap.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>

#include "engine/runtime.hpp"

namespace interleave::python {

namespace {

constexpr int kClasses = 35;

constexpr std::array<uint16_t, kClasses> make_class_sizes() {
    std::array<uint16_t, kClasses> s{};
    int i = 0;
    for (int b = 16; b <= 128; b += 8) s[i++] = static_cast<uint16_t>(b);
    for (int b = 144; b <= 256; b += 16) s[i++] = static_cast<uint16_t>(b);
    const uint16_t big[] = {320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 1792, 2048};
    for (uint16_t b : big) s[i++] = b;
    return s;
}
constexpr auto kClassSize = make_class_sizes();

constexpr std::array<uint8_t, 257> make_class_index() {
    std::array<uint8_t, 257> idx{};
    int c = 0;
    for (int units = 0; units <= 256; ++units) {
        while (kClassSize[c] < units * 8) ++c;
        idx[units] = static_cast<uint8_t>(c);
    }
    return idx;
}
constexpr auto kClassIndex = make_class_index();

int size_class(size_t size) {
    return kClassIndex[(size + 7) / 8];
}

}  // namespace

void GcVisitor::drain() {
    // A collection has no checkpoint: it answers the run's heartbeats itself (a collection
    // of 100k objects takes ~1 ms, several in wasm; the worker is on a CPU all along).
    for (uint32_t n = 0; !stack_.empty(); ++n) {
        if (n % 1024 == 0) engine::answer_heartbeat();
        Object* o = stack_.back();
        stack_.pop_back();
        if (o->type && o->type->trace) o->type->trace(o, *this);
        if (o->type) visit(o->type);  // heap classes are objects too
    }
}

Heap::Heap(size_t limit_bytes, bool immortal) : limit_(limit_bytes), immortal_(immortal) {}

Heap::~Heap() {
    // Finalise every live object (buffers and C++ members), then give the memory back.
    for (const Page& p : pages_) {
        for (uint32_t i = 0; i < p.used; ++i) {
            auto* o = reinterpret_cast<Object*>(p.base + size_t(i) * p.slot_size);
            if (o->type && (o->gc & kGcFinalize) && o->type->finalize) o->type->finalize(o, *this);
        }
    }
    for (const Large& l : large_) {
        if ((l.obj->gc & kGcFinalize) && l.obj->type->finalize) l.obj->type->finalize(l.obj, *this);
        std::free(l.obj);
    }
    for (char* a : arenas_) std::free(a);
}

bool Heap::charge(size_t bytes) {
    if (limit_ != 0 && bytes_in_use_ + bytes > limit_) return false;
    bytes_in_use_ += bytes;
    return true;
}

Object* Heap::alloc(Type* type, size_t size) {
    if (shared_) {
        std::lock_guard<std::mutex> g(mu_);
        return alloc_locked(type, size);
    }
    return alloc_locked(type, size);
}

Object* Heap::alloc_locked(Type* type, size_t size) {
    Object* o;
    if (size > kLargeThreshold) {
        if (!charge(size)) return nullptr;
        void* mem = std::calloc(1, size);
        if (!mem) {
            bytes_in_use_ -= size;
            return nullptr;
        }
        o = static_cast<Object*>(mem);
        large_.push_back({o, size});
        allocated_since_gc_ += size;
    } else {
        int cls = size_class(size);
        auto& fl = free_[cls];
        if (fl.empty()) {
            o = refill(cls);
            if (!o) return nullptr;
        } else {
            o = fl.back();
            fl.pop_back();
        }
        std::memset(static_cast<void*>(o), 0, kClassSize[cls]);
        allocated_since_gc_ += kClassSize[cls];
    }
    o->type = type;
    o->gc = immortal_ ? kGcImmortal : 0;
    // Free-threaded: containers take their lock byte (objects/obj_lock.hpp).
    if (shared_) o->lock.store(2 /* kObjLockable */, std::memory_order_relaxed);
    if (type && type->finalize) o->gc |= kGcFinalize;
    return o;
}

bool Heap::new_page(int cls) {
    if (arena_pages_left_ == 0) {
        if (!charge(kArenaBytes)) return false;
        char* a = static_cast<char*>(std::aligned_alloc(kPageBytes, kArenaBytes));
        if (!a) {
            bytes_in_use_ -= kArenaBytes;
            return false;
        }
        arenas_.push_back(a);
        arena_pages_left_ = kArenaBytes / kPageBytes;
    }
    char* base = arenas_.back() + (kArenaBytes / kPageBytes - arena_pages_left_) * kPageBytes;
    --arena_pages_left_;
    Page p;
    p.base = base;
    p.size_class = static_cast<uint16_t>(cls);
    p.slot_size = kClassSize[cls];
    p.slots = static_cast<uint32_t>(kPageBytes / p.slot_size);
    p.used = 0;
    pages_.push_back(p);
    return true;
}

Object* Heap::refill(int cls) {
    // Bump-allocate from the newest page of this class first, else a fresh page.
    for (auto it = pages_.rbegin(); it != pages_.rend(); ++it) {
        if (it->size_class == cls && it->used < it->slots) {
            auto* o = reinterpret_cast<Object*>(it->base + size_t(it->used) * it->slot_size);
            ++it->used;
            return o;
        }
        if (it - pages_.rbegin() > 8) break;  // only look at recent pages
    }
    if (!new_page(cls)) return nullptr;
    Page& p = pages_.back();
    ++p.used;
    return reinterpret_cast<Object*>(p.base);
}

void* Heap::alloc_buffer(size_t bytes) {
    if (bytes == 0) bytes = 1;
    {
        std::unique_lock<std::mutex> g(mu_, std::defer_lock);
        if (shared_) g.lock();
        if (!charge(bytes)) return nullptr;
        allocated_since_gc_ += bytes / 2;  // payloads push the next collection less than objects
    }
    void* p = std::malloc(bytes);
    if (!p) {
        free_buffer(nullptr, bytes);
        return nullptr;
    }
    return p;
}

void* Heap::realloc_buffer(void* p, size_t old_bytes, size_t new_bytes) {
    if (new_bytes > old_bytes) {
        size_t more = new_bytes - old_bytes;
        std::unique_lock<std::mutex> g(mu_, std::defer_lock);
        if (shared_) g.lock();
        if (!charge(more)) return nullptr;
        allocated_since_gc_ += more / 2;
    }
    void* q = std::realloc(p, new_bytes ? new_bytes : 1);
    if (!q) {
        if (new_bytes > old_bytes) free_buffer(nullptr, new_bytes - old_bytes);
        return nullptr;
    }
    if (new_bytes < old_bytes) free_buffer(nullptr, old_bytes - new_bytes);
    return q;
}

void Heap::free_buffer(void* p, size_t bytes) {
    std::free(p);
    if (shared_) {
        std::lock_guard<std::mutex> g(mu_);
        bytes_in_use_ -= std::min<size_t>(bytes, bytes_in_use_);
    } else {
        bytes_in_use_ -= std::min<size_t>(bytes, bytes_in_use_);
    }
}

void Heap::free_object(Object* o) {
    if ((o->gc & kGcFinalize) && o->type && o->type->finalize) o->type->finalize(o, *this);
    o->type = nullptr;
    o->gc = 0;
    ++freed_;
}

void Heap::watch_export(Object* o, ExportRelease release) {
    if (shared_) {
        std::lock_guard<std::mutex> g(mu_);
        exports_.emplace_back(o, release);
    } else {
        exports_.emplace_back(o, release);
    }
}

void Heap::release_unreachable_exports() {
    size_t kept = 0;
    for (auto& e : exports_) {
        if (e.first->gc & kGcMarked)
            exports_[kept++] = e;
        else
            e.second(e.first);
    }
    exports_.resize(kept);
}

void Heap::sweep() {
    for (auto& fl : free_) fl.clear();
    size_t live = 0;
    for (Page& p : pages_) {
        engine::answer_heartbeat();  // see drain()
        auto& fl = free_[p.size_class];
        // Push in reverse so the free list hands out ascending addresses.
        for (uint32_t i = p.used; i-- > 0;) {
            auto* o = reinterpret_cast<Object*>(p.base + size_t(i) * p.slot_size);
            if (o->type != nullptr) {
                if (o->gc & kGcMarked) {
                    o->gc &= static_cast<uint8_t>(~kGcMarked);
                    live += p.slot_size;
                    continue;
                }
                free_object(o);
            }
            fl.push_back(o);
        }
    }
    size_t kept = 0;
    for (Large& l : large_) {
        if (l.obj->gc & kGcMarked) {
            l.obj->gc &= static_cast<uint8_t>(~kGcMarked);
            live += l.size;
            large_[kept++] = l;
        } else {
            free_object(l.obj);
            std::free(l.obj);
            bytes_in_use_ -= std::min<size_t>(l.size, bytes_in_use_);
        }
    }
    large_.resize(kept);
    live_after_gc_ = live;
    allocated_since_gc_ = 0;
    // The next collection after as much again as survived, at least 8 MiB (a generational
    // collector would do better; this keeps the cost per allocated byte bounded).
    threshold_ = std::max<size_t>(8u << 20, live);
    ++collections_;
}

HeapStats Heap::stats() const {
    HeapStats s;
    s.bytes_in_use = bytes_in_use_;
    s.live_after_gc = live_after_gc_;
    s.collections = collections_;
    s.objects_freed = freed_;
    return s;
}

}  // namespace interleave::python
