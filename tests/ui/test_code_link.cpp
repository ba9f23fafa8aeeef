// The playground's links with code (issue #10 item 6): what link() carries for an unchanged
// sample and for an edited program, loading a link with code (and one whose code cannot be
// read), the web's asynchronous packing, and the title.
#include <doctest/doctest.h>
#include <imgui.h>

#include <vector>

#include "samples/code_codec.hpp"
#include "ui/playground.hpp"

using namespace interleave;
using namespace interleave::ui;

namespace {

// The Playground needs an ImGui context for nothing here but its constructor's neighbours.
struct Context {
    Context() { ImGui::CreateContext(); }
    ~Context() { ImGui::DestroyContext(); }
};

void desktop_hooks(Playground& p, std::vector<std::string>* titles = nullptr) {
    p.hooks.pack_code = samples::zlib_code_codec().pack;
    p.hooks.unpack_code = samples::zlib_code_codec().unpack;
    if (titles) p.hooks.title_changed = [titles](const std::string& t) { titles->push_back(t); };
}

// The web page's side of links: compression requests answered by the test
// (Playground::code_packed), and the fragments written to the address bar.
struct WebPage {
    std::vector<std::pair<std::string, int>> requests;  // (text, id), in order
    std::vector<std::string> fragments;
    explicit WebPage(Playground& p) {
        p.hooks.pack_code_async = [this](const std::string& text, int id) {
            requests.push_back({text, id});
        };
        p.hooks.link_changed = [this](const std::string& f) { fragments.push_back(f); };
    }
};

void replace_text(Playground& p, const std::string& text) {
    auto& m = p.editor.model();
    m.select_all();
    m.paste(text);
}

}  // namespace

TEST_CASE("links: an unchanged sample has no code; an edited one has it, and it loads back") {
    Context ctx;
    Playground p;
    std::vector<std::string> titles;
    desktop_hooks(p, &titles);
    p.select_sample(0);
    p.poll_code_link();
    CHECK(p.link().find("code=") == std::string::npos);
    REQUIRE_FALSE(titles.empty());
    CHECK(titles.back() == p.current().title + " — Interleave");

    const std::string mine = "print('hello, \xc3\xa9')\nfor i in range(3):\n    print(i)\n";
    replace_text(p, mine);
    p.poll_code_link();
    CHECK(titles.back() == "Untitled — Interleave");
    const std::string link = p.link();
    CHECK(link.find("&code=") != std::string::npos);

    Playground fresh;
    desktop_hooks(fresh);
    fresh.select_sample(2);
    CHECK(fresh.load_link(link) == "[]");
    CHECK(fresh.editor.text() == mine);
    CHECK(fresh.code_edited());
    CHECK_FALSE(fresh.running());  // no run=1: opening never runs
    CHECK(fresh.link() == link);
    // Undo brings back the sample's own text: the link's program arrived as one edit.
    fresh.editor.model().undo();
    CHECK_FALSE(fresh.code_edited());
}

TEST_CASE("links: a corrupt code= loads the rest and says what it ignored") {
    Context ctx;
    Playground p;
    desktop_hooks(p);
    p.select_sample(0);
    const std::string notices = p.load_link("#v=1&sample=asyncio&code=%2A%2A%2A");
    CHECK(p.current().id == "asyncio");
    CHECK(notices.find("code could not be loaded") != std::string::npos);
    CHECK(notices.find("not base64url") != std::string::npos);
    CHECK_FALSE(p.code_edited());
    CHECK(p.link_notices.size() == 1);
}

TEST_CASE("links on the web: packing is asynchronous; a link is never without its code") {
    Context ctx;
    Playground p;
    WebPage web(p);
    auto& [requests, fragments] = web;
    p.select_sample(0);
    fragments.clear();

    replace_text(p, "x = 1\n");
    p.poll_code_link();
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].first == "x = 1\n");
    CHECK(fragments.empty());  // the address bar waits for the compressed form
    // Meanwhile link() holds the text in stored blocks, which any inflater reads.
    std::string why;
    const auto d = samples::decode_link(p.link(), &samples::zlib_code_codec());
    CHECK(d.state.code == std::optional<std::string>("x = 1\n"));

    // More typing while the request is in flight: one request at a time.
    replace_text(p, "x = 12\n");
    p.poll_code_link();
    CHECK(requests.size() == 1);

    // The first answer lands (for a text already replaced): the newest text is asked for next.
    p.code_packed(requests[0].second, samples::zlib_code_codec().pack("x = 1\n"));
    p.poll_code_link();
    REQUIRE(requests.size() == 2);
    CHECK(requests[1].first == "x = 12\n");
    const std::string packed = samples::zlib_code_codec().pack("x = 12\n");
    p.code_packed(requests[1].second, packed);
    p.poll_code_link();
    REQUIRE_FALSE(fragments.empty());
    CHECK(fragments.back().find("&code=" + packed) != std::string::npos);
    CHECK(p.link() == fragments.back());
    // A stale or unknown answer changes nothing.
    p.code_packed(12345, "AwA");
    CHECK(p.link() == fragments.back());
}

TEST_CASE("links on the web: loading a link writes the address bar once, with its own code") {
    // Each step's link (the link's knobs beside the edit's code) would be an address a reload
    // opens instead of the link; and the link's payload is its packed code, so nothing waits.
    Context ctx;
    Playground p;
    WebPage web(p);
    auto& [requests, fragments] = web;
    p.hooks.unpack_code = samples::zlib_code_codec().unpack;
    p.select_sample(0);
    replace_text(p, "x = 1  # mine\n");
    p.poll_code_link();
    REQUIRE(requests.size() == 1);  // the edit's compression, still in flight

    const std::string payload = samples::zlib_code_codec().pack("print('shared')\n");
    const std::string link = "#v=1&sample=race&code=" + payload;
    fragments.clear();
    CHECK(p.load_link(link) == "[]");
    CHECK(p.editor.text() == "print('shared')\n");
    REQUIRE(fragments.size() == 1);
    CHECK(fragments[0].find("sample=race") != std::string::npos);
    CHECK(fragments[0].find("&code=" + payload) != std::string::npos);
    // The edit's answer lands late: it is for text no longer shown, and changes nothing.
    p.code_packed(requests[0].second, samples::zlib_code_codec().pack("x = 1  # mine\n"));
    p.poll_code_link();
    CHECK(requests.size() == 1);  // nothing to compress: the link's own payload stands
    CHECK(fragments.size() == 1);
    CHECK(p.link() == fragments[0]);
}

TEST_CASE("the web page warns before a reload only when the link would not bring edits back") {
    Context ctx;
    Playground p;
    std::vector<std::pair<std::string, int>> requests;
    std::vector<bool> warnings;  // what hooks.leave_warning was told, in order
    p.hooks.pack_code_async = [&](const std::string& text, int id) {
        requests.push_back({text, id});
    };
    p.hooks.link_changed = [](const std::string&) {};
    p.hooks.leave_warning = [&](bool on) { warnings.push_back(on); };
    const auto warned = [&] { return !warnings.empty() && warnings.back(); };
    const auto pack = [&] {  // the page's compression lands
        REQUIRE_FALSE(requests.empty());
        p.code_packed(requests.back().second,
                      samples::zlib_code_codec().pack(requests.back().first));
        p.poll_code_link();
    };
    p.select_sample(0);
    p.poll_code_link();
    CHECK_FALSE(warned());  // the sample as it is: nothing to lose

    // An edit: only until its link is written (the fragment brings it back on a reload).
    replace_text(p, "x = 1\n");
    p.poll_code_link();
    CHECK(warned());
    pack();
    CHECK_FALSE(warned());

    // Another sample picked: the edit is kept in the page only (a draft), which a reload loses.
    p.select_sample(1);
    p.poll_code_link();
    CHECK(warned());
    // Back to it: its text is the editor's again, and in the link once packed.
    p.select_sample(0);
    p.poll_code_link();
    CHECK(p.editor.text() == "x = 1\n");
    pack();
    CHECK_FALSE(warned());
    // Reset gives the edit up: nothing left to lose.
    p.reset_code();
    p.poll_code_link();
    CHECK_FALSE(warned());

    // A text whose link is over the 64 KiB a link loads: a reload would cut it.
    std::string big;
    for (int i = 0; big.size() < 100 * 1024; ++i)
        big += "v" + std::to_string(i * 7919 % 100003) + " = " + std::to_string(i * 31337) + "\n";
    replace_text(p, big);
    p.poll_code_link();
    p.code_packed(requests.back().second, samples::pack_code_stored(big));  // no compression
    p.poll_code_link();
    CHECK(warned());
    // Only changes are told.
    for (size_t i = 1; i < warnings.size(); ++i) CHECK(warnings[i] != warnings[i - 1]);
}
