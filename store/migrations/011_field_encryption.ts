import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Field encryption at rest (store/crypto.ts): sealed values live in the existing text and jsonb
 * columns, so rows written before stay readable and no data moves here. Contacts gain blind
 * indexes (HMAC of the normalised phone and e-mail) so a lookup by either finds its contact
 * without the value being stored in clear, and so do claims (one claim per contact, kind and value,
 * as the clear value's unique constraint did). A phone channel's id for a resident (conversations and
 * contact_identities.channel_user_id) becomes its blind index, the key every lookup and join uses,
 * with the number itself sealed beside it (channel_user_sealed). `npm run rotate-keys` brings older
 * rows under the current key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table contacts add column phone_index text;
    alter table contacts add column email_index text;
    create index contacts_phone_index on contacts (tenant_id, phone_index) where phone_index is not null;
    create index contacts_email_index on contacts (tenant_id, email_index) where email_index is not null;
    alter table contact_claims add column value_index text;
    alter table contact_identities add column channel_user_sealed text;
    alter table conversations add column channel_user_sealed text;
    create unique index contact_claims_value_index on contact_claims (tenant_id, contact_id, kind, value_index) where value_index is not null;
    create index contact_claims_by_value_index on contact_claims (tenant_id, kind, value_index) where value_index is not null;
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `alter table contacts drop column phone_index; alter table contacts drop column email_index; alter table contact_claims drop column value_index;
    alter table contact_identities drop column channel_user_sealed; alter table conversations drop column channel_user_sealed;`);
}
