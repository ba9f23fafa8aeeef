// The program in share links (issue #10 item 6) and the title: the link of what is shown,
// loading a link, packing the editor's text for `code=` (synchronously on the desktop, through
// the page's asynchronous CompressionStream on the web), keeping the page's fragment current
// while the user types, and the title.
#include <optional>
#include <utility>

#include "samples/code_codec.hpp"
#include "samples/report.hpp"  // json_string
#include "samples/share_link.hpp"
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

void Playground::link_changed() {
    const std::string l = link();
    if (l != last_link) {
        last_link = l;
        if (hooks.link_changed) hooks.link_changed(l);
    }
}

std::string Playground::link(bool with_run, std::optional<double> t_ms) const {
    samples::LinkState st;
    st.sample = current().id;
    st.knobs = knobs;
    st.run = with_run;
    st.t_ms = t_ms;
    if (code_edited()) st.code = editor.text();
    const samples::CodeCodec codec = link_codec();
    return samples::encode_link(st, &codec);
}

std::string Playground::load_link(std::string_view fragment) {
    // The link's own payload is the packed form of its code: the fragment written after the
    // load carries it as it came, with no compression to wait for.
    samples::CodeCodec codec = link_codec();
    std::optional<Packed> link_packed;
    codec.unpack = [&link_packed, unpack = std::move(codec.unpack)](std::string_view payload,
                                                                    std::string* why) {
        std::optional<std::string> text =
            unpack ? unpack(payload, why) : std::optional<std::string>();
        if (text) link_packed = Packed{*text, std::string(payload)};
        return text;
    };
    const samples::DecodedLink d = samples::decode_link(fragment, &codec);
    // The address bar is written once, when the link is loaded: each step's link (the new
    // knobs beside the old code) would be a page a reload opens instead (CI: a reload just
    // after opening a link over a kept edit loaded the edit).
    auto notify = std::exchange(hooks.link_changed, nullptr);
    if (link_packed && d.state.code && link_packed->text == *d.state.code) {
        packed_ = std::move(*link_packed);
        pack_id_ = 0;  // an answer still in flight is for text no longer shown
    }
    const auto& cat = samples::catalog();
    for (size_t i = 0; i < cat.size(); ++i)
        if (cat[i].id == d.state.sample && static_cast<int>(i) != sample)
            select_sample(static_cast<int>(i));  // keeps the text being left as a draft
    run_all_queue.clear();
    knobs = d.state.knobs;
    knobs_changed();
    link_notices = d.notices;
    if (d.state.code && *d.state.code != editor.text()) {
        // The sample's kept edit stays kept (and stored): the link's code replaces it only once
        // the user changes that code (store_drafts, select_sample).
        const bool over_edit = file_path.empty() && code_edited();
        if (over_edit) drafts[current().id] = editor.text();
        auto& m = editor.model();  // one undo step, as an edit: Ctrl+Z shows the sample's text
        m.select_all();
        m.paste(*d.state.code);
        m.set_cursor({0, 0});
        link_over_edit_version_ = over_edit ? m.version() : ~0ull;
        if (over_edit)
            link_notices.push_back("This is the link's code; your kept edit of " + current().title +
                                   " is still kept: Undo (Ctrl+Z) brings it back");
    }
    // A link without code= means the sample's own text; a kept edit of it (from before, maybe
    // from an earlier visit: draft_store.hpp) is shown instead, and said.
    if (!d.state.code && file_path.empty() && code_edited() && drafts.count(current().id))
        link_notices.push_back(current().title +
                               " shows your edit kept from before; Reset shows the sample's text");
    link_moment_ms = d.state.t_ms;  // shown once the next run has finished
    hooks.link_changed = std::move(notify);
    link_changed();
    if (d.state.run) start_run();
    std::string j = "[";
    for (size_t i = 0; i < d.notices.size(); ++i)
        j += (i ? "," : "") + samples::json_string(d.notices[i]);
    return j + "]";
}

}  // namespace interleave::ui
