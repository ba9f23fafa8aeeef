// What the program and the user wrote, outside the editor, against the real server: an edited
// sample left for another is kept and marked in the gallery (the web's side of "picking a
// sample never loses typed code"; the desktop also asks before replacing a file's unsaved
// changes, tests/ui/test_app_keys.cpp), and a thread the program names in Chinese and Russian
// is drawn on the timeline, its font fetched though neither the editor nor the console shows
// those characters. Leaving the page (reload, closing the tab) asks first only when an edit
// would be lost: the link carries the current program, not other samples' kept edits.
// Screenshots: build/e2e/editor-drafts.png, editor-thread-names.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, frames, newPage, waitFor, withPage } from './helpers.mjs';

describe('names and edits outside the editor', { timeout: 600_000 }, () => {
  const env = withPage('#v=1&sample=threading');

  test('an edited sample left for another is kept, marked in the gallery, and comes back', async () => {
    const { page } = env.tab;
    const edited = (await page.evaluate(() => window.interleave.code())) + '# mine\n';
    await page.evaluate((t) => window.interleave.setCode(t), edited);
    await frames(page, 3);
    assert.equal((await page.evaluate(() => window.interleave.editorState())).focused, false);
    await page.keyboard.press('2');  // the digit shortcut: Multiprocessing
    await waitFor(page, () => window.interleave.link().includes('sample=multiprocessing'), null,
      { what: 'Multiprocessing picked' });
    assert.deepEqual((await page.evaluate(() => window.interleave.editorState())).drafts, ['threading']);
    assert.doesNotMatch(await page.evaluate(() => window.interleave.code()), /# mine/);
    await frames(page, 4);
    const gallery = (await page.evaluate(() => window.interleave.ui())).controls
      .find((c) => c.id === 'sample:threading');
    await page.screenshot({ path: join(OUT, 'editor-drafts.png'),
      clip: { x: 0, y: Math.max(0, gallery.y - 30), width: 320, height: 200 } });
    await page.keyboard.press('1');
    await waitFor(page, (t) => window.interleave.code() === t, edited, { what: 'the edit back' });
    assert.deepEqual(env.tab.problems, []);
  });

  test('leaving the page asks first only when a reload would lose an edit: another sample\'s', async () => {
    // The page keeps the edited program in its link (code=), so a reload brings it back and
    // needs no question; other samples' kept edits live in the page only.
    const tab = await newPage(env.browser);
    const { page } = tab;
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
    const open = async () => {
      await page.evaluate(() => window.interleave.ready);
      await frames(page, 3);
    };
    await page.goto(env.server.url + '#v=1&sample=threading');
    await open();
    // What the page's beforeunload listeners say (the browser asks when one cancels it).
    const warns = () => page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    assert.equal(await warns(), false, 'an unchanged sample');
    const edited = (await page.evaluate(() => window.interleave.code())) + '# kept by the link\n';
    await page.evaluate((t) => window.interleave.setCode(t), edited);
    await waitFor(page, () => location.hash.includes('code='), null, { what: 'the link with the code' });
    assert.equal(await warns(), false, 'the edit is in the link');
    await page.keyboard.press('2');  // a user's gesture (browsers ask only after one); Multiprocessing
    await waitFor(page, () => window.interleave.editorState().drafts.length === 1, null,
      { what: "threading's edit kept as a draft" });
    assert.equal(await warns(), true, "another sample's edit is in the page only");
    // The browser's own question: dismissed, the page stays with the edit.
    await page.close({ runBeforeUnload: true });
    for (let i = 0; i < 50 && !dialogs.length; ++i) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(dialogs, ['beforeunload']);
    assert.equal(page.isClosed(), false);
    assert.deepEqual(await page.evaluate(() => window.interleave.editorState().drafts), ['threading']);
    // Back to it: the edit is the editor's (and the link's) again; a reload keeps it, unasked.
    await page.keyboard.press('1');
    await waitFor(page, (t) => window.interleave.code() === t && location.hash.includes('code='),
      edited, { what: 'the edit back, in the link' });
    assert.equal(await warns(), false);
    await page.reload();
    await open();
    assert.equal(await page.evaluate(() => window.interleave.code()), edited);
    assert.deepEqual(dialogs, ['beforeunload'], 'no question on the reload');
    assert.deepEqual(tab.problems, []);
    await tab.context.close();
  });

  test('a thread named in Chinese and Russian is drawn on the timeline; its font loads for it', async () => {
    const { page } = env.tab;
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/fonts/')).map((e) => e.name.replace(/.*\//, '')));
    assert.deepEqual(await fetched(), []);
    // The name in escapes: the editor and the console show only ASCII.
    await page.evaluate(() => window.interleave.setCode(
      'import threading, time\n' +
      't = threading.Thread(target=time.sleep, args=(0.3,),\n' +
      "                     name='\\u5de5\\u4eba \\u0420\\u0430\\u0431\\u043e\\u0442\\u043d\\u0438\\u043a')\n" +
      't.start()\nt.join()\nprint("done")\n'));
    await page.evaluate(() => window.interleave.run());
    await waitFor(page, () => window.interleave.state().status === 'finished', null,
      { timeout: 90_000, what: 'the run to finish' });
    await waitFor(page, () => {
      const g = window.interleave.ui().glyphs;
      return !g.pending && !g.files.includes('loading') && g.seen >= 2 &&
        !g.missing.includes(0x5de5) && !g.missing.includes(0x4eba);
    }, null, { what: 'the glyphs of \u5de5\u4eba drawn' });
    assert.deepEqual(await fetched(), ['DroidSansFallbackFull.ttf']);
    const ui = await page.evaluate(() => window.interleave.ui());
    const lane = ui.timeline.lanes.find((l) => l.name.includes('\u5de5\u4eba'));
    assert.ok(lane, JSON.stringify(ui.timeline.lanes));
    await frames(page, 4);
    const area = ui.controls.find((c) => c.id === 'timeline:lanes');
    assert.ok(area, 'the timeline is shown');
    await page.screenshot({ path: join(OUT, 'editor-thread-names.png'),
      clip: { x: area.x, y: Math.max(0, lane.y0 - 40), width: Math.min(area.w, 640),
        height: lane.y1 - lane.y0 + 80 } });
    assert.deepEqual(env.tab.problems, []);
  });
});
