/** toJson: what PostgreSQL refuses in jsonb (NUL, lone surrogates) becomes U+FFFD, anywhere in the value; the rest is plain JSON. */
import { storableText, toJson } from './json.js';

test('NUL and lone surrogates in any string of the value are replaced; everything else is as JSON.stringify writes it', () => {
  expect(toJson({ a: 'x\u0000y', b: ['ok', { c: '\ud800' }], d: '\udc00z' })).toBe(JSON.stringify({ a: 'x\uFFFDy', b: ['ok', { c: '\uFFFD' }], d: '\uFFFDz' }));
  expect(toJson({ emoji: 'ok 😀', n: 1, t: true, when: new Date(0) })).toBe(JSON.stringify({ emoji: 'ok 😀', n: 1, t: true, when: new Date(0) }));
  // A resident who typed a backslash and "u0000" keeps exactly that.
  expect(JSON.parse(toJson({ s: 'a\\u0000b' })).s).toBe('a\\u0000b');
  expect(toJson(undefined)).toBe('null');
  expect(storableText('a\u0000b')).toBe('a\uFFFDb');
});
