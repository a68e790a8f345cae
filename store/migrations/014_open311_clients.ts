import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Open311 GeoReport v2 clients (a FixMyStreet-style service posting reports for one council) and
 * the requests they created. A client's API key is kept only as its SHA-256 (shown once, by
 * `npm run open311:key`). `open311_requests` marks the cases that came through Open311: only
 * those are readable through the public GET calls; it goes with its case.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists open311_clients (
      id text primary key,
      tenant_id text not null references tenants(id),
      name text not null,
      key_hash text not null unique,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );
    create index if not exists open311_clients_tenant on open311_clients (tenant_id);
    create table if not exists open311_requests (
      case_id text primary key references cases(id) on delete cascade,
      tenant_id text not null references tenants(id),
      client_id text not null references open311_clients(id),
      created_at timestamptz not null default now()
    );
    create index if not exists open311_requests_tenant on open311_requests (tenant_id, created_at);
    create index if not exists open311_requests_client on open311_requests (client_id);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists open311_requests; drop table if exists open311_clients;`);
}
