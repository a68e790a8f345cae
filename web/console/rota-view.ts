import { ApiError, rotaEntries } from './api.js';
import type { RotaEntry } from './types.js';
import { announcePage, banner, button, el, errorText, ErrorSummary, field, formatDateTime, input, say, type Field } from './ui.js';
import type { Workspace } from './workspace.js';

type AnyField = Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

/** The on-call rota for out-of-hours duty referrals: list, add (future dates only), delete. */
export class RotaView {
  private readonly body = el('tbody', { class: 'govuk-table__body' });
  private readonly empty = el('p', { class: 'govuk-body' }, 'No one is on the rota.');
  private readonly messages = el('div', {});

  constructor(private readonly ws: Workspace) {}

  mount(main: HTMLElement): void {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'On-call rota');
    main.replaceChildren(
      this.messages,
      h1,
      el('p', { class: 'govuk-body' }, 'Out of hours, urgent handoffs are sent to whoever is on call for that skill.'),
      el(
        'table',
        { class: 'govuk-table', id: 'rota-table' },
        el('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, 'Who is on call'),
        el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...['Skill', 'Name', 'Contact by', 'From', 'Until', 'Action'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
        this.body,
      ),
      this.empty,
      this.addForm(),
    );
    announcePage('On-call rota', h1);
    void this.refresh();
  }

  destroy(): void {}

  private async refresh(): Promise<void> {
    try {
      const entries = rotaEntries(await this.ws.api.rota()).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      this.body.replaceChildren(...entries.map((e) => this.row(e)));
      this.empty.hidden = entries.length > 0;
      this.body.closest('table')!.hidden = entries.length === 0;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      this.messages.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, err instanceof ApiError && err.status === 403 ? 'You need supervisor access to edit the rota.' : `Could not load the rota: ${errorText(err)}`));
    }
  }

  private row(e: RotaEntry): HTMLTableRowElement {
    const del = button('Delete', { class: 'govuk-button govuk-button--warning ca-small-button' }, 'warning');
    del.append(el('span', { class: 'govuk-visually-hidden' }, ` ${e.name}, ${e.skill}, from ${formatDateTime(e.startsAt)}`));
    del.addEventListener('click', async () => {
      try {
        await this.ws.api.deleteRota(e.id);
        this.messages.replaceChildren(banner('Success', `Removed ${e.name} from the rota.`, true));
        await this.refresh();
        document.querySelector<HTMLElement>('#rota-table button, #rota-skill')?.focus();
      } catch (err) {
        say(document.getElementById('announcer-urgent')!, `Could not delete: ${errorText(err)}`);
      }
    });
    return el(
      'tr',
      { class: 'govuk-table__row', 'data-rota': e.id },
      el('td', { class: 'govuk-table__cell' }, e.skill),
      el('td', { class: 'govuk-table__cell' }, e.name),
      el('td', { class: 'govuk-table__cell' }, `${e.channel === 'sms' ? 'SMS' : 'Email'}: ${e.destination}`),
      el('td', { class: 'govuk-table__cell' }, formatDateTime(e.startsAt)),
      el('td', { class: 'govuk-table__cell' }, formatDateTime(e.endsAt)),
      el('td', { class: 'govuk-table__cell' }, del),
    );
  }

  private addForm(): HTMLElement {
    const summary = new ErrorSummary();
    const skill = field('Skill', input({ id: 'rota-skill', name: 'skill', autocomplete: 'off', spellcheck: 'false' }), { hint: 'For example safety or housing' });
    const name = field('Name', input({ id: 'rota-name', name: 'name', autocomplete: 'off' }));
    const channel = field('Contact by', el('select', { class: 'govuk-select', id: 'rota-channel', name: 'channel' }, el('option', { value: 'sms' }, 'SMS'), el('option', { value: 'email' }, 'Email')), { id: 'rota-channel' });
    const destination = field('Mobile number or email address', input({ id: 'rota-destination', name: 'destination', autocomplete: 'off', spellcheck: 'false' }));
    const starts = field('From', input({ id: 'rota-starts', name: 'startsAt', type: 'datetime-local', class: 'govuk-input govuk-input--width-20' }));
    const ends = field('Until', input({ id: 'rota-ends', name: 'endsAt', type: 'datetime-local', class: 'govuk-input govuk-input--width-20' }));
    const fields = [skill, name, channel, destination, starts, ends] as AnyField[];
    const form = el('form', { novalidate: true, id: 'rota-add' }, el('h2', { class: 'govuk-heading-m' }, 'Add someone to the rota'), summary.node, ...fields.map((f) => f.group), el('button', { type: 'submit', class: 'govuk-button' }, 'Add to rota'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const errors: { message: string; field: AnyField }[] = [];
      const from = starts.control.value ? new Date(starts.control.value) : null;
      const until = ends.control.value ? new Date(ends.control.value) : null;
      if (!skill.control.value.trim()) errors.push({ message: 'Enter the skill', field: skill });
      if (!name.control.value.trim()) errors.push({ message: 'Enter the name of the person on call', field: name });
      const dest = destination.control.value.trim();
      if (!dest) errors.push({ message: channel.control.value === 'sms' ? 'Enter a mobile number' : 'Enter an email address', field: destination });
      else if (channel.control.value === 'email' && !/^[^\s@]+@[^\s@]+$/.test(dest)) errors.push({ message: 'Enter an email address in the correct format, like name@council.gov.uk', field: destination });
      else if (channel.control.value === 'sms' && !/^\+?[\d\s()-]{10,}$/.test(dest)) errors.push({ message: 'Enter a mobile number, like 07700 900 982', field: destination });
      if (!from || Number.isNaN(from.getTime())) errors.push({ message: 'Enter when the shift starts', field: starts });
      else if (from.getTime() < Date.now()) errors.push({ message: 'The start must be in the future', field: starts });
      if (!until || Number.isNaN(until.getTime())) errors.push({ message: 'Enter when the shift ends', field: ends });
      else if (from && until.getTime() <= from.getTime()) errors.push({ message: 'The end must be after the start', field: ends });
      if (errors.length) return summary.show(errors, fields);
      try {
        await this.ws.api.addRota({ skill: skill.control.value.trim(), name: name.control.value.trim(), channel: channel.control.value as 'sms' | 'email', destination: dest, startsAt: from!.toISOString(), endsAt: until!.toISOString() });
        summary.clear(fields);
        form.reset();
        this.messages.replaceChildren(banner('Success', 'Added to the rota.', true));
        say(document.getElementById('announcer')!, 'Added to the rota.');
        await this.refresh();
      } catch (err) {
        const byPath: Record<string, AnyField> = { skill, name, channel, destination, startsAt: starts, endsAt: ends };
        summary.show(err instanceof ApiError && err.fieldErrors.length ? err.fieldErrors.map((e) => ({ message: e.message, field: byPath[e.path] })) : [{ message: errorText(err) }], fields);
      }
    });
    return form;
  }
}
