import type { Kysely } from 'kysely';
import { fromJson, handoffById, type Database, type Db, type HandoffRow } from '../../store/index.js';
import { zonedParts } from '../opening-hours.js';
import { DEFAULT_STANDARD, QueueError, type QueueAgent, type QueueSettings, type ServiceStandard } from './types.js';

/** Runs `fn` in a transaction, or in the caller's when `db` already is one. */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return (db as Kysely<Database>).transaction().execute(fn);
}

/** A queue is served by an agent holding all its skills; the general queue (no skills) by everyone. */
export function servesQueue(agentSkills: readonly string[], queue: Pick<QueueSettings, 'skills'> | undefined): boolean {
  const skills = queue?.skills ?? [];
  return skills.every((s) => agentSkills.includes(s));
}

export function findQueue(queues: readonly QueueSettings[], id: string): QueueSettings | undefined {
  return queues.find((q) => q.id === id);
}

/** A queue id no longer in the settings still shows (and routes as general) rather than vanishing. */
export function queueOrDefault(queues: readonly QueueSettings[], id: string): QueueSettings {
  return findQueue(queues, id) ?? { id, name: id, skills: [] };
}

export function standardFor(queue: QueueSettings | undefined): ServiceStandard {
  return { ...DEFAULT_STANDARD, ...(queue?.standard ?? {}) };
}

export function isSupervisor(agent: Pick<QueueAgent, 'roles'>): boolean {
  return !!agent.roles?.some((r) => r === 'supervisor' || r === 'admin');
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

export function jsonArray(value: unknown): string[] {
  const v = fromJson<unknown>(value);
  return Array.isArray(v) ? v.map(String) : [];
}

export function jsonObject(value: unknown): Record<string, unknown> {
  const v = value == null ? null : fromJson<unknown>(value);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function seconds(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

export async function findHandoff(db: Db, tenant: string, id: string): Promise<HandoffRow> {
  if (!isUuidish(id)) throw new QueueError(404, 'Handoff not found', `There is no handoff ${id}.`);
  const row = await handoffById(db, tenant, id);
  if (!row) throw new QueueError(404, 'Handoff not found', `There is no handoff ${id}.`);
  return row;
}

/** Ids are UUIDs; anything else cannot exist, and must not reach a uuid-typed comparison. */
export function isUuidish(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** Midnight in the council's time zone, as an instant: "today" for service levels. */
export function startOfDay(now: Date, timeZone = 'Europe/London'): Date {
  const offsetAt = (d: Date) => {
    const p = zonedParts(d, timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(d.getTime() / 1000) * 1000;
  };
  const p = zonedParts(now, timeZone);
  const localMidnight = Date.UTC(p.year, p.month - 1, p.day);
  let guess = localMidnight - offsetAt(new Date(localMidnight));
  guess = localMidnight - offsetAt(new Date(guess));
  return new Date(guess);
}

/** The agent a handoff was transferred to by name, if any: it waits for them rather than the whole queue. */
export function transferTarget(context: unknown): string | null {
  const transfer = jsonObject(context).transfer as { toAgentId?: unknown } | undefined;
  return transfer && typeof transfer.toAgentId === 'string' ? transfer.toAgentId : null;
}
