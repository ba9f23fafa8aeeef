/* Interleave — the program in share links (issue #10 item 6), the page's half.
 *
 * A link's `code=` is the program's UTF-8 bytes as raw DEFLATE (RFC 1951, no zlib header), in
 * base64url without padding: src/samples/code_codec.hpp, which the desktop does with zlib. The
 * page does it with CompressionStream / DecompressionStream('deflate-raw'), which are
 * asynchronous: the main thread never waits. So a link's code is unpacked *before* the link is
 * handed to the program (index.html before it starts; interleave.load and hashchange before
 * they call in), and the C++ side reads the answer synchronously from this cache.
 *
 *   interleaveLink.payloadOf(fragment)  the `code=` payload the program will ask about (the
 *                                       first code= pair, within the 64 KiB the program reads),
 *                                       or null
 *   interleaveLink.unpack(payload)      Promise of {ok: true, text} or {ok: false, why}; kept
 *                                       in the cache; never rejects
 *   interleaveLink.prepare(fragment)    Promise: the fragment's code (if any) is in the cache
 *   interleaveLink.lookup(payload)      the cached answer, or null (synchronous; C++ calls it)
 *   interleaveLink.pack(text)           Promise of the payload of `text`
 *
 * Bounds: an unpacked program over 1 MiB is refused (a 64 KiB payload could inflate ~1000x);
 * the decompressor is stopped there, so the work is bounded too.
 */
/* global window, TextEncoder, TextDecoder, CompressionStream, DecompressionStream, Blob */
(function () {
  'use strict';

  var MAX_CODE = 1 << 20;        // samples::kMaxCodeBytes
  var MAX_FRAGMENT = 64 * 1024;  // samples::kMaxFragmentBytes
  var CACHE = 4;                 // answers kept (a page unpacks one link at a time)
  var cache = new Map();         // payload -> answer, oldest first

  function remember(payload, answer) {
    cache.delete(payload);
    cache.set(payload, answer);
    while (cache.size > CACHE) cache.delete(cache.keys().next().value);
    return answer;
  }

  function base64urlEncode(bytes) {
    var bin = '';
    for (var i = 0; i < bytes.length; i += 0x8000)
      bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return window.btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // The same checks and messages as samples::base64url_decode.
  function base64urlDecode(text) {
    text = text.replace(/=+$/, '');
    if (text.length % 4 === 1)
      throw new Error('its base64url text has an impossible length (' + text.length + ')');
    var bad = /[^A-Za-z0-9_-]/.exec(text);
    if (bad) {
      var c = bad[0].charCodeAt(0);
      throw new Error(c >= 0x20 && c < 0x7f
        ? "'" + bad[0] + "' at offset " + bad.index + ' is not base64url'
        : 'character U+' + c.toString(16).toUpperCase().padStart(4, '0') + ' at offset ' +
          bad.index + ' is not base64url');
    }
    var bin = window.atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; ++i) out[i] = bin.charCodeAt(i);
    return out;
  }

  // Feeds `bytes` through a transform stream and collects its output, stopping past `limit`.
  function through(stream, bytes, limit) {
    var writer = stream.writable.getWriter();
    // Not awaited: the output must be read while the input is written (backpressure).
    writer.write(bytes).catch(function () {});
    writer.close().catch(function () {});
    var reader = stream.readable.getReader(), chunks = [], size = 0;
    function next() {
      return reader.read().then(function (r) {
        if (r.done) {
          var out = new Uint8Array(size), off = 0;
          chunks.forEach(function (c) { out.set(c, off); off += c.length; });
          return out;
        }
        size += r.value.length;
        if (size > limit) {
          reader.cancel().catch(function () {});
          throw new Error('it unpacks to more than ' + (limit / 1024) + ' KiB');
        }
        chunks.push(r.value);
        return next();
      });
    }
    return next();
  }

  function pack(text) {
    try {
      var bytes = new TextEncoder().encode(String(text));
      return through(new CompressionStream('deflate-raw'), bytes, Infinity).then(base64urlEncode);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  function unpack(payload) {
    payload = String(payload);
    var known = cache.get(payload);
    if (known) return Promise.resolve(known);
    var bytes;
    try {
      bytes = base64urlDecode(payload);
    } catch (e) {
      return Promise.resolve(remember(payload, {ok: false, why: e.message}));
    }
    var inflated;
    try {
      inflated = through(new DecompressionStream('deflate-raw'), bytes, MAX_CODE);
    } catch (e) {  // no DecompressionStream('deflate-raw') in this browser
      return Promise.resolve(remember(payload, {
        ok: false, why: 'this browser cannot unpack it (' + e.message + ')'}));
    }
    return inflated.then(function (out) {
      var text;
      try {
        // ignoreBOM: a leading U+FEFF is part of the program, as on the desktop.
        text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(out);
      } catch (e) {
        return remember(payload, {ok: false, why: 'it is not UTF-8 text'});
      }
      return remember(payload, {ok: true, text: text});
    }, function (e) {
      var why = /unpacks to more than/.test(e.message) ? e.message
        : 'its compressed data is corrupt (' + (e.message || 'unreadable') + ')';
      return remember(payload, {ok: false, why: why});
    });
  }

  function decodePart(s) {
    try { return decodeURIComponent(s); } catch (e) { return null; }
  }

  // Mirrors samples::decode_link's reading: '#' optional, pairs split on '&', the first
  // occurrence of a key wins, pairs with broken %-escapes skipped, nothing past the 64 KiB limit.
  function payloadOf(fragment) {
    var f = String(fragment || '');
    if (f.charAt(0) === '#') f = f.slice(1);
    if (new TextEncoder().encode(f).length > MAX_FRAGMENT) {
      var amp = f.slice(0, MAX_FRAGMENT).lastIndexOf('&');
      f = amp < 0 ? '' : f.slice(0, amp);
    }
    var pieces = f.split('&');
    for (var i = 0; i < pieces.length; ++i) {
      var eq = pieces[i].indexOf('=');
      if (eq < 0) continue;
      var key = decodePart(pieces[i].slice(0, eq)), value = decodePart(pieces[i].slice(eq + 1));
      if (key === null || value === null) continue;
      if (key === 'code') return value;
    }
    return null;
  }

  function prepare(fragment) {
    var p = payloadOf(fragment);
    return p === null ? Promise.resolve() : unpack(p).then(function () {});
  }

  window.interleaveLink = {
    payloadOf: payloadOf,
    unpack: unpack,
    prepare: prepare,
    lookup: function (payload) { return cache.get(String(payload)) || null; },
    pack: pack
  };
})();
