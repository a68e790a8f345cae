/**
 * Back-office API keys (migration 020): per council, with scopes, kept only as their SHA-256 (a
 * random 32-byte key needs no slow hash; it is looked up by hash, never compared in clear), with
 * when each was last used and revoked. Used by the pull API (backoffice/api) and
 * `npm run backoffice:key`.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ColumnType, Kysely } from 'kysely';
import { fromJson, toJson } from './json.js';
import type { Database, Db } from './schema.js';

/**
 * What a key may do. `cases:read`: cases, their history and the change log; `cases:write`: set
 * status, add notes, change target date and team; `cases:personal`: residents' contact details
 * in what `cases:read` returns.
 */
export const BACKOFFICE_SCOPES = ['cases:read', 'cases:write', 'cases:personal'] as const;
export type BackofficeScope = (typeof BACKOFFICE_SCOPES)[number];

export interface BackofficeKeysTable {
  id: string;
  tenant_id: string;
  name: string;
  scopes: ColumnType<unknown, string, string>;
  key_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  last_used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** The schema with migration 020's table (typed here, beside the only code that reads it, as store/open311.ts does). */
type BackofficeKeysDatabase = Database & { backoffice_keys: BackofficeKeysTable };
const bd = (db: Db) => db as unknown as Kysely<BackofficeKeysDatabase>;

export interface BackofficeKey {
  id: string;
  tenant: string;
  name: string;
  scopes: BackofficeScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function isBackofficeScope(value: string): value is BackofficeScope {
  return (BACKOFFICE_SCOPES as readonly string[]).includes(value);
}

/** The stored form of a key. */
export function backofficeKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

type KeyRow = { id: string; tenant_id: string; name: string; scopes: unknown; created_at: Date; last_used_at: Date | null; revoked_at: Date | null };

function toKey(r: KeyRow): BackofficeKey {
  const scopes = (fromJson<unknown[]>(r.scopes) ?? []).filter((s): s is BackofficeScope => typeof s === 'string' && isBackofficeScope(s));
  return { id: r.id, tenant: r.tenant_id, name: r.name, scopes, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

const COLUMNS = ['id', 'tenant_id', 'name', 'scopes', 'created_at', 'last_used_at', 'revoked_at'] as const;

/** Issues a key for a council and returns it with the key itself, which is not kept and cannot be shown again. */
export async function createBackofficeKey(db: Db, tenant: string, name: string, scopes: readonly BackofficeScope[]): Promise<BackofficeKey & { key: string }> {
  const unknown = scopes.filter((s) => !isBackofficeScope(s));
  if (unknown.length) throw new Error(`unknown scope ${unknown.join(', ')} (scopes: ${BACKOFFICE_SCOPES.join(', ')})`);
  if (scopes.length === 0) throw new Error('a key needs at least one scope');
  const key = `bo_${randomBytes(32).toString('base64url')}`;
  const row = await bd(db)
    .insertInto('backoffice_keys')
    .values({ id: randomUUID(), tenant_id: tenant, name, scopes: toJson([...new Set(scopes)]), key_hash: backofficeKeyHash(key) })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return { ...toKey(row), key };
}

/** The key with this value, revoked or not (the caller refuses a revoked one); undefined for a key nobody issued. */
export async function backofficeKeyByValue(db: Db, key: string): Promise<BackofficeKey | undefined> {
  const row = await bd(db).selectFrom('backoffice_keys').select(COLUMNS).where('key_hash', '=', backofficeKeyHash(key)).executeTakeFirst();
  return row && toKey(row);
}

/**
 * Records that a key was used, at most once a minute per key: "last used" is for spotting keys
 * nobody needs any more, and is not worth a write on every request.
 */
export async function touchBackofficeKey(db: Db, id: string, now: Date): Promise<void> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  await bd(db)
    .updateTable('backoffice_keys')
    .set({ last_used_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', minuteAgo)]))
    .execute();
}

/** A council's keys (every council's without one), oldest first. */
export async function listBackofficeKeys(db: Db, tenant?: string): Promise<BackofficeKey[]> {
  let q = bd(db).selectFrom('backoffice_keys').select(COLUMNS);
  if (tenant) q = q.where('tenant_id', '=', tenant);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toKey);
}

/** Revokes a key from now on; false when there is no such key (of that council) or it was revoked already. */
export async function revokeBackofficeKey(db: Db, id: string, now: Date, tenant?: string): Promise<boolean> {
  let q = bd(db).updateTable('backoffice_keys').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null);
  if (tenant) q = q.where('tenant_id', '=', tenant);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
