// The price list in a real browser: the real server, the real release build, Debian's Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { noHorizontalScroll, serverAndBrowser, watch, widgetReady } from './harness.mjs';

const NBSP = '\u00a0';
const NAMES = {
  kk: 'ЛОР-дәрігердің бастапқы қабылдауы',
  ru: 'Первичный приём ЛОР-врача',
  en: 'First visit to an ENT doctor',
};
const TITLES = { kk: 'Қызметтер мен бағалар', ru: 'Услуги и цены', en: 'Services and prices' };

let server;
let browser;
serverAndBrowser((s, b) => ([server, browser] = [s, b]));

const BOOK = /^(Жазылу|Записаться|Book): /;
/** The services: the list items with a "Book" link. */
const services = (page) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: BOOK }) });
const pricesTitle = (page) => page.getByRole('heading', { level: 2 });
/** A price as a screen reader reads it: "Цена по акции: 10 000 ₸", or the amount alone. */
const NOW = new RegExp(`^((Акциялық баға|Цена по акции|Promotional price): )?\\d{1,3}(${NBSP}\\d{3})*${NBSP}₸$`);
const OLD = /^(Әдеттегі баға|Обычная цена|Regular price): \d/;

async function firstServiceRow(page) {
  const row = services(page).first();
  const label = await row.getByRole('link', { name: BOOK }).getAttribute('aria-label');
  return {
    name: label.replace(BOOK, ''),
    now: await row.getByText(NOW).textContent(),
    old: await row.getByText(OLD).textContent(),
  };
}

for (const width of [320, 1280]) {
  describe(`at ${width} px`, () => {
    test('shows kk by default, switches to ru and en in place', async () => {
      // A browser that prefers no language of ours gets Kazakh.
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'de-DE' });
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(server.base + '/');
      await widgetReady(page);

      assert.equal(await page.getAttribute('html', 'lang'), 'kk');
      assert.equal(await pricesTitle(page).innerText(), TITLES.kk);
      const kk = await firstServiceRow(page);
      assert.equal(kk.name, NAMES.kk);
      assert.equal(kk.now, `Акциялық баға: 10${NBSP}000${NBSP}₸`);
      assert.equal(kk.old, `Әдеттегі баға: 12${NBSP}000${NBSP}₸`);
      await noHorizontalScroll(page);

      // The switch works in place: no reload (the marker survives), address and title follow.
      await page.evaluate(() => { window.jazyluMarker = 1; });
      await page.getByRole('link', { name: 'Русский' }).click();
      await page.getByRole('link', { name: `Записаться: ${NAMES.ru}` }).waitFor();
      assert.equal(await page.evaluate(() => window.jazyluMarker), 1, 'no reload');
      assert.equal(await page.getAttribute('html', 'lang'), 'ru');
      assert.match(page.url(), /[?&]lang=ru/);
      assert.equal(await pricesTitle(page).innerText(), TITLES.ru);
      assert.match(await page.title(), /Услуги и цены$/);
      const ru = await firstServiceRow(page);
      assert.equal(ru.now, `Цена по акции: 10${NBSP}000${NBSP}₸`);
      assert.equal(await page.getByText('Акция до 31 декабря').first().innerText(), 'Акция до 31 декабря');
      // Under the prices: the hours, the complaints channel and the clinic in law, from its catalogue.
      const about = page;
      await about.getByText('Клиника работает: Пн–Пт 08:00–19:00; Сб 09:00–15:00', { exact: true }).waitFor();
      await about.getByText('Колл-центр работает: Пн–Пт 09:00–17:00', { exact: true }).waitFor();
      await about.getByText(`Жалобы и предложения принимаются в WhatsApp +7${NBSP}777${NBSP}747${NBSP}90${NBSP}65; срок ответа — 20 рабочих дней.`, { exact: true }).waitFor();
      await about.getByText('ТОО «Лечебно-диагностический центр оториноларингологии «PRO-ЛОР»», БИН 210840003610, лицензия № 21030807 от 01.11.2021.').waitFor();
      assert.equal(await about.getByRole('link', { name: 'Публичная оферта' }).getAttribute('href'), 'https://pro-lor.example/public-offer');
      await noHorizontalScroll(page);

      await page.getByRole('link', { name: 'English' }).click();
      await page.getByRole('link', { name: `Book: ${NAMES.en}` }).waitFor();
      assert.equal(await pricesTitle(page).innerText(), TITLES.en);
      const prices = [];
      for (const row of await services(page).all()) prices.push(await row.getByText(NOW).textContent());
      assert.equal(prices.length, 12);
      for (const p of prices) assert.match(p, new RegExp(`^(Promotional price: )?\\d{1,3}(${NBSP}\\d{3})*${NBSP}₸$`));
      await noHorizontalScroll(page);

      assert.deepEqual(seen.errors, []);
      assert.deepEqual([...seen.origins], [server.base], 'no third-party requests');
      await context.close();
    });
  });
}

test('?lang=ru is painted in Russian by the server, before and without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.base + '/?lang=ru');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.equal((await firstServiceRow(page)).name, NAMES.ru);
  assert.equal(await services(page).count(), 12);
  // Without JavaScript the language links are plain links to the server.
  await page.getByRole('link', { name: 'Қазақша' }).click();
  await page.waitForURL(/lang=kk/);
  assert.equal((await firstServiceRow(page)).name, NAMES.kk);
  await context.close();
});

test('the browser language is the default when the host does not choose', async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.base + '/');
  await widgetReady(page);
  assert.equal((await firstServiceRow(page)).name, NAMES.en);
  await context.close();
});

test('the widget takes over the server HTML without changing it', async () => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.route('**/*.wasm', async (route) => {
    // Hold the wasm back long enough to read the server's HTML first.
    await new Promise((r) => setTimeout(r, 300));
    await route.continue();
  });
  await page.goto(server.base + '/', { waitUntil: 'domcontentloaded' });
  const before = await services(page).allInnerTexts();
  await widgetReady(page);
  const afterTakeover = await services(page).allInnerTexts();
  assert.equal(before.length, 12);
  assert.deepEqual(afterTakeover, before);
  await context.close();
});

test('a failed catalogue load keeps the prices and offers a retry that works', async () => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.route('**/api/catalog', (route) => route.abort('internetdisconnected'));
  await page.goto(server.base + '/');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Не удалось загрузить прейскурант/);
  assert.equal(await services(page).count(), 12, 'the server-rendered prices stay');

  await page.unroute('**/api/catalog');
  await page.getByRole('button', { name: 'Повторить' }).click();
  await widgetReady(page);
  assert.equal(await page.getByRole('alert').count(), 0);
  await context.close();
});

test('a catalogue request that hangs is given up after 15 s and can be retried', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  let held = 0;
  await page.route('**/api/catalog', () => { held += 1; }); // never answered
  await page.goto(server.base + '/');
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 25_000 });
  assert.match(await alert.innerText(), /could not be loaded/);
  assert.ok(held >= 1);
  assert.equal(await services(page).count(), 12, 'the prices stay on screen');
  await page.unroute('**/api/catalog');
  await page.getByRole('button', { name: 'Try again' }).click();
  await widgetReady(page);
  await context.close();
});

test('"Book" opens the booking: the service, its doctors, and back returns to the prices', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, locale: 'ru-RU' });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(server.base + '/');
  await widgetReady(page);
  await page.getByRole('link', { name: `Записаться: ${NAMES.ru}` }).click();
  const heading = page.getByRole('heading', { name: 'Шаг 1 из 5 Выберите врача' });
  await heading.waitFor();
  assert.ok(await heading.evaluate((h) => document.activeElement === h), 'focus moves to the step');
  assert.ok(seen.origins.size === 1, 'nothing comes from another origin');
  assert.equal(await page.getByText(NAMES.ru, { exact: true }).count(), 1, 'the service booked is named');
  const doctors = page.getByRole('list').filter({ has: page.getByRole('button', { name: 'Любой свободный врач' }) }).getByRole('button');
  assert.deepEqual(await doctors.allInnerTexts(), [
    'Любой свободный врач', 'Алия Жумабаева\nЛОР-врач', 'Нурлан Ахметов\nЛОР-врач, хирург',
  ]);
  assert.equal(
    await page.evaluate(() => getComputedStyle(document.querySelector('.jz-progress li')).borderTopStyle),
    'solid', 'the flow stylesheet is in place before it shows',
  );
  await noHorizontalScroll(page);
  await page.getByRole('button', { name: /Вернуться к ценам/ }).click();
  await pricesTitle(page).filter({ hasText: TITLES.ru }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'jz-prices-title');
  assert.equal(await services(page).count(), 12);
  await page.getByRole('link', { name: 'Записаться: Эндоскопия ЛОР-органов' }).click();
  await heading.waitFor();
  assert.equal(await doctors.count(), 4);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
