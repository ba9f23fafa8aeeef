// Replay and scrubbing (issue #11 item 4): a finished simulated run is played back on its
// virtual clock; the scrubber moves both ways; the console and the editor's line markers show
// the scrubbed moment; "Link to this moment" (t=) copies a full address that opens that moment
// after the run; a bad t= gives a notice; the timeline right of the replay's t has nothing to
// hover. Everything is exact: the simulated machine's times do not depend on load.
// Screenshots: build/e2e/replay-*.png (the scrubbed timeline, the Cores view, the opened link).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, control, distinctColours, frames, newPage, uiState, waitFor, withPage } from './helpers.mjs';

const state = (page) => page.evaluate(() => window.interleave.state());
const threadMarkers = async (page) => (await page.evaluate(() => window.interleave.editorState()))
  .markers.filter((m) => m.kind === 'thread').map((m) => m.line).sort((a, b) => a - b);
const waitDone = (page) => waitFor(page, () => {
  const s = window.interleave.state();
  return s.status !== 'running' && s.status !== 'idle' ? s : null;
}, null, { timeout: 120_000, what: 'the run to end' });
const waitReplay = (page) => waitFor(page, () => window.interleave.ui().replay, null,
  { timeout: 60_000, what: 'the replay of the finished run' });

// Presses and releases over separate frames (at a few frames per second a fast click can fall
// into one frame and be missed).
async function click(page, id, fx = 0.5) {
  const c = await control(page, id);
  await page.mouse.move(c.x + c.w * fx, c.y + c.h / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  await frames(page, 3);
}

async function shot(page, name) {
  await frames(page, 6);
  const png = await page.screenshot({ path: join(OUT, `replay-${name}.png`) });
  assert.ok(distinctColours(png) > 30, `${name} screenshot looks blank`);
}

// A worker sleeps 300 ms on line 6 while MainThread sleeps 100 ms, prints, and joins on line 13.
const PROGRAM = `import threading
import time

def worker():
    print("worker: start")
    time.sleep(0.3)
    print("worker: done")

t = threading.Thread(target=worker)
t.start()
time.sleep(0.1)
print("main: waiting")
t.join()
print("main: end")
`;
const WORKER_SLEEP = 5, MAIN_JOIN = 12;  // 0-based editor lines
const ms = 1e6;
// Output lines printed by t (ns), from the run's own record: what the console must show.
const printedBy = (s, t) => s.output.filter((l) => l.t_ms * ms <= t).map((l) => l.text);

describe('replay and scrubbing of a simulated run', { timeout: 600_000 }, () => {
  const env = withPage('#v=1&sample=threading&machine=simulated',
    { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });

  let moment;  // { t, lines, markers, link, copied } at the scrubbed moment
  // What a copy button put on the page's clipboard (it writes through a promise).
  // The replay's state over the next few frames (the page skips drawing some frames while the
  // GPU is behind, and an undrawn frame hit-tests no span): every frame's, in order.
  const hoverFrames = async (page, n = 5) => {
    const out = [];
    for (let k = 0; k < n; k++) {
      await frames(page, 1);
      out.push((await uiState(page)).replay);
    }
    return out;
  };
  const copied = (page, before) => waitFor(page, async (b) => {
    const t = await navigator.clipboard.readText();
    return t !== b ? t : null;
  }, before, { what: 'the copy to reach the clipboard' });

  test('plays back, scrubs both ways, and shows the console and line markers at that moment', async () => {
    const page = env.tab.page;
    await page.evaluate((code) => window.interleave.setCode(code), PROGRAM);
    await frames(page, 3);
    await page.evaluate(() => window.interleave.run());
    const s = await waitDone(page);
    assert.equal(s.status, 'finished', JSON.stringify(s.notices));
    assert.deepEqual(s.output.map((l) => l.text),
      ['worker: start', 'main: waiting', 'worker: done', 'main: end']);
    let r = await waitReplay(page);
    const end = r.end_ns;
    assert.ok(end >= 300 * ms && end < 2000 * ms, `a short run (${end} ns) plays at 1x`);
    // The short run plays by itself at 1x, to its end.
    r = await waitFor(page, () => {
      const x = window.interleave.ui().replay;
      return !x.playing && x.t_ns === x.end_ns ? x : null;
    }, null, { what: 'the replay to reach the end' });
    assert.equal(r.lines, 4);

    // Scrub to about 200 ms: MainThread has printed and joins, the worker sleeps.
    const bar = await control(page, 'replay:t');
    await click(page, 'replay:t', 200 * ms / end);
    r = (await uiState(page)).replay;
    assert.ok(!r.playing, 'a scrub pauses');
    assert.ok(r.t_ns > 110 * ms && r.t_ns < 290 * ms, `scrubbed to ${r.t_ns} ns (bar ${JSON.stringify(bar)})`);
    assert.equal(r.view_t_ns, r.t_ns);
    assert.deepEqual(printedBy(s, r.t_ns), ['worker: start', 'main: waiting']);
    assert.equal(r.lines, 2, 'the console shows the two lines printed by then');
    assert.deepEqual(await threadMarkers(page), [WORKER_SLEEP, MAIN_JOIN]);
    moment = { t: r.t_ns, lines: r.lines, markers: await threadMarkers(page), link: r.link };
    // "Link to this moment" copies a whole address, not only the fragment: pasted anywhere,
    // it opens the playground.
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await click(page, 'replay:link');
    moment.copied = await copied(page, 'nothing yet');
    const base = await page.evaluate(() => location.origin + location.pathname);
    assert.ok(base.startsWith('http'), base);
    assert.equal(moment.copied, base + moment.link);
    await shot(page, 'scrubbed');
    await page.keyboard.press('c');
    await shot(page, 'cores');
    await page.keyboard.press('t');
    await frames(page, 3);

    // Step to the next event, then back: both ways, each an exact moment of the run.
    await click(page, 'replay:next');
    const next = (await uiState(page)).replay.t_ns;
    assert.ok(next > moment.t, `next event ${next} after ${moment.t}`);
    assert.equal((await uiState(page)).replay.lines, printedBy(s, next).length);
    await click(page, 'replay:prev');
    const prev = (await uiState(page)).replay.t_ns;
    assert.ok(prev < next && prev <= moment.t, `previous event ${prev} before ${next}`);
    // Scrub backwards to the start: nothing printed yet, the worker not started.
    await click(page, 'replay:t', 0.002);
    r = (await uiState(page)).replay;
    assert.ok(r.t_ns < 5 * ms, `scrubbed back to ${r.t_ns}`);
    assert.equal(r.lines, printedBy(s, r.t_ns).length);
    assert.ok(!(await threadMarkers(page)).includes(WORKER_SLEEP));

    // Play at 0.1x from here: t moves forward by itself, slowly.
    await click(page, 'replay:speed:0.1x');
    assert.equal((await uiState(page)).replay.speed, 0.1);
    await click(page, 'replay:play');
    const a = (await uiState(page)).replay;
    assert.ok(a.playing, 'Play plays');
    await waitFor(page, (t0) => window.interleave.ui().replay.t_ns > t0 + 20e6, a.t_ns,
      { what: 'the replay clock to move' });
    await click(page, 'replay:play');  // Pause
    const b = (await uiState(page)).replay;
    assert.ok(!b.playing);
    await frames(page, 10);
    assert.equal((await uiState(page)).replay.t_ns, b.t_ns, 'paused: t holds');
    assert.deepEqual(env.tab.problems, []);
  });

  test('"Link to this moment" opens that moment after the run', async () => {
    assert.ok(moment, 'the scrub test ran');
    assert.match(moment.link, /[#&]t=\d+(\.\d{1,3})?(&|$)/);
    assert.match(moment.link, /&run=1/);
    assert.match(moment.link, /machine=simulated/);
    const other = await newPage(env.browser);
    try {
      await other.page.goto(moment.copied);  // the address "Link to this moment" copied
      await other.page.evaluate(() => window.interleave.ready);
      const s = await waitDone(other.page);
      assert.equal(s.status, 'finished');
      assert.deepEqual(s.notices, []);
      const r = await waitReplay(other.page);
      await frames(other.page, 4);
      assert.ok(!r.playing, 'a moment link opens paused at its moment');
      assert.ok(Math.abs(r.t_ns - moment.t) <= 1000, `t ${r.t_ns} vs ${moment.t} (µs in links)`);
      assert.equal(r.lines, moment.lines);
      assert.deepEqual(await threadMarkers(other.page), moment.markers);
      await shot(other.page, 'link');
      assert.deepEqual(other.problems, []);
    } finally {
      await other.context.close();
    }
  });

  test('the timeline right of the replay\'s t has no span to hover; Share copies a whole address', async () => {
    const page = env.tab.page;
    await page.keyboard.press('t');
    await frames(page, 3);
    const end = (await uiState(page)).replay.end_ns;
    const lanes = await control(page, 'timeline:lanes');
    // At the run's end every span is drawn: find points over spans along a column at 80% of
    // the lanes' width (the labels column is left of it).
    await click(page, 'replay:t', 0.999);
    assert.ok((await uiState(page)).replay.t_ns > 0.99 * end);
    const x = lanes.x + lanes.w * 0.8;
    const over = [];
    for (let y = lanes.y + 6; y < lanes.y + Math.min(lanes.h, 400); y += 10) {
      await page.mouse.move(x, y);
      if ((await hoverFrames(page)).some((r) => r.hover_span)) over.push(y);
    }
    assert.ok(over.length > 0, 'the scan finds spans to hover at the end of the run');
    // Back to the run's start: those spans lie right of t now, and are not drawn yet.
    await click(page, 'replay:t', 0.002);
    const t = (await uiState(page)).replay.t_ns;
    assert.ok(t < 0.1 * end, `scrubbed to ${t} of ${end}`);
    for (const y of over) {
      await page.mouse.move(x, y);
      for (const r of await hoverFrames(page)) {
        assert.equal(r.hover_span, false, `a span beyond t = ${t} hovered at y ${y}`);
        assert.ok(r.hover_ns <= t, `the editor's markers would show ${r.hover_ns}, after t = ${t}`);
      }
    }
    await shot(page, 'hover-beyond-t');
    // Mid-run, spans left of t are still there to hover (their tooltips cut at t).
    await click(page, 'replay:t', 0.7);
    const mid = (await uiState(page)).replay.t_ns;
    let found = null;
    for (let fx = 0.95; fx > 0.3 && !found; fx -= 0.05) {
      for (const y of over) {
        await page.mouse.move(lanes.x + lanes.w * fx, y);
        found = (await hoverFrames(page)).find((r) => r.hover_span && r.hover_ns < mid);
        if (found) break;
      }
    }
    assert.ok(found, `a span left of t = ${mid} can be hovered`);
    await shot(page, 'hover-cut');
    await page.mouse.move(0, 0);

    // Share: the whole address too.
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await click(page, 'share');
    const link = await copied(page, 'nothing yet');
    const s = await state(page);
    assert.equal(link, await page.evaluate(() => location.origin + location.pathname) + s.link);
    await page.keyboard.press('Escape');
    await frames(page, 3);
    assert.deepEqual(env.tab.problems, []);
  });

  test('a bad t= gives a notice, not a crash', async () => {
    const page = env.tab.page;
    const notices = await page.evaluate(() => window.interleave.load(
      '#v=1&sample=threading&machine=simulated&t=soon&run=1'));
    assert.ok(JSON.stringify(notices).includes('is not a moment of the run'), JSON.stringify(notices));
    await frames(page, 4);
    const s = await state(page);
    assert.ok(s.notices.some((n) => n.includes('t=soon')), JSON.stringify(s.notices));
    assert.deepEqual(env.tab.problems, []);
  });
});
