// The desktop's file dialog (see file_dialog.hpp).
#include "ui/editor/file_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <system_error>

#include "ui/editor/code_editor.hpp"  // key_event codes in the character queue
#include "ui/editor/utf8.hpp"

namespace fs = std::filesystem;

namespace interleave::ui {

namespace {

bool is_py(const std::string& name) {
    if (name.size() < 4) return false;
    std::string ext = name.substr(name.size() - 3);
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".py";
}

void set_name(char (&buf)[1024], const std::string& s) {
    const size_t n = std::min(s.size(), sizeof buf - 1);
    std::copy_n(s.data(), n, buf);
    buf[n] = 0;
}

}  // namespace

void FileDialog::open(Mode mode, const fs::path& start) {
    mode_ = mode;
    request_ = true;
    confirm_replace_ = refocus_ = false;
    error_.clear();
    name_[0] = 0;
    std::error_code ec;
    fs::path dir = start.empty() ? fs::current_path(ec) : start;
    if (!start.empty() && !fs::is_directory(start, ec)) {
        dir = start.has_parent_path() ? start.parent_path() : fs::current_path(ec);
        if (mode == Mode::save) set_name(name_, start.filename().string());
    }
    enter(dir.empty() ? fs::path(".") : dir);
}

void FileDialog::enter(const fs::path& dir) {
    std::error_code ec;
    fs::path abs = fs::absolute(dir, ec);
    if (ec) abs = dir;
    std::vector<Entry> list;
    fs::directory_iterator it(abs, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        error_ = "Cannot open " + abs.string() + ": " + ec.message();
        return;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        const bool folder = it->is_directory(e2);
        if (folder || is_py(name)) list.push_back({name, folder});
    }
    std::sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
        return a.folder != b.folder ? a.folder : a.name < b.name;
    });
    dir_ = abs.lexically_normal();
    entries_ = std::move(list);
    selected_ = -1;
    error_.clear();
}

bool FileDialog::accept(const fs::path& typed) {
    std::error_code ec;
    const fs::path p = typed.is_absolute() ? typed : dir_ / typed;
    if (fs::is_directory(p, ec)) {
        enter(p);
        name_[0] = 0;
        return false;
    }
    if (mode_ == Mode::open) {
        if (!fs::exists(p, ec)) {
            error_ = "No file " + p.string();
            return false;
        }
    } else if (fs::exists(p, ec) && !confirm_replace_) {
        confirm_replace_ = true;
        pending_ = p;
        return false;
    }
    chosen_ = p.lexically_normal();
    return true;
}

bool FileDialog::draw(bool covered, const std::function<void()>& over) {
    const char* title = mode_ == Mode::open ? "Open a Python file" : "Save the code as";
    if (request_) {
        ImGui::OpenPopup(title);
        request_ = false;
        open_ = true;
    }
    if (!open_) return false;
    const float fs = ImGui::GetFontSize();
    ImGui::SetNextWindowSize(ImVec2(fs * 34, fs * 26), ImGuiCond_Appearing);
    bool chosen = false;
    bool keep = true;
    if (!ImGui::BeginPopupModal(title, &keep)) {
        open_ = keep && ImGui::IsPopupOpen(title);
        return false;
    }
    if (ImGui::Button("Up")) enter(dir_.parent_path());
    ImGui::SameLine();
    ImGui::TextUnformatted(dir_.string().c_str());

    const float footer =
        ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing();
    ImGui::BeginChild("entries", ImVec2(0, -footer), true);
    for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
        const Entry& e = entries_[static_cast<size_t>(i)];
        const std::string label = e.folder ? e.name + "/" : e.name;
        if (ImGui::Selectable(label.c_str(), selected_ == i,
                              ImGuiSelectableFlags_AllowDoubleClick)) {
            selected_ = i;
            if (!e.folder) set_name(name_, e.name);
            if (ImGui::IsMouseDoubleClicked(0)) {
                if (e.folder) {
                    enter(dir_ / e.name);
                    break;
                }
                chosen = accept(dir_ / e.name);
            }
        }
    }
    if (entries_.empty()) ImGui::TextDisabled("(no folders or .py files here)");
    ImGui::EndChild();

    if (!error_.empty())
        ImGui::TextColored(ImVec4(0.95f, 0.45f, 0.35f, 1), "%s", error_.c_str());
    else if (confirm_replace_)
        ImGui::TextColored(ImVec4(0.95f, 0.7f, 0.3f, 1), "%s exists. Save again to replace it.",
                           pending_.filename().string().c_str());
    else
        ImGui::TextDisabled(mode_ == Mode::open ? "Pick a .py file, or type a path"
                                                : "Type a file name (.py is added if missing)");
    // Type-ahead: until the name field has the keyboard (a frame after the dialog appears),
    // what is typed is taken here, in order, keys as the editor sends them included.
    bool typed_enter = false;
    if (covered) {  // the question took the keyboard: the field gets it back after it
        name_active_ = false;
        refocus_ = true;
    }
    if (!name_active_ && !covered) {
        ImVector<ImWchar>& q = ImGui::GetIO().InputQueueCharacters;
        std::string name = name_;
        for (ImWchar c : q) {
            if (is_key_event(c)) {
                const auto key = static_cast<EditorKey>(c & 63);
                if (key == EditorKey::enter) typed_enter = true;
                if (key == EditorKey::escape) keep = false;
                if (key == EditorKey::backspace && !name.empty()) name.pop_back();
            } else if (c >= 0x20 && c != 0x7F && c < 0x80) {
                name += static_cast<char>(c);
            } else if (c >= 0x80) {
                utf8::append(name, c);
            }
        }
        q.resize(0);
        set_name(name_, name);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false)) typed_enter = true;
    }
    ImGui::SetNextItemWidth(-fs * 11);
    if (ImGui::IsWindowAppearing() || (refocus_ && !covered)) {
        ImGui::SetKeyboardFocusHere();
        refocus_ = false;
    }
    // Focusing a field selects its text; with type-ahead in it, the caret goes to its end
    // instead (else the next key would replace what was typed).
    const bool enter_pressed = ImGui::InputTextWithHint(
        "##name", "file name", name_, sizeof name_,
        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways,
        [](ImGuiInputTextCallbackData* d) {
            auto* self = static_cast<FileDialog*>(d->UserData);
            if (!self->name_active_) {
                d->SelectionStart = d->SelectionEnd = d->CursorPos = d->BufTextLen;
            }
            return 0;
        },
        this);
    name_active_ = ImGui::IsItemActive();
    if (enter_pressed) ImGui::SetKeyboardFocusHere(-1);  // Enter again confirms a replace
    if (ImGui::IsItemEdited()) confirm_replace_ = false;
    ImGui::SameLine();
    const bool ok = ImGui::Button(mode_ == Mode::open ? "Open" : "Save", ImVec2(fs * 4.5f, 0));
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(fs * 4.5f, 0))) keep = false;
    // Esc cancels, wherever the keyboard is in the dialog (in the field, ImGui's own Esc only
    // leaves the field).
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !covered) keep = false;
    if ((ok || enter_pressed || typed_enter) && name_[0] && !chosen && keep && !covered) {
        std::string name = name_;
        if (mode_ == Mode::save && !is_py(name) && name.find('.') == std::string::npos)
            name += ".py";
        chosen = accept(fs::path(name));
    }
    if (chosen || !keep) {
        ImGui::CloseCurrentPopup();
        open_ = false;
        name_active_ = false;
    } else if (over) {
        over();
    }
    ImGui::EndPopup();
    return chosen;
}

}  // namespace interleave::ui
