/**
 * A signed SMS whose body carries a NUL character (issue 10): once it was a 500 on every Twilio
 * retry, so the text was lost. It is stored and answered; the stored text holds no NUL.
 */
import { startSmsHarness, type SmsHarness } from './sms-harness.fixture.js';

let h: SmsHarness;
beforeAll(async () => {
  h = await startSmsHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

test('a NUL in a texted message is stored and answered, not a fault', async () => {
  const from = '+447700900731';
  const sent = await h.text(from, 'when is my bin\u0000 day', 1);
  expect(sent.map((s) => s.body).join('\n')).not.toMatch(/something went wrong/i);
  const rows = await h.server.store.db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['messages.text'])
    .where('conversations.channel_user_id', '=', from)
    .where('messages.direction', '=', 'in')
    .execute();
  expect(rows).toHaveLength(1);
  expect(rows[0].text).not.toContain('\u0000');
  expect(rows[0].text).toMatch(/^when is my bin.? day$/);
});
