// Clicking a timeline span selects its thread (issue #10 item 5), against the real server: the
// lane is outlined in the thread's colour, the editor shows the lines that thread ran (bands in
// its colour: editorState() markers of kind "thread_line"), and a click on empty space clears
// both. Each thread lane's colour (its bar at the lane's left edge, the colour of its ▶ markers)
// differs clearly from the others' in both themes. Screenshots: build/e2e/timeline-select.png,
// timeline-colours-dark.png, timeline-colours-light.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, decodePng, frames, uiState, waitFor, withPage } from './helpers.mjs';

const ENDED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];

// Two threads in two functions: spin() runs lines 3-7, nap() lines 9-11 (1-based, def lines included).
const CODE = 'import threading, time\n\n' +
  'def spin(n):\n' +
  '    total = 0\n' +
  '    for i in range(n):\n' +
  '        total += i\n' +
  '    return total\n\n' +
  'def nap():\n' +
  '    time.sleep(0.05)\n' +
  '    x = 1\n\n' +
  'a = threading.Thread(target=spin, args=(1000000,))\n' +
  'b = threading.Thread(target=nap)\n' +
  'a.start(); b.start()\n' +
  'a.join(); b.join()\n' +
  'print("done")\n';
// 0-based. The def line is the function's too: as in CPython 3.11, its first instruction
// (RESUME, which checks the eval breaker) carries the def's line, so a thread made to give up
// the GIL as it enters the function is there (seen once in a full e2e run at load ~4).
const SPIN = new Set([2, 3, 4, 5, 6]);
const NAP = new Set([8, 9, 10]);

// Presses and releases over separate frames (a click inside one slow frame can be missed).
async function click(page, x, y) {
  await page.mouse.move(x, y);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
  await page.mouse.move(5, 5);  // no hover cursor line or tooltip in what follows
  await frames(page, 3);
}

const threadLines = async (page) => (await page.evaluate(() => window.interleave.editorState()))
  .markers.filter((m) => m.kind === 'thread_line');

// The lane's pixels (its label column and spans) as a string, to see that selection redraws it.
async function laneCrop(page, lane, width) {
  const buf = await page.screenshot({ clip: { x: 0, y: lane.y0 - 3, width, height: lane.y1 - lane.y0 + 6 } });
  return decodePng(buf).px.toString('base64');
}

describe('timeline: clicking a span selects its thread', { timeout: 600_000 }, () => {
  const env = withPage();

  // The page skips drawing frames while the GPU is behind (often, on SwiftShader); a click
  // released in such a frame once selected nothing (tests/ui/test_timeline_click.cpp).
  test("a click on a thread's span outlines its lane and shows its lines; empty space clears", async () => {
    const page = env.tab.page;
    await page.evaluate((c) => window.interleave.setCode(c), CODE);
    await frames(page, 2);
    await page.evaluate(() => window.interleave.run());
    const s = await waitFor(page, (ended) => {
      const st = window.interleave.state();
      return ended.includes(st.status) ? st : null;
    }, ENDED, { timeout: 120_000, what: 'the run to end' });
    assert.equal(s.status, 'finished', JSON.stringify(s.output));
    // The click's place is computed from the view: wait until the run's last spans are in and
    // the view has settled (it fits the finished run over a frame or two).
    const key = (u) => JSON.stringify([u.caught_up, u.timeline.t0_ns, u.timeline.ns_per_px, u.timeline.lanes]);
    let ui = await uiState(page);
    for (let i = 0; i < 50; i++) {
      await frames(page, 3);
      const next = await uiState(page);
      const stable = next.caught_up && key(next) === key(ui);
      ui = next;
      if (stable) break;
    }
    const tl = ui.timeline;
    assert.equal(tl.selected, null);
    const spin = tl.lanes.find((l) => /spin/.test(l.name));
    assert.ok(spin, `a lane for spin(): ${JSON.stringify(tl.lanes)}`);
    assert.ok(spin.t1_ns > spin.t0_ns, JSON.stringify(spin));
    const before = await laneCrop(page, spin, 1280);

    // The middle of spin's life, on its state strip (the lane's bottom part).
    const x = tl.x0 + ((spin.t0_ns + spin.t1_ns) / 2 - tl.t0_ns) / tl.ns_per_px;
    const y = spin.y1 - 3;
    await click(page, x, y);
    let now = (await uiState(page)).timeline;
    assert.equal(now.selected, spin.name);
    const lines = await threadLines(page);
    assert.ok(lines.length > 0, 'the editor shows the lines spin() ran');
    for (const m of lines) {
      assert.ok(SPIN.has(m.line), `line ${m.line + 1} is spin()'s (${JSON.stringify(lines)})`);
      assert.equal(m.label, spin.name);
    }
    assert.notEqual(await laneCrop(page, spin, 1280), before, 'the selected lane is drawn differently');
    await page.screenshot({ path: join(OUT, 'timeline-select.png') });

    // The other thread's lane, clicked by its name: its lines instead.
    const nap = now.lanes.find((l) => /nap/.test(l.name));
    assert.ok(nap, JSON.stringify(now.lanes));
    const area = ui.controls.find((c) => c.id === 'timeline:lanes');
    assert.ok(area && tl.x0 - area.x > 30, `the lane names' column: ${JSON.stringify(area)}`);
    await click(page, area.x + 15, (nap.y0 + nap.y1) / 2);
    now = (await uiState(page)).timeline;
    assert.equal(now.selected, nap.name);
    const napLines = await threadLines(page);
    assert.ok(napLines.length > 0);
    for (const m of napLines) assert.ok(NAP.has(m.line), `line ${m.line + 1} is nap()'s`);

    // Empty space below the lanes clears the selection and the lines.
    const last = Math.max(...now.lanes.map((l) => l.y1));
    assert.ok(area.y + area.h > last + 16, `room below the lanes: ${JSON.stringify(area)} vs ${last}`);
    await click(page, x, last + 12);
    assert.equal((await uiState(page)).timeline.selected, null);
    assert.deepEqual(await threadLines(page), []);
    assert.deepEqual(env.tab.problems, []);
  });

  test("the first threads' lane colours are clearly different, in both themes", async () => {
    const page = env.tab.page;
    const code = 'import threading\n\ndef work(n):\n    total = 0\n    for i in range(n):\n        total += i\n\n' +
      'ts = [threading.Thread(target=work, args=(200000,)) for _ in range(4)]\n' +
      'for t in ts: t.start()\nfor t in ts: t.join()\n';
    await page.evaluate((c) => window.interleave.setCode(c), code);
    await frames(page, 2);
    await page.evaluate(() => window.interleave.run());
    await waitFor(page, (ended) => ended.includes(window.interleave.state().status), ENDED,
      { timeout: 120_000, what: 'the run to end' });
    for (const theme of ['dark', 'light']) {
      if ((await uiState(page)).dark !== (theme === 'dark')) {
        const c = (await uiState(page)).controls.find((x) => x.id === 'theme');
        await click(page, c.x + c.w / 2, c.y + c.h / 2);
      }
      await frames(page, 4);
      const ui = await uiState(page);
      assert.equal(ui.dark, theme === 'dark');
      const area = ui.controls.find((x) => x.id === 'timeline:lanes');
      const lanes = ui.timeline.lanes.filter((l) => l.worker >= 0).slice(0, 5);
      assert.equal(lanes.length, 5, JSON.stringify(ui.timeline.lanes));
      const file = join(OUT, `timeline-colours-${theme}.png`);
      await page.screenshot({ path: file });
      const { width, bpp, px } = decodePng(await page.screenshot());
      const rgb = lanes.map((l) => {
        const i = (Math.round((l.y0 + l.y1) / 2) * width + Math.round(area.x + 1)) * bpp;
        return [px[i], px[i + 1], px[i + 2]];
      });
      for (let a = 0; a < rgb.length; a++) {
        for (let b = a + 1; b < rgb.length; b++) {
          const d = Math.hypot(rgb[a][0] - rgb[b][0], rgb[a][1] - rgb[b][1], rgb[a][2] - rgb[b][2]);
          assert.ok(d > 60, `${theme}: ${lanes[a].name} ${rgb[a]} and ${lanes[b].name} ${rgb[b]} look alike (${d.toFixed(0)})`);
        }
      }
    }
    const c = (await uiState(page)).controls.find((x) => x.id === 'theme');
    await click(page, c.x + c.w / 2, c.y + c.h / 2);  // back to dark
    assert.deepEqual(env.tab.problems, []);
  });
});
