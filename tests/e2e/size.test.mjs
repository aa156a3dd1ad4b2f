// The size budget of the built widget: deterministic, so it can be a test. The whole widget (every
// wasm, js and css file a visitor can be sent, gzip -9, the stylesheets inlined in the page
// included) is at most 200 KiB.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { root } from './harness.mjs';

const dist = join(root, 'dist');
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const BUDGET = 200 * 1024;

function files(dir, pattern) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => pattern.test(f) && !/\.(gz|br)$/.test(f))
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
  assert.ok(sizes.some(([f]) => f.endsWith('.wasm')), 'a wasm file was built');
  console.log(sizes.map(([f, s]) => `${f}: ${s} B gzip`).join('\n'));
  console.log(`whole widget: ${(total(sizes) / 1024).toFixed(1)} KiB of ${BUDGET / 1024} KiB`);
  assert.ok(total(sizes) <= BUDGET, `the widget is ${total(sizes)} B gzip, budget ${BUDGET}`);
});
