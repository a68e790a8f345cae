import type { ConsoleApi } from './api.js';
import type { ConversationNoteItem } from '../../wire/index.js';
import { el, errorText, ErrorSummary, field, say } from './ui.js';

/**
 * Private notes between agents on a conversation (issue 16, item 7): shown apart from the
 * transcript, marked as never sent to the resident, added from their own form (not the reply box,
 * so a note cannot be sent by mistake). Re-read whenever the conversation changes.
 */
export class NotesPanel {
  readonly element: HTMLElement;
  private readonly list = el('ol', { class: 'govuk-list ca-notes__list', id: 'notes-list', 'aria-labelledby': 'notes-heading' });
  private readonly empty = el('p', { class: 'govuk-body ca-empty', id: 'notes-empty' }, 'No notes yet.');
  private readonly text = el('textarea', { class: 'govuk-textarea', id: 'note-text', name: 'note', rows: '3' });
  private shown = '';

  constructor(
    private readonly api: ConsoleApi,
    private readonly conversationId: string,
    private readonly announcer: () => HTMLElement | null,
  ) {
    const summary = new ErrorSummary();
    const f = field('Add a private note', this.text, { id: 'note-text', hint: 'For other advisers only. It is never sent to the resident.' });
    const form = el('form', { novalidate: true, id: 'note-form' }, summary.node, f.group, el('button', { type: 'submit', class: 'govuk-button govuk-button--secondary', id: 'add-note' }, 'Add note'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const value = this.text.value.trim();
      if (!value) return summary.show([{ message: 'Enter a note', field: f }], [f]);
      try {
        await this.api.addNote(this.conversationId, value);
        summary.clear([f]);
        this.text.value = '';
        await this.load();
        const region = this.announcer();
        if (region) say(region, 'Private note added. It was not sent to the resident.');
      } catch (err) {
        summary.show([{ message: `Your note was not added: ${errorText(err)}`, field: f }], [f]);
      }
    });
    this.element = el(
      'section',
      { class: 'ca-notes', id: 'notes', 'aria-labelledby': 'notes-heading' },
      el('h2', { class: 'govuk-heading-m', id: 'notes-heading' }, 'Private notes', el('span', { class: 'govuk-caption-s' }, ' (advisers only, not sent to the resident)')),
      this.list,
      this.empty,
      form,
    );
  }

  async load(): Promise<void> {
    try {
      const { notes } = await this.api.notes(this.conversationId);
      this.render(notes);
    } catch (err) {
      this.empty.hidden = false;
      this.empty.textContent = `Could not load the notes: ${errorText(err)}`;
    }
  }

  private render(notes: ConversationNoteItem[]): void {
    const key = notes.map((n) => n.id).join();
    if (key === this.shown) return;
    this.shown = key;
    this.empty.hidden = notes.length > 0;
    this.empty.textContent = 'No notes yet.';
    this.list.replaceChildren(
      ...notes.map((n) =>
        el(
          'li',
          { class: 'ca-note', 'data-note': n.id },
          el('p', { class: 'ca-message__who' }, el('strong', { class: 'govuk-tag govuk-tag--purple' }, 'Private note'), ` ${n.agentName}, ${new Date(n.createdAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}`),
          el('p', { class: 'govuk-body ca-note__text' }, n.text),
        ),
      ),
    );
  }
}
