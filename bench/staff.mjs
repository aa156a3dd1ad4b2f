// What the staff pages cost: their bytes, and on an unthrottled desktop and on the phone profile
// (CPU 4x slower, 1.6 Mbit/s, 150 ms RTT) the time from opening /staff/ to the sign-in form, and
// from choosing a price list of the sample's 12 services (CSV) to its preview in three languages.
// Usage: node bench/staff.mjs [runs]     (JAZYLU_SERVER_BIN: the server, release build)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, root, startServer } from '../tests/e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 7);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const TOKEN = 'bench-staff-token-0000001';

const dist = join(root, 'dist/staff');
const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f));
const bytes = files.map((f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length).reduce((a, b) => a + b, 0);
console.log(`staff pages: ${files.length} files, ${(bytes / 1024).toFixed(1)} KiB gzip (${files.join(', ')})`);

// The sample's services as a sheet.
const cat = JSON.parse(readFileSync(join(root, 'data/catalogue.sample.json'), 'utf8'));
const rows = cat.services.map((s) => [s.category, s.id, s.name.kk, s.name.ru, s.name.en, s.price, s.promo?.price ?? '',
  s.promo?.from ?? '', s.promo?.until ?? '', s.duration_min, s.doctors.join(' '), s.needs_informed_consent ? 'yes' : 'no']
  .map((c) => `"${String(c).replaceAll('"', '""')}"`).join(';'));
const sheet = Buffer.from(['category;id;name_kk;name_ru;name_en;price;promo_price;promo_from;promo_until;duration_min;doctors;informed_consent', ...rows].join('\r\n'));

const server = await startServer({ args: ['--staff-token', TOKEN] });
const browser = await launchBrowser();

async function visit(phone) {
  const context = await browser.newContext({ locale: 'en-US', viewport: phone ? { width: 360, height: 740 } : { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    if (phone) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const t0 = Date.now();
    await page.goto(`${server.base}/staff/`);
    await page.getByLabel('Staff token').waitFor({ timeout: 60_000 });
    const signIn = Date.now() - t0;
    await page.getByLabel('Staff token').fill(TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Price list' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Choose a CSV or JSON file').click();
    const t1 = Date.now();
    await (await chooser).setFiles({ name: 'prices.csv', mimeType: 'text/csv', buffer: sheet });
    await page.getByText('No problems found').waitFor({ timeout: 60_000 });
    await page.frameLocator('iframe[title^="English"]').getByText(cat.services[0].name.en).waitFor({ timeout: 60_000 });
    const preview = Date.now() - t1;
    return { signIn, preview };
  } finally {
    await context.close();
  }
}

try {
  for (const phone of [false, true]) {
    const got = [];
    for (let i = 0; i < runs; i++) got.push(await visit(phone));
    const what = phone ? 'phone profile' : 'desktop, unthrottled';
    console.log(`${what}: open to the sign-in form ${median(got.map((g) => g.signIn))} ms, ` +
      `a 12-service CSV chosen to its preview in three languages ${median(got.map((g) => g.preview))} ms (medians of ${runs})`);
  }
} finally {
  await browser.close();
  await server.stop();
}
