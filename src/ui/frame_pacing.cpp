// Frame pacing (see frame_pacing.hpp).
#include "ui/frame_pacing.hpp"

#include <algorithm>
#include <cstring>

namespace interleave::ui {

void FramePacer::wake(double now_s) {
    busy_until_s_ = std::max(busy_until_s_, now_s + kBusyS);
    busy_frames_ = kBusyFrames;
}

double FramePacer::after_frame(double now_s, const Frame& f) {
    const bool changed = f.fingerprint == 0 || f.fingerprint != last_fingerprint_;
    last_fingerprint_ = f.fingerprint;
    if (busy_frames_ > 0) --busy_frames_;
    // A frame built but not drawn (the GPU was behind, or a run's skipped frame) is owed.
    const bool owed = needs_draw(f.fingerprint);
    if (f.live || changed || owed || busy(now_s)) return now_s;
    return now_s + std::clamp(f.next_change_s, 0.0, kIdlePeriodS);
}

uint64_t fingerprint_bytes(uint64_t h, const void* data, std::size_t size) {
    // FNV-1a's idea on 8-byte words with a 64-bit multiply-xorshift mix: fast enough for a
    // frame's vertices (~1 MB) in well under a millisecond.
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const auto* p = static_cast<const unsigned char*>(data);
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    }
    uint64_t tail = 0;
    std::memcpy(&tail, p + i, size - i);
    h = (h ^ tail ^ (uint64_t(size) << 56)) * kMul;
    h ^= h >> 32;
    return h;
}

}  // namespace interleave::ui
