/**
 * Case status on the phone (issue 13, item 7), through the signed Twilio voice webhooks: asked for
 * a reference, the caller keys its digits (ended by the hash key) or says it in any natural way;
 * the caller whose number reported it hears the details, anyone else the status and the check,
 * which a keyed phone number answers.
 */
import { addCaseStatus, createCase, findOrCreateContact } from '../../../store/index.js';
import { startTestServer, type TestServer } from '../../../test/server.js';
import { startVoiceApp, TwilioCall, type TwimlReply } from './twilio-caller.fixture.js';
import { findAll, type XmlElement } from './xml.js';

let server: TestServer;
let voice: Awaited<ReturnType<typeof startVoiceApp>>;
beforeAll(async () => {
  server = await startTestServer();
  voice = await startVoiceApp(server);
}, 120_000);
afterAll(async () => {
  await voice?.close();
  await server?.close();
});

let next = 700;
const mobile = () => `+4477009${String(next++).padStart(5, '0')}`;

/** A street-light case reported from `phone`, with a note for residents. */
async function reportedFrom(phone: string, reference: string): Promise<void> {
  const contactId = await findOrCreateContact(server.store.db, server.tenant, 'sms', phone);
  const c = await createCase(server.store.db, {
    tenant: server.tenant,
    referencePrefix: 'MBC',
    reference,
    serviceId: 'highways.street_lighting',
    summary: 'Street light fault (stays off) at 12 Fore Street, Merebrook',
    details: {},
    location: { kind: 'address', label: '12 Fore Street, Merebrook' },
    team: 'highways',
    targetDate: '2099-12-04',
    contactId,
    actor: 'assistant',
  });
  await addCaseStatus(server.store.db, server.tenant, c.id, 'in_progress', 'An engineer visits on Monday', 'agent:1');
}

function gatherOf(r: TwimlReply): XmlElement {
  expect(r.status).toBe(200);
  const g = findAll(r.root!, 'Gather')[0];
  expect(g).toBeDefined();
  return g;
}

/** Asks about a report and checks the prompt takes keys until # as well as speech. */
async function askedForReference(c: TwilioCall): Promise<void> {
  gatherOf(await c.start());
  const r = await c.say("What's happening with my report?");
  const g = gatherOf(r);
  expect(r.spoken).toMatch(/What is your reference number\? It starts with M B C, then six numbers/);
  expect(r.spoken).toMatch(/type the six numbers on your keypad and then press the hash key/);
  expect(g.attributes).toMatchObject({ input: 'speech dtmf', finishOnKey: '#', language: 'en-GB' });
  expect(g.attributes.numDigits).toBeUndefined();
  expect(g.attributes.hints.startsWith('MBC, M B C, reference')).toBe(true);
}

test('keyed digits, ended by the hash key: the caller who reported it hears the details, nothing is texted', async () => {
  const from = mobile();
  await reportedFrom(from, 'MBC-400081');
  const c = new TwilioCall(voice.url, from);
  await askedForReference(c);
  // Silence re-prompts the same keyed entry.
  const again = await c.silence();
  expect(gatherOf(again).attributes.finishOnKey).toBe('#');
  const r = await c.post(gatherOf(again).attributes.action, { Digits: '400081', FinishedOnKey: '#' });
  gatherOf(r);
  expect(r.spoken).toMatch(/Report M B C, 4 0 0, 0 8 1 \(Report a street light fault\)/);
  expect(r.spoken).toMatch(/12 Fore Street/);
  expect(r.spoken).toMatch(/It is being worked on: An engineer visits on Monday\./);
  // The next prompt is an ordinary one again.
  expect(gatherOf(r).attributes.finishOnKey).toBeUndefined();
  expect(voice.sent.filter((s) => s.to === from)).toEqual([]);
});

test('spaced speech from another number: the status only, then the phone number keyed on the keypad gives the details', async () => {
  const reporter = mobile();
  await reportedFrom(reporter, 'MBC-400082');
  const c = new TwilioCall(voice.url, mobile());
  await askedForReference(c);
  let r = await c.say('m b c four zero zero zero eight two');
  gatherOf(r);
  expect(r.spoken).toMatch(/Report M B C, 4 0 0, 0 8 2 is being worked on\./);
  expect(r.spoken).toMatch(/what phone number or e-mail did you give when you reported it\?/);
  expect(r.spoken).toMatch(/type the number on your keypad, then press the hash key/);
  expect(r.spoken).not.toMatch(/Fore Street|engineer/);
  r = await c.press(`0${reporter.slice(3)}#`);
  gatherOf(r);
  expect(r.spoken).toMatch(/12 Fore Street/);
  expect(r.spoken).toMatch(/An engineer visits on Monday/);
});

test('a reference said at once in other ways is understood without being asked for', async () => {
  const from = mobile();
  await reportedFrom(from, 'MBC-400083');
  for (const words of ['Any news on M for Mike B for Bravo C for Charlie 4 0 0 0 8 3', 'update on MBC four hundred thousand and eighty three please']) {
    const c = new TwilioCall(voice.url, from);
    gatherOf(await c.start());
    const r = await c.say(words);
    gatherOf(r);
    expect(r.spoken).toMatch(/Report M B C, 4 0 0, 0 8 3 \(Report a street light fault\)/);
  }
});
