// Kept edits in tests: a store as the platform keeps it (web: localStorage; desktop: a file),
// one string shared by App instances, and two instances over it (two tabs, two windows).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "ui/app_harness.hpp"

namespace interleave::ui::test {

struct Store {
    std::string text;
    bool full = false;          // writes fail (quota, read-only disk)
    std::string unreadable;     // reads fail with this (no permission, over 64 MB)
    bool cannot_aside = false;  // setting aside fails
    int writes = 0;
    std::vector<std::string> aside;  // what was set aside, unchanged
    std::vector<std::string> said;
    // Each instance's PlatformHooks::watch_drafts callback, by `who`: a write by one calls the
    // others' (as localStorage's `storage` event does: never in the writer).
    std::vector<std::function<void()>> watchers;
    // `who` >= 0: the web's hooks, told of the other instances' writes; -1: the desktop's.
    std::function<void(PlatformHooks&)> hooks(int who = -1) {
        return [this, who](PlatformHooks& h) {
            h.load_drafts = [this](std::string* error) {
                if (!unreadable.empty()) return *error = unreadable, std::string();
                return text;
            };
            h.save_drafts = [this, who](const std::string& t) {
                ++writes;
                if (full) return std::string("full");
                text = t;
                tell_others(who);
                return std::string();
            };
            h.set_aside_drafts = [this, who](std::string* error) {
                if (cannot_aside) return *error = "read-only", std::string();
                aside.push_back(unreadable.empty() ? text : unreadable);
                text.clear();
                unreadable.clear();
                tell_others(who);
                return "aside-" + std::to_string(aside.size());
            };
            h.message = [this](const std::string& m) { said.push_back(m); };
            if (who >= 0) {
                h.ordered_keys = true;  // as the web's: keys as key_event() characters
                h.watch_drafts = [this, who](std::function<void()> changed) {
                    if (watchers.size() <= size_t(who)) watchers.resize(size_t(who) + 1);
                    watchers[size_t(who)] = std::move(changed);
                };
            }
        };
    }
    void tell_others(int who) {
        for (size_t i = 0; i < watchers.size(); ++i)
            if (int(i) != who && watchers[i]) watchers[i]();
    }
    int said_count(const std::string& part) const {
        int n = 0;
        for (const auto& m : said) n += m.find(part) != std::string::npos;
        return n;
    }
};

// The ids the gallery marks edited (window.interleave.editorState().drafts), as JSON strings.
inline std::string drafts_of(AppHarness& h) {
    const std::string j = h.app->editor_state_json();
    const size_t at = j.find("\"drafts\":[");
    return j.substr(at + 10, j.find(']', at) - at - 10);
}

// Two App instances (two tabs, two desktop windows) each with its own ImGui context; `web`:
// each is told of the other's writes (Store::hooks).
struct Two {
    Store store;
    std::unique_ptr<AppHarness> a, b;
    explicit Two(bool web = false) {
        a = std::make_unique<AppHarness>(store.hooks(web ? 0 : -1));
        ImGui::SetCurrentContext(nullptr);  // the next harness makes its own current
        b = std::make_unique<AppHarness>(store.hooks(web ? 1 : -1));
    }
    AppHarness& use(std::unique_ptr<AppHarness>& h) {
        ImGui::SetCurrentContext(h->ctx);
        return *h;
    }
    ~Two() {
        use(b);
        b.reset();
        use(a);
        a.reset();
    }
};

}  // namespace interleave::ui::test
