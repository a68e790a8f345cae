/**
 * The back office's JSON representation of a case: one shape for the pull API
 * (`/backoffice/v1`) and the webhook push, documented in the README ("Back-office API").
 * Pure: the caller reads the row, its history and (when the key may see them) the resident's
 * contact details; this only decides what is shown. Contact details appear only with
 * `personal: true` (the `cases:personal` scope), and then always as an object (fields null
 * when unknown), so a consumer can tell "not allowed" (no `contact` key) from "none given".
 */
import { statusLabel } from '../cases/index.js';
import type { CaseRow } from '../store/index.js';

/** One line of a case's history, as store/cases.ts `caseHistory` returns it. */
export interface CaseHistoryLine {
  status: string;
  note: string | null;
  actor: string;
  created_at: Date | string;
}

export interface CaseContactDetails {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface CaseJsonOptions {
  /** The service's name from the council's catalogue (default: its id). */
  serviceName?: string;
  /** Whether personal data may be shown (the `cases:personal` scope, or a webhook configured for it). */
  personal?: boolean;
  /** The resident's details, shown only with `personal`. */
  contact?: CaseContactDetails | null;
  /** Links to the case's files (short-lived signed links, made by whoever serves files). */
  mediaUrls?: string[];
  /** Further reports joined to it (duplicates on the street: store/case-links.ts `linkedReportsOf`). */
  linkedReports?: readonly { id: string; via: string; distanceMetres: number | null; at: Date | string; details: { answers?: Record<string, unknown>; location?: unknown } }[];
}

/** A further report joined to the case: how it came, how far away, when; where exactly only with personal data. */
export interface CaseJsonLinkedReport {
  id: string;
  via: string;
  distance_metres: number | null;
  reported_at: string;
  answers: Record<string, unknown>;
  location?: unknown;
}

export interface CaseJsonLocation {
  address: string | null;
  postcode: string | null;
  uprn: string | null;
  usrn: string | null;
  lat: number | null;
  lng: number | null;
}

export interface CaseJsonHistoryEntry {
  status: string;
  status_label: string;
  note: string | null;
  actor: string;
  at: string;
}

export interface CaseJson {
  id: string;
  reference: string;
  service: { id: string; name: string };
  status: string;
  status_label: string;
  summary: string;
  /** The answers the resident gave, by question (free text a resident typed may be in them). */
  answers: Record<string, unknown>;
  location: CaseJsonLocation | null;
  /** YYYY-MM-DD, or null. */
  target_date: string | null;
  team: string | null;
  created_at: string;
  updated_at: string;
  /** The case's event count: its last event's `seq` (the ETag of the pull API). */
  seq: number;
  media_urls: string[];
  linked_reports: CaseJsonLinkedReport[];
  contact?: CaseContactDetails;
  history?: CaseJsonHistoryEntry[];
}

/**
 * A `date` column as YYYY-MM-DD: node-postgres gives a Date at local midnight, PGlite one at UTC
 * midnight (a UTC-midnight Date is read in UTC, any other in local time).
 */
export function dateOnly(value: unknown): string | null {
  if (value == null) return null;
  if (!(value instanceof Date)) return String(value).slice(0, 10);
  const utc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0;
  const [y, m, d] = utc ? [value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()] : [value.getFullYear(), value.getMonth(), value.getDate()];
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

/** The stored location (the assistant's and Open311's `{label, uprn, usrn, postcode, lat, lng}`), with the row's columns winning. */
function locationOf(row: CaseRow): CaseJsonLocation | null {
  const stored = (row.location && typeof row.location === 'object' ? row.location : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof stored[k] === 'string' ? (stored[k] as string) : null);
  const address = text('label') ?? text('address');
  const loc: CaseJsonLocation = {
    address,
    postcode: text('postcode'),
    uprn: row.uprn ?? text('uprn'),
    usrn: row.usrn ?? text('usrn'),
    lat: row.lat ?? null,
    lng: row.lng ?? null,
  };
  return Object.values(loc).every((v) => v === null) ? null : loc;
}

function answersOf(row: CaseRow): Record<string, unknown> {
  const details = row.details && typeof row.details === 'object' ? (row.details as Record<string, unknown>) : {};
  const answers = details.answers;
  return answers && typeof answers === 'object' && !Array.isArray(answers) ? (answers as Record<string, unknown>) : {};
}

/** A case (an opened row: store/cases.ts `openCase`) as the back office sees it; `history` adds its history, oldest first. */
export function caseJson(row: CaseRow, history?: readonly CaseHistoryLine[] | null, options: CaseJsonOptions = {}): CaseJson {
  const json: CaseJson = {
    id: row.id,
    reference: row.reference,
    service: { id: row.service_id, name: options.serviceName ?? row.service_id },
    status: row.status,
    status_label: statusLabel(row.status),
    summary: row.summary,
    answers: answersOf(row),
    location: locationOf(row),
    target_date: dateOnly(row.target_date),
    team: row.team ?? null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    seq: Number(row.event_seq ?? 0),
    media_urls: options.mediaUrls ? [...options.mediaUrls] : [],
    linked_reports: (options.linkedReports ?? []).map((r) => ({
      id: r.id,
      via: r.via,
      distance_metres: r.distanceMetres === null ? null : Math.round(r.distanceMetres),
      reported_at: iso(r.at),
      answers: r.details.answers ?? {},
      // Another resident's place (their description of it): personal, as the case's contact is.
      ...(options.personal ? { location: r.details.location ?? null } : {}),
    })),
  };
  if (options.personal) json.contact = { name: options.contact?.name ?? null, email: options.contact?.email ?? null, phone: options.contact?.phone ?? null };
  if (history) {
    json.history = history.map((h) => ({ status: h.status, status_label: statusLabel(h.status), note: h.note, actor: h.actor, at: iso(h.created_at) }));
  }
  return json;
}
