#!/usr/bin/env bash
# The desktop code editor under a private Xvfb, driven like a user with xdotool: open a .py
# file from the command line, click into the editor, type (Enter auto-indents), undo, indent
# with Tab and Shift+Tab, paste from and copy to the X clipboard (xclip), change the text size
# (remembered in the settings file), open another file through File > Open (Ctrl+O) and save
# with Ctrl+S, drop a file on the window (XDND), be asked before a sample or quitting (closing
# the window) replaces unsaved changes, find an edited sample again after a restart. What the
# editor holds is checked through the files it saves. Screenshots: build/e2e/desktop-editor*.png.
#
#   tests/desktop_editor.sh build/native/interleave
set -euo pipefail

APP="$(realpath "${1:?usage: desktop_editor.sh path/to/interleave}")"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/build/e2e"
mkdir -p "$OUT"
for tool in Xvfb xdotool xclip import; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (./build.sh setup)"; exit 1; }
done

WORK="$(mktemp -d)"
DISPLAY_NUM=120
while [ -e "/tmp/.X$DISPLAY_NUM-lock" ] || [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ]; do
  DISPLAY_NUM=$((DISPLAY_NUM + 1))
done
XVFB_PID="" APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >"$OUT/xvfb-editor.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do
  [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break
  sleep 0.1
done
export DISPLAY=":$DISPLAY_NUM"
export XDG_CONFIG_HOME="$WORK/config"   # the text size is remembered here, not in ~
export XDG_STATE_HOME="$WORK/state"     # and edited samples are kept here

# until <seconds> <what> <command...>: polls the condition every 0.1 s (the app runs at its
# own pace on a busy machine); fails with `what` when it never holds.
until_ok() {
  local limit=$(( $1 * 10 )) what="$2" i
  shift 2
  for i in $(seq "$limit"); do
    "$@" && return 0
    sleep 0.1
  done
  echo "FAIL: $what"
  import -window root "$OUT/desktop-editor-fail.png" 2>/dev/null || true
  exit 1
}
file_is() { [ "$(cat "$1" 2>/dev/null)" = "$2" ]; }

printf '# caf\xc3\xa9\nx = 1\n' >"$WORK/hello.py"
printf 'print("other")\n' >"$WORK/other.py"

"$APP" --size 1200x760 "$WORK/hello.py" >"$OUT/desktop-editor-app.log" 2>&1 &
APP_PID=$!
WIN=$(timeout 60 xdotool search --sync --name 'Interleave$' | head -1) || true  # '<sample> — Interleave' once it runs
[ -n "$WIN" ] || { echo "FAIL: no window"; cat "$OUT/desktop-editor-app.log"; exit 1; }
until_ok 30 "the window to be mapped" xdotool getwindowgeometry "$WIN"

# 1. Type into the editor (the code panel's text area), save, check.
xdotool mousemove 520 200 click 1
xdotool key ctrl+End
xdotool type 'if x:'
xdotool key Return
xdotool type 'y = 2'
xdotool key ctrl+s
until_ok 30 "typing + Ctrl+S to save the auto-indented text" \
  file_is "$WORK/hello.py" $'# caf\u00e9\nx = 1\nif x:\n    y = 2'
import -window root "$OUT/desktop-editor.png"
echo "typed and saved: ok"

# 2. Undo takes back the last word; Tab / Shift+Tab indent and dedent every line.
xdotool key ctrl+z ctrl+s
until_ok 30 "Ctrl+Z to undo ' 2'" file_is "$WORK/hello.py" $'# caf\u00e9\nx = 1\nif x:\n    y ='
xdotool key ctrl+a Tab ctrl+s
until_ok 30 "Tab to indent the selected lines" \
  file_is "$WORK/hello.py" $'    # caf\u00e9\n    x = 1\n    if x:\n        y ='
xdotool key shift+Tab ctrl+s
until_ok 30 "Shift+Tab to dedent them" file_is "$WORK/hello.py" $'# caf\u00e9\nx = 1\nif x:\n    y ='
echo "undo, Tab, Shift+Tab: ok"

# 3. The X clipboard both ways.
printf 'z = "from the clipboard"' | xclip -selection clipboard -loops 1 &
XCLIP_PID=$!
until_ok 10 "xclip to own the clipboard" bash -c "xclip -o -selection clipboard -t TARGETS >/dev/null 2>&1"
xdotool key ctrl+End Return BackSpace ctrl+v ctrl+s
until_ok 30 "Ctrl+V to paste the X clipboard" \
  file_is "$WORK/hello.py" $'# caf\u00e9\nx = 1\nif x:\n    y =\nz = "from the clipboard"'
wait "$XCLIP_PID" 2>/dev/null || true
xdotool key ctrl+Home shift+End ctrl+c
until_ok 30 "Ctrl+C to copy the first line to the X clipboard" \
  bash -c "[ \"\$(xclip -o -selection clipboard 2>/dev/null)\" = $'# caf\u00e9' ]"
echo "clipboard paste and copy: ok"

# 4. Text size: Ctrl+= and Ctrl+0, remembered per device.
xdotool key ctrl+equal
until_ok 30 "Ctrl+= to remember text_scale=1.1" grep -qx 'text_scale=1.1' "$XDG_CONFIG_HOME/interleave/settings"
import -window root "$OUT/desktop-editor-larger.png"
xdotool key ctrl+0
until_ok 30 "Ctrl+0 to reset the text size" grep -qx 'text_scale=1.0' "$XDG_CONFIG_HOME/interleave/settings"
echo "text size: ok"

# 5. File > Open (Ctrl+O): type the other file's path, Enter; edit it and save.
xdotool key ctrl+o
xdotool type --delay 20 "$WORK/other.py"
xdotool key Return
until_ok 30 "File > Open to open other.py" grep -q "Opened other.py" "$OUT/desktop-editor-app.log"
xdotool mousemove 520 200 click 1
xdotool key ctrl+End
xdotool type '# seen'
xdotool key ctrl+s
until_ok 30 "Ctrl+O to open other.py (then Ctrl+S saves it)" \
  file_is "$WORK/other.py" $'print("other")\n# seen'
import -window root "$OUT/desktop-editor-open.png"
echo "open another file: ok"

# 6. Drag and drop: a .py file dropped on the window opens in the editor. The drop goes through
#    XDND as a file manager's does (tests/desktop/xdnd_drop.cpp; xdotool cannot drag a file).
printf 'print("dropped")\n' >"$WORK/dropped.py"
DROP="$(dirname "$APP")/xdnd_drop"
[ -x "$DROP" ] || { echo "FAIL: $DROP is not built (ninja xdnd_drop)"; exit 1; }
"$DROP" "$WIN" "$WORK/dropped.py"
until_ok 30 "the dropped file to open" grep -q "Opened dropped.py" "$OUT/desktop-editor-app.log"
xdotool mousemove 520 200 click 1
xdotool key ctrl+End
xdotool type '# here'
xdotool key ctrl+s
until_ok 30 "the dropped file to be the editor's (Ctrl+S saves it)" \
  file_is "$WORK/dropped.py" $'print("dropped")\n# here'
import -window root "$OUT/desktop-editor-drop.png"
echo "drag and drop a file: ok"

# 7. A sample picked over unsaved changes asks first: Esc keeps the file's text (Ctrl+S then
#    saves it), and once saved the sample opens without a question and the file stays as saved.
xdotool type '# more'
xdotool mousemove 120 185 click 1   # Multiprocessing, in the gallery
until_ok 30 "the question before the unsaved file is replaced" \
  grep -q "dropped.py has unsaved changes" "$OUT/desktop-editor-app.log"
sleep 1.5  # the dialog is drawn (only for the screenshot; the checks poll)
import -window root "$OUT/desktop-editor-unsaved.png"
xdotool key Escape   # Keep editing
xdotool key ctrl+s   # at once: it reaches the app while the editor is not focused yet
until_ok 30 "Keep editing, then Ctrl+S to save the kept text" \
  file_is "$WORK/dropped.py" $'print("dropped")\n# here# more'
xdotool mousemove 120 185 click 1
until_ok 30 "the saved file to give way to the sample" grep -q "Closed dropped.py" "$OUT/desktop-editor-app.log"
file_is "$WORK/dropped.py" $'print("dropped")\n# here# more' || { echo "FAIL: the file changed"; exit 1; }
echo "unsaved changes asked before a sample replaces them: ok"

# 7b. A file dropped while File > Open is up over unsaved changes: the question comes over the
#     dialog, which stays. Esc answers it (Keep editing), and the dialog still takes the path
#     typed next; opening that file asks again (once), Enter saves, and it opens.
printf 'print("a")\n' >"$WORK/dlg.py"
"$DROP" "$WIN" "$WORK/dlg.py"
until_ok 30 "dlg.py to open" grep -q "Opened dlg.py" "$OUT/desktop-editor-app.log"
xdotool mousemove 520 200 click 1
xdotool key ctrl+End
xdotool type '# dlg'
pixel() { import -window root -crop 1x1+30+600 -depth 8 txt:- 2>/dev/null | tail -1 | awk '{print $3}'; }
export -f pixel
BEFORE="$(pixel)"
xdotool key ctrl+o
# A modal dims the window behind it: the dialog is up once the gallery's corner is darker.
until_ok 30 "File > Open to come up" bash -c "[ \"\$(pixel)\" != '$BEFORE' ]"
"$DROP" "$WIN" "$WORK/other.py"
until_ok 30 "the question over the dialog" grep -q "dlg.py has unsaved changes" "$OUT/desktop-editor-app.log"
sleep 1.5  # the dialog is drawn (only for the screenshot; the checks poll)
import -window root "$OUT/desktop-editor-over-dialog.png"
xdotool key Escape   # Keep editing: the question goes, the dialog stays
xdotool type --delay 20 "$WORK/other.py"
xdotool key Return
until_ok 30 "the dialog to take the path, and opening it to ask again" \
  bash -c "[ \$(grep -c 'dlg.py has unsaved changes' '$OUT/desktop-editor-app.log') -ge 2 ]"
xdotool key Return   # Save, then open other.py
until_ok 30 "Enter to save dlg.py, then other.py to open" \
  bash -c "[ \$(grep -c 'Opened other.py' '$OUT/desktop-editor-app.log') -ge 2 ]"
file_is "$WORK/dlg.py" $'print("a")\n# dlg' || { echo "FAIL: dlg.py not saved"; exit 1; }
[ "$(grep -c 'dlg.py has unsaved changes' "$OUT/desktop-editor-app.log")" = 2 ] ||
  { echo "FAIL: asked more than once per file"; exit 1; }
echo "a question while File > Open is up comes over the dialog: ok"

# 8. Closing the window (its close button, Alt+F4: the window manager's WM_DELETE_WINDOW, sent
#    by tests/desktop/wm_close.cpp) over unsaved changes asks first: Esc keeps the app and the
#    text; closed again, Enter saves the file and the app ends (exit 0).
CLOSE="$(dirname "$APP")/wm_close"
[ -x "$CLOSE" ] || { echo "FAIL: $CLOSE is not built (ninja wm_close)"; exit 1; }
printf 'print("quit")\n' >"$WORK/quit.py"
"$DROP" "$WIN" "$WORK/quit.py"
until_ok 30 "quit.py to open" grep -q "Opened quit.py" "$OUT/desktop-editor-app.log"
xdotool mousemove 520 200 click 1
xdotool key ctrl+End
xdotool type '# bye'
"$CLOSE" "$WIN"
until_ok 30 "the question before closing over unsaved changes" \
  grep -q "quit.py has unsaved changes" "$OUT/desktop-editor-app.log"
sleep 1.5  # the dialog is drawn (only for the screenshot; the checks poll)
import -window root "$OUT/desktop-editor-quit.png"
xdotool key Escape   # Keep editing; the app is still there, with the text: Ctrl+S saves it
xdotool key ctrl+s
until_ok 30 "Keep editing, then Ctrl+S to save the kept text" \
  file_is "$WORK/quit.py" $'print("quit")\n# bye'
kill -0 "$APP_PID" || { echo "FAIL: the app ended on Keep editing"; exit 1; }
xdotool type '!'
"$CLOSE" "$WIN"
until_ok 30 "the question again" \
  bash -c "[ \$(grep -c 'quit.py has unsaved changes' '$OUT/desktop-editor-app.log') -ge 2 ]"
xdotool key Return   # Save, then quit
until_ok 30 "Enter to save and quit" grep -q "frames rendered" "$OUT/desktop-editor-app.log"
wait "$APP_PID" && rc=0 || rc=$?
APP_PID=""
[ "$rc" = 0 ] || { echo "FAIL: the app ended with $rc"; exit 1; }
file_is "$WORK/quit.py" $'print("quit")\n# bye!' || { echo "FAIL: not saved before quitting"; exit 1; }
echo "closing the window over unsaved changes asks first: ok"

# 9. A sample's edit is kept for the next start ($XDG_STATE_HOME/interleave/drafts): closing
#    the window asks nothing, and the next start shows the edit ("Untitled" in the title).
#    Damaged kept edits are said and left out; the app starts as usual.
mkdir -p "$XDG_STATE_HOME/interleave"
printf 'interleave-drafts 1\nthreading 99\nbroken' >"$XDG_STATE_HOME/interleave/drafts"
start_app2() {  # <log>
  "$APP" --size 1200x760 >"$1" 2>&1 &
  APP_PID=$!
  until_ok 60 "the window" bash -c "xdotool search --name 'Interleave\$' >/dev/null"
  WIN=$(xdotool search --name 'Interleave$' | head -1)
  until_ok 30 "the window to be mapped" xdotool getwindowgeometry "$WIN"
}
start_app2 "$OUT/desktop-editor-app2.log"
until_ok 30 "damaged kept edits to be said" grep -q "Kept edits from before are damaged" \
  "$OUT/desktop-editor-app2.log"
# ... and never written over: moved aside unchanged, and where it went is said.
until_ok 30 "where the damaged kept edits went to be said" grep -q \
  "moved unchanged to $XDG_STATE_HOME/interleave/drafts.unreadable-" "$OUT/desktop-editor-app2.log"
file_is "$(ls "$XDG_STATE_HOME"/interleave/drafts.unreadable-*)" \
  "$(printf 'interleave-drafts 1\nthreading 99\nbroken')" ||
  { echo "FAIL: the damaged kept edits were not kept unchanged"; exit 1; }
xdotool mousemove 520 200 click 1
xdotool key ctrl+End
xdotool type '# tried'
until_ok 30 "the edit to be kept as it is typed" grep -q '# tried' "$XDG_STATE_HOME/interleave/drafts"
"$CLOSE" "$WIN"
until_ok 30 "the window to close at once" grep -q "frames rendered" "$OUT/desktop-editor-app2.log"
wait "$APP_PID" && rc=0 || rc=$?
APP_PID=""
[ "$rc" = 0 ] || { echo "FAIL: the app ended with $rc"; exit 1; }
start_app2 "$OUT/desktop-editor-app3.log"
until_ok 30 "the kept edit shown at the next start" \
  bash -c "xdotool search --name '^Untitled' >/dev/null"
import -window root "$OUT/desktop-editor-kept.png"
"$CLOSE" "$WIN"
until_ok 30 "the window to close" grep -q "frames rendered" "$OUT/desktop-editor-app3.log"
wait "$APP_PID" && rc=0 || rc=$?
APP_PID=""
[ "$rc" = 0 ] || { echo "FAIL: the app ended with $rc"; exit 1; }
echo "an edited sample is kept for the next start: ok"

# 10. Kept edits that cannot be written say why: a state directory that cannot be made (here
#     under a file: "Not a directory", whoever runs the test) is named with create_directories'
#     error, not the temporary file's "No such file or directory".
XDG_STATE_HOME="$WORK/hello.py/state" start_app2 "$OUT/desktop-editor-app4.log"
xdotool mousemove 520 200 click 1
xdotool key ctrl+End
xdotool type '# unkept'
until_ok 30 "the unwritable store to be said with its cause" grep -q \
  "Your edits are not kept for next time: cannot create $WORK/hello.py/state/interleave: Not a directory" \
  "$OUT/desktop-editor-app4.log"
import -window root "$OUT/desktop-editor-unkept.png"
kill "$APP_PID" 2>/dev/null || true
wait "$APP_PID" 2>/dev/null || true
APP_PID=""
echo "an unwritable store is said with its cause: ok"

# 11. The find bar takes its editing keys pressed one at a time, as a person presses them (each
#     reaches the app in a frame of its own; xdotool's pause between them is the typist's, not
#     a wait for the app): Ctrl+F, "sleepx", Backspace, Enter (the next "sleep"), Left, Esc
#     closes the bar, and the next letter is the code's (kept as typed: seen in the state file).
start_app2 "$OUT/desktop-editor-app5.log"
xdotool mousemove 520 200 click 1
xdotool key ctrl+f
xdotool type --delay 100 'sleepx'
for k in BackSpace Return Left; do
  sleep 0.5
  xdotool key "$k"
done
sleep 0.5
import -window root "$OUT/desktop-editor-find.png"
xdotool key Escape
sleep 0.5
xdotool type 'qzj'
until_ok 30 "Esc to close the find bar and the next letter to go into the code" \
  grep -q 'qzj' "$XDG_STATE_HOME/interleave/drafts"
"$CLOSE" "$WIN"
until_ok 30 "the window to close" grep -q "frames rendered" "$OUT/desktop-editor-app5.log"
wait "$APP_PID" && rc=0 || rc=$?
APP_PID=""
[ "$rc" = 0 ] || { echo "FAIL: the app ended with $rc"; exit 1; }
echo "the find bar takes Backspace, Enter, Left and Esc one at a time: ok"

if grep -iE "error|assert" "$OUT/desktop-editor-app.log" "$OUT/desktop-editor-app3.log"; then
  echo "FAIL: errors in the app's output"; exit 1
fi
echo "PASS: desktop editor (screenshots in build/e2e/desktop-editor*.png)"
