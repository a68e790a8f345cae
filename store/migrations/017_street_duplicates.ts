import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Duplicates on the street (issue 13, item 6). `case_reports`: a further report of a problem
 * already open, joined to its case instead of opening a second one (who reported it: their
 * conversation or contact; how: the assistant or an Open311 client; where and how far from the
 * case), so the back office gets one case with its linked reports. `details` (the place and the
 * answers given) is sealed (store/crypto.ts `case_reports.details`). The reporter's conversation
 * and contact are set null when those go (retention, erasure): the count and distances stay with
 * the case.
 *
 * `cases_nearby` serves the nearby lookup (store/case-links.ts `openCasesNear`): a bounding box on
 * lat/lng within one council's service; partial, so property-only cases without coordinates are
 * not in it. Each foreign key's own column leads an index (migration 012 says why).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists case_reports (
      id text primary key,
      tenant_id text not null references tenants(id),
      case_id text not null references cases(id) on delete cascade,
      via text not null,
      actor text not null,
      conversation_id text references conversations(id) on delete set null,
      contact_id text references contacts(id) on delete set null,
      distance_metres double precision,
      details jsonb,
      created_at timestamptz not null default now()
    );
    create index if not exists case_reports_case on case_reports (case_id, created_at);
    create index if not exists case_reports_conversation on case_reports (conversation_id) where conversation_id is not null;
    create index if not exists case_reports_contact on case_reports (contact_id) where contact_id is not null;
    create index if not exists cases_nearby on cases (tenant_id, service_id, lat, lng) where lat is not null and lng is not null;
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop index if exists cases_nearby; drop table if exists case_reports;`);
}
