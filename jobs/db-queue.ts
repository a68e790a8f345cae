import { randomUUID } from 'node:crypto';
import {
  claimJobs,
  deleteIdleJobs,
  idleJobs,
  completeJob,
  deleteQueue,
  extendJobLease,
  failJob,
  insertJob,
  msUntilNextJob,
  purgeFailedJobs,
  upsertRepeatingJob,
  type Db,
  type JobRow,
} from '../store/index.js';
import type { JobHandler, JobOptions, JobQueue } from './queue.js';

export interface DbQueueOptions {
  /** Longest wait between looks at the table when nothing is due (another process may add jobs). */
  pollMs?: number;
  /** A claimed job's lease; kept alive while the handler runs, so only a dead worker loses it. */
  leaseMs?: number;
  concurrency?: number;
  /** A test's throwaway queue: its rows are removed on close. */
  ephemeral?: boolean;
}

/**
 * The embedded default's job queue, durable in the database (store/jobs.ts): a job added is a
 * committed row, so a crash loses nothing; a job running when the process died runs again when its
 * lease expires. Same contract as BullMQ's: attempts with exponential backoff, delays, ids added
 * once while the job exists, and `every` scheduled once across all processes sharing the database.
 */
export class DbQueue implements JobQueue {
  readonly kind = 'database' as const;
  private handlers = new Map<string, JobHandler<unknown>>();
  private running = new Set<Promise<void>>();
  private readonly worker = `w-${randomUUID().slice(0, 12)}`;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private closed = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private wakeTimer?: NodeJS.Timeout;
  /** A poke that came while the loop was busy: the next sleep returns at once. */
  private poked = false;
  private lastPurge = 0;

  constructor(
    private readonly db: Db,
    private readonly queueName = 'council-assistant',
    private readonly onFailure: (name: string, err: unknown, final: boolean) => void = () => {},
    private readonly options: DbQueueOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.concurrency = options.concurrency ?? 8;
  }

  register<T>(name: string, handler: JobHandler<T>): void {
    // A job's data is what `add` was given under this name; the handler's type is the registrant's word for it.
    this.handlers.set(name, handler as JobHandler<unknown>);
    this.loop ??= this.run();
    this.poke();
  }

  async add<T>(name: string, data: T, options: JobOptions = {}): Promise<void> {
    if (this.closed) return;
    await insertJob(this.db, {
      queue: this.queueName,
      id: options.jobId ?? randomUUID(),
      name,
      data: data ?? null,
      maxAttempts: options.attempts ?? 5,
      backoffMs: options.backoffMs ?? 1000,
      delayMs: options.delayMs ?? 0,
    });
    if (!options.delayMs) this.poke();
  }

  async every(name: string, everyMs: number): Promise<void> {
    if (this.closed) return;
    await upsertRepeatingJob(this.db, this.queueName, name, everyMs);
    this.poke();
  }

  /** Wakes the loop now (a job was added here) instead of at its next look. */
  private poke(): void {
    if (this.wake) this.wake();
    else this.poked = true;
  }

  private sleep(ms: number): Promise<void> {
    if (this.poked) {
      this.poked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(this.wakeTimer);
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
      this.wakeTimer = setTimeout(done, ms);
    });
  }

  private async run(): Promise<void> {
    // Let the composition root register every handler before the first claim.
    await new Promise((r) => setImmediate(r));
    while (!this.closed) {
      let wait = this.pollMs;
      try {
        const names = [...this.handlers.keys()];
        const free = this.concurrency - this.running.size;
        const claimed = free > 0 ? await claimJobs(this.db, this.queueName, names, free, this.worker, this.leaseMs) : [];
        for (const job of claimed) this.start(job);
        if (claimed.length === free && free > 0) continue; // more may be due
        if (free > 0) {
          const next = await msUntilNextJob(this.db, this.queueName, names);
          if (next !== null) wait = Math.min(wait, Math.max(next, 5));
        }
        if (Date.now() - this.lastPurge > 3600_000) {
          this.lastPurge = Date.now();
          await purgeFailedJobs(this.db, this.queueName, 7 * 86400_000);
        }
      } catch (err) {
        if (this.closed) break;
        this.onFailure('jobs.poll', err, false);
      }
      if (this.closed) break;
      await this.sleep(wait);
    }
  }

  private start(job: JobRow): void {
    const run = this.execute(job);
    this.running.add(run);
    void run.finally(() => {
      this.running.delete(run);
      this.poke(); // a slot is free
    });
  }

  private async execute(job: JobRow): Promise<void> {
    const heartbeat = setInterval(() => {
      void extendJobLease(this.db, this.queueName, job.id, this.worker, this.leaseMs).catch(() => undefined);
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    try {
      const handler = this.handlers.get(job.name);
      if (!handler) throw new Error(`no handler registered for job "${job.name}"`);
      await handler(job.data);
      clearInterval(heartbeat);
      await completeJob(this.db, this.queueName, job.id, this.worker);
    } catch (err) {
      clearInterval(heartbeat);
      try {
        const { final } = await failJob(this.db, this.queueName, job.id, this.worker, String((err as Error)?.stack ?? err));
        this.onFailure(job.name, err, final);
      } catch (e) {
        // The store is closing or gone: the lease expires and the job runs again elsewhere.
        this.onFailure(job.name, e, false);
      }
    }
  }

  /** Waits for jobs in flight (tests use it to observe outcomes). */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  async purge(match: (name: string, data: unknown) => boolean): Promise<number> {
    const chosen = (await idleJobs(this.db, this.queueName)).filter((j) => match(j.name, j.data)).map((j) => j.id);
    return deleteIdleJobs(this.db, this.queueName, chosen);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.poke();
    await this.loop;
    await this.drain();
    if (this.options.ephemeral) await deleteQueue(this.db, this.queueName).catch(() => undefined);
  }
}
