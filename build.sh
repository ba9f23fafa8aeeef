#!/usr/bin/env bash
# Interleave — one entry point for building, running and testing.
#
#   ./build.sh setup              install what is missing (Debian packages, playwright-core, ImGui)
#   ./build.sh native             desktop app, CLI and tests        -> build/native/
#   ./build.sh web                the WebAssembly playground         -> build/web/dist/
#   ./build.sh desktop [ARGS]     build and run the desktop app (ARGS go to the app)
#   ./build.sh serve [--port N]   build the web app if needed, serve it on 127.0.0.1 (8000)
#   ./build.sh test               every test suite, with a summary; non-zero if any failed
#   ./build.sh bench              the benchmarks
#
# Options (anywhere): --debug  debug builds (build/*-debug; web: Emscripten's abort-instead-of-
# hang guards). Environment: IMGUI_DIR (ImGui source tree), JOBS (default 2),
# INTERLEAVE_STRESS (multiplier of the engine tests' stress loops under the sanitizers, default 1).
# Every subcommand is idempotent: it installs what is missing and rebuilds only what changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

JOBS="${JOBS:-2}"
BUILD_TYPE=Release
SUFFIX=""
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --debug) BUILD_TYPE=Debug; SUFFIX="-debug" ;;
    *) ARGS+=("$arg") ;;
  esac
done
set -- "${ARGS[@]+"${ARGS[@]}"}"
CMD="${1:-help}"
[ $# -gt 0 ] && shift

NATIVE_DIR="build/native$SUFFIX"
WEB_DIR="build/web$SUFFIX"
APT_PACKAGES=(emscripten libglfw3-dev libx11-dev libgl-dev doctest-dev libfmt-dev cmake ninja-build python3
  chromium xvfb xauth imagemagick libtbb-dev clang libclang-rt-14-dev fonts-dejavu-core
  fonts-droid-fallback fonts-alee fonts-symbola
  ca-certificates xdotool xclip zlib1g-dev)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# --- setup -------------------------------------------------------------------------------------

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root for: $* (run as root or install sudo)"; fi
}

# Debian packages: one dpkg query; apt only when something is missing.
ensure_packages() {
  local missing=() p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # node and npm may come from elsewhere (e.g. NodeSource's nodejs, which conflicts with
  # Debian's npm): ask apt only for what is not on PATH.
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

# Dear ImGui 1.86 sources from Debian's source package, without touching /etc/apt.
ensure_imgui() {
  if [ -n "${IMGUI_DIR:-}" ]; then
    [ -f "$IMGUI_DIR/imgui.cpp" ] || die "IMGUI_DIR=$IMGUI_DIR has no imgui.cpp"
    return 0
  fi
  local D="$ROOT/build/_deps/aptsrc"   # apt needs absolute paths here
  IMGUI_DIR="$D/out/imgui-1.86"
  [ -f "$IMGUI_DIR/imgui.cpp" ] && [ -f "$IMGUI_DIR/backends/imgui_impl_glfw.cpp" ] && return 0
  say "Fetching Dear ImGui 1.86 from Debian's source package into $D"
  mkdir -p "$D/etc/sources.list.d" "$D/lists/partial" "$D/cache/archives/partial" "$D/out"
  : > "$D/etc/sources.list"
  local uri suite
  # Same archive and suite as the machine's own Debian entries (deb822 file first, classic list).
  uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1=="deb"{for(i=2;i<=NF;i++) if($i ~ /^(https?|file):/){print $i; exit}}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$uri" ] || uri="http://deb.debian.org/debian"
  suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
  printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$uri" "$suite" > "$D/etc/sources.list.d/debsrc.sources"
  local apt_opts=(-o Dir::Etc::SourceList="$D/etc/sources.list" -o Dir::Etc::SourceParts="$D/etc/sources.list.d"
    -o Dir::State::Lists="$D/lists" -o Dir::Cache="$D/cache" -o Dir::Cache::pkgcache=
    -o Dir::Cache::srcpkgcache= -o APT::Sandbox::User="$(id -un)")
  apt-get "${apt_opts[@]}" update
  (cd "$D/out" && apt-get "${apt_opts[@]}" source --download-only imgui && tar -xJf imgui_*.orig.tar.xz)
  [ -f "$IMGUI_DIR/imgui.cpp" ] || die "ImGui sources did not unpack into $IMGUI_DIR"
}

# playwright-core from npm into tests/e2e/node_modules (pinned by package-lock.json).
# Never `npx playwright install`: the tests drive the system's /usr/bin/chromium.
ensure_node_deps() {
  local want have
  want=$(sed -n 's/.*"playwright-core": *"\([^"]*\)".*/\1/p' tests/e2e/package.json | head -1)
  have=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' tests/e2e/node_modules/playwright-core/package.json 2>/dev/null | head -1 || true)
  [ -n "$have" ] && [ "$have" = "$want" ] && return 0
  say "Installing playwright-core $want (npm ci) into tests/e2e/node_modules"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
}

setup() {
  ensure_packages
  ensure_imgui
  ensure_node_deps
  export IMGUI_DIR
}

# --- builds ------------------------------------------------------------------------------------

# configure <dir> [cmake args...]: (re)configure when the cache is missing.
configure() {
  local dir="$1"; shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" "$@"
  fi
}

emscripten_env() {
  # emcc's JS tools need acorn from here. (Debian's cache is frozen: read-only use, no lock,
  # so a non-root user builds with it as it is.)
  export NODE_PATH=/usr/share/nodejs
}

build_native() {
  configure "$NATIVE_DIR" -DIMGUI_DIR="$IMGUI_DIR"
  ninja -C "$NATIVE_DIR" -j"$JOBS" "$@"
}

build_web() {
  emscripten_env
  if [ ! -f "$WEB_DIR/build.ninja" ]; then
    emcmake cmake -S . -B "$WEB_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DIMGUI_DIR="$IMGUI_DIR"
  fi
  ninja -C "$WEB_DIR" -j"$JOBS" interleave
  say "Web build: $ROOT/$WEB_DIR/dist"
}

# --- test stages ---------------------------------------------------------------------------------

STAGE_NAMES=(); STAGE_RESULTS=(); STAGE_TIMES=()
LOG_DIR="$ROOT/build/test-logs"

# stage <name> <function> [args]: runs it, logs to build/test-logs/<name>.log, records the result.
# Results: PASS, FAIL, or SKIP (the function returns 77 and prints why).
stage() {
  local name="$1"; shift
  local start end rc log="$LOG_DIR/$name.log"
  say "[$name] $*"
  start=$(date +%s)
  set +e
  ( set -euo pipefail; "$@" ) 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  end=$(date +%s)
  STAGE_NAMES+=("$name"); STAGE_TIMES+=("$((end - start))")
  case "$rc" in
    0) STAGE_RESULTS+=("PASS") ;;
    77) STAGE_RESULTS+=("SKIP") ;;
    *) STAGE_RESULTS+=("FAIL (exit $rc)") ;;
  esac
  say "[$name] ${STAGE_RESULTS[-1]} in $((end - start)) s"
}

ctest_in() { ctest --test-dir "$1" --output-on-failure --no-tests=error --timeout 900 "${@:2}"; }

test_native() {
  build_native
  ctest_in "$NATIVE_DIR"
}

# Engine + samples tests under a sanitizer (INTERLEAVE_ENGINE_ONLY builds).
test_sanitizer() {
  local kind="$1" dir="build/$2"
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINTERLEAVE_ENGINE_ONLY=ON \
      -DINTERLEAVE_SANITIZE="$kind"
  fi
  ninja -C "$dir" -j"$JOBS"
  # Sanitizer reports fail the test (exit code) and say where; stress loops repeat racy cases.
  INTERLEAVE_STRESS="${INTERLEAVE_STRESS:-1}" \
  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}" \
  ASAN_OPTIONS="detect_leaks=1 abort_on_error=0 ${ASAN_OPTIONS:-}" \
  UBSAN_OPTIONS="print_stacktrace=1 halt_on_error=1 ${UBSAN_OPTIONS:-}" \
    ctest_in "$dir"
}

# Engine + samples tests compiled to WebAssembly, run under node (CTest's emulator).
test_wasm() {
  emscripten_env
  local dir="build/wasm-tests$SUFFIX"
  if [ ! -f "$dir/build.ninja" ]; then
    emcmake cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DINTERLEAVE_ENGINE_ONLY=ON
  fi
  ninja -C "$dir" -j"$JOBS"
  ctest_in "$dir"
}

# The share-link fuzzer (libFuzzer, clang) for a bounded run, when cmake/fuzz.cmake exists
# (the samples layer's; its CTest entries named fuzz_* carry the bound).
test_fuzz() {
  if [ ! -f cmake/fuzz.cmake ]; then
    echo "SKIPPED: no cmake/fuzz.cmake (the samples layer has not added a fuzzer yet)"; return 77
  fi
  local dir="build/fuzz" targets
  if [ ! -f "$dir/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DINTERLEAVE_ENGINE_ONLY=ON -DINTERLEAVE_FUZZ=ON
  fi
  # Only the fuzz targets: the rest of this clang build is covered by the other stages.
  targets=$(ninja -C "$dir" -t targets all | sed -n 's/^\(fuzz_[A-Za-z0-9_]*\): .*/\1/p' | sort -u)
  [ -n "$targets" ] || { echo "cmake/fuzz.cmake defines no fuzz_* target"; return 1; }
  # shellcheck disable=SC2086
  ninja -C "$dir" -j"$JOBS" $targets
  ctest_in "$dir" -R '^fuzz_'
}

test_desktop() {
  build_native interleave xdnd_drop wm_close
  bash tests/desktop_smoke.sh "$NATIVE_DIR/interleave"
  bash tests/desktop_editor.sh "$NATIVE_DIR/interleave"
}

test_e2e() {
  build_web
  ensure_node_deps
  # helpers.mjs starts `./build.sh serve --port 0`, with --debug when INTERLEAVE_DEBUG=1.
  INTERLEAVE_DEBUG=$([ "$BUILD_TYPE" = Debug ] && echo 1 || echo 0) \
    node --test --test-concurrency=1 tests/e2e/
}

# The same browser tests against the debug web build, whose Emscripten guards abort (instead of
# silently stalling the page) when the main thread blocks or the worker pool runs dry.
test_e2e_debug() {
  BUILD_TYPE=Debug WEB_DIR="build/web-debug"
  test_e2e
}

# What failed inside a stage's log, in a few lines: CTest's failed tests, node's failed tests,
# build errors, doctest failures, sanitizer summaries, the smoke test's FAIL lines.
failure_lines() {
  grep -a -E '^[[:space:]]+[0-9]+ - .*\((Failed|Timeout|SEGFAULT|Subprocess aborted|Exception|Not Run)|^not ok |^    not ok |^FAILED: |error: |: ERROR: |^TEST CASE: |^SUMMARY: |^FAIL' "$1" \
    | grep -v -E '^(em\+\+|clang|/usr/bin)|error: [|>]-?$' | head -8 | cut -c1-160 | sed 's/^[[:space:]]*/      /' || true
}

run_tests() {
  mkdir -p "$LOG_DIR"
  local t0 total i failed=0
  t0=$(date +%s)
  stage native      test_native
  stage tsan        test_sanitizer thread tsan
  stage asan-ubsan  test_sanitizer address asan
  stage wasm-node   test_wasm
  stage fuzz        test_fuzz
  stage desktop     test_desktop
  stage browser-e2e test_e2e
  stage e2e-debug   test_e2e_debug
  total=$(( $(date +%s) - t0 ))

  echo
  say "Summary ($(nproc) cores, total ${total} s; logs in build/test-logs/)"
  for i in "${!STAGE_NAMES[@]}"; do
    printf '  %-12s %-16s %5s s\n' "${STAGE_NAMES[$i]}" "${STAGE_RESULTS[$i]}" "${STAGE_TIMES[$i]}"
    case "${STAGE_RESULTS[$i]}" in
      FAIL*) failed=$((failed + 1)); failure_lines "$LOG_DIR/${STAGE_NAMES[$i]}.log" ;;
    esac
  done
  # Tests that report themselves as skipped (placeholders, absent features) are listed loudly.
  grep -a -h -E '^(# )?SKIPPED|# SKIP ' "$LOG_DIR"/*.log 2>/dev/null | sed 's/^/  note: /' | sort -u || true
  if [ "$failed" -gt 0 ]; then
    say "FAILED: $failed stage(s)"
    return 1
  fi
  say "All stages passed"
}

# --- benchmarks ----------------------------------------------------------------------------------

run_bench() {
  build_native
  if [ -f tests/bench/run_bench.sh ]; then
    # The engine's runner: native + wasm + peers (CPython, oneTBB), one table.
    NATIVE_DIR="$NATIVE_DIR" JOBS="$JOBS" bash tests/bench/run_bench.sh "$@"
    return
  fi
  local found=0 b
  for b in "$NATIVE_DIR"/bench_*; do
    [ -x "$b" ] || continue
    found=1
    say "$b"
    "$b"
  done
  [ "$found" -eq 1 ] || echo "No benchmarks (tests/bench/run_bench.sh or bench_*) yet."
}

# --- main ----------------------------------------------------------------------------------------

case "$CMD" in
  setup)
    setup
    say "Ready. IMGUI_DIR=$IMGUI_DIR" ;;
  native)
    setup; build_native
    say "Native build: $ROOT/$NATIVE_DIR (interleave, interleave-cli, tests)" ;;
  web)
    setup; build_web ;;
  desktop)
    setup; build_native interleave
    exec "$NATIVE_DIR/interleave" "$@" ;;
  serve)
    setup; build_web
    exec python3 web/serve.py --dir "$WEB_DIR/dist" "$@" ;;
  test)
    setup; run_tests ;;
  bench)
    setup; run_bench "$@" ;;
  help|-h|--help)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' ;;
  *)
    die "unknown command '$CMD' (setup | native | web | desktop | serve [--port N] | test | bench)" ;;
esac
