/**
 * The policy decides and returns; the pipeline writes. A decided turn leaves the database as it was
 * (its view refuses writes), and applying its effects writes exactly what its replies promised.
 */
import { sql } from 'kysely';
import { createConversation, openHandoffFor, readOnly, WriteRefused, type ConversationRow } from '../store/index.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { emptyDialogue, type DialogueState } from './dialogue.js';
import { applyTurnEffects } from './effects.js';
import { decideTurn, type TurnResult } from './policy.js';

const weekday = () => new Date('2026-11-25T10:30:00Z');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: weekday });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

/** Everything a turn could change for this council, as rows. */
async function snapshot(): Promise<unknown> {
  const db = server.store.db;
  const tenant = server.tenant;
  const tables = ['handoffs', 'cases', 'case_status_history', 'contact_claims', 'feedback', 'audit_events'];
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    // The system's own background work (the retention sweep audits each run) is not the turn's.
    const own = t === 'audit_events' ? sql`and actor_type <> 'system'` : sql``;
    out[t] = (await sql<Record<string, unknown>>`select * from ${sql.table(t)} where tenant_id = ${tenant} ${own} order by 1`.execute(db)).rows;
  }
  return out;
}

/** One turn decided on a read-only view, checked to have written nothing, then applied. */
async function turn(conversation: ConversationRow, dialogue: DialogueState, text: string): Promise<TurnResult> {
  const runtime = server.assistant.runtime(server.tenant);
  const before = await snapshot();
  const result = await decideTurn({ db: readOnly(server.store.db), runtime, conversation, dialogue, text, channel: 'webchat', now: weekday() });
  expect(await snapshot()).toEqual(before);
  await applyTurnEffects(server.store.db, runtime, server.tenant, weekday(), result.effects);
  return result;
}

test('a read-only view refuses writes and allows reads', async () => {
  const db = readOnly(server.store.db);
  await expect(sql`select 1 as one`.execute(db)).resolves.toBeDefined();
  await expect(db.selectFrom('tenants').select('id').execute()).resolves.toBeDefined();
  await expect(db.insertInto('audit_events').values({ tenant_id: server.tenant, actor_type: 'test', action: 'x', subject_type: 'x' } as never).execute()).rejects.toThrow(WriteRefused);
  await expect(db.deleteFrom('handoffs').where('tenant_id', '=', server.tenant).execute()).rejects.toThrow(WriteRefused);
  await expect(sql`delete from handoffs where tenant_id = ${server.tenant}`.execute(db)).rejects.toThrow(WriteRefused);
});

test('asking for a person: the handoff is an effect with the id the turn reported, written only when applied', async () => {
  const c = await createConversation(server.store.db, { tenant: server.tenant, channel: 'webchat' });
  const result = await turn(c, emptyDialogue(), 'can I speak to a real person please');
  const made = result.effects.find((e) => e.type === 'create_handoff');
  expect(made).toBeDefined();
  const id = (result.recognition.handoff as { id: string }).id;
  expect(result.move).toMatchObject({ to: 'queued', cause: 'handoff_created', handoffId: id });
  const row = await openHandoffFor(server.store.db, server.tenant, c.id);
  expect(row?.id).toBe(id);
  expect(result.replies.some((r) => r.handoff?.queue === row?.queue)).toBe(true);

  // Leaving the queue abandons that handoff, as an effect too.
  const left = await turn({ ...c, state: 'queued' }, result.dialogue, 'cancel');
  expect(left.effects).toEqual([{ type: 'abandon_handoff', handoffId: id }]);
  expect(await openHandoffFor(server.store.db, server.tenant, c.id)).toBeUndefined();
});

test('a report: the case is created with the reference the reply gives, ending the chat is audited', async () => {
  const c = await createConversation(server.store.db, { tenant: server.tenant, channel: 'webchat' });
  let dialogue = emptyDialogue();
  let result = await turn(c, dialogue, 'my bin was not collected');
  for (let i = 0; i < 12 && !result.effects.some((e) => e.type === 'create_case' || e.type === 'repeat_report'); i++) {
    dialogue = result.dialogue;
    const last = result.replies[result.replies.length - 1];
    const answer = last.askFor === 'address' ? 'MB1 1AD' : last.askFor === 'phone' ? '07700 900456' : last.askFor === 'date' ? 'yesterday' : (last.suggestions?.find((s) => !/skip|back|cancel|not listed|person|start again/i.test(s.label))?.value ?? 'no');
    result = await turn(c, dialogue, answer);
  }
  const created = result.effects.find((e) => e.type === 'create_case');
  expect(created).toBeDefined();
  const reference = created!.type === 'create_case' ? created!.case.reference : '';
  expect(result.replies[0].text).toContain(reference);
  const stored = await sql<{ reference: string; id: string }>`select id, reference from cases where tenant_id = ${server.tenant} and conversation_id = ${c.id}`.execute(server.store.db);
  expect(stored.rows).toEqual([{ id: created!.type === 'create_case' ? created!.case.id : '', reference }]);

  // Ending the chat is audited through an effect.
  const ended = await turn(c, result.dialogue, 'end chat');
  expect(ended.effects.map((e) => e.type)).toEqual(['audit']);
  const audit = await sql<{ action: string }>`select action from audit_events where tenant_id = ${server.tenant} and subject_id = ${c.id}`.execute(server.store.db);
  expect(audit.rows.map((r) => r.action)).toEqual(['conversation.ended_by_resident']);
});

/** A missed-bin report whose date question failed three times: the assistant offers a person. */
async function atTheOffer(): Promise<{ c: ConversationRow; result: TurnResult }> {
  const c = await createConversation(server.store.db, { tenant: server.tenant, channel: 'webchat' });
  let result = await turn(c, emptyDialogue(), 'my bin was not collected');
  for (const answer of ['MB1 1AD', '1 High Street, Merebrook, MB1 1AD', 'General rubbish (green bin)', 'Yes', 'no', 'no', 'no']) result = await turn(c, result.dialogue, answer);
  expect(result.replies.map((r) => r.text).join(' ')).toMatch(/Would you like to talk to a member of our team/);
  return { c, result };
}

test('in a report, declining the offer of a person repeats the question (no article, no safety text) and the report goes on', async () => {
  const { c, result } = await atTheOffer();
  const declined = await turn(c, result.dialogue, "No, I'll rephrase");
  expect(declined.recognition.action).toBe('flow_retry');
  expect(declined.replies).toHaveLength(1);
  expect(declined.replies[0].text).toMatch(/^OK\. .*Which day should it have been collected/s);
  expect(declined.replies[0].text).not.toMatch(/Samaritans|116 123/);
  expect(declined.dialogue.flow).toMatchObject({ id: 'missed-bin', attempts: 0 });
  const dated = await turn(c, declined.dialogue, 'yesterday');
  expect(dated.recognition.action).toBe('flow:missed-bin');
});

test('in a report, accepting the offer of a person queues the conversation with the report so far', async () => {
  const { c, result } = await atTheOffer();
  const accepted = await turn(c, result.dialogue, 'yes');
  expect(accepted.recognition.action).toBe('handoff');
  expect(accepted.effects.map((e) => e.type)).toEqual(['create_handoff']);
  const made = accepted.effects[0];
  expect(made.type === 'create_handoff' && made.handoff.summary).toMatch(/In progress: .*bin/i);
});
