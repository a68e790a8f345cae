/**
 * A conversation's call recordings in the console (issue 14, item 3): each with an <audio>
 * player whose source is our own server (`/api/console/recordings/:id/audio`, which fetches it from
 * Twilio and audits the play), never a Twilio address; supervisors also get a download link to
 * export one for a complaint (audited as an export). Hidden when the conversation has none.
 */
import { el } from './ui.js';

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
