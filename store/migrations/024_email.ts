import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The e-mail channel (issue 15): who writes in, the mail threads, and every Message-Id seen or sent.
 *
 * - `email_senders`: one row per council and address. The address is personal data: sealed in
 *   `address_sealed`, looked up by `address_key` (its blind index under each data key; the
 *   lower-cased address itself when no keyring is set, as every sealed field is then in clear).
 *   The resident's id on the channel (conversations.channel_user_id) is this row's opaque id, so
 *   the address is never in a conversation's row. It follows its contact (`contact_id`): erased or
 *   purged with them.
 * - `email_threads`: per conversation, the council address it was written to, its subject (sealed)
 *   and the last inbound Message-Id and References, for a reply's threading headers.
 * - `email_messages`: every Message-Id in (messages, auto-replies, bounces, bulk, rate-limited) and
 *   out (the ids we send): a repeat is processed once, a reply's In-Reply-To/References find its
 *   conversation, and mail that is never answered is still recorded (its kind and why, no content).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists email_senders (
      id text primary key,
      tenant_id text not null references tenants(id),
      address_key text not null,
      address_sealed text not null,
      contact_id text references contacts(id) on delete cascade,
      created_at timestamptz not null default now(),
      unique (tenant_id, address_key)
    );
    create table if not exists email_threads (
      conversation_id text primary key references conversations(id) on delete cascade,
      tenant_id text not null references tenants(id),
      council_address text not null,
      subject text not null,
      last_message_id text,
      refs text not null default '',
      updated_at timestamptz not null default now()
    );
    create table if not exists email_messages (
      id text primary key,
      tenant_id text not null references tenants(id),
      direction text not null check (direction in ('in', 'out')),
      message_id text not null,
      kind text not null check (kind in ('message', 'auto_reply', 'bounce', 'bulk', 'rate_limited', 'refused', 'reply')),
      reason text,
      sender_id text references email_senders(id) on delete set null,
      conversation_id text references conversations(id) on delete cascade,
      outbound_message_id text,
      created_at timestamptz not null default now(),
      unique (tenant_id, direction, message_id)
    );
    create index if not exists email_messages_sender on email_messages (tenant_id, sender_id, created_at);
    create index if not exists email_messages_conversation on email_messages (conversation_id);
    `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists email_messages; drop table if exists email_threads; drop table if exists email_senders;`);
}
