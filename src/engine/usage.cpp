// Core usage: busy-worker bins from the trace; the OS's per-CPU figures from /proc/stat.
#include "engine/usage.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <unistd.h>

namespace interleave::engine {

bool is_busy(WorkerState s) {
    return s == WorkerState::running || s == WorkerState::starting || s == WorkerState::serialising;
}

UsageBuilder::UsageBuilder(double bin_ms) : bin_ns_(std::max(bin_ms, 0.001) * 1e6) {}

void UsageBuilder::add_interval(std::vector<double>& bins, int64_t b, int64_t e) const {
    if (e <= b) return;
    auto first = static_cast<size_t>(b / bin_ns_);
    auto last = static_cast<size_t>((e - 1) / bin_ns_);
    if (bins.size() <= last) bins.resize(last + 1, 0.0);
    for (size_t i = first; i <= last; ++i) {
        const double lo = std::max<double>(static_cast<double>(b), i * bin_ns_);
        const double hi = std::min<double>(static_cast<double>(e), (i + 1) * bin_ns_);
        if (hi > lo) bins[i] += hi - lo;
    }
}

void UsageBuilder::add(const std::vector<TraceEvent>& events) {
    for (const TraceEvent& ev : events) {
        if (lanes_.size() <= ev.worker) lanes_.resize(ev.worker + 1);
        last_ns_ = std::max(last_ns_, ev.t_ns);
        Lane& l = lanes_[ev.worker];
        bool busy = l.busy;
        if (ev.kind == EventKind::state)
            busy = is_busy(static_cast<WorkerState>(ev.arg));
        else if (ev.kind == EventKind::worker_exit)
            busy = false;
        else
            continue;
        if (busy == l.busy) continue;
        if (busy) {
            l.since = ev.t_ns;
        } else {
            add_interval(bins_, l.since, ev.t_ns);
            l.total += std::max<int64_t>(0, ev.t_ns - l.since);
        }
        l.busy = busy;
    }
}

int64_t UsageBuilder::horizon(int64_t now_ns) const {
    // An event stamped after the snapshot's `now` (a worker's state change racing the read)
    // extends the window instead of being cut: every busy nanosecond lies inside it.
    return std::max(now_ns, last_ns_);
}

std::vector<double> UsageBuilder::bins_with_open(int64_t end_ns) const {
    std::vector<double> bins = bins_;
    for (const Lane& l : lanes_)
        if (l.busy && end_ns > l.since) add_interval(bins, l.since, end_ns);
    const auto n = static_cast<size_t>(std::max<int64_t>(end_ns - 1, 0) / bin_ns_) + 1;
    bins.resize(n, 0.0);
    return bins;
}

// Mean busy workers per bin over [0, end). A last bin covering less than half a bin is merged
// into the one before it (weighted by the time each covers): a sliver would turn a few
// microseconds of events into a spike above the worker count. Every value is busy time over
// the time it covers, and the widths add up to `end`, so the overall average (total / end) is
// a weighted mean of these values and never exceeds their maximum (issue #8 item 10: the
// sliver used to be dropped from the peak but kept in the average).
std::vector<double> UsageBuilder::bin_means(int64_t end_ns) const {
    std::vector<double> bins = bins_with_open(end_ns);
    std::vector<double> out;
    if (end_ns <= 0) return out;
    out.reserve(bins.size());
    const double end = static_cast<double>(end_ns);
    for (size_t i = 0; i < bins.size(); ++i) {
        const double lo = static_cast<double>(i) * bin_ns_;
        const double width = std::min(bin_ns_, end - lo);
        if (width <= 0) break;
        if (i + 1 == bins.size() && i > 0 && width < bin_ns_ * 0.5) {
            out.back() = (out.back() * bin_ns_ + bins[i]) / (bin_ns_ + width);
            break;
        }
        out.push_back(bins[i] / width);
    }
    return out;
}

double UsageBuilder::busy_avg(int64_t now_ns) const {
    const int64_t end = horizon(now_ns);
    if (end <= 0) return 0.0;
    double total = 0;
    for (double b : bins_with_open(end)) total += b;
    return total / static_cast<double>(end);
}

double UsageBuilder::busy_max(int64_t now_ns) const {
    double best = 0;
    for (double m : bin_means(horizon(now_ns))) best = std::max(best, m);
    return best;
}

Usage UsageBuilder::result(int64_t now_ns, unsigned hardware_cores) const {
    Usage u;
    u.bin_ms = bin_ns_ / 1e6;
    const int64_t end = horizon(now_ns);
    for (double m : bin_means(end)) u.busy_workers.push_back(static_cast<float>(m));
    for (size_t w = 0; w < lanes_.size(); ++w) {
        const Lane& l = lanes_[w];
        int64_t t = l.total + (l.busy && end > l.since ? end - l.since : 0);
        u.worker_ids.push_back(static_cast<uint16_t>(w));
        u.busy_fraction.push_back(end > 0 ? static_cast<float>(static_cast<double>(t) / end) : 0.f);
    }
    u.hardware_cores = std::max(1u, hardware_cores);
    return u;
}

// --- CpuSampler ------------------------------------------------------------------------------

namespace {
struct CpuTimes {
    uint64_t busy = 0, total = 0;
};

std::vector<CpuTimes> read_proc_stat() {
    std::vector<CpuTimes> out;
    std::ifstream f("/proc/stat");
    std::string line;
    while (std::getline(f, line)) {
        // Per-CPU lines only: "cpu0 ...", not the aggregate "cpu ...".
        if (line.size() < 4 || line.compare(0, 3, "cpu") != 0 || line[3] == ' ') continue;
        std::istringstream is(line);
        std::string name;
        is >> name;
        uint64_t v[10] = {};
        for (auto& x : v) is >> x;
        CpuTimes t;
        for (auto x : v) t.total += x;
        // user nice system idle iowait irq softirq steal guest guest_nice; guest time is
        // already inside user/nice, so subtract it from the total.
        t.total -= v[8] + v[9];
        t.busy = t.total - v[3] - v[4];
        out.push_back(t);
    }
    return out;
}
}  // namespace

static CpuTimes sum(const std::vector<CpuTimes>& cpus) {
    CpuTimes t;
    for (const auto& c : cpus) {
        t.busy += c.busy;
        t.total += c.total;
    }
    return t;
}

struct CpuSampler::Impl {
    double bin_ms;
    size_t cpus = 0;
    CpuTimes first, last;
    bool have_totals = false;
    mutable std::mutex mu;
    std::condition_variable cv;
    bool running = false;
    std::thread th;
    std::vector<std::vector<float>> series;
};

CpuSampler::CpuSampler(double bin_ms) : impl_(new Impl{}) {
    impl_->bin_ms = bin_ms;
}

CpuSampler::~CpuSampler() {
    stop();
    delete impl_;
}

bool CpuSampler::available() {
#ifdef __EMSCRIPTEN__
    // No /proc/stat in the browser, and asking costs a wait: Emscripten 3.1.6 runs a thread's
    // file system calls on the page's main thread, so the run's controller (which starts the
    // sampler before MainThread) waited for the page's next free moment: a frame, or seconds
    // of a busy page (issue #8 item 8).
    return false;
#else
    std::ifstream f("/proc/stat");
    return f.good();
#endif
}

void CpuSampler::start() {
    std::lock_guard<std::mutex> g(impl_->mu);
    if (impl_->running || !available()) return;
    impl_->running = true;
    impl_->have_totals = false;
    const auto first = read_proc_stat();
    impl_->cpus = first.size();
    impl_->first = sum(first);
    impl_->th = std::thread([im = impl_] {
        auto prev = read_proc_stat();
        std::unique_lock<std::mutex> lk(im->mu);
        im->series.assign(prev.size(), {});
        while (im->running) {
            im->cv.wait_for(lk, std::chrono::duration<double, std::milli>(im->bin_ms));
            if (!im->running) break;
            lk.unlock();
            auto cur = read_proc_stat();
            lk.lock();
            for (size_t i = 0; i < cur.size() && i < prev.size() && i < im->series.size(); ++i) {
                uint64_t dt = cur[i].total - prev[i].total, db = cur[i].busy - prev[i].busy;
                im->series[i].push_back(dt ? static_cast<float>(double(db) / double(dt)) : 0.f);
            }
            prev = std::move(cur);
        }
    });
}

void CpuSampler::stop() {
    {
        std::lock_guard<std::mutex> g(impl_->mu);
        if (!impl_->running) return;
        impl_->running = false;
    }
    impl_->cv.notify_all();
    if (impl_->th.joinable()) impl_->th.join();
    const auto last = read_proc_stat();
    std::lock_guard<std::mutex> g(impl_->mu);
    impl_->last = sum(last);
    impl_->have_totals = last.size() == impl_->cpus && impl_->cpus > 0;
}

bool CpuSampler::totals(double* busy_cpu_s, double* elapsed_s) const {
    std::lock_guard<std::mutex> g(impl_->mu);
    if (!impl_->have_totals || impl_->last.total <= impl_->first.total) return false;
    const double hz = static_cast<double>(sysconf(_SC_CLK_TCK));
    if (hz <= 0) return false;
    *busy_cpu_s = static_cast<double>(impl_->last.busy - impl_->first.busy) / hz;
    *elapsed_s = static_cast<double>(impl_->last.total - impl_->first.total) / hz /
                 static_cast<double>(impl_->cpus);
    return true;
}

std::vector<std::vector<float>> CpuSampler::series() const {
    std::lock_guard<std::mutex> g(impl_->mu);
    return impl_->series;
}

}  // namespace interleave::engine
