import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The conversation lifecycle made explicit (conversations/lifecycle.ts):
 * - `handoffs.status`: `pending` (waiting, including after a transfer), `assigned` (an agent holds
 *   it), `resolved` (closed with any outcome: resolved, handed back, abandoned, resident ended...).
 *   Existing rows are backfilled from their timestamps; the store functions that create, accept,
 *   transfer and close a handoff keep it from then on.
 * - `conversation_events`: every change of a conversation's state, with its cause, who caused it,
 *   the handoff concerned and the notice the resident was given. Its own table rather than
 *   audit_events: the audit trail records what agents did (and is read as such), this is the
 *   conversation's history. Deleted with the conversation (retention).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table handoffs add column status text not null default 'pending' check (status in ('pending', 'assigned', 'resolved'));
    update handoffs set status = case when closed_at is not null then 'resolved' when accepted_at is not null then 'assigned' else 'pending' end;

    create table conversation_events (
      id bigserial primary key,
      tenant_id text not null references tenants(id),
      conversation_id text not null references conversations(id) on delete cascade,
      from_state text not null check (from_state in ('bot', 'queued', 'with_agent', 'closed')),
      to_state text not null check (to_state in ('bot', 'queued', 'with_agent', 'closed')),
      cause text not null,
      actor_type text not null check (actor_type in ('resident', 'agent', 'system')),
      actor_id text,
      handoff_id text references handoffs(id) on delete set null,
      notice_message_id bigint references messages(id) on delete set null,
      created_at timestamptz not null default now()
    );
    create index conversation_events_conversation on conversation_events (tenant_id, conversation_id, id);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop table conversation_events;
    alter table handoffs drop column status;
  `,
  );
}
