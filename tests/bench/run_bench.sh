#!/usr/bin/env bash
# Interleave benchmarks: builds what it needs, runs the engine and its peers side by side in one
# go, prints ONE table and writes it to build/bench/results.md (for the README's performance
# section). Figures are printed, never asserted; a missing optional peer reads "n/a".
#
#   tests/bench/run_bench.sh [--quick] [--no-wasm]
#     full run: ~2-3 min on 2 cores after the builds
#     --quick (or BENCH_QUICK=1): smaller sizes, fewer repetitions (a smoke run, ~40 s)
#     --no-wasm (or BENCH_NO_WASM=1): skip the wasm build and run
#
# Build dirs: build/bench (native, INTERLEAVE_ENGINE_ONLY + INTERLEAVE_BENCH) and
# build/bench-wasm (emcmake, same options). Environment: JOBS (default 2), BENCH_REPS,
# BENCH_NO_WASM=1 (skip the wasm build and run), NATIVE_DIR (where the app build puts
# bench_timeline*, default build/native).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
JOBS="${JOBS:-2}"
OUT="$ROOT/build/bench"
WASM_DIR="$ROOT/build/bench-wasm"
APP_DIR="${NATIVE_DIR:-build/native}"
mkdir -p "$OUT"
for arg in "$@"; do
  case "$arg" in
    --quick) BENCH_QUICK=1 ;;
    --no-wasm) BENCH_NO_WASM=1 ;;
    *) echo "run_bench.sh: unknown option '$arg' (--quick | --no-wasm)" >&2; exit 2 ;;
  esac
done

if [ "${BENCH_QUICK:-0}" = 1 ]; then
  REPS="${BENCH_REPS:-3}"; TASKS=20000; SWITCHES=50000; EVENTS=500000; CPU_MS=60
else
  REPS="${BENCH_REPS:-5}"; TASKS=100000; SWITCHES=200000; EVENTS=2000000; CPU_MS=200
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
# Each producer writes its JSON (or nothing, on failure) to $OUT/<name>.json.
: > "$OUT/native.json"; : > "$OUT/peers.json"; : > "$OUT/cpython.json"; : > "$OUT/wasm.json"
rm -f "$OUT/timeline.txt"

# --- builds ------------------------------------------------------------------------------------
native_ok=0
say "Building native benchmarks in build/bench"
if { [ -f "$OUT/build.ninja" ] || cmake -S . -B "$OUT" -G Ninja -DCMAKE_BUILD_TYPE=Release \
       -DINTERLEAVE_ENGINE_ONLY=ON -DINTERLEAVE_BENCH=ON >"$OUT/configure.log" 2>&1; } &&
   ninja -C "$OUT" -j"$JOBS" bench_engine bench_peers interleave-cli >"$OUT/build.log" 2>&1; then
  native_ok=1
else
  say "native bench build failed (see build/bench/build.log):"; tail -20 "$OUT/build.log" >&2
fi

wasm_ok=0
if [ "${BENCH_NO_WASM:-0}" != 1 ] && command -v emcmake >/dev/null && command -v node >/dev/null; then
  say "Building wasm benchmark in build/bench-wasm"
  export NODE_PATH=/usr/share/nodejs   # emcc's JS tools need acorn from here
  if [ ! -w /usr/share/emscripten/cache ] && [ -z "${EM_CACHE:-}" ]; then
    export EM_CACHE="$ROOT/build/_deps/emcache"
    [ -d "$EM_CACHE" ] || cp -r /usr/share/emscripten/cache "$EM_CACHE"
  fi
  mkdir -p "$WASM_DIR"
  if { [ -f "$WASM_DIR/build.ninja" ] || emcmake cmake -S . -B "$WASM_DIR" -G Ninja \
         -DCMAKE_BUILD_TYPE=Release -DINTERLEAVE_ENGINE_ONLY=ON -DINTERLEAVE_BENCH=ON \
         >"$WASM_DIR/configure.log" 2>&1; } &&
     ninja -C "$WASM_DIR" -j"$JOBS" bench_engine >"$WASM_DIR/build.log" 2>&1; then
    wasm_ok=1
  else
    say "wasm bench build failed (see build/bench-wasm/build.log); wasm column n/a"
    tail -20 "$WASM_DIR/build.log" >&2
  fi
else
  say "wasm: skipped (BENCH_NO_WASM=1, or no emcmake/node)"
fi

# --- runs (one after another: 2 cores, nothing else of ours running meanwhile) -----------------
t0=$(date +%s)
# The machine is shared: record how busy it was, the table shows it.
cut -d' ' -f1 /proc/loadavg > "$OUT/load.txt" 2>/dev/null || true
if [ "$native_ok" = 1 ]; then
  say "Engine, native (reps $REPS)"
  "$OUT/bench_engine" --reps "$REPS" --tasks "$TASKS" --switches "$SWITCHES" --events "$EVENTS" \
    --cpu-ms "$CPU_MS" >"$OUT/native.json" || say "bench_engine failed (exit $?)"
  say "oneTBB / std::async peers"
  "$OUT/bench_peers" --reps "$REPS" --tasks "$TASKS" >"$OUT/peers.json" || say "bench_peers failed"
fi

if command -v python3 >/dev/null; then
  say "CPython peers ($(python3 --version 2>&1))"
  python3 tests/bench/cpython_peers.py "$TASKS" "$SWITCHES" "$CPU_MS" >"$OUT/cpython.json" ||
    say "cpython_peers.py failed: CPython column n/a"
fi

if [ "$wasm_ok" = 1 ]; then
  say "Engine, wasm under node"
  (cd "$WASM_DIR" && node --no-experimental-fetch bench_engine.js --sections exec,coro,tracer \
      --reps "$REPS" --tasks "$TASKS" --switches "$SWITCHES" --events "$EVENTS") \
    >"$OUT/wasm.json" || say "wasm bench_engine failed (exit $?)"
fi

# The interpreter beside python3 on PYTHON.md §3's programs (tests/bench/python).
if [ "$native_ok" = 1 ] && command -v python3 >/dev/null; then
  say "Python programs: interleave-cli run vs python3 (reps $REPS)"
  python3 tests/bench/python/run_python_bench.py "$OUT/interleave-cli" --reps "$REPS" \
    --json "$OUT/python.json" | tee "$OUT/python.txt" >&2 || say "python bench failed"
fi

# The UI's timeline and code editor benchmarks (tests/bench/bench_timeline*, bench_editor.cpp,
# built by the app build) if present.
for b in "$APP_DIR"/bench_timeline* "$APP_DIR"/bench_editor; do
  [ -f "$b" ] && [ -x "$b" ] || continue
  say "$b"
  { echo "\$ $b"; "$b" 2>&1 || echo "(exit $?)"; } >>"$OUT/timeline.txt"
done
cut -d' ' -f1 /proc/loadavg >> "$OUT/load.txt" 2>/dev/null || true
say "Runs took $(( $(date +%s) - t0 )) s"

python3 tests/bench/report.py "$OUT" --quick "${BENCH_QUICK:-0}"
