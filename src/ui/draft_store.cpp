// Kept edits across reloads and restarts (see draft_store.hpp): the stored text's codec, and
// the Playground's reading of it at start and writing of it after each frame that changed a
// kept text.
#include "ui/draft_store.hpp"

#include <charconv>
#include <optional>
#include <set>

#include "samples/catalog.hpp"
#include "ui/editor/utf8.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

namespace {
constexpr std::string_view kHeader = "interleave-drafts 1\n";

bool is_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}
}  // namespace

std::string encode_drafts(const std::map<std::string, std::string>& drafts) {
    if (drafts.empty()) return "";  // nothing kept: nothing stored
    std::string out(kHeader);
    for (const auto& [id, text] : drafts) {
        out += id + ' ' + std::to_string(text.size()) + '\n';
        out += text;
        out += '\n';
    }
    return out;
}

DecodedDrafts decode_drafts(std::string_view s,
                            const std::function<bool(std::string_view id)>& known) {
    DecodedDrafts d;
    if (s.empty()) return d;
    if (s.substr(0, kHeader.size()) != kHeader) {
        d.notices.push_back("Kept edits from before are in an unknown format: ignored");
        d.whole = false;
        return d;
    }
    size_t at = kHeader.size();
    while (at < s.size()) {
        const size_t eol = s.find('\n', at);
        const std::string_view line =
            s.substr(at, eol == std::string_view::npos ? std::string_view::npos : eol - at);
        const size_t space = line.find(' ');
        const std::string_view id = line.substr(0, space);
        const std::string_view count =
            space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
        size_t n = 0;
        const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
        const size_t body = eol == std::string_view::npos ? s.size() : eol + 1;
        if (eol == std::string_view::npos || !is_id(id) || count.empty() || ec != std::errc() ||
            end != count.data() + count.size() || n > s.size() - body || s.size() - body - n < 1 ||
            s[body + n] != '\n') {
            d.notices.push_back(
                "Kept edits from before are damaged: " +
                (d.drafts.empty() ? std::string("ignored")
                                  : std::to_string(d.drafts.size()) + " read, the rest ignored"));
            d.whole = false;
            break;
        }
        const std::string_view text = s.substr(body, n);
        at = body + n + 1;
        const std::string name(id);
        d.records[name] = std::string(text);
        size_t replaced = 0;
        if (n <= kMaxDraftBytes) utf8::sanitize(text, &replaced);
        if (!known(id))
            d.notices.push_back("A kept edit of '" + name +
                                "', a sample this version does not have: left in the store");
        else if (n > kMaxDraftBytes || replaced > 0 || text.find('\0') != std::string_view::npos) {
            d.notices.push_back("The kept edit of '" + name + "' is " +
                                (n > kMaxDraftBytes ? "over 1 MB" : "not valid text") +
                                ": ignored");
            d.refused = true;
        } else
            d.drafts[name] = std::string(text);
    }
    return d;
}

namespace {
// What the store holds now, read and decoded; `aside`: it cannot be written over without losing
// something the app could not take in (unreadable, damaged, another format, a refused record).
struct StoreNow {
    std::string text;  // as stored
    DecodedDrafts d;
    std::string error;  // why it could not be read
    bool aside = false;
};
// `last`: the store's text as this instance last read (whole) or wrote it, `last_records` its
// records. When the store still holds it (no other tab or instance wrote since: the usual case)
// it is not decoded again: decoding checks every text's UTF-8, 2.6 ms a MB natively, at each
// keystroke; comparing costs 0.05 ms.
StoreNow read_store(const PlatformHooks& hooks, const std::string& last,
                    const std::map<std::string, std::string>& last_records) {
    StoreNow s;
    s.text = hooks.load_drafts(&s.error);
    if (s.error.empty() && s.text == last) {
        s.d.records = last_records;
        return s;
    }
    s.d = decode_drafts(s.text,
                        [](std::string_view id) { return samples::find_sample(id) != nullptr; });
    if (!s.error.empty())
        s.d.notices.push_back("Kept edits from before cannot be read (" + s.error + ")");
    s.aside = !s.error.empty() || !s.d.whole || s.d.refused;
    return s;
}
std::string joined(const std::vector<std::string>& notices) {
    std::string out;
    for (const std::string& n : notices) out += (out.empty() ? "" : "; ") + n;
    return out;
}
}  // namespace

// Moves what is stored aside (hooks.set_aside_drafts) so that writing loses nothing of it;
// false (said) when it cannot be: then nothing is written. `why`: what was wrong with it.
bool Playground::set_drafts_aside(const std::string& why) {
    std::string err = "no way to keep it";
    const std::string where = hooks.set_aside_drafts ? hooks.set_aside_drafts(&err) : "";
    if (!where.empty()) {
        flash(why + "; moved unchanged to " + where, 12);
        return true;
    }
    flash(why + "; it is left as it is, so your edits are not kept for next time (" + err + ")",
          12);
    return false;
}

void Playground::restore_drafts() {
    if (!hooks.load_drafts) return;
    StoreNow s = read_store(hooks, "", {});
    if (!s.aside) {
        drafts_store_text_ = s.text;
        drafts_store_records_ = s.d.records;
    }
    drafts = s.d.drafts;
    drafts_base_ = std::move(s.d.drafts);
    drafts_notices_ = std::move(s.d.notices);
    drafts_aside_ = s.aside;
}

bool Playground::store_drafts() {
    if (!hooks.save_drafts) return false;
    // The first frame's: what could not be read at start, and where it is kept now. The store
    // is set aside before anything is written over it (the texts read are written back).
    if (drafts_aside_) {
        drafts_aside_ = false;
        drafts_blocked_ = !set_drafts_aside(joined(drafts_notices_));
        drafts_notices_.clear();
        if (!drafts_blocked_) drafts_base_.clear();  // the store is empty now
    }
    for (const std::string& n : drafts_notices_) flash(n, 10);
    drafts_notices_.clear();
    if (drafts_blocked_) return drafts_stored_ = false;
    const uint64_t version = editor.model().version();
    if (version == drafts_version_ && file_path == drafts_file_) return drafts_stored_;
    drafts_version_ = version;
    drafts_file_ = file_path;
    // The shown sample's text is kept while it is an edit no file holds (an open file's text
    // is the file's; the sample's own edit is in `drafts` then). A link's code shown over a
    // kept edit is not an edit until the user changes it (load_link).
    std::map<std::string, std::string> kept = drafts;
    if (file_path.empty() && version != link_over_edit_version_) {
        if (code_edited())
            kept[current().id] = editor.text();
        else
            kept.erase(current().id);
    }
    // Too large to keep: the store keeps what it had for them; leaving or quitting asks.
    std::set<std::string> too_large;
    for (auto it = kept.begin(); it != kept.end();) {
        if (it->second.size() > kMaxDraftBytes) {
            too_large.insert(it->first);
            if (!too_large_.count(it->first))
                flash(samples::find_sample(it->first)->title +
                          "'s edit is too large to keep for next time (over 1 MB): " +
                          (hooks.is_web ? "Copy code and keep it elsewhere" : "save it as a file"),
                      12);
            const auto b = drafts_base_.find(it->first);
            if (b == drafts_base_.end()) {
                it = kept.erase(it);
                continue;
            }
            it->second = b->second;
        }
        ++it;
    }
    too_large_ = std::move(too_large);
    // Only what this instance changed since it read or wrote the store is written, merged into
    // what the store holds now: another tab or instance's edits, and records this version
    // cannot take in, stay.
    std::map<std::string, std::optional<std::string>> changed;
    for (const auto& [id, text] : kept) {
        const auto b = drafts_base_.find(id);
        if (b == drafts_base_.end() || b->second != text) changed[id] = text;
    }
    for (const auto& [id, text] : drafts_base_)
        if (!kept.count(id)) changed[id] = std::nullopt;
    if (changed.empty()) return drafts_stored_ = write_ok_ && too_large_.empty();
    StoreNow now = read_store(hooks, drafts_store_text_, drafts_store_records_);
    if (now.aside) {
        if (!set_drafts_aside(joined(now.d.notices))) {
            drafts_blocked_ = true;
            return drafts_stored_ = false;
        }
        now.d.records.clear();
        for (const auto& [id, text] : kept) changed[id] = text;  // all of ours, into an empty store
    }
    std::map<std::string, std::string> records = std::move(now.d.records);
    for (const auto& [id, text] : changed)
        if (text)
            records[id] = *text;
        else
            records.erase(id);
    std::string text = encode_drafts(records);
    const std::string err = hooks.save_drafts(text);
    if (err.empty()) {
        drafts_store_text_ = std::move(text);
        drafts_store_records_ = std::move(records);
        for (const auto& [id, text] : changed)
            if (text)
                drafts_base_[id] = *text;
            else
                drafts_base_.erase(id);
        write_ok_ = true;
    } else {
        if (write_ok_) flash("Your edits are not kept for next time: " + err, 10);
        write_ok_ = false;
        drafts_version_ = ~0ull;  // tried again after the next change
    }
    return drafts_stored_ = write_ok_ && too_large_.empty();
}

}  // namespace interleave::ui
