import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The back-office push (issue 13, item 1): a council's webhooks and the delivery of every case
 * event to each of them.
 *
 * `backoffice_webhooks`: where to send (url), in which format (json or xml), for which services
 * (null: all), the signing secret (sealed, store/crypto.ts), whether the resident's contact details
 * go with the case, and when it was disabled.
 *
 * `backoffice_deliveries`: one row per event and matching webhook (unique), made by the consumer of
 * the case event log in the transaction that moves its cursor. A row is `pending`, `sending`
 * (claimed, with a claim token and time), `retrying` (due at `next_attempt_at`), `delivered` or
 * `failed` (retry budget spent: it holds back the case's later events for that webhook until it is
 * redelivered). `generation` counts redeliveries (job ids stay unique). No payload is kept: the
 * body is made from the event and the case when sent, so erasing a case's details reaches it too.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists backoffice_webhooks (
      id text primary key,
      tenant_id text not null references tenants(id),
      name text not null,
      url text not null,
      format text not null check (format in ('json', 'xml')),
      services jsonb,
      personal boolean not null default false,
      secret text not null,
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    );
    create index if not exists backoffice_webhooks_tenant on backoffice_webhooks (tenant_id, created_at);
    create table if not exists backoffice_deliveries (
      id bigserial primary key,
      tenant_id text not null references tenants(id),
      webhook_id text not null references backoffice_webhooks(id) on delete cascade,
      event_id bigint not null references case_events(id) on delete cascade,
      case_id text not null references cases(id) on delete cascade,
      seq integer not null,
      status text not null default 'pending' check (status in ('pending', 'sending', 'retrying', 'delivered', 'failed')),
      attempts integer not null default 0,
      generation integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      claim text,
      claimed_at timestamptz,
      last_error text,
      last_status integer,
      last_attempt_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (webhook_id, event_id)
    );
    create index if not exists backoffice_deliveries_chain on backoffice_deliveries (webhook_id, case_id, seq);
    create index if not exists backoffice_deliveries_due on backoffice_deliveries (next_attempt_at) where status in ('pending', 'retrying');
    create index if not exists backoffice_deliveries_claimed on backoffice_deliveries (claimed_at) where status = 'sending';
    create index if not exists backoffice_deliveries_failed on backoffice_deliveries (tenant_id, updated_at) where status = 'failed';
    create index if not exists backoffice_deliveries_event on backoffice_deliveries (event_id);
    create index if not exists backoffice_deliveries_case on backoffice_deliveries (case_id);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists backoffice_deliveries; drop table if exists backoffice_webhooks;`);
}
