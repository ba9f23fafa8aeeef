#!/usr/bin/env bash
# Desktop smoke test: under a private Xvfb display the app starts, renders frames, writes its
# own screenshot (read back from its framebuffer) and exits cleanly; a second screenshot of
# the whole X screen is taken with ImageMagick while it runs. Both are checked to be non-blank.
#
#   tests/desktop_smoke.sh build/native/interleave     -> build/e2e/desktop.png, desktop-root.png
set -euo pipefail

APP="$(realpath "${1:?usage: desktop_smoke.sh path/to/interleave}")"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/build/e2e"
mkdir -p "$OUT"
rm -f "$OUT/desktop.png" "$OUT/desktop-root.png"

# A free display number: no lock file and no socket.
DISPLAY_NUM=99
while [ -e "/tmp/.X$DISPLAY_NUM-lock" ] || [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ]; do
  DISPLAY_NUM=$((DISPLAY_NUM + 1))
done

XVFB_PID="" APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 100); do   # up to 10 s for the server socket
  [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break
  sleep 0.1
done
[ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] || { echo "FAIL: Xvfb did not start"; cat "$OUT/xvfb.log"; exit 1; }
export DISPLAY=":$DISPLAY_NUM"

# 0. Outputs are checked before the window opens: an unwritable screenshot path is said (path and
#    the system's reason) and exits 3; no display needed for that. --help documents the codes.
set +e
"$APP" --screenshot /nonexistent-dir/x.png --frames 2 >"$OUT/desktop-badpath.log" 2>&1
code=$?
set -e
[ "$code" -eq 3 ] || { echo "FAIL: unwritable --screenshot exited $code, want 3"; cat "$OUT/desktop-badpath.log"; exit 1; }
grep -q "cannot write the screenshot to /nonexistent-dir/x.png: No such file or directory" \
  "$OUT/desktop-badpath.log" || { echo "FAIL: no reason given"; cat "$OUT/desktop-badpath.log"; exit 1; }
help=$("$APP" --help)
grep -q "3 the screenshot cannot be written" <<<"$help" || { echo "FAIL: --help lacks exit codes"; exit 1; }
echo "unwritable screenshot path: exit 3, $(cat "$OUT/desktop-badpath.log")"

check_png() {  # file: exists, right size, more than one colour
  local f="$1" colours
  [ -s "$f" ] || { echo "FAIL: $f was not written"; return 1; }
  colours=$(convert "$f" -format '%k' info:)
  echo "$f: $(identify -format '%wx%h' "$f"), $colours colours"
  [ "$colours" -gt 8 ] || { echo "FAIL: $f looks blank ($colours colours)"; return 1; }
}

# 1. The app renders 60 frames, writes its own screenshot of the last one and exits 0.
echo "run 1: $APP --screenshot desktop.png --frames 60"
timeout 120 "$APP" --size 1200x760 --screenshot "$OUT/desktop.png" --frames 60 \
  >"$OUT/desktop-app.log" 2>&1 || { echo "FAIL: app exited with $?"; cat "$OUT/desktop-app.log"; exit 1; }
cat "$OUT/desktop-app.log"
grep -q "60 frames rendered" "$OUT/desktop-app.log" || { echo "FAIL: no frame count"; exit 1; }
check_png "$OUT/desktop.png"

# 2. Left running (as a user would), the window shows up on the X screen.
"$APP" --size 1200x760 >"$OUT/desktop-app2.log" 2>&1 &
APP_PID=$!
sleep 3   # a fixed pause is fine here: a screenshot, not synchronisation the test relies on
kill -0 "$APP_PID" 2>/dev/null || { echo "FAIL: app died"; cat "$OUT/desktop-app2.log"; exit 1; }
import -window root "$OUT/desktop-root.png"
check_png "$OUT/desktop-root.png"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

if grep -iE "error|assert" "$OUT/desktop-app.log" "$OUT/desktop-app2.log"; then
  echo "FAIL: errors in the app's output"; exit 1
fi
echo "PASS: desktop smoke (screenshots in build/e2e/)"
