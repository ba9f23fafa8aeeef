// What the program and the user wrote, outside the editor, against the real server: an edited
// sample left for another is kept and marked in the gallery (the web's side of "picking a
// sample never loses typed code"; the desktop also asks before replacing a file's unsaved
// changes, tests/ui/test_app_keys.cpp), and a thread the program names in Chinese and Russian
// is drawn on the timeline, its font fetched though neither the editor nor the console shows
// those characters. Edited samples are kept across a reload (localStorage), so leaving the
// page asks nothing. Screenshots: build/e2e/editor-drafts.png, editor-drafts-reload.png,
// editor-thread-names.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, control, frames, newPage, waitFor, withPage } from './helpers.mjs';

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

  test('an edited sample is kept across a reload (localStorage), marked; Reset forgets it', async () => {
    // Kept edits are stored as they are typed, so a reload (or closing the tab) loses nothing
    // and the page never asks; damaged stored data is left out with a message.
    const tab = await newPage(env.browser);
    const { page } = tab;
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
    const open = async () => {
      await page.evaluate(() => window.interleave.ready);
      await frames(page, 3);
    };
    const click = async (id) => {
      const c = await control(page, id);
      await page.mouse.click(c.x + c.w / 2, c.y + Math.min(c.h / 2, 40));
      await frames(page, 3);
    };
    // What the page's beforeunload listeners say (the browser asks when one cancels it).
    const warns = () => page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    const drafts = () => page.evaluate(() => window.interleave.editorState().drafts);
    await page.goto(env.server.url + '#v=1&sample=threading');
    await open();
    const own = await page.evaluate(() => window.interleave.code());
    // Typed into the editor, as a learner does.
    await click('code');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# mine');
    const edited = own + '# mine';
    await waitFor(page, (t) => window.interleave.code() === t, edited, { what: 'the typing' });
    await click('sample:multiprocessing');
    await waitFor(page, () => window.interleave.link().includes('sample=multiprocessing'), null,
      { what: 'Multiprocessing picked' });
    assert.deepEqual(await drafts(), ['threading']);
    assert.match(await page.evaluate(() => localStorage.getItem('interleave.drafts')), /# mine/);
    assert.equal(await warns(), false, 'the edit is stored: leaving loses nothing');
    await page.reload();
    await open();
    assert.deepEqual(await drafts(), ['threading'], 'kept across the reload');
    assert.doesNotMatch(await page.evaluate(() => window.interleave.code()), /# mine/);
    await frames(page, 4);
    const mark = await control(page, 'sample:threading');
    await page.screenshot({ path: join(OUT, 'editor-drafts-reload.png'),
      clip: { x: 0, y: Math.max(0, mark.y - 30), width: 320, height: 200 } });
    await click('sample:threading');
    await waitFor(page, (t) => window.interleave.code() === t, edited, { what: 'the edit back' });
    // Reset: the sample's own text, and nothing kept any more, after a reload too.
    await click('reset-code');
    await waitFor(page, (t) => window.interleave.code() === t, own, { what: 'Reset' });
    await waitFor(page, () => localStorage.getItem('interleave.drafts') === null, null,
      { what: 'the store emptied' });
    await page.reload();
    await open();
    assert.equal(await page.evaluate(() => window.interleave.code()), own);
    assert.deepEqual(await drafts(), []);
    // Damaged stored data: left out, said, the page works.
    await page.evaluate(() => localStorage.setItem('interleave.drafts', 'interleave-drafts 1\nrace 9\nx'));
    await page.reload();
    await open();
    assert.deepEqual(await drafts(), []);
    const said = await page.evaluate(() => window.interleave.state().message ?? '');
    assert.match(said, /damaged/);
    // ... and never written over: moved aside unchanged, and where it is is said.
    assert.match(said, /moved unchanged to "interleave\.drafts\.unreadable"/);
    assert.equal(await page.evaluate(() => localStorage.getItem('interleave.drafts.unreadable')),
      'interleave-drafts 1\nrace 9\nx');
    // Damaged again: the first copy stays, the second gets a key of its own.
    await page.evaluate(() => localStorage.setItem('interleave.drafts', 'not drafts'));
    await page.reload();
    await open();
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('interleave.drafts.unreadable')).sort());
    assert.equal(keys.length, 2);
    assert.equal(await page.evaluate(() => localStorage.getItem('interleave.drafts.unreadable')),
      'interleave-drafts 1\nrace 9\nx');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), keys[1]), 'not drafts');
    assert.deepEqual(dialogs, [], 'never asked');
    assert.deepEqual(tab.problems, []);
    await tab.context.close();
  });

  test('a link with code= over a kept edit keeps the edit; two tabs keep each other\'s', async () => {
    const tab = await newPage(env.browser);
    const { page } = tab;
    const open = async (p) => {
      await p.evaluate(() => window.interleave.ready);
      await frames(p, 3);
    };
    const stored = (p) => p.evaluate(() => localStorage.getItem('interleave.drafts') ?? '');
    await page.goto(env.server.url + '#v=1&sample=threading');
    await open(page);
    // A link with code= (as someone shares it), made here before this user's own edit.
    await page.evaluate(() => window.interleave.setCode('print("shared")\n'));
    const link = await waitFor(page, () => {
      const l = window.interleave.link();
      return l.includes('code=') ? l : null;
    }, null, { what: 'the link with code=' });
    await page.evaluate(() => window.interleave.setCode('x = 1  # mine\n'));
    await waitFor(page, () => (localStorage.getItem('interleave.drafts') ?? '').includes('# mine'),
      null, { what: 'the edit stored' });
    // The link opened (a reload of it): its code shows, the kept edit stays stored, and says so.
    await page.goto(env.server.url + '#' + link.split('#')[1]);
    await page.reload();
    await open(page);
    assert.equal(await page.evaluate(() => window.interleave.code()), 'print("shared")\n');
    await frames(page, 4);
    assert.match(await stored(page), /# mine/, 'the kept edit is still stored');
    const notices = (await page.evaluate(() => window.interleave.state())).notices.join(' | ');
    assert.match(notices, /your kept edit of Threading is still kept: Undo \(Ctrl\+Z\) brings it back/);
    await page.screenshot({ path: join(OUT, 'editor-link-over-kept-edit.png') });
    const c = await control(page, 'code');
    await page.mouse.click(c.x + c.w / 2, c.y + 20);
    await frames(page, 3);
    await page.keyboard.press('Control+z');
    await waitFor(page, () => window.interleave.code() === 'x = 1  # mine\n', null,
      { what: 'Undo: the kept edit back' });
    // Two tabs of the site: each stores only what it changed, so neither wipes the other's.
    const other = await tab.context.newPage();
    await other.goto(env.server.url + '#v=1&sample=race');
    await open(other);
    await other.evaluate(() => window.interleave.setCode('r = 2  # from the second tab\n'));
    await waitFor(other, () => (localStorage.getItem('interleave.drafts') ?? '').includes('second tab'),
      null, { what: 'the second tab\'s edit stored' });
    await page.evaluate(() => window.interleave.setCode('x = 1  # mine, again\n'));
    await waitFor(page, () => (localStorage.getItem('interleave.drafts') ?? '').includes('mine, again'),
      null, { what: 'the first tab\'s edit stored' });
    assert.match(await stored(page), /second tab/, 'the second tab\'s edit is still stored');
    assert.deepEqual(tab.problems, []);
    await tab.context.close();
  });

  test('a link opened while the last edit is still being packed is the link that loads', async () => {
    // The fragment follows an edit once its compression lands (CompressionStream, asynchronous).
    // If the user opens another link before it lands, that link's hashchange is still queued
    // when the compressed edit comes back: writing the edit's link then would replace the
    // address the user navigated to (a reload would load the edit, not the link). Both waits
    // are held here, so the order is the one that went wrong.
    const tab = await newPage(env.browser);
    const { page } = tab;
    await page.goto(env.server.url + '#v=1&sample=threading');
    await page.evaluate(() => window.interleave.ready);
    await frames(page, 3);
    await page.evaluate(() => window.interleave.setCode('print("shared")\n'));
    const link = await waitFor(page, () => {
      const l = window.interleave.link();
      return l.includes('code=') && location.hash.includes('code=') ? l : null;
    }, null, { what: 'the link with code=' });
    const fragment = '#' + link.split('#')[1];
    // Another edit first, so the address bar no longer holds the link to open.
    await page.evaluate(() => window.interleave.setCode('print("before")\n'));
    await waitFor(page, (f) => location.hash.includes('code=') && location.hash !== f, fragment,
      { what: 'the address bar following the edit' });
    await page.evaluate(() => {
      const pack = window.interleaveLink.pack;
      window.heldPacks = [];
      window.interleaveLink.pack = (text) => {
        const packed = pack(text);
        return new Promise((resolve) => window.heldPacks.push(() => packed.then(resolve)));
      };
      // The page's hashchange listener loads the link through interleave.load: held too.
      const load = window.interleave.load;
      window.heldLoads = [];
      window.interleave.load = (f) => new Promise((resolve) =>
        window.heldLoads.push(() => resolve(load(f))));
    });
    await page.evaluate(() => window.interleave.setCode('x = 1  # mine\n'));
    await waitFor(page, () => window.heldPacks.length > 0, null, { what: 'the edit being packed' });
    await page.evaluate((f) => { location.hash = f; }, fragment);
    await waitFor(page, () => window.heldLoads.length > 0, null, { what: 'the hashchange' });
    await page.evaluate(() => Promise.all(window.heldPacks.splice(0).map((release) => release())));
    await frames(page, 6);
    assert.equal(await page.evaluate(() => location.hash), fragment, 'the address the user opened');
    await page.evaluate(() => window.heldLoads.splice(0).forEach((release) => release()));
    await waitFor(page, () => window.interleave.code() === 'print("shared")\n', null,
      { what: 'the link loaded' });
    // Loading it writes the address bar once, with the link's own packed code (the edit's
    // compression is still held): never the new knobs beside the old code.
    await frames(page, 6);
    assert.equal(await page.evaluate(() => location.hash), fragment, 'the link, as loaded');
    await page.reload();
    await page.evaluate(() => window.interleave.ready);
    await frames(page, 3);
    assert.equal(await page.evaluate(() => window.interleave.code()), 'print("shared")\n');
    assert.match(await page.evaluate(() => localStorage.getItem('interleave.drafts') ?? ''),
      /# mine/, 'the edit is kept');
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
