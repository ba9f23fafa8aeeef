// Two tabs of the site see each other's kept edits without a reload (localStorage's `storage`
// event, src/ui/draft_store.hpp): a sample edited in one is marked in the other's gallery at
// once and picking it there shows that edit; the sample shown in the editor is never replaced
// under the cursor: the status bar says it was edited in another tab, picking it again loads
// that edit and Undo brings this tab's back; a reset in one tab takes the other's mark away.
// A tab whose text the other tab stored its own over asks before it is closed (beforeunload).
// Screenshots: build/e2e/editor-tabs-gallery.png, editor-tabs-held.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OUT, control, frames, newPage, waitFor, withPage } from './helpers.mjs';

describe('two tabs of the site', { timeout: 600_000 }, () => {
  const env = withPage('', { settle: 0 });

  test('see each other\'s kept edits as they are made, never replacing the text shown', async () => {
    const tab = await newPage(env.browser);
    const a = tab.page;
    const b = await tab.context.newPage();
    const problems = [];
    b.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    const open = async (p, hash) => {
      await p.goto(env.server.url + hash);
      await p.evaluate(() => window.interleave.ready);
      await frames(p, 3);
    };
    const click = async (p, id) => {
      const c = await control(p, id);
      await p.mouse.click(c.x + c.w / 2, c.y + Math.min(c.h / 2, 40));
      await frames(p, 3);
    };
    const code = (p) => p.evaluate(() => window.interleave.code());
    const drafts = (p) => p.evaluate(() => window.interleave.editorState().drafts);
    const typeAtEnd = async (p, text) => {
      await click(p, 'code');
      await p.keyboard.press('Control+End');
      await p.keyboard.type(text);
    };
    await open(a, '#v=1&sample=threading');
    await open(b, '#v=1&sample=race');

    // B types into Race; A, showing Threading, marks Race edited and shows B's text there.
    const raceOwn = await code(b);
    await typeAtEnd(b, '# from B');
    const fromB = raceOwn + '# from B';
    await waitFor(b, (t) => window.interleave.code() === t, fromB, { what: 'B\'s typing' });
    await waitFor(a, () => window.interleave.editorState().drafts.includes('race'), null,
      { what: 'A marks Race edited' });
    const gallery = await control(a, 'sample:race');
    await a.screenshot({ path: join(OUT, 'editor-tabs-gallery.png'),
      clip: { x: 0, y: Math.max(0, gallery.y - 120), width: 320, height: 240 } });
    await click(a, 'sample:race');
    await waitFor(a, (t) => window.interleave.code() === t, fromB, { what: 'A picks Race: B\'s edit' });

    // Both show Race now. A types: B keeps its text under its cursor and says so, once.
    await typeAtEnd(a, '\n# from A');
    const fromA = fromB + '\n# from A';
    await waitFor(a, (t) => window.interleave.code() === t, fromA, { what: 'A\'s typing' });
    const said = await waitFor(b, () => {
      const m = window.interleave.state().message;
      return /edited in another tab/.test(m) ? m : null;
    }, null, { what: 'B told' });
    assert.equal(said, 'Race condition was edited in another tab; yours stays here. ' +
      'Pick it again to load that edit (Undo brings yours back)');
    assert.equal(await code(b), fromB, 'B\'s text is not replaced');
    await b.screenshot({ path: join(OUT, 'editor-tabs-held.png') });
    // B picks Race again: A's edit; Undo: B's own back (and stored again).
    await click(b, 'sample:race');
    await waitFor(b, (t) => window.interleave.code() === t, fromA, { what: 'B loads A\'s edit' });
    await click(b, 'code');
    await b.keyboard.press('Control+z');
    await waitFor(b, (t) => window.interleave.code() === t, fromB, { what: 'Undo in B' });
    await waitFor(b, (t) => (localStorage.getItem('interleave.drafts') ?? '').includes(t) &&
      !localStorage.getItem('interleave.drafts').includes('# from A'), fromB,
      { what: 'B\'s text stored' });
    assert.equal(await code(a), fromA, 'A keeps its text too');

    // B goes to Threading; A resets Race: B's mark of Race goes, without a reload.
    await click(b, 'sample:threading');
    await waitFor(b, () => window.interleave.link().includes('sample=threading'), null,
      { what: 'B picks Threading' });
    assert.deepEqual(await drafts(b), ['race']);
    await click(a, 'reset-code');
    await waitFor(a, (t) => window.interleave.code() === t, raceOwn, { what: 'A resets Race' });
    await waitFor(b, () => !window.interleave.editorState().drafts.includes('race'), null,
      { what: 'B drops Race\'s mark' });
    await click(b, 'sample:race');
    await waitFor(b, (t) => window.interleave.code() === t, raceOwn, { what: 'B shows Race\'s own text' });
    assert.deepEqual(tab.problems, []);
    assert.deepEqual(problems, []);
    await tab.context.close();
  });

  test('a tab whose text the other tab stored over asks before it is closed', async () => {
    const tab = await newPage(env.browser);
    const a = tab.page;
    const b = await tab.context.newPage();
    for (const p of [a, b]) {
      await p.goto(env.server.url + '#v=1&sample=race');
      await p.evaluate(() => window.interleave.ready);
      await waitFor(p, () => window.interleave.state().sample === 'race', null,
        { what: 'Race shown' });
    }
    const typeAtEnd = async (p, text) => {
      const c = await control(p, 'code');
      await p.mouse.click(c.x + c.w / 2, c.y + Math.min(c.h / 2, 40));
      await waitFor(p, () => window.interleave.editorState().focused, null,
        { what: 'the editor focused' });
      await p.keyboard.press('Control+End');
      await p.keyboard.type(text);
    };
    const stored = (p, t) => waitFor(p, (s) => (localStorage.getItem('interleave.drafts') ?? '')
      .includes(s), t, { what: `'${t}' stored` });
    // A types, B types over it, A types again: B's text is in B's editor only.
    await typeAtEnd(a, '#a1');
    await stored(a, '#a1');
    await waitFor(b, () => /edited in another tab/.test(window.interleave.state().message));
    await typeAtEnd(b, '#b1');
    await stored(b, '#b1');
    await waitFor(a, () => /edited in another tab/.test(window.interleave.state().message));
    await typeAtEnd(a, '#a2');
    await stored(a, '#a1#a2');
    await stored(b, '#a1#a2');  // B's storage event came with it; a frame takes it in
    await frames(b, 3);
    assert.ok((await b.evaluate(() => window.interleave.code())).endsWith('#b1'));
    // Closing B asks (beforeunload); dismissed, B stays open with its text.
    const dialog = new Promise((r) => b.once('dialog', r));
    await b.close({ runBeforeUnload: true });
    const d = await dialog;
    assert.equal(d.type(), 'beforeunload');
    await d.dismiss();
    assert.equal(b.isClosed(), false);
    assert.ok((await b.evaluate(() => window.interleave.code())).endsWith('#b1'));
    assert.deepEqual(tab.problems, []);
    await tab.context.close();
  });
});
