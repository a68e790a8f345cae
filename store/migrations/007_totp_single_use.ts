import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * TOTP codes are single-use: each agent's last accepted time step (RFC 6238 §5.2). A code is
 * accepted only when its step is greater, by a conditional update (handoff/agents/agents.ts
 * `claimTotpStep`), so a code seen over a shoulder or replayed in parallel is refused. Null until
 * the first code is accepted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, `alter table agents add column totp_last_step bigint;`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `alter table agents drop column totp_last_step;`);
}
