import {
  caseFigures,
  contactFigures,
  handoffFigures,
  handoffReasons,
  referralFigures,
  satisfactionFigures,
  type ContactFigures,
  type Db,
  type HandoffFigures,
  type ReportKey,
  type ReportRange,
} from '../store/index.js';
import { periodKeys, type ReportPeriod } from './period.js';

/**
 * The reports as tables: each a title, its columns (with the kind of value, so the console,
 * CSV and XLSX format it alike), its rows, and the chart drawn from it. The table is the
 * accessible source of every chart. Percentages are 0–100 with one decimal; times are seconds.
 */

export type ColumnKind = 'text' | 'count' | 'percent' | 'seconds';
export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}
export type Cell = string | number | null;
export interface ReportTable {
  id: string;
  title: string;
  description: string;
  /** The chart drawn from the table: its type and the columns plotted (the first column labels the axis). */
  chart: { type: 'bar' | 'line'; series: string[] } | null;
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
}

export interface ReportFilters {
  service?: string;
  channel?: string;
  queue?: string;
  agent?: string;
}

export interface ReportLabels {
  queue?: (id: string) => string;
  agent?: (id: string) => string;
}

/** The standards a handoff's wait is judged against (seconds from joining the queue to being accepted). */
export const STANDARDS = [
  { key: 'within20', seconds: 20, name: 'Gold' },
  { key: 'within30', seconds: 30, name: 'Silver' },
  { key: 'within60', seconds: 60, name: 'Bronze' },
] as const;

const KPI_COLUMNS: ReportColumn[] = [
  { key: 'contacts', label: 'Contacts', kind: 'count' },
  { key: 'contained', label: 'Finished by the assistant', kind: 'count' },
  { key: 'containment', label: 'Containment %', kind: 'percent' },
  { key: 'misunderstood', label: 'Misunderstood %', kind: 'percent' },
  { key: 'handoffs', label: 'Handoffs', kind: 'count' },
  { key: 'answered', label: 'Answered', kind: 'count' },
  ...STANDARDS.map((s): ReportColumn => ({ key: s.key, label: `Answered within ${s.seconds} s (${s.name}) %`, kind: 'percent' })),
  { key: 'abandoned', label: 'Abandoned in queue', kind: 'count' },
  { key: 'abandonment', label: 'Queue abandonment %', kind: 'percent' },
  { key: 'menuAbandoned', label: 'Calls ended in phone menu', kind: 'count' },
  { key: 'avgWait', label: 'Average wait (s)', kind: 'seconds' },
  { key: 'avgHandling', label: 'Average handling (s)', kind: 'seconds' },
];

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);
const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

function kpiRow(c: ContactFigures | undefined, h: HandoffFigures | undefined): Record<string, Cell> {
  const answered = h?.answered ?? 0;
  const abandoned = h?.abandoned ?? 0;
  // Offered to a person and settled: answered or given up (handed back or still waiting is neither).
  const offered = answered + abandoned;
  return {
    contacts: c?.contacts ?? 0,
    contained: c?.contained ?? 0,
    containment: share(c?.contained ?? 0, c?.contacts ?? 0),
    misunderstood: share(c?.misunderstood ?? 0, c?.turns ?? 0),
    handoffs: h?.handoffs ?? 0,
    answered,
    within20: share(h?.within20 ?? 0, offered),
    within30: share(h?.within30 ?? 0, offered),
    within60: share(h?.within60 ?? 0, offered),
    abandoned,
    abandonment: share(abandoned, offered),
    menuAbandoned: c?.menuAbandoned ?? 0,
    avgWait: round1(h?.avgWaitSeconds ?? null),
    avgHandling: round1(h?.avgHandlingSeconds ?? null),
  };
}

interface KpiSpec {
  id: string;
  title: string;
  description: string;
  key: ReportKey;
  label: string;
  chart: ReportTable['chart'];
  /** Keys always shown (zeros included), in order; otherwise those found. */
  keys?: string[];
  name?: (key: string) => string;
}

async function kpiTable(db: Db, tenant: string, range: ReportRange, spec: KpiSpec): Promise<ReportTable> {
  const [contacts, handoffs] = await Promise.all([contactFigures(db, tenant, range, spec.key), handoffFigures(db, tenant, range, spec.key)]);
  const c = new Map(contacts.map((r) => [r.key, r]));
  const h = new Map(handoffs.map((r) => [r.key, r]));
  const keys = spec.keys ?? [...new Set([...c.keys(), ...h.keys()])].sort();
  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    chart: spec.chart,
    columns: [{ key: 'name', label: spec.label, kind: 'text' }, ...KPI_COLUMNS],
    rows: keys.map((k) => ({ name: spec.name ? spec.name(k) : k || '(none)', ...kpiRow(c.get(k), h.get(k)) })),
  };
}

/** Every report for the period: a summary, over time, by hour and weekday, by service, channel, queue and agent, reasons, cases, referrals. */
export async function buildReports(db: Db, tenant: string, period: ReportPeriod, filters: ReportFilters, labels: ReportLabels = {}): Promise<ReportTable[]> {
  const range: ReportRange = { firstDay: period.firstDay, lastDay: period.lastDay, from: period.from, to: period.to, timeZone: period.timeZone, ...filters };
  const hourName = (k: string) => `${k.padStart(2, '0')}:00–${k.padStart(2, '0')}:59`;
  const summary = await kpiTable(db, tenant, range, { id: 'summary', title: 'Summary', description: period.label, key: 'all', label: 'Period', chart: null, keys: [''], name: () => period.label });
  const tables: ReportTable[] = [summary];
  tables.push(
    await kpiTable(db, tenant, range, {
      id: 'over-time',
      title: period.grouping === 'hour' ? 'By hour' : period.grouping === 'day' ? 'By day' : 'By month',
      description: 'Contacts and handoffs over the period.',
      key: period.grouping,
      label: period.grouping === 'hour' ? 'Hour' : period.grouping === 'day' ? 'Day' : 'Month',
      chart: { type: 'line', series: ['contacts', 'handoffs'] },
      keys: periodKeys(period),
    }),
    await kpiTable(db, tenant, range, {
      id: 'hour-of-day',
      title: 'By hour of day',
      description: 'All days of the period together, by the local hour the contact began.',
      key: 'hour_of_day',
      label: 'Hour of day',
      chart: { type: 'bar', series: ['contacts', 'handoffs'] },
      keys: Array.from({ length: 24 }, (_, i) => String(i)),
      name: hourName,
    }),
    await kpiTable(db, tenant, range, {
      id: 'day-of-week',
      title: 'By day of week',
      description: 'All weeks of the period together.',
      key: 'day_of_week',
      label: 'Day of week',
      chart: { type: 'bar', series: ['contacts', 'handoffs'] },
      keys: ['1', '2', '3', '4', '5', '6', '7'],
      name: (k) => DAYS[Number(k) - 1] ?? k,
    }),
    await kpiTable(db, tenant, range, { id: 'by-service', title: 'By service', description: 'The first service the assistant recognised in each contact.', key: 'service', label: 'Service', chart: { type: 'bar', series: ['contacts', 'contained'] } }),
    await kpiTable(db, tenant, range, { id: 'by-channel', title: 'By channel', description: 'Web chat, SMS, WhatsApp, Messenger, e-mail, telephone.', key: 'channel', label: 'Channel', chart: { type: 'bar', series: ['contacts', 'contained'] } }),
    await kpiTable(db, tenant, range, { id: 'by-queue', title: 'By queue', description: 'Contacts handed to a person, by the queue of their last handoff.', key: 'queue', label: 'Queue', chart: { type: 'bar', series: ['handoffs', 'answered'], }, name: (k) => (k ? (labels.queue?.(k) ?? k) : 'Not handed off') }),
    await kpiTable(db, tenant, range, { id: 'by-agent', title: 'By agent', description: 'Handoffs by the adviser who accepted them.', key: 'agent', label: 'Agent', chart: { type: 'bar', series: ['handoffs'] }, name: (k) => (k ? (labels.agent?.(k) ?? k) : 'No adviser') }),
  );
  // An agent's table has no use for contacts nobody handed off.
  const byAgent = tables[tables.length - 1];
  byAgent.rows = byAgent.rows.filter((r) => Number(r.handoffs) > 0);

  const reasons = await handoffReasons(db, tenant, range);
  tables.push({
    id: 'handoff-reasons',
    title: 'Handoff reasons',
    description: 'Why the assistant handed a contact to a person.',
    chart: { type: 'bar', series: ['handoffs'] },
    columns: [
      { key: 'name', label: 'Reason', kind: 'text' },
      { key: 'handoffs', label: 'Handoffs', kind: 'count' },
      { key: 'answered', label: 'Answered', kind: 'count' },
      { key: 'abandoned', label: 'Abandoned in queue', kind: 'count' },
    ],
    rows: reasons.map((r) => ({ name: r.reason, handoffs: r.handoffs, answered: r.answered, abandoned: r.abandoned })),
  });

  const cases = await caseFigures(db, tenant, range, 'service');
  tables.push({
    id: 'cases',
    title: 'Cases by service',
    description: 'Cases created in the period, and cases resolved or closed in it (whenever created).',
    chart: { type: 'bar', series: ['created', 'resolved'] },
    columns: [
      { key: 'name', label: 'Service', kind: 'text' },
      { key: 'created', label: 'Created', kind: 'count' },
      { key: 'resolved', label: 'Resolved', kind: 'count' },
    ],
    rows: cases.map((r) => ({ name: r.key, created: r.created, resolved: r.resolved })),
  });

  const referrals = await referralFigures(db, tenant, range, period.grouping);
  const byKey = new Map(referrals.map((r) => [r.key, r]));
  tables.push({
    id: 'duty-referrals',
    title: 'Duty referrals',
    description: 'Out-of-hours referrals to the duty officer: sent, acknowledged, and the time from raising to acknowledgement (time to pass on).',
    chart: { type: 'bar', series: ['sent', 'acknowledged'] },
    columns: [
      { key: 'name', label: period.grouping === 'hour' ? 'Hour' : period.grouping === 'day' ? 'Day' : 'Month', kind: 'text' },
      { key: 'referrals', label: 'Referrals', kind: 'count' },
      { key: 'sent', label: 'Sent', kind: 'count' },
      { key: 'acknowledged', label: 'Acknowledged', kind: 'count' },
      { key: 'passOn', label: 'Average time to pass on (s)', kind: 'seconds' },
    ],
    rows: periodKeys(period).map((k) => {
      const r = byKey.get(k);
      return { name: k, referrals: r?.referrals ?? 0, sent: r?.sent ?? 0, acknowledged: r?.acknowledged ?? 0, passOn: round1(r?.avgPassOnSeconds ?? null) };
    }),
  });

  // Satisfaction (issue 16, item 4): answers to "How did we do?" given in the period (store/satisfaction.ts).
  const bySatisfaction = [
    { key: 'service', title: 'Satisfaction by service', description: 'Answers to "How did we do?" given in the period, by the main service of the conversation.', label: 'Service', name: (k: string) => k || '(none)' },
    { key: 'channel', title: 'Satisfaction by channel', description: 'Answers to "How did we do?" given in the period, by channel.', label: 'Channel', name: (k: string) => k },
    { key: 'agent', title: 'Satisfaction by agent', description: 'Answers after an adviser handled the conversation, by that adviser.', label: 'Agent', name: (k: string) => (k ? (labels.agent?.(k) ?? k) : 'No adviser') },
  ] as const;
  for (const spec of bySatisfaction) {
    const rows = await satisfactionFigures(db, tenant, range, spec.key);
    tables.push({
      id: `satisfaction-by-${spec.key}`,
      title: spec.title,
      description: spec.description,
      chart: { type: 'bar', series: ['good', 'okay', 'poor'] },
      columns: [
        { key: 'name', label: spec.label, kind: 'text' },
        { key: 'good', label: 'Good', kind: 'count' },
        { key: 'okay', label: 'Okay', kind: 'count' },
        { key: 'poor', label: 'Poor', kind: 'count' },
        { key: 'answers', label: 'Answers', kind: 'count' },
        { key: 'goodShare', label: 'Good %', kind: 'percent' },
      ],
      rows: rows
        .filter((r) => spec.key !== 'agent' || r.key)
        .map((r) => {
          const answers = r.good + r.okay + r.poor;
          return { name: spec.name(r.key), good: r.good, okay: r.okay, poor: r.poor, answers, goodShare: share(r.good, answers) };
        }),
    });
  }
  return tables;
}
