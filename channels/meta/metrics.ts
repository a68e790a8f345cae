/**
 * Meta's channels in the metrics (issue 12, item 6): every refused Graph API or Send API call by
 * channel (whatsapp, messenger, instagram), Graph error code ("none" when Meta gave none: no
 * answer, a 5xx without a body, no token for the council) and whether it is retried, and every
 * message Meta accepted, by channel. A rising `meta_graph_errors_total{code="190"}` is an expired
 * token; `code="131047"` a reply held for the 24-hour window. Like db_statements_total, the
 * counters live on prom-client's default registry once per process; api/metrics.ts adds them to
 * the app's own registry, which /metrics serves.
 */
import { Counter, register } from 'prom-client';

const ERRORS = 'meta_graph_errors_total';
const SENT = 'meta_messages_sent_total';

/** A second copy of this module (a test runner's) reuses the registered counter. */
function counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
  return (register.getSingleMetric(name) as Counter<L> | undefined) ?? new Counter({ name, help, labelNames });
}

export const metaGraphErrorsTotal = counter(ERRORS, "Meta Graph API and Send API calls refused or unanswered, by channel, Graph error code and whether they are retried", ['channel', 'code', 'retryable'] as const);
export const metaMessagesSentTotal = counter(SENT, 'Messages Meta accepted (WhatsApp Cloud API, Messenger Send API), by channel', ['channel'] as const);

/** Counts one refused call; `err` is a GraphError (its code, if Meta gave one, and retryable). */
export function countGraphError(channel: string, err: { code?: number; retryable: boolean }): void {
  metaGraphErrorsTotal.inc({ channel, code: err.code === undefined ? 'none' : String(err.code), retryable: String(err.retryable) });
}

export function countMessageSent(channel: string): void {
  metaMessagesSentTotal.inc({ channel });
}
