import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/** The first schema: every record carries its tenant, and every lookup key starts with it. */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table tenants (
      id text primary key,
      name text not null,
      settings jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now()
    );

    create table contacts (
      id text primary key,
      tenant_id text not null references tenants(id),
      display_name text,
      email text,
      phone text,
      flags jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index contacts_tenant on contacts (tenant_id);

    create table contact_identities (
      tenant_id text not null references tenants(id),
      channel text not null,
      channel_user_id text not null,
      contact_id text not null references contacts(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (tenant_id, channel, channel_user_id)
    );

    create table conversations (
      id text primary key,
      tenant_id text not null references tenants(id),
      contact_id text references contacts(id),
      channel text not null,
      channel_user_id text not null,
      state text not null default 'bot' check (state in ('bot', 'queued', 'with_agent', 'closed')),
      token_hash text,
      dialogue jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_message_at timestamptz,
      closed_at timestamptz
    );
    create index conversations_tenant_state on conversations (tenant_id, state);
    create index conversations_contact on conversations (tenant_id, contact_id);

    create table messages (
      id bigserial primary key,
      tenant_id text not null references tenants(id),
      conversation_id text not null references conversations(id) on delete cascade,
      channel text not null,
      direction text not null check (direction in ('in', 'out')),
      author text not null check (author in ('resident', 'bot', 'agent', 'system')),
      provider_message_id text,
      text text not null,
      parts jsonb,
      recognition jsonb,
      status text not null default 'received',
      reply_to bigint references messages(id),
      processed_at timestamptz,
      created_at timestamptz not null default now()
    );
    create unique index messages_provider_id on messages (tenant_id, channel, provider_message_id)
      where provider_message_id is not null;
    create index messages_conversation on messages (tenant_id, conversation_id, id);
    create index messages_unprocessed on messages (conversation_id, id)
      where direction = 'in' and processed_at is null;

    create table cases (
      id text primary key,
      tenant_id text not null references tenants(id),
      reference text not null,
      service_id text not null,
      status text not null,
      summary text not null,
      details jsonb not null default '{}'::jsonb,
      location jsonb,
      uprn text,
      usrn text,
      lat double precision,
      lng double precision,
      team text,
      target_date date,
      contact_id text references contacts(id),
      conversation_id text references conversations(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index cases_reference on cases (tenant_id, reference);
    create index cases_uprn on cases (tenant_id, service_id, uprn);

    create table case_status_history (
      id bigserial primary key,
      tenant_id text not null references tenants(id),
      case_id text not null references cases(id) on delete cascade,
      status text not null,
      note text,
      actor text not null,
      created_at timestamptz not null default now()
    );
    create index case_status_history_case on case_status_history (tenant_id, case_id, id);

    create table agents (
      id text primary key,
      tenant_id text not null references tenants(id),
      email text not null,
      name text not null,
      roles jsonb not null default '["agent"]'::jsonb,
      skills jsonb not null default '[]'::jsonb,
      capacity integer not null default 3,
      password_hash text,
      totp_secret text,
      created_at timestamptz not null default now()
    );
    create unique index agents_email on agents (tenant_id, email);

    create table handoffs (
      id text primary key,
      tenant_id text not null references tenants(id),
      conversation_id text not null references conversations(id) on delete cascade,
      reason text not null,
      priority text not null check (priority in ('urgent', 'high', 'normal')),
      queue text not null,
      summary text not null,
      context jsonb not null default '{}'::jsonb,
      agent_id text references agents(id),
      created_at timestamptz not null default now(),
      accepted_at timestamptz,
      closed_at timestamptz
    );
    create index handoffs_open on handoffs (tenant_id, queue, priority, created_at) where closed_at is null;

    create table articles (
      tenant_id text not null references tenants(id),
      id text not null,
      service_id text not null,
      title text not null,
      url text not null,
      summary text not null,
      body text not null,
      keywords jsonb not null default '[]'::jsonb,
      questions jsonb not null default '[]'::jsonb,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    );

    create table feedback (
      id bigserial primary key,
      tenant_id text not null references tenants(id),
      conversation_id text references conversations(id) on delete cascade,
      article_id text not null,
      useful boolean not null,
      query text,
      created_at timestamptz not null default now()
    );
    create index feedback_article on feedback (tenant_id, article_id);

    create table audit_events (
      id bigserial primary key,
      tenant_id text not null references tenants(id),
      actor_type text not null,
      actor_id text,
      action text not null,
      subject_type text not null,
      subject_id text,
      detail jsonb,
      created_at timestamptz not null default now()
    );
    create index audit_events_subject on audit_events (tenant_id, subject_type, subject_id);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop table audit_events; drop table feedback; drop table articles; drop table handoffs;
    drop table agents; drop table case_status_history; drop table cases; drop table messages;
    drop table conversations; drop table contact_identities; drop table contacts; drop table tenants;
  `,
  );
}
