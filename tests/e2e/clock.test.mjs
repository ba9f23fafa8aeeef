// One clock in the browser (issue #8 item 2): every Web Worker of a run reads the same time
// base, so the exported trace never shows two threads holding the GIL at once, output lines
// come in time order, and a line printed after join() is later than the joined thread's lines.
// Before the fix each worker's clock was offset (Emscripten 3.1.6 corrects a pthread's clock by
// a drift estimated from a message timestamp): GIL slices overlapped by up to 8 ms.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, newPage, startServer, waitFor } from './helpers.mjs';

const FINISHED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];

async function runLink(page, link) {
  const notices = await page.evaluate((f) => window.interleave.load(f), link);
  assert.deepEqual(notices, []);
  await page.evaluate(() => window.interleave.run());
  return waitFor(page, (ended) => {
    const s = window.interleave.state();
    return ended.includes(s.status) ? s : null;
  }, FINISHED, { timeout: 120_000, what: 'the run to end' });
}

describe('one clock in the browser', { timeout: 600_000 }, () => {
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

  test('choosing, CPU-bound: the trace never shows two GIL holders at once', async () => {
    const s = await runLink(tab.page, '#v=1&sample=choosing&work=cpu');
    assert.equal(s.status, 'finished', JSON.stringify(s.notices));
    const trace = JSON.parse(await tab.page.evaluate(() => window.interleave.exportTrace()));
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    // The GIL track's slices, per process (pid): X events of category "gil". Times are µs
    // with ns digits.
    const byPid = new Map();
    for (const e of events) {
      if (e.ph !== 'X' || e.cat !== 'gil') continue;
      if (!byPid.has(e.pid)) byPid.set(e.pid, []);
      byPid.get(e.pid).push([Number(e.ts), Number(e.ts) + Number(e.dur), e.name]);
    }
    assert.ok(byPid.size >= 1, 'no GIL slices in the trace');
    let slices = 0;
    for (const [pid, list] of byPid) {
      list.sort((a, b) => a[0] - b[0]);
      slices += list.length;
      for (let i = 1; i < list.length; i++) {
        const overlap = list[i - 1][1] - list[i][0];
        assert.ok(overlap <= 0.0005,
          `pid ${pid}: ${list[i][2]} takes the GIL at ${list[i][0]} µs, ${overlap.toFixed(3)} µs ` +
          `before ${list[i - 1][2]} released it`);
      }
    }
    assert.ok(slices > 4, `only ${slices} GIL slices: no hand-offs to check`);
  });

  test('race: output times never go backwards; "Counter" comes after the joined threads', async () => {
    for (const lock of ['off', 'on']) {
      const s = await runLink(tab.page, `#v=1&sample=race&lock=${lock}&tasks=4`);
      assert.equal(s.status, 'finished', JSON.stringify(s.notices));
      const out = s.output;
      assert.ok(out.length >= 5, JSON.stringify(out));
      for (let i = 1; i < out.length; i++) {
        assert.ok(out[i].t_ms >= out[i - 1].t_ms,
          `lock=${lock}: line ${i} "${out[i].text}" at ${out[i].t_ms} ms is earlier than ` +
          `"${out[i - 1].text}" at ${out[i - 1].t_ms} ms`);
      }
      const counter = out.findIndex((l) => l.text.startsWith('Counter:'));
      assert.ok(counter > 0, 'no "Counter: ..." line');
      for (const l of out.filter((x) => x.worker !== 'MainThread')) {
        assert.ok(out[counter].t_ms >= l.t_ms,
          `"${out[counter].text}" at ${out[counter].t_ms} ms is earlier than the joined ` +
          `thread's "${l.text}" at ${l.t_ms} ms`);
      }
    }
  });
});
