import { expect, test } from '@jest/globals';
import { readMessage, renderOutbound, toActivity } from './activities.js';
import type { MessageRow } from '../../store/index.js';

/** How replies look to Microsoft's clients, and how their messages are read. */

test('suggestions are imBack suggested actions, a card a hero card, links openUrl buttons', () => {
  const r = renderOutbound({
    text: 'Here is how to pay.',
    suggestions: [
      { label: 'Pay online', value: 'pay online' },
      { label: 'Again', value: 'pay online' },
      { label: 'By phone', value: 'pay by phone' },
    ],
    card: { title: 'Council tax', body: 'Pay by direct debit.', link: { label: 'Pay now', url: 'https://www.example.gov.uk/pay' } },
    link: { label: 'Help', url: 'https://www.example.gov.uk/help' },
  });
  expect(r).toEqual({
    text: 'Here is how to pay.',
    textFormat: 'markdown',
    inputHint: 'expectingInput',
    suggestedActions: {
      actions: [
        { type: 'imBack', title: 'Pay online', value: 'pay online' },
        { type: 'imBack', title: 'By phone', value: 'pay by phone' },
      ],
    },
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.hero',
        content: {
          title: 'Council tax',
          text: 'Pay by direct debit.',
          buttons: [
            { type: 'openUrl', title: 'Pay now', value: 'https://www.example.gov.uk/pay' },
            { type: 'openUrl', title: 'Help', value: 'https://www.example.gov.uk/help' },
          ],
        },
      },
    ],
  });
  // A link alone is a card with its button; a link that is not http(s) is not a button.
  expect(renderOutbound({ text: 'See', link: { label: 'Bins', url: 'https://x.example/bins' } }).attachments).toEqual([
    { contentType: 'application/vnd.microsoft.card.hero', content: { buttons: [{ type: 'openUrl', title: 'Bins', value: 'https://x.example/bins' }] } },
  ]);
  expect(renderOutbound({ text: 'Call', link: { label: 'Call us', url: 'tel:01234' } })).toEqual({ text: 'Call', textFormat: 'markdown', inputHint: 'acceptingInput' });
});

test("an agent's message is from the agent's first name; a resident's echo keeps the client's id", () => {
  const row = (r: Partial<MessageRow>) => ({ id: '9', created_at: new Date('2026-01-02T03:04:05Z'), text: 'x', parts: null, ...r }) as MessageRow;
  const bot = { id: 'demo-assistant', name: 'Merebrook Borough Council' };
  const agent = toActivity('c1', 12, row({ direction: 'out', author: 'agent', text: 'Hello', parts: { text: 'Hello', agent: { id: 'a', name: 'Priya' } } as never }), bot);
  expect(agent).toMatchObject({ type: 'message', id: 'c1|0000012', from: { id: 'demo-assistant:agent', name: 'Priya', role: 'bot' }, text: 'Hello', channelData: { author: 'agent' }, timestamp: '2026-01-02T03:04:05.000Z' });
  const echo = toActivity('c1', 3, row({ direction: 'in', author: 'resident', text: 'yes', parts: { directline: { from: { id: 'dl_r' }, clientActivityID: 'k1' } } as never }), bot);
  expect(echo).toMatchObject({ from: { id: 'dl_r', role: 'user' }, text: 'yes', channelData: { clientActivityID: 'k1' } });
});

test("a message's text, else its button value; nothing said is a problem", () => {
  expect(readMessage({ type: 'message', text: ' hi ' })).toEqual({ text: 'hi', attachments: [] });
  expect(readMessage({ type: 'message', value: 'Report a missed bin' })).toEqual({ text: 'Report a missed bin', attachments: [] });
  expect(readMessage({ type: 'message', value: { value: 'yes' } })).toEqual({ text: 'yes', attachments: [] });
  expect(readMessage({ type: 'message', text: 'typed', value: 'ignored' })).toEqual({ text: 'typed', attachments: [] });
  expect(readMessage({ type: 'message', text: 'see', attachments: [{ contentType: 'image/png', contentUrl: 'https://x.example/a.png', name: 'a.png' }] })).toEqual({
    text: 'see',
    attachments: [{ contentType: 'image/png', url: 'https://x.example/a.png', name: 'a.png' }],
  });
  expect(readMessage({ type: 'message' })).toHaveProperty('problem');
  expect(readMessage({ type: 'message', value: 42 })).toHaveProperty('problem');
  expect(readMessage({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,AA' }] })).toHaveProperty('problem');
});
