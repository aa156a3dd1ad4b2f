// Starts the real server (real SQLite file, real port) on the real release build in dist/, and
// Debian's Chromium through playwright-core.
import { execFileSync, spawn } from 'node:child_process';
import { after, before } from 'node:test';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'tools', 'package.json'));
const { chromium } = require('playwright-core');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Starts jazylu-server on a free port; resolves once it prints its address. `restart()` stops
 * it and starts it again on the same port with the same database (a server that went away). */
export async function startServer({ catalogue = join(root, 'data/catalogue.sample.json'), dist = join(root, 'dist'), args = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'jazylu-e2e-'));
  const database = join(dir, 'db.sqlite3');
  const bin = process.env.JAZYLU_SERVER_BIN ?? join(root, 'target/debug/jazylu-server');
  let child;
  let output = '';
  const spawnOn = (port) => {
    child = spawn(bin, [
      '--port', String(port), '--database', database, '--catalogue', catalogue,
      '--dist', dist,
      // One browser on 127.0.0.1 books many times over: the limit is raised unless a test sets it.
      ...(args.includes('--rate-burst') ? [] : ['--rate-burst', '100000', '--rate-period-ms', '1']), ...args,
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; output += d; });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${stderr}`)), 30_000);
      child.stdout.on('data', (d) => {
        stdout += d;
        output += d;
        const m = stdout.match(/running at (http:\/\/[^\s]+)/);
        if (m) { clearTimeout(timer); resolve(m[1]); }
      });
      child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
    });
  };
  const halt = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  };
  const base = await spawnOn(0);
  return {
    base,
    dir,
    database,
    logs: () => output,
    halt,
    async resume() { await spawnOn(new URL(base).port); },
    /** One value from the database, through Debian's sqlite3. */
    sql(query) {
      return execFileSync('sqlite3', [database, query], { encoding: 'utf8' }).trim();
    },
    /** No bookings, as a test that counts them starts (their audit rows and replays go too). */
    clearBookings() {
      this.sql('PRAGMA foreign_keys = ON; DELETE FROM replays; DELETE FROM audit; DELETE FROM bookings;');
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A demo site of a clinic (`demo/`) on a port of its own, so another origin than the widget's;
 * `{{JAZYLU}}` in its files is the widget's address, `host.widget`, set once the widget is up. */
export async function startHost({ port = 0 } = {}) {
  const TYPES = { html: 'text/html; charset=utf-8', css: 'text/css', js: 'text/javascript' };
  const host = { widget: '' };
  const server = createServer((req, res) => {
    const name = new URL(req.url, 'http://host').pathname.slice(1);
    const ext = name.split('.').pop();
    let body;
    try {
      body = /^[\w-]+\.(html|css|js)$/.test(name) && readFileSync(join(root, 'demo', name), 'utf8');
    } catch { body = null; }
    if (!body) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[ext], 'cache-control': 'no-store' });
    res.end(body.replaceAll('{{JAZYLU}}', host.widget));
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  host.base = `http://127.0.0.1:${server.address().port}`;
  host.close = () => new Promise((resolve) => server.close(resolve));
  return host;
}

/** Collects page errors, console errors and every request's origin, for assertions. */
export function watch(page) {
  // `crashes`: uncaught exceptions only (a wasm panic shows as `RuntimeError: unreachable`).
  const seen = { errors: [], crashes: [], origins: new Set() };
  page.on('pageerror', (e) => { seen.errors.push(String(e)); seen.crashes.push(String(e)); });
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('request', (r) => seen.origins.add(new URL(r.url()).origin));
  page.on('response', (r) => { if (r.status() >= 400) seen.errors.push(`${r.status()} ${r.url()}`); });
  return seen;
}

/** Fails when the page scrolls sideways (e.g. at 320 px). */
export async function noHorizontalScroll(page, what = 'page') {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  if (scroll > width) throw new Error(`${what} is ${scroll}px wide in a ${width}px window`);
}

/** The widget has mounted and loaded its catalogue. */
export async function widgetReady(page) {
  // The widget marks the moment its catalogue is in (scripts/bench reads the same mark).
  await page.waitForFunction(() => performance.getEntriesByName('jazylu-ready').length > 0, null, { timeout: 20_000 });
}

// Evaluated through the DevTools protocol, which the page's CSP does not restrict (a script tag
// would be refused, as it should).
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page as it is now and fails on any WCAG 2.2 A or AA violation. */
export async function axe(page, what) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  if (found.length) throw new Error(`axe on ${what}:\n${found.join('\n')}`);
}

/** The real server and a browser for a test file: started before its tests and stopped after
 * them; `use` receives both once they are up. */
export function serverAndBrowser(use, options) {
  let server;
  let browser;
  before(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
    use(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** The booking step's heading, "Шаг 2 из 5 Выберите время" and its kin in every language. */
export const stepHeading = (page, n) =>
  page.getByRole('heading', { level: 2, name: new RegExp(`^(Шаг ${n} из 5|Step ${n} of 5|Қадам ${n} / 5) `) });
