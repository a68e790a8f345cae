import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Files residents send (a WhatsApp photo, PDF or voice note), fetched from the provider once and
 * kept here, because the provider's copy expires (WhatsApp: media ids last 30 days, download URLs
 * 5 minutes). `data` is the file in base64, sealed like a message's parts (store/meta.ts). A file
 * that failed its checks keeps a row without data and the reason, so an agent sees why. Deleted
 * with its conversation (retention, erasure); its foreign-key column leads its index (see 012).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    create table if not exists media_files (
      id text primary key,
      tenant_id text not null references tenants(id),
      conversation_id text not null references conversations(id) on delete cascade,
      message_id bigint,
      channel text not null,
      provider_media_id text,
      status text not null,
      reason text,
      content_type text not null,
      size_bytes integer,
      sha256 text,
      name text,
      data text,
      created_at timestamptz not null default now()
    );
    create index if not exists media_files_conversation on media_files (conversation_id, created_at);
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, `drop table if exists media_files;`);
}
