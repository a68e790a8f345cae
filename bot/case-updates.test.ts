/**
 * "Would you like me to tell you when it moves?" (bot/case-updates.ts) on its own: what is offered
 * on each channel, a caller's keys 1 and 2, a no that stays a no, and the ways to say "stop updates".
 * The whole path (answers recorded, messages sent) is in updates/resident-updates*.test.ts.
 */
import type { ConversationRow, Db } from '../store/index.js';
import { keyAnswer, plainSpeech, renderReplies } from '../channels/twilio/voice/speakable.js';
import { answerUpdatesOffer, isStopUpdates, offerCaseUpdates, type CaseUpdatesTurn } from './case-updates.js';
import type { TurnEffect } from './effects.js';
import type { ChannelName, OutboundMessage } from './messages.js';
import type { TenantRuntime } from './runtime.js';

const confirmation: OutboundMessage = { text: 'Thank you. Your reference is MBC-123456.', speech: 'Thank you. Your reference is M B C 1 2 3 4 5 6.' };

function turn(channel: ChannelName, options: { canText?: boolean; email?: boolean; caller?: string } = {}): CaseUpdatesTurn & { effects: TurnEffect[] } {
  const runtime = {
    pack: { tenant: 'demo' },
    codes: options.canText === undefined ? undefined : { canText: async () => options.canText!, queue: () => undefined },
    updates: { email: options.email ?? false },
  } as unknown as TenantRuntime;
  const conversation = { id: 'conv-1', tenant_id: 'demo', channel, channel_user_id: options.caller ?? '+447700900123', contact_id: 'contact-1' } as unknown as ConversationRow;
  return { db: {} as Db, runtime, conversation, channel, now: new Date('2026-03-02T12:00:00Z'), dialogue: { misunderstandings: 0 }, effects: [], recognition: {} };
}

const c = { id: 'case-1', reference: 'MBC-123456' };

test('a caller with a mobile is asked, and keys 1 and 2 answer yes and no', async () => {
  const t = turn('voice', { canText: true });
  const replies = await offerCaseUpdates(t, c, { consent: false }, [confirmation]);
  expect(replies).toEqual([confirmation]); // a no to the flow's question stays a no
  const asked = await offerCaseUpdates(t, c, undefined, [confirmation]);
  expect(asked).toHaveLength(2);
  expect(asked[1]).toMatchObject({ askFor: 'yes_no', suggestions: [{ value: 'Yes' }, { value: 'No' }] });
  const prompt = renderReplies(asked, { offerLink: false });
  expect(prompt.options.map((o) => [o.digit, o.value])).toEqual([
    ['1', 'Yes'],
    ['2', 'No'],
  ]);
  expect(plainSpeech(prompt.segments)).toContain('Would you like me to text you when it moves? Press 1 for yes, or 2 for no.');
  expect(plainSpeech(prompt.segments)).not.toMatch(/For .*, press 1/); // the keys are said once
  expect(t.effects).toEqual([]);
  // Key 1: yes, recorded as a text to the caller's own number.
  const yes = answerUpdatesOffer(t, keyAnswer('1', prompt.options)!)!;
  expect(yes.action).toBe('updates_subscribed');
  expect(t.effects).toMatchObject([{ type: 'case_updates', change: { kind: 'subscribe', subscription: { caseId: 'case-1', channel: 'sms', target: 'conversation', status: 'active' } } }]);
  // The question is answered once: a second "1" is not an answer to it.
  expect(answerUpdatesOffer(t, '1')).toBeNull();
});

test('a caller who cannot be texted, a Messenger resident, a declined offer: nothing promised', async () => {
  const landline = turn('voice', { canText: true, caller: '+441632960555' });
  expect(await offerCaseUpdates(landline, c, undefined, [confirmation])).toEqual([confirmation]);
  const noSms = turn('voice', { canText: false });
  expect(await offerCaseUpdates(noSms, c, undefined, [confirmation])).toEqual([confirmation]);
  const messenger = turn('messenger');
  expect(await offerCaseUpdates(messenger, c, { consent: true, email: 'a@example.org' }, [confirmation])).toEqual([confirmation]);
  expect([...landline.effects, ...noSms.effects, ...messenger.effects]).toEqual([]);
  const sms = turn('sms');
  await offerCaseUpdates(sms, c, undefined, [confirmation]);
  expect(answerUpdatesOffer(sms, 'no thanks')).toMatchObject({ action: 'updates_declined' });
  expect(sms.effects).toMatchObject([{ type: 'case_updates', change: { kind: 'subscribe', subscription: { status: 'declined' } } }]);
  // Something else entirely: the question lapses, nothing is recorded.
  const other = turn('sms');
  await offerCaseUpdates(other, c, undefined, [confirmation]);
  expect(answerUpdatesOffer(other, 'when is my bin day')).toBeNull();
  expect(other.dialogue.updatesOffer).toBeUndefined();
  expect(other.effects).toEqual([]);
});

test('web chat: e-mail where it can be sent; otherwise updates shown in the chat, said plainly', async () => {
  const withEmail = turn('webchat', { email: true });
  const [said] = await offerCaseUpdates(withEmail, c, { consent: true, email: 'a@example.org' }, [confirmation]);
  expect(said.text).toContain("I'll tell you when its status changes, by e-mail to the address you gave.");
  expect(withEmail.effects).toMatchObject([{ type: 'case_updates', change: { subscription: { channel: 'email', target: 'contact' } } }, { type: 'update_contact' }]);
  const without = turn('webchat', { email: false });
  const [plain] = await offerCaseUpdates(without, c, { consent: true, email: 'a@example.org' }, [confirmation]);
  expect(plain.text).toContain("I can't send updates to the e-mail address you gave from here. If its status changes while this chat is open, you'll see it here.");
  expect(without.effects).toMatchObject([{ type: 'case_updates', change: { subscription: { channel: 'webchat', status: 'active' } } }]);
});

test('"stop updates" in the ways residents say it, and not other messages', () => {
  for (const yes of ['stop updates', 'Stop updates', 'STOP UPDATES.', 'please stop the updates', 'no more updates please', 'unsubscribe from updates', 'stop sending me updates', 'cancel my case updates', 'turn off notifications']) {
    expect([yes, isStopUpdates(yes)]).toEqual([yes, true]);
  }
  for (const no of ['stop', 'STOP', 'update my address', 'any updates on my report?', 'stop the report', 'end chat']) {
    expect([no, isStopUpdates(no)]).toEqual([no, false]);
  }
});
