/**
 * What the back-office API accepts, as zod schemas: list filters, the change log's paging, and the
 * bodies of the changes (snake_case, as the JSON it answers). Unknown fields are refused, so a
 * misspelt filter or field is a 400 rather than a silent no-op.
 */
import { z } from 'zod';
import { CASE_STATUSES } from '../../cases/index.js';

/** A query value given once or repeated (`?status=a&status=b`), or comma-separated. */
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean));

const statusMessage = `must be one of ${CASE_STATUSES.join(', ')}`;
const status = z.string().refine((s) => CASE_STATUSES.includes(s), { message: statusMessage });

const limit = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,4}$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `must be from 1 to ${max}`)
    .optional()
    .transform((n) => n ?? fallback);

export const caseListQuery = z
  .object({
    status: list.pipe(z.array(status)).optional(),
    service: list.pipe(z.array(z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'is not a service id'))).optional(),
    updated_since: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).optional(),
    cursor: z.string().max(400).optional(),
    limit: limit(200, 50),
  })
  .strict();

export const changesQuery = z
  .object({
    cursor: z.string().max(100).optional(),
    limit: limit(500, 100),
  })
  .strict();

const note = z.string().trim().min(1, 'must not be empty').max(4000, 'is longer than 4000 characters');

export const statusBody = z
  .object({
    status,
    note: note.nullish(),
    internal: z.boolean().optional(),
  })
  .strict();

export const noteBody = z
  .object({
    note,
    internal: z.boolean().optional(),
  })
  .strict();

/** A calendar day that exists (2026-02-30 does not). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a date in the calendar');

export const patchBody = z
  .object({
    target_date: day.nullable().optional(),
    team: z.string().trim().min(1, 'must not be empty (null clears it)').max(100, 'is longer than 100 characters').nullable().optional(),
  })
  .strict()
  .refine((b) => b.target_date !== undefined || b.team !== undefined, 'give target_date or team');

/** What a case reference can look like (PREFIX-123456): anything else cannot be a case (404 without a query). */
export const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9-]{0,40}$/;
