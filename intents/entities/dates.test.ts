import { extractDates, parseDate, localToday } from './dates.js';

// Wednesday 18 November 2026, 10:00 in London (GMT in November).
const now = new Date('2026-11-18T10:00:00Z');
const ctx = { now, timeZone: 'Europe/London' };
const first = (text: string) => extractDates(text, ctx)[0];

describe('relative dates against Wed 2026-11-18', () => {
  it.each([
    ['today', '2026-11-18'], ['yesterday', '2026-11-17'], ['tomorrow', '2026-11-19'], ['tmrw', '2026-11-19'],
    ['the day before yesterday', '2026-11-16'], ['the day after tomorrow', '2026-11-20'],
    ['last Tuesday', '2026-11-17'], ['last Wednesday', '2026-11-11'], ['last monday', '2026-11-16'],
    ['next Friday', '2026-11-20'], ['next Wednesday', '2026-11-25'], ['this Monday', '2026-11-16'], ['this sunday', '2026-11-22'],
    ['Friday just gone', '2026-11-13'], ['Monday week', '2026-11-30'],
    ['3 days ago', '2026-11-15'], ['three days ago', '2026-11-15'], ['a week ago', '2026-11-11'],
    ['a couple of weeks ago', '2026-11-04'], ['a fortnight ago', '2026-11-04'], ['in 3 days', '2026-11-21'],
    ['12/11', '2026-11-12'], ['12/11/2026', '2026-11-12'], ['12-11-26', '2026-11-12'], ['12.11.2026', '2026-11-12'],
    ['1/2', '2027-02-01'], ['12/01', '2027-01-12'], ['30/10', '2026-10-30'],
    ['12th November', '2026-11-12'], ['12 Nov', '2026-11-12'], ['November 12th', '2026-11-12'],
    ['the twelfth of November', '2026-11-12'], ['3rd December 2025', '2025-12-03'], ['on the 3rd', '2026-11-03'],
    ['on the 30th', '2026-11-30'], ['on the 2nd', '2026-12-02'],
  ])('%s → %s', (text, iso) => {
    expect(first(text)?.value).toBe(iso);
  });

  it('"last week" is the Monday of last week, with the Sunday as its end', () => {
    expect(first('it was last week')).toMatchObject({ value: '2026-11-09', detail: { granularity: 'week', end: '2026-11-15' } });
    expect(first('next week')?.value).toBe('2026-11-23');
    expect(first('last month')).toMatchObject({ value: '2026-10-01', detail: { end: '2026-10-31' } });
  });
});

describe('a bare weekday', () => {
  it('is in the past when the sentence is', () => {
    expect(first("my bin wasn't collected on Monday")).toMatchObject({ value: '2026-11-16', detail: { assumed: 'past' } });
    expect(first('they missed it on Friday')?.value).toBe('2026-11-13');
  });

  it('is in the future when the sentence is', () => {
    expect(first('can you come on Monday')).toMatchObject({ value: '2026-11-23', detail: { assumed: 'future' } });
    expect(first('I want to book Friday')?.value).toBe('2026-11-20');
  });

  it('is the nearer one otherwise, and today when it is today', () => {
    expect(first('Tuesday')?.value).toBe('2026-11-17');
    expect(first('Thursday')?.value).toBe('2026-11-19');
    expect(first('Wednesday')).toMatchObject({ value: '2026-11-18', detail: { assumed: 'today' } });
  });

  it('does not read "sat" or "wed" on their own as days', () => {
    expect(extractDates('I sat on the wall', ctx)).toEqual([]);
    expect(extractDates('on sat', ctx)[0]?.value).toBe('2026-11-21');
  });
});

describe('times', () => {
  it.each([
    ['tomorrow morning', '2026-11-19', 'morning'], ['this morning', '2026-11-18', 'morning'],
    ['this afternoon', '2026-11-18', 'afternoon'], ['tonight', '2026-11-18', 'night'], ['last night', '2026-11-17', 'night'],
    ['yesterday evening', '2026-11-17', 'evening'], ['Monday night', '2026-11-16', 'night'],
    ['yesterday at 7pm', '2026-11-17', '19:00'], ['at 19:30 on Monday', '2026-11-16', '19:30'],
    ['last night about 11pm', '2026-11-17', '23:00'], ['on Tuesday at 7.30am', '2026-11-17', '07:30'],
    ['12th November at noon', '2026-11-12', '12:00'], ['in the morning on Tuesday', '2026-11-17', 'morning'],
  ])('%s → %s %s', (text, iso, time) => {
    const e = first(text);
    expect(e?.value).toBe(iso);
    expect(e?.detail?.time).toBe(time);
    expect(e?.text).toBe(text);
  });

  it('a clock time alone is taken as today, with lower confidence', () => {
    expect(first('it started about 7pm')).toMatchObject({ value: '2026-11-18', confidence: 0.6, detail: { time: '19:00' } });
  });

  it('a part of the day alone is not a date', () => {
    expect(extractDates('good morning, my bin was missed', ctx)).toEqual([]);
    expect(extractDates('the noise is every night', ctx)).toEqual([]);
  });
});

describe('in a sentence', () => {
  it('keeps offsets on the original text', () => {
    const text = 'Hi, the bins were missed yesterday morning and again on 12/11.';
    const found = extractDates(text, ctx);
    expect(found.map((e) => [e.value, text.slice(e.start, e.end)])).toEqual([
      ['2026-11-17', 'yesterday morning'], ['2026-11-12', '12/11'],
    ]);
  });

  it('ignores things that only look like dates', () => {
    expect(extractDates('a 24/7 service, 50/50 chance, 7.30 is fine, phone 07700 900123', ctx)).toEqual([]);
    expect(extractDates('31/02', ctx)).toEqual([]);
  });

  it('parseDate answers a "which day?" step', () => {
    expect(parseDate('tomorrow morning please', ctx)).toEqual({ date: '2026-11-19', time: 'morning' });
    expect(parseDate('not sure', ctx)).toBeNull();
  });
});

describe('time zone', () => {
  it('"today" is the calendar day in London, not in UTC', () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST).
    const summerNight = new Date('2026-07-01T23:30:00Z');
    expect(extractDates('today', { now: summerNight })[0].value).toBe('2026-07-02');
    expect(extractDates('today', { now: summerNight, timeZone: 'UTC' })[0].value).toBe('2026-07-01');
    expect(localToday(summerNight).toISOString().slice(0, 10)).toBe('2026-07-02');
  });

  it('crosses the clock change without losing a day', () => {
    // Sunday 25 October 2026 is the end of BST.
    const monday = new Date('2026-10-26T09:00:00Z');
    expect(extractDates('yesterday', { now: monday })[0].value).toBe('2026-10-25');
    expect(extractDates('3 days ago', { now: monday })[0].value).toBe('2026-10-23');
  });
});

describe('Welsh dates against Wed 2026-11-18', () => {
  it.each([
    ['heddiw', '2026-11-18'], ['ddoe', '2026-11-17'], ['echdoe', '2026-11-16'], ['yfory', '2026-11-19'],
    ['dydd Llun diwethaf', '2026-11-16'], ['dydd Mawrth nesaf', '2026-11-24'], ['ddydd Gwener', '2026-11-20'],
    ['4 Mawrth 2027', '2027-03-04'], ['12 Tachwedd', '2026-11-12'],
  ])('%s is %s', (text, iso) => {
    expect(first(text)?.value).toBe(iso);
  });

  it('reads "dydd Mawrth" as Tuesday, not March, and takes no date from an English "doe"', () => {
    expect(first('cafodd y bin ei fethu dydd Mawrth diwethaf')?.value).toBe('2026-11-17');
    expect(extractDates('a doe on the verge', ctx)).toEqual([]);
    expect(first('neithiwr')?.detail?.time).toBe('night');
  });
});
