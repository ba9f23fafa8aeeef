// Honest real runs in the browser (issue #11 item 5): a page cannot read the OS's counters, so
// the engine measures the CPU other work took from the run's own workers (heartbeats they
// answer, src/engine/other_work.hpp). Two busy Web Workers started by the test page make a real
// run say its times are disturbed; a run on a quiet machine says nothing. This machine may be
// busy with other programs: the quiet run's silence is asserted only when the host was measured
// quiet just before it (from /proc/stat, here in node).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, frames, waitFor, withPage } from './helpers.mjs';

const FINISHED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];
const NOTE = /About [0-9.]+ cores were busy with other work during this run: its times are disturbed/;

// Two processes computing 600 ms each on the real machine: on a 2-core machine they fill it.
const JOB = '#v=1&sample=choosing&work=cpu&model=processes&tasks=2&cpu_ms=600';
// One process: on a quiet 2-core machine the other core is left for the page's own drawing
// (software WebGL here), which would otherwise disturb the run and rightly be reported.
const QUIET_JOB = '#v=1&sample=choosing&work=cpu&model=processes&tasks=1&cpu_ms=600';

async function runOnce(page) {
  const before = await page.evaluate(() => window.interleave.state().runs);
  await page.evaluate(() => window.interleave.run());
  await waitFor(page, (n) => window.interleave.state().runs > n, before, {
    timeout: 120_000, what: 'the run to end and be recorded',
  });
  await frames(page, 3);
  const s = await page.evaluate(() => window.interleave.state());
  assert.ok(FINISHED.includes(s.status), s.status);
  assert.equal(s.status, 'finished');
  return s;
}

// Cores busy on this host over `ms` (all programs, from /proc/stat; null where unreadable).
async function hostBusyCores(ms = 1000) {
  const read = () => {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { busy: total - cpu[3] - cpu[4], total };
  };
  try {
    const a = read();
    await new Promise((r) => setTimeout(r, ms));
    const b = read();
    const cores = readFileSync('/proc/stat', 'utf8').split('\n').filter((l) => /^cpu\d/.test(l)).length;
    return (cores * (b.busy - a.busy)) / Math.max(1, b.total - a.total);
  } catch {
    return null;
  }
}

describe('real runs say when other work disturbed them', { timeout: 600_000 }, () => {
  const env = withPage(JOB);

  test('two busy Web Workers beside a real run: the run says its times are disturbed', async () => {
    const page = env.tab.page;
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);

    // Quiet (as quiet as this machine is): measured, and said only past the threshold.
    await page.evaluate((j) => window.interleave.load(j), QUIET_JOB);
    const host = await hostBusyCores();
    const quiet = await runOnce(page);
    const quietOther = quiet.stats.other_busy_cores;
    console.log(`${cores} logical processors; host busy before the quiet run: ${host?.toFixed(2)} cores; ` +
      `quiet run: ${quiet.stats.wall_ms.toFixed(0)} ms, other work ${quietOther} cores`);
    // A real run in the browser is measured now (it was null: unknown).
    assert.equal(typeof quietOther, 'number', 'other_busy_cores is measured in the browser');
    assert.ok(quietOther >= 0 && quietOther <= cores + 0.01, `other_busy_cores ${quietOther}`);
    const quietNoted = quiet.notices.some((n) => NOTE.test(n));
    assert.equal(quietNoted, quietOther >= 0.25, 'the note appears exactly past the threshold');
    if (host !== null && host < 0.3) {
      assert.ok(!quietNoted, `a quiet host (${host.toFixed(2)} cores busy) but the run says: ${quiet.notices}`);
    } else {
      console.log(`host not quiet (${host?.toFixed(2)} cores busy): the quiet run's silence is not asserted`);
    }

    // Two Web Workers spinning beside the run: four threads want two cores.
    await page.evaluate((j) => window.interleave.load(j), JOB);
    await page.evaluate(() => {
      const src = URL.createObjectURL(new Blob(['for (;;) {}'], { type: 'text/javascript' }));
      window.__busy = [0, 1].map(() => new Worker(src));
    });
    let busy;
    try {
      await new Promise((r) => setTimeout(r, 300));  // the workers are spinning
      busy = await runOnce(page);
    } finally {
      await page.evaluate(() => window.__busy.forEach((w) => w.terminate()));
    }
    const other = busy.stats.other_busy_cores;
    console.log(`beside two busy Web Workers: ${busy.stats.wall_ms.toFixed(0)} ms, other work ${other} cores; ` +
      `notices: ${JSON.stringify(busy.notices)}`);
    assert.ok(other >= 0.5, `other work beside two busy Web Workers: ${other} cores`);
    assert.ok(busy.notices.some((n) => NOTE.test(n)), `no disturbance note: ${JSON.stringify(busy.notices)}`);

    // The note is on screen, under the run's output (looked at in the screenshot).
    await frames(page, 4);
    await page.screenshot({ path: join(OUT, 'disturbance-note.png') });
  });
});
