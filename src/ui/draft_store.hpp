// Interleave UI — kept edits across reloads and restarts: the edited texts of samples (the
// gallery's "edited" ones; the user's own "Untitled" program is the edited text of the sample
// it was typed or pasted over) as one stored text, which the platform keeps (web:
// localStorage; desktop: a file under $XDG_STATE_HOME; PlatformHooks::load_drafts and
// save_drafts). The Playground reads it at start, and writes it when a kept text changes:
// only the samples this instance changed, merged into what is stored just then (another tab's
// or instance's edits and records this version cannot take in stay); stored data it cannot
// read in full is set aside unchanged first (Playground::restore_drafts / store_drafts,
// draft_store.cpp).
//
// Two tabs of the site (web) see each other's kept edits as they are stored: another tab's
// write reaches this one through PlatformHooks::watch_drafts (localStorage's `storage` event)
// and is taken in at the next frame (Playground::take_other_drafts, merge_other_drafts below):
// a sample this tab has not changed since it last read or wrote the store takes the other
// tab's text (or loses its mark) silently; the sample shown in the editor never has its text
// replaced under the cursor: the other tab's text is held and said once, picking the sample
// again loads it (this tab's text stays in Undo), editing on stores this tab's text over it
// (the other tab, if it shows the sample, holds that in turn: each editor keeps its text, the
// store the last one stored), and leaving the sample unchanged takes it (the text this tab had
// is one Undo away when the sample is shown again). The desktop has no such event: another
// instance's edits are seen at its next start (and never lost: each writes only what it changed).
// Not covered: two tabs whose writes cross within the browser's propagation delay between its
// processes (milliseconds; one person cannot type in two tabs at once) may each have read the
// store before the other's write, and the later write then drops the earlier one's change.
//
// Format, version 1 (readable and mendable in a text editor; byte counts make it exact):
//   interleave-drafts 1\n
//   then per sample, sorted by id: <sample id> <bytes>\n<text, exactly that many bytes>\n
//
// Pure functions: no ImGui, no I/O; any thread. Cost O(total bytes).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace interleave::ui {

// The longest text kept per sample: as the desktop editor's largest file (file_menu.cpp).
constexpr size_t kMaxDraftBytes = 1 << 20;

// sample id -> text. Ids are the catalog's (letters, digits, '_'); texts valid UTF-8.
std::string encode_drafts(const std::map<std::string, std::string>& drafts);

struct DecodedDrafts {
    std::map<std::string, std::string> drafts;  // what the app takes in
    // Every record read, as stored: those of samples this version lacks, over kMaxDraftBytes or
    // not valid text too, so that a write passes them through unchanged.
    std::map<std::string, std::string> records;
    // Everything stored was read as records: no other format, no damage. False: a write would
    // lose what could not be read, so it is set aside first (Playground::store_drafts).
    bool whole = true;
    // A record of a known sample was refused (over kMaxDraftBytes, not valid text): the app
    // would replace it at the sample's next edit, so the stored text is set aside first too.
    bool refused = false;
    // What was ignored and why, one line each for the status bar ("...: ignored"). Empty when
    // everything was read (or nothing was stored).
    std::vector<std::string> notices;
};
// Total: never throws. "" (nothing stored) gives nothing. A text of an unknown sample
// (`known` says no), over kMaxDraftBytes or not valid UTF-8 is left out of `drafts` (not of
// `records`); a damaged header or record ends the reading there (what came before it is kept).
// Each is said in `notices`.
DecodedDrafts decode_drafts(std::string_view stored,
                            const std::function<bool(std::string_view id)>& known);

// Another tab's kept text of the sample this tab shows, not taken in: the user's text stays
// under the cursor until they choose (Playground::take_other_drafts).
struct HeldDraft {
    std::optional<std::string> text;  // the other tab's text; nullopt: it reset the sample
    bool replaced = false;            // this tab has since stored its own text over it
};

struct DraftMerge {
    std::vector<std::string> taken;  // kept texts (and gallery marks) now the other tab's
    std::vector<std::string> held;   // the shown sample, newly held: to be said once
    // Samples this tab changed and could not store yet (a failed write): its text stays and
    // is written over the other tab's at its next write.
    std::vector<std::string> ours;
};

// Takes what the store holds now (`stored`: its records of known samples, as decode_drafts'
// `drafts`) into this instance's kept texts. `base`: what the store held for each sample when
// this instance last read or wrote it (updated for what is taken); `drafts`: this instance's
// kept texts of samples not shown; `shown`: the sample in the editor ("" when a file is) and
// `shown_text` its kept text (nullopt: not edited); `unreadable`: samples whose stored record
// could not be taken in (left alone). A sample whose stored text is its base has not changed
// elsewhere; one whose text here already equals the stored one only moves its base. The shown
// sample is held (`held`), never replaced. Pure; O(samples + bytes compared).
DraftMerge merge_other_drafts(const std::map<std::string, std::string>& stored,
                              const std::set<std::string>& unreadable, const std::string& shown,
                              const std::optional<std::string>& shown_text,
                              std::map<std::string, std::string>& drafts,
                              std::map<std::string, std::string>& base,
                              std::map<std::string, HeldDraft>& held);

// The shown sample `id` is left for another one, its kept text already in `drafts` (absent: not
// edited). A held text of it is taken when this tab's kept text is still its base (nothing
// changed here since the store was read or written), else dropped: this tab's own text was
// stored over it, as the status bar said. Returns whether it was taken.
bool leave_held_draft(const std::string& id, std::map<std::string, std::string>& drafts,
                      std::map<std::string, std::string>& base,
                      std::map<std::string, HeldDraft>& held);

}  // namespace interleave::ui
