// Glyphs past DejaVu, added to the atlas as used (see fallback_glyphs.hpp).
#include "ui/fallback_glyphs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "ui/editor/utf8.hpp"

namespace interleave::ui {

const char* FallbackGlyphs::file_name(int file) {
    static const char* const kNames[kFiles] = {"DroidSansFallbackFull.ttf", "Eunjin.ttf",
                                               "Symbola_hint.ttf"};
    return file >= 0 && file < kFiles ? kNames[file] : "";
}

int FallbackGlyphs::file_for(uint32_t cp) {
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
        (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7FF))
        return hangul;
    // Punctuation, arrows, maths, technical, dingbats, pictographs and emoji.
    if ((cp >= 0x2000 && cp <= 0x2BFF) || cp >= 0x1D000) return symbols;
    return cjk;  // CJK, kana, and whatever else: Droid Sans Fallback covers many scripts
}

bool FallbackGlyphs::is_emoji(uint32_t cp) {
    return utf8::cell_width(cp) == 2 && file_for(cp) == symbols;
}

void FallbackGlyphs::file_loaded(int file, std::vector<unsigned char> bytes) {
    if (file < 0 || file >= kFiles) return;
    state_[file] = bytes.empty() ? State::failed : State::ready;
    data_[file] = std::move(bytes);
    // A rebuild draws what was missing; after a failure, it finds what still is (and the
    // other files are asked for).
    pending_ = true;
}

void FallbackGlyphs::note(const ImFont* font, std::string_view s) {
    if (!font) return;
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {  // ASCII: always in the atlas
            ++i;
            continue;
        }
        const uint32_t cp = utf8::decode(s, i);
        i += static_cast<size_t>(std::max(1, utf8::char_len(s, i)));
        if (cp > IM_UNICODE_CODEPOINT_MAX || cp == 0xFFFD) continue;
        if (font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) continue;
        if (seen_.insert(cp).second) {
            order_.push_back(cp);
            pending_ = true;
            needed_[file_for(cp)] = true;
        }
    }
}

bool FallbackGlyphs::update(double now_s) {
    if (!pending_ || !load_) return false;
    for (int f = 0; f < kFiles; ++f) {
        if (!needed_[f] || state_[f] != State::unused) continue;
        state_[f] = State::loading;
        load_(f, file_name(f));  // may answer at once (desktop)
    }
    for (const State st : state_)
        if (st == State::loading) return false;  // wait for it: one rebuild, not two
    return now_s - last_build_s_ >= kDebounceS;
}

bool FallbackGlyphs::rebuild_waiting() const {
    if (!pending_ || !load_) return false;
    bool loading = false;
    for (int f = 0; f < kFiles; ++f) {
        if (needed_[f] && state_[f] == State::unused) return true;  // asked at the next update()
        loading = loading || state_[f] == State::loading;
    }
    return !loading;
}

namespace {

uint32_t be(const unsigned char* p, int n) {
    uint32_t v = 0;
    for (int i = 0; i < n; ++i) v = v << 8 | p[i];
    return v;
}

}  // namespace

double FallbackGlyphs::em_height_ratio(const unsigned char* ttf, size_t size) {
    // ImGui sizes a font by its hhea ascent - descent (stb_truetype's ScaleForPixelHeight);
    // fonts differ in how much of that is the em, so the same px gives different glyph sizes.
    if (!ttf || size < 12) return 0;
    const uint32_t tables = be(ttf + 4, 2);
    double upem = 0, asc = 0, desc = 0;
    for (uint32_t t = 0; t < tables && 12 + 16 * (t + 1) <= size; ++t) {
        const unsigned char* rec = ttf + 12 + 16 * t;
        const uint32_t off = be(rec + 8, 4);
        if (std::memcmp(rec, "head", 4) == 0 && off + 20 <= size) upem = be(ttf + off + 18, 2);
        if (std::memcmp(rec, "hhea", 4) == 0 && off + 8 <= size) {
            asc = static_cast<int16_t>(be(ttf + off + 4, 2));
            desc = static_cast<int16_t>(be(ttf + off + 6, 2));
        }
    }
    return upem > 0 && asc - desc > 0 ? (asc - desc) / upem : 0;
}

void FallbackGlyphs::merge_into_last_font(float px, const unsigned char* base_ttf,
                                          size_t base_size) {
    // The added glyphs get the base font's em: px is the base's ascent - descent.
    const double base_ratio = em_height_ratio(base_ttf, base_size);
    // Budget per merge: the UI and the code font both take the glyphs (one horizontal sample
    // each: ~px x px per character, twice that for a wide one).
    const double per_glyph = std::max(1.0, static_cast<double>(px + 2) * (px + 2));
    const size_t cap = static_cast<size_t>(kAtlasBudgetPx / 2 / per_glyph);
    const size_t take = std::min(cap, order_.size());
    dropped_ = order_.size() - take;
    std::vector<ImWchar> wide, narrow;  // kept apart only to keep the ranges short
    std::vector<uint32_t> cps(order_.begin(), order_.begin() + static_cast<long>(take));
    std::sort(cps.begin(), cps.end());
    for (const uint32_t cp : cps) {
        auto& r = utf8::cell_width(cp) == 2 ? wide : narrow;
        if (!r.empty() && r.back() + 1u == cp) {
            r.back() = static_cast<ImWchar>(cp);  // extends the last range
        } else {
            r.push_back(static_cast<ImWchar>(cp));
            r.push_back(static_cast<ImWchar>(cp));
        }
    }
    for (int f = 0; f < kFiles; ++f) {
        if (state_[f] != State::ready) continue;
        for (const auto* set : {&narrow, &wide}) {
            const auto& r = *set;
            if (r.empty()) continue;
            ranges_.emplace_back(r);
            ranges_.back().push_back(0);
            ImFontConfig cfg;
            cfg.MergeMode = true;
            cfg.FontDataOwnedByAtlas = false;  // data_ outlives the atlas's use of it
            cfg.OversampleH = 1;
            cfg.OversampleV = 1;
            cfg.PixelSnapH = true;
            const double ratio = em_height_ratio(data_[f].data(), data_[f].size());
            float size = base_ratio > 0 && ratio > 0 ? std::round(px / base_ratio * ratio) : px;
            // Emoji fill their two cells (built() centres them on the line).
            if (f == symbols && set == &wide) size = std::round(size * kEmojiScale);
            ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data_[f].data(),
                                                       static_cast<int>(data_[f].size()), size,
                                                       &cfg, ranges_.back().data());
        }
    }
}

void FallbackGlyphs::built(ImFont* mono, double now_s) {
    ++rebuilds_;
    last_build_s_ = now_s;
    pending_ = false;
    // In the code font every added glyph gets exactly its cells' advance, centred in them, so
    // the editor's columns (TextModel::cells) and what is drawn agree.
    const ImFontGlyph* m = mono ? mono->FindGlyphNoFallback('M') : nullptr;
    if (m && m->AdvanceX > 0) {
        const float cell_w = m->AdvanceX;
        bool changed = false;
        for (ImFontGlyph& g : mono->Glyphs) {
            if (!seen_.count(g.Codepoint)) continue;
            const float w = cell_w * static_cast<float>(utf8::cell_width(g.Codepoint));
            const float dx = std::floor((w - g.AdvanceX) * 0.5f);
            g.X0 += dx;
            g.X1 += dx;
            g.AdvanceX = w;
            changed = true;
        }
        if (changed) mono->BuildLookupTable();
    }
    // Emoji, drawn larger, sit centred on the line, and Symbola's hairlines are thickened.
    ImFontAtlas* fonts = ImGui::GetIO().Fonts;
    for (ImFont* font : fonts->Fonts) {
        for (ImFontGlyph& g : font->Glyphs) {
            if (!seen_.count(g.Codepoint) || !is_emoji(g.Codepoint)) continue;
            const float dy = std::round(font->FontSize * 0.5f - (g.Y0 + g.Y1) * 0.5f);
            g.Y0 += dy;
            g.Y1 += dy;
            embolden(g);
        }
    }
    missing_.clear();
    for (const uint32_t cp : order_)
        if (!mono || !mono->FindGlyphNoFallback(static_cast<ImWchar>(cp))) missing_.push_back(cp);
    // Still missing: the files not tried yet may have them (the next update() asks for them).
    if (!missing_.empty()) {
        for (int f = 0; f < kFiles; ++f)
            if (state_[f] == State::unused) needed_[f] = pending_ = true;
    }
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas_w_ = atlas->TexWidth;
    atlas_h_ = atlas->TexHeight;
}

void FallbackGlyphs::embolden(const ImFontGlyph& g) {
    // In the atlas's alpha texture (the backend converts and uploads it after the build): each
    // pixel takes the larger of itself and 3/5 of its left neighbour (strokes about a pixel
    // wider, not smeared), and partly covered pixels are darkened (a^0.7), so a one-colour
    // outline reads at 15 px.
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* px = atlas->TexPixelsAlpha8;
    if (!px || atlas->TexPixelsRGBA32) return;  // already converted: left as built
    const int w = atlas->TexWidth, h = atlas->TexHeight;
    const int x0 = static_cast<int>(std::lround(g.U0 * static_cast<float>(w)));
    const int x1 = static_cast<int>(std::lround(g.U1 * static_cast<float>(w)));
    const int y0 = static_cast<int>(std::lround(g.V0 * static_cast<float>(h)));
    const int y1 = static_cast<int>(std::lround(g.V1 * static_cast<float>(h)));
    if (x0 < 0 || y0 < 0 || x1 > w || y1 > h) return;
    for (int y = y0; y < y1; ++y) {
        unsigned char* row = px + static_cast<size_t>(y) * static_cast<size_t>(w);
        for (int x = x1 - 1; x >= x0; --x) {
            const int a = std::max<int>(row[x], x > x0 ? row[x - 1] * 3 / 5 : 0);
            row[x] = static_cast<unsigned char>(std::lround(255.0 * std::pow(a / 255.0, 0.7)));
        }
    }
}

void FallbackGlyphs::note_build_time(double ms) {
    last_build_ms_ = ms;
}

std::string FallbackGlyphs::json() const {
    static const char* const kState[] = {"unused", "loading", "ready", "failed"};
    std::string out = "{\"seen\":" + std::to_string(order_.size()) +
                      ",\"drawn\":" + std::to_string(order_.size() - missing_.size()) +
                      ",\"missing\":[";
    for (size_t i = 0; i < missing_.size(); ++i)
        out += (i ? "," : "") + std::to_string(missing_[i]);
    out += "],\"dropped\":" + std::to_string(dropped_) + ",\"files\":[";
    for (int f = 0; f < kFiles; ++f)
        out += std::string(f ? "," : "") + "\"" + kState[static_cast<int>(state_[f])] + "\"";
    char tail[160];
    std::snprintf(tail, sizeof tail,
                  "],\"rebuilds\":%d,\"pending\":%s,\"atlas\":[%d,%d],\"last_build_ms\":%.2f}",
                  rebuilds_, pending_ ? "true" : "false", atlas_w_, atlas_h_, last_build_ms_);
    return out + tail;
}

FallbackGlyphs& fallback_glyphs() {
    static FallbackGlyphs instance;
    return instance;
}

}  // namespace interleave::ui
