/**
 * A conversation's call recordings in the console (issue 14, item 3): each with an <audio>
 * player whose source is our own server (`/api/console/recordings/:id/audio`, which fetches it from
 * Twilio and audits the play), never a Twilio address; supervisors also get a download link to
 * export one for a complaint (audited as an export). Hidden when the conversation has none.
 * `RecordingDeletionsPanel` (supervisors' page): recordings Twilio has not deleted although asked,
 * with the count, the last error and a Retry button each.
 */
import { button, el, formatDateTime, say } from './ui.js';

/** As `GET /api/console/conversations/:id/recordings` answers (api/console/recordings-routes.ts). */
interface RecordingItem {
  id: string;
  status: string;
  durationSeconds: number | null;
  channels: number | null;
  startedAt: string | null;
  audio: string | null;
}

interface RecordingList {
  recordings: RecordingItem[];
  canExport: boolean;
}

export class RecordingsView {
  readonly element = el('section', { class: 'ca-recordings', id: 'recordings', 'aria-labelledby': 'recordings-heading' });

  constructor(private readonly conversationId: string) {
    this.element.hidden = true;
  }

  async load(): Promise<void> {
    let list: RecordingList;
    try {
      const res = await fetch(`/api/console/conversations/${encodeURIComponent(this.conversationId)}/recordings`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!res.ok) return; // not theirs to see, or none: nothing to show
      list = (await res.json()) as RecordingList;
    } catch {
      return;
    }
    if (!list.recordings.length) {
      this.element.hidden = true;
      return;
    }
    const items = list.recordings.map((r, i) => {
      const label = `Call recording ${i + 1}${r.startedAt ? `, started ${when(r.startedAt)}` : ''}${r.durationSeconds !== null ? `, ${duration(r.durationSeconds)}` : ''}`;
      const labelId = `recording-${r.id}-label`;
      if (!r.audio) {
        return el('li', { class: 'ca-recordings__item' }, el('p', { class: 'govuk-body', id: labelId }, `${label}: ${r.status === 'in-progress' ? 'still recording' : 'no audio was recorded'}.`));
      }
      const audio = el('audio', { controls: true, preload: 'none', src: r.audio, 'aria-labelledby': labelId });
      const download = list.canExport
        ? el('a', { class: 'govuk-link', href: `${r.audio}?download=1`, download: '' }, 'Export for a complaint (MP3)', el('span', { class: 'govuk-visually-hidden' }, ` – ${label}`))
        : null;
      return el('li', { class: 'ca-recordings__item' }, el('p', { class: 'govuk-body govuk-!-margin-bottom-1', id: labelId }, label), audio, download ? el('p', { class: 'govuk-body' }, download) : null);
    });
    this.element.replaceChildren(
      el('h2', { class: 'govuk-heading-m', id: 'recordings-heading' }, 'Call recordings'),
      el('p', { class: 'govuk-hint' }, 'Each play and export is recorded in the audit trail.'),
      el('ul', { class: 'govuk-list' }, ...items),
    );
    this.element.hidden = false;
  }
}

function when(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
}

function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [m ? `${m} minute${m === 1 ? '' : 's'}` : '', s || !m ? `${s} second${s === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ');
}

/** As `GET /api/console/recordings/deletions` answers (supervisors). */
interface DeletionList {
  failed: number;
  items: { id: string; recordingSid: string; requestedAt: string; attempts: number; error: string | null; lastTriedAt: string }[];
}

/** Deletions at Twilio that failed so far: shown to supervisors only (the route answers 403 to others: hidden). */
export class RecordingDeletionsPanel {
  readonly element = el('section', { class: 'ca-recording-deletions', id: 'recording-deletions', 'aria-labelledby': 'recording-deletions-title' });
  private shown = '';

  constructor(private readonly csrf: () => string) {
    this.element.hidden = true;
  }

  async load(): Promise<void> {
    let list: DeletionList;
    try {
      const res = await fetch('/api/console/recordings/deletions', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!res.ok) return void (this.element.hidden = true);
      list = (await res.json()) as DeletionList;
    } catch {
      return;
    }
    // Unchanged: left as it is, so a refresh never takes the focus off a Retry button.
    const key = JSON.stringify(list);
    if (key === this.shown && !this.element.hidden) return;
    this.shown = key;
    const h2 = el('h2', { class: 'govuk-heading-m', id: 'recording-deletions-title' }, 'Call recordings not yet deleted at Twilio');
    this.element.hidden = false;
    if (!list.failed) return void this.element.replaceChildren(h2, el('p', { class: 'govuk-body', id: 'recording-deletions-count' }, 'None: every deletion asked of Twilio has succeeded or is under way.'));
    const rows = list.items.map((d) => {
      const retry = button('Retry now', { class: 'govuk-button govuk-button--secondary ca-small-button', 'data-recording': d.id }, 'secondary');
      retry.append(el('span', { class: 'govuk-visually-hidden' }, ` deleting recording ${d.recordingSid}`));
      retry.addEventListener('click', () => void this.retry(d.id, retry));
      return el(
        'tr',
        { class: 'govuk-table__row', 'data-recording': d.id },
        el('th', { scope: 'row', class: 'govuk-table__header' }, d.recordingSid),
        el('td', { class: 'govuk-table__cell' }, formatDateTime(d.requestedAt)),
        el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, String(d.attempts)),
        el('td', { class: 'govuk-table__cell' }, d.error ?? ''),
        el('td', { class: 'govuk-table__cell' }, retry),
      );
    });
    this.element.replaceChildren(
      h2,
      el(
        'p',
        { class: 'govuk-body', id: 'recording-deletions-count' },
        el('strong', { class: 'govuk-tag govuk-tag--red' }, `${list.failed} not deleted`),
        ` Retention or an erasure asked Twilio to delete ${list.failed === 1 ? 'this recording' : `these ${list.failed} recordings`}, and Twilio has not done so yet. Each is tried again every minute; Retry now tries at once.`,
      ),
      el(
        'table',
        { class: 'govuk-table', id: 'recording-deletions-table' },
        el('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, 'Deletions not yet done, oldest first'),
        el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...['Recording', 'Deletion asked', 'Attempts', 'Last error', 'Action'].map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
        el('tbody', { class: 'govuk-table__body' }, ...rows),
      ),
    );
  }

  private async retry(id: string, control: HTMLButtonElement): Promise<void> {
    control.disabled = true;
    const res = await fetch(`/api/console/recordings/deletions/${encodeURIComponent(id)}/retry`, { method: 'POST', credentials: 'same-origin', headers: { accept: 'application/json', 'x-csrf-token': this.csrf() } }).catch(() => null);
    const region = document.getElementById(res?.ok ? 'announcer' : 'announcer-urgent');
    if (region) say(region, res?.ok ? 'Deletion queued: Twilio is asked again now.' : res?.status === 404 ? 'That recording has been deleted already.' : 'Could not queue the deletion. Try again.');
    // The job runs in the background: look again shortly.
    setTimeout(() => void this.load(), 1500);
  }
}
