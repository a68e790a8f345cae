import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Room for a conversation's next version on its own page (issue 11): every turn rewrites its
 * conversation's row (the dialogue, `last_message_at`), and with no indexed column changed
 * (store/turns.ts leaves `updated_at` alone most turns) that is a HOT update, with no new index
 * entries, only when the page has space for it. New pages are filled to 80%; pages already full
 * gain the room as rows move off them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `alter table conversations set (fillfactor = 80);`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `alter table conversations reset (fillfactor);`);
}
