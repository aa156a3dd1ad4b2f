// The size budget of the built widget: deterministic, so it can be a test. The whole widget (every
// wasm, js and css file a visitor can be sent, gzip -9, the stylesheets and scripts inlined in the
// page included) is at most 200 KiB; the host page's loader, /embed.js, at most 3 KiB.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { root, startServer } from './harness.mjs';

const dist = join(root, 'dist');
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const BUDGET = 200 * 1024;

// The visitor's widget: dist/ without the staff pages (dist/staff/), which visitors never load.
function files(dir, pattern) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => pattern.test(f) && !/\.(gz|br)$/.test(f) && !f.startsWith('staff/'))
    .map((f) => join(dir, f));
}

function total(sizes) {
  return sizes.reduce((n, [, s]) => n + s, 0);
}

test('the whole widget is within 200 KiB gzip', () => {
  const sizes = files(dist, /\.(wasm|js|css)$/).map((f) => [relative(root, f), gz(readFileSync(f))]);
  // The stylesheets are inlined (minified) into the page.
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  const css = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
  assert.ok(css.includes('.jz-svc'), 'the widget stylesheet is inlined');
  sizes.push(['dist/index.html <style>', gz(css)]);
  // So is the frame script (public/frame.js); trunk's module loader is counted with it.
  const scripts = [...page.matchAll(/<script(?: type=module)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('');
  assert.ok(scripts.includes('ancestorOrigins'), 'the frame script is inlined');
  sizes.push(['dist/index.html <script>', gz(scripts)]);
  assert.ok(sizes.some(([f]) => f.endsWith('.wasm')), 'a wasm file was built');
  console.log(sizes.map(([f, s]) => `${f}: ${s} B gzip`).join('\n'));
  console.log(`whole widget: ${(total(sizes) / 1024).toFixed(1)} KiB of ${BUDGET / 1024} KiB`);
  assert.ok(total(sizes) <= BUDGET, `the widget is ${total(sizes)} B gzip, budget ${BUDGET}`);
});

test('the loader for host pages, /embed.js as served, is within 3 KiB gzip', async () => {
  // The server fills in its words: serve it the way a host page gets it.
  const server = await startServer();
  try {
    const body = Buffer.from(await (await fetch(`${server.base}/embed.js`)).arrayBuffer());
    assert.ok(body.includes('data-jazylu'), 'the loader');
    console.log(`embed.js: ${body.length} B, ${gz(body)} B gzip of 3072`);
    assert.ok(gz(body) <= 3 * 1024, `embed.js is ${gz(body)} B gzip`);
  } finally {
    await server.stop();
  }
});
