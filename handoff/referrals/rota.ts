import { z } from 'zod';
import { insertRotaEntry, rotaEntriesCovering, type Db, type RotaEntryRow } from '../../store/index.js';

// Pure data access, kept under these names for the console's rota routes.
export { deleteRotaEntry, listRota } from '../../store/index.js';

/** The skill a rota entry covers when no entry names the handoff's own skill. */
export const ALL_SKILLS = 'all';

const UK_MOBILE = /^(?:\+44|0044|0)7\d{9}$/;

/** UK mobile numbers in any usual spelling, kept as +447…; SMS cannot reach a landline. */
export const ukMobileNumber = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .refine((s) => UK_MOBILE.test(s), 'an SMS rota entry needs a UK mobile number, such as 07700 900123 or +44 7700 900123')
  .transform((s) => `+44${s.replace(/^(?:\+44|0044|0)/, '')}`);

const common = {
  skill: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_.-]{0,39}$/, 'skill must be a queue skill or area such as "housing", or "all"'),
  name: z.string().trim().min(1, 'name is required').max(100),
  startsAt: z.iso.datetime({ offset: true, message: 'startsAt must be an ISO 8601 date and time, such as 2026-12-24T17:00:00Z' }).transform((s) => new Date(s)),
  endsAt: z.iso.datetime({ offset: true, message: 'endsAt must be an ISO 8601 date and time, such as 2026-12-29T09:00:00Z' }).transform((s) => new Date(s)),
};

/** A new on-call entry as supervisors send it. */
export const rotaEntryInput = z
  .discriminatedUnion('channel', [
    z.object({ ...common, channel: z.literal('sms'), destination: ukMobileNumber }),
    z.object({ ...common, channel: z.literal('email'), destination: z.string().trim().pipe(z.email('an e-mail rota entry needs a valid e-mail address')).transform((s) => s.toLowerCase()) }),
  ], { error: 'channel must be "sms" or "email"' })
  // zod 4 runs refinements even after a field failed: only compare two real dates.
  .refine((e) => !(e.startsAt instanceof Date && e.endsAt instanceof Date) || e.endsAt.getTime() > e.startsAt.getTime(), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });

export type RotaEntryInput = z.infer<typeof rotaEntryInput>;

export async function addRotaEntry(db: Db, tenant: string, input: RotaEntryInput, createdBy: string | null): Promise<RotaEntryRow> {
  return insertRotaEntry(db, {
    tenant,
    skill: input.skill,
    name: input.name,
    channel: input.channel,
    destination: input.destination,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    createdBy,
  });
}

/**
 * Who is on call for `skill` at `at`. An entry applies only between its start and end, so a
 * future-dated change takes over by itself; where entries overlap, the most recently created
 * wins. An entry for the skill itself beats one for `all`; with several skills (a queue's), the
 * first that has cover wins.
 */
export async function onCall(db: Db, tenant: string, skill: string | string[], at: Date): Promise<RotaEntryRow | undefined> {
  return (await onCallRanked(db, tenant, skill, at))[0];
}

/**
 * Everyone on call for `skill` at `at`, in the order a referral tries them (escalation goes down
 * this list): an entry for an earlier skill before a later one and before `all`; among entries for
 * the same skill, the most recently created first (a cover entry before the rota it covers).
 */
export async function onCallRanked(db: Db, tenant: string, skill: string | string[], at: Date): Promise<RotaEntryRow[]> {
  const wanted = [...new Set([...(Array.isArray(skill) ? skill : [skill]).map((s) => s.toLowerCase()), ALL_SKILLS])];
  const rows = await rotaEntriesCovering(db, tenant, wanted, at);
  // Array.prototype.sort is stable: within a skill the newest-first order holds.
  return rows.sort((a, b) => wanted.indexOf(a.skill) - wanted.indexOf(b.skill));
}
