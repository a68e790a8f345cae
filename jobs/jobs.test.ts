import { randomUUID } from 'node:crypto';
import { BullMqQueue, InProcessQueue, purgeExpired, type JobQueue } from './index.js';
import { openTestStore, freshTenant } from '../test/store.js';
import { createConversation, storeInbound, type Store } from '../store/index.js';

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
