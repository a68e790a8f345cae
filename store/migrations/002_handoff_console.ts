import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/** Agents' sign-in and presence, handoff lifecycle, canned responses, on-call rotas and duty referrals. */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table agents add column failed_logins integer not null default 0;
    alter table agents add column locked_until timestamptz;
    alter table agents add column totp_enabled boolean not null default false;
    alter table agents add column recovery_codes jsonb not null default '[]'::jsonb;
    alter table agents add column sessions_revoked_at timestamptz;
    alter table agents add column status text not null default 'away' check (status in ('available', 'busy', 'away'));
    alter table agents add column last_seen_at timestamptz;
    alter table agents add column disabled_at timestamptz;

    create table agent_sessions (
      id text primary key,
      tenant_id text not null references tenants(id),
      agent_id text not null references agents(id) on delete cascade,
      csrf_token text not null,
      stage text not null check (stage in ('password', 'totp_enrol', 'full')),
      created_at timestamptz not null default now(),
      last_used_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz
    );
    create index agent_sessions_agent on agent_sessions (tenant_id, agent_id);

    alter table handoffs add column offered_to text references agents(id);
    alter table handoffs add column offered_at timestamptz;
    alter table handoffs add column first_reply_at timestamptz;
    alter table handoffs add column abandoned_at timestamptz;
    alter table handoffs add column outcome text;
    alter table handoffs add column note text;
    alter table handoffs add column transferred_at timestamptz;
    create index handoffs_agent_open on handoffs (tenant_id, agent_id) where closed_at is null;

    create table canned_responses (
      id text primary key,
      tenant_id text not null references tenants(id),
      title text not null,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index canned_responses_tenant on canned_responses (tenant_id);

    create table rota_entries (
      id text primary key,
      tenant_id text not null references tenants(id),
      skill text not null,
      name text not null,
      channel text not null check (channel in ('sms', 'email')),
      destination text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      created_by text,
      created_at timestamptz not null default now(),
      check (ends_at > starts_at)
    );
    create index rota_entries_when on rota_entries (tenant_id, skill, starts_at, ends_at);

    create table referrals (
      id text primary key,
      tenant_id text not null references tenants(id),
      handoff_id text references handoffs(id) on delete set null,
      conversation_id text references conversations(id) on delete set null,
      rota_entry_id text references rota_entries(id) on delete set null,
      channel text not null,
      destination text not null,
      summary text not null,
      status text not null default 'pending',
      provider_id text,
      attempts integer not null default 0,
      ack_token_hash text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz,
      acknowledged_at timestamptz
    );
    create index referrals_tenant on referrals (tenant_id, created_at);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop table referrals; drop table rota_entries; drop table canned_responses; drop table agent_sessions;
    alter table handoffs drop column offered_to; alter table handoffs drop column offered_at;
    alter table handoffs drop column first_reply_at; alter table handoffs drop column abandoned_at;
    alter table handoffs drop column outcome; alter table handoffs drop column note; alter table handoffs drop column transferred_at;
    alter table agents drop column failed_logins; alter table agents drop column locked_until; alter table agents drop column totp_enabled;
    alter table agents drop column recovery_codes; alter table agents drop column sessions_revoked_at; alter table agents drop column status;
    alter table agents drop column last_seen_at; alter table agents drop column disabled_at;
  `,
  );
}
