/**
 * Case status only to the right person (issue 13, item 7): anyone with a reference hears the
 * status; the details (what, where, notes, target date) only the reporter: the same contact, the
 * same resident by a vouched number, or someone who gives the phone or e-mail on the case (three
 * tries a conversation, a limit per case a day). "What have I reported?" for a vouched number.
 * Each turn is decided on a read-only view, then its effects applied, as the pipeline does.
 */
import { sql } from 'kysely';
import {
  addCaseStatus,
  createCase,
  createConversation,
  findConversation,
  findOrCreateContact,
  linkPhoneClaim,
  readOnly,
  recordContactClaim,
  updateContactDetails,
  type ConversationRow,
} from '../store/index.js';
import { startTestServer, type TestServer } from '../test/server.js';
import { CHECK_FAILURES_PER_DAY } from './case-status.js';
import { emptyDialogue, type DialogueState } from './dialogue.js';
import { applyTurnEffects } from './effects.js';
import { decideTurn, type TurnResult } from './policy.js';
import type { TenantRuntime } from './runtime.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const db = () => server.store.db;
let counter = 0;
/** A fresh number of Ofcom's drama range: [E.164, as typed]. */
const newPhone = (): [string, string] => {
  const last = String(900600 + ++counter);
  return [`+447700${last}`, `07700 ${last}`];
};
let refCounter = 400000;
const newReference = () => `MBC-${++refCounter}`;

/** A chat with its dialogue carried from turn to turn. */
class Chat {
  dialogue: DialogueState = emptyDialogue();
  constructor(
    public conversation: ConversationRow,
    private readonly runtime: TenantRuntime = server.assistant.runtime(server.tenant),
  ) {}

  async say(text: string): Promise<TurnResult> {
    const channel = this.conversation.channel;
    const result = await decideTurn({ db: readOnly(db()), runtime: this.runtime, conversation: this.conversation, dialogue: this.dialogue, text, channel, now: new Date() });
    await applyTurnEffects(db(), this.runtime, server.tenant, new Date(), result.effects);
    this.dialogue = result.dialogue;
    // A linked code may have moved the conversation to another contact.
    this.conversation = (await findConversation(db(), server.tenant, this.conversation.id))!;
    return result;
  }
}

async function chat(channel: string, channelUserId?: string, runtime?: TenantRuntime): Promise<Chat> {
  const tenant = server.tenant;
  const id = channelUserId ?? `${channel}-${Math.random().toString(36).slice(2)}`;
  const contactId = await findOrCreateContact(db(), tenant, channel, id);
  return new Chat(await createConversation(db(), { tenant, channel, channelUserId: id, contactId }), runtime);
}

/** A pothole case of a contact, with a public and an internal note after it. */
async function pothole(contactId: string | null, reference = newReference()): Promise<{ id: string; reference: string }> {
  const created = await createCase(db(), {
    tenant: server.tenant,
    referencePrefix: 'MBC',
    reference,
    serviceId: 'highways.pothole',
    summary: 'Pothole (large, in the road) at 7 Elm Grove, Merebrook; risk or injury: no',
    details: { answers: {} },
    location: { kind: 'address', label: '7 Elm Grove, Merebrook, MB2 3CD' },
    team: 'highways',
    targetDate: '2099-12-04',
    contactId,
    actor: 'assistant',
  });
  await addCaseStatus(db(), server.tenant, created.id, 'scheduled', 'Repair booked for Thursday', 'agent:1');
  await addCaseStatus(db(), server.tenant, created.id, 'scheduled', 'Resident sounded angry, handle with care', 'agent:1', { internal: true });
  return { id: created.id, reference: created.reference };
}

const text = (r: TurnResult) => r.replies.map((m) => m.text).join('\n');
const DETAILS = /Elm Grove|Pothole|Repair booked|angry|December|target|aim to deal/i;

async function audits(caseId: string): Promise<{ action: string }[]> {
  return (await sql<{ action: string }>`select action from audit_events where tenant_id = ${server.tenant} and subject_type = 'case' and subject_id = ${caseId} order by id`.execute(db())).rows;
}

test('without the check, only that the case exists and its status: no details, and the question is asked', async () => {
  const [phone] = newPhone();
  const reporter = await findOrCreateContact(db(), server.tenant, 'sms', phone);
  const c = await pothole(reporter);
  const stranger = await chat('webchat');
  const r = await stranger.say(`what's happening with ${c.reference}?`);
  expect(r.recognition.action).toBe('case_status_check');
  expect(text(r)).toContain(`Report ${c.reference} is scheduled.`);
  expect(text(r)).toContain('To tell you more, what phone number or e-mail did you give when you reported it?');
  expect(text(r)).not.toMatch(DETAILS);
  expect(text(r)).not.toContain(phone.slice(-6));
  expect(r.replies[r.replies.length - 1].askFor).toBe('phone');
  expect(await audits(c.id)).toEqual([]);

  // Something else instead of an answer: the check lapses and the message is decided as usual.
  const next = await stranger.say('when is my bin day?');
  expect(next.recognition.action).not.toMatch(/^case_/);
  expect(text(next)).not.toMatch(DETAILS);
});

test('the same channel identity hears the details (the latest note a resident may read, never an internal one), audited', async () => {
  const [phone] = newPhone();
  const sms = await chat('sms', phone);
  const c = await pothole(sms.conversation.contact_id);
  const r = await sms.say(`any update on ${c.reference.toLowerCase().replace('-', ' ')}`);
  expect(r.recognition.action).toBe('case_status');
  const said = text(r);
  expect(said).toContain(`Report ${c.reference} (Report a pothole)`);
  expect(said).toContain('What was reported: Pothole (large, in the road) at 7 Elm Grove');
  // The internal note came last; the resident hears the one before it.
  expect(said).toContain('It is scheduled: Repair booked for Thursday.');
  expect(said).not.toMatch(/angry/);
  expect(said).toMatch(/We aim to deal with it by \w+ 4 December/);
  const trail = await sql<{ action: string; detail: unknown }>`select action, detail from audit_events where subject_id = ${c.id}`.execute(db());
  expect(trail.rows.map((a) => a.action)).toEqual(['case.details_disclosed']);

  // A call from the same number is the same resident: details too.
  const call = await chat('voice', phone);
  expect(call.conversation.contact_id).toBe(sms.conversation.contact_id);
  const spoken = await call.say(`m b c ${c.reference.slice(4).split('').join(' ')}`);
  expect(spoken.recognition.action).toBe('case_status');
  expect(text(spoken)).toContain('Repair booked for Thursday');
});

test('texting from the number the reporter gave in web chat counts as giving it', async () => {
  const [phone, typed] = newPhone();
  const web = await chat('webchat');
  await updateContactDetails(db(), server.tenant, web.conversation.contact_id!, { phone });
  await recordContactClaim(db(), server.tenant, web.conversation.contact_id!, 'phone', typed);
  const c = await pothole(web.conversation.contact_id);
  const sms = await chat('sms', phone);
  const r = await sms.say(`status of ${c.reference} please`);
  expect(r.recognition.action).toBe('case_status');
  expect(r.recognition.caseStatus).toMatchObject({ disclosed: 'details', basis: 'vouched_number' });
});

test('the phone number on the case, typed any way, gives the details; asked again in the chat, no second check', async () => {
  const [phone, typed] = newPhone();
  const reporter = await findOrCreateContact(db(), server.tenant, 'sms', phone);
  const c = await pothole(reporter);
  const other = await chat('webchat');
  await other.say(`where are we with ${c.reference}`);
  const r = await other.say(`it was ${typed.replace(' ', '-')}`);
  expect(r.recognition.action).toBe('case_status');
  expect(text(r)).toContain('Repair booked for Thursday');
  expect(r.recognition.caseStatus).toMatchObject({ basis: 'checked_phone' });
  expect((await audits(c.id)).map((a) => a.action)).toEqual(['case.details_disclosed']);
  const again = await other.say(`what about ${c.reference} now?`);
  expect(again.recognition.action).toBe('case_status');
  expect(again.recognition.caseStatus).toMatchObject({ basis: 'checked' });
});

test('the e-mail on the case, in any case and spacing, gives the details', async () => {
  const web = await chat('webchat');
  await updateContactDetails(db(), server.tenant, web.conversation.contact_id!, { email: 'Jo.Resident@Example.org' });
  const c = await pothole(web.conversation.contact_id);
  const other = await chat('sms', newPhone()[0]);
  const asked = await other.say(`${c.reference}`);
  expect(asked.recognition.action).toBe('case_status_check');
  const r = await other.say('  JO.RESIDENT@example.ORG ');
  expect(r.recognition.action).toBe('case_status');
  expect(r.recognition.caseStatus).toMatchObject({ basis: 'checked_email' });
});

test('a wrong phone number three times: the status only, each failure audited; the check is over', async () => {
  const [phone, typed] = newPhone();
  const reporter = await findOrCreateContact(db(), server.tenant, 'sms', phone);
  const c = await pothole(reporter);
  const other = await chat('webchat');
  await other.say(`${c.reference}`);
  const first = await other.say('07700 900001');
  expect(first.recognition.action).toBe('case_check_wrong');
  expect(text(first)).toMatch(/doesn't match .* try 2 more times/);
  const second = await other.say('jo@example.org');
  expect(second.recognition.action).toBe('case_check_wrong');
  expect(text(second)).toMatch(/try once more/);
  const third = await other.say('+44 7700 900002');
  expect(third.recognition.action).toBe('case_check_failed');
  expect(text(third)).toContain(`Report ${c.reference} is scheduled.`);
  for (const r of [first, second, third]) expect(text(r)).not.toMatch(DETAILS);
  expect((await audits(c.id)).map((a) => a.action)).toEqual(['case.status_check_failed', 'case.status_check_failed', 'case.status_check_failed']);
  // The right number now is not an answer to anything: still no details.
  const late = await other.say(typed);
  expect(text(late)).not.toMatch(DETAILS);
  expect((await audits(c.id)).map((a) => a.action)).not.toContain('case.details_disclosed');
});

test('after many failed checks of one case in a day, across chats, no check is offered', async () => {
  const [phone] = newPhone();
  const reporter = await findOrCreateContact(db(), server.tenant, 'sms', phone);
  const c = await pothole(reporter);
  for (let n = 0; n < CHECK_FAILURES_PER_DAY; ) {
    const guesser = await chat('webchat');
    await guesser.say(c.reference);
    for (let i = 0; i < 3 && n < CHECK_FAILURES_PER_DAY; i++, n++) await guesser.say(`07700 9${String(10000 + n).padStart(5, '0')}`);
  }
  const next = await chat('webchat');
  const r = await next.say(c.reference);
  expect(r.recognition.action).toBe('case_status_only');
  expect(text(r)).toContain(`Report ${c.reference} is scheduled.`);
  expect(text(r)).not.toMatch(/what phone number/);
  // The reporter is not locked out.
  const own = await chat('sms', phone);
  expect((await own.say(c.reference)).recognition.action).toBe('case_status');
});

test('a case with no contact to check against: status only, no question', async () => {
  const c = await pothole(null);
  const r = await (await chat('webchat')).say(c.reference);
  expect(r.recognition.action).toBe('case_status_only');
  expect(text(r)).not.toMatch(DETAILS);
});

test('asked for a reference, the digits alone or said in words are taken with the prefix implied', async () => {
  const [phone] = newPhone();
  const sms = await chat('sms', phone);
  const c = await pothole(sms.conversation.contact_id, 'MBC-400081');
  const asked = await sms.say("what's happening with my report?");
  expect(asked.recognition.action).toBe('ask_reference');
  expect(asked.replies[0].speech).toMatch(/press the hash key/);
  const r = await sms.say('four hundred thousand and eighty one');
  expect(r.recognition.action).toBe('case_status');
  expect(text(r)).toContain(c.reference);
  // Not asked: six digits alone are no reference.
  const bare = await sms.say('400081');
  expect(bare.recognition.action).not.toBe('case_status');
  // Asked, and nothing like a reference twice: where else to turn, and the question is not repeated for ever.
  expect((await sms.say('any news on my report?')).recognition.action).toBe('ask_reference');
  const again = await sms.say('I lost the reference');
  expect(again.recognition.action).toBe('ask_reference_again');
  expect(again.dialogue.awaitingReference).toBeUndefined();
});

describe('"what have I reported?"', () => {
  test('a texting resident hears their own cases, newest first, and nobody else\'s; audited', async () => {
    const [phone] = newPhone();
    const sms = await chat('sms', phone);
    const older = await pothole(sms.conversation.contact_id);
    await sql`update cases set created_at = now() - interval '3 days' where id = ${older.id}`.execute(db());
    const newer = await pothole(sms.conversation.contact_id);
    const someoneElse = await pothole(await findOrCreateContact(db(), server.tenant, 'sms', newPhone()[0]));
    const r = await sms.say('What have I reported?');
    expect(r.recognition.action).toBe('case_list');
    const said = text(r);
    expect(said).toMatch(/Here are your 2 reports, newest first/);
    expect(said.indexOf(newer.reference)).toBeGreaterThan(-1);
    expect(said.indexOf(newer.reference)).toBeLessThan(said.indexOf(older.reference));
    expect(said).toContain('Report a pothole, scheduled');
    expect(said).not.toContain(someoneElse.reference);
    expect(said).not.toMatch(/Elm Grove|Repair booked/);
    expect(r.replies[0].suggestions?.map((s) => s.value)).toEqual([newer.reference, older.reference]);
    const audit = await sql<{ action: string }>`select action from audit_events where subject_type = 'contact' and subject_id = ${sms.conversation.contact_id}`.execute(db());
    expect(audit.rows.map((a) => a.action)).toEqual(['case.list_disclosed']);
    for (const q of ['show me my reports', 'did I report anything already?', 'what have i raised']) {
      expect((await sms.say(q)).recognition.action).toBe('case_list');
    }
  });

  test('at most five, with word of older ones', async () => {
    const sms = await chat('whatsapp', newPhone()[0]);
    for (let i = 0; i < 7; i++) await pothole(sms.conversation.contact_id);
    const r = await sms.say('can you list my cases');
    expect(r.recognition.action).toBe('case_list');
    expect(text(r).match(/MBC-\d{6}/g)).toHaveLength(5);
    expect(text(r)).toMatch(/latest 5 reports.*\n[\s\S]*older ones too/);
  });

  test('an unverified web chat is told how to verify or to give a reference, and lists nothing', async () => {
    const web = await chat('webchat');
    await pothole(web.conversation.contact_id);
    const r = await web.say('what have I reported');
    expect(r.recognition.action).toBe('case_list_unverified');
    expect(text(r)).toMatch(/phone number we know is yours/);
    expect(text(r)).toMatch(/reference \(it looks like MBC-123456\)/);
    expect(text(r)).not.toMatch(/MBC-4\d{5}/);
  });

  test('web chat with texts configured: the number given is offered a code; once linked, the number\'s cases are listed', async () => {
    const base = server.assistant.runtime(server.tenant);
    const runtime: TenantRuntime = { ...base, codes: { canText: async () => true, queue: () => undefined } };
    const [phone, typed] = newPhone();
    const sms = await chat('sms', phone);
    const c = await pothole(sms.conversation.contact_id);
    const web = await chat('webchat', undefined, runtime);
    const asked = await web.say('what have I reported?');
    expect(asked.recognition.action).toBe('case_list_unverified');
    expect(text(asked)).toMatch(/tell me the number and I'll text you a code/);
    const offered = await web.say(typed);
    expect(offered.recognition.action).toBe('case_list_code');
    expect(text(offered)).toMatch(/6-digit code/);
    const claim = await db().selectFrom('contact_claims').selectAll().where('contact_id', '=', web.conversation.contact_id!).executeTakeFirstOrThrow();
    expect(claim.code_requested_at).not.toBeNull();
    // The code's check is the policy's own (tested in channels/twilio/contact-link.test.ts): linked here directly.
    await linkPhoneClaim(db(), server.tenant, { id: claim.id, contact_id: claim.contact_id, value: phone }, new Date());
    web.conversation = (await findConversation(db(), server.tenant, web.conversation.id))!;
    expect(web.conversation.contact_id).toBe(sms.conversation.contact_id);
    const listed = await web.say('what have I reported?');
    expect(listed.recognition.action).toBe('case_list');
    expect(text(listed)).toContain(c.reference);
  });

  test('a caller who withholds their number is told to give a reference', async () => {
    const call = await chat('voice', `withheld:CA${'1'.repeat(32)}`);
    const r = await call.say('what have I reported');
    expect(r.recognition.action).toBe('case_list_unverified');
    expect(text(r)).toMatch(/can't see the number you're calling from/);
  });
});
