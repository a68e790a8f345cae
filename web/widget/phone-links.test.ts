import { describe, expect, test } from '@jest/globals';
import { findPhoneNumbers } from './phone-links.js';

/** Which parts of a reply web chat makes tap-to-call: the numbers to call, and nothing else. */

function linked(text: string): [string, string][] {
  return findPhoneNumbers(text).map((l) => [text.slice(l.start, l.end), l.href]);
}

describe('phone numbers in replies', () => {
  test('UK numbers keep their visible text and call the +44 form', () => {
    expect(linked('Call the National Gas Emergency Service on 0800 111 999, free, any time.')).toEqual([['0800 111 999', 'tel:+44800111999']]);
    expect(linked('The National Domestic Abuse Helpline is 0808 2000 247.')).toEqual([['0808 2000 247', 'tel:+448082000247']]);
    expect(linked('Our out-of-hours line is 01632 960 200 and the duty mobile 07700 900 123.')).toEqual([
      ['01632 960 200', 'tel:+441632960200'],
      ['07700 900 123', 'tel:+447700900123'],
    ]);
    expect(linked('From abroad: +44 1632 960200 or +44 (0)20 7946 0000 or 0800111999.')).toEqual([
      ['+44 1632 960200', 'tel:+441632960200'],
      ['+44 (0)20 7946 0000', 'tel:+442079460000'],
      ['0800111999', 'tel:+44800111999'],
    ]);
    expect(linked('Call (01632) 960 200 or (0800 111 999).')).toEqual([
      ['(01632) 960 200', 'tel:+441632960200'],
      ['0800 111 999', 'tel:+44800111999'],
    ]);
  });

  test('digits that follow a number are not swallowed into it', () => {
    expect(linked('Call 0800 111 999 24 hours a day.')).toEqual([['0800 111 999', 'tel:+44800111999']]);
  });

  test('short numbers: 999 always, the others where the sentence is about calling', () => {
    expect(linked('If anyone is in danger, call 999 now.')).toEqual([['999', 'tel:999']]);
    expect(linked('999')).toEqual([['999', 'tel:999']]);
    expect(linked('Call Samaritans free on 116 123, or call NHS 111 and choose option 2.')).toEqual([
      ['116 123', 'tel:116123'],
      ['111', 'tel:111'],
    ]);
    expect(linked('For a power cut, call 105. To report a crime that is not an emergency, call 101.')).toEqual([
      ['105', 'tel:105'],
      ['101', 'tel:101'],
    ]);
    expect(linked('Call 999, then press 55 when asked.')).toEqual([['999', 'tel:999']]);
  });

  test('text SHOUT to 85258 is an sms: link with the keyword as its body', () => {
    expect(linked('You can also text SHOUT to 85258 for free support.')).toEqual([['85258', 'sms:85258?body=SHOUT']]);
    expect(linked('Text us on 07700 900 123.')).toEqual([['07700 900 123', 'sms:+447700900123']]);
  });

  test('references, dates, times, postcodes, money and addresses are left alone', () => {
    for (const text of [
      'Your reference is MBC-400081.',
      'Your reference is MBC-999111, reported on 01/02/2025.',
      'Collections resume on 02 03 2025 at 07:00.',
      'Open 0800 to 1700, Monday to Friday.',
      'The depot is at MB1 1AD; the fee is £999.50, or £1,080 a year.',
      'Is it 101 High Street, Merebrook?',
      'There are 111 bins and 105 lamp posts in the ward.',
      'Property 100023480808 on the gazetteer.',
      'Case 2024-01-15 was opened.',
    ]) {
      expect([text, linked(text)]).toEqual([text, []]);
    }
  });
});
