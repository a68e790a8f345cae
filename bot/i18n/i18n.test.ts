/** The catalogue has Welsh for every key; the turn's language is chosen in the documented order; Welsh short answers read as English. */
import path from 'node:path';
import { loadContentPack, type Settings } from '../content-pack/index.js';
import { chatEnded, formatDate, greeting, handoffMessage, safetyReply } from '../replies.js';
import { catalogueEntries, messagesIn } from './catalogue.js';
import { chooseLanguage, languageChoice } from './choose.js';
import { welshShortAnswer } from './answers.js';
import { detectLanguage } from './detect.js';
import { describeHoursCy } from './hours.js';

const demo = loadContentPack(path.resolve('content/demo')).settings;
const englishOnly: Settings = { ...demo, languages: ['en'] } as Settings;

/** Every string reachable in a value (functions called with sample arguments). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return strings((value as (...a: unknown[]) => unknown)('X', 'Y', 'Z', 'W'));
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

test('every catalogue entry has Welsh of the same shape, and Welsh words differ from the English', () => {
  const entries = catalogueEntries();
  expect(entries.length).toBeGreaterThan(20);
  for (const [key, { en, cy }] of entries) {
    expect([key, typeof cy]).toEqual([key, typeof en]);
    if (typeof en === 'function') expect([key, (cy as (...a: unknown[]) => unknown).length]).toEqual([key, (en as (...a: unknown[]) => unknown).length]);
    if (en && typeof en === 'object' && !Array.isArray(en) && Object.keys(en).length) expect([key, Object.keys(cy as object).sort()]).toEqual([key, Object.keys(en).sort()]);
    const welsh = strings(cy);
    expect([key, welsh.length > 0]).toEqual([key, true]);
    expect([key, welsh.every((s) => s.trim().length > 0)]).toEqual([key, true]);
  }
  // Sentences, not names: the Welsh is not the English.
  for (const key of ['goodbye', 'helpQuestion', 'fault'] as const) expect(messagesIn('cy')[key]).not.toBe(messagesIn('en')[key]);
});

test('a council offering both greets in Welsh first with "Cymraeg" / "English"; English-only councils as before', () => {
  const both = greeting(demo);
  expect(both.text.indexOf('Cynorthwyydd Merebrook')).toBeLessThan(both.text.indexOf('Merebrook Borough Council'));
  expect(both.text).toMatch(/^Helo, Cynorthwyydd Merebrook ydw i, cynorthwyydd ar-lein Cyngor Bwrdeistref Merebrook\./);
  expect(both.suggestions?.slice(0, 2)).toEqual([
    { label: 'Cymraeg', value: 'Cymraeg' },
    { label: 'English', value: 'English' },
  ]);
  const english = greeting(englishOnly);
  expect(english.text).toBe(
    `Hello, I'm the ${demo.assistant.name}, Merebrook Borough Council's online assistant. I can answer questions, report problems like missed bins or potholes, and put you through to our team. What can I help with?`,
  );
  expect(english.suggestions?.[0]).toEqual({ label: 'Report a missed bin', value: 'Report a missed bin' });
  expect(greeting(demo, 'en').text).toBe(english.text);
  expect(greeting(demo, 'cy').text).toMatch(/Sut galla i helpu\?$/);
});

test('Welsh replies: dates with the cy locale, hours with Welsh days, numbers as digits', () => {
  expect(formatDate('2026-12-07', 'Europe/London', 'cy')).toBe('dydd Llun, 7 Rhagfyr');
  expect(formatDate('2026-12-07', 'Europe/London')).toBe('Monday 7 December');
  expect(describeHoursCy({ timezone: 'Europe/London', weekly: { monday: '09:00-17:00', tuesday: '09:00-17:00', wednesday: '09:00-17:00', thursday: '09:00-17:00', friday: '09:00-16:30' } } as Settings['openingHours'])).toBe(
    'o ddydd Llun i ddydd Iau, 9yb tan 5yh; ddydd Gwener, 9yb tan 4:30yh',
  );
  const safety = safetyReply(demo, 'suicide_self_harm', 'none', { open: false, language: 'cy' });
  expect(safety.text).toMatch(/^Mae'n wir ddrwg gen i/);
  expect(safety.text).toMatch(/- Samariaid: 116 123, am ddim, unrhyw bryd, ddydd a nos/);
  expect(safety.text).toMatch(/Bydd ein tîm yn gweld eich neges pan fyddan nhw'n ôl \(o ddydd Llun/);
  // The pack's own (English) signposting, said in Welsh where the wording is known.
  const child = safetyReply(demo, 'child_at_risk', 'agent', { open: true, language: 'cy' }).text;
  expect(child).toMatch(/- Gwasanaethau plant Merebrook: 01632 960 200, o ddydd Llun i ddydd Gwener, 8:30yb tan 5yh/);
  expect(child).toMatch(/- Tîm dyletswydd brys Merebrook: 01632 960 999, gyda'r nos, ar benwythnosau ac ar wyliau banc/);
  expect(safetyReply(demo, 'child_at_risk', 'agent', { open: true }).text).toMatch(/- Merebrook children's services: 01632 960 200, Monday to Friday, 8:30am to 5pm/);
  expect(chatEnded(demo, 'sms', false, 'cy').text).toBe("Rydych chi wedi dod â'r sgwrs hon i ben. Os bydd angen help arnoch chi eto, anfonwch neges destun newydd.");
  expect(handoffMessage(demo, 'Waste', true, false, 60, true, 'cy').text).toMatch(/Mae'r amser aros tua munud\.$/);
});

describe('chooseLanguage', () => {
  const base = { settings: demo, text: 'ok' };
  test('explicit > choice > conversation > contact > default', () => {
    expect(chooseLanguage({ ...base, explicit: 'cy', text: 'English', conversation: 'en' })).toMatchObject({ language: 'cy', source: 'explicit', remember: true });
    expect(chooseLanguage({ ...base, text: 'Cymraeg', conversation: 'en' })).toMatchObject({ language: 'cy', source: 'choice', remember: true });
    expect(chooseLanguage({ ...base, text: 'Saesneg', conversation: 'cy' })).toMatchObject({ language: 'en', source: 'choice' });
    expect(chooseLanguage({ ...base, conversation: 'cy', contact: 'en' })).toMatchObject({ language: 'cy', source: 'conversation', remember: false });
    expect(chooseLanguage({ ...base, contact: 'cy' })).toMatchObject({ language: 'cy', source: 'contact' });
    expect(chooseLanguage(base)).toMatchObject({ language: 'en', source: 'default' });
  });

  test('a confident detection switches, short or unclear texts and flow answers do not', () => {
    for (const t of ['ok', 'OK', 'yes', 'no', 'MB1 1AD', 'CF10 1AA', 'MBC-123456', '07700 900123', '2', '👍', 'Ok thanks']) {
      expect([t, chooseLanguage({ ...base, text: t, conversation: 'cy' }).language]).toEqual([t, 'cy']);
      expect([t, chooseLanguage({ ...base, text: t, conversation: 'en' }).language]).toEqual([t, 'en']);
    }
    expect(chooseLanguage({ ...base, text: 'Pryd mae fy niwrnod bin?', conversation: 'en' })).toMatchObject({ language: 'cy', source: 'detected', remember: true });
    expect(chooseLanguage({ ...base, text: 'When is my bin day?', conversation: 'cy' })).toMatchObject({ language: 'en', source: 'detected' });
    expect(chooseLanguage({ ...base, text: 'When is my bin day?', conversation: 'cy', inFlow: true })).toMatchObject({ language: 'cy', source: 'conversation' });
  });

  test('only a language the council offers', () => {
    expect(chooseLanguage({ settings: englishOnly, text: 'Pryd mae fy niwrnod bin?' })).toMatchObject({ language: 'en', source: 'default' });
    expect(chooseLanguage({ settings: englishOnly, text: 'Cymraeg', explicit: 'cy', conversation: 'cy' })).toMatchObject({ language: 'en' });
  });
});

test('choices and Welsh short answers', () => {
  expect(['Cymraeg', 'cymraeg!', 'Welsh please', 'yn Gymraeg'].map(languageChoice)).toEqual(['cy', 'cy', 'cy', 'cy']);
  expect(['English', 'Saesneg', 'in English'].map(languageChoice)).toEqual(['en', 'en', 'en']);
  expect(languageChoice('I speak Welsh and English')).toBeNull();
  expect(welshShortAnswer('Ydw')).toBe('yes');
  expect(welshShortAnswer('Nac oes.')).toBe('no');
  expect(welshShortAnswer('Mynd yn ôl')).toBe('go back');
  expect(welshShortAnswer('Gorffen sgwrs')).toBe('end chat');
  expect(welshShortAnswer("Canslo'r adroddiad")).toBe('cancel report');
  expect(welshShortAnswer('Siarad â pherson')).toBe('talk to a person');
  expect(welshShortAnswer('Mae twll yn y ffordd')).toBeNull();
  // The apostrophe as written, or a space for it; the yes and no words of bot/matching.ts.
  expect(['Canslo’r adroddiad', 'canslo r adroddiad', "Cau'r sgwrs"].map(welshShortAnswer)).toEqual(['cancel report', 'cancel report', 'end chat']);
  expect(['Yndw', 'Nag oes', 'Iawn', 'Dim'].map(welshShortAnswer)).toEqual(['yes', 'no', 'ok', 'skip']);
  // Every Welsh button value the catalogue offers is read back as something the matchers know.
  const cy = messagesIn('cy');
  for (const s of [...cy.yesNo, ...cy.dangerYesNo, cy.flow.goBack, cy.flow.cancel, cy.flow.startAgain, cy.flow.skip, cy.talkToPerson, ...cy.outOfHoursOptions, ...cy.feedbackSuggestions, cy.turn.stopWaiting]) {
    expect([s.value, welshShortAnswer(s.value) ?? (/^(ie|na)$/i.test(s.value) ? 'matching.ts' : null)]).not.toEqual([s.value, null]);
  }
});

test('detection: Welsh and English sentences, nothing for the unclear', () => {
  expect(detectLanguage('Dydy fy min ddim wedi cael ei gasglu')?.language).toBe('cy');
  expect(detectLanguage("ma bin fi heb ei wagio")?.language).toBe('cy');
  expect(detectLanguage("my bin wasnt emptied")?.language).toBe('en');
  expect(detectLanguage('ok')).toBeNull();
  expect(detectLanguage('Heol y Parc')).toBeNull();
});

test('a message named like an object member ("constructor", "__proto__") is no Welsh short answer', () => {
  for (const text of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(welshShortAnswer(text)).toBeNull();
  expect(welshShortAnswer('Nac oes')).toBe('no');
});
