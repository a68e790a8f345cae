import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Satisfaction (issue 16, item 4): one row per conversation asked "How did we do?" (good, okay,
 * poor, and an optional comment). The row is written when the question is asked, so it is asked
 * once per conversation (`conversation_id` unique), and its `stage` says what the resident's next
 * message means: `rating` (a 1, 2 or 3 is the answer), `comment` (an optional comment), `done`,
 * or `lapsed` (ignored: never asked again). Channel, service and agent are copied in when asked,
 * so the figures outlive the conversation (its link and the contact's are cleared when it goes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists satisfaction_responses (
      id text primary key,
      tenant_id text not null references tenants(id),
      conversation_id text unique references conversations(id) on delete set null,
      contact_id text references contacts(id) on delete set null,
      channel text not null,
      service text not null default '',
      agent_id text not null default '',
      stage text not null check (stage in ('rating', 'comment', 'done', 'lapsed')),
      score text check (score in ('good', 'okay', 'poor')),
      comment text,
      asked_at timestamptz not null,
      answered_at timestamptz
    );
    create index if not exists satisfaction_answered on satisfaction_responses (tenant_id, answered_at) where score is not null;
    create index if not exists satisfaction_pending on satisfaction_responses (tenant_id, contact_id, channel) where stage in ('rating', 'comment');
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists satisfaction_responses;`);
}
