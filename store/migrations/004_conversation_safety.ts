import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The resident's messages that carry a safety recognition, per conversation: the queue listing
 * reads each waiting conversation's highest safety flag (store/safety-flags.ts) through it, so
 * the flag sticks to the conversation without scanning every message of it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create index messages_safety on messages (tenant_id, conversation_id, id)
      where jsonb_typeof(recognition->'safety') = 'object';
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop index messages_safety;`);
}
