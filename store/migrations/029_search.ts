import { sql, type Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Search for agents and the audit viewer (issue 16, items 5 and 6).
 *
 * A case's address is sealed at rest (store/crypto.ts), so its postcode cannot be searched in the
 * cases table: `case_search_keys` holds, per case, the blind index of the normalised postcode
 * (store/search.ts keeps it up to date by catching up on cases changed since they were indexed).
 * Names (contacts.display_name) and case references are held in clear: the trigram index lets
 * PostgreSQL answer `ilike '%part%'` on names without a scan. pg_trgm is created only where the
 * server offers it (PGlite does not load it here): the queries do not need it, only run faster.
 * The audit viewer filters by actor, action and time: indexes for those.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists case_search_keys (
      case_id text primary key references cases(id) on delete cascade,
      tenant_id text not null,
      postcode_key text,
      indexed_at timestamptz not null
    );
    create index if not exists case_search_keys_postcode on case_search_keys (tenant_id, postcode_key) where postcode_key is not null;
    create index if not exists cases_tenant_service_created on cases (tenant_id, service_id, created_at);
    create index if not exists audit_events_tenant_actor on audit_events (tenant_id, actor_id, id);
    create index if not exists audit_events_tenant_action on audit_events (tenant_id, action, id)
    `,
  );
  const offered = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db);
  if (Number(offered.rows[0]?.n ?? 0) > 0) {
    await runStatements(
      db,
      `
      create extension if not exists pg_trgm;
      create index if not exists contacts_display_name_trgm on contacts using gin (display_name gin_trgm_ops)
      `,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop index if exists contacts_display_name_trgm;
    drop index if exists audit_events_tenant_action;
    drop index if exists audit_events_tenant_actor;
    drop index if exists cases_tenant_service_created;
    drop table if exists case_search_keys
    `,
  );
}
