/**
 * The back-office push's data (migration 018): councils' webhooks (the signing secret sealed) and
 * one delivery row per case event and matching webhook, with the claims, retries and holds that
 * deliver them at least once and in order per case (backoffice/push.ts decides; this stores).
 *
 * Times that schedule deliveries (due, claimed, stale) are the database's `now()`, so every
 * process agrees on them.
 */
import { sql, type ColumnType, type Kysely } from 'kysely';
import { seal, unseal } from './crypto.js';
import { advanceEventCursor, caseEventsSince, readEventCursor } from './case-events.js';
import { openCase } from './cases.js';
import { fromJson, toJson } from './json.js';
import type { CaseRow, Database, Db } from './schema.js';

export interface BackofficeWebhooksTable {
  id: string;
  tenant_id: string;
  name: string;
  url: string;
  format: string;
  services: ColumnType<unknown, string | null, string | null>;
  personal: ColumnType<boolean, boolean | undefined, boolean>;
  secret: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface BackofficeDeliveriesTable {
  id: ColumnType<string, never, never>;
  tenant_id: string;
  webhook_id: string;
  event_id: string;
  case_id: string;
  seq: number;
  status: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  generation: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  claim: string | null;
  claimed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
  last_status: number | null;
  last_attempt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  delivered_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The schema with migration 018's tables (typed here, beside the only code that reads them, as store/open311.ts does). */
type PushDatabase = Database & { backoffice_webhooks: BackofficeWebhooksTable; backoffice_deliveries: BackofficeDeliveriesTable };
const pd = (db: Db) => db as unknown as Kysely<PushDatabase>;

export type WebhookFormat = 'json' | 'xml';
export const PUSH_DELIVERY_STATUSES = ['pending', 'sending', 'retrying', 'delivered', 'failed'] as const;
export type PushDeliveryStatus = (typeof PUSH_DELIVERY_STATUSES)[number];

export interface PushWebhook {
  id: string;
  tenant: string;
  name: string;
  url: string;
  format: WebhookFormat;
  /** Service ids it receives cases of; null: every service. */
  services: string[] | null;
  /** Whether the resident's contact details go with the case. */
  personal: boolean;
  createdAt: Date;
  disabledAt: Date | null;
}

type WebhookRow = { id: string; tenant_id: string; name: string; url: string; format: string; services: unknown; personal: boolean; created_at: Date; disabled_at: Date | null };

function toWebhook(r: WebhookRow): PushWebhook {
  const services = fromJson<string[] | null>(r.services);
  return {
    id: r.id,
    tenant: r.tenant_id,
    name: r.name,
    url: r.url,
    format: r.format === 'xml' ? 'xml' : 'json',
    services: Array.isArray(services) ? services : null,
    personal: r.personal,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  };
}

const WEBHOOK_COLUMNS = ['id', 'tenant_id', 'name', 'url', 'format', 'services', 'personal', 'created_at', 'disabled_at'] as const;

export interface NewPushWebhook {
  id: string;
  tenant: string;
  name: string;
  url: string;
  format: WebhookFormat;
  services: string[] | null;
  personal: boolean;
  /** The signing secret, sealed at rest. */
  secret: string;
}

export async function insertPushWebhook(db: Db, w: NewPushWebhook): Promise<PushWebhook> {
  const row = await pd(db)
    .insertInto('backoffice_webhooks')
    .values({
      id: w.id,
      tenant_id: w.tenant,
      name: w.name,
      url: w.url,
      format: w.format,
      services: w.services ? toJson(w.services) : null,
      personal: w.personal,
      secret: seal('backoffice_webhooks.secret', w.secret),
    })
    .returning(WEBHOOK_COLUMNS)
    .executeTakeFirstOrThrow();
  return toWebhook(row);
}

/** A council's webhooks, oldest first (secrets are not read). */
export async function listPushWebhooks(db: Db, tenant: string, options: { activeOnly?: boolean } = {}): Promise<PushWebhook[]> {
  let q = pd(db).selectFrom('backoffice_webhooks').select(WEBHOOK_COLUMNS).where('tenant_id', '=', tenant);
  if (options.activeOnly) q = q.where('disabled_at', 'is', null);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toWebhook);
}

/** One webhook with its secret in clear (to sign with), within a council. */
export async function pushWebhookWithSecret(db: Db, tenant: string, id: string): Promise<(PushWebhook & { secret: string }) | undefined> {
  const row = await pd(db).selectFrom('backoffice_webhooks').select([...WEBHOOK_COLUMNS, 'secret']).where('tenant_id', '=', tenant).where('id', '=', id).executeTakeFirst();
  return row && { ...toWebhook(row), secret: unseal(row.secret) };
}

/** Disables a webhook: nothing more is made or sent for it (what waits stays, and goes if it is enabled again). */
export async function setPushWebhookDisabled(db: Db, tenant: string, id: string, disabled: boolean): Promise<boolean> {
  const r = await pd(db)
    .updateTable('backoffice_webhooks')
    .set({ disabled_at: disabled ? new Date() : null })
    .where('tenant_id', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A case read for a push (opened: summary, details and location in clear). */
export async function pushCase(db: Db, tenant: string, caseId: string): Promise<CaseRow | undefined> {
  const row = await db.selectFrom('cases').selectAll().where('tenant_id', '=', tenant).where('id', '=', caseId).executeTakeFirst();
  return row && openCase(row);
}

/** A chain: the deliveries of one case to one webhook, which go one at a time in `seq` order. */
export interface PushDeliveryChain {
  tenant: string;
  webhookId: string;
  caseId: string;
}

class EventCursorMoved extends Error {
  constructor() {
    super('another process moved the event cursor first');
  }
}

/**
 * Turns a council's next events (after the consumer's cursor, at most `limit`) into delivery rows,
 * one per event and active webhook `matches` accepts (given the case's service), and moves the
 * cursor, in one transaction: a crash repeats the work, and the unique (webhook, event) pair makes
 * a repeat harmless. Another process that moved the cursor first wins (nothing is written here).
 * Returns the events read and the chains that got rows.
 */
export async function fanOutPushDeliveries(
  db: Kysely<Database>,
  options: { consumer: string; tenant: string; limit: number; matches: (webhook: PushWebhook, serviceId: string) => boolean },
): Promise<{ events: number; created: number; chains: PushDeliveryChain[] }> {
  const { consumer, tenant } = options;
  try {
    return await db.transaction().execute(async (trx) => {
      // Read first: the log stops at the oldest running transaction, which must not be this one.
      const from = await readEventCursor(trx, consumer, tenant);
      const page = await caseEventsSince(trx, tenant, from, options.limit);
      if (!page.events.length) return { events: 0, created: 0, chains: [] };
      const webhooks = await listPushWebhooks(trx, tenant, { activeOnly: true });
      const caseIds = [...new Set(page.events.map((e) => e.caseId))];
      const services = new Map(
        (await trx.selectFrom('cases').select(['id', 'service_id']).where('tenant_id', '=', tenant).where('id', 'in', caseIds).execute()).map((c) => [c.id, c.service_id]),
      );
      const values: { tenant_id: string; webhook_id: string; event_id: string; case_id: string; seq: number }[] = [];
      for (const e of page.events) {
        const service = services.get(e.caseId);
        if (service === undefined) continue;
        for (const w of webhooks) if (options.matches(w, service)) values.push({ tenant_id: tenant, webhook_id: w.id, event_id: e.id, case_id: e.caseId, seq: e.seq });
      }
      const inserted = values.length
        ? await pd(trx)
            .insertInto('backoffice_deliveries')
            .values(values)
            .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing())
            .returning(['webhook_id', 'case_id'])
            .execute()
        : [];
      if (!(await advanceEventCursor(trx, consumer, tenant, from, page.cursor))) throw new EventCursorMoved();
      const chains = new Map<string, PushDeliveryChain>();
      for (const r of inserted) chains.set(`${r.webhook_id}|${r.case_id}`, { tenant, webhookId: r.webhook_id, caseId: r.case_id });
      return { events: page.events.length, created: inserted.length, chains: [...chains.values()] };
    });
  } catch (err) {
    if (err instanceof EventCursorMoved) return { events: 0, created: 0, chains: [] };
    throw err;
  }
}

/** A delivery claimed for one attempt: `attempts` counts this one. */
export interface ClaimedPushDelivery {
  id: string;
  tenant: string;
  webhookId: string;
  eventId: string;
  caseId: string;
  seq: number;
  attempts: number;
  generation: number;
  claim: string;
  createdAt: Date;
}

type ClaimedRow = { id: string; tenant_id: string; webhook_id: string; event_id: string; case_id: string; seq: number; attempts: number; generation: number; created_at: Date };

/**
 * Claims the chain's next delivery when it is due: the lowest `seq` not yet delivered, only if it
 * is pending or retrying and due, and its webhook is enabled. One statement, so two workers never
 * hold one row, and a later event is never claimed while an earlier one is sending, waiting for
 * its retry, or failed (a failed one holds the rest until it is redelivered).
 */
export async function claimPushChainHead(db: Db, chain: PushDeliveryChain, claim: string): Promise<ClaimedPushDelivery | undefined> {
  const rows = await sql<ClaimedRow>`
    update backoffice_deliveries d
       set status = 'sending', claim = ${claim}, claimed_at = now(), attempts = d.attempts + 1, last_attempt_at = now(), updated_at = now()
      from backoffice_webhooks w
     where d.id = (select h.id from backoffice_deliveries h
                    where h.tenant_id = ${chain.tenant} and h.webhook_id = ${chain.webhookId} and h.case_id = ${chain.caseId} and h.status <> 'delivered'
                    order by h.seq limit 1)
       and d.status in ('pending', 'retrying') and d.next_attempt_at <= now()
       and w.id = d.webhook_id and w.tenant_id = d.tenant_id and w.disabled_at is null
    returning d.id::text as id, d.tenant_id, d.webhook_id, d.event_id::text as event_id, d.case_id, d.seq, d.attempts, d.generation, d.created_at`.execute(db);
  const r = rows.rows[0];
  return r && { id: r.id, tenant: r.tenant_id, webhookId: r.webhook_id, eventId: r.event_id, caseId: r.case_id, seq: r.seq, attempts: r.attempts, generation: r.generation, claim, createdAt: r.created_at };
}

export type PushDeliveryOutcome =
  | { status: 'delivered'; httpStatus: number }
  | { status: 'retrying'; retryInMs: number; error: string; httpStatus: number | null }
  | { status: 'failed'; error: string; httpStatus: number | null };

/**
 * Records an attempt's outcome on the row this worker claimed. False when the claim is no longer
 * its own (redelivered meanwhile, or taken back as stale): the row then goes again as it is now.
 */
export async function settlePushDelivery(db: Db, d: Pick<ClaimedPushDelivery, 'id' | 'tenant' | 'claim'>, outcome: PushDeliveryOutcome): Promise<boolean> {
  const done =
    outcome.status === 'delivered'
      ? await sql`
          update backoffice_deliveries set status = 'delivered', delivered_at = now(), last_status = ${outcome.httpStatus}, last_error = null, claim = null, claimed_at = null, updated_at = now()
           where tenant_id = ${d.tenant} and id = ${d.id}::bigint and claim = ${d.claim} and status = 'sending'`.execute(db)
      : await sql`
          update backoffice_deliveries
             set status = ${outcome.status}, last_error = ${outcome.error.slice(0, 500)}, last_status = ${outcome.httpStatus}, claim = null, claimed_at = null, updated_at = now(),
                 next_attempt_at = now() + ${outcome.status === 'retrying' ? Math.max(0, Math.round(outcome.retryInMs)) : 0} * interval '1 millisecond'
           where tenant_id = ${d.tenant} and id = ${d.id}::bigint and claim = ${d.claim} and status = 'sending'`.execute(db);
  return Number(done.numAffectedRows ?? 0) === 1;
}

/** A chain's next delivery that is due and has no job (lost, or its process stopped): for the sweep to queue. */
export interface DuePushDelivery extends PushDeliveryChain {
  id: string;
  attempts: number;
  generation: number;
}

/**
 * Claims left `sending` longer than `olderThanMs` (their process stopped mid-attempt) go back to
 * `retrying`, due now, or to `failed` when that attempt was the last of `maxAttempts`. The
 * receiver may have had it: at least once, never lost. Returns the rows taken back.
 */
export async function reclaimStalePushDeliveries(db: Db, tenants: string[], olderThanMs: number, maxAttempts: number): Promise<(DuePushDelivery & { status: PushDeliveryStatus })[]> {
  if (!tenants.length) return [];
  const rows = await sql<{ id: string; tenant_id: string; webhook_id: string; case_id: string; attempts: number; generation: number; status: PushDeliveryStatus }>`
    update backoffice_deliveries
       set status = case when attempts >= ${maxAttempts} then 'failed' else 'retrying' end,
           last_error = 'No answer was recorded: the attempt was cut short (the process stopped)',
           claim = null, claimed_at = null, next_attempt_at = now(), updated_at = now()
     where status = 'sending' and claimed_at < now() - ${olderThanMs} * interval '1 millisecond'
       and tenant_id in (${sql.join(tenants)})
    returning id::text as id, tenant_id, webhook_id, case_id, attempts, generation, status`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, tenant: r.tenant_id, webhookId: r.webhook_id, caseId: r.case_id, attempts: r.attempts, generation: r.generation, status: r.status }));
}

/**
 * Chains whose next delivery has been due for longer than `graceMs` (its job should have run by
 * then): the head of each, oldest due first. Disabled webhooks' chains wait.
 */
export async function overduePushChainHeads(db: Db, tenants: string[], graceMs: number, limit: number): Promise<DuePushDelivery[]> {
  if (!tenants.length) return [];
  const rows = await sql<{ id: string; tenant_id: string; webhook_id: string; case_id: string; attempts: number; generation: number }>`
    select d.id::text as id, d.tenant_id, d.webhook_id, d.case_id, d.attempts, d.generation
      from backoffice_deliveries d
      join backoffice_webhooks w on w.id = d.webhook_id and w.tenant_id = d.tenant_id and w.disabled_at is null
     where d.status in ('pending', 'retrying') and d.next_attempt_at < now() - ${graceMs} * interval '1 millisecond'
       and d.tenant_id in (${sql.join(tenants)})
       and not exists (select 1 from backoffice_deliveries e
                        where e.webhook_id = d.webhook_id and e.case_id = d.case_id and e.seq < d.seq and e.status <> 'delivered')
     order by d.next_attempt_at
     limit ${limit}`.execute(db);
  return rows.rows.map((r) => ({ id: r.id, tenant: r.tenant_id, webhookId: r.webhook_id, caseId: r.case_id, attempts: r.attempts, generation: r.generation }));
}

/** A delivery as supervisors see it. */
export interface PushDeliveryListing {
  id: string;
  webhookId: string;
  webhookName: string;
  caseId: string;
  caseReference: string;
  eventId: string;
  eventType: string;
  seq: number;
  status: PushDeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastStatus: number | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date;
  createdAt: Date;
  /** Later events of the same case waiting behind this one for this webhook. */
  held: number;
}

type ListingRow = {
  id: string;
  webhook_id: string;
  webhook_name: string;
  case_id: string;
  reference: string;
  event_id: string;
  type: string;
  seq: number;
  status: PushDeliveryStatus;
  attempts: number;
  last_error: string | null;
  last_status: number | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  created_at: Date;
  held: string | number;
};

const LISTING_SELECT = sql`
  select d.id::text as id, d.webhook_id, w.name as webhook_name, d.case_id, c.reference, d.event_id::text as event_id, e.type, d.seq, d.status, d.attempts,
         d.last_error, d.last_status, d.last_attempt_at, d.next_attempt_at, d.created_at,
         (select count(*) from backoffice_deliveries h
           where h.webhook_id = d.webhook_id and h.case_id = d.case_id and h.seq > d.seq and h.status <> 'delivered') as held
    from backoffice_deliveries d
    join backoffice_webhooks w on w.id = d.webhook_id
    join cases c on c.id = d.case_id
    join case_events e on e.id = d.event_id`;

function toListing(r: ListingRow): PushDeliveryListing {
  return {
    id: r.id,
    webhookId: r.webhook_id,
    webhookName: r.webhook_name,
    caseId: r.case_id,
    caseReference: r.reference,
    eventId: r.event_id,
    eventType: r.type,
    seq: r.seq,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    lastStatus: r.last_status,
    lastAttemptAt: r.last_attempt_at,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    held: Number(r.held),
  };
}

/** Deliveries that need a supervisor's eye: failed ones first, then those retrying after an error; newest first within each. */
export async function troubledPushDeliveries(db: Db, tenant: string, limit = 100): Promise<PushDeliveryListing[]> {
  const rows = await sql<ListingRow>`${LISTING_SELECT}
     where d.tenant_id = ${tenant} and (d.status = 'failed' or (d.status = 'retrying' and d.last_error is not null))
     order by (d.status = 'failed') desc, d.updated_at desc, d.id desc
     limit ${limit}`.execute(db);
  return rows.rows.map(toListing);
}

/** One delivery, within a council. */
export async function pushDeliveryById(db: Db, tenant: string, id: string): Promise<PushDeliveryListing | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const rows = await sql<ListingRow>`${LISTING_SELECT} where d.tenant_id = ${tenant} and d.id = ${id}::bigint`.execute(db);
  return rows.rows[0] && toListing(rows.rows[0]);
}

/** The deliveries of one case to one webhook, in order (tests, and a supervisor's look at a chain). */
export async function pushDeliveriesOfCase(db: Db, tenant: string, caseId: string, webhookId?: string): Promise<PushDeliveryListing[]> {
  const rows = await sql<ListingRow>`${LISTING_SELECT}
     where d.tenant_id = ${tenant} and d.case_id = ${caseId} ${webhookId ? sql`and d.webhook_id = ${webhookId}` : sql``}
     order by d.webhook_id, d.seq`.execute(db);
  return rows.rows.map(toListing);
}

/** How many deliveries a council has in each state (the panel's summary). */
export async function pushDeliveryCounts(db: Db, tenant: string): Promise<Record<PushDeliveryStatus, number>> {
  const rows = await pd(db).selectFrom('backoffice_deliveries').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('tenant_id', '=', tenant).groupBy('status').execute();
  const counts = Object.fromEntries(PUSH_DELIVERY_STATUSES.map((s) => [s, 0])) as Record<PushDeliveryStatus, number>;
  for (const r of rows) if ((PUSH_DELIVERY_STATUSES as readonly string[]).includes(r.status)) counts[r.status as PushDeliveryStatus] = Number(r.n);
  return counts;
}

/**
 * Sends a failed delivery again: pending, due now, its attempts from zero (a new budget), one
 * generation on. Undefined unless it is this council's and failed.
 */
export async function redeliverFailedPush(db: Db, tenant: string, id: string): Promise<PushDeliveryListing | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  const r = await sql`
    update backoffice_deliveries set status = 'pending', attempts = 0, generation = generation + 1, next_attempt_at = now(), claim = null, claimed_at = null, updated_at = now()
     where tenant_id = ${tenant} and id = ${id}::bigint and status = 'failed'`.execute(db);
  if (Number(r.numAffectedRows ?? 0) !== 1) return undefined;
  return pushDeliveryById(db, tenant, id);
}

/**
 * Sends a case's whole event history to a webhook again, in order: a row for every event it has
 * (made where missing), each back to pending with a new budget, one generation on. A delivery
 * in flight is taken back too (its outcome is then not recorded, and it goes again). Returns how
 * many events will be sent.
 */
export async function redeliverPushCaseHistory(db: Db, tenant: string, webhookId: string, caseId: string): Promise<number> {
  const r = await sql`
    insert into backoffice_deliveries (tenant_id, webhook_id, event_id, case_id, seq)
    select e.tenant_id, ${webhookId}, e.id, e.case_id, e.seq from case_events e where e.tenant_id = ${tenant} and e.case_id = ${caseId}
    on conflict (webhook_id, event_id) do update
       set status = 'pending', attempts = 0, generation = backoffice_deliveries.generation + 1, next_attempt_at = now(),
           claim = null, claimed_at = null, delivered_at = null, updated_at = now()`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
