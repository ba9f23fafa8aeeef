// Served WITHOUT COOP/COEP (`./build.sh serve --no-isolation`, what a plain static host does):
//  - with the service-worker fallback off, the page explains the problem in words;
//  - with it on (the default), coi-sw.js makes the page isolated after exactly one reload,
//    and the app starts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OUT, distinctColours, launchBrowser, newPage, startServer } from './helpers.mjs';

describe('web shell, served without COOP/COEP', { timeout: 240_000 }, () => {
  let server, browser;

  before(async () => {
    server = await startServer(['--no-isolation']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function expectExplanation(page, problems, shotName) {
    await page.waitForSelector('#message:not([hidden])', { timeout: 20_000 });
    const info = await page.evaluate(() => ({
      isolated: window.crossOriginIsolated,
      reason: document.getElementById('message').dataset.reason,
      text: document.getElementById('message').innerText,
      canvasVisible: getComputedStyle(document.getElementById('canvas')).visibility === 'visible',
      loadingVisible: !document.getElementById('loading').hidden,
    }));
    assert.equal(info.isolated, false);
    assert.equal(info.reason, 'not-isolated');
    assert.match(info.text, /not cross-origin isolated/);
    assert.match(info.text, /Cross-Origin-Opener-Policy: same-origin/);
    assert.match(info.text, /\.\/build\.sh serve/);
    assert.equal(info.canvasVisible, false, 'a blank canvas is shown instead of the explanation');
    assert.equal(info.loadingVisible, false, 'the loading indicator spins forever');
    const rejected = await page.evaluate(() => window.interleave.ready.then(() => false, (e) => e.message));
    assert.ok(rejected, 'interleave.ready must reject when the app cannot start');
    const shot = await page.screenshot({ path: join(OUT, shotName) });
    assert.ok(distinctColours(shot) > 8, 'the explanation page looks blank');
    assert.deepEqual(problems, []);
    return info;
  }

  test('service workers blocked: the page explains, in words', async () => {
    const { context, page, problems } = await newPage(browser, { serviceWorkers: 'block' });
    await page.goto(server.url);
    await expectExplanation(page, problems, 'not-isolated.png');
    await context.close();
  });

  test('?coi=0 turns the fallback off and says so', async () => {
    const { context, page, problems } = await newPage(browser);
    await page.goto(`${server.url}?coi=0`);
    const info = await expectExplanation(page, problems, 'not-isolated-coi0.png');
    assert.match(info.text, /turned off/);
    await context.close();
  });

  test('service-worker fallback: isolated after exactly one reload, app starts', async () => {
    const { context, page, problems } = await newPage(browser);
    let navigations = 0;
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++; });
    await page.goto(server.url);
    // crossOriginIsolated holds from the reloaded document's start, before its scripts define
    // window.interleave: wait for both.
    await page.waitForFunction(() => window.crossOriginIsolated === true && window.interleave !== undefined,
      null, { timeout: 30_000 });
    await page.evaluate(() => window.interleave.ready);
    // Give a reload loop the chance to show itself before counting.
    await page.waitForTimeout(2000);
    assert.equal(navigations, 2, `expected the first load plus one reload, saw ${navigations}`);
    const ok = await page.evaluate(() => typeof window.interleave.state().status === 'string');
    assert.ok(ok);
    await page.screenshot({ path: join(OUT, 'web-via-service-worker.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
