import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { TurnObserver } from '../bot/index.js';
import { dbStatementsTotal } from '../store/index.js';
import { metaGraphErrorsTotal, metaMessagesSentTotal } from '../channels/index.js';
import type { Logger } from 'pino';

export interface Metrics {
  registry: Registry;
  observer: TurnObserver;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
}

export function createMetrics(log: Logger): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // SQL statements this process sent (store/statement-count.ts): the cost of a turn, watched in production too.
  registry.registerMetric(dbStatementsTotal);
  // Meta's channels: Graph and Send API refusals by channel, code and retryable; messages Meta accepted.
  registry.registerMetric(metaGraphErrorsTotal);
  registry.registerMetric(metaMessagesSentTotal);
  const turns = new Counter({
    name: 'assistant_turns_total',
    help: 'Resident messages answered, by tenant, channel and what the assistant did',
    labelNames: ['tenant', 'channel', 'action'] as const,
    registers: [registry],
  });
  const turnDuration = new Histogram({
    name: 'assistant_turn_seconds',
    help: 'Time to decide one turn',
    labelNames: ['channel'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const faults = new Counter({ name: 'assistant_turn_faults_total', help: 'Turns that failed and were answered with an apology', registers: [registry] });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // Each label combination's child, kept (prom-client hashes a label object on every call otherwise); the combinations are few.
  const turnCounters = new Map<string, { inc(): void }>();
  const turnTimers = new Map<string, { observe(v: number): void }>();
  return {
    registry,
    httpDuration,
    observer: {
      turn(tenant, channel, action, ms) {
        const kind = action.split(':')[0];
        const key = `${tenant}\u0000${channel}\u0000${kind}`;
        let counter = turnCounters.get(key);
        if (!counter) turnCounters.set(key, (counter = turns.labels({ tenant, channel, action: kind })));
        counter.inc();
        let timer = turnTimers.get(channel);
        if (!timer) turnTimers.set(channel, (timer = turnDuration.labels({ channel })));
        timer.observe(ms / 1000);
      },
      error(err, context) {
        faults.inc();
        log.error({ err, ...context }, 'turn failed');
      },
    },
  };
}
