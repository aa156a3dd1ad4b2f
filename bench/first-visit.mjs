// What a first visit costs: bytes on the wire (gzip and brotli) and time to prices painted and to
// an interactive widget, on an emulated mid-range phone (CPU 4x slower, 1.6 Mbit/s, 150 ms RTT);
// then how long "Book" takes to show the first booking step (the booking module loads then).
// Usage: node bench/first-visit.mjs http://127.0.0.1:PORT [runs]
import { once } from 'node:events';
import { createServer } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser } from '../tests/e2e/harness.mjs';

const base = process.argv[2];
const runs = Number(process.argv[3] ?? 7);
if (!base) throw new Error('usage: first-visit.mjs BASE_URL [runs]');

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

/** The first booking step's heading (kk): what the visitor waits for after "Book". */
const firstStep = (page) => page.getByRole('heading', { level: 2, name: /^1-қадам, барлығы 5 / });

/** `readFor`: how long the visitor reads the prices before pressing "Book". */
async function timings(url = base + '/', waitForWidget = true, readFor = 0) {
  const browser = await launchBrowser();
  const paint = [];
  const ready = [];
  const htmlDone = [];
  const book = [];
  const stepAt = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      // A fresh context has an empty cache: each run is a first visit, and what the page fetches
      // ahead (the catalogue preload) can still be used within it.
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(url);
      if (waitForWidget) await page.waitForFunction(() => performance.getEntriesByName('jazylu-ready').length > 0, null, { timeout: 60_000 });
      else await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      const t = await page.evaluate(() => ({
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        html: performance.getEntriesByType('navigation')[0]?.responseEnd,
        ready: performance.getEntriesByName('jazylu-ready')[0]?.startTime,
      }));
      paint.push(t.fcp);
      htmlDone.push(t.html);
      ready.push(t.ready);
      if (waitForWidget) {
        if (readFor) await page.waitForTimeout(readFor);
        const t0 = await page.evaluate(() => performance.now());
        await page.getByRole('link', { name: /^Жазылу: / }).first().click();
        await firstStep(page).waitFor({ timeout: 60_000 });
        const t1 = await page.evaluate(() => performance.now());
        book.push(t1 - t0);
        stepAt.push(t1);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { paint, ready, htmlDone, book, stepAt };
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
const floor = await timings(`http://127.0.0.1:${floorServer.address().port}/`, false);
floorServer.close();

const { paint, ready, htmlDone, book, stepAt } = await timings();
const reader = await timings(base + '/', true, 3000);
const ms = (xs) => xs.map((x) => Math.round(x)).join(', ');
console.log(`\nfirst visit, CPU 4x, 1.6 Mbit/s, 150 ms RTT, ${runs} runs:`);
console.log(`  floor (one-line page, first paint):      median ${Math.round(median(floor.paint))} ms  [${ms(floor.paint)}]`);
console.log(`  page html received:                      median ${Math.round(median(htmlDone))} ms  [${ms(htmlDone)}]`);
console.log(`  prices painted (first contentful paint): median ${Math.round(median(paint))} ms  [${ms(paint)}]`);
console.log(`  widget interactive (catalogue loaded):   median ${Math.round(median(ready))} ms  [${ms(ready)}]`);
console.log(`  "Book" as soon as ready, to the first step: median ${Math.round(median(book))} ms  [${ms(book)}]`);
console.log(`  ... the first step usable, from navigation: median ${Math.round(median(stepAt))} ms  [${ms(stepAt)}]`);
console.log(`  "Book" after reading 3 s, to the first step: median ${Math.round(median(reader.book))} ms  [${ms(reader.book)}]`);
