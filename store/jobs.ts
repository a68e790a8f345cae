import { sql } from 'kysely';
import { fromJson, toJson } from './json.js';
import { msAgo, msFromNow } from './sql-time.js';
import type { Db } from './schema.js';

/**
 * Queries of the durable embedded job queue (jobs/db-queue.ts): a job is a row keyed by queue and
 * id (so an id is added once while the job exists), claimed with `FOR UPDATE SKIP LOCKED` under a
 * lease, deleted on success, re-timed with exponential backoff on failure, and kept as 'failed'
 * after its last attempt. All times are the database's, so processes with skewed clocks agree.
 */
export interface JobRow {
  queue: string;
  id: string;
  name: string;
  data: unknown;
  status: 'waiting' | 'active' | 'failed';
  attempts_made: number;
  max_attempts: number;
  backoff_ms: number;
  every_ms: number | null;
  run_at: Date;
}

export interface NewJob {
  queue: string;
  id: string;
  name: string;
  data: unknown;
  maxAttempts: number;
  backoffMs: number;
  delayMs: number;
}

/** Adds a job unless one with the same id is still in the queue; true when added. */
export async function insertJob(db: Db, job: NewJob): Promise<boolean> {
  const r = await sql<{ id: string }>`
    insert into jobs (queue, id, name, data, max_attempts, backoff_ms, run_at)
    values (${job.queue}, ${job.id}, ${job.name}, ${toJson(job.data)}::jsonb, ${job.maxAttempts}, ${job.backoffMs},
            ${msFromNow(Math.max(0, job.delayMs))})
    on conflict (queue, id) do nothing
    returning id`.execute(db);
  return r.rows.length > 0;
}

/** A repeating job: one row per name and queue, shared by every process on the database. */
export async function upsertRepeatingJob(db: Db, queue: string, name: string, everyMs: number): Promise<void> {
  await sql`
    insert into jobs (queue, id, name, data, max_attempts, backoff_ms, every_ms, run_at)
    values (${queue}, ${`every:${name}`}, ${name}, '{}'::jsonb, 1, 0, ${everyMs}, now())
    on conflict (queue, id) do update set
      every_ms = excluded.every_ms,
      status = case when jobs.status = 'failed' then 'waiting' else jobs.status end,
      run_at = least(jobs.run_at, now() + excluded.every_ms * interval '1 millisecond')`.execute(db);
}

/**
 * Claims up to `limit` due jobs of the given names: waiting ones whose time has come, and active
 * ones whose lease ran out (their worker died). Each claim counts as an attempt.
 */
export async function claimJobs(db: Db, queue: string, names: string[], limit: number, worker: string, leaseMs: number): Promise<JobRow[]> {
  if (!names.length || limit <= 0) return [];
  const r = await sql<JobRow>`
    update jobs set status = 'active', attempts_made = attempts_made + 1, locked_by = ${worker},
      locked_until = ${msFromNow(leaseMs)}
    where (queue, id) in (
      select queue, id from jobs
      where queue = ${queue} and name in (${sql.join(names)})
        and ((status = 'waiting' and run_at <= now()) or (status = 'active' and locked_until < now()))
      order by run_at
      limit ${limit}
      for update skip locked)
    returning queue, id, name, data, status, attempts_made, max_attempts, backoff_ms, every_ms, run_at`.execute(db);
  return r.rows.map((row) => ({ ...row, data: fromJson(row.data) }));
}

/** Keeps a running job's lease alive; false when another worker took it over. */
export async function extendJobLease(db: Db, queue: string, id: string, worker: string, leaseMs: number): Promise<boolean> {
  const r = await sql`
    update jobs set locked_until = ${msFromNow(leaseMs)}
    where queue = ${queue} and id = ${id} and status = 'active' and locked_by = ${worker}`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

/** Success: a one-off job is deleted; a repeating one waits for its next time. */
export async function completeJob(db: Db, queue: string, id: string, worker: string): Promise<void> {
  await sql`
    delete from jobs where queue = ${queue} and id = ${id} and locked_by = ${worker} and every_ms is null`.execute(db);
  await sql`
    update jobs set status = 'waiting', attempts_made = 0, locked_until = null, locked_by = null, last_error = null,
      run_at = now() + every_ms * interval '1 millisecond'
    where queue = ${queue} and id = ${id} and locked_by = ${worker} and every_ms is not null`.execute(db);
}

/** Failure: retried after `backoff_ms * 2^(attempt-1)`, or kept as failed after the last attempt. */
export async function failJob(db: Db, queue: string, id: string, worker: string, error: string): Promise<{ final: boolean }> {
  const r = await sql<{ status: string }>`
    update jobs set
      status = case when every_ms is null and attempts_made >= max_attempts then 'failed' else 'waiting' end,
      run_at = case when every_ms is not null and attempts_made >= max_attempts
                    then now() + every_ms * interval '1 millisecond'
                    else now() + backoff_ms * power(2, greatest(attempts_made - 1, 0)) * interval '1 millisecond' end,
      attempts_made = case when every_ms is not null and attempts_made >= max_attempts then 0 else attempts_made end,
      locked_until = null, locked_by = null, last_error = ${error.slice(0, 2000)}
    where queue = ${queue} and id = ${id} and locked_by = ${worker}
    returning status`.execute(db);
  return { final: r.rows[0]?.status === 'failed' };
}

/** Milliseconds until the queue's next waiting job of these names is due (null: none waiting). */
export async function msUntilNextJob(db: Db, queue: string, names: string[]): Promise<number | null> {
  if (!names.length) return null;
  const r = await sql<{ ms: number | string | null }>`
    select extract(epoch from (min(run_at) - now())) * 1000 as ms from jobs
    where queue = ${queue} and name in (${sql.join(names)}) and status <> 'failed'`.execute(db);
  const ms = r.rows[0]?.ms;
  return ms == null ? null : Math.max(0, Number(ms));
}

/** Removes failed jobs kept longer than `olderThanMs` (as BullMQ trims its failed set). */
export async function purgeFailedJobs(db: Db, queue: string, olderThanMs: number): Promise<void> {
  await sql`
    delete from jobs where queue = ${queue} and status = 'failed'
      and run_at < ${msAgo(olderThanMs)}`.execute(db);
}

/** Removes every job of a queue (a test's throwaway queue, on close). */
export async function deleteQueue(db: Db, queue: string): Promise<void> {
  await sql`delete from jobs where queue = ${queue}`.execute(db);
}

/** Jobs of a queue, for tests and diagnostics. */
export async function listJobs(db: Db, queue: string): Promise<JobRow[]> {
  const r = await sql<JobRow>`
    select queue, id, name, data, status, attempts_made, max_attempts, backoff_ms, every_ms, run_at
    from jobs where queue = ${queue} order by run_at`.execute(db);
  return r.rows.map((row) => ({ ...row, data: fromJson(row.data) }));
}

/** Waiting and failed jobs of the queue (not those a worker holds now, nor schedules), for a purge that picks by content. */
export async function idleJobs(db: Db, queue: string): Promise<Pick<JobRow, 'id' | 'name' | 'data'>[]> {
  const r = await sql<Pick<JobRow, 'id' | 'name' | 'data'>>`
    select id, name, data from jobs where queue = ${queue} and status <> 'active' and every_ms is null`.execute(db);
  return r.rows.map((row) => ({ ...row, data: fromJson<unknown>(row.data) }));
}

/** Deletes these jobs unless a worker took one meanwhile; the number deleted. */
export async function deleteIdleJobs(db: Db, queue: string, ids: string[]): Promise<number> {
  let deleted = 0;
  for (const id of ids) {
    const r = await sql`delete from jobs where queue = ${queue} and id = ${id} and status <> 'active'`.execute(db);
    deleted += Number(r.numAffectedRows ?? 0);
  }
  return deleted;
}
