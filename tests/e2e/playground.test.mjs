// The playground end to end, in headless Chromium against the real server: the article's five
// samples loaded by link and run to completion, a share link into a fresh page, malformed
// links, Stop during a long run, the exported trace, keys (also a tap between two frames), and
// threads vs processes under the GIL.
// Screenshots of each view land in build/e2e/playground-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUT, control, distinctColours, frames, launchBrowser, newPage, serve, waitFor } from './helpers.mjs';

const FINISHED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];

async function open(browser, url) {
  const tab = await newPage(browser);
  await tab.page.goto(url);
  await tab.page.evaluate(() => window.interleave.ready);
  return tab;
}

// Waits until the current run has ended; returns the state.
function waitDone(page, timeout = 90_000) {
  return waitFor(page, (ended) => {
    const s = window.interleave.state();
    return ended.includes(s.status) ? s : null;
  }, FINISHED, { timeout, what: 'the run to end' });
}

// Switches the bottom view with its keyboard shortcut (t / c / m), then screenshots.
async function shot(page, name, key) {
  if (key) {
    await page.mouse.move(5, 790);  // away from the timeline: no tooltip in the picture
    await page.keyboard.press(key);
  }
  await frames(page, 8);
  const png = await page.screenshot({ path: join(OUT, `playground-${name}.png`) });
  assert.ok(distinctColours(png) > 30, `${name} screenshot looks blank`);
}

const texts = (s) => s.output.map((l) => l.text);

// The debug web build (-O0, Emscripten's guards on) exists to catch main-thread blocking and
// pool exhaustion; it draws a few frames per second and runs work several times slower, so the
// tests about key timing and relative speed run against the release build only.
const releaseOnly = process.env.INTERLEAVE_DEBUG === '1'
  ? { skip: 'debug web build: timing and frame-rate dependent; covered by the release build' } : {};

describe('playground', { timeout: 600_000 }, () => {
  let server, browser, tab;

  before(async () => {
    server = await serve();
    browser = await launchBrowser();
    tab = await open(browser, server.url);
  });

  after(async () => {
    if (tab?.problems.length) console.log(`page problems:\n  ${tab.problems.join('\n  ')}`);
    await browser?.close();
    await server?.close();
  });

  test('idle state before any run', async () => {
    const s = await tab.page.evaluate(() => window.interleave.state());
    assert.equal(s.status, 'idle');
    assert.equal(s.sample, 'threading');
    assert.match(s.link, /^#v=1&sample=threading/);
  });

  const article = [
    ['threading', (t) => ['Thread 1: 0', 'Thread 1: 4', 'Thread 2: A', 'Thread 2: E'].every((x) => t.includes(x)) && t.length === 10],
    ['multiprocessing', (t) => ['Process 1: 0', 'Process 1: 4', 'Process 2: A', 'Process 2: E'].every((x) => t.includes(x)) && t.length === 10],
    ['asyncio', (t) => ['Async Task 1: 0', 'Async Task 1: 4', 'Async Task 2: A', 'Async Task 2: E'].every((x) => t.includes(x))],
    ['executors', (t) => ['Task 0: 0', 'Task 4: 4', 'Task A: A', 'Task E: E'].every((x) => t.includes(x))],
    ['choosing', (t) => t.length > 0],
  ];
  for (const [id, check] of article) {
    test(`${id}: loaded by link with run=1, runs to completion with the expected output`, async () => {
      const notices = await tab.page.evaluate((f) => window.interleave.load(f), `#v=1&sample=${id}&run=1`);
      assert.deepEqual(notices, []);
      const s = await waitDone(tab.page);
      assert.equal(s.sample, id);
      assert.equal(s.status, 'finished', JSON.stringify(s.notices));
      assert.ok(check(texts(s)), `unexpected output for ${id}: ${JSON.stringify(texts(s))}`);
      if (id === 'threading') {
        await shot(tab.page, 'threading-timeline', 't');
        await shot(tab.page, 'threading-cores', 'c');
        await tab.page.keyboard.press('t');
      }
    });
  }

  test('the exported trace is Trace Event JSON', async () => {
    await tab.page.evaluate(() => window.interleave.load('#v=1&sample=threading&run=1'));
    await waitDone(tab.page);
    const text = await tab.page.evaluate(() => window.interleave.exportTrace());
    const trace = JSON.parse(text);
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    assert.ok(Array.isArray(events) && events.length > 10, 'traceEvents missing or tiny');
    for (const e of events.slice(0, 50)) {
      assert.equal(typeof e.ph, 'string');
      assert.ok('pid' in e || e.ph === 'M');
    }
    assert.ok(events.some((e) => e.ph === 'X' || e.ph === 'B'), 'no duration events');
  });

  test('a share link round-trips into a fresh page, which does not run by itself', async () => {
    await tab.page.evaluate(() => window.interleave.load('#v=1&sample=choosing&model=processes&work=cpu'));
    const link = await tab.page.evaluate(() => window.interleave.link());
    assert.match(link, /sample=choosing/);
    assert.match(link, /model=processes/);
    const fresh = await open(browser, server.url + link);
    try {
      await frames(fresh.page);
      const s = await fresh.page.evaluate(() => window.interleave.state());
      assert.equal(s.sample, 'choosing');
      assert.equal(s.knobs.model, 'processes');
      assert.equal(s.knobs.work, 'cpu');
      assert.equal(s.status, 'idle');
      assert.equal(s.link, link);
      assert.deepEqual(fresh.problems, []);
    } finally {
      await fresh.context.close();
    }
  });

  test('malformed links load what they can, show a notice, and the page keeps working', async () => {
    const bad = '#v=1&sample=threading&bogus=1&io_ms=99999999&gil=maybe&%zz';
    const fresh = await open(browser, server.url + bad);
    try {
      await frames(fresh.page);
      const s0 = await fresh.page.evaluate(() => window.interleave.state());
      assert.equal(s0.sample, 'threading');
      assert.equal(s0.status, 'idle');
      const notices = await fresh.page.evaluate(() => window.interleave.load('#v=7&sample=nope&workers=abc'));
      assert.ok(notices.length >= 1, 'no notice for a broken link');
      await shot(fresh.page, 'bad-link-notice');
      for (const junk of ['', '#', '#&&&', '#v=1&sample=' + 'x'.repeat(10000), '#\u0000\uffff%']) {
        const n = await fresh.page.evaluate((f) => window.interleave.load(f), junk);
        assert.ok(Array.isArray(n));
      }
      await fresh.page.evaluate(() => window.interleave.load('#v=1&sample=threading&run=1'));
      const s = await waitDone(fresh.page);
      assert.equal(s.status, 'finished');
      assert.equal(texts(s).length, 10);
      assert.deepEqual(fresh.problems, []);
    } finally {
      await fresh.context.close();
    }
  });

  test('Stop during a long run ends it promptly, and Run works again', async () => {
    await tab.page.evaluate(() => window.interleave.load('#v=1&sample=asyncio&time_scale=10'));
    await tab.page.evaluate(() => window.interleave.run());
    await waitFor(tab.page, () => window.interleave.state().status === 'running', null, { what: 'running' });
    await waitFor(tab.page, () => window.interleave.state().output.length >= 1, null, { what: 'some output' });
    const t0 = Date.now();
    await tab.page.evaluate(() => window.interleave.stop());
    const s = await waitDone(tab.page, 10_000);
    const ms = Date.now() - t0;
    assert.equal(s.status, 'stopped');
    assert.ok(ms < 3000, `stop took ${ms} ms`);
    await tab.page.evaluate(() => window.interleave.load('#v=1&sample=threading&run=1'));
    const again = await waitDone(tab.page);
    assert.equal(again.status, 'finished');
    assert.equal(texts(again).length, 10);
  });

  test('keyboard: Ctrl+Enter runs, Esc stops, digits pick samples', releaseOnly, async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.load('#v=1&sample=asyncio&time_scale=10'));
    await page.mouse.move(700, 790);
    await page.keyboard.down('Control');
    await frames(page, 2);
    await page.keyboard.press('Enter');
    await frames(page, 2);
    await page.keyboard.up('Control');
    await waitFor(page, () => window.interleave.state().status === 'running', null, { what: 'Ctrl+Enter to run' });
    // Held across frames, like Ctrl above: at a few fps a tap can fall between two frames.
    await page.keyboard.down('Escape');
    await frames(page, 2);
    await page.keyboard.up('Escape');
    const s = await waitDone(page, 10_000);
    assert.equal(s.status, 'stopped');
    await page.keyboard.press('2');
    await waitFor(page, () => window.interleave.link().includes('sample=multiprocessing'), null, { what: 'digit 2 to pick multiprocessing' });
  });

  // ImGui 1.86 reads key state once per frame: a whole tap (down and up) that arrives between
  // two frames must still count. Dispatched in one task, so no frame can fall in between.
  test('a Ctrl+Enter tapped entirely between two frames still runs', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.load('#v=1&sample=asyncio&time_scale=10'));
    await page.evaluate(() => {
      const key = (type, k, code, keyCode) => window.dispatchEvent(new KeyboardEvent(type,
        { key: k, code, keyCode, which: keyCode, ctrlKey: type === 'keydown' || k !== 'Control', bubbles: true }));
      key('keydown', 'Control', 'ControlLeft', 17);
      key('keydown', 'Enter', 'Enter', 13);
      key('keyup', 'Enter', 'Enter', 13);
      key('keyup', 'Control', 'ControlLeft', 17);
    });
    await waitFor(page, () => window.interleave.state().status === 'running', null,
      { timeout: 20_000, what: 'a Ctrl+Enter tap between frames to run' });
    await page.evaluate(() => window.interleave.stop());
    const s = await waitDone(page, 10_000);
    assert.equal(s.status, 'stopped');
  });

  test('choosing, work=cpu, 2 workers: processes finish clearly faster than threads under the GIL', releaseOnly, async () => {
    const wall = {};
    for (const model of ['sequential', 'threads', 'processes']) {
      // Two tasks of 400 ms CPU each, on the simulated machine (issue #11): exact, whatever
      // else the computer is doing (on a busy real machine processes and threads measure the
      // load). Exact at any size; a smaller one keeps the GIL's hand-offs (each a real thread
      // switch between Web Workers) well inside the run's time limit on a loaded machine.
      await tab.page.evaluate((m) => window.interleave.load(
        `#v=1&sample=choosing&work=cpu&tasks=2&workers=2&cpu_ms=400&machine=simulated&model=${m}&run=1`), model);
      const s = await waitDone(tab.page);
      assert.equal(s.status, 'finished', `${model}: ${JSON.stringify(s.notices)}`);
      wall[model] = s.stats.wall_ms;
    }
    console.log(`choosing cpu x2: ${JSON.stringify(wall)}`);
    await shot(tab.page, 'compare', 'm');
    await shot(tab.page, 'choosing-cores', 'c');
    await shot(tab.page, 'choosing-timeline', 't');
    assert.ok(wall.processes < wall.threads * 0.8,
      `processes (${wall.processes} ms) should beat threads (${wall.threads} ms) under the GIL`);
    assert.deepEqual(tab.problems, []);
  });

  test('the light theme (header button) renders too', async () => {
    // Press and release over separate frames: at a few fps a fast click can fall in one frame.
    const press = async () => {
      const theme = await control(tab.page, 'theme');
      await tab.page.mouse.move(theme.x + theme.w / 2, theme.y + theme.h / 2);
      await frames(tab.page, 3);
      await tab.page.mouse.down();
      await frames(tab.page, 3);
      await tab.page.mouse.up();
      await frames(tab.page, 3);
    };
    await press();
    await shot(tab.page, 'light-compare', 'm');
    await shot(tab.page, 'light-timeline', 't');
    await press();
    assert.deepEqual(tab.problems, []);
  });
});
