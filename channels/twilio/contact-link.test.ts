/**
 * One resident across channels, for numbers typed in web chat: the number is an unverified claim
 * on the web chat's contact, never merged with the contact that texts from it; agents see "may be
 * the same as…"; a one-time code texted through Twilio (the local stand-in) links the two, and
 * only a right, fresh, unused code within five tries does. Without Twilio no code is offered.
 */
import { randomUUID } from 'node:crypto';
import { signedInAgent, type ConsoleClient } from '../../test/console-client.js';
import { allText, Resident, startTestServer, type TestServer } from '../../test/server.js';
import { freshTenant } from '../../test/store.js';
import { recordContactClaim, requestClaimCode } from '../../store/index.js';
import { CLAIM_CODE_SWEEP_JOB } from './claim-codes.js';
import { startTextingApp, until, type TextingApp } from './texting-app.fixture.js';

let app: TextingApp;
let supervisor: ConsoleClient;
let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);
let counter = 0;
/** A fresh number of Ofcom's drama range per test: [E.164, as a resident types it]. */
const newPhone = (): [string, string] => {
  const last = String(900200 + ++counter);
  return [`+447700${last}`, `07700 ${last}`];
};

beforeAll(async () => {
  app = await startTextingApp(clock);
  supervisor = (await signedInAgent(app.server, { roles: ['supervisor', 'agent'] })).client;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const db = () => app.server.store.db;

/** Reports a missed bin in web chat, giving `typed` for updates; the replies to the final "yes". */
async function reportGivingNumber(web: Resident, typed: string, address: string) {
  // A different address each time: a second report of one address joins the first (no contact asked).
  for (const text of ['my bin was not collected', 'MB1 1AD', address, 'the blue one', 'yes', 'yesterday', 'no', 'yes please', typed]) await web.say(text);
  return web.say('yes');
}

async function conversation(id: string) {
  return db().selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function context(conversationId: string) {
  const view = await supervisor.call('GET', `/conversations/${conversationId}`);
  expect(view.status).toBe(200);
  return view.body.context as {
    contact: { id: string; claims: { kind: string; value: string; verified: boolean; label: string; mayBeSameAs: unknown }[] };
    previousConversations: { id: string; channel: string }[];
  };
}

/** The code texted to `phone` (the latest text of the stand-in carrying one). */
async function codeTextedTo(phone: string, after = 0): Promise<string> {
  const text = await until(() => app.sentTo(phone).slice(after).find((m) => /Your code is \d{6}/.test(m.body)), `the code texted to ${phone}`);
  return /Your code is (\d{6})/.exec(text.body)![1];
}

test('a number typed in web chat is unverified and kept apart; the texted code links the chat with the texts from it', async () => {
  const [phone, typed] = newPhone();
  await app.text(phone, 'hello');
  const sms = await until(
    () => db().selectFrom('conversations').selectAll().where('tenant_id', '=', app.server.tenant).where('channel', '=', 'sms').where('channel_user_id', '=', phone).executeTakeFirst(),
    'the SMS conversation',
  );

  const web = await new Resident(app.server.url).start();
  const done = await reportGivingNumber(web, typed, '2');
  expect(allText(done)).toMatch(/Your reference is MBC-\d{6}/);
  expect(allText(done)).toContain(`We can link this chat with your texts and calls from ${typed}: reply with the 6-digit code we've just texted you.`);

  // Recorded as a claim on the web chat's own contact: unverified, not merged.
  const webContact = (await conversation(web.conversationId)).contact_id!;
  expect(webContact).not.toBe(sms.contact_id);
  const claim = await db().selectFrom('contact_claims').selectAll().where('contact_id', '=', webContact).executeTakeFirstOrThrow();
  expect(claim).toMatchObject({ kind: 'phone', value: phone, verified_at: null });
  expect(await db().selectFrom('contact_identities').select('contact_id').where('channel', '=', 'phone').where('channel_user_id', '=', phone).executeTakeFirst()).toEqual({ contact_id: sms.contact_id });

  // Agents see it is unverified and whom it may belong to; the SMS conversation is not this resident's (yet).
  let ctx = await context(web.conversationId);
  expect(ctx.contact.claims).toEqual([
    expect.objectContaining({ kind: 'phone', verified: false, label: `Phone ${typed} — unverified, may be the same as the resident who texts from it (1 conversation)` }),
  ]);
  expect(ctx.previousConversations.map((c) => c.id)).not.toContain(sms.id);

  // The code is texted through Twilio and stored only hashed.
  const code = await codeTextedTo(phone);
  const stored = await db().selectFrom('contact_claims').selectAll().where('id', '=', claim.id).executeTakeFirstOrThrow();
  expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(stored)).not.toContain(code);

  // A wrong code fails and links nothing.
  const wrong = code === '000000' ? '111111' : '000000';
  expect(allText(await web.say(wrong))).toContain("That code doesn't match, so nothing has been linked. Please check the text and try again (4 tries left).");
  expect((await conversation(web.conversationId)).contact_id).toBe(webContact);

  // The right one links: the web chat becomes the number's resident, one contact.
  expect(allText(await web.say(code.replace(/(\d{3})(\d{3})/, '$1 $2')))).toContain(`This chat is now linked with your texts and calls from ${typed}`);
  expect((await conversation(web.conversationId)).contact_id).toBe(sms.contact_id);
  expect(await db().selectFrom('contacts').select('id').where('id', '=', webContact).executeTakeFirst()).toBeUndefined();

  // A later text from that number and the web chat are one resident's conversations in the console.
  await app.text(phone, 'what day is my bin collected');
  ctx = await context(web.conversationId);
  expect(ctx.contact.id).toBe(sms.contact_id);
  expect(ctx.previousConversations).toEqual(expect.arrayContaining([expect.objectContaining({ id: sms.id, channel: 'sms' })]));
  expect(ctx.contact.claims).toEqual([expect.objectContaining({ verified: true, label: expect.stringContaining(`Phone ${typed} — verified`) })]);
  const fromSms = await context(sms.id);
  expect(fromSms.previousConversations).toEqual(expect.arrayContaining([expect.objectContaining({ id: web.conversationId, channel: 'api' })]));

  // Single use: the same code again is refused, honestly.
  expect(allText(await web.say(code))).toContain('That code has already been used.');
}, 60_000);

test('an expired code and a code after five wrong tries link nothing', async () => {
  const [late, lateTyped] = newPhone();
  const slow = await new Resident(app.server.url).start();
  await reportGivingNumber(slow, lateTyped, '3');
  const lateCode = await codeTextedTo(late);
  offsetMs += 11 * 60_000;
  try {
    expect(allText(await slow.say(lateCode))).toContain('That code has expired, so this chat has not been linked.');
  } finally {
    offsetMs -= 11 * 60_000;
  }
  const slowClaim = await db().selectFrom('contact_claims').selectAll().where('value', '=', late).executeTakeFirstOrThrow();
  expect(slowClaim.verified_at).toBeNull();
  expect(await db().selectFrom('contact_identities').select('contact_id').where('channel', '=', 'phone').where('channel_user_id', '=', late).executeTakeFirst()).toBeUndefined();

  const [guessed, guessedTyped] = newPhone();
  const guesser = await new Resident(app.server.url).start();
  await reportGivingNumber(guesser, guessedTyped, '4');
  const code = await codeTextedTo(guessed);
  const wrong = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((c) => c !== code).slice(0, 5);
  const answers = [];
  for (const w of wrong) answers.push(allText(await guesser.say(w)));
  expect(answers[3]).toContain('(1 try left)');
  expect(answers[4]).toContain('that was the last try');
  expect(allText(await guesser.say(code))).toContain('too many tries at that code, so it no longer works');
  const claim = await db().selectFrom('contact_claims').selectAll().where('value', '=', guessed).executeTakeFirstOrThrow();
  expect(claim).toMatchObject({ verified_at: null, code_attempts: 5 });
}, 60_000);

test("the sweep sends the codes of the councils its process serves, never another council's sharing the database", async () => {
  // A code asked for in each council a minute ago whose job was lost: council B's first, so a sweep
  // of every council would queue it before A's.
  const other = await freshTenant(app.server.store, 'another-council');
  const [mine] = newPhone();
  const [theirs] = newPhone();
  const asked = async (tenant: string, phone: string, agoMs: number) => {
    const contactId = randomUUID();
    await db().insertInto('contacts').values({ id: contactId, tenant_id: tenant }).execute();
    const claim = await recordContactClaim(db(), tenant, contactId, 'phone', phone);
    await requestClaimCode(db(), tenant, claim.id, new Date(clock().getTime() - agoMs), new Date(clock().getTime() + 9 * 60_000));
    return { contactId, claimId: claim.id };
  };
  const b = await asked(other, theirs, 90_000);
  const a = await asked(app.server.tenant, mine, 60_000);
  try {
    await app.server.jobs.add(CLAIM_CODE_SWEEP_JOB, {});
    await codeTextedTo(mine);
    expect((await db().selectFrom('contact_claims').select('code_sent_at').where('id', '=', a.claimId).executeTakeFirstOrThrow()).code_sent_at).not.toBeNull();
    // Council B's code is its own process's to send: this one leaves it waiting, sweep after sweep.
    await app.server.jobs.add(CLAIM_CODE_SWEEP_JOB, {});
    await new Promise((r) => setTimeout(r, 500));
    expect((await db().selectFrom('contact_claims').select('code_sent_at').where('id', '=', b.claimId).executeTakeFirstOrThrow()).code_sent_at).toBeNull();
    expect(app.sentTo(theirs)).toEqual([]);
  } finally {
    await db().deleteFrom('contacts').where('id', 'in', [a.contactId, b.contactId]).execute();
  }
}, 60_000);

describe('without Twilio configured', () => {
  let plain: TestServer;
  beforeAll(async () => {
    plain = await startTestServer({ env: {} });
  }, 120_000);
  afterAll(async () => {
    await plain?.close();
  });

  test('no code is offered, the number stays an unverified claim, and six digits are just a message', async () => {
    const saved = { ...process.env };
    for (const k of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM']) delete process.env[k];
    try {
      const web = await new Resident(plain.url).start();
      for (const text of ['my bin was not collected', 'MB1 1AD', '2', 'the blue one', 'yes', 'yesterday', 'no', 'yes please', 'resident@example.org']) await web.say(text);
      const done = allText(await web.say('yes'));
      expect(done).toMatch(/Your reference is MBC-\d{6}/);
      expect(done).not.toMatch(/code/i);
      const contactId = (await plain.store.db.selectFrom('conversations').select('contact_id').where('id', '=', web.conversationId).executeTakeFirstOrThrow()).contact_id!;
      const claims = await plain.store.db.selectFrom('contact_claims').selectAll().where('contact_id', '=', contactId).execute();
      expect(claims).toEqual([expect.objectContaining({ kind: 'email', value: 'resident@example.org', verified_at: null, code_requested_at: null })]);
      expect(allText(await web.say('123456'))).not.toMatch(/code/i);
    } finally {
      process.env = saved;
    }
  }, 60_000);
});
