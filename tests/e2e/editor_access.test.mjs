// Accessible mode and text size in the browser: the plain <textarea> that stands in for the
// code editor (screen readers, phone keyboards) types, runs with Ctrl+Enter and stays in step
// with the app both ways; the output and run status are mirrored as text for screen readers;
// touch devices start in it; Ctrl+= / Ctrl+- size the text (not the browser's zoom) and the
// size is remembered. Screenshots: build/e2e/editor-plain*.png, editor-text-size.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUT, launchBrowser, newPage, startServer, waitFor } from './helpers.mjs';

async function frames(page, n = 4) {
  await page.evaluate((count) => new Promise((r) => {
    let i = 0;
    const tick = () => (++i < count ? requestAnimationFrame(tick) : r());
    requestAnimationFrame(tick);
  }), n);
}

describe('accessible mode and text size', { timeout: 600_000 }, () => {
  let server, browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('plain-text mode: a textbox "Python code" that types, syncs and runs', async () => {
    const tab = await newPage(browser);
    const { page } = tab;
    try {
      await page.goto(server.url + '#v=1&sample=threading');
      await page.evaluate(() => window.interleave.ready);
      await frames(page, 3);
      assert.equal(await page.evaluate(() => window.interleaveInput.plainOn()), false);
      // A screen reader finds the switch as the page's first element (the canvas is opaque to
      // it) and activates it; it shows while it has focus.
      const toggle = page.getByRole('button', { name: /Plain-text code editor/ });
      assert.equal(await toggle.count(), 1);
      assert.ok(await toggle.evaluate((b) => b === document.body.firstElementChild));
      await toggle.focus();
      assert.ok(await toggle.isVisible());
      await page.keyboard.press('Enter');
      await waitFor(page, () => window.interleaveInput.plainOn(), null, { what: 'plain mode on' });
      const box = page.getByRole('textbox', { name: 'Python code' });
      assert.match(await box.ariaSnapshot(), /textbox "Python code"/);
      assert.equal(await box.inputValue(), await page.evaluate(() => window.interleave.code()));
      assert.equal(await box.getAttribute('spellcheck'), 'false');
      // Typing goes to the app's text; a typed `1` stays text (no sample switch).
      await box.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n# 1 note');
      await waitFor(page, () => window.interleave.code().endsWith('\n# 1 note'), null,
        { what: 'the textarea text in the app' });
      assert.match(await page.evaluate(() => window.interleave.link()), /sample=threading/);
      // The app's text changes (another sample): the textarea follows.
      await page.evaluate(() => window.interleave.load('#v=1&sample=asyncio'));
      await waitFor(page, () => document.getElementById('interleave-plain').value.includes('asyncio'), null,
        { what: 'the textarea to follow the app' });
      await page.screenshot({ path: join(OUT, 'editor-plain.png') });
      // Ctrl+Enter in the textarea runs; the status and output are mirrored as text.
      await page.evaluate(() => window.interleave.load('#v=1&sample=threading'));
      await box.focus();
      await page.keyboard.press('Control+Enter');
      await waitFor(page, () => window.interleave.state().status === 'finished', null,
        { timeout: 90_000, what: 'the run' });
      await waitFor(page, () => /threading: finished/.test(document.getElementById('interleave-status').textContent),
        null, { what: 'the aria-live status' });
      await waitFor(page, () => document.getElementById('interleave-output').textContent.includes('Thread 2: E'),
        null, { what: 'the output mirror' });
      const status = page.getByRole('status').filter({ hasText: 'threading' });
      assert.match(await status.textContent(), /finished/);
      assert.ok(await page.getByRole('log', { name: 'Program output' }).count() === 1);
      // Back to the code editor.
      await page.evaluate(() => window.interleaveInput.setPlain(false));
      await frames(page, 2);
      assert.equal(await box.isVisible(), false);
      assert.deepEqual(tab.problems, []);
    } finally {
      await tab.context.close();
    }
  });

  test('touch devices start in plain-text mode, fitted to the editor', async () => {
    const tab = await newPage(browser, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const { page } = tab;
    try {
      await page.goto(server.url);
      await page.evaluate(() => window.interleave.ready);
      await waitFor(page, () => window.interleaveInput.plainOn(), null, { what: 'plain mode on a touch device' });
      // A phone shows one page at a time: the textbox is not over the knobs page, and is
      // fitted to the editor on the code page.
      assert.equal(await page.getByRole('textbox', { name: 'Python code' }).isVisible(), false,
        'the plain-text editor covers the knobs page');
      const code = await page.evaluate(() => window.interleave.ui().controls.find((c) => c.id === 'page:code'));
      await page.touchscreen.tap(code.x + code.w / 2, code.y + code.h / 2);
      await frames(page, 4);
      const r = await page.evaluate(() => window.interleaveInput.rect());
      const b = await page.getByRole('textbox', { name: 'Python code' }).boundingBox();
      assert.ok(Math.abs(b.x - r.x0) < 2 && Math.abs(b.y - r.y0) < 2, `textarea at ${JSON.stringify(b)}, editor at ${JSON.stringify(r)}`);
      await page.screenshot({ path: join(OUT, 'editor-plain-phone.png') });
      assert.deepEqual(tab.problems, []);
    } finally {
      await tab.context.close();
    }
  });

  test('Ctrl+= and Ctrl+- size the text, sharp, and the size is remembered', async () => {
    const tab = await newPage(browser);
    const { page } = tab;
    try {
      await page.goto(server.url);
      await page.evaluate(() => window.interleave.ready);
      await frames(page, 2);
      const h0 = await page.evaluate(() => window.interleaveInput.rect().lh);
      await page.mouse.move(700, 790);
      await page.keyboard.press('Control+=');
      await page.keyboard.press('Control+=');
      // Two steps of 10%: the first alone already passes 1.1x the height, so wait for both
      // (a slow frame, as the debug build's, may take the second press a frame later).
      await waitFor(page, () => localStorage.getItem('interleave.text_scale') === '1.2', null,
        { what: 'the second step remembered' });
      assert.ok(await page.evaluate((h) => window.interleaveInput.rect().lh > h * 1.1, h0), 'larger text');
      assert.equal(await page.evaluate(() => window.devicePixelRatio), 1, 'the browser zoom stayed');
      await page.screenshot({ path: join(OUT, 'editor-text-size.png') });
      await page.reload();
      await page.evaluate(() => window.interleave.ready);
      await frames(page, 2);
      const h1 = await page.evaluate(() => window.interleaveInput.rect().lh);
      assert.ok(h1 > h0 * 1.1, `after a reload the line height is ${h1} (was ${h0})`);
      await page.keyboard.press('Control+0');
      await waitFor(page, (h) => Math.abs(window.interleaveInput.rect().lh - h) < 0.5, h0, { what: 'size reset' });
      await page.keyboard.press('Control+-');
      await waitFor(page, (h) => window.interleaveInput.rect().lh < h, h0, { what: 'smaller text' });
      assert.deepEqual(tab.problems, []);
    } finally {
      await tab.context.close();
    }
  });
});
