// What the web page itself costs the machine (issue #11 item 5: the page's drawing is "other
// work" beside a real run): CPU seconds per wall second of headless Chromium's processes, from
// /proc/<pid>/task/<tid>/stat deltas, split into the page's main thread, its compositor, the run's
// Web Workers, the GPU process (software WebGL: SwiftShader's raster threads, "Thread<N>", and
// the rest of it) and the rest of the browser.
// Figures only, never asserted (the machine may be busy; see TEAM.md).
//
//   node tests/bench/page_cpu.mjs [--window S] [--reps N] [--no-run]
//     idle:  the page open at the default sample, nothing running, nobody touching it
//     hover: the mouse moving over the page's views (an input event every 50 ms)
//     run:   a real run (2 threads of CPU-bound Python, ~8 s), measured while it runs, and how
//            many frames the page built and drew meanwhile (window.interleave.ui().work)
//
// Serves INTERLEAVE_DIST (default build/web/dist: build it first with ./build.sh web) with
// web/serve.py, as the e2e tests do; Chromium is launched as tests/e2e/helpers.mjs launches it.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, descendants, launchBrowser, newPage, serve, threadTicks, waitFor } from '../e2e/helpers.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? Number(args[i + 1]) : dflt;
};
const WINDOW_S = opt('--window', 5);
const REPS = opt('--reps', 3);
const WITH_RUN = !args.includes('--no-run');
const TICK = 100;  // USER_HZ: /proc's clock ticks per second on Linux

if (!process.env.INTERLEAVE_DIST) process.env.INTERLEAVE_DIST = join(ROOT, 'build/web/dist');
if (!existsSync(join(process.env.INTERLEAVE_DIST, 'index.html'))) {
  console.error(`page_cpu: no web build at ${process.env.INTERLEAVE_DIST} (./build.sh web)`);
  process.exit(2);
}

const read = (p) => { try { return readFileSync(p, 'utf8'); } catch { return null; } };

// The bucket a thread's CPU goes to, from its process's --type and its own name.
function bucket(type, comm, main) {
  if (type === 'renderer') {
    if (main || comm === 'CrRendererMain') return 'page main';
    if (comm.startsWith('Compositor')) return 'compositor';
    if (comm.startsWith('DedicatedWorker') || comm.startsWith('WebWorker')) return 'web workers';
    return 'renderer other';
  }
  if (type === 'gpu-process') return /^Thread<\d+>$/.test(comm) ? 'gpu raster' : 'gpu other';
  return 'browser+other';
}

// { bucket: ticks } summed over every thread of the browser's processes.
function sample(rootPid) {
  const sums = {};
  for (const pid of descendants(rootPid)) {
    const cmd = read(`/proc/${pid}/cmdline`) || '';
    if (pid === rootPid || !/chrom/i.test(cmd.split('\0')[0])) continue;  // node, the server
    const m = /--type=([a-z-]+)/.exec(cmd);
    const type = m ? m[1] : 'browser';
    for (const { tid, comm, ticks } of threadTicks(pid)) {
      const b = bucket(type, comm, tid === String(pid));
      sums[b] = (sums[b] || 0) + ticks;
    }
  }
  return sums;
}

const BUCKETS = ['page main', 'compositor', 'gpu raster', 'gpu other', 'renderer other', 'browser+other', 'web workers'];

// CPU s per wall s of each bucket over `body()` (or `ms` of waiting), plus "page" = all but the
// run's Web Workers.
async function measure(rootPid, { ms, body }) {
  const a = sample(rootPid);
  const t0 = performance.now();
  if (body) await body(); else await new Promise((r) => setTimeout(r, ms));
  const wall = (performance.now() - t0) / 1000;
  const b = sample(rootPid);
  const out = { wall };
  let page = 0;
  for (const k of BUCKETS) {
    out[k] = ((b[k] || 0) - (a[k] || 0)) / TICK / wall;
    if (k !== 'web workers') page += out[k];
  }
  out.page = page;
  return out;
}

// Frames the app built and drew per second over `wall` s (ui().work; drawn: where reported).
const rates = (work, wall) => ({ fps: (work?.frames ?? NaN) / wall, dps: (work?.drawn ?? NaN) / wall });
const perRep = (rows) => console.log('  frames built/drawn per s: ' +
  rows.map((r) => `${r.fps.toFixed(1)}/${r.dps.toFixed(1)}`).join(', '));

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const loadavg = () => read('/proc/loadavg').split(' ')[0];

function show(label, rows) {
  const cols = ['page', ...BUCKETS];
  const med = {};
  for (const c of cols) med[c] = median(rows.map((r) => r[c]));
  console.log(`${label} (median of ${rows.length}, CPU s per wall s; load ${loadavg()}):`);
  console.log('  ' + cols.map((c) => `${c} ${med[c].toFixed(3)}`).join(' | '));
  console.log('  page per rep: ' + rows.map((r) => r.page.toFixed(3)).join(', '));
  return med;
}

const server = await serve();
const browser = await launchBrowser();
try {
  const rootPid = process.pid;  // Chromium is launched as a child of this node process
  const { page, problems } = await newPage(browser);
  await page.goto(server.url);
  await page.evaluate(() => window.interleave.ready);
  await new Promise((r) => setTimeout(r, 2000));  // start-up work (fonts, first layout) is over

  console.log(`Chromium ${browser.version()}, ${WINDOW_S} s windows, ${REPS} reps`);
  const idle = [];
  for (let i = 0; i < REPS; i++) {
    await page.evaluate(() => window.interleave.ui());  // resets the work counters
    const r = await measure(rootPid, { ms: WINDOW_S * 1000 });
    Object.assign(r, rates(await page.evaluate(() => window.interleave.ui().work), r.wall));
    idle.push(r);
  }
  show('idle page', idle);
  perRep(idle);

  // The mouse moving over the page's views (1280x800: the timeline's side), as a user looking.
  const hover = [];
  for (let i = 0; i < REPS; i++) {
    await page.evaluate(() => window.interleave.ui());
    hover.push(await measure(rootPid, {
      body: async () => {
        const end = Date.now() + WINDOW_S * 1000;
        for (let k = 0; Date.now() < end; k++) {
          await page.mouse.move(400 + (k % 40) * 10, 500 + (k % 7) * 5);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
    }));
    Object.assign(hover[i], rates(await page.evaluate(() => window.interleave.ui().work), hover[i].wall));
  }
  show('mouse moving', hover);
  perRep(hover);
  await page.mouse.move(5, 5);

  if (WITH_RUN) {
    const JOB = '#v=1&sample=choosing&work=cpu&model=threads&tasks=2&cpu_ms=4000';
    const runs = [];
    for (let i = 0; i < REPS; i++) {
      await page.evaluate((j) => window.interleave.load(j), JOB);
      await page.evaluate(() => window.interleave.ui());  // resets the work counters
      const before = await page.evaluate(() => window.interleave.state().runs);
      const r = await measure(rootPid, {
        body: async () => {
          await page.evaluate(() => window.interleave.run());
          await waitFor(page, (n) => window.interleave.state().runs > n, before,
            { timeout: 300_000, interval: 250, what: 'the run to end' });
        },
      });
      const work = await page.evaluate(() => window.interleave.ui().work);
      const s = await page.evaluate(() => window.interleave.state());
      Object.assign(r, rates(work, r.wall));
      r.run_ms = s.stats.wall_ms;
      r.other = s.stats.other_busy_cores;
      runs.push(r);
    }
    show(`during a real run (${JOB})`, runs);
    console.log('  per rep: ' + runs.map((r) =>
      `run ${r.run_ms.toFixed(0)} ms, frames built ${r.fps.toFixed(1)}/s, drawn ${r.dps.toFixed(1)}/s, ` +
      `other work ${r.other} cores`).join('; '));
  }
  if (problems.length) console.log(`page problems:\n  ${problems.join('\n  ')}`);
} finally {
  await browser.close();
  await server.close();
}
