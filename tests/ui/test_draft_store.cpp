// Kept edits across reloads and restarts (ui/draft_store.hpp): the stored text reads back
// exactly, damaged or foreign data is left out with a message and never crashes; the whole
// app with a store (the web's localStorage, the desktop's state file, here a string) brings a
// learner's edits back at the next start, marked, and Reset still restores the sample.
#include "ui/draft_store.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <random>
#include <string>

#include "samples/code_codec.hpp"
#include "ui/app_harness.hpp"
#include "ui/draft_harness.hpp"
#include "ui/editor/utf8.hpp"

using namespace interleave::ui;
using namespace interleave::ui::test;

namespace {
bool any_id(std::string_view) {
    return true;
}
}  // namespace

TEST_CASE("kept edits read back exactly: any text, UTF-8, lines that look like records") {
    const std::map<std::string, std::string> drafts = {
        {"race", "x = 1\nrace 5\nhello\n"},
        {"threading", "# caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80\n\n"},
        {"queue", ""},
        {"deadlock", "no newline at the end"}};
    const std::string stored = encode_drafts(drafts);
    CHECK(stored.rfind("interleave-drafts 1\n", 0) == 0);
    const DecodedDrafts d = decode_drafts(stored, any_id);
    CHECK(d.drafts == drafts);
    CHECK(d.notices.empty());
    // Nothing kept: nothing stored, and nothing stored reads as nothing, silently.
    CHECK(encode_drafts({}) == "");
    CHECK(decode_drafts("", any_id).drafts.empty());
    CHECK(decode_drafts("", any_id).notices.empty());
}

TEST_CASE("damaged or foreign kept edits are left out and said, the rest is kept") {
    const std::string good = encode_drafts({{"race", "a = 1\n"}, {"threading", "b = 2\n"}});
    SUBCASE("another format") {
        const DecodedDrafts d = decode_drafts("{\"race\": \"a\"}", any_id);
        CHECK(d.drafts.empty());
        REQUIRE(d.notices.size() == 1);
        CHECK(d.notices[0].find("unknown format") != std::string::npos);
    }
    SUBCASE("cut short: what came before the damage is kept") {
        const DecodedDrafts d = decode_drafts(good.substr(0, good.size() - 3), any_id);
        CHECK(d.drafts == std::map<std::string, std::string>{{"race", "a = 1\n"}});
        REQUIRE(d.notices.size() == 1);
        CHECK(d.notices[0].find("damaged: 1 read, the rest ignored") != std::string::npos);
    }
    SUBCASE("a sample this version does not have") {
        const DecodedDrafts d =
            decode_drafts(good, [](std::string_view id) { return id != "race"; });
        CHECK(d.drafts == std::map<std::string, std::string>{{"threading", "b = 2\n"}});
        REQUIRE(d.notices.size() == 1);
        CHECK(d.notices[0].find("'race', a sample this version does not have: left in the store") !=
              std::string::npos);
    }
    SUBCASE("not valid UTF-8") {
        const DecodedDrafts d =
            decode_drafts(encode_drafts({{"race", "a = '\xFF'\n"}, {"threading", "ok\n"}}), any_id);
        CHECK(d.drafts == std::map<std::string, std::string>{{"threading", "ok\n"}});
        REQUIRE(d.notices.size() == 1);
        CHECK(d.notices[0].find("not valid text") != std::string::npos);
    }
    SUBCASE("a byte count past the end, or no number") {
        for (const char* bad :
             {"interleave-drafts 1\nrace 99999999999999999999\nx\n",
              "interleave-drafts 1\nrace 100\nx\n", "interleave-drafts 1\nrace\nx\n",
              "interleave-drafts 1\nRa-ce 1\nx\n", "interleave-drafts 1\nrace -1\nx\n"}) {
            CAPTURE(bad);
            const DecodedDrafts d = decode_drafts(bad, any_id);
            CHECK(d.drafts.empty());
            CHECK(d.notices.size() == 1);
        }
    }
}

TEST_CASE("kept edits: random damage never crashes and never yields invalid text") {
    std::mt19937 rng(7);
    const std::string good =
        encode_drafts({{"race", "a = 1\n"}, {"threading", "caf\xC3\xA9\n"}, {"queue", "q\n"}});
    for (int i = 0; i < 20000; ++i) {
        std::string s = good;
        const int edits = 1 + static_cast<int>(rng() % 4);
        for (int e = 0; e < edits && !s.empty(); ++e) {
            const size_t at = rng() % s.size();
            switch (rng() % 3) {
                case 0:
                    s[at] = static_cast<char>(rng());
                    break;
                case 1:
                    s.erase(at, 1 + rng() % 4);
                    break;
                default:
                    s.insert(at, 1, static_cast<char>(rng()));
            }
        }
        const DecodedDrafts d = decode_drafts(s, any_id);
        for (const auto& [id, text] : d.drafts) {
            size_t replaced = 0;
            interleave::ui::utf8::sanitize(text, &replaced);
            CHECK(replaced == 0);
        }
    }
}

TEST_CASE("a learner's edits come back at the next start, marked; Reset restores the sample") {
    Store store;
    std::string threading, race_edit, own;
    {
        AppHarness h(store.hooks());
        threading = h.app->code();
        // The sample shown is edited, then another one; an own program pasted over a third.
        h.app->set_code(threading + "# mine\n");
        h.frames(1);
        CHECK(store.text.find("# mine") != std::string::npos);  // kept as it is typed
        h.click("sample:race");
        race_edit = h.app->code() + "# race too\n";
        h.app->set_code(race_edit);
        h.frames(1);
        h.click("sample:queue");
        own = "print('my own program')\n";
        h.app->set_code(own);
        h.frames(1);
        // Nothing would be lost: quitting asks nothing.
        CHECK(h.app->request_quit());
    }
    {
        AppHarness h(store.hooks());  // the next start (a reload, a restart)
        CHECK(h.app->code() == threading + "# mine\n");
        CHECK(drafts_of(h) == "\"queue\",\"race\",\"threading\"");  // the gallery's marks
        h.click("sample:race");
        CHECK(h.app->code() == race_edit);
        h.click("sample:queue");
        CHECK(h.app->code() == own);
        h.click("reset-code");  // the sample's own text again; it is no longer kept
        CHECK(h.app->code().find("my own program") == std::string::npos);
        h.frames(1);
        CHECK(store.text.find("my own program") == std::string::npos);
        CHECK(store.text.find("# race too") != std::string::npos);
    }
    {
        AppHarness h(store.hooks());
        h.click("sample:queue");
        CHECK(h.app->code().find("my own program") == std::string::npos);
        CHECK(drafts_of(h) == "\"race\",\"threading\"");
        // A shared link to a sample without code= shows the kept edit (the notice bar says so).
        h.app->load("#v=1&sample=race");
        h.frames(1);
        CHECK(h.app->code() == race_edit);
    }
}

TEST_CASE("damaged kept edits are said and left out; the app starts as usual, loses nothing") {
    Store store;
    const std::string damaged = "interleave-drafts 1\nthreading 50\nx = 1\n";  // cut short
    store.text = damaged;
    AppHarness h(store.hooks());
    h.frames(1);
    CHECK(h.app->code().find("x = 1\n") != 0);  // the sample's own text
    CHECK(store.said_count("damaged") == 1);
    // Set aside unchanged before anything is written over it, and where it is is said.
    REQUIRE(store.aside.size() == 1);
    CHECK(store.aside[0] == damaged);
    CHECK(store.said_count("moved unchanged to aside-1") == 1);
    h.app->set_code(h.app->code() + "# mine\n");
    h.frames(1);
    CHECK(store.text.find("# mine") != std::string::npos);
}

TEST_CASE("stored data the app cannot read in full is never written over") {
    Store store;
    SUBCASE("another format, set aside") {
        store.text = "{\"threading\": \"x\"}";
        AppHarness h(store.hooks());
        h.frames(1);
        CHECK(store.aside == std::vector<std::string>{"{\"threading\": \"x\"}"});
        CHECK(store.said_count("unknown format: ignored; moved unchanged to aside-1") == 1);
    }
    SUBCASE("unreadable, set aside") {
        store.unreadable = "drafts: Permission denied";
        AppHarness h(store.hooks());
        h.frames(1);
        CHECK(store.said_count("cannot be read (drafts: Permission denied)") == 1);
        REQUIRE(store.aside.size() == 1);
        h.app->set_code(h.app->code() + "# mine\n");
        h.frames(1);
        CHECK(store.text.find("# mine") != std::string::npos);
    }
    SUBCASE("damaged and cannot be set aside: nothing is written, quitting asks") {
        store.text = "interleave-drafts 1\nthreading 50\nx = 1\n";
        store.cannot_aside = true;
        AppHarness h(store.hooks());
        h.frames(1);
        CHECK(store.said_count("left as it is, so your edits are not kept for next time") == 1);
        h.app->set_code(h.app->code() + "# mine\n");
        h.frames(2);
        CHECK(store.writes == 0);
        CHECK(store.text == "interleave-drafts 1\nthreading 50\nx = 1\n");
        CHECK_FALSE(h.app->request_quit());
    }
    SUBCASE("damaged later (another program wrote it): set aside at the next write") {
        AppHarness h(store.hooks());
        h.app->set_code(h.app->code() + "# mine\n");
        h.frames(1);
        store.text = "interleave-drafts 9\n";
        h.app->set_code(h.app->code() + "# more\n");
        h.frames(1);
        CHECK(store.aside == std::vector<std::string>{"interleave-drafts 9\n"});
        CHECK(store.said_count("unknown format: ignored; moved unchanged to aside-1") == 1);
        CHECK(decode_drafts(store.text, any_id).drafts.at("threading").find("# mine\n# more") !=
              std::string::npos);
    }
    SUBCASE("records of samples this version lacks pass through a write") {
        store.text = encode_drafts({{"from_a_newer_version", "y = 2\n"}});
        AppHarness h(store.hooks());
        h.app->set_code(h.app->code() + "# mine\n");
        h.frames(1);
        CHECK(store.aside.empty());
        const DecodedDrafts d = decode_drafts(store.text, any_id);
        CHECK(d.records.at("from_a_newer_version") == "y = 2\n");
        CHECK(d.records.at("threading").find("# mine") != std::string::npos);
    }
}

TEST_CASE("an edit over 1 MB is not stored: said once, quitting asks; an old one is not lost") {
    const std::string big(kMaxDraftBytes + 10, 'x');
    SUBCASE("typed now") {
        Store store;
        bool leave_warned = false;
        AppHarness h([&](PlatformHooks& hooks) {
            store.hooks()(hooks);
            hooks.leave_warning = [&](bool on) { leave_warned = on; };
        });
        const std::string small = h.app->code() + "# small\n";
        h.app->set_code(small);
        h.frames(1);
        h.app->set_code("# " + big + "\n");
        h.frames(1);
        h.app->set_code("# more " + big + "\n");
        h.frames(1);
        CHECK(store.said_count("too large to keep for next time (over 1 MB): save it as a file") ==
              1);
        // The store keeps what it had; nothing over the limit goes in.
        CHECK(decode_drafts(store.text, any_id).drafts.at("threading") == small);
        // Another sample picked: the web page still asks before leaving (beforeunload).
        h.click("sample:race");
        h.frames(1);
        CHECK(leave_warned);
        CHECK_FALSE(h.app->request_quit());  // it would be lost: the app asks
        h.frames(2);
        CHECK(h.asking());
    }
    SUBCASE("on the web: no Save there, so Copy code") {
        Store store;
        AppHarness h([&](PlatformHooks& hooks) {
            store.hooks()(hooks);
            hooks.is_web = true;
        });
        h.app->set_code("# " + big + "\n");
        h.frames(1);
        CHECK(store.said_count("too large to keep for next time (over 1 MB): Copy code and keep it "
                               "elsewhere") == 1);
    }
    SUBCASE("stored by an older version: read as ignored, set aside, never deleted") {
        Store store;
        store.text = encode_drafts({{"threading", big}, {"race", "r = 1\n"}});
        const std::string old = store.text;
        AppHarness h(store.hooks());
        h.frames(1);
        CHECK(store.said_count("over 1 MB: ignored") == 1);
        CHECK(store.aside == std::vector<std::string>{old});
        // What could be read is stored again.
        CHECK(decode_drafts(store.text, any_id).drafts ==
              std::map<std::string, std::string>{{"race", "r = 1\n"}});
    }
}

TEST_CASE("two instances over one store keep each other's edits") {
    Two t;
    AppHarness& a = t.use(t.a);
    const std::string threading = a.app->code() + "# from A\n";
    a.app->set_code(threading);
    a.frames(1);
    AppHarness& b = t.use(t.b);  // started before A wrote
    b.click("sample:race");
    const std::string race = b.app->code() + "# from B\n";
    b.app->set_code(race);
    b.frames(1);
    auto kept = decode_drafts(t.store.text, any_id).drafts;
    CHECK(kept == std::map<std::string, std::string>{{"race", race}, {"threading", threading}});
    // A changes its edit again, then B resets its own: each touches only its sample.
    t.use(t.a);
    a.app->set_code(threading + "# again\n");
    a.frames(1);
    t.use(t.b);
    b.click("reset-code");
    b.frames(1);
    kept = decode_drafts(t.store.text, any_id).drafts;
    CHECK(kept == std::map<std::string, std::string>{{"threading", threading + "# again\n"}});
}

TEST_CASE("a link's code over a kept edit leaves the edit kept; Undo brings it back") {
    Store store;
    std::string link, edit;
    const auto hooks = [&](PlatformHooks& h) {  // the desktop reads links' code= with zlib
        store.hooks()(h);
        h.ordered_keys = true;  // as the desktop's: keys as key_event() characters
        h.pack_code = interleave::samples::zlib_code_codec().pack;
        h.unpack_code = interleave::samples::zlib_code_codec().unpack;
    };
    {
        AppHarness h(hooks);
        h.click("sample:race");
        h.app->set_code("print('shared')\n");
        h.frames(1);
        link = h.app->link();
        REQUIRE(link.find("code=") != std::string::npos);
        h.app->set_code(h.app->code() + "# mine\n");  // what this user keeps
        edit = h.app->code();
        h.frames(1);
    }
    {
        AppHarness h(hooks);
        h.app->load(link);
        h.frames(1);
        CHECK(h.app->code() == "print('shared')\n");
        CHECK(h.app->state_json().find("your kept edit of") != std::string::npos);
        CHECK(decode_drafts(store.text, any_id).drafts.at("race") == edit);
        // Picking another sample and back shows the kept edit.
        h.click("sample:queue");
        h.click("sample:race");
        CHECK(h.app->code() == edit);
    }
    {
        AppHarness h(hooks);
        h.app->load(link);
        h.frames(1);
        h.click("code");  // the editor has the keys
        ImGui::GetIO().AddInputCharacter(key_event(EditorKey::z, kModCtrl));  // Undo
        h.frames(2);
        CHECK(h.app->code() == edit);
        CHECK(decode_drafts(store.text, any_id).drafts.at("race") == edit);
        // The link's code once changed is the edit.
        h.app->set_code("print('shared')\n# changed\n");
        h.frames(1);
        CHECK(decode_drafts(store.text, any_id).drafts.at("race") ==
              "print('shared')\n# changed\n");
    }
}

TEST_CASE("edits that cannot be stored are said once, and quitting asks first again") {
    Store store;
    store.full = true;
    AppHarness h(store.hooks());
    h.app->set_code(h.app->code() + "# mine\n");
    h.frames(1);
    h.app->set_code(h.app->code() + "# more\n");
    h.frames(1);
    int said = 0;
    for (const auto& m : store.said) said += m.rfind("Your edits are not kept", 0) == 0;
    CHECK(said == 1);
    CHECK_FALSE(h.app->request_quit());
    h.frames(2);
    CHECK(h.asking());
}
