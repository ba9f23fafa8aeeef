/* Interleave — cross-origin isolation for static hosts that cannot send COOP/COEP headers.
 *
 * WebAssembly threads need SharedArrayBuffer, which the browser only enables in a
 * cross-origin isolated page (headers Cross-Origin-Opener-Policy: same-origin and
 * Cross-Origin-Embedder-Policy: require-corp). `./build.sh serve` sends them. A host that
 * cannot (GitHub Pages, a plain bucket) gets them from this file instead:
 *
 *   in the page   (<script src="coi-sw.js"> first in <head>): when the page is not isolated,
 *                 register this same file as a service worker and reload ONCE when it takes
 *                 control. A sessionStorage flag makes sure it never reloads in a loop: if the
 *                 page is still not isolated after that one reload, it gives up and the page
 *                 explains the problem in words.
 *   as the worker: answer every request from the network, adding the three headers.
 *
 * Needs a secure context (HTTPS or localhost) and service workers. `?coi=0` in the URL turns
 * the fallback off (tests use it to see the plain "not isolated" explanation).
 * window.interleaveCoiPending (page side): a Promise that rejects with the reason when the
 * fallback cannot help; undefined when it is not trying. It never resolves: success reloads.
 */
/* global self, window, navigator, location, sessionStorage, document */
(function () {
  'use strict';

  if (typeof window === 'undefined') {
    // --- Service worker side ---
    self.addEventListener('install', function () { self.skipWaiting(); });
    self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });
    self.addEventListener('fetch', function (event) {
      var request = event.request;
      // Chrome quirk: such requests throw when fetched from a worker; let the browser do them.
      if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
      event.respondWith(fetch(request).then(function (response) {
        if (response.status === 0) return response;  // opaque: headers cannot be added
        var headers = new Headers(response.headers);
        headers.set('Cross-Origin-Opener-Policy', 'same-origin');
        headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
        headers.set('Cross-Origin-Resource-Policy', 'same-origin');
        return new Response(response.body, {
          status: response.status, statusText: response.statusText, headers: headers
        });
      }));
    });
    return;
  }

  // --- Page side ---
  var FLAG = 'interleave-coi-reloaded';
  if (window.crossOriginIsolated) {
    sessionStorage.removeItem(FLAG);
    return;
  }
  var reason = null;
  if (new URLSearchParams(location.search).get('coi') === '0') {
    reason = 'the service-worker fallback is turned off (?coi=0 in the address)';
  } else if (!window.isSecureContext) {
    reason = 'the page is not served over HTTPS (service workers need a secure context)';
  } else if (!('serviceWorker' in navigator)) {
    reason = 'this browser does not offer service workers here (private window?)';
  } else if (sessionStorage.getItem(FLAG)) {
    // We already reloaded once under the worker and are still not isolated: stop here. The
    // flag is cleared so that a manual reload may try once more (still never a loop).
    sessionStorage.removeItem(FLAG);
    reason = 'the service worker was installed but the page is still not isolated ' +
             '(a hard reload bypasses service workers: reload normally)';
  }
  if (reason) {
    window.interleaveCoiPending = Promise.reject(new Error(reason));
    window.interleaveCoiPending.catch(function () {});  // the page reports it, not the console
    return;
  }

  window.interleaveCoiPending = new Promise(function (resolve, reject) {
    var script = document.currentScript && document.currentScript.src;
    var url = script || 'coi-sw.js';
    function reloadOnce() {
      sessionStorage.setItem(FLAG, '1');
      location.reload();
    }
    navigator.serviceWorker.register(url).then(function (registration) {
      if (navigator.serviceWorker.controller) {
        // A worker controls the page, yet this response bypassed it (first load after an
        // update, or a hard reload): one reload routes it through the worker.
        reloadOnce();
        return;
      }
      navigator.serviceWorker.addEventListener('controllerchange', reloadOnce);
      setTimeout(function () {
        reject(new Error('the service worker did not take control of the page'));
      }, 10000);
      return registration;
    }, function (error) {
      reject(new Error('the service worker could not be registered: ' + error.message));
    });
  });
  window.interleaveCoiPending.catch(function () {});
})();
