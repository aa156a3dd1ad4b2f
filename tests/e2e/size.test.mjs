// The size budget of the built widget: deterministic, so it can be a test.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { root } from './harness.mjs';

const BUDGET = 80 * 1024;

test('wasm + js + css are within 80 KiB gzip', () => {
  const dist = join(root, 'dist');
  const files = readdirSync(dist).filter((f) => /\.(wasm|js)$/.test(f)).map((f) => join(dist, f));
  const sizes = files.map((f) => [f, gzipSync(readFileSync(f), { level: 9 }).length]);
  // The stylesheet is inlined (minified) into the page.
  const css = readFileSync(join(dist, 'index.html'), 'utf8').match(/<style>([^<]*)<\/style>/)?.[1] ?? '';
  assert.ok(css.includes('.jz-svc'), 'the widget stylesheet is inlined');
  sizes.push(['dist/index.html <style>', gzipSync(css, { level: 9 }).length]);
  const total = sizes.reduce((n, [, s]) => n + s, 0);
  console.log(sizes.map(([f, s]) => `${f.replace(root + '/', '')}: ${s} B gzip`).join('\n'));
  console.log(`total ${(total / 1024).toFixed(1)} KiB of ${BUDGET / 1024} KiB`);
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'a wasm file was built');
  assert.ok(total <= BUDGET, `widget is ${total} B gzip, budget ${BUDGET}`);
});
