import { readConfig } from './config.js';
import { ChatWidget } from './widget.js';

/**
 * Entry point of widget.js. Embedded with one tag:
 *   <script src="https://host/widget.js" data-tenant="demo" defer></script>
 * Optional: data-language="cy" (start in Welsh), data-languages="en cy" (the council's languages,
 * else asked of the server), data-title / data-title-cy (the launcher's words per language).
 * currentScript is only set while this file first runs, so it is read at once.
 */
const script = document.currentScript as HTMLScriptElement | null;

function start(): void {
  if (document.getElementById('ca-root')) return; // included twice: one widget is enough
  new ChatWidget(readConfig(script, location.href, document.documentElement.lang)).mount();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
