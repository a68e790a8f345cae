/**
 * The learning loop: what residents asked that the assistant misunderstood or answered unhelpfully,
 * grouped by text so content editors can turn the commonest into training phrases or articles.
 * Only the resident's own words leave the store, with e-mail addresses and phone numbers masked.
 */
import { unseal } from './crypto.js';
import { openRecognition } from './messages.js';
import { sql } from 'kysely';
import { fromJson } from './json.js';
import type { Db } from './schema.js';

/** Recognition actions that mean the assistant did not understand (bot/policy.ts). */
export const MISUNDERSTOOD_ACTIONS = ['not_understood', 'clarify', 'out_of_scope', 'flow_retry'] as const;

/** Answers below this confidence are worth an editor's look even when nobody complained. */
export const DEFAULT_LOW_CONFIDENCE = 0.7;

export type LearningKind = 'misunderstood' | 'low_confidence_answer' | 'unhelpful_answer';

export interface LearningRow {
  kind: LearningKind;
  /** The resident's message, contact details masked. */
  text: string;
  /** How many times this text (case and spacing aside) came in. */
  count: number;
  /** What the assistant thought, at the latest occurrence: its top intents with confidence. */
  topIntents: { intent: string; confidence: number }[];
  outOfScope: boolean;
  /** What it did at the latest occurrence: not_understood, clarify, answer... */
  action: string | null;
  articleId: string | null;
  firstSeen: Date;
  lastSeen: Date;
}

export interface LearningOptions {
  since?: Date;
  lowConfidence?: number;
}

interface Recognition {
  action?: unknown;
  confidence?: unknown;
  ranked?: unknown;
  outOfScope?: unknown;
  articleId?: unknown;
}

interface Occurrence {
  kind: LearningKind;
  text: string;
  recognition: Recognition | null;
  articleId: string | null;
  at: Date;
}

/** Misunderstood and unhelpfully answered messages of one tenant, grouped, most frequent first. */
export async function learningExport(db: Db, tenant: string, options: LearningOptions = {}): Promise<LearningRow[]> {
  const low = options.lowConfidence ?? DEFAULT_LOW_CONFIDENCE;
  const actions = sql.join(MISUNDERSTOOD_ACTIONS.map((a) => sql`${a}`));
  const confidence = sql`case when jsonb_typeof(recognition->'confidence') = 'number' then (recognition->>'confidence')::float8 else 0 end`;
  let messages = db
    .selectFrom('messages')
    .select(['text', 'recognition', 'created_at'])
    .where('tenant_id', '=', tenant)
    .where('direction', '=', 'in')
    .where('author', '=', 'resident')
    .where('recognition', 'is not', null)
    .where(sql<boolean>`(recognition->>'action' in (${actions}) or (recognition->>'action' = 'answer' and ${confidence} < ${low}))`);
  if (options.since) messages = messages.where('created_at', '>=', options.since);

  let feedback = db
    .selectFrom('feedback as f')
    .select((eb) => [
      'f.query',
      'f.article_id',
      'f.conversation_id',
      'f.created_at',
      // The message the answer was for carries what the assistant thought of it.
      eb
        .selectFrom('messages as m')
        .select('m.recognition')
        .whereRef('m.tenant_id', '=', 'f.tenant_id')
        .whereRef('m.conversation_id', '=', 'f.conversation_id')
        // By the article answered, or by equal text for rows both written in clear (sealed text is
        // compared after opening it: questionOf below).
        .where(sql<boolean>`(m.recognition->>'articleId' = f.article_id or m.text = f.query)`)
        .whereRef('m.created_at', '<=', 'f.created_at')
        .where('m.direction', '=', 'in')
        .orderBy('m.id', 'desc')
        .limit(1)
        .as('recognition'),
    ])
    .where('f.tenant_id', '=', tenant)
    .where('f.useful', '=', false);
  if (options.since) feedback = feedback.where('f.created_at', '>=', options.since);

  const [messageRows, feedbackRows] = await Promise.all([messages.execute(), feedback.execute()]);
  for (const r of feedbackRows) {
    if (r.recognition == null && r.query !== null && r.conversation_id !== null) r.recognition = await questionOf(db, tenant, r.conversation_id, unseal(r.query), r.created_at);
  }
  const occurrences: Occurrence[] = [
    ...messageRows.map((r): Occurrence => {
      const recognition = fromJson<Recognition | null>(openRecognition(r.recognition));
      return {
        kind: recognition?.action === 'answer' ? 'low_confidence_answer' : 'misunderstood',
        text: unseal(r.text),
        recognition,
        articleId: typeof recognition?.articleId === 'string' ? recognition.articleId : null,
        at: r.created_at,
      };
    }),
    ...feedbackRows.map(
      (r): Occurrence => ({
        kind: 'unhelpful_answer',
        text: unseal(r.query) ?? '',
        recognition: r.recognition == null ? null : fromJson<Recognition>(openRecognition(r.recognition)),
        articleId: r.article_id,
        at: r.created_at,
      }),
    ),
  ];
  return groupOccurrences(occurrences);
}

/**
 * The recognition of the conversation's latest inbound message up to `at` whose text is `query`:
 * the text comparison SQL cannot make once message text and the query are sealed (store/crypto.ts).
 */
async function questionOf(db: Db, tenant: string, conversationId: string, query: string, at: Date): Promise<unknown> {
  const rows = await db
    .selectFrom('messages')
    .select(['text', 'recognition'])
    .where('tenant_id', '=', tenant)
    .where('conversation_id', '=', conversationId)
    .where('direction', '=', 'in')
    .where('created_at', '<=', at)
    .orderBy('id', 'desc')
    .limit(QUESTION_LOOKBACK)
    .execute();
  return rows.find((m) => unseal(m.text) === query)?.recognition ?? null;
}

/** How many of a conversation's latest messages are opened to find the question an unhelpful answer was for. */
const QUESTION_LOOKBACK = 50;

function groupOccurrences(occurrences: Occurrence[]): LearningRow[] {
  const groups = new Map<string, { rows: Occurrence[] }>();
  for (const o of occurrences) {
    // An unhelpful answer is about the article as much as the words: keep articles apart.
    const key = JSON.stringify([o.kind, sameText(o.text), o.kind === 'unhelpful_answer' ? o.articleId : null]);
    const g = groups.get(key) ?? { rows: [] };
    g.rows.push(o);
    groups.set(key, g);
  }
  const rows = [...groups.values()].map(({ rows }): LearningRow => {
    rows.sort((a, b) => a.at.getTime() - b.at.getTime());
    const latest = rows[rows.length - 1];
    const r = latest.recognition;
    return {
      kind: latest.kind,
      text: maskContactDetails(latest.text.trim()),
      count: rows.length,
      topIntents: rankedOf(r),
      outOfScope: r?.outOfScope === true,
      action: typeof r?.action === 'string' ? r.action : latest.kind === 'unhelpful_answer' ? 'answer' : null,
      articleId: latest.articleId,
      firstSeen: rows[0].at,
      lastSeen: latest.at,
    };
  });
  return rows.sort(
    (a, b) => b.count - a.count || b.lastSeen.getTime() - a.lastSeen.getTime() || a.text.localeCompare(b.text) || a.kind.localeCompare(b.kind),
  );
}

/** "Bin  NOT emptied " and "bin not emptied" are the same question. */
function sameText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function rankedOf(r: Recognition | null): { intent: string; confidence: number }[] {
  if (!r || !Array.isArray(r.ranked)) return [];
  return r.ranked
    .filter((x): x is { intent: string; confidence: number } => !!x && typeof x.intent === 'string' && typeof x.confidence === 'number')
    .slice(0, 3)
    .map((x) => ({ intent: x.intent, confidence: x.confidence }));
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
// UK numbers as residents type them: 07700 900123, +44 7700 900123, (01632) 960-100.
const PHONE = /(?:\+44\s?\(?0?\)?\s?|\(?0)(?:\d[\s\-()]?){8,10}\d/g;

/** Residents sometimes type their contact details into a question: they are not training material. */
export function maskContactDetails(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

export const CSV_COLUMNS = ['kind', 'count', 'text', 'top_intents', 'out_of_scope', 'action', 'article_id', 'first_seen', 'last_seen'] as const;

/** RFC 4180 CSV, one row per group, for a spreadsheet. */
export function toCsv(rows: LearningRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.kind,
        String(r.count),
        r.text,
        r.topIntents.map((t) => `${t.intent} ${t.confidence.toFixed(2)}`).join('; '),
        r.outOfScope ? 'yes' : 'no',
        r.action ?? '',
        r.articleId ?? '',
        day(r.firstSeen),
        day(r.lastSeen),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

export function csvField(value: string): string {
  // A resident's "=HYPERLINK(...)" must stay text when an editor opens the file in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toJsonExport(rows: LearningRow[]): string {
  return JSON.stringify(
    rows.map((r) => ({ ...r, firstSeen: day(r.firstSeen), lastSeen: day(r.lastSeen) })),
    null,
    2,
  ) + '\n';
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}
