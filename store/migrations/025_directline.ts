import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Microsoft's Direct Line 3.0 (channels/directline/): one row per Direct Line conversation (the
 * assistant's conversation of channel `directline`, whose id is the Direct Line conversationId) and
 * one row per activity a client can read, numbered in the order it became readable. The number is
 * the watermark: a client that read up to 7 asks for what is after 7, and a number is taken under
 * the conversation's row lock in the transaction that makes the activity readable, so numbers
 * commit in order and none is skipped by a reader. The activities' words stay in `messages` (sealed
 * there); these rows hold ids and numbers only, and go with their messages and conversations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists directline_conversations (
      conversation_id text primary key references conversations(id) on delete cascade,
      tenant_id text not null references tenants(id),
      last_seq integer not null default 0,
      started_at timestamptz,
      created_at timestamptz not null default now()
    );
    create table if not exists directline_activities (
      conversation_id text not null references directline_conversations(conversation_id) on delete cascade,
      seq integer not null,
      message_id bigint not null unique references messages(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (conversation_id, seq)
    );
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists directline_activities; drop table if exists directline_conversations;`);
}
