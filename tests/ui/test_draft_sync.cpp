// Two tabs of the site see each other's kept edits as they are stored (draft_store.hpp):
// a sample this tab has not changed takes the other tab's text, or loses its mark, silently;
// the sample in the editor never has its text replaced under the cursor — the other tab's is
// held, said once, loaded by picking the sample again (this tab's in Undo), taken when the
// sample is left unchanged, and replaced in the store when this tab edits on. No interleaving
// of the two tabs' edits loses a typed text: each editor keeps its own, the store the last.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "samples/code_codec.hpp"
#include "ui/app_harness.hpp"
#include "ui/draft_harness.hpp"
#include "ui/draft_store.hpp"

using namespace interleave::ui;
using namespace interleave::ui::test;

namespace {
using Texts = std::map<std::string, std::string>;
using Held = std::map<std::string, HeldDraft>;
bool any_id(std::string_view) {
    return true;
}
}  // namespace

TEST_CASE("merge: samples this tab did not change take the other tab's text or lose the mark") {
    Texts base = {{"race", "r0"}, {"queue", "q0"}, {"deadlock", "d0"}};
    Texts drafts = base;
    Held held;
    // The other tab edited race, reset queue, edited a new one; deadlock is as it was.
    const Texts stored = {{"race", "r1"}, {"deadlock", "d0"}, {"pool", "p1"}};
    const DraftMerge m =
        merge_other_drafts(stored, {}, "threading", std::nullopt, drafts, base, held);
    CHECK(drafts == stored);
    CHECK(base == stored);
    CHECK(m.taken == std::vector<std::string>{"pool", "queue", "race"});
    CHECK(m.held.empty());
    CHECK(m.ours.empty());
    CHECK(held.empty());
    // The same store again: nothing new.
    const DraftMerge again =
        merge_other_drafts(stored, {}, "threading", std::nullopt, drafts, base, held);
    CHECK(again.taken.empty());
}

TEST_CASE("merge: a sample changed here and not stored yet keeps this tab's text") {
    Texts base = {{"race", "r0"}};
    Texts drafts = {{"race", "r0 + typed here"}};  // a write failed (storage full)
    Held held;
    const DraftMerge m =
        merge_other_drafts({{"race", "r1"}}, {}, "threading", std::nullopt, drafts, base, held);
    CHECK(drafts.at("race") == "r0 + typed here");
    CHECK(base.at("race") == "r0");  // so the next write still writes it
    CHECK(m.ours == std::vector<std::string>{"race"});
    // Both tabs came to the same text: nothing to choose, the base moves.
    drafts["race"] = "same";
    const DraftMerge same =
        merge_other_drafts({{"race", "same"}}, {}, "threading", std::nullopt, drafts, base, held);
    CHECK(base.at("race") == "same");
    CHECK(same.ours.empty());
    CHECK(same.taken.empty());
}

TEST_CASE("merge: the shown sample is held, never replaced; said once; taken back is forgotten") {
    Texts base = {{"threading", "t0"}};
    Texts drafts = base;
    Held held;
    const std::optional<std::string> shown_text = "t0 and typing";
    DraftMerge m =
        merge_other_drafts({{"threading", "t1"}}, {}, "threading", shown_text, drafts, base, held);
    CHECK(m.held == std::vector<std::string>{"threading"});
    CHECK(base.at("threading") == "t0");  // this tab's kept text still differs from its base
    REQUIRE(held.count("threading"));
    CHECK(held.at("threading").text == "t1");
    // The other tab types on: the held text follows, said no more.
    m = merge_other_drafts({{"threading", "t2"}}, {}, "threading", shown_text, drafts, base, held);
    CHECK(m.held.empty());
    CHECK(held.at("threading").text == "t2");
    // It resets the sample: held as a reset.
    m = merge_other_drafts({}, {}, "threading", shown_text, drafts, base, held);
    CHECK(held.at("threading").text == std::nullopt);
    // It goes back to what this tab last stored (Undo there): nothing to hold.
    m = merge_other_drafts({{"threading", "t0"}}, {}, "threading", shown_text, drafts, base, held);
    CHECK(held.empty());
    // Unreadable records are left alone; a held text of a sample no longer shown is dropped.
    held["threading"] = HeldDraft{"t9", false};
    m = merge_other_drafts({{"race", "r1"}, {"threading", "t0"}}, {"race"}, "", std::nullopt,
                           drafts, base, held);
    CHECK(held.empty());
    CHECK(m.taken.empty());
    CHECK(!drafts.count("race"));
}

TEST_CASE("leaving the shown sample takes a held text only if nothing changed here") {
    Texts base = {{"threading", "t0"}}, drafts = base;
    Held held = {{"threading", HeldDraft{"t1", false}}};
    CHECK(leave_held_draft("threading", drafts, base, held));
    CHECK(drafts.at("threading") == "t1");
    CHECK(base.at("threading") == "t1");
    CHECK(held.empty());
    // This tab stored its own text over it (edited on): its own stays.
    drafts = base = {{"threading", "mine"}};
    held = {{"threading", HeldDraft{"t2", true}}};
    CHECK(!leave_held_draft("threading", drafts, base, held));
    CHECK(drafts.at("threading") == "mine");
    CHECK(held.empty());
    // A reset there, nothing changed here: the mark goes.
    drafts = base = {{"threading", "t0"}};
    held = {{"threading", HeldDraft{std::nullopt, false}}};
    CHECK(leave_held_draft("threading", drafts, base, held));
    CHECK(drafts.empty());
    CHECK(base.empty());
}

namespace {
const auto stored_drafts = [](const Store& s) { return decode_drafts(s.text, any_id).drafts; };
}  // namespace

TEST_CASE("tabs: another tab's edit of a sample not shown is seen at once, marked, and picked") {
    Two t(true);
    AppHarness& b = t.use(t.b);
    b.click("sample:race");
    const std::string race = b.app->code() + "# from B\n";
    b.app->set_code(race);
    b.frames(1);
    AppHarness& a = t.use(t.a);  // shows Threading
    a.frames(1);
    CHECK(drafts_of(a) == "\"race\"");  // the gallery marks it
    a.click("sample:race");
    CHECK(a.app->code() == race);
    // A edits it further, B (showing race, unchanged since) holds A's text, then B leaves it
    // unchanged: it takes A's; A resets it: B's mark goes.
    a.app->set_code(race + "# and A\n");
    a.frames(1);
    t.use(t.b);
    b.frames(1);
    CHECK(b.app->code() == race);  // not replaced under the cursor
    CHECK(t.store.said_count("was edited in another tab; yours stays here") == 1);
    b.click("sample:queue");
    CHECK(drafts_of(b) == "\"race\"");
    b.click("sample:race");
    CHECK(b.app->code() == race + "# and A\n");
    CHECK(t.store.said_count("shows the edit made in another tab; Undo brings back") == 1);
    b.click("code");
    ImGui::GetIO().AddInputCharacter(key_event(EditorKey::z, kModCtrl));  // Undo
    b.frames(2);
    CHECK(b.app->code() == race);
    ImGui::GetIO().AddInputCharacter(key_event(EditorKey::y, kModCtrl));  // Redo
    b.frames(2);
    CHECK(b.app->code() == race + "# and A\n");
    b.click("sample:queue");
    t.use(t.a);
    a.click("reset-code");
    a.frames(1);
    t.use(t.b);
    b.frames(1);
    CHECK(drafts_of(b) == "");
    CHECK(stored_drafts(t.store).empty());
}

TEST_CASE("tabs: the shown sample edited elsewhere keeps this tab's text, said once; pick again") {
    Two t(true);
    AppHarness& a = t.use(t.a);
    const std::string own = a.app->code();
    const std::string from_a = own + "# from A\n";
    a.app->set_code(from_a);
    a.frames(1);
    AppHarness& b = t.use(t.b);  // shows Threading too, and is typing in it
    const std::string from_b = own + "# typed in B\n";
    b.app->set_code(from_b);
    // A's write arrives before B's frame stored B's typing.
    t.use(t.a);
    a.app->set_code(from_a + "# more\n");
    a.frames(1);
    t.use(t.b);
    const size_t said_before = t.store.said.size();
    b.frames(3);
    CHECK(b.app->code() == from_b);
    CHECK(t.store.said_count(
              "Threading was edited in another tab; yours stays here. Pick it again") == 1);
    CHECK(t.store.said.size() == said_before + 1);
    CHECK(b.app->state_json().find("edited in another tab") != std::string::npos);
    // B's typing is stored over A's (as said), A holds B's now: neither editor lost a thing.
    CHECK(stored_drafts(t.store).at("threading") == from_b);
    t.use(t.a);
    a.frames(1);
    CHECK(a.app->code() == from_a + "# more\n");
    // B picks Threading again: A's text, B's in Undo.
    t.use(t.b);
    b.click("sample:threading");
    CHECK(b.app->code() == from_a + "# more\n");
    b.frames(1);
    CHECK(stored_drafts(t.store).at("threading") == from_a + "# more\n");
    b.click("code");
    ImGui::GetIO().AddInputCharacter(key_event(EditorKey::z, kModCtrl));  // Undo
    b.frames(2);
    CHECK(b.app->code() == from_b);
}

TEST_CASE("tabs: both typing in one sample, in any order, lose no typed text") {
    Two t(true);
    std::string in_a = t.use(t.a).app->code(), in_b = in_a;
    for (int round = 0; round < 6; ++round) {
        // A frame of typing in one tab, sometimes in both before either's event is taken.
        const bool a_types = round % 3 != 1, b_types = round % 3 != 0;
        if (a_types) {
            AppHarness& a = t.use(t.a);
            in_a += "a" + std::to_string(round) + "\n";
            a.app->set_code(in_a);
            a.frames(1);
        }
        if (b_types) {
            AppHarness& b = t.use(t.b);
            in_b += "b" + std::to_string(round) + "\n";
            b.app->set_code(in_b);
            b.frames(1);
        }
        t.use(t.a).frames(1);
        CHECK(t.a->app->code() == in_a);
        t.use(t.b).frames(1);
        CHECK(t.b->app->code() == in_b);
        // The store has the last writer's text.
        CHECK(stored_drafts(t.store).at("threading") == (b_types ? in_b : in_a));
    }
    // A's text is its editor's, B's is the store's and A holds it: picking Threading again in
    // A shows B's, and Undo A's own. Neither was lost.
    AppHarness& a = t.use(t.a);
    a.click("sample:threading");
    CHECK(a.app->code() == in_b);
    a.click("code");
    ImGui::GetIO().AddInputCharacter(key_event(EditorKey::z, kModCtrl));  // Undo
    a.frames(2);
    CHECK(a.app->code() == in_a);
}

namespace {
// A tab as the web page has it, also keeping its link current (its compression lands at once)
// and telling whether its page would ask before it is closed (beforeunload).
struct WebTab {
    std::unique_ptr<AppHarness> h;
    std::vector<std::pair<std::string, int>> packs;  // compressions asked for
    bool asks = false;                               // PlatformHooks::leave_warning
    WebTab(Store& store, int who) {
        h = std::make_unique<AppHarness>([this, &store, who](PlatformHooks& hooks) {
            store.hooks(who)(hooks);
            hooks.pack_code_async = [this](const std::string& text, int id) {
                packs.push_back({text, id});
            };
            hooks.link_changed = [](const std::string&) {};
            hooks.leave_warning = [this](bool on) { asks = on; };
        });
    }
    // Frames until the link carries the editor's text.
    AppHarness& settle() {
        ImGui::SetCurrentContext(h->ctx);
        h->frames(1);
        while (!packs.empty()) {
            const auto [text, id] = packs.back();
            packs.clear();
            h->app->code_packed(id, interleave::samples::zlib_code_codec().pack(text));
            h->frames(1);
        }
        return *h;
    }
    AppHarness& use() {
        ImGui::SetCurrentContext(h->ctx);
        return *h;
    }
};
}  // namespace

TEST_CASE("tabs: a tab whose text another tab stored over asks before it is closed") {
    Store store;
    WebTab a(store, 0);
    ImGui::SetCurrentContext(nullptr);  // the next harness makes its own current
    WebTab b(store, 1);
    const std::string own = a.use().app->code();
    a.use().app->set_code(own + "# from A\n");
    a.settle();
    CHECK_FALSE(a.asks);                   // stored, and in its link
    b.settle().click("sample:threading");  // shows Threading too: A's text
    b.use().app->set_code(own + "# from A\n# typed in B\n");
    b.settle();
    CHECK_FALSE(b.asks);
    // A types on: the store has A's text; B's is in B's editor only, and closing B loses it.
    a.use().app->set_code(own + "# more A\n");
    a.settle();
    b.settle();
    CHECK(b.use().app->code() == own + "# from A\n# typed in B\n");
    CHECK(b.asks);
    CHECK_FALSE(a.asks);
    // B types on: its text is stored again; A holds it and asks in turn.
    b.use().app->set_code(own + "# typed in B\n# more B\n");
    b.settle();
    CHECK_FALSE(b.asks);
    a.settle();
    CHECK(a.asks);
    // A loads B's text (its own in Undo): nothing is only in A any more.
    a.use().click("sample:threading");
    a.settle();
    CHECK(a.use().app->code() == own + "# typed in B\n# more B\n");
    CHECK_FALSE(a.asks);
    // B leaves Threading unchanged while A's later text is held: B takes A's, its own kept in
    // memory to be one Undo away when Threading is shown again: B asks until then.
    a.use().app->set_code(own + "# final A\n");
    a.settle();
    b.settle().click("sample:race");
    b.settle();
    CHECK(b.asks);
    b.use().click("sample:threading");
    b.settle();
    CHECK(b.use().app->code() == own + "# final A\n");
    CHECK_FALSE(b.asks);
    b.use();
    b.h.reset();
    a.use();
    a.h.reset();
}

TEST_CASE("tabs: an edit stored over, then taken over in the tab that made it, stays in Undo") {
    Two t(true);
    AppHarness& a = t.use(t.a);
    const std::string own = a.app->code();
    a.app->set_code(own + "# E\n");
    a.frames(1);
    AppHarness& b = t.use(t.b);
    b.frames(1);
    b.click("sample:threading");  // B shows E
    // A types F and leaves Threading; B, never having seen F, types over E: stored over F.
    t.use(t.a);
    a.app->set_code(own + "# E\n# F typed in A\n");
    a.frames(1);
    a.click("sample:race");
    t.use(t.b);
    b.frames(1);
    b.app->set_code(own + "# E\n# typed in B\n");
    b.frames(1);
    CHECK(stored_drafts(t.store).at("threading") == own + "# E\n# typed in B\n");
    // A had not changed Threading since: it takes B's text; F is in no editor and no store.
    t.use(t.a);
    a.frames(1);
    a.click("sample:threading");
    CHECK(a.app->code() == own + "# E\n# typed in B\n");
    // B leaves Threading and comes back: F is one Undo away.
    t.use(t.b);
    b.click("sample:race");
    b.click("sample:threading");
    CHECK(b.app->code() == own + "# E\n# typed in B\n");
    CHECK(t.store.said_count("Undo brings back the edit made in another tab that yours was") == 1);
    b.click("code");
    ImGui::GetIO().AddInputCharacter(key_event(EditorKey::z, kModCtrl));  // Undo
    b.frames(2);
    CHECK(b.app->code() == own + "# E\n# F typed in A\n");
}

TEST_CASE("tabs: in accessible mode the messages name the code editor's Undo, which has the text") {
    Two t(true);
    AppHarness& a = t.use(t.a);
    const std::string own = a.app->code();
    a.app->set_code(own + "# from A\n");
    a.frames(1);
    AppHarness& b = t.use(t.b);
    b.app->set_plain_editor(true);
    b.app->set_code_from_plain(own + "# typed in B\n");
    b.frames(1);
    t.use(t.a);
    a.app->set_code(own + "# more A\n");
    a.frames(1);
    t.use(t.b);
    b.frames(1);
    CHECK(t.store.said_count("load that edit (the code editor's Undo (Plain text off, then "
                             "Ctrl+Z) brings yours back)") == 2);  // each A write over B's
    b.click("sample:threading");
    CHECK(b.app->code() == own + "# more A\n");
    CHECK(t.store.said_count("the other tab's text; the code editor's Undo (Plain text off, "
                             "then Ctrl+Z) brings yours back") == 1);
    b.app->set_plain_editor(false);
    b.click("code");
    ImGui::GetIO().AddInputCharacter(key_event(EditorKey::z, kModCtrl));  // Undo
    b.frames(2);
    CHECK(b.app->code() == own + "# typed in B\n");
}
