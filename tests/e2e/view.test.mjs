// What the page shows, checked against what the user did: the mouse wheel does on the web what
// it does on the desktop (one notch = one zoom step or five lines, the right way round; trackpad
// deltas stay small), the page never shifts, the canvas fills the window, and state() always
// has its fields (also while idle) and the notices the screen shows.
// Screenshots: build/e2e/view-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  OUT, control, decodePng, frames, launchBrowser, newPage, serve, uiState, waitFor,
} from './helpers.mjs';

const FINISHED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];
const waitDone = (page) => waitFor(page, (ended) => {
  const s = window.interleave.state();
  return ended.includes(s.status) ? s : null;
}, FINISHED, { timeout: 90_000, what: 'the run to end' });

// One wheel event at the mouse, then enough frames for the app to have applied it.
async function wheel(page, dy) {
  await page.mouse.wheel(0, dy);
  await frames(page, 4);
}

describe('view', { timeout: 600_000 }, () => {
  let server, browser, tab;

  before(async () => {
    server = await serve();
    browser = await launchBrowser();
    // 1280x720, as a laptop screen: the page fills the screen exactly.
    tab = await newPage(browser, { viewport: { width: 1280, height: 720 } });
    await tab.page.goto(server.url);
    await tab.page.evaluate(() => window.interleave.ready);
  });

  after(async () => {
    if (tab?.problems.length) console.log(`page problems:\n  ${tab.problems.join('\n  ')}`);
    await browser?.close();
    await server?.close();
  });

  test('state() while idle has output, stats and notices, like a finished run', async () => {
    const s = await tab.page.evaluate(() => window.interleave.state());
    assert.equal(s.status, 'idle');
    assert.deepEqual(s.output, []);
    assert.deepEqual(s.notices, []);
    assert.equal(typeof s.stats, 'object');
    for (const k of ['wall_ms', 'cpu_ms', 'busy_cores_avg', 'busy_cores_max', 'gil_wait_ms',
      'gil_switches', 'tasks', 'dropped_events', 'output_lines']) assert.equal(s.stats[k], 0, k);
  });

  test("a loaded link's notices are in state().notices, idle and after a run, until dismissed", async () => {
    const page = tab.page;
    const notices = await page.evaluate(() => window.interleave.load('#v=1&sample=threading&io_ms=0&bogus=1'));
    assert.equal(notices.length, 1);
    assert.deepEqual((await page.evaluate(() => window.interleave.state())).notices, notices);
    await page.evaluate(() => window.interleave.run());
    const s = await waitDone(page);
    assert.equal(s.status, 'finished');
    assert.ok(s.notices.includes(notices[0]), JSON.stringify(s.notices));
    // The notice bar's Dismiss clears them from the screen and from state().
    const d = await control(page, 'notices:dismiss');
    await page.mouse.move(d.x + d.w / 2, d.y + d.h / 2);
    await frames(page, 3);
    await page.mouse.down();
    await frames(page, 3);
    await page.mouse.up();
    // (The run's own notices stay: on a busy machine a real run now says it was disturbed.)
    await waitFor(page, (n) => !window.interleave.state().notices.includes(n), notices[0],
      { what: 'Dismiss to clear the notices' });
  });

  test('the canvas fills the window to the last pixel', async () => {
    const dims = await tab.page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, iw: innerWidth * devicePixelRatio, ih: innerHeight * devicePixelRatio };
    });
    assert.equal(dims.w, dims.iw);
    assert.equal(dims.h, dims.ih);
  });

  test('one wheel notch over the timeline zooms one step, either way; a trackpad delta a fraction of it', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.load('#v=1&sample=threading&io_ms=20&run=1'));
    await waitDone(page);
    await frames(page, 4);
    const lanes = await control(page, 'timeline:lanes');
    await page.mouse.move(lanes.x + lanes.w * 0.6, lanes.y + 20);
    await frames(page, 3);
    const zoom = async () => (await uiState(page)).timeline.ns_per_px;
    const z0 = await zoom();
    await wheel(page, -100);  // one notch up (Chromium: 100 px): zoom in, as on the desktop
    const z1 = await zoom();
    assert.ok(Math.abs(z0 / z1 - 1.25) < 1e-3, `one notch up: ${z0} -> ${z1} ns/px, want 1.25x in`);
    assert.equal((await uiState(page)).timeline.follow, false);
    await wheel(page, 100);   // one notch down: back out by the same step
    const z2 = await zoom();
    assert.ok(Math.abs(z2 / z0 - 1) < 1e-3, `one notch down: ${z1} -> ${z2} ns/px, want ${z0}`);
    await wheel(page, -10);   // a trackpad's small delta: a tenth of a step, not a whole one
    const z3 = await zoom();
    assert.ok(Math.abs(z2 / z3 - 1.25 ** 0.1) < 1e-3, `trackpad: ${z2} -> ${z3} ns/px`);
    await page.screenshot({ path: join(OUT, 'view-timeline-zoomed.png') });
  });

  test('one wheel notch over a pane scrolls it five lines the right way; the page never shifts', async () => {
    const page = tab.page;
    await page.mouse.move(5, 715);  // the status bar: no hover
    await frames(page, 4);
    const header = async () => {
      const png = decodePng(await page.screenshot({ clip: { x: 0, y: 0, width: 1280, height: 34 } }));
      return png.px;
    };
    const before = await header();
    const first = await control(page, 'sample:threading');
    await page.mouse.move(first.x + 20, first.y + 20);
    await frames(page, 3);
    const ui0 = await uiState(page);
    assert.equal(ui0.scroll.gallery.y, 0);
    assert.ok(ui0.scroll.gallery.max > 100, 'the gallery should have more than fits (720 px window)');
    const lines5 = 5 * ui0.font_px;  // ImGui's wheel step: five lines of the pane's font
    await wheel(page, 100);  // one notch down: the list moves up by five lines
    const ui1 = await uiState(page);
    assert.ok(Math.abs(ui1.scroll.gallery.y - lines5) < 1, `down: scrolled to ${ui1.scroll.gallery.y}, want ${lines5}`);
    await wheel(page, -100);
    assert.equal((await uiState(page)).scroll.gallery.y, 0);
    // Over a pane with nothing to scroll the wheel goes to the page, which must not move.
    const lanes = await control(page, 'view:timeline');
    await page.mouse.move(lanes.x + 40, lanes.y + 200);
    await frames(page, 3);
    await wheel(page, 100);
    await wheel(page, 300);
    const ui2 = await uiState(page);
    assert.equal(ui2.scroll.main.y, 0);
    assert.equal(ui2.scroll.main.max, 0, 'the page has more content than fits: it could scroll');
    await page.mouse.move(5, 715);
    await frames(page, 4);
    assert.ok((await header()).equals(before), 'the header moved after wheel events');
    assert.deepEqual(tab.problems, []);
  });
});
