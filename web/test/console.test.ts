import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { createAgent, totpCode } from '../../handoff/agents/index.js';
import { Resident } from '../../test/server.js';
import { axeViolations, chooseSuggestion, lastBotText, openDemoPage, openWidgetByKeyboard, say, startDemo, type Demo } from './harness.js';

/**
 * The agent console end to end, against the real server: a resident in the widget asks for a
 * person mid-report; an agent signs in (password, authenticator enrolment, later the code
 * challenge), sees the handoff arrive live, accepts it, reads the transcript and what the
 * assistant collected, replies while the resident sees them typing, and hands back to the
 * assistant. A safety message from another resident jumps to the top of the queue.
 * Set CONSOLE_SCREENSHOTS=1 to keep screenshots of each page in /tmp.
 */

const AGENT = { email: 'sam.patel@merebrook.example', name: 'Sam Patel', password: 'correct horse battery staple 42' };

let demo: Demo;
let agentContext: BrowserContext;
let agent: Page;
let secret = '';

beforeAll(async () => {
  demo = await startDemo();
  await createAgent(demo.server.store.db, {
    tenant: demo.server.tenant,
    email: AGENT.email,
    name: AGENT.name,
    password: AGENT.password,
    roles: ['agent', 'supervisor'],
    skills: ['waste', 'highways', 'street_scene', 'housing', 'safety', 'social_care'],
    capacity: 3,
  });
  agentContext = await demo.browser.newContext({ viewport: { width: 1366, height: 900 } });
  agent = await agentContext.newPage();
  agent.on('pageerror', (err) => console.error('console page error:', err));
}, 60000);
afterAll(async () => {
  await agentContext?.close();
  await demo?.close();
});

async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS) await page.screenshot({ path: `/tmp/console-${name}.png`, fullPage: true });
  const violations = await axeViolations(page);
  expect({ page: name, violations }).toEqual({ page: name, violations: [] });
}

async function signInWithPassword(page: Page): Promise<void> {
  await page.goto(`${demo.url}/console?tenant=${demo.server.tenant}`);
  await page.waitForSelector('h1:has-text("Sign in")');
  await page.fill('#email', AGENT.email);
  await page.fill('#password', AGENT.password);
  await page.keyboard.press('Enter');
}

test('sign-in: errors are summarised, first sign-in enrols an authenticator and shows recovery codes once', async () => {
  await agent.goto(`${demo.url}/console?tenant=${demo.server.tenant}`);
  await agent.waitForSelector('h1:has-text("Sign in")');
  await expectNoAxeViolations(agent, 'sign-in');

  // Nothing entered: the GOV.UK error summary takes focus and links to each field.
  await agent.click('button[type=submit]');
  await agent.waitForSelector('.govuk-error-summary:not([hidden])');
  expect(await agent.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
  expect(await agent.locator('.govuk-error-summary__list a').allTextContents()).toEqual(['Enter your email address', 'Enter your password']);
  expect(await agent.getAttribute('#email', 'aria-invalid')).toBe('true');
  await expectNoAxeViolations(agent, 'sign-in-errors');

  // A wrong password is refused without saying which part was wrong.
  await agent.fill('#email', AGENT.email);
  await agent.fill('#password', 'not the password at all');
  await agent.keyboard.press('Enter');
  await agent.waitForSelector('.govuk-error-summary__list :text("Enter a correct email address and password")');

  await agent.fill('#password', AGENT.password);
  await agent.keyboard.press('Enter');
  await agent.waitForSelector('h1:has-text("Set up your authenticator app")');
  await agent.waitForSelector('img.ca-qr');
  expect(await agent.getAttribute('img.ca-qr', 'src')).toMatch(/^data:image\/png;base64,/);
  expect(await agent.getAttribute('img.ca-qr', 'alt')).toMatch(/QR code/);
  secret = (await agent.getAttribute('#totp-secret', 'data-secret')) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  expect((await agent.textContent('#totp-secret'))?.replace(/\s/g, '')).toBe(secret);
  await expectNoAxeViolations(agent, 'enrolment');

  await agent.fill('#enrol-code', totpCode(secret, Date.now()));
  await agent.keyboard.press('Enter');
  await agent.waitForSelector('h1:has-text("Save your recovery codes")');
  expect(await agent.locator('#recovery-codes li').count()).toBeGreaterThanOrEqual(8);
  // The confirmation is required.
  await agent.click('button:has-text("Continue to the console")');
  await agent.waitForSelector('.govuk-error-summary__list :text("Confirm that you have saved your recovery codes")');
  await agent.check('#saved-codes');
  await agent.click('button:has-text("Continue to the console")');
  await agent.waitForSelector('h1:has-text("Queue")');

  // Sign out, and back in with the code challenge this time.
  await agent.click('#sign-out');
  await agent.waitForSelector('h1:has-text("Sign in")');
  await signInWithPassword(agent);
  await agent.waitForSelector('h1:has-text("Enter the code from your authenticator app")');
  await agent.fill('#totp-code', '000000' === totpCode(secret, Date.now()) ? '111111' : '000000');
  await agent.keyboard.press('Enter');
  await agent.waitForSelector('.govuk-error-summary__list :text("The code is not correct")');
  // Codes are single-use: the next step's code (the window accepts it), not the one just used to enrol.
  await agent.fill('#totp-code', totpCode(secret, Date.now() + 30_000));
  await agent.keyboard.press('Enter');
  await agent.waitForSelector('h1:has-text("Queue")');
  await agent.waitForSelector('#presence');
  expect(await agent.inputValue('#presence')).toBe('available');
}, 40000);

test('a handoff arrives live; the agent accepts, sees the context, replies while the resident sees them typing, and hands back', async () => {
  // The console shows the queue (empty), without any reload from here on.
  await agent.waitForSelector('h1:has-text("Queue")');
  const navigations: string[] = [];
  agent.on('framenavigated', (frame) => {
    if (frame === agent.mainFrame()) navigations.push(frame.url());
  });

  // The resident starts a missed-bin report, then asks for a person mid-flow.
  const resident = await openDemoPage(demo);
  await openWidgetByKeyboard(resident);
  await say(resident, "my bin wasn't collected");
  await say(resident, 'MB1 1AD');
  await chooseSuggestion(resident, '2 High Street, Merebrook');
  expect(await lastBotText(resident)).toMatch(/Which bin was missed/i);
  await say(resident, 'I want to speak to a real person');
  await resident.waitForSelector('#ca-status:not([hidden]):has-text("Waiting for an adviser")');

  // It appears in the agent's queue without a reload, and is announced.
  const row = agent.locator('#queue-table .ca-queue-row').first();
  await row.waitFor({ timeout: 10000 });
  await agent.waitForFunction(() => /handoff/i.test(document.getElementById('announcer')?.textContent ?? '') || /handoff/i.test(document.getElementById('announcer-urgent')?.textContent ?? ''));
  expect(await row.innerText()).toMatch(/Waste and recycling/);
  expect(await row.innerText()).toMatch(/Web chat/);
  // Waiting time ticks.
  const firstWait = await row.locator('.ca-wait').innerText();
  await agent.waitForFunction((w) => document.querySelector('#queue-table .ca-wait')?.textContent !== w, firstWait, { timeout: 4000 });
  await expectNoAxeViolations(agent, 'queue');

  // Accept: the conversation view with the transcript and what the assistant collected.
  await row.locator('button.ca-accept').click();
  await agent.waitForSelector('#transcript .ca-message--resident');
  await agent.waitForFunction(() => /bin wasn't collected/.test(document.getElementById('transcript')?.textContent ?? ''));
  const transcript = await agent.locator('#transcript').innerText();
  expect(transcript).toMatch(/Resident/);
  expect(transcript).toMatch(/Assistant/);
  expect(transcript).toMatch(/System/);
  await agent.waitForSelector('#ctx-flow');
  expect(await agent.locator('#ctx-flow').innerText()).toMatch(/2 High Street/);
  await expectNoAxeViolations(agent, 'conversation');

  // The resident is told who they are talking to.
  await resident.waitForSelector('#ca-status:has-text("talking to Sam")', { timeout: 10000 });

  // The agent types: the resident sees "Sam is typing…", then the reply.
  await agent.click('#reply');
  await agent.keyboard.type('Hello, I can help with your missed collection.');
  await resident.waitForSelector('.ca-agent-typing:has-text("Sam is typing")', { timeout: 8000 });
  await agent.keyboard.press('Shift+Enter');
  await agent.keyboard.type('Which bin was it?');
  expect(await agent.inputValue('#reply')).toBe('Hello, I can help with your missed collection.\nWhich bin was it?');
  await agent.keyboard.press('Enter');
  await agent.waitForSelector('#transcript .ca-message--agent');
  expect(await agent.inputValue('#reply')).toBe('');
  await resident.waitForSelector('#ca-log .ca-msg--agent:has-text("Which bin was it?")', { timeout: 10000 });
  await resident.waitForFunction(() => !document.querySelector('.ca-agent-typing')?.textContent);
  if (process.env.CONSOLE_SCREENSHOTS) await resident.screenshot({ path: '/tmp/console-widget-with-agent.png' });

  // The resident answers; the agent sees it live.
  await resident.keyboard.type('The blue one');
  await resident.keyboard.press('Enter');
  await agent.waitForSelector('#transcript .ca-message--resident:has-text("The blue one")', { timeout: 10000 });

  // Hand back: the assistant answers the resident's next message.
  await agent.click('#tool-hand-back summary');
  await agent.click('#hand-back');
  await agent.waitForSelector('.govuk-notification-banner:has-text("handed back")');
  await resident.waitForSelector('#ca-status', { state: 'hidden', timeout: 10000 });
  const before = await resident.locator('#ca-log .ca-msg--bot').count();
  await say(resident, 'how do I pay my council tax');
  expect(await resident.locator('#ca-log .ca-msg--bot').count()).toBeGreaterThan(before);
  expect(await lastBotText(resident)).not.toMatch(/still in the queue/i);

  expect(navigations.filter((u) => !u.includes('#'))).toEqual([]);
  await resident.context().close();
}, 60000);

test('a safety message jumps to the top of the queue, marked urgent; rota and supervisor pages', async () => {
  await agent.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/queue`);
  await agent.waitForSelector('h1:has-text("Queue")');
  // Someone waits with an ordinary request first.
  const first = await new Resident(demo.url, demo.server.tenant).start();
  await first.say('can I talk to a human');
  await agent.waitForSelector('#queue-table .ca-queue-row[data-priority="normal"]', { timeout: 10000 });

  const second = await new Resident(demo.url, demo.server.tenant).start();
  await second.say("I can't go on, I'm going to kill myself tonight");
  await agent.waitForSelector('#queue-table .ca-queue-row[data-priority="urgent"]', { timeout: 10000 });
  const top = agent.locator('#queue-table .ca-queue-row').first();
  expect(await top.getAttribute('data-priority')).toBe('urgent');
  expect(await top.getAttribute('data-conversation')).toBe(second.conversationId);
  expect(await top.locator('.ca-priority').innerText()).toMatch(/Urgent/);
  await agent.waitForFunction(() => /urgent/i.test(document.getElementById('announcer-urgent')?.textContent ?? ''));
  await expectNoAxeViolations(agent, 'queue-urgent');

  // Rota: a past start is refused; a future entry is added, then deleted.
  await agent.click('.ca-nav__link[data-page="rota"]');
  await agent.waitForSelector('h1:has-text("On-call rota")');
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  await agent.fill('#rota-skill', 'safety');
  await agent.fill('#rota-name', 'Duty Officer Jones');
  await agent.selectOption('#rota-channel', 'sms');
  await agent.fill('#rota-destination', '07700 900123');
  await agent.fill('#rota-starts', local(new Date(Date.now() - 3600_000)));
  await agent.fill('#rota-ends', local(new Date(Date.now() + 3600_000)));
  await agent.click('#rota-add button[type=submit]');
  await agent.waitForSelector('.govuk-error-summary__list :text("The start must be in the future")');
  await agent.fill('#rota-starts', local(new Date(Date.now() + 24 * 3600_000)));
  await agent.fill('#rota-ends', local(new Date(Date.now() + 36 * 3600_000)));
  await agent.click('#rota-add button[type=submit]');
  await agent.waitForSelector('#rota-table td:has-text("Duty Officer Jones")');
  await expectNoAxeViolations(agent, 'rota');
  await agent.click('#rota-table tr:has-text("Duty Officer Jones") button');
  await agent.waitForSelector('#rota-table td:has-text("Duty Officer Jones")', { state: 'detached' });

  // Supervisor: queues live.
  await agent.click('.ca-nav__link[data-page="supervisor"]');
  await agent.waitForSelector('#supervisor-table tbody tr', { timeout: 10000 });
  const safeguarding = agent.locator('#supervisor-table tr[data-queue="safeguarding"]');
  await expect(safeguarding.innerText()).resolves.toMatch(/Safeguarding/);
  // The signed-in supervisor counts as available for the queues their skills cover.
  await agent.waitForFunction(() => document.querySelector('#supervisor-table tr[data-queue="safeguarding"] td:nth-of-type(3)')?.textContent === '1', undefined, { timeout: 5000 });
  await expectNoAxeViolations(agent, 'supervisor');
}, 40000);

test('the context panel shows the street cluster: a case with its linked reports, how far and when (issue 13, item 6)', async () => {
  const report = async (place: string) => {
    const r = await new Resident(demo.url, demo.server.tenant).start();
    await r.say('I want to report a pothole');
    for (const answer of [place, 'large', 'in the road', 'no', 'no', 'no', 'yes']) await r.say(answer);
    return r;
  };
  // 3 and 4 Cliff Terrace are 15 m apart: the second report joins the first's case.
  const first = await report('outside 3 Cliff Terrace');
  const second = await report('outside 4 Cliff Terrace');
  await agent.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/conversation/${second.conversationId}`);
  await agent.waitForSelector('#ctx-cases .ca-linked-reports li', { timeout: 10000 });
  const cases = await agent.locator('#ctx-cases').innerText();
  expect(cases).toMatch(/This conversation's report was joined to it on .+, 15 m from its place\./);
  expect(cases).toMatch(/1 linked report/);
  expect(await agent.locator('#ctx-cases .ca-linked-reports li').innerText()).toMatch(/15 m away, through the assistant \(this conversation\)/);
  expect(await agent.getAttribute('#ctx-cases .ca-linked-reports', 'aria-label')).toMatch(/^Linked reports of [A-Z]+-\d{6}$/);
  await expectNoAxeViolations(agent, 'conversation-street-cluster');
  // The first resident's conversation: the same case, with the report joined from elsewhere.
  await agent.goto(`${demo.url}/console?tenant=${demo.server.tenant}#/conversation/${first.conversationId}`);
  await agent.waitForSelector('#ctx-cases .ca-linked-reports li', { timeout: 10000 });
  const li = await agent.locator('#ctx-cases .ca-linked-reports li').innerText();
  expect(li).toMatch(/15 m away, through the assistant$/);
  expect(await agent.locator('#ctx-cases .ca-case-joined').count()).toBe(0);
}, 60000);
