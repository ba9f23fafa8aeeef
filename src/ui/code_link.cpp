// The program in share links (issue #10 item 6) and the title: packing the editor's text for
// `code=` (synchronously on the desktop, through the page's asynchronous CompressionStream on
// the web), keeping the page's fragment current while the user types, and the title.
#include "samples/code_codec.hpp"
#include "ui/playground.hpp"

namespace interleave::ui {

std::string Playground::code_payload(const std::string& text) const {
    if (text == packed_.text && !packed_.payload.empty()) return packed_.payload;
    if (hooks.pack_code) {
        packed_ = {text, hooks.pack_code(text)};
        return packed_.payload;
    }
    // The web's compressed form is not back yet: stored blocks hold the same text (any inflater
    // reads them), so a link asked for now never lacks its code.
    return samples::pack_code_stored(text);
}

samples::CodeCodec Playground::link_codec() const {
    samples::CodeCodec c;
    c.pack = [this](std::string_view text) { return code_payload(std::string(text)); };
    c.unpack = hooks.unpack_code;
    return c;
}

void Playground::poll_code_link() {
    const uint64_t version = editor.model().version();
    const bool edited = code_edited();
    // Web: keep one compression in flight for the newest text; the fragment follows when it
    // lands (code_packed), so the address bar never shows an uncompressed link while typing.
    if (hooks.pack_code_async && version != link_version_) {
        link_version_ = version;
        if (!edited) {
            linked_version_ = version;
            if (hooks.link_changed && link() != last_link) {
                last_link = link();
                hooks.link_changed(last_link);
            }
        } else if (pack_id_ == 0) {
            std::string text = editor.text();
            if (text != packed_.text) {
                pack_request_ = std::move(text);
                pack_id_ = ++pack_seq_;
                hooks.pack_code_async(pack_request_, pack_id_);
            } else {
                linked_version_ = version;
                if (hooks.link_changed && link() != last_link) {
                    last_link = link();
                    hooks.link_changed(last_link);
                }
            }
        } else {
            link_version_ = ~0ull;  // a request is in flight: look again when it lands
        }
    }
    // A reload loads the fragment: what it does not carry would be lost: other samples' kept
    // edits unless they are stored (store_drafts, written after each frame), a text of this
    // tab another tab stored its own over (closing the tab loses the fragment too), and the
    // text until its link is written (a link over 64 KiB loads only its first 64 KiB:
    // samples::decode_link).
    const bool others_kept =
        (drafts.size() > drafts.count(current().id) && !(hooks.save_drafts && drafts_stored_)) ||
        !too_large_.empty() || own_text_only_here();
    const bool would_lose =
        others_kept ||
        (edited && (linked_version_ != version || last_link.size() > samples::kMaxFragmentBytes));
    if (hooks.leave_warning && would_lose != leave_warned_) {
        leave_warned_ = would_lose;
        hooks.leave_warning(would_lose);
    }
    const std::string title = std::string(edited ? "Untitled" : current().title) + " — Interleave";
    if (title != title_) {
        title_ = title;
        if (hooks.title_changed) hooks.title_changed(title_);
    }
}

void Playground::code_packed(int id, std::string payload) {
    if (id != pack_id_) return;
    pack_id_ = 0;
    packed_ = {std::move(pack_request_), std::move(payload)};
    pack_request_.clear();
    link_version_ = ~0ull;  // poll_code_link: the link with it, or the next request
}

}  // namespace interleave::ui
