/**
 * The back-office push through the real app (its job queue, its sweep, the console API) against a
 * local receiver that checks every request's Standard Webhooks signature and timestamp: events
 * delivered signed as CloudEvents (JSON and XML); retried with backoff and not sent again once
 * delivered; in order per case while an earlier one fails; a failed one redelivered by a
 * supervisor from the console, and a case's whole history; webhooks filtered to services; a claim
 * left by a stopped process sent again. PGlite by default; PostgreSQL and Redis with DATABASE_URL
 * and REDIS_URL.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { sql } from 'kysely';
import { signedInAgent, type ConsoleClient } from '../test/console-client.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { addCaseStatus, auditTrail, caseEventsOf, createCase, pushDeliveriesOfCase, type CaseRow } from '../store/index.js';
import * as wire from '../wire/index.js';
import { addWebhook, disableWebhook, type NewWebhook } from './webhooks.js';
import { CASE_EVENT_XML_NAMESPACE, CLOUDEVENTS_XML_NAMESPACE, type CaseCloudEvent } from './cloudevents.js';
import { WebhookReceiver } from './receiver.fixture.js';
import { child, parseXml } from './xml-reader.fixture.js';

const FAST = {
  BACKOFFICE_SWEEP_MS: '200',
  BACKOFFICE_RETRY_ATTEMPTS: '3',
  BACKOFFICE_RETRY_BASE_MS: '300',
  BACKOFFICE_RETRY_CAP_MS: '1000',
  BACKOFFICE_TIMEOUT_MS: '1000',
};

let server: TestServer;
let receiver: WebhookReceiver;
let supervisor: ConsoleClient;
let agent: ConsoleClient;

beforeAll(async () => {
  receiver = await new WebhookReceiver().start();
  server = await startTestServer({ env: { ...process.env, ...FAST } });
  supervisor = (await signedInAgent(server, { roles: ['supervisor'] })).client;
  agent = (await signedInAgent(server)).client;
}, 90_000);
afterAll(async () => {
  await server?.close();
  await receiver?.close();
});

const hooks: string[] = [];
afterEach(async () => {
  // Each test's webhooks stop taking events, so the next test's cases reach only its own.
  for (const id of hooks.splice(0)) await disableWebhook(server.store.db, server.tenant, id);
  expect(receiver.refused).toEqual([]);
});

async function hook(path: string, options: Partial<NewWebhook> = {}): Promise<string> {
  const { webhook, secret } = await addWebhook(server.store.db, { tenant: server.tenant, name: path.slice(1), url: `${receiver.url}${path}`, ...options });
  receiver.expect(path, secret);
  hooks.push(webhook.id);
  return webhook.id;
}

function newCase(serviceId = 'highways.pothole', summary = 'Pothole outside the school', answers: Record<string, unknown> = { depth: 'deep' }): Promise<CaseRow> {
  return createCase(server.store.db, {
    tenant: server.tenant,
    referencePrefix: 'BO',
    serviceId,
    summary,
    details: { answers },
    location: { label: '1 High Street', postcode: 'MB1 1AD' },
    lat: 51.5,
    lng: -0.12,
    actor: 'assistant',
  });
}

const events = (path: string) => receiver.delivered(path).map((r) => JSON.parse(r.body) as CaseCloudEvent);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForRows(what: string, caseId: string, webhookId: string, done: (statuses: string[]) => boolean): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    const rows = await pushDeliveriesOfCase(server.store.db, server.tenant, caseId, webhookId);
    if (done(rows.map((r) => r.status))) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(rows)}`);
    await sleep(50);
  }
}

test('every case event is delivered signed, as a CloudEvent in structured JSON', async () => {
  const webhookId = await hook('/json');
  const c = await newCase();
  await addCaseStatus(server.store.db, server.tenant, c.id, 'in_progress', 'Crew booked for Tuesday', 'agent:a1');
  await receiver.waitFor('two deliveries', () => receiver.delivered('/json').length === 2);
  const logged = await caseEventsOf(server.store.db, server.tenant, c.id);
  const [created, moved] = events('/json');
  for (const [i, r] of receiver.delivered('/json').entries()) {
    expect(r.contentType).toBe('application/cloudevents+json');
    // The webhook-id is the CloudEvent's id, the case event's id.
    expect(r.id).toBe(logged[i].id);
    expect(JSON.parse(r.body).id).toBe(r.id);
  }
  expect(created).toMatchObject({
    specversion: '1.0',
    source: `/councils/${server.tenant}/cases`,
    type: 'uk.gov.council-assistant.case.created',
    subject: c.reference,
    datacontenttype: 'application/json',
    sequence: '0000000001',
    sequencetype: 'Integer',
    time: logged[0].at.toISOString(),
  });
  expect(created.data.change).toMatchObject({ type: 'created', actor: 'assistant', internal: false, status: 'received', serviceId: 'highways.pothole', reference: c.reference });
  expect(created.data.case).toMatchObject({ id: c.id, reference: c.reference, service: { id: 'highways.pothole', name: 'Report a pothole' }, summary: 'Pothole outside the school', answers: { depth: 'deep' } });
  expect(created.data.case.location).toMatchObject({ address: '1 High Street', postcode: 'MB1 1AD', lat: 51.5, lng: -0.12 });
  // No contact details unless the webhook is configured for them.
  expect(created.data.case).not.toHaveProperty('contact');
  expect(moved).toMatchObject({ type: 'uk.gov.council-assistant.case.status_changed', sequence: '0000000002', subject: c.reference });
  expect(moved.data.change).toEqual({ type: 'status_changed', actor: 'agent:a1', internal: false, from: 'received', to: 'in_progress', note: 'Crew booked for Tuesday' });
  expect(moved.data.case).toMatchObject({ status: 'in_progress', seq: 2 });
  // The receiver has the body before the sender records its answer: wait for the record.
  await waitForRows('both recorded as delivered', c.id, webhookId, (s) => s.join() === 'delivered,delivered');
  const rows = await pushDeliveriesOfCase(server.store.db, server.tenant, c.id, webhookId);
  expect(rows.map((r) => [r.seq, r.status, r.attempts])).toEqual([
    [1, 'delivered', 1],
    [2, 'delivered', 1],
  ]);
});

test('a receiver failing twice and then answering gets it on the third attempt, after growing waits, and never again', async () => {
  const webhookId = await hook('/flaky');
  receiver.plan = (path, _body, nth) => (path === '/flaky' && nth <= 2 ? 500 : 204);
  const c = await newCase();
  await receiver.waitFor('the third attempt', () => receiver.delivered('/flaky').length === 1);
  const tries = receiver.at('/flaky');
  expect(tries.map((t) => t.status)).toEqual([500, 500, 204]);
  // The same message each time: one id, one body (a retry is not a new event).
  expect(new Set(tries.map((t) => t.id)).size).toBe(1);
  expect(new Set(tries.map((t) => t.body)).size).toBe(1);
  // Exponential backoff: 300 ms, then 600 ms (plus up to 10% jitter).
  const first = tries[1].at - tries[0].at;
  const second = tries[2].at - tries[1].at;
  expect(first).toBeGreaterThanOrEqual(280);
  expect(second).toBeGreaterThanOrEqual(580);
  expect(second).toBeGreaterThan(first);
  await waitForRows('delivered', c.id, webhookId, (s) => s.join() === 'delivered');
  expect((await pushDeliveriesOfCase(server.store.db, server.tenant, c.id, webhookId))[0]).toMatchObject({ attempts: 3, lastError: null, lastStatus: 204 });
  // Several sweeps later: nothing was sent again.
  await sleep(1500);
  expect(receiver.at('/flaky')).toHaveLength(3);
  receiver.plan = () => 204;
});

test('a case’s later events wait while the one before fails; a supervisor sees the failure and redelivers it from the console; all then arrive in order', async () => {
  const webhookId = await hook('/down');
  let up = false;
  // Down: the first attempt gets no answer (the timeout), the rest 503.
  receiver.plan = (path, _body, nth) => (path !== '/down' || up ? 204 : nth === 1 ? 'hang' : 503);
  const c = await newCase();
  // The second event comes while the first is being tried (its own job then finds it must wait).
  await receiver.waitFor('the first attempt', () => receiver.at('/down').length === 1);
  await addCaseStatus(server.store.db, server.tenant, c.id, 'in_progress', null, 'agent:a1');
  await waitForRows('the first event failed', c.id, webhookId, (s) => s[0] === 'failed');
  // And a third after it failed; sweeps run meanwhile: both must still wait.
  await addCaseStatus(server.store.db, server.tenant, c.id, 'in_progress', 'Cones out', 'agent:a1', { internal: true });
  await sleep(800);
  const rows = await pushDeliveriesOfCase(server.store.db, server.tenant, c.id, webhookId);
  expect(rows.map((r) => [r.seq, r.status, r.attempts])).toEqual([
    [1, 'failed', 3],
    [2, 'pending', 0],
    [3, 'pending', 0],
  ]);
  expect(receiver.at('/down').map((r) => (JSON.parse(r.body) as CaseCloudEvent).sequence)).toEqual(['0000000001', '0000000001', '0000000001']);

  // The console: failures for supervisors only, with the last error, the attempts and what waits behind.
  expect((await agent.call('GET', '/supervisor/deliveries')).status).toBe(403);
  const listing = await supervisor.call('GET', '/supervisor/deliveries');
  expect(listing.status).toBe(200);
  const body = wire.pushDeliveries.parse(listing.body);
  const failed = body.deliveries.find((d) => d.caseReference === c.reference)!;
  expect(failed).toMatchObject({ status: 'failed', seq: 1, eventType: 'created', attempts: 3, lastStatus: 503, lastError: 'The receiver answered HTTP 503', held: 2, webhookName: 'down' });
  expect(body.counts.failed).toBeGreaterThanOrEqual(1);
  expect(body.webhooks.find((w) => w.id === webhookId)).toMatchObject({ name: 'down', format: 'json', enabled: true, services: null });
  // A plain agent cannot redeliver; without the CSRF token nobody can.
  expect((await agent.call('POST', `/supervisor/deliveries/${failed.id}/redeliver`)).status).toBe(403);
  expect((await supervisor.call('POST', `/supervisor/deliveries/${failed.id}/redeliver`, undefined, { csrf: null })).status).toBe(403);

  up = true;
  const redelivered = await supervisor.call('POST', `/supervisor/deliveries/${failed.id}/redeliver`);
  expect(redelivered.status).toBe(200);
  expect(wire.pushRedelivered.parse(redelivered.body).delivery).toMatchObject({ id: failed.id, status: 'pending', attempts: 0 });
  await receiver.waitFor('the three events', () => receiver.delivered('/down').length === 3);
  expect(events('/down').map((e) => [e.sequence, e.type])).toEqual([
    ['0000000001', 'uk.gov.council-assistant.case.created'],
    ['0000000002', 'uk.gov.council-assistant.case.status_changed'],
    ['0000000003', 'uk.gov.council-assistant.case.note_added'],
  ]);
  // Staff-only notes reach the back office, marked as such.
  expect(events('/down')[2].data.change).toMatchObject({ type: 'note_added', internal: true, note: 'Cones out' });
  await waitForRows('all delivered', c.id, webhookId, (s) => s.join() === 'delivered,delivered,delivered');
  // Audited: who redelivered what.
  const audit = await auditTrail(server.store.db, server.tenant, 'backoffice_delivery', failed.id);
  expect(audit.map((a) => a.action)).toEqual(['backoffice.redeliver']);
  expect(audit[0].detail).toMatchObject({ caseReference: c.reference, seq: 1, lastError: 'The receiver answered HTTP 503' });
  // Not failed any more: a second redelivery finds nothing.
  expect((await supervisor.call('POST', `/supervisor/deliveries/${failed.id}/redeliver`)).status).toBe(404);

  // The case's whole history to this webhook again, in order, with the same ids.
  const before = receiver.delivered('/down').map((r) => r.id);
  expect((await supervisor.call('POST', `/supervisor/webhooks/${webhookId}/redeliver`, { reference: '' })).status).toBe(400);
  const unknown = await supervisor.call('POST', `/supervisor/webhooks/${webhookId}/redeliver`, { reference: 'BO-000000' });
  expect(unknown.status).toBe(404);
  expect(unknown.body.errors).toEqual([{ path: 'reference', message: 'No case has that reference' }]);
  const history = await supervisor.call('POST', `/supervisor/webhooks/${webhookId}/redeliver`, { reference: c.reference.toLowerCase() });
  expect(history.status).toBe(200);
  expect(wire.caseRedelivered.parse(history.body)).toEqual({ caseReference: c.reference, webhookName: 'down', events: 3 });
  await receiver.waitFor('the history again', () => receiver.delivered('/down').length === 6);
  expect(receiver.delivered('/down').map((r) => r.id)).toEqual([...before, ...before]);
  expect((await auditTrail(server.store.db, server.tenant, 'case', c.id)).map((a) => a.action)).toContain('backoffice.redeliver_case');
  receiver.plan = () => 204;
}, 40_000);

test('an XML webhook gets the CloudEvents XML format, which parses, with the case as elements', async () => {
  await hook('/xml', { format: 'xml' });
  const c = await newCase('highways.pothole', 'Pothole <deep> & "wide"', { 'size?': 'bigger than a plate', depth_cm: 12, near_school: true, photo: null, tags: ['road', 'kerb'] });
  await receiver.waitFor('the XML delivery', () => receiver.delivered('/xml').length === 1);
  const r = receiver.delivered('/xml')[0];
  expect(r.contentType).toBe('application/cloudevents+xml');
  const root = parseXml(r.body);
  expect([root.name, root.ns, root.attrs.specversion]).toEqual(['event', CLOUDEVENTS_XML_NAMESPACE, '1.0']);
  const text = (name: string) => child(root, name, CLOUDEVENTS_XML_NAMESPACE).text;
  expect(text('id')).toBe(r.id);
  expect(text('source')).toBe(`/councils/${server.tenant}/cases`);
  expect(text('type')).toBe('uk.gov.council-assistant.case.created');
  expect(text('subject')).toBe(c.reference);
  expect(text('datacontenttype')).toBe('application/xml');
  expect(new Date(text('time')).toISOString()).toBe(text('time'));
  const sequence = child(root, 'sequence');
  expect([sequence.text, sequence.attrs['xsi:type']]).toEqual(['0000000001', 'ce:string']);
  const data = child(root, 'data');
  expect(data.attrs['xsi:type']).toBe('xs:any');
  expect(data.children).toHaveLength(1);
  const payload = child(data, 'caseEvent', CASE_EVENT_XML_NAMESPACE);
  expect(child(child(payload, 'change'), 'type').text).toBe('created');
  const kase = child(payload, 'case', CASE_EVENT_XML_NAMESPACE);
  expect(child(kase, 'reference').text).toBe(c.reference);
  expect(child(kase, 'summary').text).toBe('Pothole <deep> & "wide"');
  expect(child(child(kase, 'service'), 'name').text).toBe('Report a pothole');
  const answers = child(kase, 'answers');
  expect(answers.children.find((f) => f.name === 'field' && f.attrs.name === 'size?')?.text).toBe('bigger than a plate');
  expect(child(answers, 'depth_cm').text).toBe('12');
  expect(child(answers, 'near_school').text).toBe('true');
  expect(child(answers, 'photo').attrs['xsi:nil']).toBe('true');
  expect(child(answers, 'tags').children.map((t) => [t.name, t.text])).toEqual([
    ['item', 'road'],
    ['item', 'kerb'],
  ]);
});

test('a webhook filtered to services gets only their cases; an area takes its services', async () => {
  const roads = await hook('/roads', { services: ['highways'] });
  const bins = await hook('/bins', { services: ['waste.missed_collection'] });
  const pothole = await newCase('highways.pothole');
  const bin = await newCase('waste.missed_collection', 'Blue bin missed');
  await receiver.waitFor('one case each', () => receiver.delivered('/roads').length === 1 && receiver.delivered('/bins').length === 1);
  expect(events('/roads').map((e) => e.subject)).toEqual([pothole.reference]);
  expect(events('/bins').map((e) => e.subject)).toEqual([bin.reference]);
  await sleep(600);
  expect(receiver.at('/roads')).toHaveLength(1);
  expect(receiver.at('/bins')).toHaveLength(1);
  expect(await pushDeliveriesOfCase(server.store.db, server.tenant, pothole.id, bins)).toEqual([]);
  expect(await pushDeliveriesOfCase(server.store.db, server.tenant, bin.id, roads)).toEqual([]);
  // Redelivering a case to a webhook that does not take its service is refused.
  expect((await supervisor.call('POST', `/supervisor/webhooks/${bins}/redeliver`, { reference: pothole.reference })).status).toBe(422);
});

test('a delivery whose process stopped mid-attempt is sent again by the sweep', async () => {
  const webhookId = await hook('/stale');
  const c = await newCase();
  await receiver.waitFor('the first delivery', () => receiver.delivered('/stale').length === 1);
  await waitForRows('delivered', c.id, webhookId, (s) => s.join() === 'delivered');
  // As a process that claimed it and stopped two minutes ago would leave it.
  await sql`update backoffice_deliveries set status = 'sending', claim = 'gone', claimed_at = now() - interval '2 minutes' where webhook_id = ${webhookId}`.execute(server.store.db);
  await receiver.waitFor('the delivery again', () => receiver.delivered('/stale').length === 2);
  expect(receiver.delivered('/stale')[1].id).toBe(receiver.delivered('/stale')[0].id);
  await waitForRows('delivered again', c.id, webhookId, (s) => s.join() === 'delivered');
});
