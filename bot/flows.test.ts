import { allText, Resident, startTestServer, type Reply, type TestServer } from '../test/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const SKIP = /^(Skip this question|Go back|Cancel|My address is not listed|Talk to a person|Start again)$/;

/** Answers whatever the flow asks, the way a resident would, until it ends. */
function answerFor(reply: Reply, location: string): string {
  if (reply.askFor === 'address') return location;
  if (reply.askFor === 'phone') return '07700 900456';
  if (reply.askFor === 'date') return 'yesterday';
  const pick = reply.suggestions?.find((s) => !SKIP.test(s.label));
  if (pick) return pick.value;
  if (/registration|number plate/i.test(reply.text)) return 'AB12 CDE';
  if (/how many|number of/i.test(reply.text)) return '2';
  return 'It has been there for a few days and is getting worse';
}

async function runFlow(trigger: string, location: string): Promise<{ text: string; turns: number }> {
  const r = await new Resident(server.url).start();
  let replies = await r.say(trigger);
  let transcript = allText(replies);
  for (let turn = 1; turn <= 25; turn++) {
    const last = replies[replies.length - 1];
    if (/MBC-\d{6}|collected on/i.test(allText(replies))) return { text: transcript, turns: turn };
    replies = await r.say(answerFor(last, location));
    transcript += `\n${allText(replies)}`;
  }
  throw new Error(`flow did not finish:\n${transcript}`);
}

const cases: [string, string, string][] = [
  ['pothole', "there's a massive pothole outside the school", 'by the bus stop on Church Street near the school'],
  ['road defect', 'the pavement is cracked and lifting', 'MB1 1AD'],
  ['street light', 'the street light outside my house is out', 'MB1 1AD'],
  ['fly-tipping', 'someone has dumped a load of rubbish in the lane', 'the lay-by on Mill Lane'],
  ['stray dog', "there's a stray dog running around", 'on the green by Harbour Road'],
  ['noise', 'my neighbours play loud music every night', 'MB1 1AD'],
  ['graffiti', 'someone sprayed graffiti on the bus shelter', 'the bus shelter on High Street'],
  ['abandoned vehicle', 'a car has been abandoned on our street for weeks', 'outside 4 High Street'],
  ['bulky waste', 'I want to book a bulky waste collection for a sofa', 'MB1 1AD'],
  ['missed bin', 'bins not emptied', 'MB1 1AD'],
];

test.each(cases)('the %s flow ends with a case reference', async (_name, trigger, location) => {
  const { text } = await runFlow(trigger, location);
  expect(text).toMatch(/MBC-\d{6}/);
});

test('the bin day lookup gives the collection days for the chosen address, and creates no case', async () => {
  const { text } = await runFlow('when is my bin day?', 'MB1 1AD');
  expect(text).toMatch(/collected on Tuesdays/);
  expect(text).toMatch(/Next general rubbish/);
  expect(text).not.toMatch(/MBC-\d{6}/);
});

test('a place description is stored on the case when the service allows it', async () => {
  const { text } = await runFlow('report a pothole', 'opposite the petrol station on the Eastcliff road');
  const ref = /MBC-\d{6}/.exec(text)![0];
  const row = await server.store.db.selectFrom('cases').selectAll().where('tenant_id', '=', server.tenant).where('reference', '=', ref).executeTakeFirstOrThrow();
  expect(JSON.stringify(row.location)).toMatch(/petrol station/);
  expect(row.uprn).toBeNull();
});
