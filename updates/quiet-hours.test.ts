/** Quiet hours in the council's timezone: held until their end, across midnight and a clock change. */
import { quietUntil } from './quiet-hours.js';

const LONDON = 'Europe/London';
const NIGHT = { from: '20:00', to: '08:00' };

test('outside the hours: at once; inside: until they end, the next morning or the same one', () => {
  expect(quietUntil(new Date('2026-01-14T12:00:00Z'), LONDON, NIGHT)).toBeNull();
  expect(quietUntil(new Date('2026-01-14T19:59:59Z'), LONDON, NIGHT)).toBeNull();
  expect(quietUntil(new Date('2026-01-14T20:00:00Z'), LONDON, NIGHT)?.toISOString()).toBe('2026-01-15T08:00:00.000Z');
  expect(quietUntil(new Date('2026-01-14T22:17:31Z'), LONDON, NIGHT)?.toISOString()).toBe('2026-01-15T08:00:00.000Z');
  expect(quietUntil(new Date('2026-01-15T07:59:10Z'), LONDON, NIGHT)?.toISOString()).toBe('2026-01-15T08:00:00.000Z');
  expect(quietUntil(new Date('2026-01-15T08:00:00Z'), LONDON, NIGHT)).toBeNull();
  // Summer time: 20:00 BST is 19:00 UTC.
  expect(quietUntil(new Date('2026-07-01T19:30:00Z'), LONDON, NIGHT)?.toISOString()).toBe('2026-07-02T07:00:00.000Z');
  expect(quietUntil(new Date('2026-07-01T18:59:00Z'), LONDON, NIGHT)).toBeNull();
  // Hours within one day, and none at all.
  expect(quietUntil(new Date('2026-01-14T13:30:00Z'), LONDON, { from: '13:00', to: '14:00' })?.toISOString()).toBe('2026-01-14T14:00:00.000Z');
  expect(quietUntil(new Date('2026-01-14T22:00:00Z'), LONDON, undefined)).toBeNull();
});

test('a night the clocks change still ends at 08:00 local', () => {
  // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 08:00 that morning is 07:00 UTC.
  expect(quietUntil(new Date('2026-03-28T22:00:00Z'), LONDON, NIGHT)?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
  // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 08:00 that morning is 08:00 UTC.
  expect(quietUntil(new Date('2026-10-24T21:00:00Z'), LONDON, NIGHT)?.toISOString()).toBe('2026-10-25T08:00:00.000Z');
});
