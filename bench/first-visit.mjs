// What a first visit costs: bytes on the wire (gzip and brotli) and time to prices painted and to
// an interactive widget, on an emulated mid-range phone (CPU 4x slower, 1.6 Mbit/s, 150 ms RTT);
// then how long "Book" takes to show the first booking step. Given other servers (earlier
// builds), it measures them all in the same run, visit by visit in turn.
// Usage: node bench/first-visit.mjs http://127.0.0.1:PORT [runs] [NAME=http://127.0.0.1:PORT...]
import { once } from 'node:events';
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/e2e/harness.mjs';

const [base, runsArg, ...others] = process.argv.slice(2);
const runs = Number(runsArg ?? 7);
if (!base) throw new Error('usage: first-visit.mjs BASE_URL [runs] [NAME=BASE_URL...]');

const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kib = (n) => (n / 1024).toFixed(1);

async function sizes() {
  const html = await (await fetch(base + '/?lang=kk')).text();
  // trunk's minifier leaves attribute values unquoted.
  const assets = [...html.matchAll(/(?:href|src)=["']?(\/[^"'\s>]+\.(?:js|wasm|css))/g)].map((m) => m[1]);
  const wasmInJs = [...html.matchAll(/'(\/[^']+\.wasm)'/g)].map((m) => m[1]);
  const rows = [['page html (with inline css, kk)', Buffer.from(html)]];
  for (const path of new Set([...assets, ...wasmInJs])) {
    rows.push([path.slice(1), Buffer.from(await (await fetch(base + path)).arrayBuffer())]);
  }
  rows.push(['api/catalog', Buffer.from(await (await fetch(base + '/api/catalog')).arrayBuffer())]);
  return rows.map(([name, body]) => ({ name, raw: body.length, gzip: gzip(body), brotli: brotli(body) }));
}

// Timed in the page, so the figures are what the visitor waits for and not the test driver's own
// work (at 4x CPU, Playwright's actionability checks and polling for a role add 100-300 ms).
// "Book" is timed from the click event to the first frame painted after the first step's heading
// is in the page.
const instrument = () => {
  window.__jz = {};
  document.addEventListener('click', (e) => { window.__jz.click ??= e.timeStamp; }, { capture: true });
  new MutationObserver((_, observer) => {
    const heading = [...document.querySelectorAll('h2')].find((h) => /^1-қадам/.test(h.textContent.trim()));
    if (!heading) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__jz.step = performance.now(); }));
  }).observe(document, { childList: true, subtree: true });
};

/** One first visit in a fresh context; `readFor`: how long the visitor reads the prices before
 * pressing "Book" (null: the page is only painted, nothing is pressed). */
async function visit(browser, url, readFor) {
  const context = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(instrument);
    const cdp = await context.newCDPSession(page);
    // A fresh context has an empty cache: each run is a first visit, and what the page fetches
    // ahead (the catalogue preload) can still be used within it.
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url);
    if (readFor === null) {
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    } else {
      await page.waitForFunction(() => performance.getEntriesByName('jazylu-ready').length > 0, null, { timeout: 60_000 });
      if (readFor) await page.waitForTimeout(readFor);
      await page.getByRole('link', { name: /^Жазылу: / }).first().click();
      await page.waitForFunction(() => window.__jz.step, null, { timeout: 60_000 });
    }
    return await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      html: performance.getEntriesByType('navigation')[0]?.responseEnd,
      ready: performance.getEntriesByName('jazylu-ready')[0]?.startTime,
      book: window.__jz.step - window.__jz.click,
      stepAt: window.__jz.step,
    }));
  } finally {
    await context.close();
  }
}

/** `runs` visits to each URL, taken in turn so that the machine's noise falls on all alike. */
async function timings(urls, readFor) {
  const browser = await launchBrowser();
  const all = urls.map(() => []);
  try {
    for (let i = 0; i < runs; i++) {
      for (const [k, url] of urls.entries()) all[k].push(await visit(browser, url, readFor));
    }
  } finally {
    await browser.close();
  }
  return all.map((visits) => Object.fromEntries(Object.keys(visits[0]).map((key) => [key, visits.map((v) => v[key])])));
}

const rows = await sizes();
console.log('| file | raw | gzip | brotli |');
console.log('|---|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${kib(r.raw)} KiB | ${kib(r.gzip)} KiB | ${kib(r.brotli)} KiB |`);
const widget = rows.filter((r) => /\.(wasm|js)$/.test(r.name));
const sum = (k) => widget.reduce((n, r) => n + r[k], 0);
console.log(`| **widget (wasm + js)** | ${kib(sum('raw'))} KiB | ${kib(sum('gzip'))} KiB | ${kib(sum('brotli'))} KiB |`);
const all = (k) => rows.reduce((n, r) => n + r[k], 0);
console.log(`| **first visit, all** | ${kib(all('raw'))} KiB | ${kib(all('gzip'))} KiB | ${kib(all('brotli'))} KiB |`);

// The floor: a one-line page from a bare local server, under the same throttling. This machine is
// shared and slow to paint under 4x CPU throttling; the widget's figures read against this.
const floorServer = createServer((_, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end('<!doctype html><html lang=kk><meta charset=utf-8><link rel=icon href="data:,"><p>Сәлем</p>');
}).listen(0, '127.0.0.1');
await once(floorServer, 'listening');
const [floor] = await timings([`http://127.0.0.1:${floorServer.address().port}/`], null);
floorServer.close();

const builds = [['this build', base], ...others.map((o) => [o.slice(0, o.indexOf('=')), o.slice(o.indexOf('=') + 1)])];
const eager = await timings(builds.map(([, url]) => url + '/'), 0);
const reader = await timings(builds.map(([, url]) => url + '/'), 3000);
const ms = (xs) => `median ${Math.round(median(xs))} ms  [${xs.map((x) => Math.round(x)).join(', ')}]`;
console.log(`\nfirst visit, CPU 4x, 1.6 Mbit/s, 150 ms RTT, ${runs} runs:`);
console.log(`  floor (one-line page, first paint):         ${ms(floor.paint)}`);
for (const [k, [name]] of builds.entries()) {
  const t = eager[k];
  console.log(`${name}:`);
  console.log(`  page html received:                         ${ms(t.html)}`);
  console.log(`  prices painted (first contentful paint):    ${ms(t.paint)}`);
  console.log(`  widget interactive (catalogue loaded):      ${ms(t.ready)}`);
  console.log(`  "Book" as soon as ready, to the first step: ${ms(t.book)}`);
  console.log(`  ... the first step painted, from navigation: ${ms(t.stepAt)}`);
  console.log(`  "Book" after reading 3 s, to the first step: ${ms(reader[k].book)}`);
}
