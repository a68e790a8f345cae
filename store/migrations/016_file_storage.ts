import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Files residents send are kept in a file storage (files/: a folder in DATA_DIR, or an S3-compatible
 * bucket), no longer in the database: a media_files row keeps what the file is (type, size, checksum,
 * name, why it was refused) and where its sealed bytes are (`storage`, `object_key`), the data key
 * they are sealed under (`key_id`, for rotate-keys; null when stored in clear, without a keyring) and
 * what metadata was taken out of it (`metadata_removed`). Rows written before keep `data` until the
 * start moves them (files/maintenance.ts).
 *
 * Whatever deletes a row (retention, erasure, a conversation's cascade) also queues its object in
 * `file_deletions`, by a trigger in the same transaction: the objects are deleted from the storage
 * by a sweep after the commit (a rolled-back delete queues nothing, and a crash loses no deletion).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    alter table media_files add column if not exists storage text;
    alter table media_files add column if not exists object_key text;
    alter table media_files add column if not exists key_id text;
    alter table media_files add column if not exists metadata_removed text;
    create table if not exists file_deletions (
      id bigserial primary key,
      tenant_id text not null,
      storage text not null,
      object_key text not null,
      created_at timestamptz not null default now()
    );
    create or replace function media_files_forget_object() returns trigger language plpgsql as $$ begin insert into file_deletions (tenant_id, storage, object_key) values (old.tenant_id, old.storage, old.object_key); return old; end $$;
    drop trigger if exists media_files_forget_object on media_files;
    create trigger media_files_forget_object after delete on media_files for each row when (old.object_key is not null and old.storage is not null) execute function media_files_forget_object();
  `,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(
    db,
    `
    drop trigger if exists media_files_forget_object on media_files;
    drop function if exists media_files_forget_object();
    drop table if exists file_deletions;
    alter table media_files drop column if exists metadata_removed;
    alter table media_files drop column if exists key_id;
    alter table media_files drop column if exists object_key;
    alter table media_files drop column if exists storage;
  `,
  );
}
