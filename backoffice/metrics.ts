/**
 * The back-office push in the metrics: every attempt's outcome (delivered, retrying, failed) by
 * council, how long each attempt took, and how long after the change a delivery landed. Like
 * channels/meta/metrics.ts, they live once per process on prom-client's default registry;
 * api/server.ts adds them to the app's registry, which /metrics serves.
 */
import { Counter, Histogram, register } from 'prom-client';

const ATTEMPTS = 'backoffice_webhook_attempts_total';
const ATTEMPT_SECONDS = 'backoffice_webhook_attempt_seconds';
const LAG_SECONDS = 'backoffice_webhook_delivery_lag_seconds';

/** A second copy of this module (a test runner's) reuses the registered metric. */
function existing<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

export const backofficeAttemptsTotal = existing(
  ATTEMPTS,
  () => new Counter({ name: ATTEMPTS, help: 'Back-office webhook delivery attempts by council and outcome (delivered, retrying, failed: the retry budget is spent)', labelNames: ['tenant', 'outcome'] as const }),
);

export const backofficeAttemptSeconds = existing(
  ATTEMPT_SECONDS,
  () =>
    new Histogram({
      name: ATTEMPT_SECONDS,
      help: "Time from sending a back-office webhook to its answer (or the timeout), by outcome",
      labelNames: ['outcome'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    }),
);

export const backofficeDeliveryLagSeconds = existing(
  LAG_SECONDS,
  () =>
    new Histogram({
      name: LAG_SECONDS,
      help: 'Time from a case change to its delivery to a back-office webhook (retries included)',
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 21600, 86400],
    }),
);

/** Every metric of the push, for the app's registry. */
export const backofficeMetrics = [backofficeAttemptsTotal, backofficeAttemptSeconds, backofficeDeliveryLagSeconds];
