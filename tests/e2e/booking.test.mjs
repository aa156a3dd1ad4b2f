// The booking flow in a real browser: the real server and SQLite file, the release build,
// Debian's Chromium. Each test asserts what the visitor sees and what the database holds.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, noHorizontalScroll, root, startServer, watch, widgetReady } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

// Every page a test opens; none may crash (a wasm panic stops the whole module).
let opened = [];

after(async () => {
  await browser?.close();
  await server?.stop();
});

afterEach(() => {
  const crashes = opened.flatMap((seen) => seen.crashes);
  opened = [];
  assert.deepEqual(crashes, [], 'no uncaught error in the page');
});

// Every test starts from an empty database, so counts and free times are its own.
beforeEach(() => {
  server.sql('PRAGMA foreign_keys = ON; DELETE FROM idempotency; DELETE FROM bookings;');
});

const ADULT = {
  surname: 'Иванова', given_name: 'Анна', iin: '950520300004', birth_date: '1995-05-20',
  phone: '8 701 123 45 67',
};
const CHILD = {
  surname: 'Сейтқали', given_name: 'Нұрлан', iin: '000101500001', birth_date: '2015-05-05',
  phone: '+7 701 123 45 67',
};
const PARENT = {
  surname: 'Сейтқали', given_name: 'Айгерім', iin: '950520300004', birth_date: '1995-05-20',
  phone: '+7 701 765 43 21',
};

async function open(lang, { service, timezoneId = 'Asia/Almaty', block, query = '' } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'en-US', timezoneId });
  const page = await context.newPage();
  if (block) await page.route(block, (route) => route.abort('internetdisconnected'));
  const seen = watch(page);
  opened.push(seen);
  await page.goto(`${server.base}/?lang=${lang}${service ? `&service=${service}` : ''}${query}`);
  await widgetReady(page);
  return { page, seen, context };
}

/** Waits until the flow shows step `n` of 5. */
async function atStep(page, n) {
  await page.locator('.jz-stepno', { hasText: new RegExp(`(^|\\D)${n}(\\D|$)`) }).waitFor({ timeout: 10_000 });
}

/** Chooses the doctor (or "any" when `doctor` is empty), then a free time on the `nth` day that
 * has one; returns the chosen slot as `doctor|start`. */
async function chooseTime(page, doctor = '', nth = 1) {
  await page.locator(`[data-doctor="${doctor}"]`).click();
  await page.locator('.jz-day:not([disabled])').nth(nth).click();
  const slot = page.locator('[data-slot]').first();
  const value = await slot.getAttribute('data-slot');
  await slot.click();
  await atStep(page, 3);
  return value;
}

async function fillPerson(page, prefix, p) {
  for (const [k, v] of Object.entries(p)) await page.fill(`[name="${prefix}.${k}"]`, v);
}

async function next(page) {
  await page.locator('button[type=submit]').click();
}

/** Ticks both consents and goes on to the review. */
async function consent(page) {
  await atStep(page, 4);
  await page.check('[name="consents.offer"]');
  await page.check('[name="consents.personal_data"]');
  await next(page);
  await atStep(page, 5);
}

/** 09:00 in the clinic (UTC+5) for a slot start such as `2026-11-28T04:00Z`. */
function clinicTime(start) {
  const t = new Date(start.replace('Z', ':00Z'));
  const local = new Date(t.getTime() + 5 * 3600_000);
  return local.toISOString().slice(11, 16);
}

test('an adult books in ru from the price list; clinic times even in New York; the confirmation shows the deadline', async () => {
  const { page, seen, context } = await open('ru', { timezoneId: 'America/New_York' });
  await page.locator('[data-book="visit-first"]').click();
  await atStep(page, 1);
  assert.equal(await page.locator('#jz-step-title').innerText(), 'Шаг 1 из 5\nВыберите врача');

  await page.locator('[data-doctor=""]').click();
  await page.locator('.jz-day:not([disabled])').nth(1).click();
  const slot = page.locator('[data-slot]').first();
  const value = await slot.getAttribute('data-slot');
  const hm = clinicTime(value.split('|')[1]);
  assert.equal(await slot.innerText(), hm, 'the button shows clinic time');
  // Its name is what it shows (WCAG 2.5.3); the list is named by the day, in clinic time.
  const times = page.getByRole('list', { name: /\(время Алматы \(UTC\+5\)\)$/ });
  assert.equal(await times.getByRole('button', { name: hm, exact: true }).count(), 1, 'each time once, with any doctor');
  await slot.click();
  await atStep(page, 3);

  await fillPerson(page, 'patient', ADULT);
  await page.fill('[name="patient.address"]', 'Каскелен, ул. Абая 1');
  assert.equal(await page.inputValue('[name="patient.iin"]'), '•••• •••• 0004', 'the IIN is masked once typed');
  // Enter in a field goes on, as in any form; the keyboard alone ticks the consents.
  await page.press('[name="patient.address"]', 'Enter');
  await atStep(page, 4);
  await page.focus('[name="consents.offer"]');
  await page.keyboard.press('Space');
  await page.focus('[name="consents.personal_data"]');
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await atStep(page, 5);
  const review = await page.locator('.jz-summary').innerText();
  assert.match(review, new RegExp(`${hm} \\(время Алматы \\(UTC\\+5\\)\\)`));
  assert.match(review, /ИИН •••• •••• 0004/);

  await next(page);
  await page.locator('.jz-ref').waitFor();
  assert.equal(await page.locator('#jz-step-title').innerText(), 'Заявка принята');
  const reference = (await page.locator('.jz-ref strong').innerText()).trim();
  assert.match(reference, /^JZ-[2-9A-Z]{6}$/);
  const deadline = await page.locator('.jz-deadline').innerText();
  assert.match(deadline, /^Бесплатно отменить можно до: \S+, \d+ \S+ 2026, \d\d:\d\d$/);
  // Start − 10 hours, in clinic time.
  const start = new Date(value.split('|')[1].replace('Z', ':00Z'));
  assert.ok(deadline.endsWith(clinicTime(new Date(start - 10 * 3600_000).toISOString().slice(0, 16) + 'Z')));
  assert.match(await page.locator('.jz-ics').getAttribute('href'), /^data:text\/calendar;charset=utf-8,BEGIN%3AVCALENDAR/);

  assert.equal(server.sql(`SELECT status || ' ' || service_id FROM bookings WHERE reference = '${reference}'`), 'requested visit-first');
  assert.equal(server.sql("SELECT surname || ' ' || iin || ' ' || phone FROM people"), 'Иванова 950520300004 +77011234567');
  assert.equal(server.sql("SELECT group_concat(document || ':' || given_by || ':' || lang) FROM consents"), 'offer:patient:ru,personal_data:patient:ru');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a parent books for a child in kk, from a campaign link', async () => {
  // Campaign tags are stored; anything else in the address (here an e-mail) is not.
  const query = '&utm_source=ig&utm_campaign=spring-2026&email=a%40b.kz';
  const { page, seen, context } = await open('kk', { service: 'visit-child', query });
  await atStep(page, 1);
  await chooseTime(page, 'kassymova', 0);
  await fillPerson(page, 'patient', CHILD);
  await page.fill('[name="patient.address"]', 'Қаскелең, Абай к-сі 1');
  // Leaving the birth date of a child brings up the representative's block.
  await page.locator('#jz-rep').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#jz-minor').innerText(), 'Пациент 18 жасқа толмаған: оны заңды өкілі жазады.');
  assert.ok(await page.isChecked('[name="as_representative"]'));

  // Switching language mid-form keeps what was typed.
  await page.locator('a[data-lang="ru"]').click();
  await page.locator('label[for="jz-f-patient.surname"]', { hasText: 'Фамилия' }).waitFor();
  assert.equal(await page.inputValue('[name="patient.given_name"]'), 'Нұрлан');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  await page.locator('a[data-lang="kk"]').click();
  await page.locator('label[for="jz-f-patient.surname"]', { hasText: 'Тегі' }).waitFor();
  await next(page);
  assert.match(await page.locator('#jz-summary').innerText(), /Заңды өкіл: Тегі/);
  await fillPerson(page, 'representative', PARENT);
  await page.selectOption('[name="representative.relation"]', 'parent');
  await page.check('[name="representative.guarantee"]');
  await next(page);
  await atStep(page, 4);
  assert.equal(await page.locator('.jz-note').first().innerText(), 'Келісімдерді пациенттің заңды өкілі береді.');
  await consent(page);
  await next(page);
  await page.locator('.jz-ref').waitFor();
  assert.equal(await page.locator('#jz-step-title').innerText(), 'Өтінім қабылданды');
  const link = await page.locator('[data-act=manage]').getAttribute('href');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?lang=kk#manage=/, 'nothing else of the address in the link');
  assert.equal(
    server.sql("SELECT group_concat(role || ':' || given_name || ':' || ifnull(relation, '-'), ' ') FROM people"),
    'patient:Нұрлан:- representative:Айгерім:parent',
  );
  assert.equal(server.sql("SELECT DISTINCT given_by || ':' || lang FROM consents"), 'representative:kk');
  assert.deepEqual(JSON.parse(server.sql('SELECT utm FROM bookings')), { utm_source: 'ig', utm_campaign: 'spring-2026' });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('every step fits a 320 px phone', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
  const page = await context.newPage();
  opened.push(watch(page));
  await page.goto(`${server.base}/?lang=kk&service=visit-first`);
  await atStep(page, 1);
  const fits = (what) => noHorizontalScroll(page, what);
  await fits('doctor');
  await page.locator('[data-doctor=""]').click();
  await page.locator('[data-slot]').first().waitFor();
  await fits('day and time');
  await page.locator('[data-slot]').first().click();
  await atStep(page, 3);
  await page.check('[name="as_representative"]');
  await fits('patient and representative');
  await context.close();
});

test('an invalid IIN shows its message next to the field and blocks the way on', async () => {
  const { page, context } = await open('ru', { service: 'visit-repeat' });
  await chooseTime(page, 'zhumabayeva');
  await fillPerson(page, 'patient', { ...ADULT, iin: '950520300005' });
  await page.fill('[name="patient.address"]', 'Каскелен');
  assert.equal(await page.locator('#jz-e-patient\\.iin').innerText(), 'Похоже, в ИИН опечатка: проверьте его');
  assert.equal(await page.getAttribute('[name="patient.iin"]', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('[name="patient.iin"]'), '950520300005', 'a wrong IIN stays visible to fix');

  await next(page);
  await page.locator('#jz-summary').waitFor();
  assert.equal(await page.locator('#jz-summary').innerText(), 'Проверьте поля:\n\nИИН');
  await atStep(page, 3);
  await page.waitForFunction(() => document.activeElement?.name === 'patient.iin');
  assert.equal(server.sql('SELECT count(*) FROM bookings'), '0');
  await context.close();
});

test('a time taken between choosing and submitting: the visitor picks another without retyping', async () => {
  const { page, context } = await open('ru', { service: 'visit-repeat' });
  const taken = await chooseTime(page, 'zhumabayeva');
  await fillPerson(page, 'patient', ADULT);
  await page.fill('[name="patient.address"]', 'Каскелен');
  await next(page);
  await consent(page);

  // Someone else books that very time through the endpoint.
  const [doctor, start] = taken.split('|');
  const other = await fetch(`${server.base}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'visit-repeat', doctor, start,
      patient: { ...PARENT, address: 'Алматы', whatsapp: false },
      consents: { offer: true, personal_data: true }, lang: 'ru',
    }),
  });
  assert.equal(other.status, 201);

  await next(page);
  await atStep(page, 2);
  assert.equal(
    await page.locator('.jz-alert[role=alert]').innerText(),
    'Это время только что занял кто-то другой. Выберите другое — введённые данные сохранены',
  );
  await page.locator('[data-slot]').first().waitFor();
  assert.equal(await page.locator(`[data-slot="${taken}"]`).count(), 0, 'the taken time is no longer offered');
  await page.locator('[data-slot]').first().click();
  await atStep(page, 3);
  assert.equal(await page.inputValue('[name="patient.surname"]'), 'Иванова', 'nothing to retype');
  await next(page);
  await atStep(page, 4);
  assert.ok(await page.isChecked('[name="consents.offer"]'));
  await next(page);
  await atStep(page, 5);
  await next(page);
  await page.locator('.jz-ref').waitFor();
  assert.equal(server.sql('SELECT count(*) FROM bookings'), '2');
  await context.close();
});

test('the server stops during submit: the form survives and the retry books exactly once', async () => {
  const { page, context } = await open('ru', { service: 'visit-repeat' });
  await chooseTime(page, 'zhumabayeva');
  await fillPerson(page, 'patient', ADULT);
  await page.fill('[name="patient.address"]', 'Каскелен');
  await next(page);
  await consent(page);

  // Every attempt's Idempotency-Key, the one sent while the server is down included.
  const keys = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/bookings')) keys.push(r.headers()['idempotency-key']); });
  await server.halt();
  await next(page);
  await page.locator('#jz-send-failed').waitFor({ timeout: 20_000 });
  assert.match(await page.locator('#jz-send-failed').innerText(), /^Связь прервалась/);
  assert.match(await page.locator('.jz-summary').innerText(), /Иванова Анна/);
  await server.resume();

  // The answer to the retry is lost on its way back, as on a flaky mobile network: the booking
  // is stored but the visitor sees a failure again.
  await page.route('**/api/bookings', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.locator('button[type=submit]', { hasText: 'Повторить' }).click();
  await page.locator('#jz-send-failed').waitFor();
  await page.unroute('**/api/bookings');
  await page.locator('button[type=submit]', { hasText: 'Повторить' }).click();
  await page.locator('.jz-ref').waitFor();

  assert.equal(keys.length, 3);
  assert.ok(keys[0] && keys.every((k) => k === keys[0]), `every retry carries the first key: ${keys}`);
  assert.equal(server.sql('SELECT count(*) FROM bookings'), '1');
  const reference = (await page.locator('.jz-ref strong').innerText()).trim();
  assert.equal(server.sql('SELECT reference FROM bookings'), reference);
  await context.close();
});

test('a reload keeps what was typed (for the tab only) and the booking is cancelled from the manage link', async () => {
  const { page, context } = await open('en', { service: 'ear-wax' });
  await chooseTime(page, '');
  await fillPerson(page, 'patient', ADULT);
  await page.reload();
  await widgetReady(page);
  await atStep(page, 3);
  assert.equal(await page.inputValue('[name="patient.given_name"]'), 'Анна');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in long-lived storage');
  await page.fill('[name="patient.address"]', 'Kaskelen');
  await next(page);
  await consent(page);
  await next(page);
  await page.locator('.jz-ref').waitFor();
  const link = await page.locator('[data-act=manage]').getAttribute('href');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?lang=en#manage=JZ-[2-9A-Z]{6}\.[\w-]+$/, 'no service in the link');

  // The link works in another browser.
  const other = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const manage = await other.newPage();
  opened.push(watch(manage));
  await manage.goto(link);
  await manage.locator('#jz-booking-status').waitFor();
  assert.equal(await manage.locator('#jz-booking-status').innerText(), 'Request received, awaiting confirmation');
  await manage.locator('[data-act=cancel]').click();
  await manage.locator('[data-act=cancel-yes]').click();
  await manage.locator('#jz-booking-status', { hasText: 'Cancelled' }).waitFor();
  assert.equal(server.sql('SELECT status || ' + "' '" + ' || cancelled_late FROM bookings'), 'cancelled 0');
  await other.close();
  await context.close();
});

test('after the free-cancellation deadline the confirmation warns, and a cancellation is marked late', async (t) => {
  // Every time this catalogue offers is less than 72 hours away, so past its deadline at once.
  const dir = mkdtempSync(join(tmpdir(), 'jazylu-late-'));
  const catalogue = JSON.parse(readFileSync(join(root, 'data/catalogue.sample.json'), 'utf8'));
  catalogue.clinic.policies.cancel_notice_hours = 72;
  catalogue.clinic.policies.horizon_days = 2;
  writeFileSync(join(dir, 'catalogue.json'), JSON.stringify(catalogue));
  const late = await startServer({ catalogue: join(dir, 'catalogue.json') });
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  try {
    const page = await context.newPage();
    opened.push(watch(page));
    await page.goto(`${late.base}/?lang=ru&service=ear-wax`);
    await page.locator('[data-doctor=""]').click();
    await page.locator('[data-slot], .jz-note').first().waitFor();
    if (await page.locator('[data-slot]').count() === 0) {
      t.skip('no free time in the next two days (a long holiday)');
      return;
    }
    await page.locator('[data-slot]').first().click();
    await fillPerson(page, 'patient', ADULT);
    await page.fill('[name="patient.address"]', 'Каскелен');
    await next(page);
    await consent(page);
    assert.equal(
      await page.locator('.jz-alert').first().innerText(),
      'До приёма осталось мало времени: бесплатно отменить эту запись уже не получится.',
    );
    await next(page);
    await page.locator('.jz-ref').waitFor();
    assert.equal(
      await page.locator('.jz-deadline').innerText(),
      'Срок бесплатной отмены уже прошёл: при отмене клиника может взять оплату.',
    );
    await page.locator('[data-act=manage]').click();
    await page.locator('[data-act=cancel]').click();
    assert.match(
      await page.locator('.jz-alert[role=alert]').innerText(),
      /Срок бесплатной отмены прошёл: за эту отмену клиника может взять оплату\./,
    );
    await page.locator('[data-act=cancel-yes]').click();
    await page.locator('#jz-booking-status', { hasText: 'Отменена' }).waitFor();
    assert.equal(await page.locator('.jz-alert').innerText(), 'Отменена позже срока: клиника может взять оплату.');
    assert.equal(late.sql("SELECT status || ' ' || cancelled_late FROM bookings"), 'cancelled 1');
  } finally {
    await context.close();
    await late.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
