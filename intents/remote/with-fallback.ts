/** Remote first, embedded model as the safety net: a slow or broken service never breaks a turn. */
import type { IntentModel, IntentPrediction } from '../types.js';
import type { RemoteRecogniser } from './types.js';

/** The embedded model, or anything that recognises like it. */
export type EmbeddedRecogniser = Pick<IntentModel, 'predict'> | { recognise(text: string): Promise<IntentPrediction> };

export interface RemoteFailure {
  recogniser: string;
  reason: 'timeout' | 'error';
  elapsedMs: number;
  /** Set when this failure opened the circuit: the remote is skipped (silently) for this long. */
  circuitOpenForMs?: number;
}

export interface FallbackOptions {
  /** Budget for the whole remote call, retries included. Default: the remote's own timeout, else 4 s. */
  timeoutMs?: number;
  /** Told of every fallback; must not throw (if it does, the error is swallowed). */
  onError?: (error: unknown, failure: RemoteFailure) => void;
  /**
   * Combination policy: when the remote says out of scope but the embedded model, trained on this
   * council's own phrases, is at least this confident, keep the embedded answer. A general LLM
   * does not know local services as the tenant's phrases do, and a calibrated 0.9 is rarely
   * wrong. `null` always trusts the remote. Default 0.9.
   */
  keepEmbeddedAbove?: number | null;
  /**
   * After this many failures in a row, skip the remote for `cooldownMs`, so an outage costs
   * residents one timeout each only until the breaker opens. Default 3 failures, 30 s; null disables.
   */
  circuit?: { failures: number; cooldownMs: number } | null;
}

export class RemoteTimeoutError extends Error {
  constructor(recogniser: string, ms: number) {
    super(`${recogniser}: no answer within ${ms} ms`);
    this.name = 'RemoteTimeoutError';
  }
}

export interface FallbackRecogniser {
  recognise(text: string): Promise<IntentPrediction>;
}

export function withFallback(remote: RemoteRecogniser, embedded: EmbeddedRecogniser, options: FallbackOptions = {}): FallbackRecogniser {
  const timeoutMs = options.timeoutMs ?? remote.timeoutMs ?? 4000;
  const keepAbove = options.keepEmbeddedAbove === undefined ? 0.9 : options.keepEmbeddedAbove;
  const circuit = options.circuit === undefined ? { failures: 3, cooldownMs: 30_000 } : options.circuit;
  const local = (text: string): Promise<IntentPrediction> =>
    'predict' in embedded ? Promise.resolve(embedded.predict(text)) : embedded.recognise(text);
  let failuresInARow = 0;
  let openUntil = 0;

  const report = (error: unknown, failure: RemoteFailure): void => {
    try {
      options.onError?.(error, failure);
    } catch {
      // Logging must not be what breaks a turn.
    }
  };

  return {
    async recognise(text) {
      const started = Date.now();
      // While open, skip quietly: the failure that opened it was reported with its duration.
      if (circuit && started < openUntil) return local(text);
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new RemoteTimeoutError(remote.name, timeoutMs);
          controller.abort(error); // cancels the request and any retries still pending
          reject(error);
        }, timeoutMs);
      });
      try {
        const prediction = await Promise.race([remote.recognise(text, { signal: controller.signal }), deadline]);
        failuresInARow = 0;
        if (keepAbove !== null && prediction.outOfScope) {
          const own = await local(text);
          if (!own.outOfScope && (own.ranked[0]?.confidence ?? 0) >= keepAbove) return own;
        }
        return prediction;
      } catch (error) {
        failuresInARow++;
        const opens = circuit !== null && failuresInARow >= circuit.failures;
        if (opens) openUntil = Date.now() + circuit.cooldownMs;
        report(error, {
          recogniser: remote.name,
          reason: isTimeout(error) ? 'timeout' : 'error',
          elapsedMs: Date.now() - started,
          ...(opens ? { circuitOpenForMs: circuit.cooldownMs } : {}),
        });
        return local(text);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Our own deadline, or the remote's per-request timeout (fetch's TimeoutError, the openai client's). */
function isTimeout(error: unknown): boolean {
  if (error instanceof RemoteTimeoutError) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'APIConnectionTimeoutError';
}
