// Times core's free_slots as wasm in Debian's Chromium: the widget built with the `bench` feature
// (scripts/bench builds it into the directory given), endoscopy with any of its
// 3 doctors over 60 days, every third slot busy. Once at full speed, once with the CPU slowed 4×
// (a mid-range phone). Usage: node bench/slots.mjs DIR CATALOGUE [RUNS]
import { createServer } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { launchBrowser } from '../tests/e2e/harness.mjs';

const [dir, cataloguePath, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 101);
// trunk's loader, named with its content hash.
const loader = readdirSync(dir).find((f) => /^jazylu-[0-9a-f]+\.js$/.test(f));
const wasm = readdirSync(dir).find((f) => /^jazylu-[0-9a-f]+_bg\.wasm$/.test(f));
const catalogue = JSON.parse(readFileSync(cataloguePath, 'utf8'));
catalogue.clinic.policies.horizon_days = 60;

const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const server = createServer((req, res) => {
  const path = req.url === '/' ? null : join(dir, req.url.split('?')[0]);
  if (!path) {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!doctype html><title>slots</title>');
  }
  try {
    const body = readFileSync(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launchBrowser();
const page = await browser.newPage();
await page.goto(base + '/');
const cdp = await page.context().newCDPSession(page);
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const times = await page.evaluate(async ({ text, runs, loader, wasm }) => {
    const m = await import(`/${loader}`);
    await m.default({ module_or_path: `/${wasm}` });
    return Array.from(m.bench_free_slots(text, 'endoscopy', runs));
  }, { text: JSON.stringify(catalogue), runs, loader, wasm });
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`free_slots in Chromium (wasm), 3 doctors x 60 days, CPU ${rate}x: median ${median.toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms over ${runs} runs`);
}
await browser.close();
server.close();
