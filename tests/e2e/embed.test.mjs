// The widget embedded on other sites: the demo clinic site (demo/) served from a second origin,
// the widget from the real server, in Debian's Chromium. A third origin, not in the allow-list,
// tries to frame it and to book.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { axe, launchBrowser, startHost, startServer, watch, widgetReady } from './harness.mjs';
import {
  ADULT, VERSIONS, W, atStep, book, chooseTime, consent, field, fillPerson, next, referenceOf, serviceName,
} from './flow.mjs';

let server;
let browser;
let host;
let foreign;
before(async () => {
  [host, foreign] = [await startHost(), await startHost()];
  server = await startServer({ args: ['--allowed-origins', host.base] });
  host.widget = foreign.widget = server.base;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await host?.close();
  await foreign?.close();
});

let opened = [];
afterEach(() => {
  const crashes = opened.flatMap((seen) => seen.crashes);
  opened = [];
  assert.deepEqual(crashes, [], 'no uncaught error in any page or frame');
});
beforeEach(() => {
  server.clearBookings();
});

/** A host site's stylesheet at its most hostile. */
const HOSTILE = '* { font-size: 40px !important; color: red !important }';
const PERSONAL = [ADULT.surname, ADULT.given_name, ADULT.iin, '701', 'Kaskelen'];

/** Opens a demo page (browser in English, so a host language shows it wins). Records the
 * widget's events as the host page gets them: DOM events on the embed element and messages. */
async function openHost(path, { base = host.base, hostile = false, viewport = { width: 390, height: 800 } } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: 'Asia/Almaty' });
  await context.addInitScript(() => {
    if (window.top !== window) return;
    window.seenEvents = [];
    window.seenMessages = [];
    for (const name of ['viewed', 'service-selected', 'slot-selected', 'submitted', 'failed']) {
      document.addEventListener(`jazylu:${name}`, (e) => window.seenEvents.push({ type: e.type, ...e.detail }), true);
    }
    addEventListener('message', (e) => {
      if (e.data?.type !== 'jazylu:height') window.seenMessages.push({ origin: e.origin, ...e.data });
    });
  });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  if (hostile) await page.route('**/host.css', (route) => route.fulfill({ contentType: 'text/css', body: HOSTILE }));
  const seen = watch(page);
  opened.push(seen);
  await page.goto(`${base}/${path}`);
  return { page, context, requests, seen };
}

/** The widget's frame, once it has loaded its catalogue. */
async function widgetFrame(page) {
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await widgetReady(frame);
  return frame;
}

/** The frame's height equals its content's: no inner scrollbar, nothing clipped. Returns it once
 * it has held for two looks in a row (the host sets it a message after the content changes). */
async function fitted(page, frame) {
  const look = async () => [
    await frame.evaluate(() => document.documentElement.scrollHeight),
    (await page.locator('iframe').boundingBox()).height,
  ];
  let [inner, outer] = await look();
  for (let held = 0, tries = 0; held < 2 && tries < 50; tries++) {
    await page.waitForTimeout(100);
    const [i, o] = await look();
    held = Math.abs(i - o) <= 1 && i === inner ? held + 1 : 0;
    [inner, outer] = [i, o];
  }
  assert.ok(Math.abs(inner - outer) <= 1, `frame ${outer}px for ${inner}px of content`);
  return outer;
}

const types = (list) => list.map((e) => e.type);
const noPersonalData = (list) => {
  const text = JSON.stringify(list);
  for (const p of PERSONAL) assert.ok(!text.includes(p), `an event holds ${p}: ${text}`);
};

test('an iframe on a link-in-bio page fits its content at every step, and books with channel iframe and the utm tags', async () => {
  const { page, context, seen } = await openHost('iframe.html');
  const frame = await widgetFrame(page);
  await axe(page, 'the host page');
  await axe(frame, 'the framed doctor step');
  const heights = [await fitted(page, frame)];
  await chooseTime(frame, 'en', 'any');
  heights.push(await fitted(page, frame));
  await fillPerson(frame, 'en', 'patient', { ...ADULT, phone: '8 701 123 45 67' });
  await field(frame, 'en', 'address').fill('Kaskelen');
  await next(frame, 'en');
  await atStep(frame, 4);
  heights.push(await fitted(page, frame));
  // The consent's full text opened in place: the frame grows, and shrinks when it is closed.
  const summary = frame.locator('summary').first();
  await summary.click();
  heights.push(await fitted(page, frame));
  await summary.click();
  heights.push(await fitted(page, frame));
  assert.ok(heights[3] > heights[2] + 100 && Math.abs(heights[4] - heights[2]) <= 1, `heights ${heights}`);
  assert.ok(heights[1] !== heights[0], `a new step, a new height: ${heights}`);
  await consent(frame, 'en');
  // The first try is lost on the network: the host hears `failed` with its code, then the retry.
  await context.route(`${server.base}/api/bookings`, (route) => route.abort('internetdisconnected'), { times: 1 });
  await book(frame, 'en');
  await frame.getByRole('button', { name: 'Try again' }).click();
  await referenceOf(frame).waitFor();
  heights.push(await fitted(page, frame));
  await axe(frame, 'the framed confirmation');
  const link = await frame.getByRole('link', { name: /#manage=/ }).getAttribute('href');
  assert.ok(link.startsWith(`${server.base}/?lang=en#manage=`), `the manage link is the widget's own page: ${link}`);

  assert.equal(server.sql('SELECT channel FROM bookings'), 'iframe');
  assert.deepEqual(JSON.parse(server.sql('SELECT utm FROM bookings')), { utm_source: 'bio', utm_campaign: 'winter' });
  const messages = await page.evaluate(() => window.seenMessages);
  assert.deepEqual(types(messages), ['jazylu:viewed', 'jazylu:service-selected', 'jazylu:slot-selected', 'jazylu:failed', 'jazylu:submitted']);
  assert.ok(messages.every((m) => m.origin === server.base), 'every message from the widget origin');
  const reference = (await referenceOf(frame).innerText()).trim();
  assert.deepEqual(messages[3], { origin: server.base, type: 'jazylu:failed', code: 'network' });
  assert.deepEqual(messages[4], { origin: server.base, type: 'jazylu:submitted', reference });
  assert.equal(messages[1].service, 'visit-first');
  assert.match(messages[2].start, /^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
  noPersonalData(messages);
  assert.deepEqual(seen.errors, ['Failed to load resource: net::ERR_INTERNET_DISCONNECTED'], 'only the lost try');
  await context.close();
});

test('inline on the clinic site: the host language wins, its CSS changes nothing, events arrive in order, and it books', async () => {
  const { page, context, seen } = await openHost('inline.html?utm_source=site&utm_medium=cpc&utm_term=%3Cb%3E', { hostile: true });
  const frame = await widgetFrame(page);
  const first = await (await fetch(frame.url())).text();
  assert.match(first, /<html lang="ru"/, 'the first paint is in the host language, not the browser one');
  const heading = frame.getByRole('heading', { level: 2, name: /^Шаг 1 из 5 / });
  await heading.waitFor();
  const look = await heading.evaluate((h) => ({ color: getComputedStyle(h).color, size: getComputedStyle(h).fontSize }));
  assert.notEqual(look.color, 'rgb(255, 0, 0)');
  assert.notEqual(look.size, '40px');
  await axe(page, 'the clinic site');
  await axe(frame, 'the inline widget');

  await chooseTime(frame, 'ru', 'any');
  await fillPerson(frame, 'ru', 'patient', ADULT);
  await field(frame, 'ru', 'address').fill('Kaskelen');
  await next(frame, 'ru');
  await consent(frame, 'ru');
  await book(frame, 'ru');
  await referenceOf(frame).waitFor();
  await fitted(page, frame);

  assert.equal(server.sql("SELECT channel || ' ' || lang FROM bookings"), 'inline ru');
  assert.deepEqual(JSON.parse(server.sql('SELECT utm FROM bookings')), { utm_source: 'site', utm_medium: 'cpc' });
  const events = await page.evaluate(() => window.seenEvents);
  assert.deepEqual(types(events), ['jazylu:viewed', 'jazylu:service-selected', 'jazylu:slot-selected', 'jazylu:submitted']);
  assert.deepEqual(Object.keys(events[2]).sort(), ['doctor', 'service', 'start', 'type']);
  noPersonalData(events);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the button loads nothing heavy before the click, opens an accessible dialog, closes on Escape, and books', async () => {
  const { page, context, requests, seen } = await openHost('button.html?utm_source=site', { hostile: true, viewport: { width: 320, height: 640 } });
  const button = page.getByRole('button', { name: 'Дәрігерге жазылу' });
  await button.waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(requests.filter((u) => u.startsWith(server.base)), [`${server.base}/embed.js`], 'only the loader before the click');
  const look = await button.evaluate((b) => ({ bg: getComputedStyle(b).backgroundColor, size: getComputedStyle(b).fontSize }));
  assert.deepEqual(look, { bg: 'rgb(122, 31, 92)', size: '16px' }, 'the brand colour, and not the host CSS');
  await axe(page, 'the clinic site with the button');

  const focused = () => page.evaluate(() => document.querySelector('[data-jazylu]').shadowRoot.activeElement?.textContent);
  const dialog = page.getByRole('dialog', { name: 'Онлайн жазылу' });
  await button.click();
  await dialog.waitFor();
  assert.equal(await focused(), 'Жабу', 'focus moves into the dialog');
  const frame = await widgetFrame(page);
  await axe(page, 'the open dialog');
  await axe(frame, 'the price list in the dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focused(), 'Дәрігерге жазылу', 'focus returns to the button');

  // Escape with focus inside the frame closes the dialog as well.
  await button.click();
  await frame.getByRole('link', { name: `${W.kk.book}: ${serviceName('visit-first', 'kk')}` }).click();
  await atStep(frame, 1);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focused(), 'Дәрігерге жазылу');

  await button.click();
  await atStep(frame, 1);
  await chooseTime(frame, 'kk', 'any');
  await fillPerson(frame, 'kk', 'patient', ADULT);
  await field(frame, 'kk', 'address').fill('Kaskelen');
  await next(frame, 'kk');
  await consent(frame, 'kk');
  await book(frame, 'kk');
  await referenceOf(frame).waitFor();
  assert.equal(server.sql("SELECT channel || ' ' || lang || ' ' || utm FROM bookings"), 'button kk {"utm_source":"site"}');
  const events = await page.evaluate(() => window.seenEvents);
  assert.deepEqual(types(events), ['jazylu:viewed', 'jazylu:service-selected', 'jazylu:slot-selected', 'jazylu:submitted']);
  noPersonalData(events);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a site not in the allow-list can neither frame the widget nor book through it', async () => {
  const { page, context } = await openHost('inline.html', { base: foreign.base });
  const frameEl = page.locator('iframe');
  await frameEl.waitFor({ state: 'attached' });
  await page.waitForTimeout(1_000);
  const frame = await (await frameEl.elementHandle()).contentFrame();
  assert.equal(await frame.locator('#jazylu').count(), 0, 'the page does not render in a frame there');

  const body = JSON.stringify({ service: 'visit-first', consents: { offer: true, personal_data: true, ...VERSIONS } });
  // A page script's JSON post dies at the preflight; a "simple" post that needs none is refused.
  const outcome = await page.evaluate(async ([url, body]) => {
    const json = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(() => 'sent', (e) => e.name);
    await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }).catch(() => {});
    return json;
  }, [`${server.base}/api/bookings`, body]);
  assert.equal(outcome, 'TypeError');
  const refused = await fetch(`${server.base}/api/bookings`, { method: 'POST', headers: { origin: foreign.base, 'content-type': 'application/json' }, body });
  assert.equal(refused.status, 403);
  assert.equal((await refused.json()).code, 'origin_not_allowed');
  assert.equal(refused.headers.get('access-control-allow-origin'), null);
  const preflight = (origin) => fetch(`${server.base}/api/bookings`, {
    method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  assert.equal((await preflight(foreign.base)).headers.get('access-control-allow-origin'), null);
  assert.equal((await preflight(host.base)).headers.get('access-control-allow-origin'), host.base);
  assert.equal(server.sql('SELECT count(*) FROM bookings'), '0');

  const res = await fetch(`${server.base}/`);
  assert.match(res.headers.get('content-security-policy'), new RegExp(`frame-ancestors 'self' ${host.base}$`));
  assert.equal(res.headers.get('x-frame-options'), null);
  await context.close();
});

test('the hosted link opens at the service with the doctor chosen, ignores what it does not know, and drops the manage fragment', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  opened.push(watch(page));
  await page.goto(`${server.base}/?lang=ru&service=visit-first&doctor=akhmetov&utm_source=instagram&colour=%3Cx%3E`);
  await widgetReady(page);
  await atStep(page, 2);
  await page.getByRole('button', { name: 'Назад' }).click();
  await atStep(page, 1);
  assert.equal(await page.getByRole('button', { name: /^Нурлан Ахметов/, pressed: true }).count(), 1, 'the named doctor is chosen');
  await page.goto(`${server.base}/?lang=ru&service=visit-first&doctor=kassymova`);
  await widgetReady(page);
  await atStep(page, 1);
  await page.goto(`${server.base}/?lang=en&service=nothing-like-it&doctor=%00`);
  await widgetReady(page);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await axe(page, 'the hosted price list');

  await page.goto(`${server.base}/?lang=en#manage=JZ-AAAAAA.not-a-token`);
  await widgetReady(page);
  await page.getByText('Booking not found. Please check the link.').first().waitFor();
  assert.equal(new URL(page.url()).hash, '', 'the fragment leaves the address bar once read');
  await context.close();
});
