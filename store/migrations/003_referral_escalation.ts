import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Escalation of duty referrals nobody acknowledges: each step is a referral row linked to the
 * chain's first (`escalation_of`, `step`); `due_at` is when an unacknowledged step escalates
 * (a periodic sweep finds it, so a lost delayed job is not fatal); `escalated_at` marks a step
 * already escalated (so two processes cannot both escalate it); the first row records, once,
 * what the resident was told afterwards and how the chain ended (`chain_end`; null while it runs or once acknowledged).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table referrals add column escalation_of text references referrals(id) on delete cascade;
    alter table referrals add column step integer not null default 0;
    alter table referrals add column target_kind text not null default 'rota' check (target_kind in ('rota', 'fallback'));
    alter table referrals add column target_name text;
    alter table referrals add column fallback_index integer;
    alter table referrals add column skills jsonb not null default '[]'::jsonb;
    alter table referrals add column details jsonb not null default '{}'::jsonb;
    alter table referrals add column due_at timestamptz;
    alter table referrals add column escalated_at timestamptz;
    alter table referrals add column acknowledged_by text;
    alter table referrals add column resident_alerted_at timestamptz;
    alter table referrals add column resident_unreachable_at timestamptz;
    alter table referrals add column chain_end text check (chain_end in ('exhausted', 'handoff_taken'));
    create index referrals_due on referrals (due_at) where escalated_at is null;
    create index referrals_chain on referrals (escalation_of);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop index referrals_chain; drop index referrals_due;
    alter table referrals drop column chain_end; alter table referrals drop column resident_unreachable_at; alter table referrals drop column resident_alerted_at;
    alter table referrals drop column acknowledged_by; alter table referrals drop column escalated_at; alter table referrals drop column due_at;
    alter table referrals drop column details; alter table referrals drop column skills; alter table referrals drop column fallback_index;
    alter table referrals drop column target_name; alter table referrals drop column target_kind; alter table referrals drop column step;
    alter table referrals drop column escalation_of;
  `,
  );
}
