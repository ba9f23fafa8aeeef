// The Machine control beside Run and "Run all models" (issue #11 items 1 and 3): the control
// sets the link's machine, cores and seed, and a run uses them (its state and figures); Run all
// models runs on the simulated machine unless "This computer" was chosen, says which machine it
// used, and its bars never invert (exact virtual times). On this computer each model runs 3
// times, interleaved, and the bars show a median with its spread: structure only, no timing
// assertions (a busy machine decides those).
// Screenshots: build/e2e/machine-*.png (the popup, the simulated compare, the real one, a phone).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, control, distinctColours, frames, newPage, waitFor, withPage } from './helpers.mjs';

const FINISHED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];
const state = (page) => page.evaluate(() => window.interleave.state());
const waitDone = (page) => waitFor(page, (ended) => {
  const s = window.interleave.state();
  return ended.includes(s.status) ? s : null;
}, FINISHED, { timeout: 120_000, what: 'the run to end' });
// Every run of a batch recorded, the last one ended.
const waitBatch = (page, runs) => waitFor(page, (n) => {
  const s = window.interleave.state();
  return s.run_all_pending === 0 && s.status !== 'running' && s.runs >= n ? s : null;
}, runs, { timeout: 300_000, what: `a batch of ${runs} runs` });

// Presses and releases over separate frames: at a few frames per second a fast click can fall
// into one frame and be missed.
async function click(page, id, { fx = 0.5, ctrl = false } = {}) {
  const c = await control(page, id);
  await page.mouse.move(c.x + c.w * fx, c.y + c.h / 2);
  await frames(page, 2);
  if (ctrl) await page.keyboard.down('Control');
  await page.mouse.down();
  await frames(page, 2);
  await page.mouse.up();
  if (ctrl) await page.keyboard.up('Control');
  await frames(page, 3);
}

// Types `text` into the focused ImGui field (all of it replaced) and confirms with Enter.
async function typeInto(page, text) {
  await page.keyboard.press('Control+A');
  await frames(page, 2);
  await page.keyboard.type(text);
  await frames(page, 2);
  await page.keyboard.press('Enter');
  await frames(page, 3);
}

async function shot(page, name) {
  await frames(page, 6);
  const png = await page.screenshot({ path: join(OUT, `machine-${name}.png`) });
  assert.ok(distinctColours(png) > 30, `${name} screenshot looks blank`);
}

const JOB = '#v=1&sample=choosing&work=cpu&tasks=2&workers=2';

describe('the Machine control and Run all models', { timeout: 900_000 }, () => {
  const env = withPage(JOB);

  test('Run all models: the simulated machine by default, exact bars that never invert', async () => {
    const page = env.tab.page;
    await page.evaluate((f) => window.interleave.load(f), `${JOB}&cpu_ms=200`);
    await page.keyboard.press('m');
    await frames(page, 4);
    const before = (await state(page)).runs;
    await click(page, 'compare:run-all');
    const s = await waitBatch(page, before + 6);
    const c = s.compare;
    assert.equal(c.machine, 'simulated');
    assert.equal(c.cores, '4');
    const m = Object.fromEntries(c.models.map((x) => [x.model, x]));
    assert.deepEqual(Object.keys(m).sort(),
      ['asyncio', 'process_pool', 'processes', 'sequential', 'thread_pool', 'threads']);
    for (const x of c.models) assert.equal(x.runs, 1, `${x.model}: one run each`);
    console.log(`Run all models, simulated: ${c.models.map((x) => `${x.model} ${x.median_ms} ms`).join(', ')}`);
    // 2 tasks x 200 ms of CPU. Under the GIL threads take turns: no faster than sequential.
    assert.ok(Math.abs(m.threads.median_ms / m.sequential.median_ms - 1) < 0.03, 'threads ≈ sequential');
    assert.ok(Math.abs(m.thread_pool.median_ms / m.sequential.median_ms - 1) < 0.03, 'thread_pool ≈ sequential');
    assert.ok(Math.abs(m.asyncio.median_ms / m.sequential.median_ms - 1) < 0.03, 'asyncio ≈ sequential');
    // Processes use 2 of the 4 cores: about twice as fast (their start costs aside).
    assert.ok(m.processes.speedup > 1.8 && m.processes.speedup <= 2, `processes ×${m.processes.speedup}`);
    assert.ok(m.process_pool.speedup > 1.8 && m.process_pool.speedup <= 2, `process_pool ×${m.process_pool.speedup}`);
    await shot(page, 'compare-simulated');
    assert.deepEqual(env.tab.problems, []);
  });

  test('the popup sets machine, cores and seed; the link and the run follow them', async () => {
    const page = env.tab.page;
    await page.evaluate((f) => window.interleave.load(f), "#v=1&sample=choosing&work=cpu&tasks=4&workers=4&cpu_ms=100&model=processes");
    await frames(page, 2);
    // state().knobs are the last run's; the link is the selection.
    assert.doesNotMatch((await state(page)).link, /machine=/, 'this computer (the default)');
    await click(page, 'machine');
    await click(page, 'machine=simulated');
    let s = await state(page);
    assert.match(s.link, /[#&]machine=simulated(&|$)/);
    // Ctrl+click on the slider types a value (ImGui), as a keyboard user would.
    await click(page, 'machine:cores', { ctrl: true });
    await typeInto(page, '2');
    await click(page, 'machine:seed');
    await typeInto(page, '7');
    s = await state(page);
    assert.match(s.link, /[#&]cores=2(&|$)/);
    assert.match(s.link, /[#&]seed=7(&|$)/);
    await shot(page, 'popup');
    await click(page, 'machine:close');

    // 4 processes x 100 ms of CPU on 2 simulated cores: two rounds, exact in virtual time.
    await page.evaluate(() => window.interleave.run());
    let done = await waitDone(page);
    assert.equal(done.status, 'finished', JSON.stringify(done.notices));
    assert.equal(done.knobs.machine, 'simulated');
    assert.equal(done.knobs.cores, '2');
    assert.equal(done.knobs.seed, '7');
    const twoCores = done.stats.wall_ms;
    const again = async () => {
      await page.evaluate(() => window.interleave.run());
      return waitDone(page);
    };
    // The same seed, the same run: byte for byte the same figures and output.
    const repeat = await again();
    assert.equal(repeat.stats.wall_ms, twoCores);
    assert.deepEqual(repeat.output, done.output);

    await click(page, 'machine');
    await click(page, 'machine:cores', { ctrl: true });
    await typeInto(page, '4');
    await click(page, 'machine:close');
    done = await again();
    assert.equal(done.knobs.cores, '4');
    const fourCores = done.stats.wall_ms;
    console.log(`4 processes x 100 ms on the simulated machine: 2 cores ${twoCores} ms, 4 cores ${fourCores} ms`);
    // 2 rounds on 2 cores, 1 on 4 (plus the same start-up costs).
    assert.ok(twoCores > 200 && twoCores < 230, `2 cores: ${twoCores} ms`);
    assert.ok(fourCores > 100 && fourCores < 130, `4 cores: ${fourCores} ms`);

    // Back to this computer: the knob and the link say so (machine=real is the default).
    await click(page, 'machine');
    await click(page, 'machine=real');
    await click(page, 'machine:close');
    s = await state(page);
    assert.doesNotMatch(s.link, /machine=/);
    assert.deepEqual(env.tab.problems, []);
  });

  test('Run all models on "This computer": each model 3 times, a median and its spread', async () => {
    const page = env.tab.page;
    await page.evaluate((f) => window.interleave.load(f), `${JOB}&cpu_ms=20`);
    await click(page, 'machine');
    await click(page, 'machine=real');
    await click(page, 'machine:close');
    const before = (await state(page)).runs;
    await click(page, 'compare:run-all');
    const s = await waitBatch(page, before + 18);
    const c = s.compare;
    assert.equal(c.machine, 'real');
    assert.equal(c.models.length, 6);
    for (const x of c.models) {
      assert.equal(x.runs, 3, `${x.model}: three runs`);
      assert.ok(x.min_ms <= x.median_ms && x.median_ms <= x.max_ms, `${x.model}: ${JSON.stringify(x)}`);
    }
    console.log(`Run all models, this computer (median, spread): ${c.models.map((x) =>
      `${x.model} ${x.median_ms.toFixed(1)} (${x.min_ms.toFixed(1)}..${x.max_ms.toFixed(1)}) ms`).join(', ')}`);
    await shot(page, 'compare-real');
    assert.deepEqual(env.tab.problems, []);
  });

  test('a phone: the Machine control has a row of its own; its popup fits the screen', async () => {
    const phone = await newPage(env.browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    try {
      const page = phone.page;
      await page.goto(env.server.url + JOB);
      await page.evaluate(() => window.interleave.ready);
      await frames(page, 4);
      const run = await control(page, 'run');
      const m = await control(page, 'machine');
      assert.ok(m.y >= run.y + run.h, 'the Machine control is below Run');
      assert.ok(m.w > 300 && m.h >= 44, `Machine control ${m.w}x${m.h}`);
      await page.tap('canvas', { position: { x: m.x + m.w / 2, y: m.y + m.h / 2 } });
      await frames(page, 6);
      const sim = await control(page, 'machine=simulated');
      const cores = await control(page, 'machine:cores');
      for (const c of [sim, cores]) assert.ok(c.x >= 0 && c.x + c.w <= 390, `${JSON.stringify(c)} off screen`);
      await page.screenshot({ path: join(OUT, 'machine-phone-popup.png') });
      assert.deepEqual(phone.problems, []);
    } finally {
      await phone.context.close();
    }
  });
});
