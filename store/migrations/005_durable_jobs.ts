import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The durable embedded job queue (jobs/db-queue.ts, used when REDIS_URL is unset) and the outbox's
 * claim time. A job row lives until it succeeds (then it is deleted, or re-timed when it repeats);
 * a worker that dies mid-job leaves its lease to expire and the job runs again. An outbound
 * message being sent carries `claimed_at`, so a claim left by a dead process is re-examined.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table jobs (
      queue text not null,
      id text not null,
      name text not null,
      data jsonb not null default 'null',
      status text not null default 'waiting' check (status in ('waiting', 'active', 'failed')),
      attempts_made integer not null default 0,
      max_attempts integer not null default 5,
      backoff_ms integer not null default 1000,
      every_ms integer,
      run_at timestamptz not null default now(),
      locked_until timestamptz,
      locked_by text,
      last_error text,
      created_at timestamptz not null default now(),
      primary key (queue, id)
    );
    create index jobs_due on jobs (queue, run_at) where status <> 'failed';
    alter table messages add column claimed_at timestamptz;
    create index messages_outbox on messages (tenant_id, id)
      where direction = 'out' and status in ('stored', 'fault', 'send_retry', 'dispatching');
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop index messages_outbox;
    alter table messages drop column claimed_at;
    drop table jobs;
  `,
  );
}
