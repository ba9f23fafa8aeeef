// Phones and tablets, with a finger: at 390x844 (a phone, 3 device pixels per CSS pixel) and
// 768x1024 (a tablet, 2) the page switches to its one-column layout, every control is on screen
// and at least 44 CSS px each way, text is readable and nothing runs off a pane's right edge
// (ui().cut_off), a tap presses what is under the finger (once), and a drag scrolls a pane
// that has more than fits.
// Screenshots of every page: build/e2e/mobile-<width>-<page>.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, control, distinctColours, frames, uiState, waitFor, withPage } from './helpers.mjs';

const FINISHED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];
const PAGES = ['knobs', 'code', 'output', 'timeline', 'cores', 'compare'];

async function tap(page, id) {
  const c = await control(page, id);
  await page.touchscreen.tap(c.x + c.w / 2, c.y + c.h / 2);
  await frames(page, 4);
}

// A finger drag from (x, y) by dy CSS px, in steps, a frame apart (CDP touch events).
async function drag(page, x, y, dy) {
  const cdp = await page.context().newCDPSession(page);
  const at = (yy) => [{ x, y: yy, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(y) });
  await frames(page, 2);
  for (let i = 1; i <= 8; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(y + (dy * i) / 8) });
    await frames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 3);
  await cdp.detach();
}

// Every control drawn: inside the viewport across, at least 44 px each way; wholly visible
// unless it lies in the page pane (which scrolls).
function checkControls(ui, width, height, where) {
  const problems = [];
  for (const c of ui.controls) {
    if (c.kind === 'area') continue;  // the timeline canvas: a scrolling drawing, not a target
    if (c.w < 44 || c.h < 44) problems.push(`${c.id} is ${c.w}x${c.h} px`);
    if (c.x < 0 || c.x + c.w > width + 0.5) problems.push(`${c.id} is off the side (x ${c.x}, w ${c.w})`);
    const scrolls = ui.scroll.page && ui.scroll.page.max > 0;  // reachable by a drag
    if (!c.visible && !scrolls) problems.push(`${c.id} cannot be seen (y ${c.y}, h ${c.h})`);
  }
  assert.deepEqual(problems, [], `${where}: ${problems.join('; ')}`);
}

// Nothing runs off a pane's right edge (a line that should wrap, a row that should break):
// ui().cut_off names the panes whose items reach past it with no scrollbar to bring them back.
async function checkPagesFit(page, where) {
  for (const name of PAGES) {
    await tap(page, `page:${name}`);
    const u = await uiState(page);
    assert.deepEqual(u.cut_off, [], `${where}, page ${name}: cut off at the right edge`);
  }
}

for (const [width, height, scale] of [[390, 844, 3], [768, 1024, 2]]) {
  describe(`touch, ${width}x${height}`, { timeout: 600_000 }, () => {
    const env = withPage('#v=1&sample=choosing&tasks=2&cpu_ms=20', {
      contextOptions: { viewport: { width, height }, deviceScaleFactor: scale, hasTouch: true, isMobile: true },
    });

    test('every page: each control on screen, at least 44 px, readable text', async () => {
      const page = env.tab.page;
      const ui = await uiState(page);
      assert.equal(ui.layout, 'compact');
      assert.ok(ui.font_px >= 15, `text is ${ui.font_px} px`);
      for (const id of ['run', 'stop', 'share', 'export', 'sample-picker', 'theme'])
        assert.ok(ui.controls.some((c) => c.id === id), `${id} is not on screen`);
      for (const name of PAGES) {
        await tap(page, `page:${name}`);
        const u = await uiState(page);
        checkControls(u, width, height, `page ${name}`);
        const png = await page.screenshot({ path: join(OUT, `mobile-${width}-${name}.png`) });
        assert.ok(distinctColours(png) > 30, `page ${name} looks blank`);
        assert.deepEqual(u.cut_off, [], `page ${name}: cut off at the right edge`);
      }
      // The Share popup fits the screen: its text and link wrap (they ran off a phone's edge).
      await tap(page, 'share');
      const share = await uiState(page);
      checkControls(share, width, height, 'the Share popup');
      assert.deepEqual(share.cut_off, [], 'the Share popup: cut off at the right edge');
      await page.screenshot({ path: join(OUT, `mobile-${width}-share.png`) });
      await tap(page, 'share:close');
      assert.deepEqual(env.tab.problems, []);
    });

    test('a tap presses what is under the finger, once: pick a sample, change a knob, run', async () => {
      const page = env.tab.page;
      await tap(page, 'page:knobs');
      await tap(page, 'sample-picker');
      checkControls(await uiState(page), width, height, 'the sample list');
      await page.screenshot({ path: join(OUT, `mobile-${width}-picker.png`) });
      await tap(page, 'sample:threading');
      await waitFor(page, () => window.interleave.state().sample === 'threading', null,
        { what: 'the tapped sample to be picked' });
      // Two taps in a row on a radio pair: each lands where it is aimed (no stray first click
      // at the previous spot, which would flip it back).
      await tap(page, 'knob:gil=off');
      await tap(page, 'knob:gil=on');
      await tap(page, 'knob:gil=off');
      assert.equal((await page.evaluate(() => window.interleave.state())).knobs.gil, 'off');
      await tap(page, 'run');
      const s = await waitFor(page, (ended) => {
        const st = window.interleave.state();
        return ended.includes(st.status) ? st : null;
      }, FINISHED, { timeout: 90_000, what: 'the tapped run to end' });
      assert.equal(s.status, 'finished');
      assert.equal(s.knobs.gil, 'off');
      await waitFor(page, () => window.interleave.state().runs >= 1, null, { what: 'the run recorded' });
      await frames(page, 4);
      assert.equal((await page.evaluate(() => window.interleave.state())).runs, 1, 'one tap, one run');
      await checkPagesFit(page, 'after a run');  // the Cores view's figures, the console
      await tap(page, 'page:output');
      await page.screenshot({ path: join(OUT, `mobile-${width}-output-run.png`) });
    });

    test('a finger drag scrolls a pane with more than fits; the last knob comes into view', async () => {
      const page = env.tab.page;
      await page.evaluate(() => window.interleave.load('#v=1&sample=choosing'));
      await tap(page, 'page:knobs');
      const ui = await uiState(page);
      const last = ui.controls.find((c) => c.id === 'run-all');
      assert.ok(last, 'Run all models is not drawn');
      if (ui.scroll.page.max === 0) return;  // a tall screen shows it all: nothing to scroll
      assert.equal(last.visible, false);
      // Start on a knob (a slider): a vertical drag is a scroll, and the knob keeps its value.
      const knob = await control(page, 'knob:tasks');
      await drag(page, knob.x + knob.w * 0.8, knob.y + knob.h / 2, -height * 0.3);
      assert.ok((await uiState(page)).scroll.page.y > 0, 'the page did not scroll');
      assert.doesNotMatch(await page.evaluate(() => window.interleave.link()), /tasks=/,
        `the drag changed the knob it started on (${knob.id})`);
      // Then on the blank space of a label's row, upwards, until the end of the page shows.
      for (let i = 0; i < 4 && !(await control(page, 'run-all')).visible; i++) {
        const label = await control(page, 'knob:cpu_ms');
        await drag(page, width / 2, Math.max(label.y - 12, height * 0.5), -height * 0.4);
      }
      assert.equal((await control(page, 'run-all')).visible, true, 'Run all models never came into view');
    });
  });
}
