import { extractPhones, formatPhone, normalisePhone } from './phone.js';

describe('normalisePhone', () => {
  it.each([
    ['07700 900123', '+447700900123'], ['07700900123', '+447700900123'], ['+44 7700 900123', '+447700900123'],
    ['+447700900123', '+447700900123'], ['0044 7700 900123', '+447700900123'], ['+44 (0)7700 900123', '+447700900123'],
    ['07700-900-123', '+447700900123'], ['01632 960100', '+441632960100'], ['(01632) 960 100', '+441632960100'],
    ['020 7946 0018', '+442079460018'], ['0800 123 4567', '+448001234567'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(['12345', '0770090012', '077009001234', '+33 1 23 45 67 89', '06123 456789'])('rejects %s', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });
});

describe('extractPhones', () => {
  it('finds numbers in a sentence and marks mobiles', () => {
    const text = 'call me on 07700 900123 or the landline 01632 960100.';
    const found = extractPhones(text);
    expect(found.map((e) => e.value)).toEqual(['+447700900123', '+441632960100']);
    expect(found[0].detail?.mobile).toBe(1);
    expect(found[1].detail?.mobile).toBeUndefined();
    expect(text.slice(found[0].start, found[0].end)).toBe('07700 900123');
  });

  it('handles +44 forms and stops at the number', () => {
    const [p] = extractPhones('mob: +44 7700 900 123, thanks');
    expect(p.value).toBe('+447700900123');
    expect(p.text).toBe('+44 7700 900 123');
  });

  it('does not read a UPRN, a case reference or a date as a phone number', () => {
    expect(extractPhones('UPRN 100012340012, ref MBC-123456, on 12/11/2026')).toEqual([]);
  });
});

describe('formatPhone', () => {
  it.each([
    ['+447700900123', '07700 900123'], ['+441632960100', '01632 960100'], ['+44 7700 900123', '07700 900123'],
    ['+12025550123', '+12025550123'], ['+44800123456', '+44800123456'], ['not a number', 'not a number'],
  ])('%s → %s', (input, expected) => {
    expect(formatPhone(input)).toBe(expected);
  });
});
