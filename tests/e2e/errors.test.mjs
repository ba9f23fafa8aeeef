// Errors at their line (issue #10 item 4), against the real server: a SyntaxError in the
// editor's program, run, shows the error marker at its line — underlined, the message beside it
// (screenshot build/e2e/errors-syntax.png, checked by pixel: the error red on that line) — and
// an exception in a thread is marked on that thread's line. Needs the run path that executes
// the editor's text (samples::ProgramRun): until then the tests say SKIPPED and why.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUT, decodePng, frames, launchBrowser, newPage, startServer, waitFor } from './helpers.mjs';

const ENDED = ['finished', 'stopped', 'deadlock', 'limit', 'error'];

const SYNTAX = 'import threading\n\n' +
  'def work(n):\n' +
  '    total = 0\n' +
  '    for i in range(n)\n' +          // line 5: expected ':'
  '        total += i\n' +
  '    print(total)\n\n' +
  'threading.Thread(target=work, args=(10,)).start()\n';

const THREAD = 'import threading\n\n' +
  'def work(items):\n' +
  '    for x in items:\n' +
  '        print(10 / x)\n\n' +          // line 5
  't = threading.Thread(target=work, args=([5, 2, 0],))\n' +
  't.start()\n' +
  't.join()\n' +
  'print("main goes on")\n';

async function runCode(page, code) {
  await page.evaluate((c) => window.interleave.setCode(c), code);
  await frames(page, 2);
  await page.evaluate(() => window.interleave.run());
  return waitFor(page, (ended) => {
    const s = window.interleave.state();
    return ended.includes(s.status) ? s : null;
  }, ENDED, { timeout: 120_000, what: 'the run to end' });
}

describe('errors at their line', { timeout: 600_000 }, () => {
  let server, browser, tab, runsText = false;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tab = await newPage(browser);
    await tab.page.goto(server.url);
    await tab.page.evaluate(() => window.interleave.ready);
    await tab.page.evaluate(() => window.interleave.load('#v=1&sample=threading'));
    runsText = 'error' in (await tab.page.evaluate(() => window.interleave.state()));
  });

  after(async () => {
    if (tab?.problems.length) console.log(`page problems:\n  ${tab.problems.join('\n  ')}`);
    await browser?.close();
    await server?.close();
  });

  test('a SyntaxError shows the marker at its line, with the message beside it', async (t) => {
    if (!runsText) {
      const msg = "SKIPPED: Run does not execute the editor's text yet (state() has no 'error'): " +
        'the syntax-error marker is NOT tested in the browser yet';
      console.log(msg);
      t.skip(msg);
      return;
    }
    const s = await runCode(tab.page, SYNTAX);
    assert.equal(s.error?.type, 'SyntaxError', JSON.stringify(s.error));
    assert.equal(s.error.line, 5);
    const ed = await waitFor(tab.page, () => {
      const e = window.interleave.editorState();
      return e.markers.some((m) => m.kind === 'error') ? e : null;
    }, null, { what: 'the error marker' });
    const mark = ed.markers.find((m) => m.kind === 'error');
    assert.equal(mark.line, 4);  // 0-based
    assert.equal(mark.label, 'SyntaxError');
    assert.match(mark.detail, /expected ':'/);
    await frames(tab.page, 3);
    const file = join(OUT, 'errors-syntax.png');
    await tab.page.screenshot({ path: file });
    // The error red (235, 80, 70) is on screen: the gutter dot, the underline, the message.
    const png = decodePng(readFileSync(file));
    let red = 0;
    for (let i = 0; i + 2 < png.px.length; i += png.bpp) {
      const [r, g, b] = [png.px[i], png.px[i + 1], png.px[i + 2]];
      if (r > 200 && g > 50 && g < 110 && b > 40 && b < 100) red++;
    }
    assert.ok(red > 40, `only ${red} error-red pixels in the screenshot`);
  });

  test("an exception in a thread is marked on that thread's line, named", async (t) => {
    if (!runsText) {
      t.skip("SKIPPED: Run does not execute the editor's text yet");
      return;
    }
    const s = await runCode(tab.page, THREAD);
    assert.equal(s.status, 'finished', JSON.stringify(s));
    const ed = await waitFor(tab.page, () => {
      const e = window.interleave.editorState();
      return e.markers.some((m) => m.kind === 'error') ? e : null;
    }, null, { what: "the thread's error marker" });
    const mark = ed.markers.find((m) => m.kind === 'error');
    assert.equal(mark.line, 4);
    assert.match(mark.label, /^ZeroDivisionError in Thread-1/);
    await frames(tab.page, 4);  // the canvas keeps its last drawn frame until the next one
    await tab.page.screenshot({ path: join(OUT, 'errors-thread.png') });
  });

  test('a traceback\'s File "<main>", line N in the console is a link: a click puts the caret on line N', async (t) => {
    if (!runsText) {
      t.skip("SKIPPED: Run does not execute the editor's text yet");
      return;
    }
    const page = tab.page;
    const s = await runCode(page, THREAD);
    assert.ok(s.output.some((l) => l.text.includes('File "<main>", line 5')), JSON.stringify(s.output));
    // The caret elsewhere first, and the editor without the keyboard.
    await page.evaluate(() => window.interleave.setCode(window.interleave.code()));
    await frames(page, 3);
    const before = await page.evaluate(() => window.interleave.editorState());
    assert.equal(before.line, 0);
    // (The line may run past the pane's right edge: its start is on screen.)
    const link = await waitFor(page, () => window.interleave.ui().controls
      .find((c) => c.id === 'output:line:5'), null, { what: 'the line-5 link in the console' });
    // Press and release over separate frames (one slow frame can swallow a quick click).
    await page.mouse.move(link.x + 30, link.y + link.h / 2);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    await page.mouse.up();
    // The caret moves in the frame of the click, the keyboard follows in the next.
    const ed = await waitFor(page, () => {
      const e = window.interleave.editorState();
      return e.line === 4 && e.focused ? e : null;
    }, null, { timeout: 10_000, what: 'the caret on line 5 and the editor focused' });
    assert.equal(ed.col, 0);
    await frames(page, 3);
    assert.equal((await page.evaluate(() => window.interleave.editorState())).focused, true,
      'the editor keeps the keyboard after the click');
    // Only the traceback's program frame is a link: output lines like "2.0" are not.
    const ids = (await page.evaluate(() => window.interleave.ui())).controls
      .map((c) => c.id).filter((id) => id.startsWith('output:line:'));
    assert.deepEqual([...new Set(ids)], ['output:line:5']);
  });
});
