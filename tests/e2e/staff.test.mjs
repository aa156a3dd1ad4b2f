// The staff pages in a real browser, against the real server and SQLite file, by keyboard alone:
// an administrator checks a price list with mistakes, fixes it, previews it in three languages
// and publishes it; an operator confirms a request made through the widget, and the visitor's
// manage page shows it confirmed. axe on every screen.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { axe, noHorizontalScroll, serverAndBrowser, watch, widgetReady } from './harness.mjs';
import { ADULT, book, chooseTime, consent, fillPerson, field, next, referenceOf } from './flow.mjs';

const ADMIN = 'admin-e2e-token-000000001';
const RECEPTION = 'reception-e2e-token-00002';

let server;
let browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]), {
  args: ['--staff-token', `admin:${ADMIN},reception:${RECEPTION}`],
});

let opened = [];
afterEach(() => {
  const crashes = opened.flatMap((seen) => seen.crashes);
  // What the pages said before they crashed, for whoever reads the failure.
  if (crashes.length) console.log(opened.map((seen) => seen.errors));
  opened = [];
  assert.deepEqual(crashes, [], 'no uncaught error in the page');
});

const HEADER = 'category;id;name_kk;name_ru;name_en;price;promo_price;promo_from;promo_until;duration_min;doctors;informed_consent';
const REPEAT = 'consultations;visit-repeat;Қайта қабылдау;Повторный приём;Repeat visit;"13 500";;;;20;zhumabayeva akhmetov;нет';
const AUDIOMETRY = 'diagnostics;audiometry;Аудиометрия;Аудиометрия;Audiometry;6000;;;;30;zhumabayeva kassymova;да';
const sheet = (rows) => Buffer.from(`\u{feff}${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8');

/** Presses `key` on an element reached as the keyboard reaches it (focus, then a key). */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.press(key);
}

async function signIn(page, token) {
  const input = page.getByLabel('Staff token');
  await input.focus();
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
}

async function staffPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  opened.push(watch(page));
  await page.goto(`${server.base}/staff/`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  return { page, context };
}

/** Chooses a file through the file chooser, opened from the keyboard. */
async function chooseFile(page, name, buffer) {
  const chooser = page.waitForEvent('filechooser');
  await press(page.getByLabel('Choose a CSV or JSON file'), 'Space');
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer });
}

test('an administrator sees both mistakes located, fixes the file, previews it in three languages and publishes it', async () => {
  const { page, context } = await staffPage();
  const res = await page.goto(`${server.base}/staff/`);
  assert.equal(res.headers()['cache-control'], 'no-store');
  assert.match(res.headers()['content-security-policy'], /frame-ancestors 'none'/);
  await axe(page, 'sign in');

  await signIn(page, 'not-the-right-token-at-all');
  await page.getByRole('alert').getByText('This token is not valid. Check it and try again.').waitFor();
  await page.getByLabel('Staff token').fill('');
  await signIn(page, ADMIN);
  await page.getByRole('heading', { level: 1, name: 'Bookings' }).waitFor();
  await press(page.getByRole('button', { name: 'Price list' }));
  await page.getByRole('heading', { level: 1, name: 'Price list' }).waitFor();
  await page.getByRole('cell', { name: 'file', exact: true }).waitFor();
  assert.equal(await page.getByRole('row').count(), 2, 'the versions: a header and the file\'s version');
  await axe(page, 'price list, nothing chosen');

  // Two mistakes: a visit of 61 minutes, and an English name left out.
  const long = REPEAT.replace(';20;', ';61;');
  const noEnglish = AUDIOMETRY.replace('Audiometry', '');
  await chooseFile(page, 'prices.csv', sheet([long, noEnglish]));
  await page.getByText('2 problem(s) found.', { exact: false }).waitFor();
  const problems = await page.getByRole('listitem').filter({ hasText: /^Row / }).allInnerTexts();
  assert.deepEqual(problems, [
    'Row 2, column duration_min: The duration must be 5 to 60 minutes.',
    'Row 3, column name_en: A translation is missing.',
  ]);
  assert.ok(await page.getByRole('button', { name: 'Publish' }).isDisabled(), 'nothing to publish yet');
  await axe(page, 'a draft with problems');

  // Fixed: both rows valid; the preview shows them in each language.
  await chooseFile(page, 'prices.csv', sheet([REPEAT, AUDIOMETRY]));
  await page.getByText('No problems found: the draft can be published.').waitFor();
  const frames = page.locator('iframe');
  assert.equal(await frames.count(), 3);
  assert.equal(await frames.first().getAttribute('width'), '360');
  const ru = page.frameLocator('iframe[title^="Русский"]');
  await ru.getByText('Повторный приём').waitFor();
  assert.match(await ru.locator('body').innerText(), /13\s500/);
  await page.frameLocator('iframe[title^="Қазақша"]').getByText('Қайта қабылдау').waitFor();
  await page.frameLocator('iframe[title^="English"]').getByText('Repeat visit').waitFor();
  await press(page.getByRole('radio', { name: /Desktop/ }), 'Space');
  await page.locator('iframe[width="1024"]').first().waitFor();
  await axe(page, 'a draft ready, previewed');

  await press(page.getByRole('button', { name: 'Publish' }));
  await page.getByRole('status').getByText('Published as version 2. Visitors see it now.').waitFor();
  assert.equal(server.sql("SELECT published_by FROM catalogue_versions ORDER BY id DESC LIMIT 1"), 'admin');
  await page.getByRole('button', { name: /^Version 1: Serve this version again$/ }).waitFor();

  // The public page shows the new price, with no restart.
  const visitor = await context.newPage();
  opened.push(watch(visitor));
  await visitor.goto(`${server.base}/?lang=ru`);
  await widgetReady(visitor);
  await visitor.getByText('Повторный приём').waitFor();
  assert.match(await visitor.locator('main').innerText(), /13\s500/);
  assert.equal(await visitor.getByText('Первичный приём ЛОР-врача').count(), 0, 'the old list is gone');

  // And back: the first version is served again.
  await press(page.getByRole('button', { name: /^Version 1: Serve this version again$/ }));
  await page.getByRole('status').getByText('Version 1 is served again.').waitFor();
  await visitor.reload();
  await widgetReady(visitor);
  await visitor.getByText('Первичный приём ЛОР-врача').first().waitFor();
  await context.close();
});

test('an operator sees a request made through the widget, confirms it, and the visitor sees it confirmed', async () => {
  server.clearBookings();
  const visitorContext = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'ru-RU' });
  const visitor = await visitorContext.newPage();
  opened.push(watch(visitor));
  // A service that both price lists of the test before hold, whichever is served now.
  await visitor.goto(`${server.base}/?lang=ru&service=visit-repeat&utm_source=ig`);
  await widgetReady(visitor);
  await chooseTime(visitor, 'ru', 'any');
  await fillPerson(visitor, 'ru', 'patient', ADULT);
  await field(visitor, 'ru', 'address').fill('Қаскелең, Абай 1');
  await next(visitor, 'ru');
  await consent(visitor, 'ru');
  await book(visitor, 'ru');
  const reference = (await referenceOf(visitor).innerText()).trim();
  const manage = await visitor.getByRole('link', { name: /#manage=/ }).getAttribute('href');

  const { page, context } = await staffPage(320);
  await noHorizontalScroll(page, 'sign in at 320 px');
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, RECEPTION);
  const open = page.getByRole('button', { name: new RegExp(`^Open ${reference} Иванова Анна`) });
  await open.waitFor();
  const row = page.getByRole('row').filter({ has: open });
  assert.match(await row.innerText(), /New request/);
  await axe(page, 'the inbox');

  await press(open);
  await page.getByRole('heading', { level: 2, name: reference }).waitFor();
  await page.getByText('•••• •••• 0004').waitFor();
  await page.getByText(/^Public offer \(Version .+\) · by the patient · /).waitFor();
  assert.equal(await page.getByText('950520300004').count(), 0, 'the IIN is masked');
  await axe(page, 'one booking');
  await press(page.getByRole('button', { name: 'Show the IIN' }));
  await page.getByText('950520300004').waitFor();
  assert.equal(server.sql(`SELECT actor || ' ' || action FROM audit WHERE action = 'iin_revealed'`), 'reception iin_revealed');

  await press(page.getByRole('button', { name: 'Confirm', exact: true }));
  await page.getByRole('status').getByText('Done.').waitFor();
  await page.getByText(/^Confirmed · /).waitFor();
  const history = await page.getByRole('list').filter({ hasText: 'IIN shown' }).innerText();
  assert.match(history, / · Visitor · booked\n.* · reception · IIN shown\n.* · reception · confirmed$/);
  assert.equal(server.sql(`SELECT status FROM bookings WHERE reference = '${reference}'`), 'confirmed');
  assert.equal(server.sql(`SELECT actor FROM audit WHERE action = 'confirmed'`), 'reception');
  await axe(page, 'a booking confirmed');

  // The visitor's manage page says so.
  const other = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const managePage = await other.newPage();
  opened.push(watch(managePage));
  await managePage.goto(manage);
  await managePage.getByText('Подтверждена', { exact: true }).waitFor();
  await Promise.all([context.close(), visitorContext.close(), other.close()]);
});
