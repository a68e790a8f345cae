import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BullMqQueue, DbQueue, InProcessQueue, purgeExpired, type JobQueue } from './index.js';
import { openTestStore, freshTenant } from '../test/store.js';
import { claimJobs, createConversation, insertJob, listJobs, openStore, storeInbound, type Store } from '../store/index.js';

/** The same behaviour is asked of both queues: retries with backoff until success, ids added once. */
function queueContract(name: string, make: () => JobQueue, settle: (q: JobQueue) => Promise<void>) {
  describe(name, () => {
    let q: JobQueue;
    beforeEach(() => {
      q = make();
    });
    afterEach(async () => {
      await q.close();
    });

    test('a failing job is retried until it succeeds', async () => {
      const attempts: number[] = [];
      q.register<{ n: number }>('flaky', async (data) => {
        attempts.push(data.n);
        if (attempts.length < 3) throw new Error('temporary');
      });
      await q.add('flaky', { n: 7 }, { attempts: 5, backoffMs: 20 });
      await settle(q);
      const deadline = Date.now() + 10_000;
      while (attempts.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      expect(attempts).toEqual([7, 7, 7]);
    });

    test('a job id is added once', async () => {
      let runs = 0;
      q.register('once', async () => {
        runs++;
      });
      const id = randomUUID();
      await q.add('once', {}, { jobId: id });
      await q.add('once', {}, { jobId: id });
      await settle(q);
      const deadline = Date.now() + 5_000;
      while (runs < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 200));
      expect(runs).toBe(1);
    });
  });
}

queueContract('in-process queue', () => new InProcessQueue(), async (q) => {
  await new Promise((r) => setTimeout(r, 10));
  await (q as InProcessQueue).drain();
});

let dbStore: Store;
beforeAll(async () => {
  dbStore = await openTestStore();
});
afterAll(async () => {
  await dbStore.close();
});

queueContract('durable queue in the database', () => new DbQueue(dbStore.db, `test-${randomUUID().slice(0, 8)}`, undefined, { pollMs: 50, ephemeral: true }), async (q) => {
  await new Promise((r) => setTimeout(r, 10));
  await (q as DbQueue).drain();
});

const until = async (check: () => boolean, what: string, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('durable queue in the database: a crash loses nothing', () => {
  test('a job added before a restart runs after it (PGlite on disk, reopened)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-restart-'));
    try {
      let store = await openStore({ dataDir: dir });
      let q = new DbQueue(store.db, 'main', undefined, { pollMs: 50 });
      // This process never runs 'deliver' (no handler): the job waits in the table.
      q.register('other', async () => {});
      await q.add('deliver', { n: 42 }, { jobId: 'deliver-42', delayMs: 0 });
      await q.add('deliver', { n: 42 }, { jobId: 'deliver-42' }); // an id is added once
      await q.close();
      await store.close();

      store = await openStore({ dataDir: dir });
      expect((await listJobs(store.db, 'main')).map((j) => j.id)).toEqual(['deliver-42']);
      const ran: number[] = [];
      q = new DbQueue(store.db, 'main', undefined, { pollMs: 50 });
      q.register<{ n: number }>('deliver', async (data) => {
        ran.push(data.n);
      });
      await until(() => ran.length > 0, 'the job to run after the restart');
      await q.drain();
      await new Promise((r) => setTimeout(r, 200));
      expect(ran).toEqual([42]);
      expect(await listJobs(store.db, 'main')).toEqual([]); // done jobs are removed
      await q.close();
      await store.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000); // PGlite on disk opened twice: slow on a loaded machine

  test('a job whose worker died mid-run (lease expired) runs again; a live lease is not taken', async () => {
    const queue = `test-${randomUUID().slice(0, 8)}`;
    await insertJob(dbStore.db, { queue, id: 'a', name: 'work', data: { id: 'a' }, maxAttempts: 5, backoffMs: 10, delayMs: 0 });
    await insertJob(dbStore.db, { queue, id: 'b', name: 'work', data: { id: 'b' }, maxAttempts: 5, backoffMs: 10, delayMs: 0 });
    // A "dead" worker claimed both: 'a' with a lease that has run out, 'b' with one still running.
    const [busy] = await claimJobs(dbStore.db, queue, ['work'], 1, 'busy-worker', 60_000);
    const [dead] = await claimJobs(dbStore.db, queue, ['work'], 1, 'dead-worker', 1);
    expect([dead.id, busy.id].sort()).toEqual(['a', 'b']);
    await new Promise((r) => setTimeout(r, 20));
    const ran: string[] = [];
    const q = new DbQueue(dbStore.db, queue, undefined, { pollMs: 50, ephemeral: true });
    q.register<{ id: string }>('work', async (data) => {
      ran.push(data.id);
    });
    await until(() => ran.length > 0, 'the abandoned job to run again');
    await new Promise((r) => setTimeout(r, 300));
    expect(ran).toEqual([dead.id]);
    await q.close();
  });

  test('a repeating job is one row shared by every queue on the database, run once per period', async () => {
    const queue = `test-${randomUUID().slice(0, 8)}`;
    let runs = 0;
    const a = new DbQueue(dbStore.db, queue, undefined, { pollMs: 20 });
    const b = new DbQueue(dbStore.db, queue, undefined, { pollMs: 20, ephemeral: true });
    for (const q of [a, b]) {
      q.register('tick', async () => {
        runs++;
      });
      await q.every('tick', 400);
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect((await listJobs(dbStore.db, queue)).filter((j) => j.name === 'tick')).toHaveLength(1);
    // At start, then every 400 ms: 3 runs in ~1 s, not one per queue.
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(4);
    await a.close();
    await b.close();
  });
});

if (process.env.REDIS_URL) {
  queueContract('BullMQ queue on Redis', () => new BullMqQueue(process.env.REDIS_URL!, `test-${randomUUID().slice(0, 8)}`), async () => {});
} else {
  test.skip('BullMQ queue on Redis (set REDIS_URL to run)', () => {});
}

describe('retention purge', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.close();
  });

  test('conversations idle past the retention period are deleted with their messages; recent ones stay', async () => {
    const tenant = await freshTenant(store);
    const old = await createConversation(store.db, { tenant, channel: 'api' });
    const recent = await createConversation(store.db, { tenant, channel: 'api' });
    await storeInbound(store.db, { tenant, conversationId: old.id, channel: 'api', providerMessageId: 'o1', text: 'old message' });
    await store.db.updateTable('conversations').set({ last_message_at: new Date(Date.now() - 400 * 86400000) }).where('id', '=', old.id).execute();
    const result = await purgeExpired(store, tenant, { conversationsDays: 365, casesDays: 2190 });
    expect(result.conversations).toBe(1);
    const left = await store.db.selectFrom('conversations').select('id').where('tenant_id', '=', tenant).execute();
    expect(left.map((c) => c.id)).toEqual([recent.id]);
    const msgs = await store.db.selectFrom('messages').select('id').where('conversation_id', '=', old.id).execute();
    expect(msgs).toHaveLength(0);
    const audit = await store.db.selectFrom('audit_events').selectAll().where('tenant_id', '=', tenant).execute();
    expect(audit.map((a) => a.action)).toEqual(['retention.purge']);
  });
});
