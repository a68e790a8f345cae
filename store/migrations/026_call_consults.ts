import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Warm transfer of a caller (issue 14, item 1). `agent_calls` learns the agent's own leg
 * (`agent_leg_sid`, the child call Twilio reports with ParentCallSid) and, once the call has moved
 * into a Twilio conference for a consultation, that conference's name and ConferenceSid.
 * `call_consults`: one row per consultation of a second agent while the caller is held in the
 * conference: who asked whom (a named agent, or a queue's next available agent, with those tried),
 * the second agent's leg (a conference participant's CallSid), its status (starting, ringing,
 * talking, completed, cancelled, failed, ended), the agent's note and times; deleted with the
 * conversation.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table agent_calls add column if not exists agent_leg_sid text;
    alter table agent_calls add column if not exists conference_name text;
    alter table agent_calls add column if not exists conference_sid text;
    alter table agent_calls add column if not exists seq bigint generated always as identity;
    create table if not exists call_consults (
      id text primary key,
      seq bigint generated always as identity,
      tenant_id text not null references tenants(id),
      conversation_id text not null references conversations(id) on delete cascade,
      agent_call_id text not null references agent_calls(id) on delete cascade,
      from_agent_id text not null references agents(id),
      to_agent_id text references agents(id),
      target_queue text,
      tried text not null default '',
      note text,
      status text not null,
      consultee_call_sid text,
      detail text,
      created_at timestamptz not null default now(),
      answered_at timestamptz,
      ended_at timestamptz,
      updated_at timestamptz not null default now()
    );
    create index if not exists call_consults_call on call_consults (tenant_id, agent_call_id, created_at);
    create index if not exists agent_calls_agent_leg on agent_calls (agent_leg_sid);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop table if exists call_consults;
    alter table agent_calls drop column if exists seq;
    alter table agent_calls drop column if exists conference_sid;
    alter table agent_calls drop column if exists conference_name;
    alter table agent_calls drop column if exists agent_leg_sid;
  `,
  );
}
