// A widget rebuilt under the running server, as a deploy does it: new hashed files, the old ones
// gone, a new page. The next visitor's page names files that exist, and the widget starts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, launchBrowser, root, startServer, watch, widgetReady } from './harness.mjs';

/** Opens the hosted page and waits for the widget; returns every answer of 400 or more. */
async function visit(browser, base) {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  const page = await context.newPage();
  const seen = watch(page);
  const failed = [];
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${base}/?lang=kk`);
  await widgetReady(page);
  await page.getByRole('link', { name: /^Жазылу: / }).first().waitFor();
  await axe(page, 'prices after a deploy');
  await context.close();
  return { failed, crashes: seen.crashes };
}

test('a rebuild of dist/ under the running server: the next page load starts the widget, with no 404', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'jazylu-dist-'));
  cpSync(join(root, 'dist'), dist, { recursive: true });
  const server = await startServer({ dist });
  const browser = await launchBrowser();
  try {
    assert.deepEqual(await visit(browser, server.base), { failed: [], crashes: [] });

    // The same build under another content hash, the old files removed, as trunk replaces dist/.
    const page = readFileSync(join(dist, 'index.html'), 'utf8');
    const old = /jazylu-([0-9a-f]{16})/.exec(page)[1];
    const fresh = old === 'feedfacefeedface' ? 'facefeedfacefeed' : 'feedfacefeedface';
    for (const file of readdirSync(dist).filter((f) => f.includes(old))) {
      renameSync(join(dist, file), join(dist, file.replace(old, fresh)));
    }
    writeFileSync(join(dist, 'index.html'), page.replaceAll(old, fresh));

    assert.deepEqual(await visit(browser, server.base), { failed: [], crashes: [] }, 'the new build, whole');
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
});
