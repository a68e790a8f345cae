import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Residents told when their case moves (issue 13, item 4).
 *
 * `case_subscriptions`: a resident's answer to "shall I tell you when it moves?" for one case:
 * the case, who (contact) and where they asked (conversation), how they will be told (`channel`:
 * webchat, sms, whatsapp or email; `target`: their conversation, a caller's own number, or the
 * number or e-mail on their contact), when, and the words they agreed to (`consent_text`, never a
 * personal detail: the address or number is read from the contact or conversation when a message
 * goes). `status`: active, declined or stopped ("stop updates"). One row per case and conversation.
 *
 * `case_update_deliveries`: one row per (status event, subscription), unique, written in the
 * transaction that moves the 'resident-updates' cursor past the event, so a crash neither loses a
 * message nor makes a second. `due_at` holds one back until the council's quiet hours end;
 * `message_id` is the outbound message it became (web chat, SMS, WhatsApp: the channels' outbox
 * sends it); an e-mail is claimed (`sending`, `claimed_at`) and settled with Notify's id.
 *
 * Each foreign key's own column leads an index (migration 012 says why).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists case_subscriptions (
      id text primary key,
      tenant_id text not null references tenants(id),
      case_id text not null references cases(id) on delete cascade,
      contact_id text references contacts(id) on delete cascade,
      conversation_id text references conversations(id) on delete set null,
      channel text not null check (channel in ('webchat', 'sms', 'whatsapp', 'email')),
      target text not null check (target in ('conversation', 'contact')),
      status text not null check (status in ('active', 'declined', 'stopped')),
      consent_text text not null,
      consented_at timestamptz not null,
      -- When the yes was recorded, by the database's clock (the case events' own): an earlier event is not theirs to hear.
      active_since timestamptz not null default now(),
      stopped_at timestamptz,
      created_at timestamptz not null default now()
    );
    create unique index if not exists case_subscriptions_case_conversation on case_subscriptions (case_id, conversation_id);
    create index if not exists case_subscriptions_active on case_subscriptions (tenant_id, case_id) where status = 'active';
    create index if not exists case_subscriptions_contact on case_subscriptions (contact_id) where contact_id is not null;
    create index if not exists case_subscriptions_conversation on case_subscriptions (conversation_id) where conversation_id is not null;
    create table if not exists case_update_deliveries (
      id text primary key,
      tenant_id text not null references tenants(id),
      event_id bigint not null references case_events(id) on delete cascade,
      subscription_id text not null references case_subscriptions(id) on delete cascade,
      channel text not null,
      status text not null check (status in ('pending', 'stored', 'queued', 'sending', 'retry', 'sent', 'failed', 'skipped')),
      due_at timestamptz not null,
      message_id bigint references messages(id) on delete set null,
      provider_id text,
      attempts integer not null default 0,
      claimed_at timestamptz,
      error text,
      created_at timestamptz not null default now(),
      settled_at timestamptz,
      unique (event_id, subscription_id)
    );
    create index if not exists case_update_deliveries_subscription on case_update_deliveries (subscription_id);
    create index if not exists case_update_deliveries_message on case_update_deliveries (message_id) where message_id is not null;
    create index if not exists case_update_deliveries_waiting on case_update_deliveries (tenant_id, due_at) where status in ('pending', 'queued', 'sending', 'retry');
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists case_update_deliveries; drop table if exists case_subscriptions;`);
}
