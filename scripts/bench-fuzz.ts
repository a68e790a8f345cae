/**
 * The fuzzer at scale (issue 10): the probes of test/fuzz.test.ts (test/fuzz-arbitraries.ts) over
 * every public route and webhook, 10,000+ requests by default, a few at a time, against one real
 * server with the Twilio stand-in. On the embedded default (PGlite, jobs in the database) unless
 * DATABASE_URL / REDIS_URL are set, then on PostgreSQL + Redis.
 *
 *   npm run bench:fuzz [-- --requests 10000 --concurrency 6 --seed 42]
 *
 * Prints the count per endpoint and status class, the first violations found, then ONE JSON line:
 * {"requests","2xx","3xx","4xx","5xx","status5xx","crashes","hangs","accepted","lost","unanswered","leaks","violations",...}.
 * Exit status 1 unless 5xx, crashes, hangs, lost, unanswered, leaks and violations are all 0.
 */
import fc from 'fast-check';
import { startTwilioStandIn } from '../channels/twilio/twilio-stand-in.fixture.js';
import { signedInAgent } from '../test/console-client.js';
import { consoleProbe, FuzzWorld, PropertyViolation, twilioProbe, webProbe } from '../test/fuzz-arbitraries.js';
import { startTestServer } from '../test/server.js';
import { parseArgs } from './cli.js';

const args = parseArgs(process.argv.slice(2));
const REQUESTS = Math.max(100, Number(args.get('requests') ?? 10_000));
const CONCURRENCY = Math.max(1, Math.min(32, Number(args.get('concurrency') ?? 6)));
const SEED = Number(args.get('seed') ?? Date.now() % 2 ** 31);
const COUNCIL_NUMBER = '+441632960100';

type Probe = { surface: 'web'; p: Parameters<FuzzWorld['webProbe']>[0] } | { surface: 'console'; p: Parameters<FuzzWorld['consoleProbe']>[0] } | { surface: 'twilio'; p: Parameters<FuzzWorld['twilio']>[0] };

// The mix: residents' surfaces most, sign-in least (each costs a deliberate ~0.5 s password check).
const anyProbe: fc.Arbitrary<Probe> = fc.oneof(
  { weight: 5, arbitrary: webProbe.map((p) => ({ surface: 'web' as const, p })) },
  { weight: 2, arbitrary: consoleProbe.map((p) => ({ surface: 'console' as const, p })) },
  { weight: 3, arbitrary: twilioProbe.map((p) => ({ surface: 'twilio' as const, p })) },
);

async function main(): Promise<void> {
  const started = performance.now();
  const stand = await startTwilioStandIn();
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: stand.accountSid, TWILIO_AUTH_TOKEN: stand.authToken, TWILIO_FROM: COUNCIL_NUMBER, TWILIO_API_BASE_URL: stand.url });
  delete process.env.PUBLIC_URL;
  const server = await startTestServer();
  const storeKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const jobsKind = process.env.REDIS_URL ? 'redis' : 'database';
  console.log(`bench:fuzz — ${REQUESTS} requests, concurrency ${CONCURRENCY}, seed ${SEED}, store ${storeKind}, jobs ${jobsKind}`);
  const { client } = await signedInAgent(server);
  const world = await FuzzWorld.create(
    { url: server.url, db: server.store.db, tenant: server.tenant, twilioToken: stand.authToken, councilNumber: COUNCIL_NUMBER, smsSent: () => stand.sent, agent: client },
    { web: 8, sms: 6 },
  );

  let crashes = 0;
  const probes = fc.sample(anyProbe, { numRuns: REQUESTS, seed: SEED })[Symbol.iterator]();
  let progressAt = 1000;
  const worker = async () => {
    while (world.requests < REQUESTS) {
      const next = probes.next();
      if (next.done) return;
      const { surface, p } = next.value;
      try {
        if (surface === 'web') await world.webProbe(p);
        else if (surface === 'console') await world.consoleProbe(p);
        else await world.twilio(p);
      } catch (err) {
        // Violations are recorded by the world; anything else is a fault of the fuzzer or the server.
        if (!(err instanceof PropertyViolation)) {
          crashes++;
          console.error('probe failed:', err);
        }
      }
      if (world.requests >= progressAt) {
        console.log(`  ${world.requests} requests, ${world.violations.length} violations, ${((performance.now() - started) / 1000).toFixed(0)} s`);
        progressAt += 1000;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await world.settle(60_000);
  const seconds = (performance.now() - started) / 1000;

  const byClass: Record<string, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, hang: 0, crash: 0 };
  const rows = new Map<string, Record<string, number>>();
  for (const [key, n] of world.counts) {
    const cls = key.slice(key.lastIndexOf(' ') + 1);
    const endpoint = key.slice(0, key.lastIndexOf(' '));
    byClass[cls] = (byClass[cls] ?? 0) + n;
    const row = rows.get(endpoint) ?? {};
    row[cls] = (row[cls] ?? 0) + n;
    rows.set(endpoint, row);
  }
  const cols = ['2xx', '3xx', '4xx', '5xx', 'hang', 'crash'];
  console.log(`\n${'endpoint'.padEnd(56)}${cols.map((c) => c.padStart(7)).join('')}`);
  for (const [endpoint, row] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${endpoint.padEnd(56)}${cols.map((c) => String(row[c] ?? 0).padStart(7)).join('')}`);
  }
  if (world.violations.length) {
    // Grouped by endpoint and kind of problem, with the first input of each.
    const groups = new Map<string, { n: number; first: (typeof world.violations)[number] }>();
    for (const v of world.violations) {
      const key = `${v.endpoint}: ${v.problem.slice(0, 70)}`;
      const g = groups.get(key) ?? { n: 0, first: v };
      g.n++;
      groups.set(key, g);
    }
    console.log(`\nviolations (${world.violations.length}):`);
    for (const [key, g] of groups) console.log(`  ${g.n} × ${key}\n    first input: ${g.first.input.slice(0, 600)}`);
  }
  const result = {
    requests: world.requests,
    '2xx': byClass['2xx'],
    '3xx': byClass['3xx'],
    '4xx': byClass['4xx'],
    '5xx': byClass['5xx'],
    status5xx: world.status5xx,
    crashes: crashes + byClass.crash,
    hangs: world.hangs,
    accepted: world.accepted,
    lost: world.lost,
    unanswered: world.unanswered,
    leaks: world.leaks,
    violations: world.violations.length,
    smsSent: stand.sent.length,
    store: storeKind,
    jobs: jobsKind,
    seed: SEED,
    seconds: Math.round(seconds),
  };
  await server.close();
  await stand.close();
  console.log(JSON.stringify(result));
  const clean = !result.status5xx && !result.crashes && !result.hangs && !result.lost && !result.unanswered && !result.leaks && !result.violations;
  process.exit(clean ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
