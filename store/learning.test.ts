import { freshTenant, openTestStore } from '../test/store.js';
import { createConversation, findOrCreateContact, markProcessed, recordFeedback, storeInbound, type Store } from './index.js';
import { csvField, learningExport, maskContactDetails, toCsv, toJsonExport, type LearningRow } from './learning.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

const ranked = (intent: string, confidence: number) => [
  { intent, confidence },
  { intent: 'waste.bin_day', confidence: 0.1 },
];

/** A resident message as the pipeline leaves it: stored, then marked with what was understood. */
async function said(tenant: string, conversationId: string, text: string, recognition: Record<string, unknown>, at: string): Promise<void> {
  const { message } = await storeInbound(store.db, {
    tenant,
    conversationId,
    channel: 'api',
    providerMessageId: null,
    text,
    receivedAt: new Date(at),
  });
  await markProcessed(store.db, tenant, message.id, recognition);
}

async function seed(tenant: string): Promise<void> {
  const contact = await findOrCreateContact(store.db, tenant, 'sms', '+447700900123');
  const conv = await createConversation(store.db, { tenant, channel: 'sms', contactId: contact });
  const c = conv.id;
  const notUnderstood = { intent: 'waste.bin_day', confidence: 0.12, ranked: ranked('waste.bin_day', 0.12), outOfScope: false, action: 'not_understood' };
  await said(tenant, c, 'where do I put my old paint tins', notUnderstood, '2026-03-01T10:00:00Z');
  await said(tenant, c, 'Where do I put my  old paint tins ', notUnderstood, '2026-03-02T10:00:00Z');
  await said(tenant, c, 'where do i put my old paint tins', { ...notUnderstood, action: 'clarify' }, '2026-03-03T10:00:00Z');
  await said(tenant, c, 'can you sort my tv licence', { intent: 'out_of_scope', confidence: 0.3, ranked: [], outOfScope: true, action: 'out_of_scope' }, '2026-03-02T11:00:00Z');
  await said(tenant, c, 'the bus, it never came', { ...notUnderstood, action: 'flow_retry' }, '2026-02-01T11:00:00Z');
  // Answered with low confidence (below 0.7), and answered confidently (not for the export).
  await said(tenant, c, 'hedge blocking the path', { intent: 'environment.trees', confidence: 0.58, ranked: ranked('environment.trees', 0.58), outOfScope: false, action: 'answer', articleId: 'env-trees' }, '2026-03-04T09:00:00Z');
  await said(tenant, c, 'when is my bin day', { intent: 'waste.bin_day', confidence: 0.97, ranked: ranked('waste.bin_day', 0.97), outOfScope: false, action: 'answer', articleId: 'waste-bin-collection-day' }, '2026-03-04T09:05:00Z');
  await said(tenant, c, 'hello', { intent: 'meta.greeting', confidence: 0.9, ranked: [], outOfScope: false, action: 'greeting' }, '2026-03-04T09:06:00Z');
  // Two residents found the same answer unhelpful; a third found it useful.
  await said(tenant, c, 'how much is a permit', { intent: 'parking.permit', confidence: 0.91, ranked: ranked('parking.permit', 0.91), outOfScope: false, action: 'answer', articleId: 'parking-resident-permits' }, '2026-03-05T09:00:00Z');
  for (const useful of [false, false, true]) {
    await recordFeedback(store.db, { tenant, conversationId: c, articleId: 'parking-resident-permits', useful, query: 'how much is a permit' });
  }
}

describe('learning export', () => {
  let tenant: string;
  let other: string;
  let rows: LearningRow[];
  beforeAll(async () => {
    tenant = await freshTenant(store, 'learn');
    other = await freshTenant(store, 'learn-other');
    await seed(tenant);
    const o = await createConversation(store.db, { tenant: other, channel: 'api' });
    await said(other, o.id, 'where do I put my old paint tins', { action: 'not_understood', ranked: [] }, '2026-03-01T10:00:00Z');
    await said(other, o.id, 'secret other council question', { action: 'not_understood', ranked: [] }, '2026-03-01T10:00:00Z');
    await recordFeedback(store.db, { tenant: other, conversationId: o.id, articleId: 'x', useful: false, query: 'other council feedback' });
    rows = await learningExport(store.db, tenant);
  });

  it('groups identical texts (case and spacing aside), most frequent first', () => {
    expect(rows[0]).toMatchObject({ kind: 'misunderstood', text: 'where do i put my old paint tins', count: 3, action: 'clarify' });
    expect(rows[0].firstSeen.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(rows[0].lastSeen.toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(rows[0].topIntents).toEqual([
      { intent: 'waste.bin_day', confidence: 0.12 },
      { intent: 'waste.bin_day', confidence: 0.1 },
    ]);
    expect(rows[1]).toMatchObject({ kind: 'unhelpful_answer', text: 'how much is a permit', count: 2, articleId: 'parking-resident-permits', action: 'answer' });
    // What the assistant thought of the question it answered unhelpfully.
    expect(rows[1].topIntents[0]).toEqual({ intent: 'parking.permit', confidence: 0.91 });
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].count).toBeGreaterThanOrEqual(rows[i].count);
  });

  it('collects every kind of misunderstanding and low-confidence answers, not confident ones', () => {
    const byText = new Map(rows.map((r) => [r.text, r]));
    expect(byText.get('can you sort my tv licence')).toMatchObject({ action: 'out_of_scope', outOfScope: true, count: 1 });
    expect(byText.get('the bus, it never came')).toMatchObject({ action: 'flow_retry' });
    expect(byText.get('hedge blocking the path')).toMatchObject({ kind: 'low_confidence_answer', articleId: 'env-trees' });
    expect(byText.has('when is my bin day')).toBe(false);
    expect(byText.has('hello')).toBe(false);
    expect(rows).toHaveLength(5);
  });

  it("never shows another tenant's rows", async () => {
    expect(rows.map((r) => r.text)).not.toContain('secret other council question');
    expect(rows.map((r) => r.text)).not.toContain('other council feedback');
    // The shared text counts only this tenant's three occurrences.
    expect(rows.find((r) => r.text.includes('paint tins'))!.count).toBe(3);
    const theirs = await learningExport(store.db, other);
    expect(theirs.map((r) => r.text).sort()).toEqual(['other council feedback', 'secret other council question', 'where do I put my old paint tins']);
  });

  it('filters by date', async () => {
    const recent = await learningExport(store.db, tenant, { since: new Date('2026-03-02T00:00:00Z') });
    expect(recent.find((r) => r.text.includes('paint tins'))!.count).toBe(2);
    expect(recent.map((r) => r.text)).not.toContain('the bus, it never came');
  });

  it('exports only message text: no contact details, channel ids or conversation ids', () => {
    const csv = toCsv(rows);
    const json = toJsonExport(rows);
    for (const out of [csv, json]) {
      expect(out).not.toContain('+447700900123');
      expect(out).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // conversation / contact uuids
    }
    expect(maskContactDetails('call me on 07700 900123 or jo.bloggs@example.com')).toBe('call me on [phone] or [email]');
    expect(maskContactDetails('ring +44 (0)1632 960100 about MB-123456')).toBe('ring [phone] about MB-123456');
  });

  it('writes CSV that a spreadsheet reads back field for field', () => {
    const csv = toCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('kind,count,text,top_intents,out_of_scope,action,article_id,first_seen,last_seen');
    expect(lines[1]).toBe('misunderstood,3,where do i put my old paint tins,waste.bin_day 0.12; waste.bin_day 0.10,no,clarify,,2026-03-01,2026-03-03');
    expect(csv).toContain('"the bus, it never came"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csvField('she said "no"')).toBe('"she said ""no"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+44 is my code')).toBe("'+44 is my code");
  });
});
