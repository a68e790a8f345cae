import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The case event log (issue 13): every change to a case (created, updated, status changed, note
 * added, a report merged into it) is one row, written in the same transaction as the change, so
 * whoever follows it (the back-office push, the pull API, residents' updates) can neither miss
 * one nor see one that was rolled back.
 *
 * `seq` orders a case's events (a counter on the case row, taken under its row lock). `tx_id` is
 * the writing transaction's id: readers follow the log in (tx_id, id) order and only up to the
 * oldest transaction still running (`pg_snapshot_xmin`), so an event committed late can never
 * fall behind a cursor already handed out. `case_event_cursors` keeps each consumer's position.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table cases add column if not exists event_seq integer not null default 0;
    create table if not exists case_events (
      id bigserial primary key,
      tenant_id text not null references tenants(id),
      case_id text not null references cases(id) on delete cascade,
      seq integer not null,
      type text not null,
      data jsonb not null,
      actor text not null,
      internal boolean not null default false,
      tx_id xid8 not null default pg_current_xact_id(),
      created_at timestamptz not null default now(),
      unique (case_id, seq)
    );
    create index if not exists case_events_tenant_order on case_events (tenant_id, tx_id, id);
    create index if not exists case_events_order on case_events (tx_id, id);
    create table if not exists case_event_cursors (
      consumer text not null,
      tenant_id text not null references tenants(id),
      tx_id xid8 not null,
      event_id bigint not null,
      updated_at timestamptz not null default now(),
      primary key (consumer, tenant_id)
    );
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists case_event_cursors; drop table if exists case_events; alter table cases drop column if exists event_seq;`);
}
