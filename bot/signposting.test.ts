/**
 * The pieces of a safety reply without a server: which messages end a chat (and which never do),
 * numbers read digit by digit, the pack's signposting validated and ordered, defaults where a
 * council names nobody for a kind.
 */
import path from 'node:path';
import { RISK_KINDS } from '../intents/types.js';
import { loadContentPack } from './content-pack/index.js';
import { settingsSchema } from './content-pack/schemas.js';
import { isEndChat } from './matching.js';
import { defaultSignposting, safetyReply, signpostsFor, spokenNumber } from './replies.js';

const pack = loadContentPack(path.resolve('content/demo'));
const settings = pack.settings;

test('ways of ending a chat end it; disclosures and flow commands do not', () => {
  for (const t of ['End chat', 'end', 'END', 'end this chat', 'I want to end this chat', 'close chat', 'bye', 'Bye!', 'ok bye', 'thanks, bye', 'goodbye', 'can I end the conversation please']) {
    expect([t, isEndChat(t)]).toEqual([t, true]);
  }
  for (const t of ['I want to end it all', 'end it', 'I want to end my life', 'end of my tether', 'stop', 'cancel', 'end of the road for me', 'the bin at the end of the road']) {
    expect([t, isEndChat(t)]).toEqual([t, false]);
  }
});

test('numbers are spoken digit by digit, their groups apart', () => {
  expect(spokenNumber('0800 111 999')).toBe('0 8 0 0, 1 1 1, 9 9 9');
  expect(spokenNumber('116 123')).toBe('1 1 6, 1 2 3');
  expect(spokenNumber('999')).toBe('9 9 9');
  expect(spokenNumber('+44 1632 960200')).toBe('plus 4 4, 1 6 3 2, 9 6 0 2 0 0');
});

test('the demo pack signposts every kind; an entry matching the message comes first', () => {
  for (const kind of RISK_KINDS) expect(signpostsFor(settings, kind).length).toBeGreaterThan(0);
  expect(signpostsFor(settings, 'fire_gas_co', 'I can smell gas').map((p) => p.number)).toEqual(['0800 111 999', '999']);
  expect(signpostsFor(settings, 'fire_gas_co', 'the house next door is on fire').map((p) => p.number)).toEqual(['999', '0800 111 999']);
});

test('a council that names nobody for a kind gets national services and its own duty line', () => {
  const { signposting: _omit, ...rest } = settings;
  const bare = settingsSchema.parse({ ...rest, signposting: {} });
  const child = signpostsFor(bare, 'child_at_risk');
  expect(child[0].number).toBe('999');
  expect(child.map((p) => p.number)).toEqual(expect.arrayContaining([settings.emergency.childrenSocialCare, '0808 800 5000']));
  expect(defaultSignposting(bare).domestic_abuse.map((p) => p.number)).toContain('0808 2000 247');
  const reply = safetyReply(bare, 'suicide_self_harm', 'none', { open: false });
  expect(reply.text).toMatch(/Samaritans: 116 123/);
  expect(reply.speech).toMatch(/1 1 6, 1 2 3/);
});

test('the pack is validated: an unknown kind or a number with letters is refused', () => {
  const { signposting: _omit, ...rest } = settings;
  expect(settingsSchema.safeParse({ ...rest, signposting: { gas: [{ name: 'Gas', number: '0800 111 999' }] } }).success).toBe(false);
  expect(settingsSchema.safeParse({ ...rest, signposting: { fire_gas_co: [{ name: 'Gas', number: 'call us' }] } }).success).toBe(false);
  expect(settingsSchema.safeParse({ ...rest, signposting: { fire_gas_co: [] } }).success).toBe(false);
});
