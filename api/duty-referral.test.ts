import { notifyConfiguredForTests, type NotifyStandIn } from '../notify/notify-stand-in.fixture.js';
import { addRotaEntry, REFERRAL_SWEEP_JOB, rotaEntryInput } from '../handoff/referrals/index.js';
import { signedInAgent } from '../test/console-client.js';
import { Resident, startTestServer, type TestServer } from '../test/server.js';

/**
 * Out of hours, a safety disclosure goes from the resident's message, through the handoff and
 * the job queue, to the on-call duty officer by SMS through (a stand-in for) GOV.UK Notify; a
 * referral nobody acknowledges escalates down the rota and to the demo council's fallbacks
 * (content/demo/settings.yaml `duty:`), the resident is told what really happened, and a council
 * with nobody on the safety rota shows a standing alarm and a degraded /health. The server's
 * clock is the test's, so the escalation interval passes without waiting.
 */
const SUNDAY = new Date('2026-11-22T14:00:00Z');
const MIN = 60_000;
let now = SUNDAY;
const clock = () => now;
let configured: Awaited<ReturnType<typeof notifyConfiguredForTests>>;
let notify: NotifyStandIn;
let server: TestServer;

beforeAll(async () => {
  configured = await notifyConfiguredForTests({ email: true });
  notify = configured.notify;
  server = await startTestServer({ clock });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await configured?.restore();
});

const DISCLOSURE = "my partner says he will kill me when he gets home and I've got nowhere to go";

async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const chainOf = (conversationId: string) =>
  server.store.db.selectFrom('referrals').selectAll().where('tenant_id', '=', server.tenant).where('conversation_id', '=', conversationId).orderBy('step').execute();
const settled = (conversationId: string, steps: number) =>
  until(() => chainOf(conversationId), (rows) => rows.length >= steps && rows.every((r) => !['pending', 'sending', 'retrying'].includes(r.status)));
const systemMessages = async (resident: Resident) => (await resident.transcript()).messages.filter((m) => m.author === 'system').map((m) => m.text);
const onCall = (skill: string, name: string, destination: string) =>
  rotaEntryInput.parse({ skill, name, channel: 'sms', destination, startsAt: '2026-11-20T17:00:00Z', endsAt: '2026-11-23T09:00:00Z' });

test('with nobody on the safety rota: /health is degraded (HTTP 200), and supervisors see a standing alarm', async () => {
  const health = await fetch(`${server.url}/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'degraded', store: server.store.kind, checks: { [server.tenant]: { status: 'degraded', reasons: ['no_safety_cover'] } } });

  const { client } = await signedInAgent(server, { roles: ['agent', 'supervisor'], now: clock });
  const duty = await client.call('GET', '/supervisor/duty');
  expect(duty.status).toBe(200);
  expect(duty.body.alarms).toEqual([{ code: 'no_safety_cover', message: expect.stringMatching(/^Nobody is on the on-call rota for safety .* goes straight to the 2 fallback contacts\.$/) }]);
  expect(duty.body.emergencyDutyTeamPhone).toBe('01632 960 999');
  const plain = await signedInAgent(server, { roles: ['agent'], now: clock });
  expect((await plain.client.call('GET', '/supervisor/duty')).status).toBe(403);
});

test('with nobody on call, the referral goes at once to the first fallback, and the resident is told only once it was sent', async () => {
  const resident = await new Resident(server.url).start();
  await resident.say(DISCLOSURE);
  const rows = await settled(resident.conversationId, 2);
  expect(rows.map((r) => [r.step, r.status, r.target_kind, r.target_name])).toEqual([
    [0, 'no_one_on_call', 'rota', null],
    [1, 'sent', 'fallback', 'Out-of-hours duty supervisor'],
  ]);
  expect(notify.received.filter((r) => r.status === 201).map((r) => r.body.phone_number)).toEqual(['+447700900010']);
  expect(await until(() => systemMessages(resident), (m) => m.length > 0)).toEqual(["The council's duty officer has been alerted."]);
  notify.received.length = 0;
});

test('a safety hit out of hours is referred to the officer on call, with send and acknowledgement times; /health is then ok', async () => {
  await addRotaEntry(server.store.db, server.tenant, onCall('safety', 'Duty officer Kim', '07700 900321'), null);
  const resident = await new Resident(server.url).start();
  const replies = await resident.say(DISCLOSURE);
  expect(replies.find((m) => m.handoff)?.handoff?.priority).toBe('urgent');

  // The referral is sent by a job after the turn: wait for it.
  const [referral] = await settled(resident.conversationId, 1);
  expect(referral).toMatchObject({ status: 'sent', step: 0, target_name: 'Duty officer Kim', conversation_id: resident.conversationId });
  expect(referral.sent_at).toBeTruthy();
  const sms = notify.received.find((r) => r.path.endsWith('/sms'));
  expect(sms?.body.phone_number).toBe('+447700900321');
  const personalisation = sms?.body.personalisation as Record<string, string>;
  expect(personalisation.summary).toMatch(/safety/i);
  const ackLink = personalisation.ack_link;
  expect(ackLink).toMatch(/\/referrals\/ack\//);
  // The resident is told once, after the provider accepted it.
  expect(await until(() => systemMessages(resident), (m) => m.length > 0)).toEqual(["The council's duty officer has been alerted."]);

  // The officer opens the link (a confirmation page, nothing recorded), then presses Acknowledge
  // (a POST to the same URL): the acknowledgement time is recorded once, with who acknowledged.
  const path = ackLink.slice(ackLink.indexOf('/referrals/ack/'));
  const opened = await fetch(`${server.url}${path}`);
  expect(opened.status).toBe(200);
  expect(await opened.text()).toContain('<button type="submit">Acknowledge</button>');
  const unopened = await server.store.db.selectFrom('referrals').select('acknowledged_at').where('id', '=', referral.id).executeTakeFirstOrThrow();
  expect(unopened.acknowledged_at).toBeNull();
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' }, body: '' });
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/acknowledged/i);
  const after = await server.store.db.selectFrom('referrals').select(['acknowledged_at', 'acknowledged_by']).where('id', '=', referral.id).executeTakeFirstOrThrow();
  expect(after.acknowledged_at).toBeTruthy();
  expect(after.acknowledged_by).toBe('Duty officer Kim');

  // Someone covers safety and Notify is configured: no alarm.
  expect(await (await fetch(`${server.url}/health`)).json()).toMatchObject({ status: 'ok', checks: { [server.tenant]: { status: 'ok', reasons: [] } } });
  notify.received.length = 0;
});

test('unacknowledged: the next person on the rota, then the fallback; the supervisor sees each step and can stop the chain', async () => {
  await addRotaEntry(server.store.db, server.tenant, onCall('all', 'General duty Lee', '07700 900654'), null);
  const resident = await new Resident(server.url).start();
  await resident.say(DISCLOSURE);
  let rows = await settled(resident.conversationId, 1);
  expect(rows[0]).toMatchObject({ status: 'sent', target_name: 'Duty officer Kim' });

  // Ten minutes pass without an acknowledgement; the periodic sweep job runs.
  now = new Date(now.getTime() + 10 * MIN + 1000);
  await server.jobs.add(REFERRAL_SWEEP_JOB, {});
  rows = await settled(resident.conversationId, 2);
  expect(rows[1]).toMatchObject({ step: 1, escalation_of: rows[0].id, target_name: 'General duty Lee', status: 'sent' });

  now = new Date(now.getTime() + 10 * MIN + 1000);
  await server.jobs.add(REFERRAL_SWEEP_JOB, {});
  rows = await settled(resident.conversationId, 3);
  expect(rows[2]).toMatchObject({ step: 2, target_kind: 'fallback', target_name: 'Out-of-hours duty supervisor', status: 'sent' });
  // Text messages only: the earlier test's unacknowledged chain has meanwhile reached its e-mail fallback.
  expect(notify.received.filter((r) => r.status === 201 && r.path.endsWith('/sms')).map((r) => r.body.phone_number)).toEqual(['+447700900321', '+447700900654', '+447700900010']);
  const audits = await server.store.db.selectFrom('audit_events').select('action').where('tenant_id', '=', server.tenant).where('subject_id', 'in', rows.map((r) => r.id)).execute();
  expect(audits.filter((a) => a.action === 'referral.escalated')).toHaveLength(2);

  // The supervisor view lists the chain, unacknowledged, with its three steps.
  const { client } = await signedInAgent(server, { roles: ['agent', 'supervisor'], now: clock });
  const duty = (await client.call('GET', '/supervisor/duty')).body;
  expect(duty.alarms).toEqual([]);
  const chain = duty.chains.find((c: { id: string }) => c.id === rows[0].id);
  expect(chain).toMatchObject({ state: 'escalating', acknowledgedAt: null });
  expect(chain.steps.map((s: { targetName: string; status: string }) => `${s.targetName}: ${s.status}`)).toEqual([
    'Duty officer Kim: sent',
    'General duty Lee: sent',
    'Out-of-hours duty supervisor: sent',
  ]);
  expect(JSON.stringify(chain)).not.toMatch(/07700|kill/); // no destinations or summaries in the list

  // The supervisor reached the duty supervisor by phone and records it: the chain stops.
  const ack = await client.call('POST', `/supervisor/referrals/${rows[2].id}/acknowledge`);
  expect(ack.status).toBe(200);
  expect(ack.body.acknowledgedBy).toMatch(/\(in the console\)$/);
  now = new Date(now.getTime() + 60 * MIN);
  await server.jobs.add(REFERRAL_SWEEP_JOB, {});
  await new Promise((r) => setTimeout(r, 300));
  expect(await chainOf(resident.conversationId)).toHaveLength(3);
  expect(await systemMessages(resident)).toEqual(["The council's duty officer has been alerted."]);
  const acknowledged = await server.store.db.selectFrom('audit_events').select(['actor_type', 'detail']).where('tenant_id', '=', server.tenant).where('action', '=', 'referral.acknowledged').where('subject_id', '=', rows[2].id).executeTakeFirstOrThrow();
  expect(acknowledged).toMatchObject({ actor_type: 'agent', detail: { via: 'console', step: 2 } });
});
