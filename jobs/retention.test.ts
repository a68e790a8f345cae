/**
 * Retention per service (the content pack's `settings.retention`): a short-period service's
 * conversation goes while a long-period one of the same age stays; cases follow their service's
 * period; contacts and identities left with no conversation are purged (an opt-out is kept);
 * audit events have their own period; each run is one audit event with the counts.
 */
import { createCase, createConversation, findOrCreateContact, markProcessed, recordAudit, storeInbound, type Store } from '../store/index.js';
import { freshTenant, openTestStore } from '../test/store.js';
import { purgeExpired, retentionFor } from './retention.js';

const DAY = 86400000;
const NOW = new Date();
const SETTINGS = {
  conversationsDays: 365,
  casesDays: 2190,
  auditDays: 1000,
  services: { 'waste.*': { conversationsDays: 90, casesDays: 400 }, 'safety.*': { conversationsDays: 2555, casesDays: 2555 }, 'waste.bulky_collection': { casesDays: 30 } },
};

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

/** A conversation whose one message was recognised as `intent`, last active `days` ago. */
async function conversationAbout(tenant: string, intent: string | null, days: number, channel = 'sms', who = `+4477009${Math.floor(10000 + Math.random() * 89999)}`) {
  const contactId = await findOrCreateContact(store.db, tenant, channel, who);
  const c = await createConversation(store.db, { tenant, channel, channelUserId: who, contactId });
  const m = await storeInbound(store.db, { tenant, conversationId: c.id, channel, providerMessageId: `p-${c.id}`, text: `about ${intent}` });
  if (intent) await markProcessed(store.db, tenant, m.message.id, { intent, confidence: 0.9 });
  await store.db.updateTable('conversations').set({ last_message_at: ago(days), created_at: ago(days) } as never).where('id', '=', c.id).execute();
  await store.db.updateTable('contacts').set({ updated_at: ago(days), created_at: ago(days) } as never).where('id', '=', contactId).execute();
  await store.db.updateTable('contact_identities').set({ created_at: ago(days) } as never).where('contact_id', '=', contactId).execute();
  return { conversationId: c.id, contactId, who };
}

async function exists(table: 'conversations' | 'contacts' | 'cases', id: string) {
  return !!(await store.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
}

test('a service takes its own entry, else its longest prefix, else the council default; a missing field is the default', () => {
  expect(retentionFor('waste.missed_collection', SETTINGS)).toEqual({ serviceId: 'waste.missed_collection', conversationsDays: 90, casesDays: 400 });
  expect(retentionFor('waste.bulky_collection', SETTINGS)).toEqual({ serviceId: 'waste.bulky_collection', conversationsDays: 365, casesDays: 30 });
  expect(retentionFor('safety.risk_to_life', SETTINGS).conversationsDays).toBe(2555);
  expect(retentionFor('highways.pothole', SETTINGS)).toEqual({ serviceId: 'highways.pothole', conversationsDays: 365, casesDays: 2190 });
});

test("a short-period service's conversation is purged while a long-period one of the same age stays", async () => {
  const tenant = await freshTenant(store);
  const bins = await conversationAbout(tenant, 'waste.missed_collection', 120);
  const safeguarding = await conversationAbout(tenant, 'safety.safeguarding_concern', 120);
  // Default period (365): kept at 120 days, purged at 400; a greeting alone says nothing about a service.
  const pothole = await conversationAbout(tenant, 'highways.pothole', 120);
  const oldHello = await conversationAbout(tenant, 'meta.greeting', 400);
  // Bins, then a safeguarding disclosure: the longest period of the services touched applies.
  const both = await conversationAbout(tenant, 'waste.missed_collection', 120);
  await storeInbound(store.db, { tenant, conversationId: both.conversationId, channel: 'sms', providerMessageId: `p2-${both.conversationId}`, text: 'worried about a child' }).then((m) =>
    markProcessed(store.db, tenant, m.message.id, { intent: 'waste.missed_collection', safety: { category: 'safety.safeguarding_concern' } }),
  );
  await store.db.updateTable('conversations').set({ last_message_at: ago(120) }).where('id', '=', both.conversationId).execute();

  const purged = await purgeExpired(store, tenant, SETTINGS, NOW);
  expect(await exists('conversations', bins.conversationId)).toBe(false);
  expect(await exists('conversations', safeguarding.conversationId)).toBe(true);
  expect(await exists('conversations', pothole.conversationId)).toBe(true);
  expect(await exists('conversations', oldHello.conversationId)).toBe(false);
  expect(await exists('conversations', both.conversationId)).toBe(true);
  expect(purged).toMatchObject({ conversations: 2, messages: 2 });
  const messagesLeft = await store.db.selectFrom('messages').select('id').where('conversation_id', 'in', [bins.conversationId, oldHello.conversationId]).execute();
  expect(messagesLeft).toHaveLength(0);

  // The purged conversations' contacts and identities had nothing else: gone too.
  expect(await exists('contacts', bins.contactId)).toBe(false);
  expect(await exists('contacts', oldHello.contactId)).toBe(false);
  const identities = await store.db.selectFrom('contact_identities').select('channel_user_id').where('tenant_id', '=', tenant).execute();
  expect(identities.map((i) => i.channel_user_id)).not.toContain(bins.who);
  expect(identities.map((i) => i.channel_user_id)).toContain(safeguarding.who);
  expect(purged.contacts).toBe(2);
  expect(purged.identities).toBe(4); // sms + phone of each

  const audit = await store.db.selectFrom('audit_events').selectAll().where('tenant_id', '=', tenant).where('action', '=', 'retention.purge').execute();
  expect(audit).toHaveLength(1);
  expect(audit[0].detail).toMatchObject({ conversations: 2, contacts: 2, identities: 4 });
});

test('cases follow their service period; a case keeps its contact and an opt-out keeps its suppression record', async () => {
  const tenant = await freshTenant(store);
  const bins = await conversationAbout(tenant, 'waste.missed_collection', 500);
  const binCase = await createCase(store.db, { tenant, referencePrefix: 'T', serviceId: 'waste.missed_collection', summary: 'bin', details: {}, location: null, contactId: bins.contactId, conversationId: bins.conversationId, actor: 'test' });
  const pothole = await conversationAbout(tenant, 'highways.pothole', 500);
  const potholeCase = await createCase(store.db, { tenant, referencePrefix: 'T', serviceId: 'highways.pothole', summary: 'pothole', details: {}, location: null, contactId: pothole.contactId, conversationId: pothole.conversationId, actor: 'test' });
  await store.db.updateTable('cases').set({ status: 'resolved', updated_at: ago(450) }).where('id', 'in', [binCase.id, potholeCase.id]).execute();
  // A number that texted STOP long ago and nothing since.
  const stopped = await conversationAbout(tenant, null, 500);
  await store.db.updateTable('contacts').set({ flags: JSON.stringify(['sms_opt_out']) }).where('id', '=', stopped.contactId).execute();
  await store.db.updateTable('contacts').set({ updated_at: ago(500) } as never).where('id', '=', stopped.contactId).execute();

  const purged = await purgeExpired(store, tenant, SETTINGS, NOW);
  expect(await exists('cases', binCase.id)).toBe(false); // waste: 400 days
  expect(await exists('cases', potholeCase.id)).toBe(true); // default: 2190 days
  // The pothole's conversation went (365 days); its case keeps the contact, so the contact stays.
  expect(await exists('conversations', pothole.conversationId)).toBe(false);
  expect(await exists('contacts', pothole.contactId)).toBe(true);
  const kept = await store.db.selectFrom('cases').select(['conversation_id', 'contact_id']).where('id', '=', potholeCase.id).executeTakeFirstOrThrow();
  expect(kept).toEqual({ conversation_id: null, contact_id: pothole.contactId });
  expect(await exists('contacts', bins.contactId)).toBe(false);
  expect(await exists('contacts', stopped.contactId)).toBe(true);
  const stopIdentity = await store.db.selectFrom('contact_identities').select('channel').where('contact_id', '=', stopped.contactId).execute();
  expect(stopIdentity.map((i) => i.channel)).toContain('sms');
  expect(purged.cases).toBe(1);
});

test('identities with no conversation left go, while the contact stays for another channel; audit events have their own period', async () => {
  const tenant = await freshTenant(store);
  const phone = '+447700900777';
  const texted = await conversationAbout(tenant, 'highways.pothole', 10, 'sms', phone);
  const called = await conversationAbout(tenant, 'highways.pothole', 400, 'voice', phone);
  expect(called.contactId).toBe(texted.contactId);
  await store.db.updateTable('contact_identities').set({ created_at: ago(400) } as never).where('contact_id', '=', texted.contactId).execute();
  await recordAudit(store.db, { tenant, actorType: 'system', actorId: null, action: 'test.old', subjectType: 'tenant', subjectId: tenant });
  await store.db.updateTable('audit_events').set({ created_at: ago(1001) } as never).where('tenant_id', '=', tenant).where('action', '=', 'test.old').execute();
  await recordAudit(store.db, { tenant, actorType: 'system', actorId: null, action: 'test.recent', subjectType: 'tenant', subjectId: tenant });

  const purged = await purgeExpired(store, tenant, SETTINGS, NOW);
  expect(await exists('conversations', called.conversationId)).toBe(false);
  const channels = await store.db.selectFrom('contact_identities').select('channel').where('contact_id', '=', texted.contactId).execute();
  expect(channels.map((c) => c.channel).sort()).toEqual(['phone', 'sms']);
  expect(purged.identities).toBe(1);
  const actions = (await store.db.selectFrom('audit_events').select('action').where('tenant_id', '=', tenant).execute()).map((a) => a.action);
  expect(actions).not.toContain('test.old');
  expect(actions).toEqual(expect.arrayContaining(['test.recent', 'retention.purge']));
  expect(purged.auditEvents).toBe(1);
});
