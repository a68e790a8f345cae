import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * A phone number or e-mail address a resident typed (in web chat, or any channel that does not
 * vouch for it) is a claim on their contact, never an identity: agents see it as unverified until
 * a one-time code texted to the number comes back (store/contacts.ts). The code is kept only as a
 * salted hash, with its expiry, attempts and use; `code_requested_at` without `code_sent_at` is a
 * text still to send (a sweep picks up one a stopped process left).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table contact_claims (
      id text primary key,
      tenant_id text not null,
      contact_id text not null references contacts(id) on delete cascade,
      kind text not null,
      value text not null,
      created_at timestamptz not null default now(),
      verified_at timestamptz,
      code_requested_at timestamptz,
      code_sent_at timestamptz,
      code_expires_at timestamptz,
      code_salt text,
      code_hash text,
      code_attempts integer not null default 0,
      code_used_at timestamptz,
      unique (tenant_id, contact_id, kind, value)
    );
    create index contact_claims_value on contact_claims (tenant_id, kind, value);
    create index contact_claims_unsent on contact_claims (code_requested_at) where code_sent_at is null and code_requested_at is not null;
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table contact_claims;`);
}
