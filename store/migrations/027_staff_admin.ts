import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Staff administration and single sign-on (issue 16, items 1 and 2).
 *
 * - `agents.languages`: the languages an adviser works in, set by an admin (shown in the console).
 * - `agents.sso_subject`: the identity provider's issuer and subject (`<iss> <sub>`) once the
 *   account has signed in with OpenID Connect; unique per council, so one provider identity is
 *   one account.
 * - `staff_invites`: one-time invitation links. Only the token's SHA-256 is stored; a link expires,
 *   works once, and a newer invitation (or disabling the account) revokes older ones.
 * - `sso_logins`: a sign-in started at the identity provider, keyed by the SHA-256 of its `state`,
 *   holding the PKCE verifier and the nonce until the provider sends the browser back (ten minutes
 *   at most); deleted when used (single use) or when it expires. The verifier alone is no use
 *   without the authorisation code, which only the browser receives.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table agents add column if not exists languages jsonb not null default '[]'::jsonb;
    alter table agents add column if not exists sso_subject text;
    create unique index if not exists agents_sso_subject on agents (tenant_id, sso_subject) where sso_subject is not null;
    create table if not exists staff_invites (
      id text primary key,
      tenant_id text not null references tenants(id),
      agent_id text not null references agents(id) on delete cascade,
      token_hash text not null unique,
      created_by text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz
    );
    create index if not exists staff_invites_agent on staff_invites (agent_id);
    create table if not exists sso_logins (
      state_hash text primary key,
      tenant_id text not null references tenants(id),
      code_verifier text not null,
      nonce text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index if not exists sso_logins_expiry on sso_logins (expires_at);
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop table if exists sso_logins;
    drop table if exists staff_invites;
    drop index if exists agents_sso_subject;
    alter table agents drop column if exists sso_subject;
    alter table agents drop column if exists languages;
    `,
  );
}
