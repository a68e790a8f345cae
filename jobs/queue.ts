import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Db } from '../store/index.js';
import { DbQueue } from './db-queue.js';

export type JobHandler<T = unknown> = (data: T) => Promise<void>;

export interface JobOptions {
  /** Attempts in all, first included. */
  attempts?: number;
  /** Base delay of exponential backoff between attempts. */
  backoffMs?: number;
  /** Idempotency: a job with the same id is added once. */
  jobId?: string;
  delayMs?: number;
}

/** Background work: BullMQ on Redis when REDIS_URL is set, otherwise durable in the database (jobs/db-queue.ts). */
export interface JobQueue {
  readonly kind: 'bullmq' | 'in-process' | 'database';
  register<T>(name: string, handler: JobHandler<T>): void;
  add<T>(name: string, data: T, options?: JobOptions): Promise<void>;
  /** Runs `name` every `everyMs` (one schedule across all processes with BullMQ). */
  every(name: string, everyMs: number): Promise<void>;
  /**
   * Removes every job not running now whose name and data `match` (erasure: a resident's pending
   * and kept jobs); the number removed. A running job finishes; its data is gone when it does.
   */
  purge(match: (name: string, data: unknown) => boolean): Promise<number>;
  close(): Promise<void>;
}

/** Retries with exponential backoff, in memory: jobs are lost if the process dies, so only tests use it. */
export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private handlers = new Map<string, JobHandler<unknown>>();
  private timers = new Map<NodeJS.Timeout, { name: string; data: unknown }>();
  private seen = new Set<string>();
  private running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly onFailure: (name: string, err: unknown, final: boolean) => void = () => {}) {}

  register<T>(name: string, handler: JobHandler<T>): void {
    // A job's data is what `add` was given under this name; the handler's type is the registrant's word for it.
    this.handlers.set(name, handler as JobHandler<unknown>);
  }

  async add<T>(name: string, data: T, options: JobOptions = {}): Promise<void> {
    if (options.jobId) {
      if (this.seen.has(`${name}:${options.jobId}`)) return;
      this.seen.add(`${name}:${options.jobId}`);
    }
    this.schedule(name, data, 1, options, options.delayMs ?? 0);
  }

  private schedule<T>(name: string, data: T, attempt: number, options: JobOptions, delay: number): void {
    if (this.closed) return;
    const timer: NodeJS.Timeout = setTimeout(() => {
      this.timers.delete(timer);
      const run = this.run(name, data, attempt, options);
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, delay);
    this.timers.set(timer, { name, data });
  }

  private async run<T>(name: string, data: T, attempt: number, options: JobOptions): Promise<void> {
    const handler = this.handlers.get(name);
    const attempts = options.attempts ?? 5;
    try {
      if (!handler) throw new Error(`no handler registered for job "${name}"`);
      await handler(data);
    } catch (err) {
      const final = attempt >= attempts;
      this.onFailure(name, err, final);
      if (!final) this.schedule(name, data, attempt + 1, options, (options.backoffMs ?? 1000) * 2 ** (attempt - 1));
    }
  }

  async every(name: string, everyMs: number): Promise<void> {
    const timer = setInterval(() => void this.add(name, {}), everyMs);
    timer.unref();
    this.timers.set(timer, { name, data: null });
  }

  async purge(match: (name: string, data: unknown) => boolean): Promise<number> {
    let removed = 0;
    for (const [timer, job] of this.timers) {
      if (job.data === null || !match(job.name, job.data)) continue;
      clearTimeout(timer);
      this.timers.delete(timer);
      removed++;
    }
    return removed;
  }

  /** Waits for jobs in flight (tests use it to observe outcomes). */
  async drain(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.keys()) clearTimeout(t);
    this.timers.clear();
    await this.drain();
  }
}

export class BullMqQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private queue: Queue;
  private worker?: Worker;
  private handlers = new Map<string, JobHandler<unknown>>();
  private readonly connection: ConnectionOptions;

  private schedulers: string[] = [];

  constructor(
    redisUrl: string,
    private readonly queueName = 'council-assistant',
    private readonly onFailure: (name: string, err: unknown, final: boolean) => void = () => {},
    /** Tests' queues are throwaway: their schedules are removed on close so Redis does not keep them. */
    private readonly ephemeral = false,
  ) {
    const u = new URL(redisUrl);
    this.connection = {
      host: u.hostname,
      port: Number(u.port || 6379),
      username: u.username || undefined,
      password: u.password ? decodeURIComponent(u.password) : undefined,
      db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined,
      tls: u.protocol === 'rediss:' ? {} : undefined,
      maxRetriesPerRequest: null,
    };
    this.queue = new Queue(queueName, { connection: this.connection });
  }

  register<T>(name: string, handler: JobHandler<T>): void {
    // A job's data is what `add` was given under this name; the handler's type is the registrant's word for it.
    this.handlers.set(name, handler as JobHandler<unknown>);
    if (!this.worker) {
      this.worker = new Worker(
        this.queueName,
        async (job) => {
          const h = this.handlers.get(job.name);
          if (!h) throw new Error(`no handler registered for job "${job.name}"`);
          await h(job.data);
        },
        { connection: this.connection, concurrency: 8 },
      );
      this.worker.on('failed', (job, err) => {
        if (job) this.onFailure(job.name, err, job.attemptsMade >= (job.opts.attempts ?? 1));
      });
    }
  }

  async add<T>(name: string, data: T, options: JobOptions = {}): Promise<void> {
    await this.queue.add(name, data, {
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
      jobId: options.jobId,
      delay: options.delayMs,
      removeOnComplete: 1000,
      removeOnFail: 5000,
    });
  }

  async every(name: string, everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(`every:${name}`, { every: everyMs }, { name, data: {} });
    this.schedulers.push(`every:${name}`);
  }

  async purge(match: (name: string, data: unknown) => boolean): Promise<number> {
    let removed = 0;
    // Active jobs are locked by their worker and cannot be removed; completed and failed ones are kept (removeOnComplete/Fail) with their data.
    const jobs = await this.queue.getJobs(['wait', 'delayed', 'prioritized', 'waiting-children', 'completed', 'failed']);
    for (const job of jobs) {
      if (!job || !match(job.name, job.data)) continue;
      try {
        await job.remove();
        removed++;
      } catch {
        // Taken by a worker meanwhile: it runs and is then removed by removeOnComplete's count.
      }
    }
    return removed;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    if (this.ephemeral) {
      for (const id of this.schedulers) await this.queue.removeJobScheduler(id);
      await this.queue.obliterate({ force: true }).catch(() => undefined);
    }
    await this.queue.close();
  }
}

/** The default name of the job queue (JOBS_QUEUE_NAME): deployments sharing a Redis each set their own. */
export const DEFAULT_JOBS_QUEUE = 'council-assistant';

/**
 * BullMQ on Redis when `redisUrl` is set, else the durable queue in the database `db`; with
 * neither, in memory (tests). `ephemeral`: a test's own queue, removed when closed.
 */
export function createJobQueue(
  redisUrl: string | undefined,
  onFailure?: (name: string, err: unknown, final: boolean) => void,
  queueName?: string,
  options: { db?: Db; ephemeral?: boolean } = {},
): JobQueue {
  const name = queueName ?? DEFAULT_JOBS_QUEUE;
  const ephemeral = options.ephemeral ?? false;
  if (redisUrl) return new BullMqQueue(redisUrl, name, onFailure, ephemeral);
  if (options.db) return new DbQueue(options.db, name, onFailure, { ephemeral });
  return new InProcessQueue(onFailure);
}
