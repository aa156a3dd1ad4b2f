// Minifies the wasm-bindgen loaders in dist/ and their snippets (trunk's own JS minifier cannot
// parse them) and updates their subresource-integrity hashes in dist/index.html.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');

async function minifyFile(path) {
  const source = readFileSync(path);
  const { code } = await minify(source.toString('utf8'), { module: true, compress: { passes: 2 }, mangle: true });
  writeFileSync(path, code);
  console.log(`[build] minified ${path}: ${source.length} -> ${code.length} bytes`);
  return [source, code];
}

// The page names the widget's loader and its snippets with an integrity hash (so they must
// change together).
const named = [
  ...readdirSync(dist).filter((f) => f.endsWith('.js')),
  ...readdirSync(dist, { recursive: true }).filter((f) => f.startsWith('snippets') && f.endsWith('.js')),
];
for (const file of named) {
  const [source, code] = await minifyFile(join(dist, file));
  const before = sri(source);
  if (!index.includes(before)) throw new Error(`no integrity for ${file} in index.html`);
  index = index.replaceAll(before, sri(code));
}
writeFileSync(indexPath, index);
