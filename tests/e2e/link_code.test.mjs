// Links carry the code (issue #10 item 6), against the real server: an edited program goes
// into the fragment as code= (raw DEFLATE + base64url from the page's CompressionStream, which
// zlib reads), a fresh page opened on that link shows the exact text and does not run it, a
// zlib-made link loads in the page, and a corrupt or oversized code= loads the rest of the link
// and says what it ignored. The title follows (sample, or "Untitled"). Screenshot:
// build/e2e/link-code.png.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { OUT, frames, newPage, startServer, waitFor, withPage } from './helpers.mjs';

const PROGRAM = 'import threading\n\n' +
  'def worker(n):\n    print(f"Thread {n}: \u00e9\u00fc\u20ac \u65e5\u672c \ud83d\ude00")\n\n' +
  'for i in range(3):\n\tthreading.Thread(target=worker, args=(i,)).start()  # tab kept\n';

const b64url = (buf) => buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const unb64url = (s) => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
const codeOf = (fragment) => /[#&]code=([^&]*)/.exec(fragment)?.[1];

describe('links carry the code', { timeout: 600_000 }, () => {
  const env = withPage('', { start: startServer, settle: 0 });

  test('an unchanged sample has no code in its link; the title names the sample', async () => {
    await env.tab.page.evaluate(() => window.interleave.load('#v=1&sample=threading'));
    await frames(env.tab.page, 3);
    assert.doesNotMatch(await env.tab.page.evaluate(() => window.interleave.link()), /code=/);
    assert.equal(await env.tab.page.title(), 'Threading — Interleave');
  });

  let link;
  test('an edited program goes into the fragment, compressed, and zlib reads it', async () => {
    await env.tab.page.evaluate((t) => window.interleave.setCode(t), PROGRAM);
    // The address bar follows once the page's CompressionStream has answered.
    link = await waitFor(env.tab.page, () => (/code=/.test(location.hash) ? location.hash : null), null,
      { what: 'the fragment to carry code=' });
    assert.equal(await env.tab.page.evaluate(() => window.interleave.link()), link);
    assert.match(link, /^#v=1&sample=threading&code=[A-Za-z0-9_-]+$/);
    const payload = codeOf(link);
    assert.equal(inflateRawSync(unb64url(payload)).toString('utf8'), PROGRAM);
    assert.ok(payload.length < b64url(Buffer.from(PROGRAM)).length, 'the code is compressed');
    assert.equal(await env.tab.page.title(), 'Untitled — Interleave');
  });

  test('a fresh page opened on the link has the exact text and does not run it', async () => {
    const fresh = await newPage(env.browser);
    try {
      await fresh.page.goto(env.server.url + link);
      await fresh.page.evaluate(() => window.interleave.ready);
      assert.equal(await fresh.page.evaluate(() => window.interleave.code()), PROGRAM);
      const s = await fresh.page.evaluate(() => window.interleave.state());
      assert.equal(s.status, 'idle');
      await frames(fresh.page, 4);
      assert.equal((await fresh.page.evaluate(() => window.interleave.state())).status, 'idle');
      assert.equal(await fresh.page.evaluate(() => window.interleave.link()), link);
      assert.equal(await fresh.page.title(), 'Untitled — Interleave');
      await fresh.page.screenshot({ path: join(OUT, 'link-code.png') });
      assert.deepEqual(fresh.problems, []);
    } finally {
      await fresh.context.close();
    }
  });

  test('a link made with zlib loads through interleave.load and hashchange', async () => {
    const text = 'print("made by zlib")\n';
    const f = `#v=1&sample=asyncio&code=${b64url(deflateRawSync(Buffer.from(text)))}`;
    assert.deepEqual(await env.tab.page.evaluate((x) => window.interleave.load(x), f), []);
    assert.equal(await env.tab.page.evaluate(() => window.interleave.code()), text);
    assert.equal((await env.tab.page.evaluate(() => window.interleave.state())).sample, 'asyncio');
    const other = 'print("by hashchange")\n';
    await env.tab.page.evaluate((x) => { location.hash = x; },
      `#v=1&sample=threading&code=${b64url(deflateRawSync(Buffer.from(other)))}`);
    await waitFor(env.tab.page, (want) => window.interleave.code() === want, other,
      { what: 'the hashchange link to load' });
  });

  test('a corrupt, oversized or non-UTF-8 code= loads the rest, says so, and never runs', async () => {
    const cases = [
      ['AAAA', /corrupt/],
      ['Zm9v*AAA', /'\*' at offset 4 is not base64url/],
      [b64url(deflateRawSync(Buffer.alloc(2 << 20))), /more than 1024 KiB/],
      [b64url(deflateRawSync(Buffer.from([0xff, 0xfe]))), /not UTF-8/],
    ];
    for (const [payload, why] of cases) {
      const notices = await env.tab.page.evaluate((x) => window.interleave.load(x),
        `#v=1&sample=asyncio&time_scale=10&code=${payload}&run=1`);
      assert.ok(notices.some((n) => /code could not be loaded/.test(n) && why.test(n)),
        `${payload.slice(0, 20)}: ${JSON.stringify(notices)}`);
      assert.ok(notices.some((n) => /not started/.test(n)), JSON.stringify(notices));
      const s = await env.tab.page.evaluate(() => window.interleave.state());
      assert.equal(s.sample, 'asyncio');
      assert.equal(s.knobs.time_scale, '10');
      assert.equal(s.status, 'idle');
    }
    const big = '#v=1&sample=threading&' + 'x=1&'.repeat(17000) + 'code=AwA';
    const notices = await env.tab.page.evaluate((x) => window.interleave.load(x), big);
    assert.ok(notices.some((n) => /64 KiB/.test(n)), JSON.stringify(notices));
    assert.ok(notices.some((n) => /past the limit/.test(n)), JSON.stringify(notices));
    assert.deepEqual(env.tab.problems, []);
  });
});
