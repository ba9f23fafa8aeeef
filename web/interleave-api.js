/* Interleave — window.interleave, the automation API of the web build (tests, embedding).
 *
 *   await interleave.ready          resolves once the app draws its first frame; rejects with
 *                                   an Error when it cannot start (not isolated, no WebGL2, crash)
 *   interleave.state()              the playground state as an object: sample, knobs, status
 *                                   (idle | running | finished | stopped | deadlock | limit |
 *                                   error), output, stats, link, notices — the CLI's --json fields
 *                                   — and code (the editor's text: what Run runs), exit_code
 *                                   (the program's, as python3's; null while idle) and error:
 *                                   {type, message, line, column, traceback} for the run's
 *                                   SyntaxError or uncaught exception (line/column 1-based,
 *                                   null when unknown), or null
 *   interleave.load(fragment)       load a share link ('#v=1&sample=threading'); returns the
 *                                   notices (what was ignored or clamped), [] when clean. A
 *                                   link with a program in it (code=) is unpacked first, off
 *                                   the main thread's critical path: then it returns a Promise
 *                                   of the notices (await works for both)
 *   interleave.run() / stop()       run the editor's text / stop the run (never block)
 *   interleave.exportTrace()        a Promise of the Chrome Trace Event JSON (text) of the current
 *                                   or last run ('' if none); built off the page's main thread
 *   interleave.exportTraceBlob()    the same as a Blob (application/json; null if none): for a
 *                                   download or upload, without making one huge string
 *   interleave.link()               the current share-link fragment; an edited program is in
 *                                   it as code= (raw DEFLATE + base64url, web/interleave-link.js)
 *   interleave.code()               the code editor's text
 *   interleave.setCode(text)        replaces it (one undoable step; runs nothing)
 *   interleave.editorState()        {focused, line, col, anchor_line, anchor_col, undo, redo,
 *                                   edited, find_open, find, find_handover (the find field
 *                                   taking the keyboard, for diagnosing tests), composition,
 *                                   lines, drafts (other samples' kept
 *                                   edits, by id), markers: [{kind: 'error'|'thread',
 *                                   line, col_begin, col_end, label, detail}]} (0-based; columns
 *                                   in UTF-8 bytes, -1: the line's text)
 *   interleave.ui()                 what the last frame drew, for tests and embedding pages:
 *                                   {layout: 'wide'|'compact', scale, font_px, touch, dark,
 *                                   timeline: {t0_ns, ns_per_px, follow}, scroll: {pane: {y, max}},
 *                                   trace_full_ns (-1, or where the trace began to drop events),
 *                                   seen_until_ns (the views' figures cover 0 .. this), caught_up,
 *                                   work: {frames, poll_max_ms, frame_max_ms} (the longest engine
 *                                   poll and app frame, GL drawing aside, since the last ui()),
 *                                   focus (the control with the keyboard focus ring, '' if none),
 *                                   tab ('timeline'|'cores'|'compare': the view shown),
 *                                   glyphs: {seen, drawn, missing: [code points], dropped,
 *                                   files: [state of the CJK, Hangul, symbols fonts: 'unused'|
 *                                   'loading'|'ready'|'failed'], rebuilds, pending, atlas: [w, h],
 *                                   last_build_ms} (characters past DejaVu, src/ui/fallback_glyphs.hpp),
 *                                   status_line (the status bar's run state as drawn: "Threading:
 *                                   finished, 500 ms", "...: ended with NameError, 47 ms"),
 *                                   cut_off: [ImGui names of the panes whose items ran past
 *                                   their right edge with no scrollbar to reach them: text
 *                                   that should wrap], controls: [{id, kind, x, y, w, h,
 *                                   visible, disabled}]}
 *                                   in CSS pixels (id: 'run', 'share', 'knob:io_ms', ...)
 *
 * Every call is answered from the page's main thread between frames. Calling anything but
 * `ready` before it resolves throws. The URL fragment is loaded at start-up, and again on
 * every hashchange.
 */
/* global window, Module */
(function () {
  'use strict';

  var resolveReady, rejectReady, settled = false;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  var native = null;  // cwrapped C entry points (src/app/backend_web.cpp), once ready

  function call(name) {
    if (!native) throw new Error('Interleave is not ready yet: await interleave.ready first');
    return native[name].apply(null, Array.prototype.slice.call(arguments, 1));
  }
  // Exports in progress: id -> resolve. The app calls Module.interleaveExportDone(id, blob).
  var exports = {};
  function exportBlob() {
    var id;
    try { id = call('exportStart'); } catch (e) { return Promise.reject(e); }
    if (!id) return Promise.resolve(null);
    return new Promise(function (resolve) { exports[id] = resolve; });
  }
  function parse(text, what) {
    try { return JSON.parse(text); } catch (e) {
      throw new Error('interleave.' + what + ': the app returned invalid JSON: ' + e.message);
    }
  }

  window.interleave = {
    ready: ready,
    state: function () { return parse(call('state'), 'state()'); },
    load: function (fragment) {
      var f = String(fragment || '');
      var payload = window.interleaveLink ? window.interleaveLink.payloadOf(f) : null;
      if (payload === null || window.interleaveLink.lookup(payload)) {
        return parse(call('load', f), 'load()');
      }
      if (!native) throw new Error('Interleave is not ready yet: await interleave.ready first');
      return window.interleaveLink.unpack(payload).then(function () {
        return parse(call('load', f), 'load()');
      });
    },
    run: function () { call('run'); },
    stop: function () { call('stop'); },
    exportTrace: function () {
      return exportBlob().then(function (blob) { return blob ? blob.text() : ''; });
    },
    exportTraceBlob: function () { return exportBlob(); },
    link: function () { return call('link'); },
    code: function () { return call('code'); },
    setCode: function (text) { call('setCode', String(text == null ? '' : text)); },
    editorState: function () { return parse(call('editorState'), 'editorState()'); },
    ui: function () { return parse(call('ui'), 'ui()'); }
  };

  // A C entry point taking one string, handed over through the heap rather than as cwrap's
  // 'string' argument, which Emscripten copies onto the stack (up to 4 bytes per character):
  // a 1.4 MB paste overflowed the 5 MB stack and the page died ("memory access out of bounds").
  function cwrapText(name, returns) {
    var f = Module.cwrap(name, returns, ['number']);
    return function (text) {
      var s = String(text);
      var n = Module.lengthBytesUTF8(s) + 1;
      var p = Module._malloc(n);
      if (!p) throw new Error('Interleave has no memory left for ' + n + ' bytes of text');
      try {
        Module.stringToUTF8(s, p, n);
        return f(p);
      } finally {
        Module._free(p);
      }
    };
  }

  // Called by web/index.html's Module glue.
  window.interleaveInternal = {
    cwrapText: cwrapText,  // for interleave-input.js
    started: function () {  // first frame drawn (Module.interleaveReady)
      if (settled) return;
      settled = true;
      native = {
        state: Module.cwrap('interleave_state_json', 'string', []),
        load: cwrapText('interleave_load', 'string'),
        run: Module.cwrap('interleave_run', null, []),
        stop: Module.cwrap('interleave_stop', null, []),
        exportStart: Module.cwrap('interleave_export_start', 'number', []),
        link: Module.cwrap('interleave_link', 'string', []),
        code: Module.cwrap('interleave_code', 'string', []),
        setCode: cwrapText('interleave_set_code', null),
        editorState: Module.cwrap('interleave_editor_state', 'string', []),
        ui: Module.cwrap('interleave_ui_json', 'string', [])
      };
      Module.interleaveExportDone = function (id, blob) {
        var resolve = exports[id];
        delete exports[id];
        if (resolve) resolve(blob);
      };
      window.addEventListener('hashchange', function () {
        // The app itself writes the fragment with history.replaceState, which fires no
        // hashchange; this is the user (or a test) navigating to another link.
        window.interleave.load(window.location.hash);
      });
      resolveReady();
    },
    failed: function (error) {
      if (settled) return;
      settled = true;
      rejectReady(error instanceof Error ? error : new Error(String(error)));
    }
  };
  // An unhandled rejection would log a console error for pages that never await `ready`.
  ready.catch(function () {});
})();
