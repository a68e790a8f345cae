import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The record that a resident's data was erased (store/subject-access.ts): when, by whom, why (with
 * the resident's own details struck from the reason) and how much went, but nothing that
 * identifies the resident. Kept apart from audit_events so the audit period does not remove it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table subject_erasures (
      id text primary key,
      tenant_id text not null references tenants(id),
      erased_at timestamptz not null default now(),
      erased_by text not null,
      erased_by_name text not null,
      reason text not null,
      counts jsonb not null default '{}'::jsonb,
      kept_case_references jsonb not null default '[]'::jsonb
    );
    create index subject_erasures_tenant on subject_erasures (tenant_id, erased_at);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table subject_erasures;`);
}
