/** Contracts shared by the optional remote recognisers (LLM, Azure OpenAI, Azure CLU). */
import type { IntentPrediction } from '../types.js';

/** What a remote recogniser needs to know about the catalogue: ids, and words for the LLM prompt. */
export interface CatalogueEntry {
  id: string;
  name?: string;
  description?: string;
}

export interface RecogniseOptions {
  /** Aborts the remote call, e.g. when the fallback's time budget runs out. */
  signal?: AbortSignal;
}

/**
 * A recogniser behind a network call. It rejects on any failure (HTTP error, timeout, malformed
 * reply); `withFallback` is what keeps a turn going, so failures stay visible to it.
 */
export interface RemoteRecogniser {
  /** For logs: "llm", "azure-openai", "clu". */
  readonly name: string;
  /** Its own per-request timeout; `withFallback` uses it as the default budget. */
  readonly timeoutMs?: number;
  recognise(text: string, options?: RecogniseOptions): Promise<IntentPrediction>;
}

/** A remote call that failed in a way worth logging apart from transport errors. */
export class RemoteRecogniserError extends Error {
  constructor(
    readonly recogniser: string,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(`${recogniser}: ${message}`, options);
    this.name = 'RemoteRecogniserError';
  }
}
