// Interleave UI — a small file dialog for the desktop build's File > Open / Save as: one
// folder's subfolders and .py files, a file-name field, Up, Open/Save and Cancel, and a
// confirmation before replacing a file. Dear ImGui only (no new dependency); the web build has
// no file system and never shows it.
//
// Main thread only, between NewFrame and Render. Listing a folder happens when it is entered
// (O(entries)), not per frame.
//
//  ✓ folders first, then *.py (case-insensitive), sorted; hidden entries (".x") left out
//  ✓ double-click or Enter opens a folder or picks a file; a typed path (absolute or relative
//    to the folder shown) is accepted as is
//  ✓ unreadable folders say why and stay where they were
//  ✓ type-ahead: what is typed right after Ctrl+O, before the name field has the keyboard,
//    goes into it (Enter, Backspace and Esc included)
//  ✓ a question asked while it is up (a file dropped over unsaved changes) comes over it
//  ✗ drives/places sidebar, other extensions (type the name), multi-select
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace interleave::ui {

class FileDialog {
  public:
    enum class Mode { open, save };

    // Opens the dialog on the next draw(). `start` is a file (its folder is shown and, for
    // Save, its name filled in) or a folder.
    void open(Mode mode, const std::filesystem::path& start);
    // Draws it while open. Returns true once, when a path was chosen: then chosen() holds it
    // and the dialog is closed. `covered`: a question is up over the dialog (or comes this
    // frame): the dialog takes no keys (typed text, Enter, Esc are the question's) and
    // `over` draws it inside the dialog's popup, so that ImGui opens it as the dialog's child
    // instead of replacing the dialog. Returns with `over` not called when the dialog is not
    // (or no longer) up.
    bool draw(bool covered = false, const std::function<void()>& over = nullptr);
    bool is_open() const { return open_ || request_; }
    Mode mode() const { return mode_; }
    const std::filesystem::path& chosen() const { return chosen_; }

  private:
    struct Entry {
        std::string name;
        bool folder = false;
    };
    void enter(const std::filesystem::path& dir);
    bool accept(const std::filesystem::path& p);  // false: stays open (folder, or confirm)

    Mode mode_ = Mode::open;
    bool open_ = false, request_ = false, confirm_replace_ = false;
    std::filesystem::path dir_, chosen_, pending_;
    std::vector<Entry> entries_;
    int selected_ = -1;
    bool name_active_ = false;  // the name field had the keyboard last frame
    bool refocus_ = false;      // a question over the dialog took the keyboard from it
    char name_[1024] = {};
    std::string error_;
};

}  // namespace interleave::ui
