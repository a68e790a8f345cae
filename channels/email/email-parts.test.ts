/**
 * The e-mail channel's parts on their own: quoted history and signatures stripped, machine-made
 * mail recognised, the letter's rendering, and configuration problems named at start.
 */
import { councilAddressProblems, emailConfigFromEnv, type EmailConfigError } from './config.js';
import { readMail } from './parse.js';
import { baseSubject, stripQuoted } from './quotes.js';
import { renderEmail } from './render.js';
import { createChannels, type ChannelDeps } from '../index.js';
import { emailChannel } from './email-channel.js';

const mail = (headers: string[], body: string) => Buffer.from([...headers, '', body, ''].join('\r\n'));

describe('quoted history and signatures', () => {
  test.each([
    ['Gmail, wrapped', 'Yes please\n\nOn Thu, 3 Dec 2026 at 18:05, Merebrook Borough Council <\ncontact@merebrook.gov.uk> wrote:\n> Hello,\n> Which bin?', 'Yes please'],
    ['Outlook block', 'Number 2\n\n________________________________\nFrom: Merebrook Borough Council <contact@merebrook.gov.uk>\nSent: 03 December 2026 18:05\nTo: Ann\nSubject: Re: Missed bin\n\nHello,', 'Number 2'],
    ['Outlook block without rule', 'It is blue\n\nFrom: Merebrook Borough Council <contact@merebrook.gov.uk>\nSent: 03 December 2026 18:05\nTo: Ann\nSubject: Re: Missed bin', 'It is blue'],
    ['original message', 'Thanks\n-----Original Message-----\nFrom: x', 'Thanks'],
    ['interleaved quotes', '> Which address?\n12 Harbour Road\n> Anything else?\nNo', '12 Harbour Road\nNo'],
    ['signature', 'See photo\n\n-- \nAnn Example\n07700 900123', 'See photo'],
    ['mobile', 'On my way\n\nSent from my iPhone', 'On my way'],
  ])('%s', (_name, text, expected) => {
    expect(stripQuoted(text)).toBe(expected);
  });

  test('a sentence starting "On" is kept', () => {
    expect(stripQuoted('On Monday my bin was not collected.\nPlease help.')).toBe('On Monday my bin was not collected.\nPlease help.');
  });

  test('subjects lose their reply prefixes', () => {
    expect(baseSubject('RE: Fwd: Re: Missed bin')).toBe('Missed bin');
  });
});

describe('reading a mail', () => {
  test('HTML only: turned to text, its blockquote dropped', async () => {
    const read = await readMail(mail(['From: Ann <ann@example.net>', 'Message-ID: <h1@example.net>', 'Content-Type: text/html; charset=utf-8'], '<p>My <b>bin</b> was missed</p><blockquote><p>Hello, which bin?</p></blockquote>'), 'ann@example.net', []);
    expect(read).toMatchObject({ kind: 'message', from: 'ann@example.net', text: 'My bin was missed', messageId: '<h1@example.net>' });
  });

  test.each([
    [['Auto-Submitted: auto-generated'], 'auto_reply'],
    [['X-Autorespond: yes'], 'auto_reply'],
    [['X-Auto-Response-Suppress: OOF'], 'auto_reply'],
    [['Precedence: junk'], 'bulk'],
    [['List-Id: <news.example.net>'], 'bulk'],
    [['Content-Type: multipart/report; report-type=disposition-notification; boundary=x'], 'auto_reply'],
    [['Auto-Submitted: no'], 'message'],
    [['X-Auto-Response-Suppress: DR, RN'], 'message'],
  ])('%j is %s', async (headers, kind) => {
    const read = await readMail(mail(['From: ann@example.net', 'Subject: Hello', ...headers], 'Hello'), 'ann@example.net', []);
    expect(read.kind).toBe(kind);
  });

  test('the null sender, the council itself, no From, and DMARC failures are not answered', async () => {
    expect((await readMail(mail(['From: ann@example.net'], 'x'), '', [])).kind).toBe('bounce');
    expect((await readMail(mail(['From: contact@merebrook.gov.uk'], 'x'), 'contact@merebrook.gov.uk', ['contact@merebrook.gov.uk'])).kind).toBe('refused');
    expect((await readMail(mail(['Subject: none'], 'x'), 'a@b.example', [])).kind).toBe('refused');
    expect((await readMail(mail(['From: ann@example.net', 'Authentication-Results: mx.merebrook.gov.uk; dmarc=fail'], 'x'), 'ann@example.net', [])).kind).toBe('refused');
  });

  test('a mail without a Message-Id gets one from its content (a re-send is still one mail)', async () => {
    const raw = mail(['From: ann@example.net', 'Subject: Hi'], 'Hello');
    const a = await readMail(raw, 'ann@example.net', []);
    expect(a.messageId).toMatch(/^<sha256\.[0-9a-f]{64}@no-message-id\.invalid>$/);
    expect((await readMail(raw, 'ann@example.net', [])).messageId).toBe(a.messageId);
  });
});

describe('the letter', () => {
  test('suggestions as a numbered list, links written out, HTML escaped, the signature last', () => {
    const body = renderEmail({ text: 'Which bin? <b>now</b>', suggestions: [{ label: 'Black bin', value: 'black' }, { label: 'Blue bin', value: 'blue' }], link: { label: 'Bin days', url: 'https://www.merebrook.gov.uk/bins' } }, 'Customer Services');
    expect(body.text).toBe('Hello,\n\nWhich bin? <b>now</b>\n\nBin days: https://www.merebrook.gov.uk/bins\n\nReply with the number of your choice:\n1. Black bin\n2. Blue bin\n\nCustomer Services\n');
    expect(body.html).toContain('<p>Which bin? &lt;b&gt;now&lt;/b&gt;</p>');
    expect(body.html).toContain('<a href="https://www.merebrook.gov.uk/bins">Bin days</a>');
    expect(body.html).toContain('<ol><li>Black bin</li><li>Blue bin</li></ol>');
    expect(body.options).toEqual([{ n: 1, label: 'Black bin', value: 'black' }, { n: 2, label: 'Blue bin', value: 'blue' }]);
  });
});

describe('configuration', () => {
  const problems = (env: Record<string, string>) => {
    try {
      emailConfigFromEnv(env);
      return [];
    } catch (err) {
      return (err as EmailConfigError).problems;
    }
  };

  test('nothing set: no channel; every bad value named, secrets never echoed', () => {
    expect(emailConfigFromEnv({})).toBeNull();
    expect(problems({ SMTP_INBOUND_PORT: '70000', SMTP_URL: 'http://user:hunter2@relay' })).toEqual([
      'SMTP_INBOUND_PORT must be a port number from 1 to 65535 (got "70000")',
      'SMTP_URL must be an smtp:// or smtps:// URL with a host, such as smtp://user:password@relay.example:587',
    ]);
    expect(problems({ SMTP_INBOUND_PORT: '2525' })).toEqual([expect.stringMatching(/^SMTP_URL is required/)]);
    expect(problems({ SMTP_URL: 'smtp://relay.example:587' })).toEqual([expect.stringMatching(/mail cannot arrive/)]);
    expect(problems({ SMTP_URL: 'smtp://relay.example:587', EMAIL_WEBHOOK_SECRET: 'short' })).toEqual([expect.stringMatching(/^EMAIL_WEBHOOK_SECRET must be at least 16/)]);
    expect(emailConfigFromEnv({ SMTP_INBOUND_PORT: '2525', SMTP_URL: 'smtps://u:p@relay.example' })).toMatchObject({ inboundPort: 2525, webhookSecret: null });
  });

  test("councils' addresses: one address, one council; some address must be listed", () => {
    const packs = (byCouncil: Record<string, string[]>) => ({
      assistant: { runtime: (t: string) => ({ pack: { settings: { channels: { email: byCouncil[t].length ? { addresses: byCouncil[t], signature: '', resumeWithinDays: 14, perSenderPerHour: 10 } : undefined } } } }) } as never,
      tenantIds: () => Object.keys(byCouncil),
    });
    expect(councilAddressProblems(packs({ a: ['x@a.gov.uk'], b: ['y@b.gov.uk'] }))).toEqual([]);
    expect(councilAddressProblems(packs({ a: ['x@a.gov.uk'], b: ['x@a.gov.uk'] }))).toEqual([expect.stringMatching(/x@a\.gov\.uk is listed by both a and b/)]);
    expect(councilAddressProblems(packs({ a: [] }))).toEqual([expect.stringMatching(/no council lists an address/)]);
  });

  test('a bad value stops the start (createChannels throws), naming it; a good one builds the channel', () => {
    const assistant = { runtime: () => ({ pack: { settings: { channels: { email: { addresses: ['contact@merebrook.gov.uk'], signature: '', resumeWithinDays: 14, perSenderPerHour: 10 } } } } }) };
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
    const deps = (env: Record<string, string>) =>
      ({ store: {}, db: {}, assistant, jobs: { register: () => undefined }, log, defaultTenant: 'demo', tenantIds: () => ['demo'], publicUrl: () => undefined, env, clock: () => new Date() }) as unknown as Omit<ChannelDeps, 'dispatch'>;
    expect(() => createChannels(deps({ SMTP_INBOUND_PORT: 'twenty-five', SMTP_URL: 'smtp://u:secret-pw@127.0.0.1:2525' }), [emailChannel])).toThrow(/SMTP_INBOUND_PORT must be a port number/);
    expect(() => createChannels(deps({ SMTP_INBOUND_PORT: '2525', SMTP_URL: 'smtp://u:secret-pw@127.0.0.1:2525' }), [emailChannel])).not.toThrow();
  });
});
