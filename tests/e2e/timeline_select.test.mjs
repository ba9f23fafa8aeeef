// Clicking a timeline span selects its thread (issue #10 item 5), against the real server: the
// lane is outlined in the thread's colour, the editor shows the lines that thread ran (bands in
// its colour: editorState() markers of kind "thread_line"), and a click on empty space clears
// both. Screenshot: build/e2e/timeline-select.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUT, decodePng, frames, launchBrowser, newPage, startServer, uiState, waitFor } from './helpers.mjs';

const ENDED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];

// Two threads in two functions: spin() runs lines 4-7, nap() lines 10-11 (1-based).
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
const SPIN = new Set([3, 4, 5, 6]);  // 0-based
const NAP = new Set([9, 10]);

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
  let server, browser, tab;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tab = await newPage(browser);
    await tab.page.goto(server.url);
    await tab.page.evaluate(() => window.interleave.ready);
  });

  after(async () => {
    if (tab?.problems.length) console.log(`page problems:\n  ${tab.problems.join('\n  ')}`);
    await browser?.close();
    await server?.close();
  });

  test("a click on a thread's span outlines its lane and shows its lines; empty space clears", async () => {
    const page = tab.page;
    await page.evaluate((c) => window.interleave.setCode(c), CODE);
    await frames(page, 2);
    await page.evaluate(() => window.interleave.run());
    const s = await waitFor(page, (ended) => {
      const st = window.interleave.state();
      return ended.includes(st.status) ? st : null;
    }, ENDED, { timeout: 120_000, what: 'the run to end' });
    assert.equal(s.status, 'finished', JSON.stringify(s.output));
    await frames(page, 4);

    const ui = await uiState(page);
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
    assert.deepEqual(tab.problems, []);
  });
});
