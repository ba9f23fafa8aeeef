// The web shell against the real server (`./build.sh serve`), in headless Chromium:
// isolation, WebGL2 pixels, no console errors, window.interleave, the article's `threading`
// sample run through the API, and a screenshot (build/e2e/web.png).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUT, distinctColours, launchBrowser, newPage, startServer, waitFor } from './helpers.mjs';

describe('web shell, served with COOP/COEP', { timeout: 240_000 }, () => {
  let server, browser, tab;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tab = await newPage(browser);
    await tab.page.goto(server.url);
  });

  after(async () => {
    if (tab) console.log(`browser console (${tab.consoleLog.length} lines):\n  ${tab.consoleLog.join('\n  ')}`);
    await browser?.close();
    await server?.close();
  });

  test('interleave.ready resolves (the app drew its first frame)', async () => {
    await tab.page.evaluate(() => window.interleave.ready);
    assert.equal(await tab.page.isVisible('#loading'), false, 'loading indicator still shown');
    assert.equal(await tab.page.isVisible('#message'), false, 'an error message is shown');
  });

  test('the page is cross-origin isolated and has SharedArrayBuffer', async () => {
    const iso = await tab.page.evaluate(() => ({
      isolated: window.crossOriginIsolated, sab: typeof SharedArrayBuffer,
    }));
    assert.deepEqual(iso, { isolated: true, sab: 'function' });
  });

  test('WebGL2 renders: the canvas fills the window and is not blank', async () => {
    const box = await tab.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { cssW: c.clientWidth, cssH: c.clientHeight, w: c.width, h: c.height,
               dpr: window.devicePixelRatio, iw: innerWidth, ih: innerHeight };
    });
    assert.equal(box.cssW, box.iw);
    assert.equal(box.cssH, box.ih);
    assert.ok(Math.abs(box.w - box.iw * box.dpr) <= 1 && Math.abs(box.h - box.ih * box.dpr) <= 1,
      `canvas backing store ${box.w}x${box.h} should be CSS size x devicePixelRatio`);
    // Let a few frames pass, then look at real pixels.
    await tab.page.evaluate(() => new Promise((r) => {
      let n = 0;
      const tick = () => (++n < 10 ? requestAnimationFrame(tick) : r());
      requestAnimationFrame(tick);
    }));
    const shot = await tab.page.screenshot({ path: join(OUT, 'web.png') });
    const colours = distinctColours(shot);
    assert.ok(colours > 8, `screenshot looks blank (${colours} colours)`);
  });

  test('the canvas follows window resizes', async () => {
    await tab.page.setViewportSize({ width: 900, height: 640 });
    const size = await waitFor(tab.page, () => {
      const c = document.getElementById('canvas');
      const dpr = window.devicePixelRatio;
      return Math.abs(c.width - 900 * dpr) <= 1 && Math.abs(c.height - 640 * dpr) <= 1 &&
        [c.width, c.height];
    }, null, { timeout: 10_000, what: 'canvas resize to 900x640' });
    assert.ok(size);
    await tab.page.setViewportSize({ width: 1280, height: 800 });
  });

  test('devicePixelRatio 2 (a zoom or a move to a high-DPI screen): canvas pixels follow', async () => {
    const cdp = await tab.context.newCDPSession(tab.page);
    await cdp.send('Emulation.setDeviceMetricsOverride',
      { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
    await waitFor(tab.page, () => {
      const c = document.getElementById('canvas');
      return window.devicePixelRatio === 2 && c.width === 2560 && c.height === 1600;
    }, null, { timeout: 10_000, what: 'a 2560x1600 canvas at devicePixelRatio 2' });
    await tab.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shot = await tab.page.screenshot({ path: join(OUT, 'web-dpr2.png') });
    assert.ok(distinctColours(shot) > 8, 'blank at devicePixelRatio 2');
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await tab.page.setViewportSize({ width: 1280, height: 800 });
    await cdp.detach();
  });

  test('window.interleave answers: state(), link(), load()', async () => {
    const r = await tab.page.evaluate(() => ({
      state: window.interleave.state(),
      link: window.interleave.link(),
      notices: window.interleave.load('#v=1&sample=threading'),
    }));
    assert.equal(typeof r.state, 'object');
    assert.equal(typeof r.state.status, 'string');
    assert.match(r.link, /^#v=1/);
    assert.ok(Array.isArray(r.notices), 'load() returns the notices array');
  });

  test("running 'threading' gives the article's output", async (t) => {
    const initial = await tab.page.evaluate(() => window.interleave.state());
    if (initial.status === 'idle' && !('sample' in initial)) {
      const msg = "SKIPPED: ui::App is still the placeholder (state() has no 'sample'): " +
        'the threading run through window.interleave is NOT tested yet';
      console.log(msg);
      t.skip(msg);
      return;
    }
    await tab.page.evaluate(() => {
      window.interleave.load('#v=1&sample=threading');
      window.interleave.run();
    });
    const state = await waitFor(tab.page, () => {
      const s = window.interleave.state();
      return s.status !== 'running' && s.status !== 'idle' ? s : null;
    }, null, { timeout: 90_000, what: 'the threading run to end' });
    assert.equal(state.status, 'finished', `run ended as ${state.status}: ${JSON.stringify(state.notices)}`);
    assert.equal(state.sample, 'threading');
    const texts = state.output.map((line) => line.text);
    assert.deepEqual(texts.filter((s) => s.startsWith('Thread 1:')),
      ['Thread 1: 0', 'Thread 1: 1', 'Thread 1: 2', 'Thread 1: 3', 'Thread 1: 4']);
    assert.deepEqual(texts.filter((s) => s.startsWith('Thread 2:')),
      ['Thread 2: A', 'Thread 2: B', 'Thread 2: C', 'Thread 2: D', 'Thread 2: E']);
    const trace = await tab.page.evaluate(() => window.interleave.exportTrace());
    assert.ok(trace.length > 0, 'exportTrace() is empty after a finished run');
    writeFileSync(join(OUT, 'threading-trace.json'), trace);
    const parsed = JSON.parse(trace);
    assert.ok(Array.isArray(parsed) || Array.isArray(parsed.traceEvents), 'Trace Event JSON');
    await tab.page.screenshot({ path: join(OUT, 'web-threading.png') });
  });

  test('a hashchange loads the new link', async (t) => {
    const initial = await tab.page.evaluate(() => window.interleave.state());
    if (!('sample' in initial)) {
      t.skip('SKIPPED: placeholder ui::App (no sample in state)');
      return;
    }
    await tab.page.evaluate(() => { location.hash = '#v=1&sample=asyncio'; });
    // After a run, state().sample is that run's sample; the selection shows in the link.
    await waitFor(tab.page, () => /[#&]sample=asyncio(&|$)/.test(window.interleave.link()), null,
      { timeout: 10_000, what: "the app's link to select sample=asyncio" });
  });

  test('no console errors and no page errors', () => {
    assert.deepEqual(tab.problems, []);
  });
});
