import { addRotaEntry, needsDutyReferral, onCall, rotaEntryInput } from './index.js';
import { freshTenant, openTestStore } from '../../test/store.js';
import type { Store } from '../../store/index.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

const entry = (skill: string, name: string, startsAt: string, endsAt: string) =>
  rotaEntryInput.parse({ skill, name, channel: 'sms', destination: '07700 900123', startsAt, endsAt });

describe('who is on call', () => {
  test('the entry covering the moment, for the skill, else for "all"; a future-dated change takes over by itself', async () => {
    const tenant = await freshTenant(store, 'rota');
    const db = store.db;
    await addRotaEntry(db, tenant, entry('all', 'Alex (general duty)', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z'), 'sup-1');
    await addRotaEntry(db, tenant, entry('housing', 'Hana (housing, week 1)', '2026-12-07T17:00:00Z', '2026-12-14T09:00:00Z'), 'sup-1');
    // entered today, applies from next week
    await addRotaEntry(db, tenant, entry('housing', 'Hugo (housing, week 2)', '2026-12-14T09:00:00Z', '2026-12-21T09:00:00Z'), 'sup-1');

    const who = async (skill: string | string[], at: string) => (await onCall(db, tenant, skill, new Date(at)))?.name;
    expect(await who('housing', '2026-12-10T22:00:00Z')).toBe('Hana (housing, week 1)');
    expect(await who('housing', '2026-12-14T08:59:59Z')).toBe('Hana (housing, week 1)');
    // end is exclusive, start inclusive: the change-over is at 09:00 exactly
    expect(await who('housing', '2026-12-14T09:00:00Z')).toBe('Hugo (housing, week 2)');
    expect(await who('HOUSING', '2026-12-20T03:00:00Z')).toBe('Hugo (housing, week 2)');
    // no housing cover after the 21st: the general duty officer
    expect(await who('housing', '2026-12-22T03:00:00Z')).toBe('Alex (general duty)');
    // a skill nobody names: "all"
    expect(await who('highways', '2026-12-10T22:00:00Z')).toBe('Alex (general duty)');
    // a queue's skills in order: the first with cover wins
    expect(await who(['safety', 'housing'], '2026-12-10T22:00:00Z')).toBe('Hana (housing, week 1)');
    // before any entry, nobody
    expect(await who('housing', '2026-11-30T23:59:00Z')).toBeUndefined();
    // and another tenant sees none of this
    expect(await onCall(db, await freshTenant(store, 'other'), 'housing', new Date('2026-12-10T22:00:00Z'))).toBeUndefined();
  });

  test('overlapping entries: the most recently created wins while it applies', async () => {
    const tenant = await freshTenant(store, 'rota');
    const db = store.db;
    await addRotaEntry(db, tenant, entry('safety', 'Sam (rota)', '2026-12-24T17:00:00Z', '2026-12-29T09:00:00Z'), 'sup-1');
    await new Promise((r) => setTimeout(r, 5));
    // Sam is ill on the 26th: a cover entry added later, overlapping part of Sam's
    await addRotaEntry(db, tenant, entry('safety', 'Chris (covering Sam)', '2026-12-26T00:00:00Z', '2026-12-27T00:00:00Z'), 'sup-2');
    const who = async (at: string) => (await onCall(db, tenant, 'safety', new Date(at)))?.name;
    expect(await who('2026-12-25T20:00:00Z')).toBe('Sam (rota)');
    expect(await who('2026-12-26T12:00:00Z')).toBe('Chris (covering Sam)');
    expect(await who('2026-12-27T00:00:00Z')).toBe('Sam (rota)');
  });
});

describe('rota entry validation', () => {
  const base = { skill: 'housing', name: 'Hana', startsAt: '2026-12-07T17:00:00Z', endsAt: '2026-12-14T09:00:00+00:00' };

  test('SMS needs a UK mobile, kept as +44; e-mail a valid address; the end after the start', () => {
    expect(rotaEntryInput.parse({ ...base, channel: 'sms', destination: '07700 900123' }).destination).toBe('+447700900123');
    expect(rotaEntryInput.parse({ ...base, channel: 'sms', destination: '+44 (0)7700-900123'.replace('(0)', '') }).destination).toBe('+447700900123');
    expect(rotaEntryInput.parse({ ...base, channel: 'email', destination: ' Duty@Merebrook.example ' }).destination).toBe('duty@merebrook.example');
    const problems = (input: object) => {
      const r = rotaEntryInput.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(problems({ ...base, channel: 'sms', destination: '01632 960100' })).toEqual([expect.stringMatching(/^destination: .*UK mobile/)]);
    expect(problems({ ...base, channel: 'sms', destination: '+1 202 555 0100' })).toEqual([expect.stringMatching(/UK mobile/)]);
    expect(problems({ ...base, channel: 'email', destination: 'not an address' })).toEqual([expect.stringMatching(/^destination: .*e-mail/)]);
    expect(problems({ ...base, channel: 'fax', destination: 'x' })).toEqual([expect.stringMatching(/channel/)]);
    expect(problems({ ...base, channel: 'sms', destination: '07700900123', endsAt: base.startsAt })).toEqual(['endsAt: endsAt must be after startsAt']);
    expect(problems({ ...base, channel: 'sms', destination: '07700900123', startsAt: 'tomorrow' })).toEqual([expect.stringMatching(/^startsAt: /)]);
  });
});

test('a duty referral only out of hours, and only for safety or an out-of-hours service', () => {
  expect(needsDutyReferral({ open: false, serviceOoh: false, safety: true })).toBe(true);
  expect(needsDutyReferral({ open: false, serviceOoh: true, safety: false })).toBe(true);
  expect(needsDutyReferral({ open: false, serviceOoh: false, safety: false })).toBe(false);
  expect(needsDutyReferral({ open: true, serviceOoh: true, safety: true })).toBe(false);
  expect(needsDutyReferral({ open: true, serviceOoh: false, safety: false })).toBe(false);
});
