// The booking flow's steps as a visitor takes them, for every browser test that books: on a page,
// or on the frame the widget is embedded in (a Playwright Frame answers the same calls).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, stepHeading } from './harness.mjs';

export const CATALOGUE = JSON.parse(readFileSync(join(root, 'data/catalogue.sample.json'), 'utf8'));
/** The versions of the documents the sample serves, as a consent names them. */
export const VERSIONS = {
  offer_version: CATALOGUE.documents.offer.version,
  personal_data_version: CATALOGUE.documents.personal_data.version,
};
export const doctorName = (id, lang) => CATALOGUE.doctors.find((d) => d.id === id).name[lang];
export const serviceName = (id, lang) => CATALOGUE.services.find((s) => s.id === id).name[lang];

/** The words the tests look for, as a visitor reads them. */
export const W = {
  kk: { book: 'Жазылу', any: 'Кез келген бос дәрігер', next: 'Әрі қарай', patient: 'Пациент туралы деректер', rep: 'Заңды өкіл',
    surname: 'Тегі', given_name: 'Аты', iin: 'ЖСН', birth_date: 'Туған күні', phone: 'Ұялы телефон', address: 'Тұрғылықты мекенжайы',
    relation: 'Пациентке кім боласыз', guarantee: /Мен пациенттің заңды өкілі екенімді/, asRep: /Мен пациенттің заңды өкілімін/,
    offer: /жария офертасымен/, data: /дербес деректер/i, lang: 'Қазақша' },
  ru: { book: 'Записаться', any: 'Любой свободный врач', next: 'Далее', patient: 'Данные пациента', rep: 'Законный представитель',
    surname: 'Фамилия', given_name: 'Имя', iin: 'ИИН', birth_date: 'Дата рождения', phone: 'Мобильный телефон', address: 'Адрес проживания',
    relation: 'Кем вы приходитесь пациенту', guarantee: /Подтверждаю, что я законный представитель/, asRep: /Я законный представитель пациента/,
    offer: /публичной офертой/, data: /обработку моих персональных данных/, retry: 'Повторить', lang: 'Русский' },
  en: { book: 'Book', any: 'Any available doctor', next: 'Next', patient: 'Patient details', rep: 'Legal representative',
    surname: 'Surname', given_name: 'Given name', iin: 'IIN', birth_date: 'Date of birth', phone: 'Mobile phone', address: 'Home address',
    offer: /public offer/, data: /processing of my personal data/, lang: 'English' },
};

export const ADULT = {
  surname: 'Иванова', given_name: 'Анна', iin: '950520300004', birth_date: '1995-05-20',
  phone: '8 701 123 45 67',
};
export const CHILD = {
  surname: 'Сейтқали', given_name: 'Нұрлан', iin: '000101500001', birth_date: '2015-05-05',
  phone: '+7 701 123 45 67',
};
export const PARENT = {
  surname: 'Сейтқали', given_name: 'Айгерім', iin: '950520300004', birth_date: '1995-05-20',
  phone: '+7 701 765 43 21',
};

/** Waits until the flow shows step `n` of 5. */
export async function atStep(page, n) {
  await stepHeading(page, n).waitFor({ timeout: 10_000 });
}

/** The free times of the chosen day: a list named by the day, in clinic time. */
export const times = (page) => page.getByRole('list', { name: /\((время Алматы|Алматы уақыты|Almaty time), UTC\+5\)$/ });
/** A day of the picker with free times, as its name reads: "…: 5 свободных окон". */
export const FREE = /: \d+ (свободн(ое|ых) (окно|окна|окон)|бос орын|free slots?)$/;
export const timeButtons = (page) => times(page).getByRole('button', { name: /^\d\d:\d\d$/ });

/** The chosen slot as the tab keeps it (name and value pairs): `doctor|start`. */
export async function chosenSlot(page) {
  const kept = await page.evaluate(() => JSON.parse(sessionStorage.getItem('jazylu-flow')));
  return new Map(kept).get('slot');
}

/** Chooses the doctor (`any` for any available one), then the first free time on the `nth` day
 * that has one; returns the chosen slot as `doctor|start`. */
export async function chooseTime(page, lang, doctor = 'any', nth = 1) {
  const name = doctor === 'any' ? W[lang].any : new RegExp(`^${doctorName(doctor, lang)}`);
  await page.getByRole('button', { name }).click();
  await page.getByRole('button', { name: FREE, disabled: false }).nth(nth).click();
  await timeButtons(page).first().click();
  await atStep(page, 3);
  return chosenSlot(page);
}

/** The group of the patient's or the representative's fields. */
export const group = (page, lang, who) => page.getByRole('group', { name: W[lang][who] });

export async function fillPerson(page, lang, who, p) {
  for (const [k, v] of Object.entries(p)) await group(page, lang, who).getByLabel(W[lang][k], { exact: true }).fill(v);
}

export const field = (page, lang, key) => group(page, lang, 'patient').getByLabel(W[lang][key], { exact: true });

export async function next(page, lang) {
  await page.getByRole('button', { name: W[lang].next, exact: true }).click();
}

/** Ticks both consents and goes on to the review. */
export async function consent(page, lang) {
  await atStep(page, 4);
  await page.getByRole('checkbox', { name: W[lang].offer }).check();
  await page.getByRole('checkbox', { name: W[lang].data }).check();
  await next(page, lang);
  await atStep(page, 5);
}

/** "Book" on the review. */
export async function book(page, lang) {
  await page.getByRole('button', { name: W[lang].book, exact: true }).click();
}

/** The review's lines, as text. */
export const review = async (page) => (await page.getByRole('definition').allInnerTexts()).join('\n');

/** The reference of a booking made. */
export const referenceOf = (page) => page.getByText(/^JZ-[2-9A-Z]{6}$/);
