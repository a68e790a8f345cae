import { ApiError } from './api.js';
import { StaffApi, type StaffListing, type StaffMember } from './admin-api.js';
import { announcePage, banner, button, el, errorText, ErrorSummary, field, formatDateTime, humanise, input, say, type Field } from './ui.js';
import type { Workspace } from './workspace.js';

type AnyField = Field<HTMLInputElement>;

const ROLES: { value: string; label: string; hint: string }[] = [
  { value: 'agent', label: 'Agent', hint: 'Takes conversations from the queues of their skills' },
  { value: 'supervisor', label: 'Supervisor', hint: 'Sees every queue, the rota and deliveries' },
  { value: 'admin', label: 'Admin', hint: 'Manages staff accounts and subject access' },
];

/** A GOV.UK checkbox group in a fieldset, standing in for one form field (its first box takes the focus). */
function checkboxes(id: string, legend: string, options: { value: string; label: string; hint?: string }[], checked: readonly string[], hint?: string): AnyField & { values(): string[] } {
  const error = el('p', { id: `${id}-error`, class: 'govuk-error-message' });
  error.hidden = true;
  const boxes = options.map((o, i) =>
    el('input', { class: 'govuk-checkboxes__input', type: 'checkbox', id: `${id}-${i}`, name: id, value: o.value, ...(checked.includes(o.value) ? { checked: true } : {}) }),
  );
  const items = options.map((o, i) =>
    el(
      'div',
      { class: 'govuk-checkboxes__item' },
      boxes[i],
      el('label', { class: 'govuk-label govuk-checkboxes__label', for: boxes[i].id }, o.label, o.hint ? el('span', { class: 'govuk-hint ca-inline-hint' }, ` (${o.hint})`) : null),
    ),
  );
  const fieldset = el(
    'fieldset',
    { class: 'govuk-fieldset', ...(hint ? { 'aria-describedby': `${id}-hint` } : {}) },
    el('legend', { class: 'govuk-fieldset__legend' }, legend),
    hint ? el('div', { class: 'govuk-hint', id: `${id}-hint` }, hint) : null,
    error,
    el('div', { class: 'govuk-checkboxes' }, ...items),
  );
  const group = el('div', { class: 'govuk-form-group' }, fieldset);
  const control = boxes[0] ?? el('input', { type: 'hidden' });
  return {
    group,
    control,
    error,
    label: legend,
    setError(message) {
      group.classList.toggle('govuk-form-group--error', !!message);
      error.replaceChildren(...(message ? [el('span', { class: 'govuk-visually-hidden' }, 'Error: '), message] : []));
      error.hidden = !message;
    },
    values: () => boxes.filter((b) => b.checked).map((b) => b.value),
  };
}

function languagesOf(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Staff administration (admins only): the council's accounts, inviting someone, changing and disabling an account. */
export class AdminView {
  private readonly staff: StaffApi;
  private readonly messages = el('div', {});
  private readonly body = el('tbody', { class: 'govuk-table__body' });
  private readonly manage = el('section', { id: 'staff-manage', 'aria-labelledby': 'staff-manage-title' });
  private listing: StaffListing | null = null;

  constructor(private readonly ws: Workspace) {
    this.staff = new StaffApi(ws.api);
  }

  mount(main: HTMLElement): void {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Staff');
    this.manage.hidden = true;
    main.replaceChildren(
      this.messages,
      h1,
      el('p', { class: 'govuk-body' }, 'Invite people to the console, change what they work on, and disable accounts. Every change is recorded in the audit trail.'),
      el(
        'table',
        { class: 'govuk-table', id: 'staff-table' },
        el('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, 'Staff accounts'),
        el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...['Name', 'Roles', 'Queues', 'Capacity', 'Account', 'Action'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
        this.body,
      ),
      this.manage,
      this.inviteForm(),
    );
    announcePage('Staff', h1);
    void this.refresh();
  }

  destroy(): void {}

  private async refresh(): Promise<void> {
    try {
      this.listing = await this.staff.list();
      this.body.replaceChildren(...this.listing.agents.map((a) => this.row(a)));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      this.messages.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, err instanceof ApiError && err.status === 403 ? 'You need the admin role to manage staff.' : `Could not load staff: ${errorText(err)}`));
    }
  }

  private queueNames(ids: string[]): string {
    const names = ids.map((id) => this.listing?.queues.find((q) => q.id === id)?.name ?? humanise(id));
    return names.length ? names.join(', ') : 'None';
  }

  private accountState(a: StaffMember): HTMLElement {
    if (a.disabled) return el('strong', { class: 'govuk-tag govuk-tag--red' }, 'Disabled');
    if (a.invitePendingUntil && !a.passwordSet && !a.singleSignOn) return el('strong', { class: 'govuk-tag govuk-tag--yellow' }, 'Invited');
    if (a.lockedUntil) return el('strong', { class: 'govuk-tag govuk-tag--orange' }, 'Locked');
    return el('strong', { class: 'govuk-tag' }, 'Active');
  }

  private row(a: StaffMember): HTMLTableRowElement {
    const open = button('Manage', { class: 'govuk-button govuk-button--secondary ca-small-button', 'data-manage': a.id }, 'secondary');
    open.append(el('span', { class: 'govuk-visually-hidden' }, ` ${a.name}`));
    open.addEventListener('click', () => this.showManage(a));
    return el(
      'tr',
      { class: 'govuk-table__row', 'data-agent': a.id },
      el('td', { class: 'govuk-table__cell' }, el('span', { class: 'ca-reason' }, a.name), el('span', { class: 'ca-summary' }, a.email)),
      el('td', { class: 'govuk-table__cell' }, a.roles.map(humanise).join(', ')),
      el('td', { class: 'govuk-table__cell' }, this.queueNames(a.queues)),
      el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(a.capacity)),
      el('td', { class: 'govuk-table__cell' }, this.accountState(a)),
      el('td', { class: 'govuk-table__cell' }, open),
    );
  }

  private success(text: string): void {
    this.messages.replaceChildren(banner('Success', text, true));
    say(document.getElementById('announcer')!, text);
  }

  /** The link is shown once: a read-only field the admin can copy, with when it stops working. */
  private showLink(name: string, url: string, expires: string): HTMLElement {
    const link = field(`Invitation link for ${name}`, input({ id: 'invite-link', readonly: true, value: url, spellcheck: 'false' }), {
      hint: `Send it to ${name} yourself. It works once, until ${formatDateTime(expires)}. It is not shown again.`,
    });
    link.control.value = url;
    return el('div', { class: 'govuk-inset-text', id: 'invite-result' }, link.group);
  }

  private showManage(a: StaffMember): void {
    const listing = this.listing!;
    const summary = new ErrorSummary();
    // Two summaries share this page (the invitation form has one): each needs its own title id.
    summary.node.querySelector('h2')!.id = 'staff-edit-summary-title';
    summary.node.setAttribute('aria-labelledby', 'staff-edit-summary-title');
    const h2 = el('h2', { class: 'govuk-heading-m', id: 'staff-manage-title', tabindex: '-1' }, `Manage ${a.name}`);
    const facts = el(
      'p',
      { class: 'govuk-body' },
      `${a.email}. `,
      a.singleSignOn ? 'Signs in with single sign-on. ' : a.passwordSet ? 'Signs in with a password. ' : 'Has not accepted an invitation yet. ',
      a.secondFactor ? 'Authenticator app set up.' : 'No authenticator app set up.',
    );
    const name = field('Name', input({ id: 'staff-edit-name', autocomplete: 'off', value: a.name }));
    name.control.value = a.name;
    const groupsNote = listing.singleSignOn?.rolesFromGroups || listing.singleSignOn?.skillsFromGroups ? 'At each single sign-on, roles and skills follow the person’s groups at the council’s sign-in service.' : undefined;
    const roles = checkboxes('staff-edit-roles', 'Roles', ROLES, a.roles, groupsNote);
    const skills = checkboxes(
      'staff-edit-skills',
      'Skills',
      listing.skills.map((s) => ({ value: s, label: humanise(s), hint: listing.queues.filter((q) => q.skills.includes(s)).map((q) => q.name).join(', ') || undefined })),
      a.skills,
      'An agent is offered conversations from the queues whose skills they have.',
    );
    const capacity = field('Capacity', input({ id: 'staff-edit-capacity', inputmode: 'numeric', class: 'govuk-input govuk-input--width-10', value: String(a.capacity) }), { hint: 'How many conversations at once (1 to 20)' });
    capacity.control.value = String(a.capacity);
    const languages = field('Languages', input({ id: 'staff-edit-languages', autocomplete: 'off', spellcheck: 'false', class: 'govuk-input govuk-input--width-20' }), { hint: 'Language codes, separated by commas, like en, cy, pl' });
    languages.control.value = a.languages.join(', ');
    const fields = [name, roles, skills, capacity, languages] as AnyField[];
    const save = el('button', { type: 'submit', class: 'govuk-button' }, 'Save changes');
    const form = el('form', { novalidate: true, id: 'staff-edit' }, summary.node, ...fields.map((f) => f.group), save);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const errors: { message: string; field: AnyField }[] = [];
      if (!name.control.value.trim()) errors.push({ message: 'Enter a name', field: name });
      if (!roles.values().length) errors.push({ message: 'Choose at least one role', field: roles });
      const cap = Number(capacity.control.value.trim());
      if (!Number.isInteger(cap) || cap < 1 || cap > 20) errors.push({ message: 'Enter a capacity from 1 to 20', field: capacity });
      if (errors.length) return summary.show(errors, fields);
      try {
        const { agent } = await this.staff.change(a.id, { name: name.control.value.trim(), roles: roles.values(), skills: skills.values(), capacity: cap, languages: languagesOf(languages.control.value) });
        summary.clear(fields);
        this.success(`Saved the changes to ${agent.name}.`);
        await this.refresh();
        this.showManage(agent);
      } catch (err) {
        const byPath: Record<string, AnyField> = { name, roles, skills, capacity, languages };
        summary.show(err instanceof ApiError && err.fieldErrors.length ? err.fieldErrors.map((e) => ({ message: e.message, field: byPath[e.path.split('.')[0]] })) : [{ message: errorText(err) }], fields);
      }
    });

    const act = (label: string, id: string, variant: 'secondary' | 'warning', run: () => Promise<string>) => {
      const b = button(label, { id }, variant);
      b.addEventListener('click', async () => {
        if (b.getAttribute('aria-disabled') === 'true') return;
        b.setAttribute('aria-disabled', 'true');
        try {
          const message = await run();
          this.success(message);
          await this.refresh();
          const fresh = this.listing?.agents.find((x) => x.id === a.id);
          if (fresh) this.showManage(fresh);
        } catch (err) {
          this.messages.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, `Could not do that: ${errorText(err)}`));
          b.removeAttribute('aria-disabled');
        }
      });
      return b;
    };
    let link: HTMLElement | null = null;
    const actions = el(
      'div',
      { class: 'ca-actions' },
      a.disabled
        ? act('Re-enable account', 'staff-enable', 'secondary', async () => (await this.staff.act(a.id, 'enable'), `${a.name} can sign in again.`))
        : act('Disable account', 'staff-disable', 'warning', async () => (await this.staff.act(a.id, 'disable'), `${a.name}’s account is disabled and they have been signed out everywhere.`)),
      a.disabled ? null : act('Sign out everywhere', 'staff-sign-out', 'secondary', async () => (await this.staff.signOut(a.id), `${a.name} has been signed out everywhere.`)),
      a.secondFactor ? act('Reset authenticator app', 'staff-reset-2fa', 'secondary', async () => (await this.staff.act(a.id, 'reset-second-factor'), `${a.name} will set up an authenticator app at their next sign-in.`)) : null,
      a.disabled || !listing.passwordSignIn
        ? null
        : act('New invitation link', 'staff-reinvite', 'secondary', async () => {
            const made = await this.staff.reinvite(a.id);
            link = this.showLink(a.name, made.inviteUrl, made.inviteExpiresAt);
            return `A new invitation link for ${a.name} is below. Earlier links no longer work.`;
          }),
    );
    this.manage.hidden = false;
    this.manage.replaceChildren(h2, facts, form, el('h3', { class: 'govuk-heading-s' }, 'Account'), actions);
    if (link) this.manage.append(link);
    h2.focus();
  }

  private inviteForm(): HTMLElement {
    const summary = new ErrorSummary();
    const name = field('Full name', input({ id: 'invite-name', name: 'name', autocomplete: 'off' }));
    const email = field('Email address', input({ id: 'invite-email', name: 'email', type: 'email', autocomplete: 'off', spellcheck: 'false' }));
    const roleHolder = el('div', {});
    const queueHolder = el('div', {});
    let roles = checkboxes('invite-roles', 'Roles', ROLES, ['agent']);
    let queues = checkboxes('invite-queues', 'Queues', [], []);
    const capacity = field('Capacity', input({ id: 'invite-capacity', inputmode: 'numeric', class: 'govuk-input govuk-input--width-10', value: '3' }), { hint: 'How many conversations at once (1 to 20)' });
    capacity.control.value = '3';
    const languages = field('Languages (optional)', input({ id: 'invite-languages', autocomplete: 'off', spellcheck: 'false', class: 'govuk-input govuk-input--width-20' }), { hint: 'Language codes, separated by commas, like en, cy, pl' });
    roleHolder.append(roles.group);
    const result = el('div', {});
    const form = el(
      'form',
      { novalidate: true, id: 'invite-form' },
      el('h2', { class: 'govuk-heading-m' }, 'Invite someone'),
      el('p', { class: 'govuk-body' }, 'They get a link that works once: they set a password and an authenticator app, or sign in with single sign-on where your council uses it.'),
      summary.node,
      name.group,
      email.group,
      roleHolder,
      queueHolder,
      capacity.group,
      languages.group,
      el('button', { type: 'submit', class: 'govuk-button' }, 'Create account and invitation link'),
      result,
    );
    // The queues come with the listing.
    const fillQueues = () => {
      if (!this.listing) return void setTimeout(fillQueues, 100);
      queues = checkboxes('invite-queues', 'Queues', this.listing.queues.filter((q) => q.skills.length).map((q) => ({ value: q.id, label: q.name })), [], 'They are offered conversations from these queues.');
      queueHolder.replaceChildren(queues.group);
    };
    fillQueues();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const fields = [name, email, roles, queues, capacity, languages] as AnyField[];
      const errors: { message: string; field: AnyField }[] = [];
      if (!name.control.value.trim()) errors.push({ message: 'Enter their full name', field: name });
      const address = email.control.value.trim();
      if (!address) errors.push({ message: 'Enter their email address', field: email });
      else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) errors.push({ message: 'Enter an email address in the correct format, like name@council.gov.uk', field: email });
      if (!roles.values().length) errors.push({ message: 'Choose at least one role', field: roles });
      const cap = Number(capacity.control.value.trim());
      if (!Number.isInteger(cap) || cap < 1 || cap > 20) errors.push({ message: 'Enter a capacity from 1 to 20', field: capacity });
      if (errors.length) return summary.show(errors, fields);
      try {
        const made = await this.staff.create({ name: name.control.value.trim(), email: address, roles: roles.values(), queues: queues.values(), capacity: cap, languages: languagesOf(languages.control.value) });
        summary.clear(fields);
        form.reset();
        capacity.control.value = '3';
        roles = checkboxes('invite-roles', 'Roles', ROLES, ['agent']);
        roleHolder.replaceChildren(roles.group);
        this.success(`Account created for ${made.agent.name}. Copy the invitation link below and send it to them.`);
        result.replaceChildren(this.showLink(made.agent.name, made.inviteUrl, made.inviteExpiresAt));
        await this.refresh();
        document.getElementById('invite-link')?.focus();
      } catch (err) {
        const byPath: Record<string, AnyField> = { name, email, roles, queues, capacity, languages };
        summary.show(
          err instanceof ApiError && err.fieldErrors.length
            ? err.fieldErrors.map((e) => ({ message: e.message, field: byPath[e.path.split('.')[0]] }))
            : [{ message: err instanceof ApiError && err.status === 409 ? err.message : errorText(err), field: err instanceof ApiError && err.status === 409 ? email : undefined }],
          fields,
        );
      }
    });
    return form;
  }
}
