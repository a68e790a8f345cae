import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Call recordings (issue 14, item 3): one row per Twilio recording, written by its recording
 * status callback (`in-progress`, `completed`, `absent`), kept with the call's conversation.
 * The audio stays in the council's Twilio account and is only ever fetched through our server.
 *
 * `conversation_id` has no cascade: when retention or erasure removes the conversation, the row is
 * marked (`delete_requested_at`, the link cleared) and kept until Twilio confirms the recording is
 * gone (a 404 counts as gone), so a failed delete at Twilio is retried, never forgotten.
 * Nothing personal is held: ids, status, duration, channels and times.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists call_recordings (
      id text primary key,
      tenant_id text not null references tenants(id),
      recording_sid text not null unique,
      call_sid text not null,
      conversation_id text references conversations(id) on delete set null,
      status text not null check (status in ('in-progress', 'completed', 'absent', 'failed')),
      duration_seconds integer,
      channels integer,
      started_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      delete_requested_at timestamptz,
      delete_attempts integer not null default 0,
      delete_error text
    );
    create index if not exists call_recordings_conversation on call_recordings (conversation_id);
    create index if not exists call_recordings_to_delete on call_recordings (delete_requested_at) where delete_requested_at is not null;
    create index if not exists call_recordings_call on call_recordings (call_sid);
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists call_recordings;`);
}
