// Every field error code the endpoint can return, shown next to its field (as its accessible
// description, or as the reason on the step where the visitor chooses again), in kk, ru and en.
//
// The answers are the real endpoint's: the test first sends the running server bodies that break
// every rule, then gives each answer to the widget's "Book" (the widget's own checks would never
// let such a body out, so the browser cannot provoke them itself). The codes come from the wire
// contract (crates/api/src/field.rs), the words from the words module (crates/i18n).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, root, serverAndBrowser, stepHeading, watch, widgetReady } from './harness.mjs';
import { CATALOGUE, VERSIONS } from './flow.mjs';

let server;
let browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]));

const source = (path) => readFileSync(join(root, path), 'utf8');

/** Every code the endpoint sends, from `FieldCode::as_str`. */
const FIELD_RS = source('crates/api/src/field.rs');
const asStr = FIELD_RS.slice(FIELD_RS.indexOf('pub fn as_str(self)'));
const CODE_OF = Object.fromEntries(
  [...asStr.slice(0, asStr.indexOf('}\n    }')).matchAll(/(\w+) => "(\w+)",/g)].map((m) => [m[1], m[2]]),
);
const CODES = Object.values(CODE_OF).filter((c) => c !== 'unknown');

/** A language's words: its labels (`key: "text",`) and the message of every code. */
function words(lang) {
  const rs = source(`crates/i18n/src/${lang}.rs`);
  const labels = Object.fromEntries([...rs.matchAll(/^    (\w+): "((?:[^"\\]|\\.)*)",$/gm)].map((m) => [m[1], m[2]]));
  const body = rs.slice(rs.indexOf('fn field_message'), rs.indexOf('fn consent_point'));
  const messages = {};
  for (const m of body.matchAll(/((?:\w+\s*\|\s*)*\w+)\s*=>\s*\{?\s*"((?:[^"\\]|\\.)*)"/g)) {
    for (const name of m[1].split('|').map((s) => s.trim())) messages[CODE_OF[name]] = m[2];
  }
  return { labels, messages };
}
const WORDS = { kk: words('kk'), ru: words('ru'), en: words('en') };

const HOLIDAYS = JSON.stringify(CATALOGUE.holidays) + JSON.stringify(CATALOGUE.doctors);

/** A clinic date (UTC+5) `days` from today, as `YYYY-MM-DD`, and its weekday (0 = Sunday). */
function clinicDay(days) {
  const d = new Date(Date.now() + 5 * 3600_000 + days * 86_400_000);
  return { date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() };
}

/** The first day from `from` days on that is (or is not) a working weekday without exceptions. */
function day(from, working) {
  for (let i = from; i < from + 14; i++) {
    const d = clinicDay(i);
    const weekday = d.weekday >= 1 && d.weekday <= 5 && !HOLIDAYS.includes(d.date);
    if (weekday === working && (working || d.weekday === 0)) return d.date;
  }
  throw new Error('no such day');
}

const at = (date, hhmm) => `${date}T${hhmm}:00+05:00`;
const WORKDAY = day(2, true);
/** A Monday, Wednesday or Friday without exceptions: both doctors of the repeat visit work
 * 14:00-16:00 then. */
const BOTH_WORK = (() => {
  for (let i = 2; i < 16; i++) {
    const d = clinicDay(i);
    if ([1, 3, 5].includes(d.weekday) && !HOLIDAYS.includes(d.date)) return d.date;
  }
  throw new Error('no such day');
})();

const PATIENT = {
  surname: 'Иванова', given_name: 'Анна', patronymic: '', iin: '950520300004', birth_date: '1995-05-20',
  phone: '+7 701 123 45 67', address: 'Қаскелең, Абай көшесі 1', whatsapp: false,
};
const REPRESENTATIVE = {
  surname: 'Сейтқали', given_name: 'Айгерім', patronymic: '', iin: '950520300004', birth_date: '1995-05-20',
  phone: '+7 701 765 43 21', relation: 'parent', guarantee: true,
};
const request = (change = {}) => ({
  service: 'visit-repeat', doctor: 'zhumabayeva', start: at(WORKDAY, '10:00'),
  patient: { ...PATIENT, ...change.patient },
  ...(change.representative ? { representative: { ...REPRESENTATIVE, ...change.representative } } : {}),
  consents: { offer: true, personal_data: true, ...VERSIONS, ...change.consents },
  lang: 'ru', channel: 'hosted', utm: {},
  ...change.top,
});

/** Bodies that break every rule the endpoint checks, each field at most once, and the fields of
 * one step apart from another's (the widget shows the first step with a problem). */
const soon = new Date(Date.now() + 30 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
const BROKEN = [
  request({ patient: { surname: '', given_name: 'а'.repeat(61), patronymic: 'A1', iin: '123', birth_date: '2999-01-01', phone: '12345' } }),
  request({ patient: { iin: '950520300005', phone: '+7 727 250 00 00', birth_date: '1850-01-01' } }),
  request({ patient: { birth_date: '2000-02-31' } }),
  request({ patient: { birth_date: '2015-05-05' } }),
  request({ patient: { birth_date: '2015-05-05' }, representative: { birth_date: '2012-01-01', relation: 'friend', guarantee: false } }),
  request({ consents: { offer: false, personal_data: false } }),
  // A widget opened before the clinic changed its consent text.
  request({ consents: { personal_data_version: '2000-01-01' } }),
  request({ top: { start: '2020-01-06T10:00:00+05:00' } }),
  request({ top: { start: soon } }),
  request({ top: { start: at(day(45, true), '10:00') } }),
  request({ top: { start: at(day(2, false), '10:00') } }),
  request({ top: { start: at(WORKDAY, '22:00') } }),
  request({ top: { start: 'soon' } }),
  request({ top: { service: 'no-such-service' } }),
  request({ top: { doctor: 'no-such-doctor' } }),
  request({ top: { doctor: 'kassymova' } }),
];

/** The endpoint's real answers to the broken bodies, a slot taken twice (409), and the limits
 * of one patient and one phone (two live bookings, never two at once). */
async function endpointAnswers() {
  const post = async (body, key) => {
    const r = await fetch(`${server.base}/api/bookings`, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    });
    return { status: r.status, body: await r.text() };
  };
  const answers = [];
  for (const [i, body] of BROKEN.entries()) answers.push(await post(body, `broken-${i}-${Date.now()}`));
  const taken = request({ top: { start: at(BOTH_WORK, '14:00') } });
  assert.equal((await post(taken, `first-${Date.now()}`)).status, 201);
  answers.push(await post(taken, `second-${Date.now()}`));
  const other = { phone: '+7 702 000 00 01' };
  const overlap = request({ patient: other, top: { doctor: 'akhmetov', start: at(BOTH_WORK, '14:00') } });
  answers.push(await post(overlap, `overlap-${Date.now()}`));
  assert.equal((await post(request({ top: { start: at(BOTH_WORK, '15:00') } }), `two-${Date.now()}`)).status, 201);
  answers.push(await post(request({ patient: other, top: { start: at(BOTH_WORK, '16:00') } }), `three-${Date.now()}`));
  // Another patient, with the phone that already has two.
  answers.push(await post(request({ patient: { iin: '950520300502' }, top: { start: at(BOTH_WORK, '17:00') } }), `phone-${Date.now()}`));
  return answers;
}


/** The step of the flow a field is fixed on. */
function stepOf(field) {
  if (field === 'doctor') return 1;
  if (field === 'slot' || field === 'service') return 2;
  if (field.startsWith('consents.')) return 4;
  return 3;
}

/** The control a field is typed into, found by its label as a screen reader finds it. */
function control(page, lang, field) {
  const { labels } = WORDS[lang];
  const exact = (name) => ({ name, exact: true });
  if (field === 'representative') return page.getByRole('checkbox', exact(labels.as_representative));
  if (field === 'consents.offer') return page.getByRole('checkbox', exact(labels.consent_offer));
  // The test books through a representative, who consents for themself and the patient.
  if (field === 'consents.personal_data') return page.getByRole('checkbox', exact(labels.consent_personal_data_both));
  const [who, key] = field.split('.');
  const group = page.getByRole('group', { name: who === 'patient' ? labels.patient : labels.representative, exact: true });
  if (key === 'guarantee') return group.getByRole('checkbox', exact(labels.guarantee));
  if (key === 'address') return group.getByLabel(labels.address, { exact: true });
  return group.getByLabel(labels[key], { exact: true });
}

/** What a screen reader reads after a control's name: its description. */
const description = (loc) =>
  loc.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));

/** From the doctor step (1) or the time step (2): a doctor, a day and a time, on to step 3. */
async function chooseTime(page, lang, step) {
  if (step === 1) await page.getByRole('button', { name: WORDS[lang].labels.any_doctor }).click();
  await page.getByRole('button', { name: /: \d+ (свободн(ое|ых) (окно|окна|окон)|бос орын|free slots?)$/, disabled: false }).first().click();
  await page.getByRole('list', { name: /UTC\+5\)$/ }).getByRole('button', { name: /^\d\d:\d\d$/ }).first().click();
  await stepHeading(page, 3).waitFor({ timeout: 10_000 });
}

/** From where the flow sent the visitor, back to the review with everything as typed. */
async function backToReview(page, lang, step) {
  const next = () => page.getByRole('button', { name: WORDS[lang].labels.next, exact: true }).click();
  if (step <= 2) await chooseTime(page, lang, step);
  if (step <= 3) await next();
  if (step <= 4) {
    // A consent to a changed document was unticked: it is given again.
    await control(page, lang, 'consents.offer').check();
    await control(page, lang, 'consents.personal_data').check();
    await next();
  }
  await stepHeading(page, 5).waitFor({ timeout: 10_000 });
}

test('the endpoint answers every field error code there is', async () => {
  const answers = await endpointAnswers();
  const seen = new Set(answers.flatMap(({ body }) => {
    const b = JSON.parse(body);
    return b.errors?.length ? b.errors.map((e) => e.code) : [b.code];
  }));
  assert.deepEqual(CODES.filter((c) => !seen.has(c)), [], 'every code provoked');
  for (const lang of Object.keys(WORDS)) {
    assert.deepEqual(CODES.filter((c) => !WORDS[lang].messages[c]), [], `${lang} has a message for every code`);
  }
});

for (const lang of ['kk', 'ru', 'en']) {
  test(`every field error code is shown next to its field, ${lang}`, async () => {
    server.clearBookings();
    const answers = await endpointAnswers();
    const { labels, messages } = WORDS[lang];
    const context = await browser.newContext({ viewport: { width: 375, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Almaty' });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.base}/?lang=${lang}&service=visit-repeat`);
    await widgetReady(page);

    // An adult patient booked by their representative, so that every field is on screen.
    await chooseTime(page, lang, 1);
    for (const [key, value] of Object.entries({ surname: PATIENT.surname, given_name: PATIENT.given_name, iin: PATIENT.iin, birth_date: '20.05.1995', phone: PATIENT.phone, address: PATIENT.address })) {
      await control(page, lang, `patient.${key}`).fill(value);
    }
    await control(page, lang, 'representative').check();
    for (const [key, value] of Object.entries({ surname: REPRESENTATIVE.surname, given_name: REPRESENTATIVE.given_name, iin: REPRESENTATIVE.iin, birth_date: '20.05.1995', phone: REPRESENTATIVE.phone })) {
      await control(page, lang, `representative.${key}`).fill(value);
    }
    await control(page, lang, 'representative.relation').selectOption('parent');
    await control(page, lang, 'representative.guarantee').check();
    await page.getByRole('button', { name: labels.next, exact: true }).click();
    await stepHeading(page, 4).waitFor();
    await control(page, lang, 'consents.offer').check();
    await control(page, lang, 'consents.personal_data').check();
    await page.getByRole('button', { name: labels.next, exact: true }).click();
    await stepHeading(page, 5).waitFor();

    const shown = new Set();
    for (const answer of answers) {
      const body = JSON.parse(answer.body);
      const errors = body.errors?.length ? body.errors : [{ field: 'slot', code: body.code }];
      await page.route('**/api/bookings', (route) =>
        route.fulfill({ status: answer.status, contentType: 'application/json', body: answer.body }), { times: 1 });
      await page.getByRole('button', { name: labels.book, exact: true }).click();
      const step = stepOf(errors[0].field);
      await stepHeading(page, step).waitFor({ timeout: 10_000 });
      for (const { field, code } of errors.filter((e) => stepOf(e.field) === step)) {
        const message = messages[code];
        if (step <= 2) {
          // The reason to choose again, announced on the step itself.
          const alert = page.getByRole('alert').filter({ hasText: message });
          await alert.waitFor({ timeout: 5_000 });
        } else {
          const target = control(page, lang, field);
          assert.ok((await description(target)).includes(message), `${lang} ${field} ${code}: "${message}" describes the field, not "${await description(target)}"`);
          assert.equal(await target.getAttribute('aria-invalid'), 'true', `${field} is marked invalid`);
        }
        shown.add(code);
      }
      await axe(page, `${lang} step ${step} with ${errors.map((e) => e.code).join(', ')}`);
      await backToReview(page, lang, step);
    }
    assert.deepEqual(CODES.filter((c) => !shown.has(c)), [], 'every code shown');
    assert.deepEqual(seen.crashes, [], 'no uncaught error in the page');
    await context.close();
  });
}
