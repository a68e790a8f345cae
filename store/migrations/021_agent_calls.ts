import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Answering callers from the console (issue 14, item 1). `agent_call_settings`: how an agent takes
 * a bridged caller (their browser's Voice client, or their desk phone, whose number is sealed).
 * `agent_calls`: one row per bridge of a queued caller to an agent: the caller's CallSid, the leg
 * dialled (client or phone), its status (bridging, connected, held, transferring, ended, no_answer,
 * failed) and its times; the console shows status and duration from it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists agent_call_settings (
      id text primary key,
      tenant_id text not null references tenants(id),
      agent_id text not null references agents(id) on delete cascade,
      bridge text not null default 'client',
      desk_phone text,
      updated_at timestamptz not null default now(),
      unique (tenant_id, agent_id)
    );
    create table if not exists agent_calls (
      id text primary key,
      tenant_id text not null references tenants(id),
      conversation_id text not null references conversations(id) on delete cascade,
      handoff_id text not null,
      agent_id text not null references agents(id),
      call_sid text not null,
      target text not null,
      status text not null,
      detail text,
      created_at timestamptz not null default now(),
      answered_at timestamptz,
      ended_at timestamptz,
      updated_at timestamptz not null default now()
    );
    create index if not exists agent_calls_conversation on agent_calls (tenant_id, conversation_id, created_at);
    create index if not exists agent_calls_call on agent_calls (call_sid, created_at);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists agent_calls; drop table if exists agent_call_settings;`);
}
