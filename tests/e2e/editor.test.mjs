// The code editor in the browser, against the real server: typing with the keyboard (Enter
// auto-indent, Tab/Shift+Tab), undo/redo of a large paste, the system clipboard both ways,
// IME composition and inserted text (the input bridge, web/interleave-input.js), the app's
// shortcuts kept away from typed text (a `1` is a `1`) while Ctrl+Enter still runs, and the
// Copy buttons writing through the page's clipboard (#8 item 4), saying "copied" only when
// they did. Screenshots: build/e2e/editor-*.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUT, decodePng, distinctColours, launchBrowser, newPage, startServer, waitFor } from './helpers.mjs';

async function frames(page, n = 4) {
  await page.evaluate((count) => new Promise((r) => {
    let i = 0;
    const tick = () => (++i < count ? requestAnimationFrame(tick) : r());
    requestAnimationFrame(tick);
  }), n);
}

const code = (page) => page.evaluate(() => window.interleave.code());
const editor = (page) => page.evaluate(() => window.interleave.editorState());

// Clicks into the editor's text area (CSS pixels reported by the input bridge) and waits until
// the editor has the keyboard.
async function focusEditor(page, dx = 120, dy = 12) {
  const r = await waitFor(page, () => window.interleaveInput && window.interleaveInput.rect(), null,
    { what: 'the editor rect' });
  await page.mouse.click(r.x0 + dx, r.y0 + dy);
  await waitFor(page, () => window.interleave.editorState().focused, null, { what: 'editor focus' });
  await frames(page, 2);
}

// Everything typed so far has reached the editor (the page's events are queued per frame).
async function settle(page) {
  await frames(page, 3);
}

describe('code editor', { timeout: 600_000 }, () => {
  let server, browser, tab;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    tab = await newPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await tab.page.goto(server.url);
    await tab.page.evaluate(() => window.interleave.ready);
  });

  after(async () => {
    if (tab?.problems.length) console.log(`page problems:\n  ${tab.problems.join('\n  ')}`);
    await browser?.close();
    await server?.close();
  });

  test('typing a program: Enter auto-indents and dedents, Tab and Shift+Tab indent lines', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.setCode(''));
    await focusEditor(page);
    // Real key events (keydown, keypress, input, keyup) for every character.
    await page.keyboard.type('def f(x):');
    await page.keyboard.press('Enter');
    await page.keyboard.type('return x');
    await page.keyboard.press('Enter');
    await page.keyboard.type('f(2)');
    await settle(page);
    assert.equal(await code(page), 'def f(x):\n    return x\nf(2)');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Tab');
    await settle(page);
    assert.equal(await code(page), '    def f(x):\n        return x\n    f(2)');
    await page.keyboard.press('Shift+Tab');
    await settle(page);
    assert.equal(await code(page), 'def f(x):\n    return x\nf(2)');
    const s = await editor(page);
    assert.equal(s.edited, true);
    await page.screenshot({ path: join(OUT, 'editor-typed.png') });
  });

  test('text and keys that arrive within one frame keep their order (one queue)', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.setCode(''));
    await focusEditor(page);
    // Dispatched in one task, so no frame falls in between: input events carry the text (as
    // for a real typist), keydown events the keys; GLFW sees the keys too.
    await page.evaluate(() => {
      const ta = window.interleaveInput.textarea();
      const text = (t) => ta.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: t, bubbles: true }));
      const key = (k, code) => {  // down and up, so GLFW's key state is left as it was
        for (const type of ['keydown', 'keyup'])
          ta.dispatchEvent(new KeyboardEvent(type, { key: k, code: k, keyCode: code, bubbles: true }));
      };
      text('if ready:'); key('Enter', 13); text('start()'); key('Enter', 13);
      text('wait()'); key('Enter', 13); key('Backspace', 8); text('done()');
    });
    await settle(page);
    assert.equal(await code(page), 'if ready:\n    start()\n    wait()\ndone()');
  });

  test('the find bar keeps every character typed right after Ctrl+F', async () => {
    const page = tab.page;
    const text = 'alpha = 1\nbeta = 2\nalphabet = alpha + beta\n';
    await page.evaluate((t) => window.interleave.setCode(t), text);
    await focusEditor(page);
    // A quick typist: Ctrl+F and the query without waiting for a frame (real key events).
    await page.keyboard.press('Control+f');
    await page.keyboard.type('alphab');
    await settle(page);
    await frames(page, 3);
    let s = await editor(page);
    assert.equal(s.find_open, true);
    assert.equal(s.find, 'alphab', 'the find field has every character typed');
    assert.equal(await code(page), text, 'nothing typed went into the code');
    // The match is selected: "alphab" in line 3.
    assert.deepEqual([s.anchor_line, s.anchor_col, s.line, s.col], [2, 0, 2, 6]);
    // Esc, Ctrl+F and the text in one task, typed in the find field: no frame at all between
    // them (a slow frame on a busy machine). Esc closes the bar, Ctrl+F opens it again on the
    // selection, the text replaces it. Then once more with frames between Esc and the rest.
    const escThenFind = (gap, query) => page.evaluate(async ([gap, query]) => {
      const ta = window.interleaveInput.textarea();
      const key = (key, code, keyCode, ctrlKey) => {
        for (const type of ['keydown', 'keyup'])
          ta.dispatchEvent(new KeyboardEvent(type, { key, code, keyCode, ctrlKey, bubbles: true }));
      };
      key('Escape', 'Escape', 27, false);
      for (let i = 0; i < gap; ++i) await new Promise((r) => requestAnimationFrame(r));
      key('f', 'KeyF', 70, true);
      ta.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: query, bubbles: true }));
    }, [gap, query]);
    // Each frame's find-bar state while it happens, printed if it goes wrong.
    const record = () => page.evaluate(() => {
      const trace = window.__findTrace = [];
      const sample = () => {
        const e = window.interleave.editorState();
        trace.push(`${e.find_handover.frame}: open=${e.find_open} find=${e.find} ` +
          `focused=${e.focused} ${JSON.stringify(e.find_handover)}`);
        if (trace.length < 40) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    const trace = () => page.evaluate(() => window.__findTrace.join('\n'));
    for (const [gap, query] of [[0, 'beta'], [1, 'alpha'], [2, 'bet'], [0, 'alphabet']]) {
      await record();
      await escThenFind(gap, query);
      await settle(page);
      await frames(page, 3);
      s = await editor(page);
      const what = `Esc, ${gap} frame(s), Ctrl+F, "${query}"; per frame:\n${s.find === query ? '' : await trace()}`;
      assert.equal(s.find_open, true, what);
      assert.equal(s.find, query, what);
      assert.equal(await code(page), text, `${what}: nothing typed went into the code`);
    }
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await editor(page)).focused, true, 'Esc in the find field gives the keyboard back');
  });

  test('undo and redo by word, and a 6 KB paste undone in one step', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.setCode(''));
    await focusEditor(page);
    await page.keyboard.insertText('hello world');  // one input event; undo still sees words
    await settle(page);
    await page.keyboard.press('Control+z');
    await settle(page);
    assert.equal(await code(page), 'hello');
    await page.keyboard.press('Control+Shift+z');
    await settle(page);
    assert.equal(await code(page), 'hello world');
    const big = Array.from({ length: 200 }, (_, i) => `counter_${i} = ${i} * 1234567  # line ${i}`).join('\n');
    assert.ok(big.length > 6000);
    await page.evaluate((t) => navigator.clipboard.writeText(t), big);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await settle(page);
    assert.equal(await code(page), big);
    await page.keyboard.press('Control+z');
    await settle(page);
    assert.equal(await code(page), 'hello world');
    await page.keyboard.press('Control+y');
    await settle(page);
    assert.equal(await code(page), big);
  });

  test('a 3 MB paste and a 3 MB setCode: the page keeps going, the text arrives whole', async () => {
    // The text reaches the program on the heap: as a cwrap 'string' argument it was copied to
    // the 5 MB stack and 1.4 MB killed the page ("memory access out of bounds").
    const page = tab.page;
    const line = '# \u00fc\u20ac ' + 'x'.repeat(56) + '\n';
    const big = line.repeat(Math.ceil(3_000_000 / line.length));
    await page.evaluate(() => window.interleave.setCode(''));
    await focusEditor(page);
    await page.evaluate((t) => navigator.clipboard.writeText(t), big);
    await page.keyboard.press('Control+v');
    await waitFor(page, (n) => window.interleave.code().length === n, big.length, { what: 'the paste', timeout: 120_000 });
    const viaApi = big.replaceAll('x', 'y');
    await page.evaluate((t) => window.interleave.setCode(t), viaApi);
    assert.equal(await code(page), viaApi);
    await page.evaluate(() => window.interleave.setCode('print("still here")'));
    await settle(page);
    assert.equal(await code(page), 'print("still here")');
    assert.deepEqual(tab.problems, []);
  });

  test('the system clipboard: paste from it, copy and cut to it', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.setCode('alpha = 1'));
    await focusEditor(page);
    await page.keyboard.press('End');
    await page.evaluate(() => navigator.clipboard.writeText('\nbeta = "\u00fc\u20ac"'));
    await page.keyboard.press('Control+v');
    await settle(page);
    assert.equal(await code(page), 'alpha = 1\nbeta = "\u00fc\u20ac"');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await settle(page);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'alpha = 1\nbeta = "\u00fc\u20ac"');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Control+x');
    await settle(page);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'alpha = 1');
    assert.equal(await code(page), '\nbeta = "\u00fc\u20ac"');
  });

  test('IME composition (shown at the caret) and inserted text (dead keys, emoji pickers, dictation)', async () => {
    const page = tab.page;
    await focusEditor(page);
    const cdp = await tab.context.newCDPSession(page);
    await page.evaluate(() => window.interleave.setCode('x = '));
    await page.keyboard.press('End');
    await settle(page);
    const r = await page.evaluate(() => window.interleaveInput.rect());
    const clip = { x: r.x0, y: r.y0, width: Math.min(400, r.x1 - r.x0), height: 24 };
    const before = decodePng(await page.screenshot({ clip }));
    await cdp.send('Input.imeSetComposition', { text: '\u306b\u307b\u3093', selectionStart: 3, selectionEnd: 3 });
    // Shown at the caret while composing (inline, underlined), but not text yet.
    await waitFor(page, () => window.interleave.editorState().composition === '\u306b\u307b\u3093', null,
      { what: 'the composition shown in the editor' });
    await waitFor(page, () => !window.interleave.ui().glyphs.pending, null, { what: 'kana glyphs' });
    await frames(page, 4);
    assert.equal(await code(page), 'x = ', 'a composition in progress is not text yet');
    const during = decodePng(await page.screenshot({ clip, path: join(OUT, 'editor-ime-composing.png') }));
    let changed = 0;
    for (let i = 0; i < during.px.length; i += during.bpp)
      if (Math.abs(during.px[i] - before.px[i]) + Math.abs(during.px[i + 1] - before.px[i + 1]) > 60) changed++;
    assert.ok(changed > 100, `the composition drew nothing at the caret (${changed} pixels changed)`);
    await cdp.send('Input.insertText', { text: '\u65e5\u672c' });
    await waitFor(page, () => window.interleave.editorState().composition === '', null,
      { what: 'the composition to end with the commit' });
    await page.keyboard.insertText('\u00e9');
    await page.keyboard.insertText(' = 1');
    await settle(page);
    assert.equal(await code(page), 'x = \u65e5\u672c\u00e9 = 1');
    await cdp.detach();
  });

  test('a phone keyboard: keyCode 229 with input events, Backspace as deleteContentBackward', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.setCode('x = 12'));
    await focusEditor(page);
    await page.keyboard.press('End');
    await settle(page);
    // Android's keyboards send keydown 229 ("unidentified") and say what they did in the input
    // event; the sentinel in the textarea gives Backspace something to delete.
    await page.evaluate(() => {
      const ta = window.interleaveInput.textarea();
      const key229 = () => ta.dispatchEvent(new KeyboardEvent('keydown', { key: 'Unidentified', keyCode: 229, bubbles: true }));
      key229();
      ta.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward', bubbles: true }));
      key229();
      ta.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: '3', bubbles: true }));
      key229();
      ta.dispatchEvent(new InputEvent('input', { inputType: 'insertLineBreak', bubbles: true }));
    });
    await settle(page);
    assert.equal(await code(page), 'x = 13\n');
  });

  test('typing 1 in the editor does not switch sample; Ctrl+Enter runs; Esc leaves the editor', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.load('#v=1&sample=threading'));
    await frames(page, 3);
    await focusEditor(page, 200, 12);
    // Esc below must leave the editor: a find bar an earlier test left open closes first.
    if ((await editor(page)).find_open) {
      await page.keyboard.press('Escape');
      await settle(page);
    }
    await page.keyboard.press('End');
    await page.keyboard.type(' 1t');  // real key events: keypress would reach the app's shortcuts
    await page.keyboard.insertText('2c');
    await settle(page);
    assert.match(await page.evaluate(() => window.interleave.link()), /sample=threading/);
    assert.match((await code(page)).split('\n')[0], / 1t2c$/);
    await page.keyboard.press('Control+Enter');
    await waitFor(page, () => ['running', 'finished'].includes(window.interleave.state().status), null,
      { what: 'Ctrl+Enter in the editor to run' });
    await waitFor(page, () => window.interleave.state().status !== 'running', null,
      { timeout: 90_000, what: 'the run to end' });
    await page.keyboard.press('Escape');
    await waitFor(page, () => !window.interleave.editorState().focused, null, { what: 'Esc to leave the editor' });
    await page.keyboard.press('2');
    await waitFor(page, () => window.interleave.link().includes('sample=multiprocessing'), null,
      { what: 'the digit shortcut to work again outside the editor' });
    // The edited threading text was kept as a draft; coming back shows it.
    await page.keyboard.press('1');
    await waitFor(page, () => window.interleave.code().split('\n')[0].endsWith(' 1t2c'), null,
      { what: 'the draft back' });
  });

  test('Copy code writes the page clipboard and says so', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.load('#v=1&sample=asyncio'));
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await frames(page, 3);
    const r = await page.evaluate(() => window.interleaveInput.rect());
    // "Copy code" is the first button in the row above the editor.
    await page.mouse.move(r.x0 + 40, r.y0 - 16);
    await frames(page, 2);
    await page.mouse.down();
    await frames(page, 2);
    await page.mouse.up();
    const text = await waitFor(page, async () => {
      const t = await navigator.clipboard.readText();
      return t !== 'nothing yet' ? t : null;
    }, null, { what: 'Copy code to reach the clipboard' });
    assert.equal(text, await code(page));
    await waitFor(page, () => /copied/.test(window.interleave.state().message || ''), null,
      { what: 'the copied message' });
    await page.screenshot({ path: join(OUT, 'editor-copied.png') });
  });

  test('a refused clipboard write says it could not copy, never "copied"', async () => {
    const fresh = await newPage(browser);  // no clipboard permission
    try {
      await fresh.page.goto(server.url + '#v=1&sample=asyncio');
      await fresh.page.evaluate(() => window.interleave.ready);
      await fresh.page.evaluate(() => {
        navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
        document.execCommand = () => false;
      });
      await frames(fresh.page, 3);
      const r = await fresh.page.evaluate(() => window.interleaveInput.rect());
      await fresh.page.mouse.move(r.x0 + 40, r.y0 - 16);
      await frames(fresh.page, 2);
      await fresh.page.mouse.down();
      await frames(fresh.page, 2);
      await fresh.page.mouse.up();
      const msg = await waitFor(fresh.page, () => window.interleave.state().message, null,
        { what: 'a message about the copy' });
      assert.match(msg, /Could not copy/);
      assert.doesNotMatch(msg, /copied/);
      await fresh.page.screenshot({ path: join(OUT, 'editor-copy-refused.png') });
    } finally {
      await fresh.context.close();
    }
  });

  test('the editor draws colours, line numbers and non-ASCII glyphs', async () => {
    const page = tab.page;
    await page.evaluate(() => window.interleave.setCode(
      '# caf\u00e9, na\u00efve, \u00fcber: 5 \u20ac \u2192 \u00b5s\nname = "r\u00e9sum\u00e9"  # \u2264 \u2260 \u00b1\n'));
    await frames(page, 4);
    const r = await page.evaluate(() => window.interleaveInput.rect());
    const png = await page.screenshot({ path: join(OUT, 'editor-glyphs.png'),
      clip: { x: r.x0, y: r.y0, width: Math.min(520, r.x1 - r.x0), height: 60 } });
    assert.ok(distinctColours(png) > 20, 'the editor area looks blank');
    assert.deepEqual(tab.problems, []);
  });

  test('CJK, Hangul and emoji draw in the editor and the console; their fonts load only then', async () => {
    const fresh = await newPage(browser);  // the IME test above has already shown CJK here
    const page = fresh.page;
    const fontsFetched = () => page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/fonts/'))
      .map((e) => ({ file: e.name.replace(/.*\//, ''), bytes: e.encodedBodySize })));
    const glyphs = async () => (await page.evaluate(() => window.interleave.ui())).glyphs;
    try {
      await page.goto(server.url + '#v=1&sample=threading');
      await page.evaluate(() => window.interleave.ready);
      await page.evaluate(() => window.interleave.setCode('# caf\u00e9 \u20ac \u00b5s \u043c\u0438\u0440\n'));
      await frames(page, 6);
      // Latin, Greek and Cyrillic are DejaVu's: nothing more is downloaded.
      assert.deepEqual(await fontsFetched(), []);
      assert.deepEqual((await glyphs()).files, ['unused', 'unused', 'unused']);

      // The line the issue names, plus Hangul and an emoji; the console prints 世界 (U+4E16
      // U+754C), which only it shows.
      await page.evaluate(() => window.interleave.setCode(
        'print("\u4f60\u597d, \u043c\u0438\u0440, \u03b3\u03b5\u03b9\u03ac, \u3053\u3093\u306b\u3061\u306f")\n' +
        '# \ud55c\uad6d\uc5b4 \ud83d\ude00\n' +
        'print(chr(0x4e16) + chr(0x754c))\n'));
      const drawn = (g, cps) => cps.every((c) => !g.missing.includes(c)) && !g.pending &&
        !g.files.includes('loading');
      await waitFor(page, (cps) => {
        const g = window.interleave.ui().glyphs;
        return g.seen >= cps.length && !g.pending && !g.files.includes('loading') &&
          cps.every((c) => !g.missing.includes(c));
      }, [0x4f60, 0x597d, 0x3053, 0xd55c, 0x1f600], { what: 'the CJK, Hangul and emoji glyphs' });
      assert.deepEqual((await fontsFetched()).map((f) => f.file).sort(),
        ['DroidSansFallbackFull.ttf', 'Eunjin.ttf', 'Symbola_hint.ttf']);
      await page.evaluate(() => window.interleave.run());
      await waitFor(page, () => window.interleave.state().status === 'finished', null,
        { timeout: 90_000, what: 'the run to finish' });
      await waitFor(page, () => {
        const g = window.interleave.ui().glyphs;
        return g.seen >= 9 && !g.pending && !g.missing.includes(0x4e16) && !g.missing.includes(0x754c);
      }, null, { what: 'the console\'s own characters (\u4e16\u754c) drawn' });
      const g = await glyphs();
      assert.ok(drawn(g, [0x4e16, 0x754c]), JSON.stringify(g));
      assert.deepEqual(g.missing, []);
      console.log(`fonts fetched: ${JSON.stringify(await fontsFetched())}; glyphs: ${JSON.stringify(g)}`);
      await frames(page, 4);
      await page.screenshot({ path: join(OUT, 'editor-cjk.png') });

      // The glyphs are the characters, not one fallback box: 你好你好你好 and 好好好好好好 draw
      // differently (two fallback boxes rows would be the same pixels).
      const r = await page.evaluate(() => window.interleaveInput.rect());
      const clip = { x: r.x0, y: r.y0, width: Math.min(400, r.x1 - r.x0), height: 24 };
      const row = async (text) => {
        await page.evaluate((t) => window.interleave.setCode(t), text);
        await waitFor(page, () => !window.interleave.ui().glyphs.pending, null, { what: 'glyphs settled' });
        await frames(page, 4);
        return decodePng(await page.screenshot({ clip }));
      };
      const a = await row('\u4f60\u597d\u4f60\u597d\u4f60\u597d');
      const b = await row('\u597d\u597d\u597d\u597d\u597d\u597d');
      let differ = 0;
      for (let i = 0; i < a.px.length; i += a.bpp)
        if (Math.abs(a.px[i] - b.px[i]) + Math.abs(a.px[i + 1] - b.px[i + 1]) > 60) differ++;
      assert.ok(differ > 40, `\u4f60 and \u597d drew alike (${differ} pixels differ): a fallback box?`);
      assert.deepEqual(fresh.problems, []);
    } finally {
      await fresh.context.close();
    }
  });
});
