// Kept edits across reloads and restarts (see draft_store.hpp): the stored text's codec, and
// the Playground's reading of it at start and writing of it after each frame that changed a
// kept text.
#include "ui/draft_store.hpp"

#include <charconv>

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
            break;
        }
        const std::string_view text = s.substr(body, n);
        at = body + n + 1;
        const std::string name(id);
        size_t replaced = 0;
        if (n <= kMaxDraftBytes) utf8::sanitize(text, &replaced);
        if (!known(id))
            d.notices.push_back("A kept edit of '" + name + "', not a sample here: ignored");
        else if (n > kMaxDraftBytes)
            d.notices.push_back("The kept edit of '" + name + "' is over 1 MB: ignored");
        else if (replaced > 0 || text.find('\0') != std::string_view::npos)
            d.notices.push_back("The kept edit of '" + name + "' is not valid text: ignored");
        else
            d.drafts[name] = std::string(text);
    }
    return d;
}

void Playground::restore_drafts() {
    if (!hooks.load_drafts) return;
    const std::string stored = hooks.load_drafts();
    DecodedDrafts d = decode_drafts(
        stored, [](std::string_view id) { return samples::find_sample(id) != nullptr; });
    drafts = std::move(d.drafts);
    drafts_notices_ = std::move(d.notices);
    // Read whole: the same text is not written back. Partly read: the next write mends it.
    stored_drafts_ = drafts_notices_.empty() ? stored : std::string("?");
    drafts_stored_ = true;
}

bool Playground::store_drafts() {
    if (!hooks.save_drafts) return false;
    for (const std::string& n : drafts_notices_) flash(n, 10);  // the first frame's
    drafts_notices_.clear();
    const uint64_t version = editor.model().version();
    if (version == drafts_version_ && file_path == drafts_file_) return drafts_stored_;
    drafts_version_ = version;
    drafts_file_ = file_path;
    // The shown sample's text is kept while it is an edit no file holds (an open file's text
    // is the file's; the sample's own edit is in `drafts` then).
    std::map<std::string, std::string> kept = drafts;
    if (file_path.empty()) {
        if (code_edited())
            kept[current().id] = editor.text();
        else
            kept.erase(current().id);
    }
    std::string text = encode_drafts(kept);
    if (text == stored_drafts_) return drafts_stored_ = true;
    const std::string err = hooks.save_drafts(text);
    if (err.empty()) {
        stored_drafts_ = std::move(text);
        drafts_stored_ = true;
    } else {
        if (drafts_stored_) flash("Your edits are not kept for next time: " + err, 10);
        drafts_stored_ = false;
    }
    return drafts_stored_;
}

}  // namespace interleave::ui
