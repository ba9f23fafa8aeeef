/* Interleave — the code editor's input bridge for the web build (EDITOR.md §6, §9.3).
 *
 * Emscripten 3.1.6's GLFW takes text only from the deprecated `keypress` event (no IME, no
 * dead keys on some systems, no AltGr on Windows, nothing from phone keyboards) and its
 * clipboard functions are empty. So while the code editor has focus, a visually hidden
 * <textarea> holds the keyboard:
 *   - its `input` and `compositionend` text goes to ImGui as typed characters
 *     (interleave_input_text), and while an IME composes, its `compositionupdate` text is
 *     shown at the caret (interleave_composition); GLFW still delivers Enter, arrows and
 *     shortcuts as keys, and the app drops GLFW's own characters while this textarea has focus
 *     (no double typing);
 *   - a `paste` event's text goes into the editor (interleave_paste), and `copy`/`cut` events
 *     are answered with the editor's selection (interleave_copy): any layout, Cmd on a Mac,
 *     the browser's Edit menu;
 *   - it sits at the caret, so IME candidate windows open there;
 *   - a sentinel character gives a phone keyboard's Backspace (keyCode 229 +
 *     deleteContentBackward) something to delete.
 * A tap or click inside the editor focuses the textarea within the gesture (iOS shows its
 * keyboard only then); every frame the app reports where the editor and caret are (sync).
 *
 * Accessible mode (#10 item 2): a real <textarea aria-label="Python code"> over the editor's
 * place (screen readers, phone keyboards, native selection and undo; spell-check off), kept in
 * step with the editor both ways; a text mirror of the output and an aria-live run status for
 * screen readers. On by default on touch devices ((pointer: coarse)); switched by the editor's
 * "Plain text" button, by a button for keyboard users that shows when focused, or setPlain().
 *
 * Also: writeClipboard(), how the app's Copy buttons reach the system clipboard
 * (navigator.clipboard.writeText, or a temporary textarea + execCommand('copy')), reporting
 * whether it worked; and a guard that keeps GLFW's key listeners away from page elements that
 * own their keys (data-own-keys="1": the plain-text editor of accessible mode).
 *
 * Must load before interleave.js (the guard wraps the listeners GLFW adds later).
 */
/* global window, document, navigator, Module */
(function () {
  'use strict';

  var SENTINEL = '\u00a0';
  var ta = null;             // the hidden textarea
  var api = null;            // cwrapped C entry points (src/app/backend_web.cpp)
  var composing = false;
  var lastKeyCode = 0;
  var justCommitted = null;  // text a compositionend delivered (an input event may repeat it)
  var rect = null;           // the editor's text area, CSS pixels
  var scratch = null;        // the temporary textarea of a fallback copy
  var last = {};             // last textarea position written (avoids style churn per frame)
  var startedPlain = false;  // the touch-device default was applied
  var syncFailed = false;
  var lastDark = null;
  var editorFocused = false; // the app's code editor has the keyboard (as of the last frame)
  var findKeys = false;      // its find bar's field has it (Esc must keep its place in the text)

  // Editing keys go to the editor in the same queue as the text, so a fast typist's "x",
  // Enter, "y" stay in order even when a frame is slow (ImGui 1.86 reads key state once per
  // frame). Codes as src/ui/editor/code_editor.hpp's EditorKey; mods 1 Shift 2 Ctrl 4 Alt 8 Meta.
  var KEYS = { ArrowLeft: 1, ArrowRight: 2, ArrowUp: 3, ArrowDown: 4, Home: 5, End: 6,
    PageUp: 7, PageDown: 8, Backspace: 9, Delete: 10, Enter: 11, Tab: 12, Escape: 13 };
  var SHORTCUTS = { KeyA: 14, KeyC: 15, KeyV: 16, KeyX: 17, KeyY: 18, KeyZ: 19, KeyF: 20,
    KeyG: 21, Slash: 22 };

  // --- GLFW's key listeners skip elements that own their keys --------------------------------
  var addListener = window.addEventListener;
  window.addEventListener = function (type, fn, options) {
    if ((type === 'keydown' || type === 'keypress' || type === 'keyup') && typeof fn === 'function') {
      var inner = fn;
      fn = function (event) {
        var t = event.target;
        if (t && t.dataset && t.dataset.ownKeys === '1') return undefined;
        return inner.call(this, event);
      };
    }
    return addListener.call(window, type, fn, options);
  };

  function connect() {
    if (api || typeof Module === 'undefined' || !Module.cwrap) return api;
    var text = window.interleaveInternal.cwrapText;  // strings through the heap, any size
    api = {
      text: text('interleave_input_text', null),
      plainText: text('interleave_plain_text', 'number'),
      setPlain: Module.cwrap('interleave_set_plain_editor', null, ['number']),
      code: Module.cwrap('interleave_code', 'string', []),
      paste: text('interleave_paste', null),
      copy: Module.cwrap('interleave_copy', 'string', ['number']),
      copyDone: Module.cwrap('interleave_copy_done', null, ['number', 'number']),
      composition: text('interleave_composition', null)
    };
    return api;
  }

  function reset() {
    ta.value = SENTINEL;
    ta.setSelectionRange(1, 1);
  }

  function send(text) {
    if (text && connect()) api.text(text);
  }

  function create() {
    ta = document.createElement('textarea');
    ta.id = 'interleave-input';
    ta.setAttribute('aria-label', 'Code editor keyboard input (for a screen reader, use the plain-text editor button)');
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('autocorrect', 'off');
    ta.setAttribute('autocapitalize', 'off');
    ta.setAttribute('spellcheck', 'false');
    ta.setAttribute('tabindex', '-1');
    // Invisible, but in the layout (IME windows anchor to it); 16px avoids iOS's focus zoom.
    ta.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:16px;margin:0;padding:0;' +
      'border:0;outline:none;opacity:0;resize:none;overflow:hidden;white-space:pre;' +
      'font-size:16px;line-height:16px;color:transparent;background:transparent;' +
      'caret-color:transparent;pointer-events:none;z-index:0';
    document.body.appendChild(ta);
    reset();

    ta.addEventListener('keydown', function (e) { lastKeyCode = e.keyCode; });
    // Ctrl+= / Ctrl+- / Ctrl+0 size the app's text (sharp: fonts are rebuilt); the browser's
    // own zoom would scale it a second time. GLFW still sees the keys.
    window.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey &&
          (e.key === '=' || e.key === '+' || e.key === '-' || e.key === '0')) {
        var t = e.target;
        if (!(t && t.dataset && t.dataset.ownKeys === '1')) e.preventDefault();
      }
    }, true);
    // Capture on window: also the keys that land before the textarea has the focus back.
    window.addEventListener('keydown', function (e) {
      if (!(editorFocused || findKeys) || e.isComposing || e.keyCode === 229) return;
      // The browser's own Save page / Open file dialogs would only surprise someone editing:
      // the code lives in the page (Share makes a link of it).
      if ((e.ctrlKey || e.metaKey) && (e.code === 'KeyS' || e.code === 'KeyO')) e.preventDefault();
      var t = e.target;
      if (t && t !== ta && t.dataset && t.dataset.ownKeys === '1') return;
      var id = KEYS[e.key];
      if (!id && (e.ctrlKey || e.metaKey)) id = SHORTCUTS[e.code] || (e.key === '/' ? 22 : 0);
      if (!id) return;
      var mods = (e.shiftKey ? 1 : 0) | (e.ctrlKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
      send(String.fromCharCode(0xE000 | (mods << 6) | id));
    }, true);
    ta.addEventListener('compositionstart', function () { composing = true; });
    // What the IME is composing, drawn at the editor's caret (underlined) until committed.
    ta.addEventListener('compositionupdate', function (e) {
      if (connect()) api.composition(e.data || '');
    });
    ta.addEventListener('compositionend', function (e) {
      composing = false;
      if (connect()) api.composition('');
      justCommitted = e.data || null;
      send(e.data);
      reset();
      setTimeout(function () { justCommitted = null; }, 0);
    });
    ta.addEventListener('input', function (e) {
      if (composing || e.isComposing) return;
      var type = e.inputType || 'insertText';
      if (type === 'insertText' || type === 'insertReplacementText') {
        var text = e.data != null ? e.data : ta.value.split(SENTINEL).join('');
        if (text !== justCommitted) send(text);
        justCommitted = null;
      } else if (type === 'deleteContentBackward' && lastKeyCode === 229) {
        send(String.fromCharCode(0xE000 | KEYS.Backspace));  // a phone keyboard's Backspace
      } else if (type === 'insertLineBreak' && lastKeyCode === 229) {
        send(String.fromCharCode(0xE000 | KEYS.Enter));
      }
      // Everything else (Enter, Backspace with real key events, history) GLFW has as keys.
      reset();
    });

    // The clipboard. Paste: into the editor when it has the keyboard; the text is also kept
    // for ImGui's own fields (find bar, console filter).
    document.addEventListener('paste', function (e) {
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (!connect()) return;
      if (document.activeElement === ta) e.preventDefault();
      api.paste(text);
    }, true);
    function copyOrCut(e, cut) {
      if (document.activeElement !== ta || e.target === scratch || !connect()) return;
      var text = api.copy(cut ? 1 : 0);
      e.preventDefault();
      if (text && e.clipboardData) e.clipboardData.setData('text/plain', text);
    }
    document.addEventListener('copy', function (e) { copyOrCut(e, false); }, true);
    document.addEventListener('cut', function (e) { copyOrCut(e, true); }, true);

    // A tap or click in the editor focuses the textarea inside the gesture. (pointerup, not
    // pointerdown: the canvas takes focus on mousedown, which comes after pointerdown.)
    var canvas = document.getElementById('canvas');
    function inside(x, y) {
      return rect && x >= rect.x0 && x < rect.x1 && y >= rect.y0 && y < rect.y1;
    }
    function focusIfInside(x, y) {
      if (inside(x, y) && document.activeElement !== ta) ta.focus({ preventScroll: true });
    }
    if (canvas) {
      canvas.addEventListener('pointerup', function (e) { focusIfInside(e.clientX, e.clientY); });
      canvas.addEventListener('touchend', function (e) {
        var t = e.changedTouches && e.changedTouches[0];
        if (t) focusIfInside(t.clientX, t.clientY);
      });
    }
  }

  // --- Accessible mode -----------------------------------------------------------------------
  var plain = null, plainOn = false, seenVersion = -1, appVersion = -1;
  var mirror = null, statusBox = null, toggle = null, lastLines = 0, lastStatus = '', poll = 0;

  function visuallyHidden(el) {
    el.style.cssText = 'position:fixed;left:-10000px;top:0;width:1px;height:1px;overflow:hidden';
  }

  function createPlain() {
    plain = document.createElement('textarea');
    plain.id = 'interleave-plain';
    plain.dataset.ownKeys = '1';  // GLFW (the canvas) never sees its keys
    plain.setAttribute('aria-label', 'Python code');
    plain.setAttribute('spellcheck', 'false');
    plain.setAttribute('autocomplete', 'off');
    plain.setAttribute('autocorrect', 'off');
    plain.setAttribute('autocapitalize', 'off');
    plain.setAttribute('wrap', 'off');
    plain.hidden = true;
    plain.style.cssText = 'position:fixed;box-sizing:border-box;margin:0;padding:6px 8px;' +
      'border:1px solid #3a3f4b;border-radius:4px;resize:none;z-index:2;tab-size:4;' +
      'font:15px/1.4 "DejaVu Sans Mono",Menlo,Consolas,monospace;white-space:pre;overflow:auto;' +
      'background:#1f2228;color:#e6e6e6;caret-color:#6ea8fe;outline:none';
    plain.addEventListener('input', function () {
      if (connect()) seenVersion = api.plainText(plain.value);
    });
    plain.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        window.interleave.run();
      } else if (e.key === 'Escape') {
        window.interleave.stop();
      }
    });
    plain.addEventListener('focus', function () { plain.style.borderColor = '#6ea8fe'; });
    plain.addEventListener('blur', function () {
      plain.style.borderColor = lastDark === false ? '#c7ccd6' : '#3a3f4b';
    });
    document.body.appendChild(plain);

    // For screen-reader users (who browse the page's elements; the canvas is opaque to them):
    // the first element on the page, off screen until it has focus. Mouse and keyboard users
    // have the editor's own "Plain text" button.
    toggle = document.createElement('button');
    toggle.id = 'interleave-plain-toggle';
    toggle.type = 'button';
    toggle.textContent = 'Plain-text code editor (for screen readers and phone keyboards)';
    toggle.setAttribute('aria-pressed', 'false');
    toggle.style.cssText = 'position:fixed;left:8px;top:8px;z-index:3;padding:8px 12px;' +
      'font:15px "DejaVu Sans",system-ui,sans-serif;background:#2b5cab;color:#fff;border:0;' +
      'border-radius:4px;transform:translateY(-200%)';
    toggle.addEventListener('focus', function () { toggle.style.transform = 'none'; });
    toggle.addEventListener('blur', function () { toggle.style.transform = 'translateY(-200%)'; });
    toggle.addEventListener('click', function () { setPlain(!plainOn, true); });
    document.body.insertBefore(toggle, document.body.firstChild);

    mirror = document.createElement('div');
    mirror.id = 'interleave-output';
    mirror.setAttribute('role', 'log');
    mirror.setAttribute('aria-label', 'Program output');
    visuallyHidden(mirror);
    statusBox = document.createElement('div');
    statusBox.id = 'interleave-status';
    statusBox.setAttribute('role', 'status');
    statusBox.setAttribute('aria-live', 'polite');
    visuallyHidden(statusBox);
    document.body.appendChild(statusBox);
    document.body.appendChild(mirror);
  }

  // The output and status, as text (accessible mode only; twice a second).
  function mirrorOutput() {
    if (!plainOn || !window.interleave) return;
    var s;
    try { s = window.interleave.state(); } catch (err) { return; }
    var lines = s.output || [];
    if (lines.length < lastLines) { mirror.textContent = ''; lastLines = 0; }
    for (var i = lastLines; i < lines.length; i++) {
      var div = document.createElement('div');
      div.textContent = lines[i].text;
      mirror.appendChild(div);
    }
    lastLines = lines.length;
    var text = s.status === 'idle' ? 'Idle: ' + s.sample + ' (Ctrl+Enter runs it)'
      : s.sample + ': ' + s.status +
        (s.stats && s.stats.wall_ms != null ? ', ' + Math.round(s.stats.wall_ms) + ' ms' : '') +
        ', ' + lines.length + ' output line' + (lines.length === 1 ? '' : 's');
    if (text !== lastStatus) statusBox.textContent = lastStatus = text;
  }

  function setPlain(on, fromPage) {
    if (!plain || on === plainOn) return;
    plainOn = on;
    plain.hidden = !on;
    toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
    toggle.textContent = on ? 'Back to the code editor (colours, line numbers)'
      : 'Plain-text code editor (for screen readers and phone keyboards)';
    if (connect()) api.setPlain(on ? 1 : 0);
    if (on) {
      plain.value = connect() ? api.code() : '';
      seenVersion = appVersion;
      place();
      plain.setSelectionRange(0, 0);
      plain.scrollTop = 0;
      if (fromPage) plain.focus({ preventScroll: true });
      lastLines = 0;
      mirror.textContent = '';
      mirrorOutput();
      poll = setInterval(mirrorOutput, 500);
    } else {
      clearInterval(poll);
      statusBox.textContent = lastStatus = '';
    }
  }

  function place() {
    if (!plainOn || !rect) return;
    // The app's code font size (its line height is 1.4 lines of text), so text size applies.
    var px = Math.max(11, Math.round(rect.lh / 1.4));
    if (plain.style.fontSize !== px + 'px') plain.style.fontSize = px + 'px';
    plain.style.left = rect.x0 + 'px';
    plain.style.top = rect.y0 + 'px';
    // An empty area: the editor is not on screen (a narrow layout's other page).
    plain.style.visibility = rect.x1 > rect.x0 && rect.y1 > rect.y0 ? 'visible' : 'hidden';
    plain.style.width = Math.max(40, rect.x1 - rect.x0) + 'px';
    plain.style.height = Math.max(40, rect.y1 - rect.y0) + 'px';
  }

  // A copy that needs no permission: a temporary textarea, selected, execCommand('copy').
  // Works within a user gesture's activation in every browser; returns whether it did.
  function execCopy(text) {
    var prev = document.activeElement;
    scratch = document.createElement('textarea');
    scratch.value = text;
    scratch.setAttribute('readonly', '');
    scratch.style.cssText = 'position:fixed;left:-9999px;top:0;opacity:0';
    document.body.appendChild(scratch);
    scratch.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (err) { ok = false; }
    scratch.remove();
    scratch = null;
    if (prev && prev.focus) prev.focus({ preventScroll: true });
    return !!ok;
  }

  // Where the editor and caret are now; focus follows the editor; the plain textarea its text.
  function syncFrame(focused, cx, cy, lh, x0, y0, x1, y1, version, dark, find) {
    if (!ta) return;
    if (dark !== lastDark) {  // the plain-text editor follows the app's theme
      lastDark = dark;
      plain.style.background = dark ? '#1f2228' : '#ffffff';
      plain.style.color = dark ? '#e6e6e6' : '#1a1c21';
      plain.style.borderColor = dark ? '#3a3f4b' : '#c7ccd6';
    }
    appVersion = version;
    editorFocused = focused;
    findKeys = !!find;
    var dpr = window.devicePixelRatio || 1;
    rect = { x0: x0 / dpr, y0: y0 / dpr, x1: x1 / dpr, y1: y1 / dpr, lh: lh / dpr };
    var left = Math.round(cx / dpr), top = Math.round(cy / dpr);
    if (left !== last.left || top !== last.top) {
      ta.style.left = left + 'px';
      ta.style.top = top + 'px';
      last.left = left;
      last.top = top;
    }
    if (plainOn) {
      place();
      // The text changed in the app (another sample, Reset, setCode): show it.
      if (version !== seenVersion && connect()) {
        var pos = plain.selectionStart;
        plain.value = api.code();
        plain.setSelectionRange(pos, pos);
        seenVersion = version;
      }
    } else if (!startedPlain) {
      startedPlain = true;  // touch devices start in accessible mode
      if (window.matchMedia && window.matchMedia('(pointer: coarse)').matches) setPlain(true, false);
    }
    var active = document.activeElement;
    var ownKeys = active && active.dataset && active.dataset.ownKeys === '1';
    if (focused && active !== ta && !ownKeys) {
      ta.focus({ preventScroll: true });
      reset();
    } else if (!focused && active === ta) {
      var canvas = document.getElementById('canvas');
      if (canvas) canvas.focus({ preventScroll: true }); else ta.blur();
    }
  }

  window.interleaveInput = {
    // Called by the app once per frame (framebuffer pixels).
    sync: function (focused, cx, cy, lh, x0, y0, x1, y1, version, dark, find) {
      // Called from the app's frame: an exception here must not take the app down.
      try { syncFrame(focused, cx, cy, lh, x0, y0, x1, y1, version, dark, find); } catch (err) {
        if (!syncFailed) console.warn('interleave-input: ' + err);
        syncFailed = true;
      }
    },
    hasFocus: function () { return !!ta && document.activeElement === ta; },
    // The app's Copy buttons: 1 copied, 0 refused, 2 pending (the answer comes through
    // interleave_copy_done(id, ok) when navigator.clipboard's promise settles).
    writeClipboard: function (text, id) {
      if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          if (id > 0 && connect()) api.copyDone(id, 1);
        }, function () {
          var ok = execCopy(text);
          if (id > 0 && connect()) api.copyDone(id, ok ? 1 : 0);
        });
        return 2;
      }
      return execCopy(text) ? 1 : 0;
    },
    textarea: function () { return ta; },
    setPlain: function (on) { setPlain(!!on, true); },  // the editor's button, tests
    plainOn: function () { return plainOn; },
    rect: function () { return rect; }  // the editor's text area (CSS pixels), for tests
  };

  function start() { create(); createPlain(); }
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
