import { channelLabel, languageTag, safetyTag } from './queue-view.js';
import type { ConversationContext } from './types.js';
import { el, formatDateTime, humanise } from './ui.js';

/**
 * The context panel: the conversation's safety flag (from any message, so it stays however
 * ordinary the latest message was), what the assistant understood and collected, the cases,
 * the contact and their history. Recognition arrives labelled by the server (`understood`):
 * the council's service names and plain words, never internal ids.
 */
export function renderContext(context: ConversationContext): HTMLElement[] {
  const sections: HTMLElement[] = [];
  const flag = context.safetyFlag;
  if (flag) {
    sections.push(
      section(
        'Safety',
        el('p', { class: 'govuk-body ca-safety' }, safetyTag(flag.label)),
        el('p', { class: 'govuk-body ca-summary' }, `Raised ${flag.at ? `at ${formatDateTime(flag.at)}` : 'earlier in this conversation'}${flag.reason ? `: ${flag.reason}` : ''}.`),
        'ctx-safety',
      ),
    );
  }
  // The conversation's language (issue 17): a Welsh conversation is answered in Welsh.
  if (context.language) {
    const welsh = context.language === 'cy';
    sections.push(
      section(
        'Language',
        el('p', { class: 'govuk-body ca-conversation-language', 'data-language': context.language }, welsh ? languageTag('cy') : 'English', welsh ? ' The resident is writing in Welsh: reply in Welsh.' : null),
        'ctx-language',
      ),
    );
  }
  const r = context.recognition;
  const u = context.understood;
  if (u && (u.intent || u.safety)) {
    const rows: [string, Node | string][] = [];
    if (u.intent) rows.push(['Request', `${u.intent.label} (${percent(u.intent.confidence)} confidence)`]);
    if (u.others.length) rows.push(['Other possibilities', el('ul', { class: 'govuk-list' }, ...u.others.map((x) => el('li', {}, `${x.label} (${percent(x.confidence)})`)))]);
    if (r?.entities?.length) rows.push(['Recognised details', el('ul', { class: 'govuk-list' }, ...r.entities.map((e) => el('li', {}, `${humanise(e.type)}: ${display(e.value)}`)))]);
    if (u.safety) rows.push(['Safety', safetyTag(u.safety)]);
    sections.push(section('What the assistant recognised in the last message', summaryList(rows), 'ctx-recognition'));
  }
  const flow = context.flow;
  if (flow) {
    const answers = answerRows(flow.answers);
    sections.push(
      section(
        'What the assistant collected',
        el('p', { class: 'govuk-body' }, flow.title, flow.phase ? el('span', { class: 'govuk-hint ca-inline-hint' }, ` (${humanise(flow.phase)})`) : null),
        answers.length ? summaryList(answers) : el('p', { class: 'govuk-body' }, 'No answers yet.'),
        'ctx-flow',
      ),
    );
  }
  sections.push(section('Cases from this conversation', context.cases?.length ? caseList(context.cases) : el('p', { class: 'govuk-body' }, 'None yet.'), 'ctx-cases'));
  const c = context.contact;
  if (c) {
    const flags = Array.isArray(c.flags) ? c.flags : c.flags ? Object.entries(c.flags).filter(([, v]) => v).map(([k, v]) => (v === true ? k : `${k}: ${display(v)}`)) : [];
    // A typed number or e-mail is shown with whether it was verified, and whom it may belong to.
    const claims = c.claims ?? [];
    const claimOf = (kind: 'phone' | 'email', value: string | null) => claims.find((k) => k.kind === kind && (k.value === value || k.value === value?.toLowerCase()));
    const detail = (kind: 'phone' | 'email', value: string | null): Node | string => {
      const claim = claimOf(kind, value);
      return claim ? claimItem(claim, 'span') : value || 'Not known';
    };
    const rows: [string, Node | string][] = [
      ['Name', c.displayName || 'Not known'],
      ['Phone', detail('phone', c.phone)],
      ['Email', detail('email', c.email)],
    ];
    const others = claims.filter((k) => k !== claimOf('phone', c.phone) && k !== claimOf('email', c.email));
    if (others.length) rows.push(['Also given', el('ul', { class: 'govuk-list' }, ...others.map((k) => claimItem(k, 'li')))]);
    if (flags.length) rows.push(['Flags', el('ul', { class: 'govuk-list ca-flags' }, ...flags.map((f) => el('li', {}, el('strong', { class: 'govuk-tag govuk-tag--yellow' }, humanise(String(f))))))]);
    if (c.identities?.length) rows.push(['Reached us by', el('ul', { class: 'govuk-list' }, ...c.identities.map((i) => el('li', {}, channelLabel(i.channel))))]);
    sections.push(section('Contact', summaryList(rows), 'ctx-contact'));
  }
  const prev = context.previousConversations ?? [];
  sections.push(
    section(
      'Previous conversations',
      prev.length
        ? el('ul', { class: 'govuk-list ca-history' }, ...prev.map((p) => el('li', {}, el('span', { class: 'ca-history__when' }, `${formatDateTime(p.createdAt)}, ${channelLabel(p.channel)} (${humanise(p.state)})`), p.summary ? el('span', { class: 'ca-summary' }, p.summary) : null)))
        : el('p', { class: 'govuk-body' }, 'None.'),
      'ctx-previous',
    ),
  );
  const prevCases = context.previousCases ?? [];
  sections.push(section('Previous cases', prevCases.length ? caseList(prevCases) : el('p', { class: 'govuk-body' }, 'None.'), 'ctx-previous-cases'));
  return sections;
}

/** One typed number or e-mail, in the server's words; an unverified one that may be someone else's stands out. */
function claimItem(claim: NonNullable<ConversationContext['contact']>['claims'][number], tag: 'span' | 'li'): HTMLElement {
  const cls = claim.verified ? 'ca-claim ca-claim--verified' : claim.mayBeSameAs ? 'ca-claim ca-claim--may-be-same' : 'ca-claim ca-claim--unverified';
  return el(tag, { class: cls, 'data-verified': String(claim.verified) }, claim.label);
}

function section(title: string, ...children: (Node | string)[]): HTMLElement {
  const id = children.pop() as string;
  return el('section', { class: 'ca-context__section', 'aria-labelledby': `${id}-h`, id }, el('h3', { class: 'govuk-heading-s', id: `${id}-h` }, title), ...children);
}

function summaryList(rows: [string, Node | string][]): HTMLElement {
  return el(
    'dl',
    { class: 'govuk-summary-list govuk-summary-list--no-border' },
    ...rows.map(([k, v]) => el('div', { class: 'govuk-summary-list__row' }, el('dt', { class: 'govuk-summary-list__key' }, k), el('dd', { class: 'govuk-summary-list__value' }, v))),
  );
}

function caseList(cases: ConversationContext['cases']): HTMLElement {
  return el(
    'ul',
    { class: 'govuk-list ca-cases' },
    ...cases.map((k) =>
      el(
        'li',
        { 'data-reference': k.reference },
        el('strong', {}, k.reference),
        k.serviceId ? ` ${humanise(k.serviceId)}` : '',
        k.status ? el('span', { class: 'govuk-tag govuk-tag--grey ca-case-status' }, humanise(k.status)) : null,
        k.createdAt ? el('span', { class: 'ca-summary' }, formatDateTime(k.createdAt)) : null,
        k.summary ? el('span', { class: 'ca-summary' }, k.summary) : null,
        k.joined ? el('span', { class: 'ca-summary ca-case-joined' }, joinedLine(k.joined)) : null,
        ...linkedReports(k),
      ),
    ),
  );
}

type CaseItem = ConversationContext['cases'][number];

/** "This conversation's report was joined to it on 3 Mar 2026, 10:04, 15 m from its place." */
function joinedLine(joined: NonNullable<CaseItem['joined']>): string {
  const where = joined.distanceMetres === null ? '' : `, ${joined.distanceMetres} m from its place`;
  return `This conversation's report was joined to it on ${formatDateTime(joined.at)}${where}.`;
}

/** The cluster: how many further reports were joined to the case, and each one's when, how far and how. */
function linkedReports(k: CaseItem): HTMLElement[] {
  const reports = k.linkedReports ?? [];
  if (!reports.length) return [];
  const n = reports.length;
  return [
    el('span', { class: 'ca-summary ca-linked-count' }, `${n} linked ${n === 1 ? 'report' : 'reports'} (reported again instead of a new case):`),
    el(
      'ul',
      { class: 'govuk-list govuk-list--bullet ca-linked-reports', 'aria-label': `Linked reports of ${k.reference}` },
      ...reports.map((r) =>
        el(
          'li',
          { 'data-distance': r.distanceMetres === null ? '' : String(r.distanceMetres) },
          `${formatDateTime(r.at)}, ${r.distanceMetres === null ? 'same property' : `${r.distanceMetres} m away`}, ${r.via === 'open311' ? 'through Open311' : 'through the assistant'}`,
          r.fromThisConversation ? ' (this conversation)' : '',
        ),
      ),
    ),
  ];
}

function answerRows(answers: ConversationContext['flow'] extends infer F ? (F extends { answers: infer A } ? A : never) : never): [string, string][] {
  if (!answers) return [];
  if (Array.isArray(answers)) return answers.map((a) => [humanise(a.label ?? a.slot ?? ''), display(a.value)]);
  return Object.entries(answers).map(([k, v]) => [humanise(k), display(v)]);
}

/** Answers are strings, numbers, booleans or small objects (an address with its UPRN). */
export function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'Not given';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(display).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const key of ['label', 'display', 'text', 'address', 'value', 'name']) {
      if (typeof o[key] === 'string' || typeof o[key] === 'number') return String(o[key]) + (o.uprn ? ` (UPRN ${o.uprn})` : '');
    }
    return Object.entries(o)
      .map(([k, v]) => `${humanise(k)}: ${display(v)}`)
      .join('; ');
  }
  return String(value);
}

function percent(n: number | undefined): string {
  return `${Math.round((n ?? 0) * 100)}%`;
}
