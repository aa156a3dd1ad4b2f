// The booking flow in a real browser: the real server and SQLite file, the release build,
// Debian's Chromium. Each test asserts what the visitor sees and what the database holds.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { axe, noHorizontalScroll, root, serverAndBrowser, startServer, watch, widgetReady } from './harness.mjs';
import {
  ADULT, CATALOGUE, CHILD, FREE, PARENT, VERSIONS, W, atStep, book, chooseTime, chosenSlot, consent,
  field, fillPerson, group, next, referenceOf, review, serviceName, timeButtons, times,
} from './flow.mjs';

let server;
let browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]));

// Every page a test opens; none may crash (a wasm panic stops the whole module).
let opened = [];

afterEach(() => {
  const crashes = opened.flatMap((seen) => seen.crashes);
  opened = [];
  assert.deepEqual(crashes, [], 'no uncaught error in the page');
});

// Every test starts from an empty database, so counts and free times are its own.
beforeEach(() => {
  server.clearBookings();
});

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


/** 09:00 in the clinic (UTC+5) for a slot start such as `2026-11-28T04:00Z`. */
function clinicTime(start) {
  const t = new Date(start.replace('Z', ':00Z'));
  const local = new Date(t.getTime() + 5 * 3600_000);
  return local.toISOString().slice(11, 16);
}

test('an adult books in ru from the price list; clinic times even in New York; the confirmation shows the deadline', async () => {
  const { page, seen, context } = await open('ru', { timezoneId: 'America/New_York' });
  await page.getByRole('link', { name: `Записаться: ${serviceName('visit-first', 'ru')}` }).click();
  await atStep(page, 1);
  assert.equal(await page.getByRole('heading', { level: 2 }).innerText(), 'Шаг 1 из 5\nВыберите врача');

  await page.getByRole('button', { name: W.ru.any }).click();
  await page.getByRole('button', { name: FREE, disabled: false }).nth(1).click();
  const slot = timeButtons(page).first();
  const hm = await slot.innerText();
  assert.match(hm, /^\d\d:\d\d$/);
  // Its name is what it shows (WCAG 2.5.3); the list is named by the day, in clinic time.
  assert.equal(await times(page).getByRole('button', { name: hm, exact: true }).count(), 1, 'each time once, with any doctor');
  await slot.click();
  await atStep(page, 3);
  const value = await chosenSlot(page);
  assert.equal(hm, clinicTime(value.split('|')[1]), 'the button shows clinic time');

  await fillPerson(page, 'ru', 'patient', ADULT);
  await field(page, 'ru', 'address').fill('Каскелен, ул. Абая 1');
  assert.equal(await field(page, 'ru', 'iin').inputValue(), '•••• •••• 0004', 'the IIN is masked once typed');
  // Enter in a field goes on, as in any form; the keyboard alone ticks the consents.
  await field(page, 'ru', 'address').press('Enter');
  await atStep(page, 4);
  await page.getByRole('checkbox', { name: W.ru.offer }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('checkbox', { name: W.ru.data }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await atStep(page, 5);
  const lines = await review(page);
  assert.match(lines, new RegExp(`${hm} \\(время Алматы, UTC\\+5\\)`));
  assert.match(lines, /ИИН: •••• •••• 0004/);
  assert.match(lines, /Дата рождения: 20\.05\.1995/, 'the birth date as dates are written here, after its label');

  await book(page, 'ru');
  await referenceOf(page).waitFor();
  assert.equal(await page.getByRole('heading', { level: 2 }).innerText(), 'Заявка принята');
  const reference = (await referenceOf(page).innerText()).trim();
  const deadline = await page.getByText(/^Бесплатно отменить можно до:/).innerText();
  assert.match(deadline, /^Бесплатно отменить можно до: \S+, \d+ \S+ 2026, \d\d:\d\d \(время Алматы, UTC\+5\)$/);
  // Start − 10 hours, in clinic time.
  const start = new Date(value.split('|')[1].replace('Z', ':00Z'));
  const hours = clinicTime(new Date(start - 10 * 3600_000).toISOString().slice(0, 16) + 'Z');
  assert.ok(deadline.endsWith(`${hours} (время Алматы, UTC+5)`), deadline);
  const ics = page.getByRole('link', { name: 'Добавить в календарь (.ics)' });
  assert.match(await ics.getAttribute('href'), /^data:text\/calendar;charset=utf-8,BEGIN%3AVCALENDAR/);

  assert.equal(server.sql(`SELECT status || ' ' || service_id || ' ' || channel FROM bookings WHERE reference = '${reference}'`), 'requested visit-first hosted');
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
  await chooseTime(page, 'kk', 'kassymova', 0);
  await fillPerson(page, 'kk', 'patient', CHILD);
  await field(page, 'kk', 'address').fill('Қаскелең, Абай к-сі 1');
  // Leaving the birth date of a child brings up the representative's block.
  await group(page, 'kk', 'rep').waitFor({ state: 'visible' });
  await page.getByText('Пациент 18 жасқа толмаған: оны заңды өкілі жазады.').waitFor();
  assert.ok(await page.getByRole('checkbox', { name: W.kk.asRep }).isChecked());

  // Switching language mid-form keeps what was typed.
  await page.getByRole('link', { name: 'Русский' }).click();
  await field(page, 'ru', 'surname').waitFor();
  assert.equal(await field(page, 'ru', 'given_name').inputValue(), 'Нұрлан');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  await page.getByRole('link', { name: 'Қазақша' }).click();
  await field(page, 'kk', 'surname').waitFor();
  await next(page, 'kk');
  assert.match(await page.getByRole('alert').innerText(), /Заңды өкіл: Тегі/);
  await fillPerson(page, 'kk', 'rep', PARENT);
  await group(page, 'kk', 'rep').getByLabel(W.kk.relation).selectOption('parent');
  // By keyboard: the list of what needs attention shrinks as fields are fixed, which moves the box.
  await page.getByRole('checkbox', { name: W.kk.guarantee }).focus();
  await page.keyboard.press('Space');
  assert.ok(await page.getByRole('checkbox', { name: W.kk.guarantee }).isChecked());
  await next(page, 'kk');
  await atStep(page, 4);
  await page.getByText('Келісімдерді заңды өкіл өзі үшін де, пациент үшін де береді.').waitFor();
  await consent(page, 'kk');
  await book(page, 'kk');
  await referenceOf(page).waitFor();
  assert.equal(await page.getByRole('heading', { level: 2 }).innerText(), 'Өтінім қабылданды');
  const link = await page.getByRole('link', { name: /#manage=/ }).getAttribute('href');
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
  await page.getByRole('button', { name: W.kk.any }).click();
  await timeButtons(page).first().waitFor();
  await fits('day and time');
  await timeButtons(page).first().click();
  await atStep(page, 3);
  await page.getByRole('checkbox', { name: W.kk.asRep }).check();
  await fits('patient and representative');
  await context.close();
});

test('an invalid IIN shows its message next to the field and blocks the way on', async () => {
  const { page, context } = await open('ru', { service: 'visit-repeat' });
  await chooseTime(page, 'ru', 'zhumabayeva');
  await fillPerson(page, 'ru', 'patient', { ...ADULT, iin: '950520300005' });
  await field(page, 'ru', 'address').fill('Каскелен');
  const iin = field(page, 'ru', 'iin');
  await page.getByText('Похоже, в ИИН опечатка: проверьте его').waitFor();
  assert.equal(await iin.getAttribute('aria-invalid'), 'true');
  assert.equal(await iin.inputValue(), '950520300005', 'a wrong IIN stays visible to fix');

  await next(page, 'ru');
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.equal(await summary.innerText(), 'Проверьте поля:\n\nИИН');
  await atStep(page, 3);
  await page.waitForFunction(() => document.activeElement?.name === 'patient.iin');
  await context.close();
});

test('a time taken between choosing and submitting: the visitor picks another without retyping', async () => {
  const { page, context } = await open('ru', { service: 'visit-repeat' });
  const taken = await chooseTime(page, 'ru', 'zhumabayeva');
  await fillPerson(page, 'ru', 'patient', ADULT);
  await field(page, 'ru', 'address').fill('Каскелен');
  await next(page, 'ru');
  await consent(page, 'ru');

  // Someone else books that very time through the endpoint.
  const [doctor, start] = taken.split('|');
  const other = await fetch(`${server.base}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      service: 'visit-repeat', doctor, start,
      patient: { ...PARENT, address: 'Алматы', whatsapp: false },
      consents: { offer: true, personal_data: true, ...VERSIONS }, lang: 'ru',
    }),
  });
  assert.equal(other.status, 201);

  await book(page, 'ru');
  await atStep(page, 2);
  assert.equal(
    await page.getByRole('alert').innerText(),
    'Это время только что занял кто-то другой. Выберите другое — введённые данные сохранены',
  );
  await timeButtons(page).first().waitFor();
  assert.equal(
    await timeButtons(page).getByText(clinicTime(start), { exact: true }).count(),
    0,
    'the taken time is no longer offered',
  );
  await timeButtons(page).first().click();
  await atStep(page, 3);
  assert.equal(await field(page, 'ru', 'surname').inputValue(), 'Иванова', 'nothing to retype');
  await next(page, 'ru');
  await atStep(page, 4);
  assert.ok(await page.getByRole('checkbox', { name: W.ru.offer }).isChecked());
  await next(page, 'ru');
  await atStep(page, 5);
  await book(page, 'ru');
  await referenceOf(page).waitFor();
  assert.equal(server.sql('SELECT count(*) FROM bookings'), '2');
  await context.close();
});

test('the server stops during submit: the form survives and the retry books exactly once', async () => {
  const { page, context } = await open('ru', { service: 'visit-repeat' });
  await chooseTime(page, 'ru', 'zhumabayeva');
  await fillPerson(page, 'ru', 'patient', ADULT);
  await field(page, 'ru', 'address').fill('Каскелен');
  await next(page, 'ru');
  await consent(page, 'ru');

  // Every attempt's Idempotency-Key, the one sent while the server is down included.
  const keys = [];
  page.on('request', (r) => { if (r.url().endsWith('/api/bookings')) keys.push(r.headers()['idempotency-key']); });
  await server.halt();
  await book(page, 'ru');
  // The message on the review (a live region may say it as well).
  const failed = page.getByText(/^Связь прервалась/).last();
  await failed.waitFor({ timeout: 20_000 });
  assert.match(await review(page), /Иванова Анна/);
  await server.resume();

  // The answer to the retry is lost on its way back, as on a flaky mobile network: the booking
  // is stored but the visitor sees a failure again.
  await page.route('**/api/bookings', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  const retry = page.getByRole('button', { name: W.ru.retry });
  await retry.click();
  await failed.waitFor();
  await page.unroute('**/api/bookings');
  await retry.click();
  await referenceOf(page).waitFor();

  assert.equal(keys.length, 3);
  assert.ok(keys[0] && keys.every((k) => k === keys[0]), `every retry carries the first key: ${keys}`);
  assert.match(keys[0], /^[0-9a-f]{32}$/, '128 random bits');
  assert.equal(server.sql('SELECT count(*) FROM bookings'), '1');
  const reference = (await referenceOf(page).innerText()).trim();
  assert.equal(server.sql('SELECT reference FROM bookings'), reference);
  await context.close();
});

test('a reload keeps what was typed (for the tab only) and the booking is cancelled from the manage link', async () => {
  const { page, context } = await open('en', { service: 'ear-wax' });
  await chooseTime(page, 'en', 'any');
  await fillPerson(page, 'en', 'patient', ADULT);
  await page.reload();
  await widgetReady(page);
  await atStep(page, 3);
  assert.equal(await field(page, 'en', 'given_name').inputValue(), 'Анна');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in long-lived storage');
  await field(page, 'en', 'address').fill('Kaskelen');
  await next(page, 'en');
  await consent(page, 'en');
  await book(page, 'en');
  await referenceOf(page).waitFor();
  const link = await page.getByRole('link', { name: /#manage=/ }).getAttribute('href');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?lang=en#manage=JZ-[2-9A-Z]{6}\.[\w-]+$/, 'no service in the link');

  // The link works in another browser.
  const other = await browser.newContext({ viewport: { width: 320, height: 800 } });
  const manage = await other.newPage();
  opened.push(watch(manage));
  await manage.goto(link);
  await manage.getByText('Request received, awaiting confirmation').waitFor();
  await manage.getByRole('button', { name: 'Cancel the booking' }).click();
  await manage.getByRole('button', { name: 'Yes, cancel' }).click();
  await manage.getByText('Cancelled', { exact: true }).waitFor();
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
    await page.getByRole('button', { name: W.ru.any }).click();
    const none = page.getByText(/^В ближайшие дни свободного времени нет/);
    await timeButtons(page).first().or(none).waitFor();
    if (await timeButtons(page).count() === 0) {
      t.skip('no free time in the next two days (a long holiday)');
      return;
    }
    await timeButtons(page).first().click();
    await fillPerson(page, 'ru', 'patient', ADULT);
    await field(page, 'ru', 'address').fill('Каскелен');
    await next(page, 'ru');
    await consent(page, 'ru');
    await page.getByText('До приёма осталось мало времени: бесплатно отменить эту запись уже не получится.').waitFor();
    await book(page, 'ru');
    await referenceOf(page).waitFor();
    await page.getByText('Срок бесплатной отмены уже прошёл: если отменить запись сейчас, клиника вправе потребовать оплатить полную стоимость приёма.').waitFor();
    await page.getByRole('link', { name: /#manage=/ }).click();
    await page.getByRole('button', { name: 'Отменить запись' }).click();
    assert.match(
      await page.getByRole('alert').innerText(),
      /Срок бесплатной отмены прошёл: за такую отмену клиника вправе потребовать оплатить полную стоимость приёма\./,
    );
    await page.getByRole('button', { name: 'Да, отменить' }).click();
    await page.getByText('Отменена', { exact: true }).waitFor();
    await page.getByText('Отменена позже срока: клиника вправе потребовать оплатить полную стоимость приёма.').waitFor();
    assert.equal(late.sql("SELECT status || ' ' || cancelled_late FROM bookings"), 'cancelled 1');
  } finally {
    await context.close();
    await late.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('over the limit per client: the visitor is told to wait, nothing is lost, and the retry books', async () => {
  // One request at once, then one every 3 s: a request from elsewhere on this address used it.
  const limited = await startServer({ args: ['--rate-burst', '1', '--rate-period-ms', '3000'] });
  const context = await browser.newContext({ viewport: { width: 390, height: 900 } });
  try {
    const page = await context.newPage();
    opened.push(watch(page));
    await page.goto(`${limited.base}/?lang=ru&service=visit-repeat`);
    await widgetReady(page);
    await chooseTime(page, 'ru', 'zhumabayeva');
    await fillPerson(page, 'ru', 'patient', ADULT);
    await field(page, 'ru', 'address').fill('Каскелен');
    await next(page, 'ru');
    await consent(page, 'ru');
    const spent = await fetch(`${limited.base}/api/bookings`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(spent.status, 422);
    await book(page, 'ru');
    await page.getByText(/^Слишком много попыток с этого подключения\. Данные сохранены/).last().waitFor({ timeout: 10_000 });
    assert.match(await review(page), /Иванова Анна/);
    await axe(page, 'ru review, over the limit');
    assert.equal(limited.sql('SELECT count(*) FROM bookings'), '0');
    await page.waitForTimeout(3_200);
    await page.getByRole('button', { name: W.ru.retry }).click();
    await referenceOf(page).waitFor();
    assert.equal(limited.sql('SELECT count(*) FROM bookings'), '1');
  } finally {
    await context.close();
    await limited.stop();
  }
});

test('the clinic changes its consent while a visitor books: the widget shows the new text and asks again', async () => {
  // A server of its own, on a catalogue this test may change.
  const dir = mkdtempSync(join(tmpdir(), 'jazylu-docs-'));
  const file = join(dir, 'catalogue.json');
  writeFileSync(file, JSON.stringify(CATALOGUE));
  const own = await startServer({ catalogue: file });
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Almaty' });
  const page = await context.newPage();
  opened.push(watch(page));
  await page.goto(`${own.base}/?lang=ru&service=visit-repeat`);
  await widgetReady(page);
  await chooseTime(page, 'ru');
  await fillPerson(page, 'ru', 'patient', ADULT);
  await field(page, 'ru', 'address').fill('Каскелен');
  const whatsapp = page.getByRole('checkbox', { name: /^Присылать результаты обследований на этот номер в WhatsApp/ });
  assert.equal(await whatsapp.isChecked(), false, 'WhatsApp is not ticked for the visitor');
  await next(page, 'ru');
  await consent(page, 'ru');

  // Meanwhile the clinic publishes a new version of its consent.
  const added = 'Новый пункт: данные также хранятся в резервной копии.';
  const changed = structuredClone(CATALOGUE);
  changed.documents.personal_data.version = '2026-12-15';
  for (const lang of ['kk', 'ru', 'en']) changed.documents.personal_data.text[lang] += `\n\n${added}`;
  await own.halt();
  writeFileSync(file, JSON.stringify(changed));
  await own.resume();

  await book(page, 'ru');
  await atStep(page, 4);
  const box = page.getByRole('checkbox', { name: W.ru.data });
  assert.equal(await box.isChecked(), false, 'the tick given to the old text is void');
  assert.equal(await page.getByRole('checkbox', { name: W.ru.offer }).isChecked(), true, 'the unchanged offer keeps its tick');
  assert.match(await box.getAttribute('aria-describedby').then((id) => page.locator(`[id="${id}"]`).innerText()), /^Клиника обновила этот документ/);
  await page.getByText('Полный текст согласия', { exact: true }).click();
  await page.getByText(added).waitFor();
  await axe(page, 'consents after a document changed');
  await box.check();
  await next(page, 'ru');
  await atStep(page, 5);
  await book(page, 'ru');
  await referenceOf(page).waitFor();

  const sha = createHash('sha256').update(changed.documents.personal_data.text.ru).digest('hex');
  assert.equal(own.sql("SELECT document_version || ' ' || document_sha256 FROM consents WHERE document = 'personal_data'"), `2026-12-15 ${sha}`);
  assert.equal(own.sql("SELECT text FROM document_texts WHERE sha256 = '" + sha + "'").endsWith(added), true);
  assert.equal(own.sql('SELECT whatsapp FROM people'), '0', 'not ticked, not sent by WhatsApp');
  await context.close();
  await own.stop();
  rmSync(dir, { recursive: true, force: true });
});
