import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Call-backs as work (issue 14, item 2).
 *
 * `callbacks`: one row per call-back a resident asked for: the conversation it came from (deleted
 * with it by retention, so the sealed number never outlives its conversation), the contact, the
 * number to call (`phone`, sealed: store/crypto.ts 'callbacks.phone'), why (`reason`, `service_id`,
 * `queue_id` for need-to-know), whether it answers a complaint (`kind`: its own 60-minute target),
 * the slot chosen (`slot_at`, null for a complaint) and when it is due (`due_at`: the slot, or a
 * missed call's retry time). `status`: pending, calling, completed, missed (briefly, before the retry
 * is re-queued as pending), cancelled, failed (attempts used up); `attempts` counts calls placed;
 * `call_sid` the agent leg being placed; `overdue_alerted_at` makes the supervisors' alert once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists callbacks (
      id text primary key,
      tenant_id text not null references tenants(id),
      conversation_id text not null references conversations(id) on delete cascade,
      contact_id text references contacts(id) on delete set null,
      phone text not null,
      reason text not null,
      service_id text,
      queue_id text not null,
      kind text not null check (kind in ('complaint', 'standard')),
      slot_at timestamptz,
      due_at timestamptz not null,
      status text not null check (status in ('pending', 'calling', 'completed', 'missed', 'cancelled', 'failed')),
      attempts integer not null default 0,
      max_attempts integer not null,
      retry_after_minutes integer not null,
      outcome text,
      last_call_status text,
      agent_id text references agents(id) on delete set null,
      call_sid text,
      overdue_alerted_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index if not exists callbacks_due on callbacks (tenant_id, status, due_at);
    create index if not exists callbacks_slot on callbacks (tenant_id, slot_at) where status in ('pending', 'calling');
    create index if not exists callbacks_conversation on callbacks (conversation_id);
    create index if not exists callbacks_contact on callbacks (contact_id);
    create index if not exists callbacks_agent on callbacks (agent_id);
    create unique index if not exists callbacks_call_sid on callbacks (call_sid) where call_sid is not null;
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists callbacks;`);
}
