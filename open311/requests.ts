/**
 * POST requests: an Open311 report becomes a case as the assistant's flow would make it (the same
 * questions checked, the same duplicate rule, the flow's team and target date in working days),
 * and cases read back as service requests.
 */
import type { ContentPack, GazetteerPort } from '../bot/index.js';
import { addWorkingDays, findLikelyDuplicate, isOpenStatus, recordRepeatReport, statusLabel } from '../cases/index.js';
import {
  caseDetails,
  createCase,
  createOpen311Contact,
  recordAudit,
  recordOpen311Request,
  type CaseRow,
  type Db,
  type Open311Client,
} from '../store/index.js';
import { Open311Error } from './format.js';
import { attributeRequired, attributeValues, open311Services, type Open311Service } from './services.js';

type Address = NonNullable<ReturnType<GazetteerPort['byUprn']>>;

/** The form fields of POST requests, as received (strings; `attribute[code]` gathered into `attributes`). */
export interface RequestForm {
  lat?: string;
  long?: string;
  address_string?: string;
  address_id?: string;
  email?: string;
  phone?: string;
  first_name?: string;
  last_name?: string;
  description?: string;
  media_url?: string;
  attributes: Record<string, string>;
}

interface Location {
  kind: 'address' | 'street' | 'description';
  label: string;
  uprn?: string;
  usrn?: string;
  postcode?: string;
  lat?: number;
  lng?: number;
}

/** A pin this close to a gazetteer address is described as near it (and takes its street's USRN). */
const NEAR_METRES = 100;

function metres(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const x = (bLng - aLng) * rad * Math.cos(((aLat + bLat) / 2) * rad);
  const y = (bLat - aLat) * rad;
  return Math.sqrt(x * x + y * y) * 6371000;
}

function fromAddress(g: GazetteerPort, a: Address): Location {
  return { kind: 'address', label: g.label(a), uprn: a.uprn, usrn: a.usrn, postcode: a.postcode, lat: a.lat, lng: a.lng };
}

function bounded(value: string | undefined, field: string, max: number): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v.length > max) throw new Open311Error(400, `${field} must be at most ${max} characters`);
  return v;
}

/**
 * Where the report is: address_id (a UPRN of the council's gazetteer), else an address_string the
 * gazetteer recognises, else lat/long; a pin or a described place only where the flow accepts a
 * described place (a missed bin needs the property).
 */
function locate(pack: ContentPack, g: GazetteerPort, s: Open311Service, form: RequestForm): Location | null {
  const anyPlace = s.locationStep?.allowDescription ?? true;
  const uprn = form.address_id?.trim();
  if (uprn) {
    const a = /^\d{1,12}$/.test(uprn) ? g.byUprn(uprn) : undefined;
    if (!a) throw new Open311Error(400, `address_id ${uprn.slice(0, 20)} is not a UPRN in ${pack.settings.councilName}`);
    return fromAddress(g, a);
  }
  let lat: number | undefined;
  let lng: number | undefined;
  if (form.lat?.trim() || form.long?.trim()) {
    lat = Number(form.lat);
    lng = Number(form.long);
    if (!form.lat?.trim() || !form.long?.trim() || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      throw new Open311Error(400, 'lat and long must both be given as decimal degrees (WGS84)');
    }
  }
  const text = bounded(form.address_string, 'address_string', 500);
  if (text) {
    const best = g.matchAddress(text)[0];
    if (best && best.confidence >= 0.75) return fromAddress(g, best.address);
    if (!anyPlace) throw new Open311Error(400, `address_string does not match an address in ${pack.settings.councilName}: this service needs the property (address_id or a full address)`);
    return { kind: 'description', label: text, ...(lat !== undefined ? { lat, lng } : {}), ...nearStreet(pack, lat, lng) };
  }
  if (lat !== undefined && lng !== undefined) {
    if (!anyPlace) throw new Open311Error(400, 'this service needs the property: give address_id (UPRN) or address_string');
    const near = nearest(pack, lat, lng);
    const label = near ? `Near ${g.label(near)} (${lat.toFixed(6)}, ${lng.toFixed(6)})` : `${lat.toFixed(6)}, ${lng.toFixed(6)}`;
    return { kind: near ? 'street' : 'description', label, lat, lng, ...(near ? { usrn: near.usrn } : {}) };
  }
  return null;
}

function nearest(pack: ContentPack, lat: number, lng: number): Address | undefined {
  let best: Address | undefined;
  let bestM = NEAR_METRES;
  for (const a of pack.gazetteer) {
    const m = metres(lat, lng, a.lat, a.lng);
    if (m <= bestM) {
      best = a;
      bestM = m;
    }
  }
  return best;
}

function nearStreet(pack: ContentPack, lat?: number, lng?: number): { usrn?: string } {
  const near = lat !== undefined && lng !== undefined ? nearest(pack, lat, lng) : undefined;
  return near ? { usrn: near.usrn } : {};
}

/** The flow's answers from `attribute[code]`, checked as the flow would check them; returns values and labels. */
function answers(s: Open311Service, given: Record<string, string>): { values: Record<string, string | boolean>; labels: Record<string, string> } {
  const values: Record<string, string | boolean> = {};
  const labels: Record<string, string> = {};
  const codes = new Set(s.attributes.map((a) => a.slot));
  for (const code of Object.keys(given)) if (!codes.has(code)) throw new Open311Error(400, `attribute[${code.slice(0, 40)}] is not an attribute of service ${s.code}`);
  for (const step of s.attributes) {
    const raw = given[step.slot]?.trim() ?? '';
    if (!raw) {
      const applies = !step.when || step.when.in.includes(given[step.when.slot]?.trim() ?? '');
      if (attributeRequired(step) || (step.when && applies && !step.optional)) throw new Open311Error(400, `attribute[${step.slot}] is required`);
      continue;
    }
    if (raw.length > 1000) throw new Open311Error(400, `attribute[${step.slot}] must be at most 1000 characters`);
    const list = attributeValues(step);
    if (list) {
      const hit = list.find((v) => v.key === raw);
      if (!hit) throw new Open311Error(400, `attribute[${step.slot}] must be one of: ${list.map((v) => v.key).join(', ')}`);
      // A yes/no answer is kept as the flow keeps it: a boolean.
      values[step.slot] = step.type === 'yes_no' ? raw === 'yes' : raw;
      labels[step.slot] = hit.name;
      continue;
    }
    if (step.type === 'number' && !Number.isFinite(Number(raw))) throw new Open311Error(400, `attribute[${step.slot}] must be a number`);
    if (step.type === 'date' && Number.isNaN(Date.parse(raw))) throw new Open311Error(400, `attribute[${step.slot}] must be a date (W3C format)`);
    if (step.minLength && raw.length < step.minLength) throw new Open311Error(400, `attribute[${step.slot}] must be at least ${step.minLength} characters`);
    values[step.slot] = raw;
    labels[step.slot] = raw;
  }
  return { values, labels };
}

function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? 'not given');
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

export interface Created {
  service_request_id: string;
  service_notice: string;
  account_id: string | null;
}

/** Creates the case (or adds to an open one for the same thing) in the caller's transaction. */
export async function createRequest(
  db: Db,
  pack: ContentPack,
  g: GazetteerPort,
  client: Open311Client,
  s: Open311Service,
  form: RequestForm,
  now: Date,
): Promise<Created> {
  const location = locate(pack, g, s, form);
  if (!location) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  const { values, labels } = answers(s, form.attributes);
  const description = bounded(form.description, 'description', 4000);
  const email = bounded(form.email, 'email', 254);
  if (email && !EMAIL.test(email)) throw new Open311Error(400, 'email is not an e-mail address');
  const phone = bounded(form.phone, 'phone', 32);
  if (phone && !/^\+?[\d ()-]{6,}$/.test(phone)) throw new Open311Error(400, 'phone is not a phone number');
  const name = [bounded(form.first_name, 'first_name', 100), bounded(form.last_name, 'last_name', 100)].filter(Boolean).join(' ') || undefined;
  const mediaUrl = bounded(form.media_url, 'media_url', 2000);
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) throw new Open311Error(400, 'media_url must be an http or https URL');

  const tenant = pack.tenant;
  const tz = pack.settings.openingHours.timezone;
  const day = (d: Date | string) => new Date(d).toLocaleDateString('en-GB', { timeZone: tz, day: 'numeric', month: 'long', year: 'numeric' });
  // The assistant's rule: street reports by distance, others by property (cases/duplicates.ts).
  const match = await findLikelyDuplicate(db, tenant, s.service.id, location, now, values);
  if (match) {
    const duplicate = match.case;
    // The reporter's details are kept with their linked report, as a new case keeps them.
    const reporter = name || email || phone ? await createOpen311Contact(db, tenant, { name, email, phone }) : null;
    await recordRepeatReport(db, {
      tenant,
      case: duplicate,
      via: 'open311',
      actor: `open311:${client.id}`,
      source: `through Open311 (${client.name})`,
      contactId: reporter,
      distanceMetres: match.distanceMetres,
      location,
      answers: labels,
      description: description ?? null,
      mediaUrl: mediaUrl ?? null,
    });
    // The client is given this reference, so it can read it back (GET requests) as its own.
    await recordOpen311Request(db, tenant, duplicate.id, client.id);
    await recordAudit(db, { tenant, actorType: 'system', actorId: `open311:${client.id}`, action: 'open311.repeat_report', subjectType: 'case', subjectId: duplicate.id });
    const near = match.basis === 'nearby' && match.distanceMetres !== null ? ` ${match.distanceMetres} m away` : '';
    return {
      service_request_id: duplicate.reference,
      service_notice: `Already reported${near} on ${day(duplicate.created_at)}: this report was added to it. It is ${statusLabel(duplicate.status)}.`,
      account_id: null,
    };
  }
  const outcome = s.flow.outcome;
  const target = addWorkingDays(now, outcome.targetDays);
  const contactId = name || email || phone ? await createOpen311Contact(db, tenant, { name, email, phone }) : null;
  const summary = fillTemplate(outcome.summary, { ...labels, ...(s.locationStep ? { [s.locationStep.slot]: location.label } : {}) }) + (description ? `. ${description}` : '');
  const row = await createCase(db, {
    tenant,
    referencePrefix: pack.settings.caseReferencePrefix,
    serviceId: s.service.id,
    summary,
    details: {
      answers: labels,
      values,
      flow: s.flow.id,
      channel: 'open311',
      open311: { client: client.name, description: description ?? null, media_url: mediaUrl ?? null },
    },
    location,
    uprn: location.uprn ?? null,
    usrn: location.usrn ?? null,
    lat: location.lat ?? null,
    lng: location.lng ?? null,
    team: outcome.team,
    targetDate: target.toISOString().slice(0, 10),
    contactId,
    actor: `open311:${client.id}`,
    via: 'open311',
    historyNote: `Reported through Open311 (${client.name})`,
  });
  await recordOpen311Request(db, tenant, row.id, client.id);
  await recordAudit(db, { tenant, actorType: 'system', actorId: `open311:${client.id}`, action: 'open311.request_created', subjectType: 'case', subjectId: row.id });
  return {
    service_request_id: row.reference,
    service_notice: `Our ${outcome.team.replace(/_/g, ' ')} team aims to deal with it by ${day(target)}.`,
    account_id: null,
  };
}

/**
 * A `date` column as YYYY-MM-DD: node-postgres gives a Date at local midnight, PGlite one at UTC
 * midnight (a UTC-midnight Date is read in UTC, any other in local time).
 */
function dateOnly(value: unknown): string {
  if (!(value instanceof Date)) return String(value).slice(0, 10);
  const utc = value.getUTCHours() === 0 && value.getUTCMinutes() === 0;
  const [y, m, d] = utc ? [value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()] : [value.getFullYear(), value.getMonth(), value.getDate()];
  return `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A case as an Open311 service request. No personal details: these calls are public. `photoLink`:
 * a short-lived signed link to the case's photo (metadata stripped), the media_url when the client gave none.
 */
export function requestView(pack: ContentPack, row: CaseRow, photoLink?: string) {
  const s = open311Services(pack).find((x) => x.service.id === row.service_id);
  const details = caseDetails(row);
  const given = (details.open311 ?? {}) as { description?: string | null; media_url?: string | null };
  const location = (row.location ?? null) as Location | null;
  return {
    service_request_id: row.reference,
    status: isOpenStatus(row.status) ? 'open' : 'closed',
    status_notes: `It is ${statusLabel(row.status)}.`,
    service_name: s?.service.name ?? pack.servicesById.get(row.service_id)?.name ?? row.service_id,
    service_code: s?.code ?? row.service_id,
    description: given.description ?? null,
    agency_responsible: row.team ? row.team.replace(/_/g, ' ') : null,
    service_notice: null,
    requested_datetime: new Date(row.created_at).toISOString(),
    updated_datetime: new Date(row.updated_at).toISOString(),
    // A target date is a day: the end of it.
    expected_datetime: row.target_date ? `${dateOnly(row.target_date)}T23:59:59Z` : null,
    address: location?.label ?? null,
    address_id: row.uprn ?? null,
    zipcode: location?.postcode ?? null,
    lat: row.lat ?? null,
    long: row.lng ?? null,
    media_url: given.media_url ?? photoLink ?? null,
  };
}
