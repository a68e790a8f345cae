/**
 * What the resident is told on a safety decision, in hours, through the real Assistant on the
 * store: the right services first for the kind of risk, only true promises about who comes next,
 * the ask-once danger check, and ending the chat in any state.
 */
import type { IntentPrediction } from '../intents/types.js';
import { accept } from '../handoff/queue/index.js';
import { makeAgent } from '../handoff/queue/test-helpers.js';
import { dangerQuestion } from './replies.js';
import { allText, Resident, startTestServer, type TestServer } from '../test/server.js';

// Wednesday 25 November 2026, 10:30 in London: the contact centre is open.
const weekday = () => new Date('2026-11-25T10:30:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock: weekday });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const resident = () => new Resident(server.url).start();
type Reply = Awaited<ReturnType<Resident['say']>>[number] & { speech?: string; handoff?: { route?: string; riskKind?: string } };

async function handoffsOf(conversationId: string) {
  return server.store.db.selectFrom('handoffs').selectAll().where('tenant_id', '=', server.tenant).where('conversation_id', '=', conversationId).execute();
}

async function lastRecognition(conversationId: string): Promise<Record<string, unknown>> {
  const row = await server.store.db
    .selectFrom('messages')
    .select('recognition')
    .where('tenant_id', '=', server.tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return (typeof row.recognition === 'string' ? JSON.parse(row.recognition) : row.recognition) as Record<string, unknown>;
}

describe('signposting by kind of risk', () => {
  test('a gas leak names the gas emergency line first, spoken digit by digit on the phone', async () => {
    const r = await resident();
    const replies = (await r.say('there is a gas leak in my street')) as Reply[];
    const main = replies.find((m) => m.handoff)!;
    expect(main.handoff).toMatchObject({ priority: 'urgent', riskKind: 'fire_gas_co' });
    // The first number in the reply is the National Gas Emergency line, then 999.
    const numbers = main.text.match(/\b0800 111 999\b|\b999\b/g) ?? [];
    expect(numbers[0]).toBe('0800 111 999');
    expect(main.text).toMatch(/National Gas Emergency: 0800 111 999/);
    expect(main.text).toMatch(/leave the building/);
    expect(main.text).not.toMatch(/Samaritans|116 123/);
    expect(main.speech).toContain('0 8 0 0, 1 1 1, 9 9 9');
    expect(main.speech!.indexOf('National Gas Emergency')).toBeLessThan(main.speech!.indexOf('Emergency services'));
    const recognition = await lastRecognition(r.conversationId);
    expect(recognition.safety).toMatchObject({ category: 'safety.risk_to_life', kind: 'fire_gas_co', source: expect.stringMatching(/screen|both/) });
    const [h] = await handoffsOf(r.conversationId);
    expect(h.priority).toBe('urgent');
    expect((h.context as { safety?: { kind: string } }).safety?.kind).toBe('fire_gas_co');
    expect(h.summary).toMatch(/fire, gas or carbon monoxide/);
  });

  test('a child being hit gets 999 first and the council\'s children\'s services, in and out of hours', async () => {
    const r = await resident();
    const replies = (await r.say('my neighbour is hitting his kids')) as Reply[];
    const main = replies.find((m) => m.handoff)!;
    expect(main.handoff?.riskKind).toBe('child_at_risk');
    const text = main.text;
    expect(text.indexOf('999')).toBeGreaterThan(-1);
    expect(text.indexOf('999')).toBeLessThan(text.indexOf('01632 960 200'));
    expect(text).toMatch(/children's services: 01632 960 200/);
    expect(text).toMatch(/emergency duty team: 01632 960 999/);
    expect(text).toMatch(/NSPCC: 0808 800 5000/);
    expect(text).not.toMatch(/Samaritans/);
    expect(main.speech).toContain('0 1 6 3 2, 9 6 0, 2 0 0');
  });
});

describe('only true promises, in hours', () => {
  test('nobody signed in: the resident is told nobody is free and who to call, not that someone will join', async () => {
    const r = await resident();
    const replies = (await r.say("I'm going to kill myself tonight")) as Reply[];
    const main = replies.find((m) => m.handoff)!;
    expect(main.handoff?.route).toBe('none');
    expect(main.text).toMatch(/Samaritans: 116 123/);
    expect(main.text).toMatch(/Nobody from our team is free to join this chat right now/);
    expect(main.text).toMatch(/01632 960 100/);
    expect(allText(replies)).not.toMatch(/will join|will contact you|passing this conversation|duty officer/i);
  });

  test('an available agent who can take it: "A member of our team is here and will join this conversation now"', async () => {
    // Room for the urgent items earlier tests left waiting (routing offers them to Sam too).
    const agent = await makeAgent(server.store.db, server.tenant, { name: 'Sam Safety', skills: ['safety', 'social_care'], capacity: 20, seenAt: weekday() });
    try {
      const r = await resident();
      const replies = (await r.say('my partner hits me and I am scared to go home')) as Reply[];
      const main = replies.find((m) => m.handoff)!;
      expect(main.handoff).toMatchObject({ route: 'agent', riskKind: 'domestic_abuse', staffAvailable: true });
      expect(main.text).toMatch(/A member of our team is here and will join this conversation now\./);
      expect(main.text).toMatch(/National Domestic Abuse Helpline: 0808 2000 247/);
      // An ordinary request is also told a member of staff will reply, since one can.
      const other = await resident();
      const ordinary = await other.say('can I speak to a real person please');
      expect(allText(ordinary)).toMatch(/A member of staff will reply here/);
    } finally {
      await server.store.db.updateTable('agents').set({ status: 'away' }).where('id', '=', agent.id).execute();
    }
  });

  test('an ordinary request with nobody free is told it waits in the queue, not that staff will reply now', async () => {
    const r = await resident();
    const replies = await r.say('can I speak to a real person please');
    const h = replies.find((m) => m.handoff)?.handoff as { route?: string } | undefined;
    expect(h?.route).toBe('queue');
    expect(allText(replies)).toMatch(/Nobody in our Customer services team is free to reply right now/);
    expect(allText(replies)).not.toMatch(/A member of staff will reply here/);
    expect((await r.transcript()).state).toBe('queued');
  });
});

describe('the ask-once danger check', () => {
  // The classifier's reading is the one input held still here: a safety intent it is unsure of
  // (between SAFETY_ASK_THRESHOLD and SAFETY_CLASSIFIER_THRESHOLD), with the screen silent.
  const UNSURE = 'things are getting really difficult with my mum lately';
  // Unsure, and of suicide or self-harm: the question carries the helpline too.
  const UNSURE_SELF = 'been feeling really low and thinking about my tablets a lot lately';
  const POSTCODE = 'MB1 1AD';
  beforeAll(() => {
    const understanding = server.assistant.runtime(server.tenant).understanding;
    const real = understanding.recognise.bind(understanding);
    understanding.recognise = async (text: string): Promise<IntentPrediction> => {
      const p = await real(text);
      if (text !== UNSURE && text !== POSTCODE && text !== UNSURE_SELF) return p;
      const intent = text === UNSURE_SELF ? 'safety.risk_to_life' : 'safety.safeguarding_concern';
      return { ...p, outOfScope: false, ranked: [{ intent, confidence: 0.4 }, ...p.ranked.filter((x) => x.intent !== intent)].slice(0, 5) };
    };
  });

  test('asks "Is anyone in danger right now?"; yes escalates with the kind kept', async () => {
    const r = await resident();
    const asked = await r.say(UNSURE);
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toMatch(/^Is anyone in danger right now\?/);
    expect(asked[0].text).toMatch(/If someone is in danger, call 999\./);
    expect(asked[0].askFor).toBe('yes_no');
    expect(asked[0].suggestions?.map((s) => s.value)).toEqual(['Yes', 'No']);
    expect(await handoffsOf(r.conversationId)).toHaveLength(0);
    const replies = (await r.say('yes')) as Reply[];
    const main = replies.find((m) => m.handoff)!;
    expect(main.handoff?.priority).toBe('urgent');
    expect(main.text).toMatch(/999/);
    const recognition = await lastRecognition(r.conversationId);
    expect(recognition.safety).toMatchObject({ category: 'safety.safeguarding_concern', source: 'asked' });
    expect(recognition.dangerCheck).toBe('yes');
    expect((await r.transcript()).state).toBe('queued');
  });

  test('unsure of suicide or self-harm: the question carries the Samaritans line, so a resident who says no still has it', async () => {
    const r = await resident();
    const asked = await r.say(UNSURE_SELF);
    expect((await lastRecognition(r.conversationId)).safetyAsk).toMatchObject({ kind: 'suicide_self_harm' });
    expect(asked[0].text).toMatch(/^Is anyone in danger right now\?\n\nIf someone is in danger, call 999\.\n\nIf you are having thoughts of suicide or of harming yourself, you can talk to someone now:\n- Samaritans: 116 123/);
    // Unsure of another kind: the question alone.
    const other = await (await resident()).say(UNSURE);
    expect(other[0].text).not.toMatch(/Samaritans|helpline/i);
  });

  test('the helpline line by kind: the pack\'s first service that is not 999, digit by digit on the phone, in Welsh too', () => {
    const settings = server.assistant.runtime(server.tenant).pack.settings;
    const self = dangerQuestion(settings, { kind: 'suicide_self_harm' });
    expect(self.text.split('\n').at(-1)).toBe('- Samaritans: 116 123, free, any time, day or night');
    expect(self.speech).toContain('Samaritans: 1 1 6, 1 2 3, free, any time, day or night.');
    expect(dangerQuestion(settings, { kind: 'domestic_abuse' }).text).toMatch(/in confidence:\n- National Domestic Abuse Helpline: 0808 2000 247, free, 24 hours, confidential$/);
    // Kinds whose first call is 999 (already said), and a message it cannot read: nothing added.
    expect(dangerQuestion(settings, { kind: 'danger_now' }).text).toBe('Is anyone in danger right now?\n\nIf someone is in danger, call 999.');
    expect(dangerQuestion(settings, { kind: 'suicide_self_harm', unreadable: true }).text).not.toMatch(/Samaritans/);
    expect(dangerQuestion(settings, { kind: 'suicide_self_harm', language: 'cy' }).text).toMatch(/Os ydych chi'n meddwl am hunanladdiad[^\n]*\n- Samariaid|Os ydych chi'n meddwl am hunanladdiad[^\n]*\n- Samaritans/);
  });

  test('an answer to the assistant\'s own question (a postcode for the address step) is not asked about', async () => {
    const r = await resident();
    await r.say('report a missed bin');
    const replies = await r.say(POSTCODE);
    expect(allText(replies)).not.toMatch(/Is anyone in danger/);
    expect(replies[0].suggestions?.some((s) => /High Street/.test(s.label))).toBe(true);
  });

  test('no continues with the original message as usual, and the same reading is not asked again', async () => {
    const r = await resident();
    await r.say(UNSURE);
    const replies = await r.say('no');
    expect(allText(replies)).not.toMatch(/danger/i);
    expect(replies.some((m) => m.handoff)).toBe(false);
    expect((await lastRecognition(r.conversationId)).dangerCheck).toBe('no');
    // Said again: not asked twice.
    const again = await r.say(UNSURE);
    expect(allText(again)).not.toMatch(/Is anyone in danger right now/);
    // A later clear disclosure always escalates.
    const later = (await r.say('my dad hits me every night')) as Reply[];
    expect(later.find((m) => m.handoff)?.handoff?.priority).toBe('urgent');
  });
});

describe('a message the assistant cannot read (round 7)', () => {
  // The real screen and the demo's safety model: Persian is a script the assistant does not read.
  const PERSIAN = 'همسرم مرا تهدید می‌کند و اجازه نمی‌دهد از خانه بیرون بروم. الان در خانه نیست.';
  test('is asked the danger question in plain English, told which language is read, and a yes in its own language escalates', async () => {
    const r = await resident();
    const asked = await r.say(PERSIAN);
    expect(asked).toHaveLength(1);
    expect(asked[0].text).toMatch(/^Sorry, I may not have understood that: I read English best\./);
    expect(asked[0].text).toMatch(/Is anyone in danger right now\?/);
    expect(asked[0].text).toMatch(/If someone is in danger, call 999\. They can find an interpreter\./);
    expect(asked[0].suggestions?.map((s) => s.value)).toEqual(['Yes', 'No']);
    expect(await handoffsOf(r.conversationId)).toHaveLength(0);
    const replies = (await r.say('بله')) as Reply[];
    expect(replies.find((m) => m.handoff)?.handoff?.priority).toBe('urgent');
    expect((await lastRecognition(r.conversationId)).dangerCheck).toBe('yes');
  });
  test('a no in its own language continues, without escalating', async () => {
    const r = await resident();
    await r.say(PERSIAN);
    const replies = (await r.say('نه')) as Reply[];
    expect(replies.some((m) => m.handoff)).toBe(false);
    expect((await lastRecognition(r.conversationId)).dangerCheck).toBe('no');
  });
  test('an English message is asked, if at all, without the language note', async () => {
    const r = await resident();
    const replies = await r.say('when is my bin collected on Harbour Road');
    expect(allText(replies)).not.toMatch(/I read English best/);
  });
});

describe('ending the chat', () => {
  test('"I want to end this chat" is not a risk: the chat closes, and a later message starts afresh', async () => {
    const r = await resident();
    await r.say('report a missed bin');
    const replies = await r.say('I want to end this chat');
    expect(replies.some((m) => m.handoff)).toBe(false);
    expect(allText(replies)).toMatch(/You've ended this chat/);
    expect(allText(replies)).toMatch(/start a new chat/);
    expect(allText(replies)).not.toMatch(/Samaritans|999|danger/);
    expect((await r.transcript()).state).toBe('closed');
    expect(await handoffsOf(r.conversationId)).toHaveLength(0);
    expect((await lastRecognition(r.conversationId)).safety).toBeNull();
    const audit = await server.store.db.selectFrom('audit_events').selectAll().where('subject_id', '=', r.conversationId).where('action', '=', 'conversation.ended_by_resident').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_type).toBe('resident');

    // Afresh: the missed-bin flow is forgotten; a new question is answered on its own.
    const next = await r.say('When is my bin day?');
    expect(allText(next)).toMatch(/postcode|address/i);
    expect(allText(next)).not.toMatch(/Which bin/);
    expect((await r.transcript()).state).toBe('bot');
  });

  test.each(['End chat', 'end', 'bye', 'close chat', 'end this chat'])('"%s" ends the chat', async (text) => {
    const r = await resident();
    await r.say('hello');
    const replies = await r.say(text);
    expect(allText(replies)).toMatch(/You've ended this chat/);
    expect((await r.transcript()).state).toBe('closed');
  });

  test('while queued, the waiting handoff is abandoned and recorded', async () => {
    const r = await resident();
    await r.say('can I speak to a real person please');
    await r.say('End chat');
    const [h] = await handoffsOf(r.conversationId);
    expect(h.closed_at).not.toBeNull();
    expect(h.outcome).toBe('abandoned');
    expect((await r.transcript()).state).toBe('closed');
  });

  test('with an agent, the handoff is closed as ended by the resident', async () => {
    const agent = await makeAgent(server.store.db, server.tenant, { name: 'Ali General', skills: [], seenAt: weekday() });
    try {
      const r = await resident();
      await r.say('can I speak to a real person please');
      const [waiting] = await handoffsOf(r.conversationId);
      await accept(server.store.db, server.tenant, waiting.id, agent, server.assistant.runtime(server.tenant).pack.settings.queues, weekday());
      expect((await r.transcript()).state).toBe('with_agent');
      const replies = await r.say('End chat');
      expect(allText(replies)).toMatch(/You've ended this chat/);
      const [h] = await handoffsOf(r.conversationId);
      expect(h.outcome).toBe('resident_ended');
      expect(h.closed_at).not.toBeNull();
      expect((await r.transcript()).state).toBe('closed');
    } finally {
      await server.store.db.updateTable('agents').set({ status: 'away' }).where('id', '=', agent.id).execute();
    }
  });

  test('after a disclosure, ending the chat keeps the urgent handoff in the queue for the team', async () => {
    const r = await resident();
    await r.say('my neighbour is hitting his kids');
    const replies = await r.say('bye');
    expect(allText(replies)).toMatch(/Our team can still see what you told us/);
    expect(allText(replies)).toMatch(/999/);
    const [h] = await handoffsOf(r.conversationId);
    expect(h.closed_at).toBeNull();
    expect(h.priority).toBe('urgent');
    expect(h.summary).toMatch(/^The resident ended the chat\./);
    expect((await r.transcript()).state).toBe('closed');
  });
});

describe('short everyday replies inside a report', () => {
  // The real screen and safety model: on a few words the model scores style, not risk, so a short reply naming no harm is not
  // worth "Is anyone in danger right now?" (intents/safety/decision.ts, SAFETY_SHORT_REPLY_QUIET).
  test('"not sure", "dunno" or a size in centimetres at a question with choices is not asked about; the question is asked again', async () => {
    const r = await resident();
    await r.say('I want to report a pothole');
    expect(allText(await r.say('outside 4 Mill Lane'))).toMatch(/How big is it\?/);
    for (const reply of ['not sure', 'dunno', "it's about 30cm wide"]) {
      const replies = await r.say(reply);
      expect(allText(replies)).not.toMatch(/danger/i);
      expect(allText(replies)).toMatch(/How big is it\?/);
    }
    expect(await handoffsOf(r.conversationId)).toHaveLength(0);
  });

  test('a short cry for help at the same question ("it\'s an emergency") is asked about, and a yes escalates', async () => {
    const r = await resident();
    await r.say('I want to report a pothole');
    await r.say('outside 4 Mill Lane');
    expect(allText(await r.say("it's an emergency"))).toMatch(/Is anyone in danger right now\?/);
    const replies = (await r.say('yes')) as Reply[];
    expect(replies.find((m) => m.handoff)?.handoff).toMatchObject({ priority: 'urgent' });
  });
});
