import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Indexes so that every statement a turn, a webhook, the console and the retention purge issue
 * reads through an index as history grows (issue 11; store/query-plans.test.ts EXPLAINs them over
 * 100,000 conversations). Plain `create index`: migrations run in a transaction, where `create index
 * concurrently` cannot.
 *
 * A foreign key's own column leads its index: PostgreSQL checks a deleted row's references
 * (`where reply_to = $1`, `where conversation_id = $1`...) without the tenant, so an index led by
 * tenant_id cannot serve the check, and a retention purge of a few conversations scanned every
 * message once per deleted row (29.5 s at 1,000,000 messages). Ids are globally unique, so such an
 * index serves the store's own `tenant_id = $1 and conversation_id = $2` reads as well (the tenant
 * is then a filter on the conversation's few rows) and replaces the tenant-led one: an insert
 * maintains no more indexes than before. The outbox index gains the channel (store/outbox.ts reads
 * one channel's unsent messages; web chat's replies stay `stored` for good). Nothing indexes a column
 * a turn updates on its conversation (last_message_at, dialogue), so that update stays HOT.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create index if not exists messages_reply_to on messages (reply_to) where reply_to is not null;
    create index if not exists messages_by_conversation on messages (conversation_id, id);
    drop index if exists messages_conversation;
    create index if not exists messages_outbox_channel on messages (tenant_id, channel, id)
      where direction = 'out' and status in ('stored', 'fault', 'send_retry', 'dispatching');
    drop index if exists messages_outbox;

    create index if not exists conversations_by_contact on conversations (contact_id, created_at) where contact_id is not null;
    drop index if exists conversations_contact;

    create index if not exists contact_identities_contact on contact_identities (contact_id);
    create index if not exists contact_claims_contact on contact_claims (contact_id);

    create index if not exists handoffs_conversation on handoffs (conversation_id, created_at);
    create index if not exists handoffs_accepted on handoffs (tenant_id, accepted_at) where accepted_at is not null;
    create index if not exists handoffs_abandoned on handoffs (tenant_id, abandoned_at) where abandoned_at is not null and accepted_at is null;

    create index if not exists cases_conversation on cases (conversation_id, created_at) where conversation_id is not null;
    create index if not exists cases_contact on cases (contact_id, created_at) where contact_id is not null;
    create index if not exists cases_closed on cases (tenant_id, updated_at) where status in ('resolved', 'closed');

    create index if not exists conversation_events_by_conversation on conversation_events (conversation_id, id);
    drop index if exists conversation_events_conversation;
    create index if not exists case_status_history_by_case on case_status_history (case_id, id);
    drop index if exists case_status_history_case;
    create index if not exists conversation_events_handoff on conversation_events (handoff_id) where handoff_id is not null;
    create index if not exists conversation_events_notice on conversation_events (notice_message_id) where notice_message_id is not null;
    create index if not exists feedback_conversation on feedback (conversation_id) where conversation_id is not null;
    create index if not exists referrals_conversation on referrals (conversation_id) where conversation_id is not null;
    create index if not exists referrals_handoff on referrals (handoff_id) where handoff_id is not null;
    create index if not exists audit_events_created on audit_events (tenant_id, created_at);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  // One statement a line: the splitter (run-statements.ts) cuts at a semicolon that ends a line.
  await runStatements(
    db,
    `
    create index if not exists messages_conversation on messages (tenant_id, conversation_id, id);
    create index if not exists messages_outbox on messages (tenant_id, id)
      where direction = 'out' and status in ('stored', 'fault', 'send_retry', 'dispatching');
    create index if not exists conversations_contact on conversations (tenant_id, contact_id);
    create index if not exists conversation_events_conversation on conversation_events (tenant_id, conversation_id, id);
    create index if not exists case_status_history_case on case_status_history (tenant_id, case_id, id);
    drop index if exists messages_reply_to;
    drop index if exists messages_by_conversation;
    drop index if exists messages_outbox_channel;
    drop index if exists conversations_by_contact;
    drop index if exists contact_identities_contact;
    drop index if exists contact_claims_contact;
    drop index if exists handoffs_conversation;
    drop index if exists handoffs_accepted;
    drop index if exists handoffs_abandoned;
    drop index if exists cases_conversation;
    drop index if exists cases_contact;
    drop index if exists cases_closed;
    drop index if exists conversation_events_by_conversation;
    drop index if exists case_status_history_by_case;
    drop index if exists conversation_events_handoff;
    drop index if exists conversation_events_notice;
    drop index if exists feedback_conversation;
    drop index if exists referrals_conversation;
    drop index if exists referrals_handoff;
    drop index if exists audit_events_created;
  `,
  );
}
