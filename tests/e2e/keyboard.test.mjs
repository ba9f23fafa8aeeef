// Keyboard only, no mouse: Tab and Shift+Tab walk every control with a visible focus ring,
// Space and Enter press buttons, Space + arrows change a knob, the theme and "Run all models"
// are reached too, and digits 1-9 and 0 pick the ten samples.
// Screenshot: build/e2e/keyboard-focus.png (the focus ring on a knob).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, control, decodePng, frames, uiState, waitFor, withPage } from './helpers.mjs';

const FINISHED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];
const state = (page) => page.evaluate(() => window.interleave.state());

// Presses `key` and waits until the app has drawn a frame after it (the focus is read from the
// frame, so the next assertion sees its result).
async function press(page, key) {
  await page.keyboard.press(key);
  await frames(page, 3);
}

// Tab (or Shift+Tab) until the control `id` has the focus; returns the ids passed on the way.
async function tabTo(page, id, { back = false, most = 60 } = {}) {
  const seen = [];
  for (let i = 0; i < most; i++) {
    await press(page, back ? 'Shift+Tab' : 'Tab');
    const focus = (await uiState(page)).focus;
    seen.push(focus);
    if (focus === id) return seen;
  }
  throw new Error(`Tab never reached ${id}; it went: ${seen.join(' ')}`);
}

describe('keyboard only', { timeout: 600_000 }, () => {
  const env = withPage('#v=1&sample=threading');

  test('Tab reaches a knob with a visible ring; Space and arrows change it; Enter on Run runs it', async () => {
    const page = env.tab.page;
    assert.equal((await uiState(page)).focus, '', 'no focus ring before any key');
    const path = await tabTo(page, 'knob:io_ms');
    // On the way: the theme, a sample, Run, Stop is skipped while disabled.
    for (const id of ['theme', 'sample:threading', 'run', 'share']) assert.ok(path.includes(id), `${id} not reached: ${path}`);
    assert.ok(!path.includes('stop'), 'Tab stopped on the disabled Stop button');
    // The ring: ImGui's nav highlight colour drawn around the knob.
    const knob = await control(page, 'knob:io_ms');
    const png = decodePng(await page.screenshot({ path: join(OUT, 'keyboard-focus.png') }));
    const ring = [];
    for (let x = Math.round(knob.x); x < knob.x + knob.w; x += 4) {
      const y = Math.round(knob.y) - 3;  // ImGui draws it 2 px wide, 3 px outside the item
      const i = (y * png.width + x) * png.bpp;
      ring.push([png.px[i], png.px[i + 1], png.px[i + 2]]);
    }
    const blue = ring.filter(([r, g, b]) => b > 200 && b > r + 60 && g > 100).length;
    assert.ok(blue > ring.length * 0.8, `no focus ring above the knob (${blue}/${ring.length} ring pixels)`);

    const before = Number((await state(page)).knobs.io_ms);
    await press(page, 'Space');       // take the slider
    for (let i = 0; i < 5; i++) await press(page, 'ArrowRight');
    await press(page, 'Space');       // let it go
    const link = await page.evaluate(() => window.interleave.link());
    const moved = Number(/io_ms=([0-9.]+)/.exec(link)?.[1]);
    assert.ok(moved > before, `five Right arrows did not raise the knob from ${before}: ${link}`);

    await tabTo(page, 'run', { back: true });
    await press(page, 'Enter');
    const s = await waitFor(page, (ended) => {
      const st = window.interleave.state();
      return ended.includes(st.status) ? st : null;
    }, FINISHED, { timeout: 90_000, what: 'Enter on Run to run the sample' });
    assert.equal(s.status, 'finished');
    assert.equal(s.knobs.io_ms, String(moved));
    assert.equal(s.output.length, 10);
  });

  test('Share, Export, the theme and Run all models are reached and operated by keys', async () => {
    // (Runs on from the previous test: a finished run, so Export is enabled.)
    const page = env.tab.page;
    await tabTo(page, 'share');
    await press(page, 'Enter');
    await waitFor(page, () => window.interleave.ui().controls.some((c) => c.id === 'share:close'),
      null, { what: 'Enter on Share to open the link popup' });
    await press(page, 'Escape');
    await waitFor(page, () => !window.interleave.ui().controls.some((c) => c.id === 'share:close'),
      null, { what: 'Esc to close the popup' });

    await tabTo(page, 'export');
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await press(page, 'Space');
    assert.equal((await download).suggestedFilename(), 'interleave-trace.json');

    const dark = (await uiState(page)).dark;
    await tabTo(page, 'theme');
    await press(page, 'Space');
    assert.equal((await uiState(page)).dark, !dark, 'Space on the theme button');
    await press(page, 'Enter');
    assert.equal((await uiState(page)).dark, dark, 'Enter on the theme button');

    await page.evaluate(() => window.interleave.load('#v=1&sample=choosing&tasks=1&cpu_ms=1&io_ms=1'));
    await frames(page, 3);
    await tabTo(page, 'run-all');
    await press(page, 'Enter');
    await waitFor(page, () => {
      const s = window.interleave.state();
      return s.run_all_pending > 0 || s.runs > 0;
    }, null, { what: 'Enter on Run all models to start the batch' });
    await press(page, 'Escape');  // stops the batch
    await waitFor(page, (ended) => ended.includes(window.interleave.state().status), FINISHED,
      { what: 'Esc to stop' });
    assert.equal((await state(page)).run_all_pending, 0);
    assert.deepEqual(env.tab.problems, []);
  });

  test('digits pick samples: 1-9 the first nine, 0 the tenth', async () => {
    const page = env.tab.page;
    const ids = ['threading', 'multiprocessing', 'asyncio', 'executors', 'choosing', 'race',
      'queue', 'convoy', 'blocking_async', 'deadlock'];
    for (const [key, id] of [['0', ids[9]], ['1', ids[0]], ['6', ids[5]], ['9', ids[8]]]) {
      await press(page, key);
      await waitFor(page, (want) => window.interleave.link().includes(`sample=${want}`), id,
        { what: `key ${key} to pick ${id}` });
    }
  });
});
