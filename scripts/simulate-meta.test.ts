/**
 * `npm run simulate:meta -- --messenger "…"` against a real server (issue 12, item 7): the script
 * signs each event as Meta does and posts it to the server's one Meta webhook; the server answers
 * through the script's own Send API stand-in (META_GRAPH_BASE_URL), which prints the council's
 * messages with their quick replies, lets "/tap N" answer one, and reports each message delivered
 * back through the webhook.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_SECRET, VERIFY_TOKEN } from '../channels/meta/whatsapp-harness.fixture.js';
import { partsOf, transcript } from '../store/index.js';
import { startTestServer, type TestServer } from '../test/server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let server: TestServer;
let graphPort = 0;

/** A port free now, for the script's stand-in. */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

beforeAll(async () => {
  graphPort = await freePort();
  server = await startTestServer({
    env: { META_APP_SECRET: APP_SECRET, META_VERIFY_TOKEN: VERIFY_TOKEN, MESSENGER_PAGE_ACCESS_TOKEN: 'any-page-token', META_GRAPH_BASE_URL: `http://127.0.0.1:${graphPort}` },
  });
}, 120_000);
afterAll(async () => {
  await server?.close();
});

test('a Messenger conversation through the real webhook: replies printed with their quick replies, a tap answered, deliveries reported', async () => {
  const psid = `7${String(Date.now()).slice(-9)}42424`;
  const child = spawn(
    path.join(repoRoot, 'node_modules/.bin/tsx'),
    ['scripts/simulate-meta.ts', '--messenger', 'my bin was not collected', '--url', server.url, '--secret', APP_SECRET, '--graph-port', String(graphPort), '--from', psid],
    { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  const waitFor = async (check: () => boolean, what: string, ms = 20_000) => {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  try {
    await waitFor(() => /\[acknowledged in \d+ ms\]/.test(out), 'the webhook to acknowledge the first message');
    await waitFor(() => /council: .*missed bin/.test(out), 'the first reply');
    child.stdin.write('MB1 1AD\n');
    await waitFor(() => /\(type \/tap N\)/.test(out), 'a reply with quick replies (the addresses)');
    const firstReplies = (out.match(/council: /g) ?? []).length;
    child.stdin.write('/tap 1\n');
    await waitFor(() => (out.match(/council: /g) ?? []).length > firstReplies, 'the reply to the tap');
    child.stdin.write('/quit\n');
    expect(await exited).toBe(0);
  } finally {
    child.kill();
  }
  expect(out).toMatch(/Messenger from \d+ to Page 300000000000003/);
  expect(out).toMatch(/ {4}\[1\] \S/);

  // The server heard it all through its webhook: the resident's messages (the tap as a quick reply), the replies delivered.
  const conversation = await server.store.db
    .selectFrom('conversations')
    .select('id')
    .where('tenant_id', '=', server.tenant)
    .where('channel', '=', 'messenger')
    .where('channel_user_id', '=', psid)
    .executeTakeFirstOrThrow();
  const rows = await transcript(server.store.db, server.tenant, conversation.id);
  const inbound = rows.filter((r) => r.direction === 'in');
  expect(inbound).toHaveLength(3);
  expect(JSON.stringify(partsOf(inbound[2]))).toMatch(/payload/);
  expect(rows.filter((r) => r.direction === 'out').some((r) => r.status === 'delivered')).toBe(true);
}, 60_000);
