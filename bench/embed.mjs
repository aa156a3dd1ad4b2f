// What embedding costs a host page: the loader's bytes, what the page fetches from the widget
// before anyone clicks, and, on an emulated mid-range phone (CPU 4x slower, 1.6 Mbit/s, 150 ms
// RTT), the time from a click on the booking button to the price list ready in its dialog (the
// host hears `jazylu:viewed`), and from a page with the widget inline to the same event.
// The demo site (demo/) on an origin of its own, the real release server on another.
// Usage: node bench/embed.mjs [runs]     (JAZYLU_SERVER_BIN: the server, release build)
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser, startHost, startServer } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const host = await startHost();
const server = await startServer({ args: ['--allowed-origins', host.base] });
host.widget = server.base;
const browser = await launchBrowser();

// The host hears the widget's events on its element (they bubble out of the shadow root's host).
const listen = () => {
  window.__jz = {};
  document.addEventListener('click', (e) => { window.__jz.click ??= e.timeStamp; }, { capture: true });
  document.addEventListener('jazylu:viewed', () => { window.__jz.viewed ??= performance.now(); }, { capture: true });
};

async function visit(path, click) {
  const context = await browser.newContext({ locale: 'kk-KZ', viewport: { width: 360, height: 740 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(listen);
    const before = [];
    page.on('request', (r) => { if (r.url().startsWith(server.base)) before.push(r.url()); });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(`${host.base}/${path}`);
    let fetched = null;
    if (click) {
      const button = page.getByRole('button', { name: 'Дәрігерге жазылу' });
      await button.waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      fetched = [...before];
      await button.click();
    }
    await page.waitForFunction(() => window.__jz.viewed, null, { timeout: 60_000 });
    const t = await page.evaluate(() => ({
      viewed: window.__jz.viewed, click: window.__jz.click,
      button: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
    }));
    return { ...t, fetched };
  } finally {
    await context.close();
  }
}

try {
  const loader = Buffer.from(await (await fetch(`${server.base}/embed.js`)).arrayBuffer());
  console.log(`embed.js: ${loader.length} B, gzip -9 ${gzipSync(loader, { level: 9 }).length} B, ` +
    `brotli ${brotliCompressSync(loader, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length} B`);
  const button = [];
  const inline = [];
  for (let i = 0; i < runs; i++) {
    button.push(await visit('button.html', true));
    inline.push(await visit('inline.html', false));
  }
  const fetched = button[0].fetched.map((u) => new URL(u).pathname);
  console.log(`before the click the host page fetched from the widget: ${fetched.join(', ')}`);
  console.log(`button: click to price list ready in the dialog, median of ${runs}: ` +
    `${Math.round(median(button.map((r) => r.viewed - r.click)))} ms`);
  console.log(`inline: page start to price list ready in the frame, median of ${runs}: ` +
    `${Math.round(median(inline.map((r) => r.viewed)))} ms`);
} finally {
  await browser.close();
  await server.stop();
  await host.close();
}
