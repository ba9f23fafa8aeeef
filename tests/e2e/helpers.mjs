// Shared harness for the browser end-to-end tests: the real server (`./build.sh serve`), headless
// Chromium through playwright-core, console/page-error collection, screenshots, PNG pixels.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = join(ROOT, 'build/e2e');

// --- what this machine's processes cost (Linux /proc; tests/bench/page_cpu.mjs, disturbance) ---
const readProc = (p) => { try { return readFileSync(p, 'utf8'); } catch { return null; } };

// `root` and every process descended from it (Chromium launched by this node process: pass
// process.pid).
export function descendants(root) {
  const parentOf = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = readProc(`/proc/${d}/stat`);
    if (s) parentOf.set(Number(d), Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]));
  }
  const out = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parentOf) if (out.has(ppid) && !out.has(pid)) { out.add(pid); grew = true; }
  }
  return [...out];
}

// A process's threads: { tid, comm (the thread's name), ticks (CPU: utime + stime, USER_HZ =
// 100 a second) }; [] once the process is gone.
export function threadTicks(pid) {
  let tids = [];
  try { tids = readdirSync(`/proc/${pid}/task`); } catch { return []; }
  const out = [];
  for (const tid of tids) {
    const s = readProc(`/proc/${pid}/task/${tid}/stat`);
    if (!s) continue;
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    out.push({ tid, comm: s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')), ticks: Number(f[11]) + Number(f[12]) });
  }
  return out;
}
mkdirSync(OUT, { recursive: true });

// Starts `./build.sh serve --port 0 [extra]` and resolves { url, close } once it prints its
// address. `--port 0` lets the OS pick a free port, so tests never collide with a running server.
export function startServer(extra = []) {
  const args = ['build.sh', 'serve', '--port', '0', ...extra];
  if (process.env.INTERLEAVE_DEBUG === '1') args.push('--debug');
  const child = spawn('bash', args, {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, INTERLEAVE_SERVE_QUIET: '1' },
  });
  let log = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`server did not start within 300 s:\n${log}`));
    }, 300_000);
    const onData = (chunk) => {
      log += chunk;
      const m = /Interleave: (http:\/\/[^\s]+\/)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolvePromise({
          url: m[1],
          close: () => new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before printing its address:\n${log}`));
    });
  });
}

// INTERLEAVE_DIST (set by ./build.sh test) names an already-built web app: serve it with the
// project's server directly, so a test also runs against a private build directory.
// Otherwise startServer() builds and serves build/web.
export function serve() {
  const dist = process.env.INTERLEAVE_DIST;
  if (!dist || !existsSync(join(dist, 'index.html'))) return startServer();
  const child = spawn('python3', ['web/serve.py', '--dir', dist, '--port', '0'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, INTERLEAVE_SERVE_QUIET: '1' },
  });
  return new Promise((resolvePromise, reject) => {
    let log = '';
    const onData = (chunk) => {
      log += chunk;
      const m = /Interleave: (http:\/\/[^\s]+\/)/.exec(log);
      if (m) resolvePromise({ url: m[1], close: () => new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
}

// The launch that gives WebGL2 on SwiftShader in headless Chromium (TOOLCHAIN.md).
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic'],
  });
}

// A fresh page whose console errors and uncaught exceptions are collected in `problems`.
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const problems = [];
  const consoleLog = [];
  page.on('console', (msg) => {
    consoleLog.push(`[${msg.type()}] ${msg.text()}`);
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('crash', () => problems.push('page crashed'));
  return { context, page, problems, consoleLog };
}

// Polls `fn` (in the page) until it returns a truthy value; returns that value.
export async function waitFor(page, fn, arg, { timeout = 60_000, interval = 200, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

// Resolves after `n` animation frames of the page. The app builds a frame at each of them while
// it is busy: for at least 12 frames and 0.3 s after every input event and every window.interleave
// call that changes something, and while a run, a replay, an animation or pending input goes on
// (src/ui/frame_pacing.hpp). An idle app builds none then (at most 2 a second): nothing on it
// changes, so what ui() and editorState() report is still what the page shows.
export async function frames(page, n = 6) {
  await page.evaluate((count) => new Promise((r) => {
    let i = 0;
    const tick = () => (++i < count ? requestAnimationFrame(tick) : r());
    requestAnimationFrame(tick);
  }), n);
}

// window.interleave.ui(): what the last frame drew (layout, scroll, timeline view, controls).
export const uiState = (page) => page.evaluate(() => window.interleave.ui());

// The control named `id` as the last frame drew it (CSS px), or throws naming what there is.
export async function control(page, id) {
  const ui = await uiState(page);
  const c = ui.controls.find((x) => x.id === id);
  if (!c) throw new Error(`no control '${id}' on screen; there are: ${ui.controls.map((x) => x.id).join(' ')}`);
  return c;
}

// Decodes an 8-bit RGB/RGBA non-interlaced PNG (what Chromium's screenshots are).
export function decodePng(buf) {
  let pos = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0); height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('decodePng: only 8-bit, non-interlaced');
      colorType = body[9];
    } else if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const bpp = { 2: 3, 6: 4 }[colorType];
  if (!bpp) throw new Error(`decodePng: colour type ${colorType} not supported`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = px.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? px.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp] : 0, b = up[i], c = i >= bpp ? up[i - bpp] : 0;
      let v = src[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[i] = v & 0xff;
    }
  }
  return { width, height, bpp, px };
}

// Number of distinct RGB colours in a PNG (a blank or single-colour canvas has 1).
export function distinctColours(pngBuffer) {
  const { width, height, bpp, px } = decodePng(pngBuffer);
  const seen = new Set();
  for (let i = 0; i < width * height; i++) {
    seen.add((px[i * bpp] << 16) | (px[i * bpp + 1] << 8) | px[i * bpp + 2]);
    if (seen.size > 4096) break;
  }
  return seen.size;
}

// The set-up most test files share, as node:test hooks of the describe() it is called in:
// before — serve the app (`start`: serve() or startServer()), launch Chromium, open a page
// (`contextOptions` as newPage's) at `hash`, wait for window.interleave.ready, then `settle`
// frames; after — print the page's problems (console errors, uncaught exceptions) if any, close
// the browser and the server. Returns { server, browser, tab }, filled in once before() ran.
export function withPage(hash = '', { contextOptions = {}, settle = 3, start = serve } = {}) {
  const env = { server: null, browser: null, tab: null };
  before(async () => {
    env.server = await start();
    env.browser = await launchBrowser();
    env.tab = await newPage(env.browser, contextOptions);
    await env.tab.page.goto(env.server.url + hash);
    await env.tab.page.evaluate(() => window.interleave.ready);
    if (settle) await frames(env.tab.page, settle);
  });
  after(async () => {
    if (env.tab?.problems.length) console.log(`page problems:\n  ${env.tab.problems.join('\n  ')}`);
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
