import { ApiError } from './api.js';
import type { CannedResponse } from './types.js';
import { announcePage, banner, button, el, errorText, ErrorSummary, field, humanise, input, type Field } from './ui.js';
import type { Workspace } from './workspace.js';

type AnyField = Field<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

/**
 * Canned responses for supervisors and admins (issue 16, item 7): every one of the council's, for
 * everyone or for one skill; add, change, delete (a second press confirms). Agents use them from a
 * conversation's tools, where {resident_name}, {agent_name}, {council} and {reference} are filled in.
 */
export class CannedView {
  private readonly body = el('tbody', { class: 'govuk-table__body' });
  private readonly empty = el('p', { class: 'govuk-body ca-empty' }, 'There are no canned responses.');
  private readonly messages = el('div', { class: 'ca-messages' });
  private readonly formHeading = el('h2', { class: 'govuk-heading-m', id: 'canned-form-heading', tabindex: '-1' }, 'Add a canned response');
  private readonly title = field('Title', input({ id: 'canned-title', name: 'title', autocomplete: 'off' }), { hint: 'What advisers choose it by, for example “Case logged”' });
  private readonly skill = field('For', el('select', { class: 'govuk-select', id: 'canned-skill', name: 'skill' }, el('option', { value: '' }, 'Everyone')), { id: 'canned-skill', hint: 'Everyone, or only advisers with one skill' });
  private readonly text = field('Text', el('textarea', { class: 'govuk-textarea', id: 'canned-body', name: 'body', rows: '5' }), {
    hint: 'These are filled in when an adviser inserts it: {resident_name}, {agent_name}, {council}, {reference}.',
  });
  private readonly summary = new ErrorSummary();
  private readonly cancel = button('Cancel', { id: 'canned-cancel' }, 'secondary');
  private editing: CannedResponse | null = null;

  constructor(private readonly ws: Workspace) {}

  mount(main: HTMLElement, notice?: string): void {
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Canned responses');
    const save = el('button', { type: 'submit', class: 'govuk-button', id: 'canned-save' }, 'Save canned response');
    const form = el('form', { novalidate: true, id: 'canned-form' }, this.formHeading, this.summary.node, this.title.group, this.skill.group, this.text.group, el('div', { class: 'govuk-button-group' }, save, this.cancel));
    this.cancel.hidden = true;
    this.cancel.addEventListener('click', () => this.edit(null));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    main.replaceChildren(
      this.messages,
      h1,
      el('p', { class: 'govuk-body' }, 'Advisers insert these into their replies from a conversation’s tools.'),
      el(
        'table',
        { class: 'govuk-table', id: 'canned-table' },
        el('caption', { class: 'govuk-table__caption govuk-table__caption--m' }, 'The council’s canned responses'),
        el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...['Title', 'For', 'Text', 'Action'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
        this.body,
      ),
      this.empty,
      form,
    );
    if (notice) this.messages.replaceChildren(banner('Success', notice, true));
    announcePage('Canned responses', h1);
    void this.loadSkills();
    void this.refresh();
  }

  destroy(): void {}

  private async loadSkills(): Promise<void> {
    try {
      const { queues } = await this.ws.api.transferQueues();
      const skills = [...new Set(queues.flatMap((q) => q.skills))].sort();
      const select = this.skill.control as HTMLSelectElement;
      const chosen = select.value;
      select.replaceChildren(el('option', { value: '' }, 'Everyone'), ...skills.map((s) => el('option', { value: s }, `Advisers with the skill ${humanise(s).toLowerCase()}`)));
      select.value = chosen;
    } catch {
      // Everyone only: still usable.
    }
  }

  private async refresh(): Promise<void> {
    try {
      const { responses } = await this.ws.api.cannedResponses(true);
      this.body.replaceChildren(...responses.map((r) => this.row(r)));
      this.empty.hidden = responses.length > 0;
      this.body.closest('table')!.hidden = responses.length === 0;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      this.messages.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, `Could not load the canned responses: ${errorText(err)}`));
    }
  }

  private row(r: CannedResponse): HTMLTableRowElement {
    const edit = button('Change', { class: 'govuk-button govuk-button--secondary ca-small-button', 'data-action': 'edit' }, 'secondary');
    edit.append(el('span', { class: 'govuk-visually-hidden' }, ` “${r.title}”`));
    edit.addEventListener('click', () => this.edit(r));
    const del = button('Delete', { class: 'govuk-button govuk-button--warning ca-small-button', 'data-action': 'delete' }, 'warning');
    del.append(el('span', { class: 'govuk-visually-hidden' }, ` “${r.title}”`));
    del.addEventListener('click', async () => {
      // The first press asks; the second deletes.
      if (del.dataset.confirm !== 'true') {
        del.dataset.confirm = 'true';
        del.replaceChildren(`Press again to delete “${r.title}”`);
        return;
      }
      try {
        await this.ws.api.deleteCannedResponse(r.id);
        if (this.editing?.id === r.id) this.edit(null, false);
        this.messages.replaceChildren(banner('Success', `Deleted “${r.title}”.`, true));
        await this.refresh();
        document.querySelector<HTMLElement>('#canned-table button, #canned-title')?.focus();
      } catch (err) {
        this.messages.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, `Could not delete “${r.title}”: ${errorText(err)}`));
      }
    });
    return el(
      'tr',
      { class: 'govuk-table__row', 'data-canned': r.id },
      el('td', { class: 'govuk-table__cell' }, r.title),
      el('td', { class: 'govuk-table__cell' }, r.skill ? humanise(r.skill) : 'Everyone'),
      el('td', { class: 'govuk-table__cell ca-canned-body' }, r.body),
      el('td', { class: 'govuk-table__cell' }, el('div', { class: 'govuk-button-group' }, edit, del)),
    );
  }

  /** Fills the form with a response to change (null: back to adding one). */
  private edit(r: CannedResponse | null, focus = true): void {
    this.editing = r;
    this.summary.clear(this.fields());
    this.formHeading.textContent = r ? `Change “${r.title}”` : 'Add a canned response';
    this.title.control.value = r?.title ?? '';
    this.skill.control.value = r?.skill ?? '';
    this.text.control.value = r?.body ?? '';
    this.cancel.hidden = !r;
    if (focus) (r ? this.title.control : this.formHeading).focus();
  }

  private fields(): AnyField[] {
    return [this.title, this.skill, this.text] as AnyField[];
  }

  private async save(): Promise<void> {
    const errors: { message: string; field: AnyField }[] = [];
    if (!this.title.control.value.trim()) errors.push({ message: 'Enter a title', field: this.title as AnyField });
    if (!this.text.control.value.trim()) errors.push({ message: 'Enter the text of the response', field: this.text as AnyField });
    if (errors.length) return this.summary.show(errors, this.fields());
    const wasEditing = this.editing;
    try {
      const { response } = await this.ws.api.saveCannedResponse(wasEditing?.id ?? null, {
        title: this.title.control.value.trim(),
        body: this.text.control.value.trim(),
        skill: this.skill.control.value || null,
      });
      this.edit(null, false);
      this.messages.replaceChildren(banner('Success', `${wasEditing ? 'Changed' : 'Added'} “${response.title}”.`, true));
      await this.refresh();
      this.title.control.focus();
    } catch (err) {
      const byPath: Record<string, AnyField> = { title: this.title as AnyField, body: this.text as AnyField, skill: this.skill as AnyField };
      if (err instanceof ApiError && err.fieldErrors.length) {
        return this.summary.show(
          err.fieldErrors.map((e) => ({ message: e.message, field: byPath[e.path] })),
          this.fields(),
        );
      }
      this.summary.show([{ message: `Not saved: ${errorText(err)}`, field: (err instanceof ApiError && err.title === 'Unknown skill' ? this.skill : this.title) as AnyField }], this.fields());
    }
  }
}
