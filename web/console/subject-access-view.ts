import type { ErasureRecord, ErasureResult, SubjectIds, SubjectMatch, SubjectSearchKind } from '../../wire/index.js';
import { ApiError } from './api.js';
import { channelLabel } from './queue-view.js';
import { printableUrl, SubjectApi } from './subject-api.js';
import { announcePage, banner, button, el, errorText, ErrorSummary, field, formatDateTime, input, type Field } from './ui.js';
import type { Workspace } from './workspace.js';

type AnyField = Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

/** How each kind of search is asked for: the one field's label, hint and keyboard. */
const KINDS: Record<SubjectSearchKind, { option: string; label: string; hint: string; empty: string; attrs: Record<string, string> }> = {
  phone: { option: 'Phone number', label: 'Phone number', hint: 'UK or international, with or without spaces, for example 07700 900456', empty: 'Enter a phone number', attrs: { type: 'tel', inputmode: 'tel' } },
  email: { option: 'Email address', label: 'Email address', hint: 'The address they gave us or wrote from', empty: 'Enter an email address', attrs: { type: 'email', inputmode: 'email' } },
  reference: { option: 'Case reference', label: 'Case reference', hint: 'For example MBC-123456', empty: 'Enter a case reference', attrs: { type: 'text', inputmode: 'text' } },
  name: { option: 'Name', label: 'Name', hint: 'Part of a name finds everyone whose name contains it', empty: 'Enter a name', attrs: { type: 'text', inputmode: 'text' } },
};

/** The erasure's counts in words (store/subject-access.ts eraseSubject), in this order; others are humanised. */
const COUNT_LABELS: [string, string][] = [
  ['contacts', 'Contact records deleted'],
  ['identities', 'Channel identities deleted'],
  ['contactClaims', 'Phone numbers and email addresses they gave, deleted'],
  ['conversations', 'Conversations deleted'],
  ['messages', 'Messages deleted'],
  ['feedback', 'Feedback on answers deleted'],
  ['jobs', 'Pending background jobs deleted'],
  ['referrals', 'Duty referrals cleared of their summary and details'],
  ['auditEvents', 'Audit events cleared of their detail'],
  ['cases', 'Cases kept without identity'],
  ['suppressionsKept', 'SMS opt-outs kept as a bare record'],
];

/** The page's few layout rules beyond the console's GOV.UK styles, added once. */
const STYLE = `
.ca-subject { border: 1px solid #b1b4b6; border-left: 5px solid #1d70b8; padding: 12px 16px 0; margin-bottom: 20px; }
.ca-subject .govuk-heading-s { margin-top: 0; }
.ca-subject__actions { display: flex; flex-wrap: wrap; align-items: flex-start; }
a.govuk-button { text-decoration: none; }
a.govuk-button--secondary, a.govuk-button--secondary:visited, a.govuk-button--secondary:hover { color: #0b0c0c; }
.ca-subject-erase .govuk-list--bullet { list-style: disc; padding-left: 24px; }
.govuk-textarea { min-height: 90px; resize: vertical; }
#subject-results-title:focus, #subject-step-title:focus { outline: 3px solid transparent; }
`;

function addStyleOnce(): void {
  if (document.getElementById('ca-subject-style')) return;
  document.head.append(el('style', { id: 'ca-subject-style' }, STYLE));
}

/** The contacts and contact-less cases of these matches: one person may be several contacts (a web chat, their number's SMS). */
export function subjectOf(matches: SubjectMatch[]): SubjectIds {
  return {
    contactIds: matches.flatMap((m) => (m.contactId ? [m.contactId] : [])),
    caseIds: matches.flatMap((m) => (!m.contactId && m.caseId ? [m.caseId] : [])),
  };
}

/** A name staff can tell people apart by: their name, else how they reached us, else the case. */
export function whoIs(m: SubjectMatch): string {
  if (m.displayName) return m.displayName;
  if (m.phone) return m.phone;
  if (m.email) return m.email;
  const shown = m.identities.find((i) => showsId(i.channelUserId));
  if (shown) return shown.channelUserId;
  if (!m.contactId && m.caseReferences.length) return `Case ${m.caseReferences[0]}`;
  return 'Resident without a name or number';
}

/** Phone numbers and e-mail addresses are worth showing; a web chat's random id is not. */
function showsId(id: string): boolean {
  return /@/.test(id) || /^\+?[\d\s]{6,}$/.test(id);
}

export function channelsText(m: SubjectMatch): string {
  if (!m.identities.length) return m.contactId ? 'No channel identity held (web chat only, or identities already removed)' : 'Not linked to a resident';
  return m.identities.map((i) => (showsId(i.channelUserId) ? `${channelLabel(i.channel)} (${i.channelUserId})` : channelLabel(i.channel))).join(', ');
}

export function countsText(counts: Record<string, number>): string[] {
  const known = new Map(COUNT_LABELS);
  const keys = [...COUNT_LABELS.map(([k]) => k).filter((k) => k in counts), ...Object.keys(counts).filter((k) => !known.has(k))];
  return keys.filter((k) => counts[k] > 0).map((k) => `${known.get(k) ?? k}: ${counts[k]}`);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Subject access and erasure, for admins (#/subject-access): search by phone, e-mail, case
 * reference or name; for each match export the JSON record, open the printable record, or erase
 * them after a confirmation that names what goes and what stays; and the council's past erasures.
 * Everything it does is audited by the server, which also refuses anyone without the admin role.
 */
export class SubjectAccessView {
  private readonly client: SubjectApi;
  private readonly summary = new ErrorSummary();
  private readonly notices = el('div', {});
  private readonly searchSection = el('section', { 'aria-labelledby': 'subject-search-title' });
  private readonly results = el('section', { id: 'subject-results', 'aria-labelledby': 'subject-results-title', hidden: true });
  private readonly step = el('div', { id: 'subject-step', hidden: true });
  private readonly erasures = el('section', { id: 'subject-erasures', 'aria-labelledby': 'subject-erasures-title' });
  private kind!: Field<HTMLSelectElement>;
  private value!: Field<HTMLInputElement>;
  private destroyed = false;

  constructor(private readonly ws: Workspace) {
    this.client = new SubjectApi(ws.api);
  }

  mount(main: HTMLElement): void {
    addStyleOnce();
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Subject access and erasure');
    this.searchSection.replaceChildren(...this.searchForm());
    main.replaceChildren(
      this.summary.node,
      this.notices,
      h1,
      el('p', { class: 'govuk-body ca-narrow' }, 'Find everything the council assistant holds about a resident, give them a copy, or erase it at their request. Every search, export and erasure is recorded in the audit trail against their records, never with what you searched for.'),
      this.searchSection,
      this.results,
      this.step,
      this.erasures,
    );
    announcePage('Subject access', h1);
    void this.loadErasures();
  }

  destroy(): void {
    this.destroyed = true;
  }

  // --- Search ------------------------------------------------------------------------------------

  private searchForm(): Node[] {
    this.kind = field(
      'Search by',
      el('select', { class: 'govuk-select', id: 'subject-by', name: 'by' }, ...(Object.keys(KINDS) as SubjectSearchKind[]).map((k) => el('option', { value: k }, KINDS[k].option))),
      { id: 'subject-by' },
    );
    this.value = field(KINDS.phone.label, input({ id: 'subject-value', name: 'value', autocomplete: 'off', spellcheck: 'false', class: 'govuk-input govuk-input--width-20', maxlength: '200' }), { hint: KINDS.phone.hint });
    const label = this.value.group.querySelector('label')!;
    const hint = this.value.group.querySelector('.govuk-hint')!;
    const describe = () => {
      const k = KINDS[this.kind.control.value as SubjectSearchKind];
      label.textContent = k.label;
      hint.textContent = k.hint;
      for (const [name, v] of Object.entries(k.attrs)) this.value.control.setAttribute(name, v);
    };
    describe();
    this.kind.control.addEventListener('change', () => {
      describe();
      this.value.setError(null);
    });
    const submit = el('button', { type: 'submit', class: 'govuk-button', id: 'subject-search-button' }, 'Search');
    const form = el('form', { novalidate: true, id: 'subject-search', class: 'ca-narrow' }, this.kind.group, this.value.group, submit);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void busy(submit, () => this.search());
    });
    return [el('h2', { class: 'govuk-heading-m', id: 'subject-search-title' }, 'Find a resident'), form];
  }

  private async search(): Promise<void> {
    const by = this.kind.control.value as SubjectSearchKind;
    const value = this.value.control.value.trim();
    const fields = [this.kind, this.value] as AnyField[];
    let problem: string | null = null;
    if (!value) problem = KINDS[by].empty;
    else if (by === 'phone' && !/\d{3,}/.test(value.replace(/\D/g, ''))) problem = 'Enter a phone number, like 07700 900456';
    else if (by === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) problem = 'Enter an email address in the correct format, like name@example.com';
    else if (by === 'name' && value.length < 2) problem = 'Enter at least 2 letters of the name';
    if (problem) return this.summary.show([{ message: problem, field: this.value as AnyField }], fields);
    this.summary.clear(fields);
    this.notices.replaceChildren();
    try {
      const { matches } = await this.client.search({ by, value });
      if (this.destroyed) return;
      this.showResults(matches, `${KINDS[by].label.toLowerCase()} “${value}”`);
    } catch (err) {
      if (isSignedOut(err)) return;
      this.summary.show([{ message: `Could not search: ${problemText(err)}` }], fields);
    }
  }

  private showResults(matches: SubjectMatch[], searched: string): void {
    const heading = el('h2', { class: 'govuk-heading-m', id: 'subject-results-title', tabindex: '-1' }, matches.length ? `${plural(matches.length, 'match', 'matches')} for ${searched}` : `No one found for ${searched}`);
    const children: Node[] = [heading];
    if (!matches.length) {
      children.push(el('p', { class: 'govuk-body' }, 'Nothing is held under that. Check it, or search another way: a resident who used web chat may be found by the case reference they were given, or by a number they typed.'));
    } else {
      if (matches.length > 1) {
        children.push(el('p', { class: 'govuk-body ca-narrow' }, 'One person may appear more than once: for example their web chat, where they typed their number, and their text messages from that number. Check each, and use “All matches together” below when they are all the same person.'));
      }
      children.push(el('ul', { class: 'govuk-list', id: 'subject-matches' }, ...matches.map((m, i) => el('li', {}, this.card([m], `subject-${i}`, whoIs(m))))));
      if (matches.length > 1) children.push(this.card(matches, 'subject-all', `All ${matches.length} matches together`));
    }
    this.results.replaceChildren(...children);
    this.results.hidden = false;
    this.step.hidden = true;
    heading.focus();
  }

  /** One result (or all of them): who, how they reached us, what is held, and the three actions. */
  private card(matches: SubjectMatch[], id: string, title: string): HTMLElement {
    const subject = subjectOf(matches);
    const one = matches.length === 1 ? matches[0] : null;
    const references = [...new Set(matches.flatMap((m) => m.caseReferences))];
    const conversations = matches.reduce((n, m) => n + m.conversations, 0);
    const row = (key: string, value: string) => el('div', { class: 'govuk-summary-list__row' }, el('dt', { class: 'govuk-summary-list__key' }, key), el('dd', { class: 'govuk-summary-list__value' }, value));
    // A case found by reference with nobody attached (reported anonymously, or its resident erased).
    const caseOnly = one && !one.contactId;
    const details = el(
      'dl',
      { class: 'govuk-summary-list' },
      caseOnly ? row('Resident', 'None held: no contact is linked to this case') : null,
      one && !caseOnly ? row('Name', one.displayName ?? 'Not given') : null,
      one && !caseOnly ? row('Phone', one.phone ?? 'Not held') : null,
      one && !caseOnly ? row('Email', one.email ?? 'Not held') : null,
      caseOnly ? null : one ? row('Reached us by', channelsText(one)) : row('Reached us by', [...new Set(matches.flatMap((m) => m.identities.map((i) => channelLabel(i.channel))))].join(', ') || 'No channel identity held'),
      caseOnly ? null : row('Conversations', String(conversations)),
      row('Cases', references.length ? references.join(', ') : 'None'),
      one ? row('Last active', one.lastActivityAt ? formatDateTime(one.lastActivityAt) : 'Not known') : null,
    );
    const status = el('div', { class: 'ca-subject__status' });
    const forWhom = ` for ${title}`;
    const exportButton = button('Export (JSON)', { class: 'govuk-button govuk-button--secondary', 'data-action': 'export' }, 'secondary');
    exportButton.append(el('span', { class: 'govuk-visually-hidden' }, forWhom));
    exportButton.addEventListener('click', () => void busy(exportButton, () => this.exportJson(subject, status)));
    const printable = el(
      'a',
      { class: 'govuk-button govuk-button--secondary', href: printableUrl(subject), target: '_blank', rel: 'noopener', 'data-action': 'print' },
      'Open printable record',
      el('span', { class: 'govuk-visually-hidden' }, `${forWhom} (opens in a new tab)`),
    );
    const eraseButton = button('Erase…', { class: 'govuk-button govuk-button--warning', 'data-action': 'erase' }, 'warning');
    eraseButton.append(el('span', { class: 'govuk-visually-hidden' }, forWhom));
    eraseButton.addEventListener('click', () => this.confirmErase(matches, title, eraseButton));
    return el(
      'section',
      { class: 'ca-subject', id, 'aria-labelledby': `${id}-title`, 'data-contacts': subject.contactIds.join(','), 'data-cases': subject.caseIds.join(',') },
      el('h3', { class: 'govuk-heading-s', id: `${id}-title` }, title),
      details,
      el('div', { class: 'ca-subject__actions' }, exportButton, printable, eraseButton),
      status,
    );
  }

  /** Fetches the JSON export (errors shown here, not saved as a file) and hands it to the browser as a download. */
  private async exportJson(subject: SubjectIds, status: HTMLElement): Promise<void> {
    status.replaceChildren();
    try {
      const { blob, filename } = await this.client.exportJson(subject);
      const url = URL.createObjectURL(blob);
      const link = el('a', { href: url, download: filename, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      status.replaceChildren(el('p', { class: 'govuk-body', role: 'status' }, `Exported as ${filename}. Check your downloads.`));
    } catch (err) {
      if (isSignedOut(err)) return;
      status.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, `Could not export: ${problemText(err)}`));
    }
  }

  // --- Erasure -----------------------------------------------------------------------------------

  /** The confirmation step: what goes and what stays, a reason, and ERASE typed. */
  private confirmErase(matches: SubjectMatch[], title: string, from: HTMLElement): void {
    const subject = subjectOf(matches);
    const references = [...new Set(matches.flatMap((m) => m.caseReferences))];
    const conversations = matches.reduce((n, m) => n + m.conversations, 0);
    const channels = [...new Set(matches.flatMap((m) => m.identities.map((i) => channelLabel(i.channel))))];
    const people = subject.contactIds.length > 0;
    const reason = field(
      'Reason for erasure',
      el('textarea', { class: 'govuk-textarea', id: 'erase-reason', name: 'reason', rows: '3', maxlength: '1000', spellcheck: 'true' }),
      { hint: 'For example, when and how they asked. It is kept in the record of erasures; any of their names, phone numbers or email addresses in it are replaced with [erased].' },
    );
    const confirm = field('Type ERASE to confirm', input({ id: 'erase-confirm', name: 'confirm', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'characters', class: 'govuk-input govuk-input--width-10' }), {
      hint: 'In capital letters',
    });
    const fields = [reason, confirm] as AnyField[];
    const submit = el('button', { type: 'submit', class: 'govuk-button govuk-button--warning', id: 'erase-submit' }, 'Erase permanently');
    const cancel = button('Cancel', { id: 'erase-cancel' }, 'secondary');
    const form = el('form', { novalidate: true, id: 'erase-form', class: 'ca-narrow' }, reason.group, confirm.group, submit, cancel);
    const heading = el('h2', { class: 'govuk-heading-m', id: 'subject-step-title' }, `Erase ${title}`);
    const li = (text: string) => el('li', {}, text);
    this.step.replaceChildren(
      el(
        'section',
        { class: 'ca-subject-erase', 'aria-labelledby': 'subject-step-title' },
        heading,
        el(
          'div',
          { class: 'govuk-warning-text' },
          el('span', { class: 'govuk-warning-text__icon', 'aria-hidden': 'true' }, '!'),
          el('strong', { class: 'govuk-warning-text__text' }, el('span', { class: 'govuk-visually-hidden' }, 'Warning '), 'This cannot be undone. If they asked for a copy of their records, export it first.'),
        ),
        el('h3', { class: 'govuk-heading-s', id: 'erase-removed' }, 'What will be removed'),
        el(
          'ul',
          { class: 'govuk-list govuk-list--bullet', 'aria-labelledby': 'erase-removed' },
          people ? li(`Their name, phone numbers and email addresses, and how they reached us${channels.length ? ` (${channels.join(', ')})` : ''}.`) : null,
          people ? li(`${plural(conversations, 'conversation', 'conversations')}, with every message, handoff to staff and change of state.`) : null,
          people ? li('Feedback they gave on answers, and background jobs still waiting to run for them.') : null,
          li('The summary and details of any out-of-hours duty referral about them.'),
          li(`${references.length ? 'The summary, details, address and exact location of their cases, notes on the cases’ status history, and' : 'The'} detail of audit events about them.`),
        ),
        el('h3', { class: 'govuk-heading-s', id: 'erase-kept' }, 'What will be kept'),
        el(
          'ul',
          { class: 'govuk-list govuk-list--bullet', 'aria-labelledby': 'erase-kept' },
          li(
            references.length
              ? `${references.length === 1 ? 'Case' : 'Cases'} ${references.join(', ')}, as facts without identity: the service, status, team, dates and reference, the street and postcode district, and a location rounded to about a kilometre. The case summary, details, address and who reported it are removed.`
              : 'No cases are held for them.',
          ),
          people ? null : li('The case reference, so it can be found again, with no one attached.'),
          li('Who searched, exported and erased their records, and when (the audit trail).'),
          li('A record of this erasure: who did it, when, the reason, how much was removed and the case references kept.'),
          li('If they asked not to be sent text messages, their number stays as a bare opt-out record so that none are sent.'),
        ),
        form,
      ),
    );
    const back = () => {
      this.summary.clear(fields);
      this.step.hidden = true;
      this.step.replaceChildren();
      this.searchSection.hidden = false;
      this.results.hidden = false;
      announcePage('Subject access', null);
      from.focus();
    };
    cancel.addEventListener('click', back);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const errors: { message: string; field: AnyField }[] = [];
      const why = reason.control.value.trim();
      if (!why) errors.push({ message: 'Enter the reason for erasure', field: reason as AnyField });
      else if (why.length < 5) errors.push({ message: 'The reason must be at least 5 characters', field: reason as AnyField });
      if (confirm.control.value.trim() !== 'ERASE') errors.push({ message: confirm.control.value.trim() ? 'Type ERASE in capital letters to confirm' : 'Type ERASE to confirm', field: confirm as AnyField });
      if (errors.length) return this.summary.show(errors, fields);
      this.summary.clear(fields);
      void busy(submit, () => this.erase(subject, why, title, fields, { reason, confirm }));
    });
    this.searchSection.hidden = true;
    this.results.hidden = true;
    this.step.hidden = false;
    announcePage(`Erase ${title}`, heading);
  }

  private async erase(subject: SubjectIds, reason: string, title: string, fields: AnyField[], named: Record<'reason' | 'confirm', AnyField>): Promise<void> {
    try {
      const result = await this.client.erase({ ...subject, reason, confirm: 'ERASE' });
      if (this.destroyed) return;
      this.showOutcome(result, title);
      void this.loadErasures();
    } catch (err) {
      if (isSignedOut(err)) return;
      const fieldErrors = err instanceof ApiError ? err.fieldErrors.filter((f) => f.path === 'reason' || f.path === 'confirm') : [];
      if (fieldErrors.length) return this.summary.show(fieldErrors.map((f) => ({ message: `${f.path === 'reason' ? 'Reason' : 'Confirmation'}: ${f.message}`, field: named[f.path as 'reason' | 'confirm'] })), fields);
      this.summary.show([{ message: `Nothing was erased: ${problemText(err)}` }], fields);
    }
  }

  private showOutcome(result: ErasureResult, title: string): void {
    const heading = el('h2', { class: 'govuk-heading-m', id: 'subject-step-title' }, `Erased ${title}`);
    const again = button('Start a new search', { id: 'subject-new-search' });
    again.addEventListener('click', () => {
      this.step.hidden = true;
      this.step.replaceChildren();
      this.notices.replaceChildren();
      this.results.replaceChildren();
      this.searchSection.hidden = false;
      this.value.control.value = '';
      announcePage('Subject access', null);
      this.value.control.focus();
    });
    this.notices.replaceChildren(banner('Success', `Erased ${title}. Erasure record ${result.erasureId}.`, true));
    this.results.replaceChildren();
    this.step.replaceChildren(
      el(
        'section',
        { id: 'erase-outcome', 'aria-labelledby': 'subject-step-title' },
        heading,
        el('ul', { class: 'govuk-list', id: 'erase-counts' }, ...countsText(result.counts).map((t) => el('li', {}, t))),
        el(
          'p',
          { class: 'govuk-body', id: 'erase-kept-references' },
          result.keptCaseReferences.length ? `Kept without identity: ${result.keptCaseReferences.join(', ')}.` : 'No cases were kept.',
        ),
        el('p', { class: 'govuk-body' }, 'Search again to check that nothing of them remains. The record of this erasure is in the list below.'),
        again,
      ),
    );
    this.step.hidden = false;
    announcePage(`Erased ${title}`, heading);
  }

  // --- Past erasures -----------------------------------------------------------------------------

  private async loadErasures(): Promise<void> {
    const title = el('h2', { class: 'govuk-heading-m', id: 'subject-erasures-title' }, 'Past erasures');
    try {
      const { erasures } = await this.client.erasures();
      if (this.destroyed) return;
      this.erasures.replaceChildren(title, erasures.length ? this.erasureTable(erasures) : el('p', { class: 'govuk-body ca-empty' }, 'No one has been erased yet.'));
    } catch (err) {
      if (isSignedOut(err)) return;
      this.erasures.replaceChildren(title, el('p', { class: 'govuk-error-message', role: 'alert' }, `Could not load past erasures: ${problemText(err)}`));
    }
  }

  private erasureTable(erasures: ErasureRecord[]): HTMLElement {
    const cell = (...children: (Node | string)[]) => el('td', { class: 'govuk-table__cell' }, ...children);
    return el(
      'table',
      { class: 'govuk-table', id: 'erasures-table' },
      el('caption', { class: 'govuk-visually-hidden' }, 'Erasures, newest first'),
      el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...['When', 'By', 'Reason', 'Removed', 'Cases kept'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
      el(
        'tbody',
        { class: 'govuk-table__body' },
        ...erasures.map((e) =>
          el(
            'tr',
            { class: 'govuk-table__row', 'data-erasure': e.id },
            el('th', { scope: 'row', class: 'govuk-table__header' }, formatDateTime(e.erasedAt)),
            cell(e.erasedByName),
            cell(e.reason),
            cell(el('ul', { class: 'govuk-list' }, ...countsText(e.counts).map((t) => el('li', {}, t)))),
            cell(e.keptCaseReferences.join(', ') || 'None'),
          ),
        ),
      ),
    );
  }
}

function isSignedOut(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401;
}

function problemText(err: unknown): string {
  if (err instanceof ApiError && err.status === 403) return 'you need the admin role to do this.';
  return errorText(err);
}

/** One request at a time per button: a second press while it runs does nothing. */
async function busy(control: HTMLButtonElement, work: () => Promise<void>): Promise<void> {
  if (control.getAttribute('aria-disabled') === 'true') return;
  control.setAttribute('aria-disabled', 'true');
  try {
    await work();
  } finally {
    control.removeAttribute('aria-disabled');
  }
}
