import { sql } from 'kysely';
import { identityColumns, PHONE_IDENTITY, PHONE_VOUCHED_CHANNELS, toE164 } from './conversations.js';
import { blindIndex, currentKeyring, reseal, sealing, sealJson, unseal, unsealJson, type BlindIndexKind, type EncryptedField } from './crypto.js';
import { fromJson, toJson } from './json.js';
import { openRecognition, sealRecognition } from './messages.js';
import type { Db } from './schema.js';

/**
 * Key rotation (`npm run rotate-keys`): every value of an encrypted field not under the current key
 * (an older key, or clear text written before encryption) is sealed under it, and every contact's
 * blind indexes are recomputed under it. Batches keyed by id; each row is updated only if its
 * value is still the one read (a concurrent write wins). Run twice, the second run changes nothing.
 * Files residents sent (media_files, migration 013: a name and the file itself, sealed like a
 * message's parts) are resealed too, one file at a time (a file may be 10 MB). Afterwards the older
 * keys can be removed from DATA_KEYS.
 */

const TEXT_FIELDS: { table: string; column: string; field: EncryptedField }[] = [
  { table: 'agents', column: 'totp_secret', field: 'agents.totp_secret' },
  { table: 'messages', column: 'text', field: 'messages.text' },
  { table: 'contacts', column: 'phone', field: 'contacts.phone' },
  { table: 'contacts', column: 'email', field: 'contacts.email' },
  { table: 'cases', column: 'summary', field: 'cases.summary' },
  { table: 'referrals', column: 'summary', field: 'referrals.summary' },
  { table: 'referrals', column: 'destination', field: 'referrals.destination' },
  { table: 'rota_entries', column: 'destination', field: 'rota_entries.destination' },
  { table: 'contact_claims', column: 'value', field: 'contact_claims.value' },
  { table: 'handoffs', column: 'summary', field: 'handoffs.summary' },
  { table: 'feedback', column: 'query', field: 'feedback.query' },
  { table: 'satisfaction_responses', column: 'comment', field: 'satisfaction_responses.comment' },
  { table: 'handoffs', column: 'note', field: 'handoffs.note' },
  { table: 'case_status_history', column: 'note', field: 'case_status_history.note' },
  { table: 'backoffice_webhooks', column: 'secret', field: 'backoffice_webhooks.secret' },
  { table: 'callbacks', column: 'phone', field: 'callbacks.phone' },
  { table: 'callbacks', column: 'outcome', field: 'callbacks.outcome' },
  { table: 'agent_call_settings', column: 'desk_phone', field: 'agent_call_settings.desk_phone' },
];

const JSON_FIELDS: { table: string; column: string; field: EncryptedField }[] = [
  { table: 'cases', column: 'details', field: 'cases.details' },
  { table: 'cases', column: 'location', field: 'cases.location' },
  { table: 'referrals', column: 'details', field: 'referrals.details' },
  { table: 'conversations', column: 'dialogue', field: 'conversations.dialogue' },
  { table: 'messages', column: 'parts', field: 'messages.parts' },
  { table: 'handoffs', column: 'context', field: 'handoffs.context' },
  { table: 'audit_events', column: 'detail', field: 'audit_events.detail' },
  { table: 'case_events', column: 'data', field: 'case_events.data' },
  { table: 'case_reports', column: 'details', field: 'case_reports.details' },
];

const INDEXES: { column: 'phone_index' | 'email_index'; value: 'phone' | 'email'; kind: BlindIndexKind }[] = [
  { column: 'phone_index', value: 'phone', kind: 'phone' },
  { column: 'email_index', value: 'email', kind: 'email' },
];

/** Rows rewritten per field (and per blind index), e.g. `{ "messages.text": 120, "contacts.phone_index": 3 }`. */
export type RotationCounts = Record<string, number>;

/** Reads one batch after `after` (null: from the start), ordered by id. */
async function batch<T>(db: Db, table: string, where: ReturnType<typeof sql>, columns: ReturnType<typeof sql>, after: string | null, size: number): Promise<(T & { id: string })[]> {
  const from = after === null ? sql`true` : sql`id > ${after}`;
  const result = await sql<T & { id: string }>`select id::text as id, ${columns} from ${sql.table(table)} where ${where} and ${from} order by id limit ${size}`.execute(db);
  return result.rows;
}

/**
 * Brings every encrypted value and blind index under the current key. Ids are compared as the
 * column's type (bigint for messages), so batches walk each table once.
 */
export async function rotateSealedFields(db: Db, options: { batchSize?: number; onBatch?: (what: string, done: number) => void } = {}): Promise<RotationCounts> {
  const ring = currentKeyring();
  if (!ring) throw new Error('rotate-keys needs a keyring (DATA_KEYS, or the key file of the embedded default)');
  const size = options.batchSize ?? 500;
  const current = `enc:v1:${ring.current.id}:%`;
  const counts: RotationCounts = {};

  for (const f of TEXT_FIELDS) {
    counts[f.field] = 0;
    if (!sealing(f.field)) continue;
    const col = sql.ref(f.column);
    for (let after: string | null = null; ; ) {
      const rows: { id: string; v: string }[] = await batch<{ v: string }>(db, f.table, sql`${col} is not null and ${col} not like ${current}`, sql`${col} as v`, after, size);
      if (!rows.length) break;
      for (const r of rows) {
        const next = reseal(f.field, r.v);
        if (next === r.v) continue;
        const done = await sql`update ${sql.table(f.table)} set ${col} = ${next} where id = ${r.id} and ${col} = ${r.v}`.execute(db);
        counts[f.field] += Number(done.numAffectedRows ?? 0);
      }
      after = rows[rows.length - 1].id;
      options.onBatch?.(f.field, counts[f.field]);
    }
  }

  for (const f of JSON_FIELDS) {
    counts[f.field] = 0;
    if (!sealing(f.field)) continue;
    const col = sql.ref(f.column);
    // A sealed jsonb value is a JSON string; anything else is clear JSON written before encryption.
    const stale = sql`${col} is not null and ${col} <> 'null'::jsonb and not (jsonb_typeof(${col}) = 'string' and ${col} #>> '{}' like ${current})`;
    for (let after: string | null = null; ; ) {
      const rows: { id: string; v: unknown; raw: string }[] = await batch<{ v: unknown; raw: string }>(db, f.table, stale, sql`${col} as v, ${col}::text as raw`, after, size);
      if (!rows.length) break;
      for (const r of rows) {
        const next = sealJson(f.field, toJson(unsealJson(r.v)));
        const done = await sql`update ${sql.table(f.table)} set ${col} = ${next}::jsonb where id = ${r.id} and ${col}::text = ${r.raw}`.execute(db);
        counts[f.field] += Number(done.numAffectedRows ?? 0);
      }
      after = rows[rows.length - 1].id;
      options.onBatch?.(f.field, counts[f.field]);
    }
  }

  // A recognition's personal parts (entities, a linked number; the rest stays in clear for SQL): sealed under the current key.
  counts['messages.recognition.personal'] = 0;
  if (sealing('messages.recognition.personal')) {
    const stale = sql`recognition is not null and (
      (jsonb_typeof(recognition->'entities') = 'array' and jsonb_array_length(recognition->'entities') > 0)
      or (jsonb_typeof(recognition->'entities') = 'string' and recognition->>'entities' not like ${current})
      or jsonb_typeof(recognition->'contactLinked') = 'object'
      or (jsonb_typeof(recognition->'contactLinked') = 'string' and recognition->>'contactLinked' not like ${current}))`;
    for (let after: string | null = null; ; ) {
      const rows: { id: string; v: unknown; raw: string }[] = await batch<{ v: unknown; raw: string }>(db, 'messages', stale, sql`recognition as v, recognition::text as raw`, after, size);
      if (!rows.length) break;
      for (const r of rows) {
        const next = sealRecognition(openRecognition(fromJson<unknown>(r.v)));
        const done = await sql`update messages set recognition = ${next}::jsonb where id = ${r.id} and recognition::text = ${r.raw}`.execute(db);
        counts['messages.recognition.personal'] += Number(done.numAffectedRows ?? 0);
      }
      after = rows[rows.length - 1].id;
      options.onBatch?.('messages.recognition.personal', counts['messages.recognition.personal']);
    }
  }

  for (const ix of INDEXES) {
    const what = `contacts.${ix.column}`;
    counts[what] = 0;
    const col = sql.ref(ix.column);
    const value = sql.ref(ix.value);
    for (let after: string | null = null; ; ) {
      const rows: { id: string; v: string; ix: string | null }[] = await batch<{ v: string; ix: string | null }>(
        db,
        'contacts',
        sql`${value} is not null and (${col} is null or ${col} not like ${`${ring.current.id}:%`})`,
        sql`${value} as v, ${col} as ix`,
        after,
        size,
      );
      if (!rows.length) break;
      for (const r of rows) {
        const plain = unseal(r.v);
        const next = blindIndex(ix.kind, ix.kind === 'phone' ? (toE164(plain) ?? plain) : plain);
        const done = await sql`update contacts set ${col} = ${next} where id = ${r.id} and ${value} = ${r.v}`.execute(db);
        counts[what] += Number(done.numAffectedRows ?? 0);
      }
      after = rows[rows.length - 1].id;
      options.onBatch?.(what, counts[what]);
    }
  }
  // Phone channels' ids: the blind index in channel_user_id and the sealed id beside it, in both tables.
  const channels = [...PHONE_VOUCHED_CHANNELS, PHONE_IDENTITY];
  for (const table of ['conversations', 'contact_identities'] as const) {
    const what = `${table}.channel_user_id`;
    counts[what] = 0;
    if (!sealing('phone_identities')) continue;
    const stale = sql`channel in (${sql.join(channels)}) and (channel_user_sealed is null or channel_user_id not like ${`hmac:${ring.current.id}:%`} or channel_user_sealed not like ${current})`;
    // contact_identities has no id: each batch re-reads what is still stale; a row that cannot move (its new form exists) is skipped.
    const skipped = new Set<string>();
    for (;;) {
      const rows = (
        await sql<{ tenant_id: string; channel: string; channel_user_id: string; channel_user_sealed: string | null }>`
          select tenant_id, channel, channel_user_id, channel_user_sealed from ${sql.table(table)} where ${stale}
          order by tenant_id, channel, channel_user_id limit ${size + skipped.size}`.execute(db)
      ).rows.filter((r) => !skipped.has(JSON.stringify([r.tenant_id, r.channel, r.channel_user_id])));
      if (!rows.length) break;
      for (const r of rows) {
        const next = identityColumns(r.channel, r.channel_user_sealed ? unseal(r.channel_user_sealed) : r.channel_user_id);
        try {
          const done = await sql`update ${sql.table(table)} set channel_user_id = ${next.channel_user_id}, channel_user_sealed = ${next.channel_user_sealed}
            where tenant_id = ${r.tenant_id} and channel = ${r.channel} and channel_user_id = ${r.channel_user_id}`.execute(db);
          const moved = Number(done.numAffectedRows ?? 0);
          counts[what] += moved;
          if (!moved) skipped.add(JSON.stringify([r.tenant_id, r.channel, r.channel_user_id]));
        } catch {
          skipped.add(JSON.stringify([r.tenant_id, r.channel, r.channel_user_id]));
        }
      }
      options.onBatch?.(what, counts[what]);
    }
    if (skipped.size) counts[`${what} (skipped: its new form exists)`] = skipped.size;
  }

  for (const [what, n] of Object.entries(await resealMediaFiles(db, current, size, options.onBatch))) counts[what] = n;

  // Claims: the index kind is the row's own.
  counts['contact_claims.value_index'] = 0;
  for (let after: string | null = null; ; ) {
    const rows: { id: string; v: string; kind: BlindIndexKind }[] = await batch<{ v: string; kind: BlindIndexKind }>(
      db,
      'contact_claims',
      sql`value_index is null or value_index not like ${`${ring.current.id}:%`}`,
      sql`value as v, kind`,
      after,
      size,
    );
    if (!rows.length) break;
    for (const r of rows) {
      const done = await sql`update contact_claims set value_index = ${blindIndex(r.kind, unseal(r.v))} where id = ${r.id} and value = ${r.v}`.execute(db);
      counts['contact_claims.value_index'] += Number(done.numAffectedRows ?? 0);
    }
    after = rows[rows.length - 1].id;
    options.onBatch?.('contact_claims.value_index', counts['contact_claims.value_index']);
  }
  return counts;
}

/** Files per batch of ids: only the ids are read in a batch, each file's data alone. */
const MEDIA_BATCH = 50;

/**
 * Reseals media_files' `name` and `data` (both sealed as `messages.parts`, store/meta.ts). A file
 * is read and rewritten by itself, and rewritten only if it is still the value read (its first
 * 100 characters carry its key and its random IV, so they tell one sealing from another without
 * sending the whole file back to compare).
 */
async function resealMediaFiles(db: Db, current: string, size: number, onBatch?: (what: string, done: number) => void): Promise<RotationCounts> {
  const counts: RotationCounts = { 'media_files.name': 0, 'media_files.data': 0 };
  if (!sealing('messages.parts')) return counts;
  for (const column of ['name', 'data'] as const) {
    const what = `media_files.${column}`;
    const col = sql.ref(column);
    for (let after: string | null = null; ; ) {
      const ids: { id: string }[] = await batch<object>(db, 'media_files', sql`${col} is not null and ${col} not like ${current}`, sql`null as none`, after, Math.min(size, MEDIA_BATCH));
      if (!ids.length) break;
      for (const { id } of ids) {
        const row = (await sql<{ v: string | null }>`select ${col} as v from media_files where id = ${id}`.execute(db)).rows[0];
        if (!row?.v) continue;
        const next = reseal('messages.parts', row.v);
        if (next === row.v) continue;
        const done = await sql`update media_files set ${col} = ${next} where id = ${id} and left(${col}, 100) = ${row.v.slice(0, 100)}`.execute(db);
        counts[what] += Number(done.numAffectedRows ?? 0);
      }
      after = ids[ids.length - 1].id;
      onBatch?.(what, counts[what]);
    }
  }
  return counts;
}
