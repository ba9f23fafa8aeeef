// Interp and ThreadState (see state.hpp).
#include "python/vm/state.hpp"

#include <algorithm>

#include "engine/runtime.hpp"
#include "python/modules/module_def.hpp"
#include "python/vm/code.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/generator.hpp"

namespace interleave::python {

Interp::Interp(InterpConfig cfg, engine::Runtime* runtime, uint16_t proc)
    : heap(cfg.heap_limit_bytes), config(std::move(cfg)), rt(runtime), process(proc) {
    init_builtin_types();
    free_threaded = config.free_threaded;
    // sys.getswitchinterval() starts at the run's knob (RunConfig::switch_interval_ms).
    if (rt) switch_interval_s = rt->config().switch_interval_ms / 1e3;
    heap.set_shared(free_threaded);
}

Interp::~Interp() = default;

size_t Interp::add_root(Value v) {
    std::lock_guard<std::mutex> g(mu_);
    if (!free_roots_.empty()) {
        size_t s = free_roots_.back();
        free_roots_.pop_back();
        roots_[s] = v;
        return s;
    }
    roots_.push_back(v);
    return roots_.size() - 1;
}

void Interp::set_root(size_t slot, Value v) {
    std::lock_guard<std::mutex> g(mu_);
    roots_[slot] = v;
}

Value Interp::root(size_t slot) const {
    std::lock_guard<std::mutex> g(mu_);
    return roots_[slot];
}

void Interp::remove_root(size_t slot) {
    std::lock_guard<std::mutex> g(mu_);
    roots_[slot] = Value::null();
    free_roots_.push_back(slot);
}

void Interp::attach(ThreadState* ts) {
    std::lock_guard<std::mutex> g(mu_);
    threads_.push_back(ts);
}

size_t Interp::thread_count() const {
    std::lock_guard<std::mutex> g(mu_);
    return threads_.size();
}

void Interp::detach(ThreadState* ts) {
    std::lock_guard<std::mutex> g(mu_);
    threads_.erase(std::remove(threads_.begin(), threads_.end(), ts), threads_.end());
}

bool Interp::can_collect(ThreadState&) {
    // With the GIL every other thread is at a checkpoint or in an engine wait with its frames
    // saved. Free-threaded, a stop-the-world handshake is needed: until it exists, collect
    // only while a single thread runs.
    if (!free_threaded) return true;
    std::lock_guard<std::mutex> g(mu_);
    return threads_.size() <= 1;
}

void Interp::note_memory_limit() {
    if (memory_noticed) return;
    memory_noticed = true;
    if (rt) {
        try {
            rt->notice(fmt::format("Python heap limit reached ({} MiB): MemoryError raised",
                                   heap.limit() >> 20));
        } catch (...) {
        }
    }
}

void Interp::collect(ThreadState&) {
    std::vector<ThreadState*> threads;
    {
        std::lock_guard<std::mutex> g(mu_);
        threads = threads_;
    }
    heap.collect([&](GcVisitor& v) {
        v.visit(modules);
        v.visit(builtins_module);
        v.visit(builtins);
        v.visit(sys_module);
        v.visit(interned);
        v.visit(memory_error);
        for (Value r : roots_) v.visit(r);
        for (ThreadState* t : threads) {
            v.visit(t->curexc);
            v.visit(t->exc_info);
            v.visit(t->pending_throw);
            v.visit(t->thread_obj);
            for (Value* p : t->roots) v.visit(*p);
            for (std::vector<Value>* vec : t->root_vectors) v.visit_range(vec->data(), vec->data() + vec->size());
            for (Value x : t->repr_stack) v.visit(x);
            for (Frame* f = t->frame; f; f = f->back) trace_frame(f, v);
        }
    });
}

ThreadState::ThreadState(Interp& in, engine::WorkerContext* c)
    : interp(in), heap(in.heap), rt(in.rt), ctx(c) {
    if (ctx) {
        gil = ctx->gil();
        ctx->on_wait = &publish_wait_line;  // reads ctx->user: a no-op while none is set
        cpu_start_ns = ctx->thread_time_ns();
    }
    interp.attach(this);
}

ThreadState::~ThreadState() {
    interp.detach(this);
    // The program's CPU work, as the engine's kernels count theirs (one ThreadState per worker:
    // main program, thread, process).
    count_cpu();
}

void ThreadState::count_cpu() noexcept {
    if (!ctx) return;
    const int64_t now = ctx->thread_time_ns();
    if (now <= cpu_start_ns) return;
    ctx->add_cpu_ns(now - cpu_start_ns);
    cpu_start_ns = now;
}

RootedVector::RootedVector(ThreadState& ts) : ts_(ts) {
    ts.root_vectors.push_back(&v);
}

RootedVector::~RootedVector() {
    auto& rv = ts_.root_vectors;
    if (!rv.empty() && rv.back() == &v) rv.pop_back();
    else rv.erase(std::remove(rv.begin(), rv.end(), &v), rv.end());
}

const ModuleDef* Interp::find_native_module(std::string_view name) const {
    for (const ModuleDef& d : native_modules())
        if (name == d.name) return &d;
    return nullptr;
}

}  // namespace interleave::python
