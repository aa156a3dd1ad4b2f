// The same slot, 1,000 concurrent attempts: exactly one may succeed.
// Usage: node bench/race.mjs BASE_URL BODY_JSON_FILE
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [base, file] = process.argv.slice(2);
const body = readFileSync(file, 'utf8').split('\n')[0];
const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
const attempt = () => new Promise((resolve) => {
  const req = http.request(`${base}/api/bookings`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', (e) => resolve(`error ${e.code}`));
  req.end(body);
});
const started = performance.now();
const statuses = await Promise.all(Array.from({ length: 1000 }, attempt));
const tally = {};
for (const s of statuses) tally[s] = (tally[s] ?? 0) + 1;
console.log(`race: 1000 concurrent attempts at one slot in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(tally)}`);
agent.destroy();
if (tally[201] !== 1 || tally[409] !== 999) process.exitCode = 1;
