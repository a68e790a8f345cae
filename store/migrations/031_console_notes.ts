import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The console's daily work (issue 16, item 7):
 * - canned responses per skill (`skill` null: the whole council), edited and removed in the console;
 *   a removed one is kept marked (`deleted_at`) so the demo set is never seeded over it again;
 * - private notes between agents on a conversation, in their own table so no channel's sender
 *   (which all read `messages`) can ever pick one up; removed with their conversation;
 * - what each agent has read of each conversation (the last message id), for unread counts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table canned_responses add column if not exists skill text;
    alter table canned_responses add column if not exists updated_at timestamptz;
    alter table canned_responses add column if not exists deleted_at timestamptz;

    create table if not exists conversation_notes (
      id text primary key,
      tenant_id text not null references tenants(id),
      conversation_id text not null references conversations(id) on delete cascade,
      agent_id text not null,
      agent_name text not null,
      text text not null,
      created_at timestamptz not null default now()
    );
    create index if not exists conversation_notes_conversation on conversation_notes (conversation_id, created_at);

    create table if not exists conversation_reads (
      tenant_id text not null references tenants(id),
      agent_id text not null,
      conversation_id text not null references conversations(id) on delete cascade,
      last_message_id bigint not null,
      updated_at timestamptz not null default now(),
      primary key (agent_id, conversation_id)
    );
    create index if not exists conversation_reads_conversation on conversation_reads (conversation_id);
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop table if exists conversation_reads;
    drop table if exists conversation_notes;
    alter table canned_responses drop column if exists deleted_at;
    alter table canned_responses drop column if exists updated_at;
    alter table canned_responses drop column if exists skill;
    `,
  );
}
