// The size budgets of the built widget: deterministic, so they can be tests. A first visit loads
// the price list (wasm, its JS loader and snippets, the inlined stylesheet); the booking module
// (dist/booking/) is loaded only when a visitor books.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { root } from './harness.mjs';

const dist = join(root, 'dist');
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

function files(dir, pattern) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => pattern.test(f) && !/\.(gz|br)$/.test(f))
    .map((f) => join(dir, f));
}

function report(name, sizes, budget) {
  const total = sizes.reduce((n, [, s]) => n + s, 0);
  console.log(sizes.map(([f, s]) => `${f}: ${s} B gzip`).join('\n'));
  console.log(`${name}: ${(total / 1024).toFixed(1)} KiB of ${budget / 1024} KiB`);
  return total;
}

test('a first visit (the price list) is within 80 KiB gzip', () => {
  const own = files(dist, /\.(wasm|js)$/).filter((f) => !f.startsWith(join(dist, 'booking')));
  const sizes = own.map((f) => [relative(root, f), gz(readFileSync(f))]);
  // The stylesheet is inlined (minified) into the page.
  const css = readFileSync(join(dist, 'index.html'), 'utf8').match(/<style>([^<]*)<\/style>/)?.[1] ?? '';
  assert.ok(css.includes('.jz-svc'), 'the widget stylesheet is inlined');
  sizes.push(['dist/index.html <style>', gz(css)]);
  assert.ok(own.some((f) => f.endsWith('.wasm')), 'a wasm file was built');
  const total = report('first visit', sizes, 80 * 1024);
  assert.ok(total <= 80 * 1024, `first visit is ${total} B gzip, budget ${80 * 1024}`);
});

test('the booking module is within 90 KiB gzip', () => {
  const own = files(join(dist, 'booking'), /\.(wasm|js|css)$/);
  const names = own.map((f) => f.split('/').pop());
  for (const f of ['booking.css', 'jazylu_booking.js', 'jazylu_booking_bg.wasm']) assert.ok(names.includes(f), f);
  const total = report('booking module', own.map((f) => [relative(root, f), gz(readFileSync(f))]), 90 * 1024);
  assert.ok(total <= 90 * 1024, `booking module is ${total} B gzip, budget ${90 * 1024}`);
});
