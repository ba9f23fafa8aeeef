// What runs is the editor's text (issue #9 item 5, #10 item 3): the interpreter runs it on the
// engine, edited or not, a sample's or a program of the user's own; the knobs read their values
// from it and write them into it; a SyntaxError or an uncaught exception comes back as CPython
// prints it, in state().error, and the text stays as typed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, distinctColours, frames, waitFor, withPage } from './helpers.mjs';

const ENDED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];
const runToEnd = async (page) => {
  await page.evaluate(() => window.interleave.run());
  return waitFor(page, (ended) => {
    const s = window.interleave.state();
    return ended.includes(s.status) ? s : null;
  }, ENDED, { timeout: 90_000, what: 'the run to end' });
};
const texts = (s, stream) => s.output.filter((l) => (stream === 'err') === (l.stream === 'err'))
  .map((l) => l.text);

describe('Run runs the editor\'s text', { timeout: 600_000 }, () => {
  const env = withPage('#v=1&sample=threading&io_ms=0');
  let original;

  test('an edited sample runs as edited; state() has the code and no error', async () => {
    const page = env.tab.page;
    original = await page.evaluate(() => window.interleave.code());
    assert.match(original, /^IO_MS = 0 {2}#/m);
    const edited = original.replace('print(f"Thread 2: {letter}")', 'print(f"Thread 2: {letter * 2}")') +
      'print("Main: both threads joined")\n';
    await page.evaluate((t) => window.interleave.setCode(t), edited);
    const s = await runToEnd(page);
    assert.equal(s.status, 'finished');
    assert.equal(s.code, edited);
    assert.equal(s.error, null);
    assert.equal(s.exit_code, 0);
    const out = texts(s, 'out');
    assert.deepEqual(out.filter((l) => l.startsWith('Thread 2')),
      ['Thread 2: AA', 'Thread 2: BB', 'Thread 2: CC', 'Thread 2: DD', 'Thread 2: EE']);
    assert.equal(out.at(-1), 'Main: both threads joined');
    // The threads are the interpreter's, with CPython's names, on the engine's workers.
    assert.ok(s.output.some((l) => l.worker === 'Thread-1 (print_numbers)'), JSON.stringify(s.output[0]));
  });

  test('knobs follow the values in the text, and moving a knob rewrites only its value', async () => {
    const page = env.tab.page;
    const text = await page.evaluate(() => window.interleave.code());
    await page.evaluate((t) => window.interleave.setCode(t.replace(/^IO_MS = 0 /m, 'IO_MS = 7 ')), text);
    // (state().knobs are the last run's; the link carries the knobs shown now.)
    await waitFor(page, () => /[&#]io_ms=7(&|$)/.test(window.interleave.link()) ? true : null, null,
      { what: 'the io_ms knob to read 7 from the text' });
    // A link sets the knob: the literal in the text changes, the user's edits elsewhere stay.
    await page.evaluate(() => window.interleave.load('#v=1&sample=threading&io_ms=30'));
    const after = await page.evaluate(() => window.interleave.code());
    assert.match(after, /^IO_MS = 30 {2}# pause after each print/m);
    assert.match(after, /Main: both threads joined/);
    // A program without the knob's line has no such knob: the knob stays where it was.
    await page.evaluate(() => window.interleave.setCode('print("no knobs here")\n'));
    await frames(page, 3);
    const s = await runToEnd(page);
    assert.deepEqual(texts(s, 'out'), ['no knobs here']);
    assert.equal(s.status, 'finished');
  });

  test('a SyntaxError is reported as CPython prints it, and the text is kept', async () => {
    const page = env.tab.page;
    const bad = 'import threading\n\ndef work(n):\n    print("working", n\n\nwork(1)\n';
    await page.evaluate((t) => window.interleave.setCode(t), bad);
    const s = await runToEnd(page);
    assert.equal(s.exit_code, 1);
    assert.equal(s.error.type, 'SyntaxError');
    assert.equal(s.error.message, "'(' was never closed");
    assert.equal(s.error.line, 4);
    assert.equal(s.error.column, 10);
    assert.deepEqual(texts(s, 'err'), [
      '  File "<main>", line 4',
      '    print("working", n',
      '         ^',
      "SyntaxError: '(' was never closed",
    ]);
    assert.deepEqual(texts(s, 'out'), []);
    assert.equal(await page.evaluate(() => window.interleave.code()), bad);
    assert.match(s.message, /SyntaxError: '\(' was never closed \(line 4\)/);
    await frames(page, 6);
    await page.screenshot({ path: join(OUT, 'run-text-syntax-error.png') });
  });

  test('an uncaught exception in the program: its traceback, type, message and line', async () => {
    const page = env.tab.page;
    await page.evaluate(() => window.interleave.setCode(
      'def ratio(a, b):\n    return a / b\n\nprint("start")\nprint(ratio(1, 0))\n'));
    const s = await runToEnd(page);
    assert.equal(s.status, 'finished');
    assert.equal(s.exit_code, 1);
    assert.equal(s.error.type, 'ZeroDivisionError');
    assert.equal(s.error.message, 'division by zero');
    assert.equal(s.error.line, 2);
    assert.deepEqual(texts(s, 'out'), ['start']);
    assert.equal(texts(s, 'err').at(-1), 'ZeroDivisionError: division by zero');
    assert.match(s.error.traceback, /File "<main>", line 5, in <module>\n/);
  });

  test('screenshot: an edited program running, its threads on the timeline', async () => {
    const page = env.tab.page;
    const text = original.replace(/^IO_MS = 0 /m, 'IO_MS = 50 ');
    // A third thread: its function before the threads are made, the thread after them.
    const edited = text.replace('thread1 = threading.Thread(target=print_numbers)',
      'def print_squares():\n    for i in range(5):\n        print(f"Thread 3: {i * i}")\n' +
      '        time.sleep(IO_MS / 1000)\n\n\nthread1 = threading.Thread(target=print_numbers)')
      .replace('thread2 = threading.Thread(target=print_letters)\n',
        'thread2 = threading.Thread(target=print_letters)\nthread3 = threading.Thread(target=print_squares)\n')
      .replace('thread2.start()\n', 'thread2.start()\nthread3.start()\n')
      .replace('thread2.join()\n', 'thread2.join()\nthread3.join()\n');
    await page.evaluate((t) => window.interleave.setCode(t), edited);
    const s = await runToEnd(page);
    assert.equal(s.error, null);
    assert.deepEqual(texts(s, 'out').filter((l) => l.startsWith('Thread 3')),
      ['Thread 3: 0', 'Thread 3: 1', 'Thread 3: 4', 'Thread 3: 9', 'Thread 3: 16']);
    const workers = new Set(s.output.map((l) => l.worker));
    assert.ok(workers.has('Thread-3 (print_squares)'), [...workers].join(', '));
    // The last run's error is not said about this one.
    assert.doesNotMatch(s.message, /ZeroDivisionError/);
    await frames(page, 6);
    const png = await page.screenshot({ path: join(OUT, 'run-text-edited.png') });
    assert.ok(distinctColours(png) > 20, 'the page looks blank');
  });
});
