// Interleave engine — the browser's shared time base for src/engine/platform/clock_source_web.cpp.
// performance.timeOrigin + performance.now() is the same absolute time in every Web Worker and
// in node's worker_threads (Emscripten 3.1.6's emscripten_get_now in a pthread is not: it
// subtracts a drift estimated from a message timestamp).
mergeInto(LibraryManager.library, {
  interleave_host_now_ms__sig: 'd',
  interleave_host_now_ms: function() {
    return performance.timeOrigin + performance.now();
  },
});
