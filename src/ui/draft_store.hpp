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
// Format, version 1 (readable and mendable in a text editor; byte counts make it exact):
//   interleave-drafts 1\n
//   then per sample, sorted by id: <sample id> <bytes>\n<text, exactly that many bytes>\n
//
// Pure functions: no ImGui, no I/O; any thread. Cost O(total bytes).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
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

}  // namespace interleave::ui
