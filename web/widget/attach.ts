import { el } from './dom.js';

/**
 * Photos and files in the widget: "Take a photo" (the camera on a phone: accept="image/*" with
 * capture; shown only where the main pointer is touch, as on a computer it would just open files)
 * and "Add a photo or file". Each is a real file input, visually hidden but focusable, with its
 * label styled as a button: keyboard and screen-reader users get the browser's own control. The
 * server checks the file (api/routes/files.ts): the limits here only spare a resident sending
 * something that is bound to be refused.
 */

/** As the server's (files/checks.ts FILE_MAX_BYTES). */
export const FILE_LIMIT_BYTES = 10 * 1024 * 1024;
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';

export interface AttachElements {
  root: HTMLElement;
  photoInput: HTMLInputElement;
  fileInput: HTMLInputElement;
  /** The visible labels and the hint, for the language switch to reword. */
  photoLabel: HTMLElement;
  fileLabel: HTMLElement;
  hint: HTMLElement;
}

export function buildAttach(): AttachElements {
  const hint = 'ca-attach-hint';
  const photoInput = el('input', { id: 'ca-photo', class: 'ca-file', type: 'file', name: 'photo', accept: 'image/*', capture: 'environment', 'aria-describedby': hint });
  const fileInput = el('input', { id: 'ca-file', class: 'ca-file', type: 'file', name: 'file', accept: ACCEPT, 'aria-describedby': hint });
  const photoLabel = el('label', { for: 'ca-photo', class: 'ca-button ca-button--secondary ca-attach__button' }, 'Take a photo');
  const fileLabel = el('label', { for: 'ca-file', class: 'ca-button ca-button--secondary ca-attach__button' }, 'Add a photo or file');
  const hintNode = el('p', { id: hint, class: 'ca-attach__hint' }, 'Photos or PDF files, up to 10 MB. We remove location and camera details from photos.');
  const root = el(
    'div',
    { class: 'ca-attach' },
    el('span', { class: 'ca-attach__camera' }, photoInput, photoLabel),
    el('span', { class: 'ca-attach__files' }, fileInput, fileLabel),
    hintNode,
  );
  return { root, photoInput, fileInput, photoLabel, fileLabel, hint: hintNode };
}

/** "photo" or "file", as the resident would say it. */
export function kindOfFile(file: Blob): 'photo' | 'file' {
  return file.type.startsWith('image/') ? 'photo' : 'file';
}

export const ATTACH_CSS = `
.ca-attach { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; margin-top: 8px; }
.ca-attach__camera, .ca-attach__files { position: relative; display: inline-flex; }
.ca-root .ca-file { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; font-size: 0; }
.ca-root .ca-attach__button { font-size: 16px; min-height: 36px; padding: 6px 10px 5px; }
.ca-root .ca-file:focus-visible + .ca-attach__button {
  outline: 3px solid transparent; border-color: #ffdd00; background: #ffdd00; color: #0b0c0c; box-shadow: inset 0 0 0 1px #ffdd00, 0 2px 0 #0b0c0c;
}
.ca-root .ca-file:disabled, .ca-root .ca-file:disabled + .ca-attach__button { opacity: 0.5; cursor: not-allowed; }
.ca-root .ca-attach__hint { flex: 1 0 100%; font-size: 16px; color: #505a5f; }
.ca-root .ca-file-status { font-size: 16px; }
@media (hover: hover) and (pointer: fine) { .ca-attach__camera { display: none; } }
@media (max-height: 480px) { .ca-root .ca-attach__hint { display: none; } }
`;
