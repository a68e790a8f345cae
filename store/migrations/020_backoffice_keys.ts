import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Back-office API keys (issue 13, the pull API at /backoffice/v1): one council's key, with its
 * scopes (`cases:read`, `cases:write`, `cases:personal`), kept only as its SHA-256 (shown once by
 * `npm run backoffice:key -- create`), with when it was last used and when it was revoked. The
 * index on cases (tenant, updated_at, id) serves the API's listing, paged in that order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists backoffice_keys (
      id text primary key,
      tenant_id text not null references tenants(id),
      name text not null,
      scopes jsonb not null,
      key_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index if not exists backoffice_keys_tenant on backoffice_keys (tenant_id, created_at);
    create index if not exists cases_tenant_updated on cases (tenant_id, updated_at, id);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop index if exists cases_tenant_updated; drop table if exists backoffice_keys;`);
}
