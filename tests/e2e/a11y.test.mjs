// Every screen a visitor meets, in each language, on 320 and 375 px phones, checked by axe-core
// for WCAG 2.2 A and AA, walked as a keyboard and screen-reader user walks it: elements found by
// role, label and text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axe, noHorizontalScroll, serverAndBrowser, watch, widgetReady } from './harness.mjs';

let server;
let browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]));

const WORDS = {
  kk: {
    book: 'Жазылу', any: 'Кез келген бос дәрігер', next: 'Әрі қарай', surname: 'Тегі', given: 'Аты',
    iin: 'ЖСН', birth: 'Туған күні', phone: 'Ұялы телефон', address: 'Тұрғылықты мекенжайы',
    offer: /жария офертасымен/, data: /Дербес деректерімді/, received: 'Өтінім қабылданды', cancelBooking: 'Жазылудан бас тарту',
    step: (n) => `Қадам ${n} / 5`,
  },
  ru: {
    book: 'Записаться', any: 'Любой свободный врач', next: 'Далее', surname: 'Фамилия', given: 'Имя',
    iin: 'ИИН', birth: 'Дата рождения', phone: 'Мобильный телефон', address: 'Адрес проживания',
    offer: /публичной офертой/, data: /обработку моих персональных данных/, received: 'Заявка принята', cancelBooking: 'Отменить запись',
    step: (n) => `Шаг ${n} из 5`,
  },
  en: {
    book: 'Book', any: 'Any available doctor', next: 'Next', surname: 'Surname', given: 'Given name',
    iin: 'IIN', birth: 'Date of birth', phone: 'Mobile phone', address: 'Home address',
    offer: /public offer/, data: /processing of my personal data/, received: 'Request received', cancelBooking: 'Cancel the booking',
    step: (n) => `Step ${n} of 5`,
  },
};

// Shown as text, never as markup.
const HOSTILE = '"><script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

async function check(page, what) {
  await axe(page, what);
  await noHorizontalScroll(page, what);
}

for (const lang of ['kk', 'ru', 'en']) {
  for (const width of [320, 375]) {
    test(`every screen passes axe and fits, ${lang} at ${width} px`, async () => {
      // The same patient books in every run: a fresh database keeps them within their limit.
      server.clearBookings();
      const w = WORDS[lang];
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const seen = watch(page);
      const heading = (n) => page.getByRole('heading', { level: 2, name: new RegExp(w.step(n)) });

      await page.goto(`${server.base}/?lang=${lang}`);
      await widgetReady(page);
      await check(page, 'prices');

      await page.getByRole('link', { name: new RegExp(`^${w.book}: `) }).first().click();
      await heading(1).waitFor();
      await check(page, 'doctor');

      await page.getByRole('button', { name: w.any }).click();
      await heading(2).waitFor();
      const time = page.getByRole('button', { name: /^\d\d:\d\d$/ }).first();
      await time.waitFor();
      assert.notEqual(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'focus is somewhere when times load');
      await check(page, 'day and time');
      await time.click();
      await heading(3).waitFor();

      await page.getByLabel(w.surname, { exact: true }).first().fill('Иванова');
      await page.getByLabel(w.given, { exact: true }).first().fill('Анна');
      await page.getByLabel(w.iin, { exact: true }).first().fill('950520300005');
      // Leaving a field with a mistake puts its message next to it, and focus stays on the way.
      await page.getByLabel(w.birth, { exact: true }).first().focus();
      const iin = page.getByLabel(w.iin, { exact: true }).first();
      assert.equal(await iin.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.name), 'patient.birth_date', 'focus is where the visitor went');
      await check(page, 'patient, with a message');
      await iin.fill('950520300004');
      await page.getByLabel(w.birth, { exact: true }).first().fill('1995-05-20');
      await page.getByLabel(w.phone, { exact: true }).first().fill('8 701 123 45 67');
      await page.getByLabel(w.address, { exact: true }).fill(HOSTILE);
      await page.getByRole('button', { name: w.next }).click();
      await heading(4).waitFor();
      await check(page, 'consents');

      await page.getByRole('checkbox', { name: w.offer }).check();
      await page.getByRole('checkbox', { name: w.data }).check();
      await page.getByRole('button', { name: w.next }).click();
      await heading(5).waitFor();
      assert.ok((await page.getByRole('definition').allInnerTexts()).includes(HOSTILE), 'the address is shown as typed, as text');
      await check(page, 'review');

      await page.getByRole('button', { name: w.book, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: w.received }).waitFor();
      await check(page, 'confirmation');

      const link = page.getByRole('link', { name: /#manage=/ });
      await link.click();
      await page.getByText(/^JZ-[2-9A-Z]{6}$/).waitFor();
      await page.getByRole('button', { name: w.cancelBooking }).waitFor();
      await check(page, 'manage page');

      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no markup ran');
      assert.equal(await page.evaluate(() => document.images.length), 0, 'no element was made from the text');
      assert.equal(server.sql(`SELECT address FROM people WHERE role = 'patient' ORDER BY booking_id DESC LIMIT 1`), HOSTILE);
      assert.deepEqual(seen.crashes, []);
      await context.close();
    });
  }
}
