import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * One resident across channels, and a fast look-up of an identity's latest conversation:
 * - `conversations_identity` serves store/conversations.ts `latestConversationFor`, read under the
 *   identity's advisory lock for every inbound SMS and call (so the lock is held briefly).
 * - Every number an SMS, voice or WhatsApp identity already holds (in E.164) gets its `phone`
 *   identity, pointing at the contact of its SMS identity if it has one (an opt-out lives there),
 *   else its oldest; the other channels' identities and conversations of that number follow it, so
 *   a resident who both texted and called before this migration becomes one contact.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create index conversations_identity on conversations (tenant_id, channel, channel_user_id, created_at desc);

    insert into contact_identities (tenant_id, channel, channel_user_id, contact_id, created_at)
      select distinct on (tenant_id, channel_user_id) tenant_id, 'phone', channel_user_id, contact_id, created_at
      from contact_identities
      where channel in ('sms', 'voice', 'whatsapp') and channel_user_id ~ '^[+][1-9][0-9]{6,14}$'
      order by tenant_id, channel_user_id, (channel = 'sms') desc, created_at
      on conflict do nothing;

    update conversations c set contact_id = p.contact_id
      from contact_identities i
      join contact_identities p on p.tenant_id = i.tenant_id and p.channel = 'phone' and p.channel_user_id = i.channel_user_id
      where i.channel in ('sms', 'voice', 'whatsapp') and i.contact_id <> p.contact_id
        and c.tenant_id = i.tenant_id and c.channel = i.channel and c.channel_user_id = i.channel_user_id;

    update contact_identities i set contact_id = p.contact_id
      from contact_identities p
      where p.tenant_id = i.tenant_id and p.channel = 'phone' and p.channel_user_id = i.channel_user_id
        and i.channel in ('sms', 'voice', 'whatsapp') and i.contact_id <> p.contact_id;
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    delete from contact_identities where channel = 'phone';
    drop index conversations_identity;
  `,
  );
}
