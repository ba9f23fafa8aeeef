// Kept edits across reloads and restarts (see draft_store.hpp): the stored text's codec, and
// the Playground's reading of it at start and writing of it after each frame that changed a
// kept text.
#include "ui/draft_store.hpp"

#include <charconv>
#include <optional>
#include <set>
#include <utility>

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
std::optional<std::string> find_text(const std::map<std::string, std::string>& m,
                                     const std::string& id) {
    const auto it = m.find(id);
    return it == m.end() ? std::nullopt : std::optional<std::string>(it->second);
}
void set_text(std::map<std::string, std::string>& m, const std::string& id,
              const std::optional<std::string>& text) {
    if (text)
        m[id] = *text;
    else
        m.erase(id);
}
}  // namespace

DraftMerge merge_other_drafts(const std::map<std::string, std::string>& stored,
                              const std::set<std::string>& unreadable, const std::string& shown,
                              const std::optional<std::string>& shown_text,
                              std::map<std::string, std::string>& drafts,
                              std::map<std::string, std::string>& base,
                              std::map<std::string, HeldDraft>& held) {
    DraftMerge out;
    std::set<std::string> ids;
    for (const auto& [id, text] : stored) ids.insert(id);
    for (const auto& [id, text] : base) ids.insert(id);
    // A held text belongs to the shown sample only (a file opened over it: it is not shown).
    for (auto it = held.begin(); it != held.end();)
        it = it->first == shown ? std::next(it) : held.erase(it);
    for (const std::string& id : ids) {
        if (unreadable.count(id)) continue;
        const std::optional<std::string> theirs = find_text(stored, id), was = find_text(base, id);
        const bool is_shown = id == shown;
        const std::optional<std::string> mine = is_shown ? shown_text : find_text(drafts, id);
        if (theirs == was) {
            // Unchanged elsewhere since this tab's read or write; a held text the other tab
            // has since taken back (Undo, Reset there) is no longer news, unless this tab
            // stored its own over it (then the held one is the only copy: kept to load).
            const auto h = held.find(id);
            if (h != held.end() && !h->second.replaced) held.erase(h);
            continue;
        }
        if (theirs == mine) {  // the same text on both sides: nothing to choose
            set_text(base, id, theirs);
            held.erase(id);
            continue;
        }
        if (is_shown) {
            const auto [h, fresh] = held.try_emplace(id);
            if (fresh || h->second.replaced) out.held.push_back(id);
            h->second = HeldDraft{theirs, false};
            continue;
        }
        if (mine == was) {  // not changed here since: the other tab's is the newer text
            set_text(drafts, id, theirs);
            set_text(base, id, theirs);
            out.taken.push_back(id);
        } else {
            out.ours.push_back(id);
        }
    }
    return out;
}

bool leave_held_draft(const std::string& id, std::map<std::string, std::string>& drafts,
                      std::map<std::string, std::string>& base,
                      std::map<std::string, HeldDraft>& held) {
    const auto h = held.find(id);
    if (h == held.end()) return false;
    const bool take = !h->second.replaced && find_text(drafts, id) == find_text(base, id);
    if (take) {
        set_text(drafts, id, h->second.text);
        set_text(base, id, h->second.text);
    }
    held.erase(h);
    return take;
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
    if (hooks.watch_drafts) hooks.watch_drafts([this] { drafts_elsewhere_ = true; });
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
        for (const auto& [id, text] : changed) {
            if (text)
                drafts_base_[id] = *text;
            else
                drafts_base_.erase(id);
            // Another tab's text held for the shown sample is no longer stored: this tab's is
            // (the user edited on, as the status bar said it would); it stays to be loaded.
            if (const auto h = held_drafts_.find(id); h != held_drafts_.end())
                h->second.replaced = true;
        }
        write_ok_ = true;
    } else {
        if (write_ok_) flash("Your edits are not kept for next time: " + err, 10);
        write_ok_ = false;
        drafts_version_ = ~0ull;  // tried again after the next change
    }
    return drafts_stored_ = write_ok_ && too_large_.empty();
}

void Playground::take_other_drafts() {
    if (!std::exchange(drafts_elsewhere_, false) || drafts_blocked_ || !hooks.load_drafts) return;
    StoreNow now = read_store(hooks, drafts_store_text_, drafts_store_records_);
    // Unreadable now: nothing is taken; the next write sets it aside first (store_drafts).
    if (now.aside || now.text == drafts_store_text_) return;
    std::set<std::string> unreadable;
    for (const auto& [id, text] : now.d.records)
        if (!now.d.drafts.count(id)) unreadable.insert(id);
    const std::string shown = file_path.empty() ? current().id : "";
    const DraftMerge m = merge_other_drafts(now.d.drafts, unreadable, shown, shown_kept_text(),
                                            drafts, drafts_base_, held_drafts_);
    drafts_store_text_ = std::move(now.text);
    drafts_store_records_ = std::move(now.d.records);
    for (const std::string& id : m.held) {  // the shown sample's: said once
        const bool edited = held_drafts_.at(id).text.has_value();
        flash(current().title + (edited ? " was edited" : " was reset") +
                  " in another tab; yours stays here. Pick it again to " +
                  (edited ? "load that edit" : "show the sample's text") + " (" +
                  undo_words("Undo") + " brings yours back)",
              15);
    }
    for (const std::string& id : m.ours)
        flash(samples::find_sample(id)->title +
                  " was edited in another tab too; this tab's edit, not stored yet, is kept",
              10);
}

std::optional<std::string> Playground::shown_kept_text() const {
    if (!file_path.empty()) return std::nullopt;
    if (editor.model().version() == link_over_edit_version_) {
        const auto d = drafts.find(current().id);
        return d != drafts.end() ? std::optional<std::string>(d->second) : std::nullopt;
    }
    return code_edited() ? std::optional<std::string>(editor.text()) : std::nullopt;
}

bool Playground::own_text_only_here() const {
    if (!left_own_.empty()) return true;
    if (!file_path.empty()) return false;
    const auto h = held_drafts_.find(current().id);
    // Replaced: this tab stored its text over the held one since, so the store has it.
    return h != held_drafts_.end() && !h->second.replaced && shown_kept_text() != h->second.text;
}

std::string Playground::undo_words(const char* words) const {
    // The plain textarea's own Ctrl+Z knows nothing of a text the app put in: the code
    // editor's history has it (one step, as an edit), reached with Plain text off.
    return plain_editor ? "the code editor's Undo (Plain text off, then Ctrl+Z)" : words;
}

bool Playground::other_tab_text_held() const {
    return file_path.empty() && held_drafts_.count(current().id) > 0;
}

void Playground::load_held_draft() {
    const auto h = held_drafts_.find(current().id);
    if (h == held_drafts_.end()) return;
    const std::string text = h->second.text
                                 ? *h->second.text
                                 : samples::program(current(), samples::defaults(current().knobs));
    // Still stored as it is held (this tab wrote nothing over it): the store needs no write.
    if (!h->second.replaced) {
        if (h->second.text)
            drafts_base_[h->first] = *h->second.text;
        else
            drafts_base_.erase(h->first);
    }
    held_drafts_.erase(h);
    if (text == editor.text()) return;
    auto& m = editor.model();  // one undo step, as an edit: Ctrl+Z brings this tab's text back
    m.select_all();
    m.paste(text);
    m.set_cursor({0, 0});
    sync_text_knobs();
    flash(current().title + ": the other tab's text; " + undo_words("Undo (Ctrl+Z)") +
              " brings yours back",
          8);
}

}  // namespace interleave::ui
