import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Languages (issue 17): the language a conversation is held in, the one a resident chose or wrote
 * in last (remembered on their contact for their next conversation), and a handoff's, so routing
 * can prefer agents who speak it. Null: not known yet (the council's default applies).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table conversations add column if not exists language text;
    alter table contacts add column if not exists language text;
    alter table handoffs add column if not exists language text;
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table handoffs drop column if exists language;
    alter table contacts drop column if exists language;
    alter table conversations drop column if exists language;
    `,
  );
}
