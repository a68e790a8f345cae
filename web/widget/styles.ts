/**
 * The widget's CSS, injected once so embedding stays one script tag. Everything is scoped
 * under .ca-root and resets what host pages commonly restyle (button, p, ul, h2, input).
 * GOV.UK Design System colours and focus states; px units so a host's root font size
 * cannot shrink it (browser zoom still scales it).
 */
import { ATTACH_CSS } from './attach.js';

const CSS = `
.ca-root, .ca-root * { box-sizing: border-box; }
.ca-root [hidden] { display: none !important; }
.ca-root {
  font-family: "GDS Transport", arial, sans-serif; font-size: 19px; line-height: 1.32; color: #0b0c0c;
  -webkit-font-smoothing: antialiased; text-align: left;
}
.ca-root p, .ca-root ul, .ca-root h2, .ca-root h3, .ca-root li { margin: 0; padding: 0; font: inherit; color: inherit; letter-spacing: normal; text-transform: none; }
.ca-root button, .ca-root input { font: inherit; letter-spacing: normal; text-transform: none; margin: 0; }
.ca-vh {
  position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important;
  overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important;
}

/* Buttons: GOV.UK primary (green) and secondary (grey). */
.ca-root .ca-button {
  display: inline-flex; align-items: center; gap: 8px; padding: 8px 10px 7px; border: 2px solid transparent; border-radius: 0;
  background: #00703c; color: #fff; box-shadow: 0 2px 0 #002d18; font-size: 19px; line-height: 1.19; cursor: pointer;
  text-decoration: none; -webkit-appearance: none; appearance: none; min-height: 40px;
}
.ca-root .ca-button:hover { background: #005a30; }
.ca-root .ca-button:active { top: 2px; box-shadow: none; }
.ca-root .ca-button--secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
.ca-root .ca-button--secondary:hover { background: #dbdad9; }
.ca-root .ca-button:focus-visible, .ca-root .ca-close:focus-visible {
  outline: 3px solid transparent; border-color: #ffdd00; background: #ffdd00; color: #0b0c0c; box-shadow: inset 0 0 0 1px #ffdd00, 0 2px 0 #0b0c0c;
}

/* Links: GOV.UK link colours and the yellow focus with a black underline bar. */
.ca-root .ca-link { color: #1d70b8; text-decoration: underline; text-underline-offset: 0.1em; text-decoration-thickness: max(1px, .0625rem); }
.ca-root .ca-link:visited { color: #4c2c92; }
.ca-root .ca-link:hover { color: #003078; text-decoration-thickness: max(3px, .1875rem); }
.ca-root .ca-link:focus-visible {
  outline: 3px solid transparent; color: #0b0c0c; background: #ffdd00; text-decoration: none;
  box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; -webkit-box-decoration-break: clone; box-decoration-break: clone;
}

.ca-launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; font-weight: 700; }
.ca-root .ca-launcher { padding: 12px 16px 11px; }
.ca-launcher__icon { flex: none; }

.ca-panel {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; display: flex; flex-direction: column;
  width: 400px; max-width: calc(100vw - 32px); height: 640px; max-height: calc(100vh - 32px);
  background: #fff; border: 2px solid #0b0c0c; box-shadow: 0 4px 12px rgba(11, 12, 12, 0.3);
}
.ca-header {
  display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: 4px 8px; padding: 12px 16px 10px;
  background: #0b0c0c; color: #fff; border-bottom: 8px solid #1d70b8;
}
.ca-root .ca-title { flex: 1 1 0; min-width: 0; font-size: 24px; font-weight: 700; line-height: 1.25; color: #fff; }
.ca-root .ca-intro { flex: 1 0 100%; font-size: 16px; line-height: 1.25; color: #fff; }
.ca-root .ca-close {
  flex: none; display: inline-flex; align-items: center; gap: 4px; padding: 4px 6px; min-height: 40px;
  background: transparent; color: #fff; border: 2px solid #fff; border-radius: 0; cursor: pointer; font-size: 16px; font-weight: 700;
}
.ca-close__icon { font-size: 24px; line-height: 1; }
.ca-root .ca-close:hover { text-decoration: underline; }
.ca-header__actions { flex: none; display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; }
.ca-root .ca-close[aria-expanded="true"] { background: #fff; color: #0b0c0c; }

/* English | Cymraeg: text buttons on the header; the chosen one bold, the other underlined as a link. */
.ca-lang { flex: 1 0 100%; display: flex; align-items: center; gap: 6px; font-size: 16px; }
.ca-root .ca-lang__option {
  padding: 2px 4px; min-height: 32px; background: transparent; color: #fff; border: 0; border-radius: 0; cursor: pointer;
  font-size: 16px; text-decoration: underline; text-underline-offset: 0.15em;
}
.ca-root .ca-lang__option[aria-pressed="true"] { font-weight: 700; text-decoration: none; }
.ca-root .ca-lang__option:hover { text-decoration-thickness: 3px; }
.ca-root .ca-lang__option:focus-visible { outline: 3px solid transparent; background: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; text-decoration: none; }
.ca-lang__sep { color: #fff; }

/* End chat's confirmation: an inline step under the header, not a modal. */
.ca-confirm { padding: 12px 16px; background: #f3f2f1; border-bottom: 1px solid #b1b4b6; }
.ca-root .ca-confirm__question { font-weight: 700; font-size: 19px; margin-bottom: 4px; }
.ca-confirm__actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; }
.ca-root .ca-button--warning { background: #d4351c; box-shadow: 0 2px 0 #55150b; }
.ca-root .ca-button--warning:hover { background: #aa2a16; }
.ca-root .ca-button:disabled { opacity: 0.5; cursor: not-allowed; }
.ca-root .ca-button:disabled:hover { background: #00703c; }

/* The ended state, at the end of the conversation. */
.ca-ended { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; padding-top: 12px; border-top: 1px solid #b1b4b6; }
.ca-root .ca-ended__title { font-weight: 700; font-size: 24px; line-height: 1.25; }
.ca-ended__title:focus { outline: 3px solid #ffdd00; outline-offset: 2px; }

.ca-log { flex: 1 1 auto; min-height: 0; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 12px; }
.ca-log:focus-visible { outline: 3px solid #ffdd00; outline-offset: -3px; box-shadow: inset 0 0 0 6px #0b0c0c; }

.ca-msg { display: flex; }
.ca-msg--resident { justify-content: flex-end; }
.ca-bubble { max-width: 88%; padding: 10px 12px; overflow-wrap: anywhere; }
.ca-msg--bot .ca-bubble, .ca-msg--agent .ca-bubble { background: #f3f2f1; }
.ca-msg--agent .ca-bubble { border-left: 5px solid #1d70b8; }
.ca-msg--resident .ca-bubble { background: #1d70b8; color: #fff; }
.ca-msg--resident .ca-link, .ca-msg--resident .ca-link:visited { color: #fff; }
.ca-msg--failed .ca-bubble { outline: 3px dashed #d4351c; outline-offset: 2px; }
.ca-root .ca-p + .ca-p, .ca-root .ca-p + .ca-list, .ca-root .ca-list + .ca-p, .ca-root .ca-card { margin-top: 8px; }
.ca-root .ca-list { padding-left: 20px; list-style: disc; }
.ca-root .ca-list li { margin-top: 4px; }
.ca-root .ca-speaker { font-size: 16px; font-weight: 700; margin-bottom: 4px; }

.ca-root .ca-card { background: #fff; border: 1px solid #b1b4b6; border-top: 5px solid #1d70b8; padding: 12px; }
.ca-root .ca-card__title { font-weight: 700; font-size: 19px; margin-bottom: 4px; }
.ca-root .ca-card__body { margin-bottom: 8px; }

.ca-msg--handoff .ca-bubble { background: #fff; border: 3px solid #1d70b8; padding: 0 12px 10px; }
.ca-root .ca-handoff { margin: 0 -12px 10px; padding: 6px 12px; background: #1d70b8; color: #fff; font-weight: 700; }

.ca-suggestions { display: flex; flex-wrap: wrap; gap: 8px 8px; padding-bottom: 2px; }
.ca-root .ca-suggestions .ca-button { font-size: 16px; min-height: 36px; padding: 6px 10px 5px; text-align: left; }

.ca-error { border-left: 5px solid #d4351c; padding: 6px 0 6px 12px; display: flex; flex-direction: column; align-items: flex-start; gap: 8px; }
.ca-root .ca-error .ca-p { color: #d4351c; font-weight: 700; }
.ca-root .ca-error .ca-p + .ca-button { margin-top: 0; }

.ca-typing { padding: 0 16px; font-size: 16px; color: #505a5f; min-height: 0; }
.ca-typing--on { padding-bottom: 6px; }
.ca-typing--on::after { content: ""; display: inline-block; width: 8px; height: 8px; margin-left: 6px; border-radius: 50%; background: #505a5f; animation: ca-pulse 1s ease-in-out infinite; }
@keyframes ca-pulse { 0%, 100% { opacity: 0.2; } 50% { opacity: 1; } }

.ca-root .ca-status { padding: 8px 16px; background: #f3f2f1; border-bottom: 1px solid #b1b4b6; font-size: 16px; font-weight: 700; }
.ca-root .ca-status__detail { display: block; font-weight: 400; }
.ca-agent-typing { padding: 0 16px; font-size: 16px; color: #505a5f; }
.ca-agent-typing:not(:empty) { padding-bottom: 6px; }
.ca-form { position: relative; padding: 12px 16px 16px; border-top: 1px solid #b1b4b6; }
.ca-root .ca-label { display: block; font-weight: 700; font-size: 19px; margin-bottom: 6px; }
.ca-form__row { display: flex; gap: 8px; align-items: stretch; }
.ca-root .ca-input {
  flex: 1 1 auto; min-width: 0; height: 40px; padding: 5px; border: 2px solid #0b0c0c; border-radius: 0; background: #fff; color: #0b0c0c;
  font-size: 19px; -webkit-appearance: none; appearance: none;
}
.ca-root .ca-input:disabled { background: #f3f2f1; border-color: #929191; color: #505a5f; cursor: not-allowed; }
.ca-root .ca-input:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
.ca-root .ca-send { flex: none; }
.ca-comment-form { display: flex; flex-direction: column; align-items: flex-start; gap: 8px; width: 100%; }
.ca-root .ca-comment { width: 100%; height: auto; box-sizing: border-box; resize: vertical; font-family: inherit; }

.ca-root .ca-typeahead {
  list-style: none; margin: 0; padding: 0; border: 2px solid #0b0c0c; border-top: 0; background: #fff; max-height: 220px; overflow-y: auto;
}
.ca-root .ca-option { padding: 8px; cursor: pointer; border-bottom: 1px solid #b1b4b6; font-size: 16px; }
.ca-root .ca-option:last-child { border-bottom: 0; }
.ca-root .ca-option:hover, .ca-root .ca-option--active { background: #1d70b8; color: #fff; outline: 3px solid #ffdd00; outline-offset: -3px; }
.ca-option__kind { color: #505a5f; }
.ca-option:hover .ca-option__kind, .ca-option--active .ca-option__kind { color: #fff; }

/* Small screens and high zoom: the panel takes the whole viewport. */
@media (max-width: 480px), (max-height: 480px) {
  .ca-panel { inset: 0; right: 0; bottom: 0; width: 100%; max-width: none; height: 100%; max-height: none; border: 0; box-shadow: none; }
  .ca-root, .ca-root .ca-button, .ca-root .ca-input, .ca-root .ca-label, .ca-root .ca-card__title { font-size: 16px; }
  .ca-root .ca-title { font-size: 19px; }
  .ca-launcher { right: 8px; bottom: 8px; }
}
/* At 200% zoom on a laptop the viewport is ~400px tall: give the conversation the room. */
@media (max-height: 480px) {
  .ca-intro { display: none; }
  .ca-header { padding-top: 6px; padding-bottom: 4px; border-bottom-width: 4px; }
  .ca-form { padding-top: 6px; padding-bottom: 8px; }
}
@media (prefers-reduced-motion: reduce) {
  .ca-root *, .ca-root *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) {
  .ca-root .ca-option--active { outline: 3px solid Highlight; }
  .ca-bubble { border: 1px solid CanvasText; }
}
`;

export function injectStyles(): void {
  if (document.getElementById('ca-styles')) return;
  const style = document.createElement('style');
  style.id = 'ca-styles';
  style.textContent = CSS + ATTACH_CSS;
  document.head.appendChild(style);
}
