// The header's File menu (desktop: Open / Save / Save as, Ctrl+O / Ctrl+S / Ctrl+Shift+S, the
// small file dialog, a file from the command line or dropped on the window) and Text size
// (both builds: Ctrl+= / Ctrl+- / Ctrl+0, remembered per device).
#include <imgui.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ui/playground.hpp"

namespace fs = std::filesystem;

namespace interleave::ui {

namespace {

constexpr uintmax_t kMaxFileBytes = 1 << 20;  // far past any program a learner writes

std::string size_text(uintmax_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

bool pressed(int key) {
    return key >= 0 && ImGui::IsKeyPressed(key, false);
}

}  // namespace

std::string open_code_file(Playground& p, const std::string& path) {
    std::error_code ec;
    const fs::path fp(path);
    if (fs::is_directory(fp, ec)) return path + " is a folder, not a file";
    const uintmax_t size = fs::file_size(fp, ec);
    if (ec) return "Cannot open " + path + ": " + ec.message();
    if (size > kMaxFileBytes)
        return "Not opened: " + path + " is " + size_text(size) +
               "; the editor takes files up to 1 MB";
    std::ifstream in(fp, std::ios::binary);
    if (!in) return "Cannot open " + path + ": " + std::strerror(errno);
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    if (text.find('\0') != std::string::npos)
        return "Not opened: " + path + " is not a text file (it contains NUL bytes)";
    // An edited sample's text is kept as its draft (picking the sample brings it back).
    std::string kept;
    if (p.file_path.empty() && p.code_edited()) {
        p.drafts[p.current().id] = p.editor.text();
        kept = "; your edit of " + p.current().title + " is kept: pick it to get it back";
    }
    p.editor.set_text(text);
    p.file_path = fs::absolute(fp, ec).string();
    p.file_text = p.editor.text();  // as the editor has it (line ends normalised)
    std::string msg = "Opened " + fp.filename().string();
    for (const auto& n : p.editor.model().take_notices()) msg += " (" + n + ")";
    msg += kept;
    p.flash(msg, 6);
    return "";
}

std::string save_code_file(Playground& p, const std::string& path) {
    const fs::path fp(path);
    fs::path tmp = fp;
    tmp += ".interleave-tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return "Not saved: cannot write " + tmp.string() + ": " + std::strerror(errno);
        std::string text = p.editor.text();
        if (!text.empty() && text.back() != '\n') text += '\n';  // POSIX text files end in one
        out << text;
        out.close();
        if (!out) return "Not saved: writing " + tmp.string() + " failed: " + std::strerror(errno);
    }
    std::error_code ec;
    fs::rename(tmp, fp, ec);  // all or nothing: the old file stays whole until this succeeds
    if (ec) {
        fs::remove(tmp, ec);
        return "Not saved: cannot replace " + path + ": " + ec.message();
    }
    p.file_path = fs::absolute(fp, ec).string();
    p.file_text = p.editor.text();
    p.flash("Saved " + p.file_path, 6);
    return "";
}

void set_text_scale(Playground& p, float scale) {
    scale = std::round(std::clamp(scale, 0.7f, 2.5f) * 10.f) / 10.f;
    if (scale == p.text_scale) return;
    p.text_scale = scale;
    p.restyle = true;  // fonts are rebuilt between frames (main.cpp)
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(scale));
    if (p.hooks.save_setting) p.hooks.save_setting("text_scale", buf);
    p.flash("Text size " + std::to_string(static_cast<int>(std::lround(scale * 100))) + " %", 2);
}

bool Playground::file_unsaved() const {
    if (file_path.empty()) return false;
    // Drawn every frame (the code panel's label): compared again only after a change.
    if (unsaved_version_ != editor.model().version() || unsaved_file_ != file_text) {
        unsaved_version_ = editor.model().version();
        unsaved_file_ = file_text;
        unsaved_ = editor.text() != file_text;
    }
    return unsaved_;
}

void Playground::request_sample(int index) {
    if (file_unsaved()) {
        replace_ask = {index, {}};
        editor.blur();  // what is typed next belongs to the question
        flash(fs::path(file_path).filename().string() + " has unsaved changes", 6);
        return;
    }
    select_sample(index);
}

void Playground::request_open(const std::string& path) {
    if (file_unsaved()) {  // the same file too: reopening it would drop the changes
        replace_ask = {-1, path};
        editor.blur();
        flash(fs::path(file_path).filename().string() + " has unsaved changes", 6);
        return;
    }
    if (std::string err = open_code_file(*this, path); !err.empty()) flash(err, 8);
}

std::vector<std::string> Playground::sample_edits() const {
    std::vector<std::string> titles;
    for (const auto& s : samples::catalog()) {
        const bool shown = file_path.empty() && s.id == current().id;
        if (shown ? code_edited() : drafts.count(s.id) > 0) titles.push_back(s.title);
    }
    return titles;
}

bool Playground::request_quit() {
    // Edited samples are kept for the next start when they can be stored.
    if (quit_confirmed || (!file_unsaved() && (sample_edits().empty() || store_drafts())))
        return true;
    replace_ask = {};  // a question about a sample or file gives way: quitting replaces them all
    replace_ask.quit = true;
    editor.blur();
    flash(file_unsaved() ? fs::path(file_path).filename().string() + " has unsaved changes"
                         : "Edited samples are not saved in a file",
          6);
    return false;
}

namespace {
void open_dialog(Playground& p, FileDialog::Mode mode);

std::string joined(const std::vector<std::string>& titles) {
    std::string out;
    for (const auto& t : titles) out += (out.empty() ? "" : ", ") + t;
    return out;
}

// "Unsaved changes": an open file's edited text would be replaced or, quitting, lost
// (Playground::request_*). Save (or Enter) writes it and goes on, Discard goes on, Keep
// editing (or Esc) stays. Quitting with edited samples and no unsaved file: Save as... opens
// the save dialog for the one shown (the app stays), Discard quits, Keep editing stays.
void draw_replace_ask(Playground& p) {
    const char* id = "Unsaved changes###replace_ask";
    if (!p.replace_ask.pending()) return;
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const std::string name = fs::path(p.file_path).filename().string();
    const auto& ask = p.replace_ask;
    const std::string what =
        ask.sample >= 0 ? "the sample " + samples::catalog()[static_cast<size_t>(ask.sample)].title
                        : fs::path(ask.path).filename().string();
    const bool file = p.file_unsaved();
    const std::vector<std::string> edits = ask.quit ? p.sample_edits() : std::vector<std::string>();
    const std::string list = joined(edits);
    if (file)
        ImGui::Text("%s has changes that are not saved.", name.c_str());
    else
        ImGui::Text("Your %s of %s %s not saved in a file.", edits.size() == 1 ? "edit" : "edits",
                    list.c_str(), edits.size() == 1 ? "is" : "are");
    if (!ask.quit)
        ImGui::Text("Opening %s replaces the editor's text.", what.c_str());
    else if (file && !edits.empty())
        ImGui::Text("Quitting Interleave loses them, and your edits of %s.", list.c_str());
    else
        ImGui::Text("Quitting Interleave loses %s.", edits.size() == 1 && !file ? "it" : "them");
    ImGui::Spacing();
    enum class Answer { none, save, save_as, discard, keep } answer = Answer::none;
    if (file) {
        // Enter saves: the answer that loses nothing.
        if (ImGui::Button("Save") || pressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) ||
            pressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
            answer = Answer::save;
        p.controls.note("replace-save", ControlKind::button);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Save %s, then %s", name.c_str(),
                              ask.quit ? "quit" : ("open " + what).c_str());
    } else {
        if (ImGui::Button("Save as...")) answer = Answer::save_as;
        p.controls.note("replace-save-as", ControlKind::button);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Save the program shown in a file (Interleave stays open)");
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard changes")) answer = Answer::discard;
    p.controls.note("replace-discard", ControlKind::button);
    ImGui::SameLine();
    if (ImGui::Button("Keep editing") || pressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        answer = Answer::keep;
    p.controls.note("replace-keep", ControlKind::button);
    if (answer == Answer::save) {
        if (std::string err = save_code_file(p, p.file_path); !err.empty()) {
            p.flash(err, 8);  // not saved: nothing is replaced
            answer = Answer::keep;
        }
    }
    if (answer != Answer::none) {
        const Playground::ReplaceAsk go = p.replace_ask;
        p.replace_ask = {};
        ImGui::CloseCurrentPopup();
        if (answer == Answer::save_as) {
            open_dialog(p, FileDialog::Mode::save);
        } else if (answer != Answer::keep) {
            if (go.quit) {
                p.quit_confirmed = true;  // the platform ends the app after this frame
            } else if (go.sample >= 0) {
                p.select_sample(go.sample);
            } else {
                p.file_text = p.editor.text();  // saved, or its changes given up
                p.request_open(go.path);
            }
        }
        // Keep editing: back to the code, or to the dialog the question came over. (Not
        // after Enter: the editor, drawn later in this frame, would type it.)
        if (answer == Answer::keep && !p.file_dialog.is_open()) p.editor.focus();
    }
    ImGui::EndPopup();
}

void open_dialog(Playground& p, FileDialog::Mode mode) {
    p.editor.blur();  // what is typed next belongs to the dialog
    const fs::path start = !p.file_path.empty()             ? fs::path(p.file_path)
                           : mode == FileDialog::Mode::save ? fs::path(p.current().id + ".py")
                                                            : fs::path();
    p.file_dialog.open(mode, start);
}

void save(Playground& p, bool as) {
    if (as || p.file_path.empty())
        open_dialog(p, FileDialog::Mode::save);
    else if (std::string err = save_code_file(p, p.file_path); !err.empty())
        p.flash(err, 8);
}
}  // namespace

void editor_command(Playground& p, CodeEditor::Command c) {
    if (p.hooks.is_web || c == CodeEditor::Command::none) return;
    ++p.file_keys_taken;  // its key state comes now or a few frames later: file_shortcuts
    if (c == CodeEditor::Command::open_file) open_dialog(p, FileDialog::Mode::open);
    if (c == CodeEditor::Command::save_file) save(p, false);
    if (c == CodeEditor::Command::save_as) save(p, true);
}

void file_shortcuts(Playground& p) {
    ImGuiIO& io = ImGui::GetIO();
    const auto& k = p.hooks.keys;
    // A key let go has had its press seen (key state keeps their order): what the queue held
    // beyond it (auto-repeat) is forgotten.
    const auto released = [](int key) { return key >= 0 && ImGui::IsKeyReleased(key); };
    if (released(k.o) || released(k.s)) p.file_keys_taken = 0;
    const bool primary = p.hooks.mac_shortcuts ? io.KeySuper : io.KeyCtrl;
    if (!primary || io.KeyAlt) return;
    if (pressed(k.equal) || pressed(k.kp_add)) set_text_scale(p, p.text_scale + 0.1f);
    if (pressed(k.minus) || pressed(k.kp_subtract)) set_text_scale(p, p.text_scale - 0.1f);
    if (pressed(k.digit0)) set_text_scale(p, 1.f);
    if (p.hooks.is_web) return;  // the web page's editor takes them from its queue only
    const bool o = pressed(k.o), s = pressed(k.s);
    if (!o && !s) return;
    // With ordered keys the editor takes these from its queue, in typing order
    // (editor_command), when the platform saw it focused as the key arrived; that key's
    // state, seen now, is not acted on again. A key the queue never had is (the editor was
    // focused only after it arrived: Esc answering a question, then Ctrl+S at once).
    if (p.editor.config.ordered_keys && p.file_keys_taken > 0) {
        --p.file_keys_taken;
        return;
    }
    if (p.replace_ask.pending()) return;  // answer the question first
    if (o) open_dialog(p, FileDialog::Mode::open);
    if (s) save(p, io.KeyShift);
}

float file_menu_button_w(const char* label) {
    // At least the label with its padding: the narrow layout's padding makes 44 px targets.
    const float fs = ImGui::GetFontSize();
    return std::max(fs * (label[0] == 'F' ? 3.2f : 2.4f), button_width(label));
}

float file_menu_width(const Playground& p) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    return (p.hooks.is_web ? 0 : file_menu_button_w("File") + gap) + file_menu_button_w("Aa");
}

void draw_file_menu(Playground& p) {
    if (!p.hooks.is_web) {
        if (ImGui::Button("File", ImVec2(file_menu_button_w("File"), 0)))
            ImGui::OpenPopup("file_menu");
        p.controls.note("file", ControlKind::button);
        if (ImGui::BeginPopup("file_menu")) {
            if (ImGui::MenuItem("Open...", "Ctrl+O")) open_dialog(p, FileDialog::Mode::open);
            if (ImGui::MenuItem("Save", "Ctrl+S")) save(p, false);
            if (ImGui::MenuItem("Save as...", "Ctrl+Shift+S")) save(p, true);
            ImGui::Separator();
            ImGui::TextDisabled("Or drop a .py file on the window");
            ImGui::EndPopup();
        }
        ImGui::SameLine();
    }
    if (ImGui::Button("Aa", ImVec2(file_menu_button_w("Aa"), 0))) ImGui::OpenPopup("text_size");
    p.controls.note("text_size", ControlKind::button);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Text size (Ctrl+= / Ctrl+- / Ctrl+0)");
    if (ImGui::BeginPopup("text_size")) {
        ImGui::Text("Text size: %d %%", static_cast<int>(std::lround(p.text_scale * 100)));
        if (ImGui::MenuItem("Larger", "Ctrl+=")) set_text_scale(p, p.text_scale + 0.1f);
        if (ImGui::MenuItem("Smaller", "Ctrl+-")) set_text_scale(p, p.text_scale - 0.1f);
        if (ImGui::MenuItem("Reset", "Ctrl+0")) set_text_scale(p, 1.f);
        ImGui::EndPopup();
    }

    // A question asked while the dialog is up (a file dropped, the window closed) comes over
    // it, drawn inside it: opened beside it, ImGui would replace the dialog's popup.
    bool asked = false;
    const auto ask = [&] {
        asked = true;
        draw_replace_ask(p);
    };
    if (p.file_dialog.draw(p.replace_ask.pending(), ask)) {
        const std::string path = p.file_dialog.chosen().string();
        if (p.file_dialog.mode() == FileDialog::Mode::open)
            p.request_open(path);
        else if (std::string err = save_code_file(p, path); !err.empty())
            p.flash(err, 8);
        if (!p.replace_ask.pending()) p.editor.focus();  // back to the code
    }
    if (!asked) draw_replace_ask(p);
}

}  // namespace interleave::ui
